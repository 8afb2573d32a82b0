//! Arbitrary bytes as an HTML page: the whole check must not panic, the prose mask keeps the
//! text's length, and every span must lie on char boundaries inside the text.
#![no_main]
use factlint::engine::{check_document, Selection};
use factlint::settings::Settings;
use factlint::source::{Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = Document::new("fuzz.html", text, Format::Html);
    assert_eq!(doc.prose.len(), text.len());
    for d in check_document(&doc, &Settings::default(), &Selection::all()) {
        let r = &d.finding.range;
        assert!(r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
});
