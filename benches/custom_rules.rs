//! 500 custom pattern rules on a 100 KB brief: matched together through one RegexSet (what
//! factlint does) against one pass per rule (what it avoids).
//!
//! Run with `cargo bench --bench custom_rules`.

use factlint::analysis::Analysis;
use factlint::custom::{parse_rules, CustomRules};
use factlint::source::{Document, Format};

fn main() {
    divan::main();
}

const RULES: usize = 500;

fn rules_toml() -> String {
    let mut toml = String::new();
    for i in 0..RULES {
        // Plausible house-style patterns: mostly absent, a few present.
        toml.push_str(&format!(
            "[[rule]]\nid = \"bench.r{i}\"\nmessage = \"m\"\npattern = '\\b(?:term{i}|phrase {i} here)\\b'\n"
        ));
    }
    toml.push_str(
        "[[rule]]\nid = \"bench.hit\"\nmessage = \"m\"\npattern = '\\bpeacekeepers\\b'\n",
    );
    toml
}

fn brief() -> String {
    let paragraph =
        "China plans to provide approximately 400 peacekeepers to the UN Multidimensional \
Integrated Stabilization Mission in Mali (MINUSMA), which took over peacekeeping responsibilities \
from the African-led International Support Mission in Mali (AFISMA) on July 1.\n\n";
    paragraph.repeat(100_000 / paragraph.len() + 1)
}

#[divan::bench]
fn regex_set(bencher: divan::Bencher) {
    let rules = CustomRules::new(parse_rules("bench.toml", &rules_toml()).rules);
    let doc = Document::new("brief.txt", brief(), Format::Text);
    let analysis = Analysis::new(&doc);
    bencher.bench_local(|| rules.check(&doc, &analysis, &|_| true).len());
}

#[divan::bench]
fn one_pass_per_rule(bencher: divan::Bencher) {
    let file = parse_rules("bench.toml", &rules_toml());
    let regexes: Vec<regex::Regex> = file
        .rules
        .iter()
        .filter_map(|r| match &r.kind {
            factlint::custom::Kind::Pattern { regex, .. } => Some(regex.clone()),
            _ => None,
        })
        .collect();
    let doc = Document::new("brief.txt", brief(), Format::Text);
    bencher.bench_local(|| {
        regexes
            .iter()
            .map(|re| re.find_iter(&doc.prose).count())
            .sum::<usize>()
    });
}
