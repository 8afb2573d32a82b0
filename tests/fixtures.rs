//! Rule fixtures: every file in fixtures/<family>/ named `<CODE>_fire.*` must produce findings of
//! that code and no other; every `<CODE>_quiet.*` must produce none at all. Both are pinned as
//! snapshots of the human and JSON output.

mod common;

use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document, Selection};
use factlint::report::{self, Summary};
use factlint::settings::Settings;
use factlint::source::load_path;
use std::path::Path;

fn check(path: &str) -> Vec<Diagnostic> {
    let doc = load_path(Path::new(path), path).expect("fixture loads");
    check_document(&doc, &Settings::default(), &Selection::all())
}

#[test]
fn acronym_fixtures_fire_and_stay_quiet() {
    common::check_fixture_family("acronyms", "ACR", 6, |name, body| {
        insta::assert_snapshot!(name, body)
    });
}

#[test]
fn example_brief_reports_exactly_its_planted_faults() {
    let path = "fixtures/example-brief.txt";
    let diags = check(path);
    let got: Vec<(String, usize, String)> = diags
        .iter()
        .map(|d| {
            let (line, _) = d.file.position(d.finding.range.start);
            (
                d.rule.clone(),
                line,
                d.file.text[d.finding.range.clone()].to_string(),
            )
        })
        .collect();
    let expected = [
        ("ACR001", 52, "ECCAS"),
        ("ACR003", 56, "EUNAFVOR"),
        ("NUM005", 61, "6–3"),
        ("DAT006", 71, "December 12, 2022"),
        ("DAT005", 79, "November, 14, 2023"),
        ("DAT003", 83, "Thursday"),
    ];
    for (i, (rule, line, text)) in expected.iter().enumerate() {
        assert_eq!(got[i], (rule.to_string(), *line, text.to_string()));
    }
    assert_eq!(got.len(), 7, "{got:?}");
    assert_eq!((got[6].0.as_str(), got[6].1), ("REF003", 89));
    let typo = &diags[1];
    assert_eq!(
        typo.finding.fix.as_ref().map(|f| f.replacement.as_str()),
        Some("EUNAVFOR")
    );
    assert_eq!(
        typo.finding.labels.len(),
        1,
        "the definition is a secondary label"
    );
    insta::assert_snapshot!("example_brief_human", report::human::render(&diags));
    insta::assert_snapshot!(
        "example_brief_json",
        report::json::render(&diags, Summary::new(1, &diags))
    );
}

#[test]
fn spans_lie_on_char_boundaries() {
    let mut files = common::fixture_files("acronyms");
    files.push("fixtures/example-brief.txt".into());
    for path in files {
        for d in check(&path) {
            let text = &d.file.text;
            let r = &d.finding.range;
            assert!(r.start <= r.end && r.end <= text.len(), "{path}: {r:?}");
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "{path}"
            );
            for l in &d.finding.labels {
                assert!(text.is_char_boundary(l.range.start) && text.is_char_boundary(l.range.end));
            }
        }
    }
}
