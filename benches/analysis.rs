//! Throughput of the whole check (analysis and every built-in rule) on brief-like prose:
//! scaling at 100 KB, 1 MB and 10 MB; with 10,000 declared facts; with the three packs.
//!
//! Run with `cargo bench --bench analysis`. The inputs are built from the repository's own
//! fixtures, so the benchmark needs no files from outside it.

use factlint::custom::{packs, CustomRules};
use factlint::engine::{check_document_full, Selection};
use factlint::facts::Facts;
use factlint::settings::Settings;
use factlint::source::{Document, Format};
use std::sync::Arc;

fn main() {
    divan::main();
}

/// Prose made of the repository's fixture documents, repeated to `bytes`.
fn prose(bytes: usize) -> String {
    let mut parts =
        vec![std::fs::read_to_string("fixtures/example-brief.txt").expect("example brief")];
    for dir in [
        "fixtures/acronyms",
        "fixtures/numbers",
        "fixtures/dates",
        "fixtures/facts",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "txt"))
        {
            parts.push(std::fs::read_to_string(f).expect("fixture"));
        }
    }
    let unit = parts.join("\n\n");
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes {
        out.push_str(&unit);
        out.push_str("\n\n");
    }
    out
}

fn run(bencher: divan::Bencher, bytes: usize, facts: &[Arc<Facts>], custom: &CustomRules) {
    let doc = Document::new("brief.txt", prose(bytes), Format::Text);
    let selection = Selection::all();
    let settings = Settings::default();
    bencher
        .counter(divan::counter::BytesCount::new(doc.text().len()))
        .bench_local(|| {
            check_document_full(&doc, &settings, &selection, facts, custom)
                .diagnostics
                .len()
        });
}

#[divan::bench(args = [100_000, 1_000_000, 10_000_000], sample_count = 5, sample_size = 1)]
fn all_rules(bencher: divan::Bencher, bytes: usize) {
    run(bencher, bytes, &[], &CustomRules::default());
}

/// 10,000 facts, most about terms the text never mentions, some about its sentences.
fn many_facts() -> Vec<Arc<Facts>> {
    let mut toml = String::from("[document]\nas_of = \"2024-04-15\"\n");
    for i in 0..10_000 {
        let about = if i % 100 == 0 { "\"CMP\"" } else { "\"term\"" };
        toml.push_str(&format!(
            "[[fact]]\nid = \"f{i}\"\nabout = [{about}, \"word{i}\"]\nvalue = {i}\n"
        ));
    }
    let (facts, problems) = Facts::parse("many.facts.toml", &toml);
    assert!(problems.is_empty());
    vec![Arc::new(facts.expect("facts parse"))]
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn all_rules_10000_facts_1mb(bencher: divan::Bencher) {
    run(bencher, 1_000_000, &many_facts(), &CustomRules::default());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn all_rules_and_packs_1mb(bencher: divan::Bencher) {
    let mut rules = Vec::new();
    for name in packs::names() {
        rules.extend(packs::pack(name).expect("pack").rules);
    }
    run(bencher, 1_000_000, &[], &CustomRules::new(rules));
}
