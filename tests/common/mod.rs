//! What the integration tests share: the binary with colour off, the list of fixture files,
//! checking one fixture against every default rule with its sidecar facts file (as the CLI
//! does), and the fire/quiet assertions. (Snapshots are taken in each test file, so that their
//! names stay with the test.)

#![allow(dead_code)]

pub mod docx;

use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document_with_facts, Selection};
use factlint::facts::Facts;
use factlint::settings::Settings;
use factlint::source::load_path;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The factlint binary, with colour off whatever the environment asks for.
pub fn factlint() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("factlint").expect("binary builds");
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    cmd
}

/// Every file under `fixtures/`, as "fixtures/dates/DAT002_fire.md", sorted.
pub fn all_fixture_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("fixture folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p.display().to_string().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new("fixtures"), &mut out);
    out.sort();
    out
}

/// Whether a file is a rule fixture: `<CODE>_fire*.EXT` or `<CODE>_quiet*.EXT`, EXT one of
/// the formats read (`txt`, `md`, `mdx`, `rst`, `adoc`, `html`; `CODE` three capitals and
/// three digits).
pub fn is_rule_fixture(path: &str) -> bool {
    let name = file_name(path);
    let b = name.as_bytes();
    [".txt", ".md", ".mdx", ".rst", ".adoc", ".html"]
        .iter()
        .any(|ext| name.ends_with(ext))
        && b.len() > 7
        && b[..3].iter().all(u8::is_ascii_uppercase)
        && b[3..6].iter().all(u8::is_ascii_digit)
        && (name[6..].starts_with("_fire") || name[6..].starts_with("_quiet"))
}

/// The test name of a fixture: its file name with dots as underscores ("ACR003_fire_md",
/// "DAT004_quiet_md_md" for `DAT004_quiet_md.md`).
pub fn test_name(path: &str) -> String {
    file_name(path).replace('.', "_")
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The one fixture file whose test name is `name`.
pub fn fixture_path(name: &str) -> String {
    let found: Vec<String> = all_fixture_files()
        .into_iter()
        .filter(|p| is_rule_fixture(p) && test_name(p) == name)
        .collect();
    assert_eq!(found.len(), 1, "{name}: fixture files {found:?}");
    found.into_iter().next().unwrap()
}

/// The sidecar facts file of a document, loaded, if there is one.
pub fn sidecar_facts(path: &str) -> Vec<Arc<Facts>> {
    let p = Path::new(path);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let sidecar: PathBuf = p.with_file_name(format!("{stem}.facts.toml"));
    if !sidecar.is_file() {
        return Vec::new();
    }
    let (facts, problems) = Facts::load(&sidecar);
    let messages: Vec<&String> = problems.iter().map(|d| &d.finding.message).collect();
    assert!(messages.is_empty(), "{}: {messages:?}", sidecar.display());
    vec![Arc::new(facts.expect("facts file loads"))]
}

/// Every finding of every default rule for a document, with its sidecar facts, as
/// `factlint check --no-config FILE` gives them.
pub fn check_all_rules(path: &str) -> Vec<Diagnostic> {
    let doc = load_path(Path::new(path), path).expect("fixture loads");
    check_document_with_facts(
        &doc,
        &Settings::default(),
        &Selection::all(),
        &sidecar_facts(path),
    )
    .diagnostics
}

/// "DAT002 12:5 this period ends ..." for assertion messages.
pub fn describe(d: &Diagnostic) -> String {
    let (line, col) = d.file.position(d.finding.range.start);
    format!("{} {line}:{col} {}", d.rule, d.finding.message)
}

/// Asserts what a fixture must raise: a quiet fixture nothing at all, from any rule; a fire
/// fixture findings of its own code (at least one), and of no other code except those in
/// `also`, each of which must then fire too (so a stale `also` is caught).
pub fn assert_expected(name: &str, diags: &[Diagnostic], also: &[&str]) {
    let code = &name[..6];
    let all: Vec<String> = diags.iter().map(describe).collect();
    if name[6..].starts_with("_quiet") {
        assert!(also.is_empty(), "{name}: a quiet fixture allows nothing");
        assert!(all.is_empty(), "{name}: expected no findings, got {all:#?}");
        return;
    }
    assert!(
        diags.iter().any(|d| d.rule == code),
        "{name}: expected {code}, got {all:#?}"
    );
    let unexpected: Vec<&String> = diags
        .iter()
        .zip(&all)
        .filter(|(d, _)| d.rule != code && !also.contains(&d.rule.as_str()))
        .map(|(_, s)| s)
        .collect();
    assert!(
        unexpected.is_empty(),
        "{name}: findings of other rules {unexpected:#?}"
    );
    for other in also {
        assert!(
            diags.iter().any(|d| d.rule == *other),
            "{name}: {other} is listed as also firing but does not"
        );
    }
}
