//! Arbitrary bytes as a `.docx`: reading the package either fails with an error or gives a
//! document whose whole check does not panic, every span on char boundaries inside its text.
//! Seed it with real `.docx` files: most mutations of a zip are then still a zip.
#![no_main]
use factlint::engine::{check_document, Selection};
use factlint::settings::Settings;
use factlint::source::read_docx_within;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = read_docx_within("fuzz.docx", data, 1 << 20) else { return };
    let text = doc.text();
    assert_eq!(doc.prose.len(), text.len());
    for d in check_document(&doc, &Settings::default(), &Selection::all()) {
        let r = &d.finding.range;
        assert!(r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let _ = d.file.position(r.start);
    }
});
