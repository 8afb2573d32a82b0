//! Document sets: the files of one run are checked together (`[acronyms] scope = "set"`, the
//! default). The fixture harness checks one file at a time, so these run the command line on
//! a folder.

mod common;

use common::factlint;
use predicates::prelude::*;

/// Two files define one acronym two ways ("Security" and "Support"): ACR005 in the later file,
/// with the other file's definition as a label.
#[test]
fn an_acronym_defined_two_ways_in_two_files_is_reported() {
    factlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "ACR",
            "--format",
            "json",
            "fixtures/acronyms/sets/conflict",
        ])
        .assert()
        .code(0)
        .stdout(predicate::function(|out: &str| {
            let v: serde_json::Value = serde_json::from_str(out).unwrap();
            let d = v["diagnostics"].as_array().unwrap();
            d.len() == 1
                && d[0]["rule"] == "ACR005"
                && d[0]["severity"] == "warning"
                && d[0]["path"].as_str().unwrap().ends_with("02-funding.md")
                && d[0]["labels"].as_array().unwrap().iter().any(|l| {
                    l["path"].as_str().unwrap().ends_with("01-patrols.md")
                        && l["message"]
                            .as_str()
                            .unwrap()
                            .contains("Regional Maritime Security Office")
                })
        }));
}

/// The quiet twin: the same expansion in both files (case aside) is one definition.
#[test]
fn the_same_definition_in_two_files_is_quiet() {
    factlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "ACR",
            "--format",
            "concise",
            "fixtures/acronyms/sets/agree",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings, 0 infos"));
}

/// A glossary page ("RMSO stands for ...") defines the acronym for every file of the set;
/// checked on its own, the page that uses it has an undefined acronym.
#[test]
fn a_glossary_page_defines_for_the_whole_set() {
    factlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "ACR001",
            "fixtures/acronyms/sets/glossary",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
    factlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "ACR001",
            "--format",
            "concise",
            "fixtures/acronyms/sets/glossary/patrols.md",
        ])
        .assert()
        .stdout(predicate::str::contains(
            "warning[ACR001] acronym 'RMSO' is never defined",
        ));
}

/// `scope = "file"` checks each file on its own, as before sets.
#[test]
fn scope_file_checks_each_file_alone() {
    let dir = std::env::temp_dir().join(format!("factlint-sets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("factlint.toml");
    std::fs::write(&config, "[acronyms]\nscope = \"file\"\n").unwrap();
    factlint()
        .args([
            "check", "--select", "ACR001", "--format", "concise", "--config",
        ])
        .arg(&config)
        .arg("fixtures/acronyms/sets/glossary")
        .assert()
        .stdout(predicate::str::contains(
            "warning[ACR001] acronym 'RMSO' is never defined",
        ));
    std::fs::remove_dir_all(&dir).ok();
}

/// `factlint acronyms --format toml` prints the set's glossary for a facts file, keeping the
/// second expansion of a conflict as a comment.
#[test]
fn acronyms_as_a_toml_glossary() {
    let out = factlint()
        .args([
            "acronyms",
            "--format",
            "toml",
            "fixtures/acronyms/sets/conflict",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("[acronyms]\n")
            && text.contains("RMSO = \"Regional Maritime Security Office\""),
        "{text}"
    );
    assert!(
        text.contains("# RMSO is also defined as \"Regional Maritime Support Office\""),
        "{text}"
    );
    // It parses as a facts file's glossary.
    let parsed: toml::Value = toml::from_str(&text).unwrap();
    assert_eq!(
        parsed["acronyms"]["RMSO"].as_str(),
        Some("Regional Maritime Security Office")
    );
}
