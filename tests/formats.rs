//! The report formats on the example brief, read back as their consumers read them.

use factlint::report::{gitlab, html, junit, rdjsonl};
use factlint::run::{self, CheckOptions, ConfigSource};
use serde_json::Value;
use std::collections::BTreeMap;

fn example() -> run::CheckRun {
    run::check(&CheckOptions {
        paths: vec!["fixtures/example-brief.txt".into()],
        config: ConfigSource::Ignore,
        ..CheckOptions::default()
    })
    .expect("the example brief is checked")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    Some(tag[i..i + tag[i..].find('"')?].to_string())
}

#[test]
fn html_marks_each_of_the_seven_findings_on_exactly_its_text() {
    let run = example();
    assert_eq!(run.diagnostics.len(), 7);
    let out = html::render(&run.diagnostics, run.summary());
    let mut marked: BTreeMap<usize, String> = BTreeMap::new();
    let mut rules: BTreeMap<usize, String> = BTreeMap::new();
    for piece in out.split("<mark ").skip(1) {
        let (tag, rest) = piece.split_once('>').unwrap();
        let inner = &rest[..rest.find("</mark>").unwrap()];
        let tag = format!(" {tag}");
        for id in attr(&tag, "data-f").unwrap().split(' ') {
            let id: usize = id.parse().unwrap();
            marked.entry(id).or_default().push_str(&unescape(inner));
            rules.insert(id, attr(&tag, "data-rule").unwrap());
        }
    }
    for (i, d) in run.diagnostics.iter().enumerate() {
        assert_eq!(
            marked[&i],
            &d.file.text[d.finding.range.clone()],
            "finding {i}"
        );
        assert_eq!(rules[&i], d.rule);
    }
    assert!(out.contains("2 errors</span>") && out.contains("5 warnings</span>"));
    for code in [
        "ACR001", "ACR003", "NUM005", "DAT006", "DAT005", "DAT003", "REF003",
    ] {
        assert!(out.contains(&format!("data-filter-rule=\"{code}\" checked> {code} (1)")));
    }
}

#[test]
fn rdjsonl_gitlab_and_junit_hold_one_entry_per_finding() {
    let run = example();
    let lines: Vec<Value> = rdjsonl::render(&run.diagnostics)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    // The suggestion of the ACR003 fix replaces exactly the misspelling, in byte columns.
    let acr = lines
        .iter()
        .find(|l| l["code"]["value"] == "ACR003")
        .unwrap();
    assert_eq!(acr["suggestions"][0]["text"], "EUNAVFOR");
    assert_eq!(
        acr["suggestions"][0]["range"]["start"],
        serde_json::json!({"line": 56, "column": 55})
    );
    assert_eq!(
        acr["suggestions"][0]["range"]["end"],
        serde_json::json!({"line": 56, "column": 63})
    );
    // NUM005's '6–3' holds a 3-byte dash: the end column counts bytes.
    let num = lines
        .iter()
        .find(|l| l["code"]["value"] == "NUM005")
        .unwrap();
    let r = &num["location"]["range"];
    assert_eq!(
        r["end"]["column"].as_u64().unwrap() - r["start"]["column"].as_u64().unwrap(),
        5
    );

    let issues: Vec<gitlab::Issue> =
        serde_json::from_str(&gitlab::render(&run.diagnostics)).unwrap();
    assert_eq!(issues.len(), 7);
    assert_eq!(issues[1].check_name, "ACR003");
    assert_eq!(issues[1].location.lines.begin, 56);

    let xml = junit::render(&run.diagnostics);
    assert_eq!(xml.matches("<testsuite ").count(), 1);
    assert_eq!(xml.matches("<failure ").count(), 7);
}
