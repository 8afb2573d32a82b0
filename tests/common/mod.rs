//! What the integration tests share: the binary with colour off, finding a family's fixture
//! files, checking one with its sidecar facts file, and the fire/quiet assertions. (Snapshots
//! are taken in each test file, so that their names stay with the test.)

#![allow(dead_code)]

use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document_with_facts, Selection};
use factlint::facts::Facts;
use factlint::report::{self, Summary};
use factlint::settings::Settings;
use factlint::source::load_path;
use std::path::Path;
use std::sync::Arc;

/// The factlint binary, with colour off whatever the environment asks for.
pub fn factlint() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("factlint").expect("binary builds");
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    cmd
}

/// The fire and quiet fixtures of `fixtures/<folder>`, sorted.
pub fn fixture_files(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(format!("fixtures/{folder}"))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path().display().to_string())
        .filter(|p| p.ends_with(".txt") || p.ends_with(".md"))
        .filter(|p| p.contains("_fire") || p.contains("_quiet"))
        .collect();
    files.sort();
    files
}

/// The sidecar facts file of a document, loaded, if there is one.
pub fn sidecar_facts(path: &str) -> Vec<Arc<Facts>> {
    let p = Path::new(path);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let sidecar = p.with_file_name(format!("{stem}.facts.toml"));
    if !sidecar.is_file() {
        return Vec::new();
    }
    let (facts, problems) = Facts::load(&sidecar);
    let messages: Vec<&String> = problems.iter().map(|d| &d.finding.message).collect();
    assert!(messages.is_empty(), "{}: {messages:?}", sidecar.display());
    vec![Arc::new(facts.expect("facts file loads"))]
}

/// The findings of one rule family for a fixture, with its sidecar facts.
pub fn check_family(path: &str, family: &str) -> Vec<Diagnostic> {
    let doc = load_path(Path::new(path), path).expect("fixture loads");
    check_document_with_facts(
        &doc,
        &Settings::default(),
        &Selection::all(),
        &sidecar_facts(path),
    )
    .diagnostics
    .into_iter()
    .filter(|d| d.rule.starts_with(family))
    .collect()
}

/// The snapshot name of a fixture ("ACR001_fire_md"), after asserting that a fire fixture
/// gives findings of its code only and a quiet one gives none.
pub fn assert_fire_or_quiet(path: &str, diags: &[Diagnostic]) -> String {
    let name = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .replace('.', "_");
    let code = &name[..6];
    if name.contains("_fire") {
        assert!(!diags.is_empty(), "{path}: expected {code}");
        for d in diags {
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
            "{path}: expected no findings, got {found:?}"
        );
    }
    name
}

/// Checks every fire and quiet fixture of `fixtures/<folder>` (a txt and an md of each, for
/// `codes` rule codes) against the rules of `family`, and hands each human and JSON rendering
/// to `snapshot` with its name ("ACR001_fire_md_human"). The caller takes the snapshot, so it
/// is named for the calling test file.
pub fn check_fixture_family(
    folder: &str,
    family: &str,
    codes: usize,
    snapshot: impl Fn(String, String),
) {
    let files = fixture_files(folder);
    assert_eq!(
        files.len(),
        codes * 4,
        "{folder}: fire/quiet x txt/md per code"
    );
    for path in files {
        let diags = check_family(&path, family);
        let name = assert_fire_or_quiet(&path, &diags);
        snapshot(format!("{name}_human"), report::human::render(&diags));
        snapshot(
            format!("{name}_json"),
            report::json::render(&diags, Summary::new(1, &diags)),
        );
    }
}
