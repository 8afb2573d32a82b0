//! Rule fixtures, one test each, every fixture checked against every default rule with its
//! sidecar `NAME.facts.toml` (as `factlint check` does):
//!
//! - `<CODE>_quiet*` must give no finding at all, from any rule;
//! - `<CODE>_fire*` must give findings of `CODE` and of no other rule, unless the other codes
//!   are written next to it below as `also ["CODE"]` (then they must fire too). Its human and
//!   JSON renderings are pinned as snapshots (`fixtures__<name>_{human,json}.snap`). Quiet
//!   fixtures have no snapshot: emptiness is asserted, not snapshotted.
//!
//! A test is named after its file with dots as underscores: `fixtures/acronyms/ACR003_fire.md`
//! is `ACR003_fire_md`, `fixtures/dates/DAT004_quiet_md.md` is `DAT004_quiet_md_md`. So
//! `cargo test --test fixtures ACR003` runs that rule's fixtures and nothing else, and
//! `cargo test --test fixtures ACR` the family's.
//!
//! Why a `macro_rules!` list: `insta::glob!` runs every file inside one test, so the first
//! failure hides the rest and a rule's fixtures cannot be selected by name; a `build.rs`
//! generating the tests would hide them from the reader and from rust-analyzer. The list is
//! plain to read, and `every_fixture_file_has_a_test` keeps it honest: it fails if a fixture
//! file has no entry, an entry has no file, or any other file sits in `fixtures/` unaccounted.

mod common;

use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document, Selection};
use factlint::report::{self, Summary};
use factlint::settings::Settings;
use factlint::source::load_path;
use std::path::Path;

/// Declares one `#[test]` per fixture, and `DECLARED`, their names.
macro_rules! fixtures {
    ($($name:ident $(also [$($also:literal),* $(,)?])?),* $(,)?) => {
        $(
            #[test]
            #[allow(non_snake_case)]
            fn $name() {
                fixture(stringify!($name), &[$($($also),*)?]);
            }
        )*
        const DECLARED: &[&str] = &[$(stringify!($name)),*];
    };
}

fixtures! {
    ACR001_fire_md, ACR001_fire_txt, ACR001_quiet_md, ACR001_quiet_txt,
    ACR001_fire_forms_md, ACR001_quiet_forms_md,
    ACR002_fire_md, ACR002_fire_txt, ACR002_quiet_md, ACR002_quiet_txt,
    ACR003_fire_md, ACR003_fire_txt, ACR003_quiet_md, ACR003_quiet_txt,
    ACR003_fire_known_md, ACR003_quiet_known_md,
    ACR004_fire_md, ACR004_fire_txt, ACR004_quiet_md, ACR004_quiet_txt,
    ACR005_fire_md, ACR005_fire_txt, ACR005_quiet_md, ACR005_quiet_txt,
    ACR006_fire_md, ACR006_fire_txt, ACR006_quiet_md, ACR006_quiet_txt,
    DAT001_fire_md, DAT001_fire_txt, DAT001_quiet_md, DAT001_quiet_txt,
    DAT002_fire_md, DAT002_fire_txt, DAT002_quiet_md, DAT002_quiet_txt,
    DAT003_fire_md, DAT003_fire_txt, DAT003_quiet_md, DAT003_quiet_txt,
    DAT004_fire_md_md, DAT004_fire_txt, DAT004_quiet_md_md, DAT004_quiet_txt,
    DAT005_fire_md, DAT005_fire_txt, DAT005_quiet_md, DAT005_quiet_txt,
    DAT006_fire_md, DAT006_fire_txt, DAT006_quiet_md, DAT006_quiet_txt,
    DAT001_fire_forms_txt, DAT002_fire_dayrange_txt, DAT003_fire_forms_txt,
    DAT003_quiet_forms_md, DAT005_quiet_forms_txt,
    DAT006_quiet_updated_txt,
    DAT001_fire_numeric_txt, DAT001_fire_numeric_md, DAT003_fire_numeric_txt,
    DAT003_fire_numeric_md, DAT003_quiet_numeric_txt, DAT003_quiet_numeric_md,
    FCT001_fire_md_md, FCT001_fire_txt, FCT001_quiet_md_md, FCT001_quiet_txt,
    FCT002_fire_md_md, FCT002_fire_txt, FCT002_quiet_md_md, FCT002_quiet_txt,
    FCT003_fire_md_md, FCT003_fire_txt, FCT003_quiet_md_md, FCT003_quiet_txt,
    FCT004_fire_md_md, FCT004_fire_txt, FCT004_quiet_md_md, FCT004_quiet_txt,
    NUM001_fire_md_md, NUM001_fire_txt, NUM001_quiet_md_md, NUM001_quiet_txt,
    NUM002_fire_md, NUM002_fire_txt, NUM002_quiet_md, NUM002_quiet_txt,
    NUM003_fire_md, NUM003_fire_txt, NUM003_quiet_md, NUM003_quiet_txt,
    NUM004_fire_md, NUM004_fire_txt, NUM004_quiet_md, NUM004_quiet_txt,
    NUM004_fire_forms_txt, NUM004_fire_forms_md, NUM004_quiet_forms_txt, NUM004_quiet_forms_md,
    NUM001_quiet_frequency_txt,
    NUM005_fire_md, NUM005_fire_txt, NUM005_quiet_md, NUM005_quiet_txt,
    NUM005_quiet_labels_md,
    NUM006_fire_md, NUM006_fire_txt, NUM006_quiet_md, NUM006_quiet_txt,
    REF001_fire_md, REF001_fire_txt, REF001_quiet_md, REF001_quiet_txt,
    REF002_fire_md, REF002_fire_txt, REF002_quiet_md, REF002_quiet_txt,
    REF001_quiet_glued_txt,
    REF002_fire_named_md, REF002_fire_oneline_txt, REF002_quiet_named_md,
    REF002_quiet_oneline_txt, REF002_quiet_lost_txt, REF002_quiet_excerpt_txt,
    REF003_fire_md, REF003_fire_txt, REF003_quiet_md, REF003_quiet_txt,
    // HTML: claim-like text in script, style, code, pre, attributes and comments is not read.
    ACR001_fire_html, ACR001_quiet_html, DAT003_fire_html, DAT003_quiet_html,
    DAT005_fire_html, DAT005_quiet_html, FCT001_fire_html, FCT001_quiet_html,
    // Formats: what is not prose stays quiet (fixtures/formats/).
    ACR001_quiet_shortcodes_md, ACR001_quiet_liquid_md, DAT002_quiet_linkrefs_md,
    REF002_quiet_emoji_md, ACR001_quiet_kramdown_md, ACR001_quiet_math_md,
    ACR001_quiet_mdx_mdx, ACR001_quiet_rst_rst, ACR001_quiet_adoc_adoc,
    // ... and prose inside prose bodies is still checked.
    ACR001_fire_bodies_md, ACR001_fire_mdx_mdx, ACR001_fire_rst_rst, ACR001_fire_adoc_adoc,
    NUM005_fire_money_md,
}

/// Files in `fixtures/` that are not rule fixtures nor their sidecars, and the test that reads
/// each.
const OTHER_FILES: &[(&str, &str)] = &[
    ("fixtures/acronyms/EXPECTED.md", "documentation"),
    ("fixtures/dates/EXPECTED.md", "documentation"),
    ("fixtures/facts/EXPECTED.md", "documentation"),
    ("fixtures/numbers/EXPECTED.md", "documentation"),
    ("fixtures/references/EXPECTED.md", "documentation"),
    ("fixtures/html/EXPECTED.md", "documentation"),
    (
        "fixtures/docx/draft.docx",
        "tests/word_and_html.rs (made by scripts/make-draft-docx.py)",
    ),
    ("fixtures/formats/EXPECTED.md", "documentation"),
    (
        "fixtures/example-brief.txt",
        "example_brief_reports_exactly_its_planted_faults, tests/cli.rs",
    ),
    ("fixtures/example-brief.faults.md", "documentation"),
    (
        "fixtures/acronyms/sets/conflict/01-patrols.md",
        "tests/sets.rs",
    ),
    (
        "fixtures/acronyms/sets/conflict/02-funding.md",
        "tests/sets.rs",
    ),
    (
        "fixtures/acronyms/sets/agree/01-patrols.md",
        "tests/sets.rs",
    ),
    (
        "fixtures/acronyms/sets/agree/02-funding.md",
        "tests/sets.rs",
    ),
    (
        "fixtures/acronyms/sets/glossary/glossary.md",
        "tests/sets.rs",
    ),
    (
        "fixtures/acronyms/sets/glossary/patrols.md",
        "tests/sets.rs",
    ),
    ("fixtures/example-brief.facts.toml", "tests/facts.rs"),
    ("fixtures/example-brief.mutations.toml", "tests/facts.rs"),
    ("fixtures/rules/house.toml", "tests/cli.rs"),
];

/// One fixture: the assertions of the module doc, and the snapshots of a fire fixture.
fn fixture(name: &str, also: &[&str]) {
    let path = common::fixture_path(name);
    let diags = common::check_all_rules(&path);
    assert_spans_on_char_boundaries(&path, &diags);
    common::assert_expected(name, &diags, also);
    if name[6..].starts_with("_fire") {
        insta::assert_snapshot!(format!("{name}_human"), report::human::render(&diags));
        insta::assert_snapshot!(
            format!("{name}_json"),
            report::json::render(&diags, Summary::new(1, &diags))
        );
    }
}

#[test]
fn every_fixture_file_has_a_test() {
    let files = common::all_fixture_files();
    let mut problems = Vec::new();
    for path in &files {
        if common::is_rule_fixture(path) {
            let name = common::test_name(path);
            if !DECLARED.contains(&name.as_str()) {
                problems.push(format!("{path}: no test; add `{name}` to fixtures! {{}}"));
            }
        } else if let Some(doc) = path.strip_suffix(".facts.toml") {
            let has_doc = [".txt", ".md", ".mdx", ".rst", ".adoc", ".html"]
                .iter()
                .any(|ext| files.contains(&format!("{doc}{ext}")));
            if !has_doc {
                problems.push(format!("{path}: a sidecar of no document"));
            }
        } else if !OTHER_FILES.iter().any(|(p, _)| p == path) {
            problems.push(format!("{path}: neither a fixture nor in OTHER_FILES"));
        }
    }
    for name in DECLARED {
        let n = files
            .iter()
            .filter(|p| common::is_rule_fixture(p) && common::test_name(p) == *name)
            .count();
        if n != 1 {
            problems.push(format!("{name}: {n} fixture files"));
        }
    }
    for (p, _) in OTHER_FILES {
        if !files.iter().any(|f| f == p) {
            problems.push(format!("{p}: listed in OTHER_FILES but missing"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn check(path: &str) -> Vec<Diagnostic> {
    let doc = load_path(Path::new(path), path).expect("fixture loads");
    check_document(&doc, &Settings::default(), &Selection::all())
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
    // With its sidecar facts file, as the CLI reads it, the brief gives the same findings.
    let with_facts: Vec<String> = common::check_all_rules(path)
        .iter()
        .map(common::describe)
        .collect();
    let without: Vec<String> = diags.iter().map(common::describe).collect();
    assert_eq!(with_facts, without);
    insta::assert_snapshot!("example_brief_human", report::human::render(&diags));
    insta::assert_snapshot!(
        "example_brief_json",
        report::json::render(&diags, Summary::new(1, &diags))
    );
}

fn assert_spans_on_char_boundaries(path: &str, diags: &[Diagnostic]) {
    for d in diags {
        let text = &d.file.text;
        let r = &d.finding.range;
        assert!(r.start <= r.end && r.end <= text.len(), "{path}: {r:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{path}: {r:?}"
        );
        for l in &d.finding.labels {
            // A label may point into another file (the facts file that declared a fact).
            let text = l.file.as_ref().map_or(text, |f| &f.text);
            assert!(
                l.range.start <= l.range.end
                    && l.range.end <= text.len()
                    && text.is_char_boundary(l.range.start)
                    && text.is_char_boundary(l.range.end),
                "{path}: label {:?}",
                l.range
            );
        }
    }
}

/// Every document in `fixtures/`, the rule fixtures (also checked in their own tests), the
/// example brief and the documentation files alike.
#[test]
fn spans_lie_on_char_boundaries() {
    let docs: Vec<String> = common::all_fixture_files()
        .into_iter()
        .filter(|p| p.ends_with(".txt") || p.ends_with(".md") || p.ends_with(".html"))
        .collect();
    assert!(!docs.is_empty(), "run from the repository root");
    for path in docs {
        assert_spans_on_char_boundaries(&path, &common::check_all_rules(&path));
    }
}

/// Every snapshot file is one a test still takes: `fixtures__<fire fixture>_{human,json}` or the
/// example brief's here, and for another prefix a test file of that name. A fixture that turns
/// quiet, or is removed, leaves no stale snapshot behind.
#[test]
fn no_stale_snapshots() {
    let mut wanted: Vec<String> = DECLARED
        .iter()
        .filter(|n| n[6..].starts_with("_fire"))
        .flat_map(|n| [format!("{n}_human"), format!("{n}_json")])
        .collect();
    wanted.extend(["example_brief_human".into(), "example_brief_json".into()]);
    let mut stale = Vec::new();
    for e in std::fs::read_dir("tests/snapshots").expect("snapshot folder") {
        let file = e.expect("entry").file_name().to_string_lossy().into_owned();
        let Some(stem) = file.strip_suffix(".snap") else {
            continue; // `.snap.new` files of a failed run are insta's to review.
        };
        let (prefix, name) = stem.split_once("__").unwrap_or(("", stem));
        let ok = if prefix == "fixtures" {
            wanted.iter().any(|w| w == name)
        } else {
            Path::new(&format!("tests/{prefix}.rs")).is_file()
        };
        if !ok {
            stale.push(file);
        }
    }
    stale.sort();
    assert!(stale.is_empty(), "snapshots no test takes: {stale:#?}");
}
