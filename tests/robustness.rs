//! The reproducers of issue 16, as the command line meets them: each exits 0, 1 or 2 with the
//! right output, never 101 (a panic), and nothing is lost or misread.

mod common;
use common::factlint;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn json(dir: &Path, args: &[&str]) -> (Value, i32) {
    let out = factlint()
        .current_dir(dir)
        .args(["check", "--no-config", "--no-cache", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (v, code)
}

const FORMATS: &[&str] = &[
    "human", "json", "sarif", "github", "concise", "html", "rdjsonl", "gitlab", "junit",
];

#[test]
fn a_non_ascii_rule_id_with_suppressions_and_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("r.toml"),
        "[[rule]]\nid = \"é.x\"\nseverity = \"warning\"\nmessage = \"m\"\npattern = 'zq'\n",
    )
    .unwrap();
    fs::write(
        d.join("a.md"),
        "<!-- factlint-disable-next-line A -->\nzq here.\n",
    )
    .unwrap();
    fs::write(
        d.join("factlint.toml"),
        "[[overrides]]\nfiles = [\"a.md\"]\nignore = [\"A\"]\n",
    )
    .unwrap();
    for config in [&["--no-config"][..], &["--config", "factlint.toml"][..]] {
        let code = factlint()
            .current_dir(d)
            .args(["check", "--no-cache", "--rules", "r.toml", "a.md"])
            .args(config)
            .output()
            .unwrap()
            .status
            .code();
        assert!(matches!(code, Some(0..=2)), "{code:?}");
    }
}

#[test]
fn a_pattern_of_spaces_next_to_multibyte_code_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("r.toml"),
        "[[rule]]\nid = \"house.sp\"\nseverity = \"warning\"\nmessage = \"m\"\npattern = '  '\n",
    )
    .unwrap();
    fs::write(d.join("a.md"), "Use x `日` y here.\n").unwrap();
    for format in FORMATS {
        let code = factlint()
            .current_dir(d)
            .args([
                "check",
                "--no-config",
                "--no-cache",
                "--rules",
                "r.toml",
                "a.md",
            ])
            .args(["--format", format])
            .output()
            .unwrap()
            .status
            .code();
        assert!(matches!(code, Some(0 | 1)), "{format}: {code:?}");
    }
}

#[test]
fn a_substitution_never_rewrites_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("r.toml"),
        "[[rule]]\nid = \"house.comma\"\nkind = \"substitution\"\nswap = { ' +,' = \",\" }\n",
    )
    .unwrap();
    fs::write(d.join("a.md"), "Call `foo()`, then stop.\n").unwrap();
    factlint()
        .current_dir(d)
        .args([
            "check",
            "--no-config",
            "--no-cache",
            "--rules",
            "r.toml",
            "--fix",
            "a.md",
        ])
        .assert()
        .code(predicate::in_iter([0, 1]));
    assert_eq!(
        fs::read_to_string(d.join("a.md")).unwrap(),
        "Call `foo()`, then stop.\n"
    );
}

#[test]
fn a_misspelt_directive_is_reported_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("a.md"),
        "<!-- factlint-disable-next-lin ACR003 -->\nThe African-led International Support \
         Mission in Mali (AFISMA) went north.\n\nThe ASISMA unit moved. AFISMA went.\n",
    )
    .unwrap();
    let (v, _) = json(d, &["a.md"]);
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"ACR003"), "{rules:?}");
}

/// /dev/zero as a document, a facts, rule or baseline file, and on standard input: a clear
/// error at once (a NUL byte), never gigabytes read.
#[cfg(unix)]
#[test]
fn dev_zero_everywhere_is_a_clear_error() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "A plain sentence.\n").unwrap();
    for args in [
        &["/dev/zero"][..],
        &["a.txt", "--facts", "/dev/zero"][..],
        &["a.txt", "--rules", "/dev/zero"][..],
        &["a.txt", "--baseline", "/dev/zero"][..],
        &["--config", "/dev/zero", "a.txt"][..],
    ] {
        let out = factlint()
            .current_dir(d)
            .args(["check", "--no-cache"])
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(2), "{args:?}: {all}");
        assert!(all.contains("binary file"), "{args:?}: {all}");
    }
    let zeros = fs::File::open("/dev/zero").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("factlint"))
        .args(["check", "--no-config", "-"])
        .stdin(zeros)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_baseline_of_an_unknown_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "A plain sentence.\n").unwrap();
    fs::write(d.join("b.json"), "{\"version\": 99, \"findings\": []}\n").unwrap();
    factlint()
        .current_dir(d)
        .args([
            "check",
            "--no-config",
            "--no-cache",
            "--baseline",
            "b.json",
            "a.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown baseline version 99"));
}

#[test]
fn nan_fact_values_are_a_facts_error_with_a_span() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), "China sent 395 peacekeepers.\n").unwrap();
    fs::write(
        d.join("f.toml"),
        "[[fact]]\nabout = [\"China\"]\nvalue = nan\nunit = \"peacekeepers\"\n",
    )
    .unwrap();
    let (v, code) = json(d, &["--facts", "f.toml", "a.txt"]);
    assert_eq!(code, 2);
    let e = &v["diagnostics"][0];
    assert_eq!(e["rule"], "facts");
    assert!(e["message"].as_str().unwrap().contains("finite number"));
    assert_eq!(e["line"], 3);
}

/// A facts term with non-ASCII letters is found although the document holds "İ", whose lower
/// case is a byte longer.
#[test]
fn a_non_ascii_fact_term_beside_a_letter_that_changes_length() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("a.txt"),
        "The talks were held in İstanbul. CÔTE D’IVOIRE sent 900 peacekeepers in 2013.\n",
    )
    .unwrap();
    fs::write(
        d.join("f.toml"),
        "[[fact]]\nid = \"civ\"\nabout = [\"Côte d’Ivoire\"]\nvalue = 400\n\
         unit = \"peacekeepers\"\n",
    )
    .unwrap();
    let (v, code) = json(d, &["--facts", "f.toml", "a.txt"]);
    assert_eq!(code, 1, "{v}");
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["rule"] == "FCT001"));
}

#[cfg(unix)]
#[test]
fn a_walk_says_which_symlinked_documents_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("docs")).unwrap();
    fs::write(d.join("docs/a.md"), "A plain sentence.\n").unwrap();
    fs::write(d.join("outside.md"), "Another plain sentence.\n").unwrap();
    std::os::unix::fs::symlink("../outside.md", d.join("docs/link.md")).unwrap();
    let (v, code) = json(d, &["docs"]);
    assert_eq!(code, 0, "{v}");
    let w = &v["diagnostics"][0];
    assert_eq!(w["severity"], "warning");
    assert!(
        w["message"].as_str().unwrap().contains("docs/link.md"),
        "{w}"
    );
    assert_eq!(v["summary"]["files"], 1);
}

/// Names as written: a backslash stays (and is `%5C` in a SARIF URI), spaces and `#` are
/// percent-encoded, a newline is escaped in human and concise output.
#[cfg(unix)]
#[test]
fn odd_names_are_shown_as_they_are_and_encoded_in_uris() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "The ASISMA unit moved.\n";
    for name in ["back\\slash.md", "a b#c.md", "new\nline.md"] {
        fs::write(d.join(name), text).unwrap();
    }
    let (v, _) = json(d, &["back\\slash.md"]);
    assert_eq!(v["diagnostics"][0]["path"], "back\\slash.md");
    let sarif = factlint()
        .current_dir(d)
        .args(["check", "--no-config", "--no-cache", "--format", "sarif"])
        .args(["back\\slash.md", "a b#c.md"])
        .output()
        .unwrap();
    let s: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let uris: Vec<&str> = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains(&"back%5Cslash.md"), "{uris:?}");
    assert!(uris.contains(&"a%20b%23c.md"), "{uris:?}");
    for format in ["human", "concise"] {
        let out = factlint()
            .current_dir(d)
            .args([
                "check",
                "--no-config",
                "--no-cache",
                "--format",
                format,
                "new\nline.md",
            ])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("new\\nline.md"), "{format}: {stdout}");
        assert!(!stdout.contains("new\nline"), "{format}: {stdout}");
    }
}

/// A name that is not UTF-8 is shown with `\xFF` escapes, the same in every format, and
/// `--fix` writes the real file.
#[cfg(target_os = "linux")]
#[test]
fn a_name_that_is_not_utf8_is_shown_losslessly_and_fixed() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    fs::write(
        d.join("r.toml"),
        "[[rule]]\nid = \"house.per-cent\"\nkind = \"substitution\"\n\
                                 swap = { \"per cent\" = \"percent\" }\n",
    )
    .unwrap();
    fs::write(d.join(name), "It rose 4 per cent.\n").unwrap();
    let (v, _) = json(d, &["--rules", "r.toml", "."]);
    assert_eq!(v["diagnostics"][0]["path"], "./caf\\xE9.txt", "{v}");
    let out = factlint()
        .current_dir(d)
        .args(["check", "--no-config", "--no-cache", "--format", "concise"])
        .args(["--rules", "r.toml", "."])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("./caf\\xE9.txt:1:"));
    factlint()
        .current_dir(d)
        .args([
            "check",
            "--no-config",
            "--no-cache",
            "--rules",
            "r.toml",
            "--fix",
            ".",
        ])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(d.join(name)).unwrap(),
        "It rose 4 percent.\n"
    );
}
