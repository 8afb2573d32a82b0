//! A command line you can trust: exit codes that never lie, fixes only where they are safe,
//! suppressions that mean what they say, output that fits a terminal. Each test is a
//! regression test for a way the command line once misled its user.

mod common;

use common::factlint;
use predicates::prelude::*;
use std::fs;

const TYPO: &str = "The Joint Mission Analysis Centre (JMAC) met. The JMCA was late.\n";
const CLEAN: &str = "The Joint Mission Analysis Centre (JMAC) met. The JMAC was late.\n";

#[test]
fn diff_exits_1_when_it_would_change_a_file_and_0_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.txt");
    fs::write(&path, TYPO).unwrap();
    factlint()
        .args(["check", "--no-config", "--diff"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+The Joint Mission"));
    fs::write(&path, CLEAN).unwrap();
    factlint()
        .args(["check", "--no-config", "--diff"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn diff_exits_2_on_a_file_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("data.txt");
    fs::write(&binary, b"a\0b").unwrap();
    for path in [dir.path().join("missing.txt"), binary] {
        factlint()
            .args(["check", "--no-config", "--diff"])
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("error[io]"));
    }
}

#[test]
fn diff_exits_2_on_a_broken_facts_or_rule_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("brief.txt");
    fs::write(&doc, CLEAN).unwrap();
    let facts = dir.path().join("broken.facts.toml");
    fs::write(&facts, "[[fact]\n").unwrap();
    let rules = dir.path().join("broken-rules.toml");
    fs::write(
        &rules,
        "[[rule]]\nid = \"x.y\"\npattern = '('\nmessage = \"m\"\n",
    )
    .unwrap();
    for (flag, file) in [("--facts", &facts), ("--rules", &rules)] {
        factlint()
            .args(["check", "--no-config", "--diff", flag])
            .arg(file)
            .arg(&doc)
            .assert()
            .code(2);
    }
}

#[test]
fn diff_honours_the_json_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.txt");
    fs::write(&path, TYPO).unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--diff", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let found = v["diagnostics"].as_array().unwrap();
    // Only what the fixes are for: the typo, with its fix.
    assert_eq!(found.len(), 1, "{v}");
    assert_eq!(found[0]["rule"], "ACR003");
    assert_eq!(found[0]["fix"]["replacement"], "JMAC");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        TYPO,
        "--diff must not write"
    );
}

#[test]
fn fix_on_stdin_writes_the_fixed_text_to_stdout() {
    factlint()
        .args(["check", "--no-config", "--fix", "-"])
        .write_stdin(TYPO)
        .assert()
        .code(0)
        .stdout(CLEAN)
        .stderr(predicate::str::contains("No such file").not());
}

#[test]
fn a_baseline_never_records_problems_with_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("brief.txt");
    fs::write(&doc, TYPO).unwrap();
    let facts = dir.path().join("broken.facts.toml");
    fs::write(&facts, "[[fact]\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let baseline = dir.path().join("baseline.json");
    factlint()
        .args(["check", "--no-config", "--write-baseline"])
        .arg(&baseline)
        .arg("--facts")
        .arg(&facts)
        .arg(&doc)
        .arg(&missing)
        .assert()
        .code(2);
    let written: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    let rules: Vec<&str> = written["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["ACR003"], "{written}");
    // With the baseline, the problems are still reported, and still fail the run.
    factlint()
        .args(["check", "--no-config", "--format", "concise", "--baseline"])
        .arg(&baseline)
        .arg("--facts")
        .arg(&facts)
        .arg(&doc)
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("error[io]"))
        .stdout(predicate::str::contains("error[facts]"))
        .stdout(predicate::str::contains("2 errors"));
}

#[test]
fn unsafe_fixes_are_applied_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("brief.txt");
    let text = "Minister Getachew Rada spoke on Monday.\n";
    fs::write(&doc, text).unwrap();
    let facts = dir.path().join("brief.facts.toml");
    fs::write(&facts, "[names]\n\"Getachew Reda\" = {}\n").unwrap();
    // A near-miss of a declared name may be another person: the fix is offered, not safe.
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(&doc)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["rule"], "FCT003");
    assert_eq!(v["diagnostics"][0]["fix"]["applicability"], "unsafe");
    factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&doc)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&doc).unwrap(), text);
    factlint()
        .args(["check", "--no-config", "--fix", "--unsafe-fixes"])
        .arg(&doc)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed 1 finding"));
    assert_eq!(
        fs::read_to_string(&doc).unwrap(),
        "Minister Getachew Reda spoke on Monday.\n"
    );
}

#[test]
fn unused_suppression_is_a_rule_code_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("notes.md");
    fs::write(
        &doc,
        "<!-- factlint-disable-next-line DAT005 -->\nA clean line.\n",
    )
    .unwrap();
    let concise = |extra: &[&str]| {
        let out = factlint()
            .args([
                "check",
                "--no-config",
                "--format",
                "concise",
                "--show-infos",
            ])
            .args(extra)
            .arg(&doc)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(concise(&[]).contains("info[unused-suppression]"));
    assert!(!concise(&["--ignore", "unused-suppression"]).contains("unused-suppression"));
    // Only DAT005's suppression, and DAT005 did not run: nothing to judge.
    assert!(!concise(&["--select", "ACR003"]).contains("unused-suppression"));
    assert!(concise(&["--select", "DAT,unused-suppression"]).contains("unused-suppression"));
}

#[test]
fn infos_are_counted_in_one_line_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("notes.md");
    fs::write(
        &doc,
        "<!-- factlint-disable-next-line DAT005 -->\nThe Joint Mission Analysis Centre (JMAC) met.\n",
    )
    .unwrap();
    for format in ["human", "concise"] {
        let out = factlint()
            .args(["check", "--no-config", "--format", format])
            .arg(&doc)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(
                "2 infos not shown (ACR006 1, unused-suppression 1): --show-infos lists them"
            ),
            "{text}"
        );
        assert!(!text.contains("[ACR006]"), "{text}");
        assert!(text.contains("0 errors, 0 warnings, 2 infos"), "{text}");
    }
    factlint()
        .args(["check", "--no-config", "--show-infos"])
        .arg(&doc)
        .assert()
        .stdout(predicate::str::contains("info[ACR006]"))
        .stdout(predicate::str::contains("not shown").not());
}

#[test]
fn human_output_shows_a_window_of_a_long_line() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("brief.txt");
    let line = format!(
        "{} The Joint Mission Analysis Centre (JMAC) met. {} The JMCA was late. {}\n",
        "Filler words here. ".repeat(40),
        "More filler here. ".repeat(40),
        "Tail words here. ".repeat(40)
    );
    fs::write(&doc, &line).unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "human"])
        .arg(&doc)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let col = line[..line.find("JMCA").unwrap()].chars().count() + 1;
    assert!(text.contains(&format!("brief.txt:1:{col}")), "{text}");
    assert!(text.contains("…"), "{text}");
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 160, "a line of {widest} characters:\n{text}");
}

#[test]
fn explain_takes_a_code_or_a_name() {
    for key in ["ACR003", "acronym-typo", "Acronym-Typo"] {
        factlint()
            .args(["explain", key])
            .assert()
            .code(0)
            .stdout(predicate::str::starts_with("# acronym-typo (ACR003)"));
    }
}

#[test]
fn each_subcommand_has_a_man_page() {
    factlint()
        .args(["man", "check"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(".TH factlint-check 1"))
        .stdout(predicate::str::contains("unsafe\\-fixes"));
    let dir = tempfile::tempdir().unwrap();
    factlint()
        .args(["man", "--out-dir"])
        .arg(dir.path())
        .assert()
        .code(0);
    let top = fs::read_to_string(dir.path().join("factlint.1")).unwrap();
    // Every page the top-level page refers to exists.
    for sub in ["check", "rules", "explain", "test", "config", "acronyms"] {
        assert!(top.contains(&format!("factlint\\-{sub}(1)")), "{sub}");
        assert!(
            dir.path().join(format!("factlint-{sub}.1")).is_file(),
            "{sub}"
        );
    }
}

#[test]
fn the_pre_commit_hook_matches_documents_only() {
    let hook = fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    assert!(
        !hook.contains("types_or: [markdown, text]"),
        "`text` matches .py too"
    );
    let files = hook
        .lines()
        .find_map(|l| l.trim().strip_prefix("files: "))
        .expect("a files pattern");
    let pattern = regex::Regex::new(files).unwrap();
    for doc in ["README.md", "docs/brief.txt", "a/b.markdown", "page.mdx"] {
        assert!(pattern.is_match(doc), "{doc}");
    }
    for other in ["setup.py", "ci.yaml", "Cargo.toml", "notes.md.bak"] {
        assert!(!pattern.is_match(other), "{other}");
    }
}

/// A project folder with a factlint.toml and two documents with an undefined acronym each.
fn project(root: &std::path::Path, name: &str, config: &str) -> std::path::PathBuf {
    let dir = root.join(name);
    fs::create_dir_all(dir.join("glossary")).unwrap();
    fs::create_dir_all(dir.join("docs/glossary")).unwrap();
    fs::write(dir.join("factlint.toml"), config).unwrap();
    for doc in ["brief.txt", "glossary/terms.txt", "docs/glossary/more.txt"] {
        fs::write(dir.join(doc), "The XYZQ unit.\n").unwrap();
    }
    dir
}

#[test]
fn each_file_is_checked_under_the_nearest_config_wherever_factlint_runs() {
    let root = tempfile::tempdir().unwrap();
    let overrides = "[[overrides]]\nfiles = [\"glossary/**\"]\nignore = [\"ACR001\"]\n";
    project(root.path(), "a", overrides);
    project(root.path(), "b", "ignore = [\"ACR001\"]\n");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = factlint()
        .current_dir(elsewhere.path())
        .args(["check", "--format", "concise"])
        .arg(root.path().join("a"))
        .arg(root.path().join("b"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let flagged: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[ACR001]"))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let a = root.path().join("a");
    // a's overrides are read against a's folder: a/glossary is left out, a/docs/glossary is
    // not; b's config ignores ACR001 everywhere under b.
    assert_eq!(
        flagged,
        vec![
            a.join("brief.txt").display().to_string(),
            a.join("docs/glossary/more.txt").display().to_string(),
        ],
        "{text}"
    );
}

#[test]
fn fail_on_comes_from_each_files_config() {
    let root = tempfile::tempdir().unwrap();
    let strict = project(root.path(), "strict", "fail-on = \"warning\"\n");
    let lax = project(root.path(), "lax", "");
    factlint().arg("check").arg(&lax).assert().code(0);
    factlint().arg("check").arg(&strict).assert().code(1);
    // --config applies to every file, wherever it is.
    factlint()
        .arg("check")
        .arg("--config")
        .arg(lax.join("factlint.toml"))
        .arg(&strict)
        .assert()
        .code(0);
}

#[test]
fn every_problem_in_a_config_is_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("factlint.toml"),
        "selekt = [\"ACR\"]\nfail-on = \"sometimes\"\nignore = [\"XYZ9\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("brief.txt"), CLEAN).unwrap();
    let out = factlint()
        .current_dir(dir.path())
        .args(["check", "brief.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    for (line, what) in [(1, "selekt"), (2, "sometimes"), (3, "XYZ9")] {
        assert!(
            err.contains(&format!("factlint.toml:{line}:")),
            "{what}: {err}"
        );
        assert!(err.contains(what), "{what}: {err}");
    }
}

#[test]
fn one_bad_fact_drops_that_fact_only() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("brief.txt");
    fs::write(&doc, "The mission had 1,650 peacekeepers in 2013.\n").unwrap();
    let facts = dir.path().join("brief.facts.toml");
    fs::write(
        &facts,
        "[[fact]]\nabout = [\"peacekeepers\"]\nvalue = 1500\n\n[[fact]]\nabuot = [\"mission\"]\nvalue = 3\n",
    )
    .unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "concise"])
        .arg(&doc)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("brief.facts.toml:6:1: error[facts]"),
        "{text}"
    );
    assert!(text.contains("unknown field `abuot`"), "{text}");
    // The good fact still applies.
    assert!(text.contains("error[FCT001]"), "{text}");
}

#[test]
fn one_bad_rule_drops_that_rule_only() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("house.toml");
    fs::write(
        &rules,
        "[[rule]]\nid = \"house.bad\"\npattern = \"a\"\nmessage = \"m\"\nbogus = 1\n\n[[rule]]\nid = \"house.good\"\npattern = 'JMCA'\nmessage = \"no JMCA\"\n",
    )
    .unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "concise", "--rules"])
        .arg(&rules)
        .arg("-")
        .write_stdin(TYPO)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("house.toml:5:1: error[rules]"), "{text}");
    assert!(text.contains("warning[house.good] no JMCA"), "{text}");
}

/// The concise finding lines of a run over the repository's fixtures, with extra arguments.
fn fixture_findings(extra: &[&str]) -> Vec<String> {
    let out = factlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "concise",
            "--quiet",
            "fixtures",
        ])
        .args(extra)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn three_shards_together_give_exactly_the_findings_of_one_run() {
    let whole = fixture_findings(&["--show-infos"]);
    assert!(whole.len() > 20, "{whole:?}");
    let mut parts = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let part = fixture_findings(&["--show-infos", "--shard", shard]);
        assert!(!part.is_empty() && part.len() < whole.len(), "{shard}");
        parts.extend(part);
    }
    parts.sort();
    let mut whole_sorted = whole.clone();
    whole_sorted.sort();
    assert_eq!(parts, whole_sorted);
    factlint()
        .args(["check", "--shard", "4/3", "fixtures"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a shard"));
}

#[test]
fn quiet_statistics_and_output_file() {
    // --quiet: the findings, no summary line.
    let quiet = fixture_findings(&[]);
    assert!(
        quiet.iter().all(|l| !l.starts_with("checked ")),
        "{quiet:?}"
    );
    let out = factlint()
        .args([
            "check",
            "--no-config",
            "--statistics",
            "fixtures/example-brief.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("     1  ACR003               acronym-typo  (1 with a fix)"),
        "{text}"
    );
    assert!(!text.contains("┌─"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    factlint()
        .args(["check", "--no-config", "--format", "json", "--output-file"])
        .arg(&file)
        .arg("fixtures/example-brief.txt")
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["summary"]["errors"], 2);
}

#[test]
fn the_cache_gives_the_same_findings_and_follows_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("a.txt"), TYPO).unwrap();
    fs::write(docs.join("b.md"), "The XYZQ unit met.\n").unwrap();
    let run = || {
        let out = factlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "docs"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let cold = run();
    assert!(dir.path().join(".factlint_cache/CACHEDIR.TAG").is_file());
    assert_eq!(run(), cold, "a warm run gives the same output");
    // The text changes: the result follows.
    fs::write(docs.join("a.txt"), CLEAN).unwrap();
    let fixed = run();
    assert!(
        !fixed.contains("ACR003") && fixed.contains("ACR001"),
        "{fixed}"
    );
    // The configuration changes: so does the result.
    fs::write(dir.path().join("factlint.toml"), "ignore = [\"ACR001\"]\n").unwrap();
    assert!(!run().contains("ACR001"));
    // --no-cache reads nothing from it.
    let out = factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--no-cache", "docs"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), run());
}
