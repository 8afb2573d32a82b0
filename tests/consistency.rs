//! Internal consistency: the NUM, DAT and REF fixtures (fire and quiet, plain text and
//! Markdown, with a sidecar facts file where the rule reads one), pinned as snapshots.

use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document_with_facts, Selection};
use factlint::facts::Facts;
use factlint::report::{self, Summary};
use factlint::settings::Settings;
use factlint::source::load_path;
use std::path::Path;
use std::sync::Arc;

fn check(path: &str, family: &str) -> Vec<Diagnostic> {
    let doc = load_path(Path::new(path), path).expect("fixture loads");
    let p = Path::new(path);
    let sidecar = p.with_file_name(format!(
        "{}.facts.toml",
        p.file_stem().unwrap().to_str().unwrap()
    ));
    let facts: Vec<Arc<Facts>> = if sidecar.is_file() {
        let (f, problems) = Facts::load(&sidecar);
        assert!(problems.is_empty(), "{}", sidecar.display());
        vec![Arc::new(f.unwrap())]
    } else {
        Vec::new()
    };
    check_document_with_facts(&doc, &Settings::default(), &Selection::all(), &facts)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.starts_with(family))
        .collect()
}

fn family(folder: &str, family: &str, codes: usize) {
    let mut files: Vec<String> = std::fs::read_dir(format!("fixtures/{folder}"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| (p.ends_with(".txt") || p.ends_with(".md")) && !p.ends_with("EXPECTED.md"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        codes * 4,
        "{folder}: fire/quiet x txt/md per code"
    );
    for path in files {
        let name = Path::new(&path)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .replace('.', "_");
        let code = &name[..6];
        let diags = check(&path, family);
        if name.contains("_fire") {
            assert!(!diags.is_empty(), "{path}: expected {code}");
            for d in &diags {
                assert_eq!(
                    d.rule, code,
                    "{path}: unexpected {} {}",
                    d.rule, d.finding.message
                );
            }
        } else {
            let found: Vec<String> = diags
                .iter()
                .map(|d| format!("{} {}", d.rule, d.finding.message))
                .collect();
            assert!(
                found.is_empty(),
                "{path}: expected no {family} findings, got {found:?}"
            );
        }
        insta::assert_snapshot!(format!("{name}_human"), report::human::render(&diags));
        insta::assert_snapshot!(
            format!("{name}_json"),
            report::json::render(&diags, Summary::new(1, &diags))
        );
    }
}

#[test]
fn number_fixtures() {
    family("numbers", "NUM", 5);
}

#[test]
fn date_fixtures() {
    family("dates", "DAT", 6);
}

#[test]
fn reference_fixtures() {
    family("references", "REF", 3);
}

#[test]
fn worked_example_shape_without_the_shared_folder() {
    // The shape of the worked example's citation, rebuilt here so the test needs no files
    // outside the repository: a malformed date, a URL dated a day later, the URL pasted twice.
    let text = "China’s peacekeepers.1 More text.2\n\n* Jane Perlez, “New Leaders,” The New York Times, October, 25, 2012. http://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-\ntransition-nears.html?_r=0.\n\nhttp://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-transition-nears.html?_r=0\nhttp://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-transition-nears.html?_r=0\n";
    let doc = factlint::source::Document::new("brief.txt", text, factlint::source::Format::Text);
    let diags = factlint::engine::check_document(&doc, &Settings::default(), &Selection::all());
    let got: Vec<(String, usize)> = diags
        .iter()
        .map(|d| (d.rule.clone(), d.file.position(d.finding.range.start).0))
        .collect();
    assert_eq!(
        got,
        vec![
            ("REF002".into(), 1),
            ("DAT005".into(), 3),
            ("DAT006".into(), 3),
            ("REF003".into(), 7)
        ]
    );
    let fix = diags[1].finding.fix.as_ref().unwrap();
    assert_eq!(fix.replacement, "October 25, 2012");
}
