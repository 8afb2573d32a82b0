//! The adversarial inputs of issue 16 at a modest size, each beside an ordinary brief of the
//! same size: many distinct definitions (ACR006), many definitions in one sentence (ACR004),
//! near-misses of one acronym on one line (ACR003), many dates in one paragraph (DAT005), a
//! large facts file (the multi-term matcher), and many findings on one line written by the
//! human and concise reporters (positions from the line index).
//!
//! Run with `cargo bench --bench worst_cases`; `scripts/stress.py` runs the full-size cases
//! through the binary.

use codespan_reporting::term::termcolor::NoColor;
use factlint::custom::{parse_rules, CustomRules};
use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document_full, Selection};
use factlint::facts::Facts;
use factlint::report::{Format as Out, Report, Summary};
use factlint::settings::Settings;
use factlint::source::{Document, Format};
use std::sync::Arc;

fn main() {
    divan::main();
}

/// `k` distinct four-letter acronyms with expansions that fit them.
fn acronyms(k: usize) -> Vec<(String, String)> {
    let l = |i: usize| (b'A' + (i % 26) as u8) as char;
    (0..k)
        .map(|i| {
            let letters = [l(i / 17576), l(i / 676), l(i / 26), l(i)];
            let acr: String = letters.iter().collect();
            let words: Vec<String> = letters
                .iter()
                .map(|c| format!("{c}ord{}x", c.to_ascii_lowercase()))
                .collect();
            (acr, words.join(" "))
        })
        .collect()
}

fn ordinary(bytes: usize) -> String {
    let brief = std::fs::read_to_string("fixtures/example-brief.txt").expect("example brief");
    brief.repeat(bytes / brief.len() + 1)
}

fn check(text: &str, facts: &[Arc<Facts>], custom: &CustomRules) -> Vec<Diagnostic> {
    let doc = Document::new("b.txt", text, Format::Text);
    check_document_full(&doc, &Settings::default(), &Selection::all(), facts, custom).diagnostics
}

fn none() -> CustomRules {
    CustomRules::new(Vec::new())
}

fn distinct_definitions() -> String {
    acronyms(10_000)
        .iter()
        .map(|(a, w)| format!("The {w} ({a}) met on the day.\n"))
        .collect()
}

fn one_sentence() -> String {
    let parts: Vec<String> = acronyms(4_000)
        .iter()
        .map(|(a, w)| format!("the {w} ({a})"))
        .collect();
    format!("Present were {}\n", parts.join(", "))
}

fn near_misses() -> String {
    let a = "AFISMA";
    let mut variants: Vec<String> = (0..6)
        .flat_map(|i| {
            (b'A'..=b'Z').map(move |c| format!("{}{}{}", &a[..i], c as char, &a[i + 1..]))
        })
        .filter(|v| v != a)
        .collect();
    variants.sort();
    let words: Vec<String> = (0..8_000)
        .map(|i| format!("the {} unit", variants[i % variants.len()]))
        .collect();
    format!(
        "The African-led International Support Mission in Mali (AFISMA) deployed. AFISMA \
         went.\n\n{}\n",
        words.join(" ")
    )
}

fn dates() -> String {
    let dates: Vec<String> = (0..5_000)
        .map(|i| format!("on October, {}, 2012", 1 + i % 28))
        .collect();
    let lines: Vec<String> = dates.chunks(6).map(|c| c.join(", ")).collect();
    format!("Meetings took place {}.\n", lines.join(",\n"))
}

#[divan::bench(args = ["definitions", "one-sentence", "near-misses", "dates"])]
fn adversarial(bencher: divan::Bencher, case: &str) {
    let text = match case {
        "definitions" => distinct_definitions(),
        "one-sentence" => one_sentence(),
        "near-misses" => near_misses(),
        _ => dates(),
    };
    let custom = none();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench_local(|| check(&text, &[], &custom).len());
}

/// The ordinary brief at the size of each adversarial case, for the ratio.
#[divan::bench(args = [100_000, 500_000])]
fn ordinary_brief(bencher: divan::Bencher, bytes: usize) {
    let text = ordinary(bytes);
    let custom = none();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench_local(|| check(&text, &[], &custom).len());
}

/// Loading a facts file of 20,000 facts and checking a brief against it.
#[divan::bench(sample_count = 10)]
fn facts_file(bencher: divan::Bencher) {
    let mut toml = String::from("[document]\nas_of = \"2024-01-01\"\n");
    for i in 0..20_000 {
        toml.push_str(&format!(
            "[[fact]]\nid = \"f{i}\"\nabout = [\"Term{i}x\", \"Other{i}y\"]\nvalue = {i}\n"
        ));
    }
    let brief = ordinary(6_000);
    let custom = none();
    bencher.bench_local(|| {
        let (facts, _) = Facts::parse("f.toml", &toml);
        let facts: Vec<Arc<Facts>> = facts.into_iter().map(Arc::new).collect();
        check(&brief, &facts, &custom).len()
    });
}

/// 20,000 findings of a custom rule on one line, written by the concise and human reporters.
#[divan::bench(args = ["concise", "human"], sample_count = 10)]
fn findings_on_one_line(bencher: divan::Bencher, format: &str) {
    let rules = parse_rules(
        "r.toml",
        "[[rule]]\nid = \"house.zq\"\nseverity = \"warning\"\nmessage = \"zq\"\npattern = 'zq'\n",
    );
    let custom = CustomRules::new(rules.rules);
    let text = format!("{}\n", vec!["é zq"; 20_000].join(" "));
    let diagnostics = check(&text, &[], &custom);
    let out = if format == "human" {
        Out::Human
    } else {
        Out::Concise
    };
    bencher.bench_local(|| {
        let report = Report {
            diagnostics: &diagnostics,
            summary: Summary::new(1, &diagnostics),
            fact_lines: None,
            show_infos: true,
            quiet: false,
            statistics: false,
        };
        let mut sink = NoColor::new(Vec::new());
        out.write(&mut sink, &report).expect("in memory");
        sink.into_inner().len()
    });
}
