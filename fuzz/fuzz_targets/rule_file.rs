//! Arbitrary text as a custom rule file, and its rules run over a small document: problems are
//! diagnostics, never panics.
#![no_main]
use factlint::analysis::Analysis;
use factlint::custom::{parse_rules, CustomRules};
use factlint::source::{Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = parse_rules("fuzz.toml", text);
    let rules = CustomRules::new(file.rules);
    let doc = Document::new("d.md", "The PLA sent about PLA 50 infantry. Per cent and percent.\n", Format::Markdown);
    let a = Analysis::new(&doc);
    let _ = rules.check(&doc, &a, &|_| true);
});
