//! Which files a walk picks and how each is read: formats by extension, `extend-include` and
//! `exclude` in factlint.toml, and `--stdin-filename`.

mod common;

use common::factlint;
use predicates::prelude::*;
use std::fs;

/// A document of each format, each with an undefined acronym in its prose and another in what
/// is not prose.
fn write_formats(dir: &std::path::Path) {
    fs::write(
        dir.join("a.mdx"),
        "import X from 'y';\n\n<Note kind=\"QQMX\">The ZZMX unit.</Note>\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.rst"),
        "The ZZRS unit::\n\n    QQRS = 1\n\n.. code-block:: text\n\n   QQRT\n",
    )
    .unwrap();
    fs::write(
        dir.join("c.adoc"),
        "= Title\n\nThe ZZAD unit.\n\n----\nQQAD\n----\n",
    )
    .unwrap();
}

#[test]
fn a_walk_reads_mdx_rst_and_asciidoc_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    write_formats(dir.path());
    let out = factlint()
        .args(["check", "--no-config", "--no-cache", "--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for prose in ["ZZMX", "ZZRS", "ZZAD"] {
        assert!(stdout.contains(prose), "{prose}: {stdout}");
    }
    assert!(!stdout.contains("QQ"), "{stdout}");
    assert!(stdout.contains("checked 3 files"), "{stdout}");
}

#[test]
fn extend_include_and_exclude_choose_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("drafts")).unwrap();
    fs::create_dir_all(root.join("notes")).unwrap();
    fs::write(root.join("a.md"), "The ZZAA unit.\n").unwrap();
    fs::write(root.join("drafts/b.md"), "The ZZBB unit.\n").unwrap();
    fs::write(root.join("notes/c.draft"), "The ZZCC unit.\n").unwrap();
    fs::write(root.join("CHANGELOG.md"), "The ZZDD unit.\n").unwrap();
    fs::write(
        root.join("factlint.toml"),
        "extend-include = [\"notes/*.draft\"]\nexclude = [\"drafts\", \"CHANGELOG.md\"]\n",
    )
    .unwrap();
    let out = factlint()
        .current_dir(root)
        .args(["check", "--no-cache", "--format", "concise", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("ZZAA") && stdout.contains("ZZCC"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("ZZBB") && !stdout.contains("ZZDD"),
        "{stdout}"
    );
    // A file named on the command line is checked even when excluded.
    factlint()
        .current_dir(root)
        .args(["check", "--no-cache", "drafts/b.md"])
        .assert()
        .stdout(predicate::str::contains("ZZBB"));
}

#[test]
fn a_bad_glob_is_a_config_error_at_its_span() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "Text.\n").unwrap();
    fs::write(
        dir.path().join("factlint.toml"),
        "select = [\"ACR\"]\nexclude = [\"vendor/**[\"]\n",
    )
    .unwrap();
    factlint()
        .current_dir(dir.path())
        .args(["check", "--no-cache", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid glob 'vendor/**[' in `exclude`",
        ))
        .stderr(predicate::str::contains("factlint.toml:2:12"));
}

#[test]
fn stdin_filename_gives_a_format_a_name_and_the_overrides() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("glossary")).unwrap();
    fs::write(
        dir.path().join("factlint.toml"),
        "[[overrides]]\nfiles = [\"glossary/**\"]\nignore = [\"ACR001\"]\n",
    )
    .unwrap();
    let text = "import X from 'y';\n\nThe ZZST unit.\n";
    factlint()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "docs/page.mdx"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("docs/page.mdx:3:5"))
        .stdout(predicate::str::contains("ZZST"));
    factlint()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "glossary/terms.md", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ZZST").not());
}
