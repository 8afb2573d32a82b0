//! The command line as users and scripts see it: exit codes, output formats, bad input.

mod common;

use common::factlint;
use predicates::prelude::*;
use std::fs;

/// Fixes are applied to a fixed point: running `--fix` again on `path` (which now reads
/// `fixed`) fixes nothing and leaves the file as it was.
fn assert_second_fix_changes_nothing(path: &std::path::Path, fixed: &str) {
    factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(path)
        .assert()
        .stderr(predicate::str::contains("fixed").not());
    assert_eq!(fs::read_to_string(path).unwrap(), fixed);
}

#[test]
fn example_brief_fails_on_its_error_and_names_the_fix() {
    factlint()
        .args(["check", "--no-config", "fixtures/example-brief.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[ACR003]: 'EUNAFVOR' looks like a misspelling of 'EUNAVFOR'",
        ))
        .stdout(predicate::str::contains(
            "checked 1 file: 2 errors, 5 warnings, 0 infos",
        ));
}

#[test]
fn json_output_follows_the_contract() {
    let out = factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "fixtures/example-brief.txt",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["summary"]["warnings"], 5);
    let d = &v["diagnostics"][1];
    for key in [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "labels",
        "notes",
        "fix",
    ] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    assert_eq!(d["rule"], "ACR003");
    assert_eq!(d["line"], 56);
    assert_eq!(d["column"], 55);
    assert_eq!(d["fix"]["replacement"], "EUNAVFOR");
    assert_eq!(d["labels"][0]["line"], 9);
    let text = fs::read_to_string("fixtures/example-brief.txt").unwrap();
    let (s, e) = (
        d["start"].as_u64().unwrap() as usize,
        d["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "EUNAFVOR");
}

#[test]
fn select_ignore_and_fail_on() {
    factlint()
        .args([
            "check",
            "--no-config",
            "--ignore",
            "ACR003,DAT003",
            "fixtures/example-brief.txt",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ACR003").not());
    factlint()
        .args([
            "check",
            "--no-config",
            "--ignore",
            "ACR003,DAT003",
            "--fail-on",
            "warning",
        ])
        .arg("fixtures/example-brief.txt")
        .assert()
        .code(1);
    factlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "ACR001",
            "fixtures/example-brief.txt",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ACR001"))
        .stdout(predicate::str::contains("ACR003").not());
    factlint()
        .args([
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "fixtures/example-brief.txt",
        ])
        .assert()
        .code(0);
}

#[test]
fn unknown_rule_code_is_a_usage_error() {
    factlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "XYZ",
            "fixtures/example-brief.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule code or prefix 'XYZ'",
        ));
}

#[test]
fn bad_files_get_their_own_errors_and_good_files_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(
        &good,
        "The Joint Mission Analysis Centre (JMAC) met. The JMCA was late.\n",
    )
    .unwrap();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"PNG\0\0\x01binary").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"caf\xe9 au lait\n").unwrap();
    let sub = dir.path().join("folder");
    fs::create_dir(&sub).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .args([&good, &binary, &latin1, &missing, &sub])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let by = |name: &str| {
        diags
            .iter()
            .filter(|d| d["path"].as_str().unwrap().ends_with(name))
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["message"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(by("good.txt")[0].0, "ACR003");
    assert!(by("image.txt")[0].1.contains("binary file"));
    assert!(by("latin1.txt")[0]
        .1
        .contains("not valid UTF-8 (first invalid byte at line 1, column 4)"));
    assert!(by("missing.txt")[0].1.contains("no such file"));
    // A directory is walked; an empty one gets a warning, not an error.
    let folder = by("folder");
    assert_eq!(folder.len(), 1);
    assert!(
        folder[0].1.contains("no documents found in this directory"),
        "{folder:?}"
    );
}

#[test]
fn directories_are_walked_for_documents_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "The XYZQ unit.\n").unwrap();
    fs::write(dir.path().join("b.rs"), "let XYZQ = 1;\n").unwrap();
    fs::write(dir.path().join(".gitignore"), "ignored.md\n").unwrap();
    fs::write(dir.path().join("ignored.md"), "The QQQQ unit.\n").unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("a.md"))
        .stdout(predicate::str::contains("b.rs").not())
        .stdout(predicate::str::contains("QQQQ").not())
        .stdout(predicate::str::contains("checked 1 file"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    factlint()
        .args(["check", "--no-config", "-"])
        .write_stdin("The Joint Mission Analysis Centre (JMAC) met. The JMCA was late.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("<stdin>:1:51"));
}

#[test]
fn config_is_found_upward_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("docs/briefs");
    fs::create_dir_all(&nested).unwrap();
    fs::write(nested.join("b.txt"), "The XYZQ unit moved.\n").unwrap();
    fs::write(
        dir.path().join("factlint.toml"),
        "[acronyms]\nexempt = [\"XYZQ\"]\n",
    )
    .unwrap();
    factlint()
        .current_dir(&nested)
        .args(["check", "b.txt", "--fail-on", "warning"])
        .assert()
        .code(0);
    fs::write(
        dir.path().join("factlint.toml"),
        "fail-on = \"warning\"\nselekt = [\"ACR\"]\n",
    )
    .unwrap();
    factlint()
        .current_dir(&nested)
        .args(["check", "b.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `selekt`"))
        .stderr(predicate::str::contains("factlint.toml:2:1"));
}

#[test]
fn rules_and_explain_document_every_rule() {
    let out = factlint().arg("rules").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for code in ["ACR001", "ACR002", "ACR003", "ACR004", "ACR005", "ACR006"] {
        assert!(text.contains(code), "{code} missing from `factlint rules`");
        factlint()
            .args(["explain", code])
            .assert()
            .success()
            .stdout(predicate::str::contains("## What it does"))
            .stdout(predicate::str::contains("## How to silence it"));
    }
    factlint()
        .args(["explain", "ACR003"])
        .assert()
        .stdout(predicate::str::contains("# acronym-typo (ACR003)"))
        .stdout(predicate::str::contains(
            "Default severity: error. Fix: safe fix available.",
        ));
    factlint().args(["explain", "NOPE"]).assert().code(2);
}

#[test]
fn acronyms_lists_definitions_as_json() {
    let out = factlint()
        .args(["acronyms", "--format", "json", "fixtures/example-brief.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v["acronyms"].as_array().unwrap();
    let eunavfor = list
        .iter()
        .find(|a| a["short"] == "EUNAVFOR")
        .expect("EUNAVFOR found");
    assert_eq!(eunavfor["long"], "European Union Naval Force");
    assert_eq!(eunavfor["line"], 9);
    for a in list {
        for key in ["path", "short", "long", "line", "column"] {
            assert!(a.get(key).is_some());
        }
    }
}

#[test]
fn facts_from_the_command_line_sidecars_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.txt");
    fs::write(
        &brief,
        "China plans to provide approximately 4,000 peacekeepers to MINUSMA.\n",
    )
    .unwrap();
    let facts = dir.path().join("declared.toml");
    fs::write(
        &facts,
        "[[fact]]\nid = \"pledge\"\nabout = [\"China\", \"MINUSMA\"]\nvalue = 395\nunit = \"peacekeepers\"\nsource = \"UN, 2013\"\n",
    )
    .unwrap();
    factlint()
        .args(["check", "--no-config", "--facts"])
        .arg(&facts)
        .arg(&brief)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[FCT001]: 'approximately 4,000' contradicts the declared fact 'pledge' (395)",
        ))
        .stdout(predicate::str::contains("declared.toml:4:9"))
        .stdout(predicate::str::contains("note: source: UN, 2013"));
    // The same file as a sidecar is picked up without --facts.
    fs::copy(&facts, dir.path().join("brief.facts.toml")).unwrap();
    let out = factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--explain-facts",
        ])
        .arg(&brief)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["rule"], "FCT001");
    assert_eq!(v["diagnostics"][0]["labels"][0]["line"], 4);
    assert_eq!(v["explain_facts"][0]["fact"], "pledge");
    assert_eq!(v["explain_facts"][0]["outcome"], "contradicts");
    // A broken facts file is an error on the facts file, with its position, and exit code 2.
    fs::write(
        dir.path().join("brief.facts.toml"),
        "[[fact]]\nabout = [\"China\"]\nvalue = 3\ndate = \"2013-02-30\"\n",
    )
    .unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(&brief)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "error[facts]: fact 1 must declare exactly one of",
        ));
    fs::write(
        dir.path().join("brief.facts.toml"),
        "[[fact]]\nabout = [\"China\"]\ndate = \"2013-02-30\"\n",
    )
    .unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(&brief)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "date \"2013-02-30\" is not a date",
        ))
        .stdout(predicate::str::contains("brief.facts.toml:3:8"));
}

#[test]
fn as_of_must_be_a_date() {
    factlint()
        .args([
            "check",
            "--no-config",
            "--as-of",
            "yesterday",
            "fixtures/example-brief.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of yesterday is not a date"));
}

#[test]
fn fix_applies_safe_fixes_once_and_diff_only_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.txt");
    let original = fs::read_to_string("fixtures/example-brief.txt").unwrap();
    fs::write(&path, &original).unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        diff.contains("+the northwest Indian Ocean that it launched alongside EUNAVFOR"),
        "{diff}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        original,
        "--diff must not write"
    );
    factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&path)
        .assert()
        .stderr(predicate::str::contains("fixed"));
    let fixed = fs::read_to_string(&path).unwrap();
    // Exactly the safe fixes: the acronym typo, the malformed date, the weekday. The reversed
    // range's swap is unsafe (either end may be the wrong one, issue 13).
    let changed: Vec<(&str, &str)> = original
        .lines()
        .zip(fixed.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 3, "{changed:?}");
    assert!(fixed.contains("alongside EUNAVFOR in 2022"));
    assert!(fixed.contains("November 14, 2023"));
    assert!(fixed.contains("Friday"));
    // EUNAFVOR -> EUNAVFOR (same length), a comma dropped (-1), Thursday -> Friday (-2):
    // nothing else touched.
    assert_eq!(original.len() - fixed.len(), 3);
    assert_second_fix_changes_nothing(&path, &fixed);
}

#[test]
fn baseline_hides_old_findings_even_when_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.txt");
    fs::write(
        &path,
        "The Joint Mission Analysis Centre (JMAC) met. The JMCA was late.\n",
    )
    .unwrap();
    let baseline = dir.path().join("baseline.json");
    factlint()
        .args(["check", "--no-config", "--write-baseline"])
        .arg(&baseline)
        .arg(&path)
        .assert()
        .code(0);
    // Lines inserted above, and a new finding added.
    fs::write(
        &path,
        "New first line.\n\nAnother paragraph.\n\nThe Joint Mission Analysis Centre (JMAC) met. The JMCA was late.\nThe JAMC was early.\n",
    )
    .unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "json", "--baseline"])
        .arg(&baseline)
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.contains("JAMC") && found[0].1 == 6, "{found:?}");
}

#[test]
fn suppression_comments_silence_their_targets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.md");
    fs::write(
        &path,
        "The Joint Mission Analysis Centre (JMAC) met.\n\n<!-- factlint-disable-next-line ACR003 -->\nThe JMCA was late.\n\nThe JMCA was early.\n\n<!-- factlint-disable-next-line DAT005 -->\nNothing to silence here.\n",
    )
    .unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("ACR003".to_string(), 6),
            ("unused-suppression".to_string(), 8)
        ]
    );
}

#[test]
fn sarif_and_github_formats() {
    let out = factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "sarif",
            "fixtures/example-brief.txt",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif"));
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "factlint");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules
        .iter()
        .all(|r| r["id"].is_string() && r["help"]["text"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    for r in results {
        assert!(r["ruleId"].is_string() && r["message"]["text"].is_string());
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(
            region["startLine"].as_u64().unwrap() >= 1
                && region["startColumn"].as_u64().unwrap() >= 1
        );
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
    let out = factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "github",
            "fixtures/example-brief.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let grammar = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$",
    )
    .unwrap();
    assert_eq!(text.lines().count(), 7);
    for line in text.lines() {
        assert!(grammar.is_match(line), "{line}");
    }
}

#[test]
fn per_path_overrides_and_config_show() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("glossary")).unwrap();
    fs::write(dir.path().join("glossary/terms.txt"), "The XYZQ unit.\n").unwrap();
    fs::write(dir.path().join("brief.txt"), "The XYZQ unit.\n").unwrap();
    fs::write(
        dir.path().join("factlint.toml"),
        "fail-on = \"warning\"\n[[overrides]]\nfiles = [\"glossary/**\"]\nignore = [\"ACR001\"]\n",
    )
    .unwrap();
    let out = factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "."])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("brief.txt:1:5: warning[ACR001]"), "{text}");
    assert!(!text.contains("glossary"), "{text}");
    factlint()
        .current_dir(dir.path())
        .args(["config", "--show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("fail-on = \"warning\""))
        .stdout(predicate::str::contains("ACR003 = \"error\""))
        .stdout(predicate::str::contains("files = [\"glossary/**\"]"));
}

#[test]
fn fix_on_the_worked_example_shape() {
    // The worked example's two fixable faults, rebuilt (tests need no files outside the
    // repository): the acronym typo and the malformed citation date.
    let text = "China plans to provide approximately 400 peacekeepers to the UN Multidimensional Integrated \nStabilization Mission in Mali (MINUSMA),1 which took over peacekeeping responsibilities from the \nAfrican-led International Support Mission in Mali (AFISMA) on July 1. ASISMA had been providing \nsecurity since January 2013 when Islamic rebels were ousted from the country.2  \n\n* Jane Perlez, “New Leaders of Military in China Announced,” The New York \nTimes, October, 25, 2012. http://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-\ntransition-nears.html?_r=0. \n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mali.txt");
    fs::write(&path, text).unwrap();
    factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&path)
        .assert()
        .stderr(predicate::str::contains("fixed 2 findings"));
    let fixed = fs::read_to_string(&path).unwrap();
    let expected = text
        .replace("ASISMA had", "AFISMA had")
        .replace("October, 25, 2012", "October 25, 2012");
    assert_eq!(fixed, expected);
    assert_second_fix_changes_nothing(&path, &expected);
}

#[test]
fn house_rules_run_on_the_worked_example_shape_and_their_examples_pass() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.txt");
    fs::write(
        &brief,
        "Sudan Tribune.\n\n In January 2012, China deployed a “guard” unit – consisting of about PLA 50 infantry – to the UN \nMission in South Sudan.\n",
    )
    .unwrap();
    factlint()
        .args(["check", "--no-config", "--rules", "fixtures/rules/house.toml"])
        .arg(&brief)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[house.approximator-order]: the approximator 'about' is separated from its number by 'PLA '",
        ))
        .stdout(predicate::str::contains("brief.txt:3:"));
    factlint()
        .args(["test", "fixtures/rules/house.toml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3 passed, 0 failed"));
    factlint()
        .args([
            "explain",
            "house.approximator-order",
            "--rules",
            "fixtures/rules/house.toml",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "An approximator belongs right before its number",
        ))
        .stdout(predicate::str::contains(
            "https://example.org/house-style#numbers",
        ));
}

#[test]
fn broken_rule_files_are_errors_on_the_file_and_other_rules_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    fs::write(
        &rules,
        "[[rule]]\nid = \"house.a\"\nmessage = \"a {1}\"\npattern = '(x)'\n\n[[rule]]\nid = \"house.a\"\nmessage = \"dup\"\npattern = 'y'\n\n[[rule]]\nid = \"house.ok\"\nmessage = \"found zzz\"\npattern = 'zzz'\n",
    )
    .unwrap();
    let brief = dir.path().join("b.txt");
    fs::write(&brief, "zzz here.\n").unwrap();
    factlint()
        .args(["check", "--no-config", "--rules"])
        .arg(&rules)
        .arg(&brief)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("duplicate rule id 'house.a'"))
        .stdout(predicate::str::contains("r.toml:6:1"))
        .stdout(predicate::str::contains("warning[house.ok]: found zzz"));
    factlint().args(["test"]).arg(&rules).assert().code(2);
    factlint()
        .args([
            "check",
            "--no-config",
            "--pack",
            "nope",
            "fixtures/example-brief.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule pack 'nope'"));
}

#[test]
fn a_facts_glossary_exempts_and_checks_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("brief.txt");
    fs::write(
        &brief,
        "The MFO patrols the Sinai. China joined a peacekeeping organization (PKO) in 1990.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("brief.facts.toml"),
        "[acronyms]\nMFO = \"Multinational Force and Observers\"\nPKO = \"peacekeeping operation\"\n",
    )
    .unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(&brief)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    // MFO needs no definition; PKO's in-text definition disagrees with the glossary (and PKO
    // is not used again: an info note).
    assert_eq!(rules, vec!["ACR005", "ACR006"]);
    assert!(v["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("the glossary declares \"peacekeeping operation\""));
}
