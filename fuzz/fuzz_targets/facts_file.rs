//! Arbitrary text as a facts file: problems are diagnostics, never panics.
#![no_main]
use factlint::facts::Facts;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (_facts, problems) = Facts::parse("fuzz.facts.toml", text);
    for d in problems {
        let r = &d.finding.range;
        assert!(r.end <= text.len());
    }
});
