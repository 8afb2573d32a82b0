//! Declared facts: the example brief against its facts file, unchanged and with one number,
//! date or name changed at a time. (The FCT fixtures are in tests/fixtures.rs.)

use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document_with_facts, Selection};
use factlint::facts::Facts;
use factlint::settings::Settings;
use factlint::source::{Document, Format};
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;

fn facts_for(sidecar: &str) -> Vec<Arc<Facts>> {
    let (facts, problems) = Facts::load(Path::new(sidecar));
    assert!(
        problems.is_empty(),
        "{sidecar}: {:?}",
        problems
            .iter()
            .map(|d| &d.finding.message)
            .collect::<Vec<_>>()
    );
    vec![Arc::new(facts.expect("facts file loads"))]
}

fn check_text(name: &str, text: &str, facts: &[Arc<Facts>]) -> Vec<Diagnostic> {
    let doc = Document::new(name, text, Format::from_path(name));
    check_document_with_facts(&doc, &Settings::default(), &Selection::all(), facts).diagnostics
}

#[derive(Deserialize)]
struct Mutations {
    mutation: Vec<Mutation>,
}

#[derive(Deserialize)]
struct Mutation {
    fact: String,
    find: String,
    replace: String,
    rule: String,
    line: Option<usize>,
}

#[test]
fn example_brief_agrees_with_its_facts() {
    let text = std::fs::read_to_string("fixtures/example-brief.txt").unwrap();
    let facts = facts_for("fixtures/example-brief.facts.toml");
    let fct: Vec<String> = check_text("fixtures/example-brief.txt", &text, &facts)
        .into_iter()
        .filter(|d| d.rule.starts_with("FCT"))
        .map(|d| format!("{} {}", d.rule, d.finding.message))
        .collect();
    assert!(fct.is_empty(), "{fct:?}");
}

#[test]
fn each_change_to_the_example_brief_gives_exactly_one_finding_on_its_line() {
    let text = std::fs::read_to_string("fixtures/example-brief.txt").unwrap();
    let facts = facts_for("fixtures/example-brief.facts.toml");
    let data: Mutations =
        toml::from_str(&std::fs::read_to_string("fixtures/example-brief.mutations.toml").unwrap())
            .unwrap();
    assert!(data.mutation.len() >= 8);
    let mut failures = Vec::new();
    for m in &data.mutation {
        assert_eq!(
            text.matches(&m.find).count(),
            1,
            "{}: '{}' must occur once",
            m.fact,
            m.find
        );
        let at = text.find(&m.find).unwrap();
        let line = text[..at].matches('\n').count() + 1;
        if let Some(l) = m.line {
            assert_eq!(l, line, "{}: line of '{}'", m.fact, m.find);
        }
        let changed = text.replacen(&m.find, &m.replace, 1);
        let got: Vec<(String, usize)> = check_text("fixtures/example-brief.txt", &changed, &facts)
            .into_iter()
            .filter(|d| d.rule.starts_with("FCT"))
            .map(|d| (d.rule.clone(), d.file.position(d.finding.range.start).0))
            .collect();
        let want: Vec<(String, usize)> = if m.rule == "none" {
            vec![]
        } else {
            vec![(m.rule.clone(), line)]
        };
        if got != want {
            failures.push(format!(
                "{}: '{}' -> '{}': got {got:?}, want {want:?}",
                m.fact, m.find, m.replace
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
