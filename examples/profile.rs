//! Where the time goes on one document: each analysis phase, the whole check, and each built-in
//! rule on the shared analysis (best of three runs each), with the sizes of the analysis lists.
//!
//! ```sh
//! cargo run --release --example profile -- FILE [--packs]
//! ```
//!
//! For finding what to speed up; the benchmarks (`cargo bench`) and `scripts/measure-scale.py`
//! are the figures to quote.

use factlint::analysis::{
    acronyms, blocks, dates, definitions, footnotes, numbers, sentences, tokens, Analysis,
};
use factlint::custom::{packs, CustomRules};
use factlint::engine::{check_document_full, Selection};
use factlint::rules::Context;
use factlint::settings::Settings;
use factlint::source::{Document, Format};
use std::time::{Duration, Instant};

/// The best of three runs of `f`, and its last result.
fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut fastest = Duration::MAX;
    let mut last = None;
    for _ in 0..3 {
        let start = Instant::now();
        let value = f();
        fastest = fastest.min(start.elapsed());
        last = Some(value);
    }
    (fastest, last.expect("three runs"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: cargo run --release --example profile -- FILE [--packs]");
        std::process::exit(2);
    };
    let with_packs = args.any(|a| a == "--packs");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let megabytes = text.len() as f64 / 1e6;
    let format = Format::from_path(&path);
    let (t, doc) = best(|| Document::new(&path, text.clone(), format));
    println!("{path}: {megabytes:.2} MB");
    println!("{:<28} {t:>10.1?}", "document (prose mask)");

    let prose = doc.prose.as_str();
    let phase = |name: &str, t: Duration| println!("{name:<28} {t:>10.1?}");
    let (t, toks) = best(|| tokens::tokenize(prose));
    phase("tokens", t);
    let (t, bl) = best(|| blocks::blocks(&doc));
    phase("blocks", t);
    let (t, mut notes) = best(|| footnotes::find_markers(&doc, &toks));
    phase("footnote markers", t);
    let (t, found) = best(|| footnotes::find_notes(&doc, &bl, &notes.markers));
    notes.notes = found;
    phase("notes", t);
    let (t, sents) = best(|| sentences::sentences(prose, &toks, &bl, &notes));
    phase("sentences", t);
    let (t, _) = best(|| definitions::find_definitions(prose, &toks, &sents, &bl));
    phase("acronym definitions", t);
    let (t, found_dates) = best(|| dates::find_dates(prose, &toks, &notes, None));
    phase("dates", t);
    let (t, _) = best(|| numbers::find_quantities(prose, &toks, &notes, &found_dates));
    phase("quantities", t);
    let (t, _) = best(|| acronyms::find_uses(prose, &doc.file, &toks, &bl, &doc.links));
    phase("acronym uses", t);
    let (t, a) = best(|| Analysis::new(&doc));
    phase("ANALYSIS (all of the above)", t);

    let settings = Settings::default();
    let custom = if with_packs {
        let mut rules = Vec::new();
        for name in packs::names() {
            rules.extend(packs::pack(name).expect("built-in pack").rules);
        }
        CustomRules::new(rules)
    } else {
        CustomRules::default()
    };
    let (t, report) =
        best(|| check_document_full(&doc, &settings, &Selection::all(), &[], &custom));
    println!(
        "{:<28} {t:>10.1?}  {:.1} MB/s, {} findings",
        "CHECK (analysis and rules)",
        megabytes / t.as_secs_f64(),
        report.diagnostics.len()
    );

    let (t, _) = best(|| factlint::rules::acronyms::typo_targets(&a, &settings).len());
    println!("{:<28} {t:>10.1?}", "acronym typo targets");
    let cx = Context::new(&doc, &a, &settings, &[], None);
    // Computed once here, so that the rules' times below leave it out.
    cx.acronym_typos();
    let mut times: Vec<(Duration, &str, usize)> = Selection::all()
        .rules()
        .iter()
        .map(|rule| {
            let (t, n) = best(|| {
                let mut out = Vec::new();
                rule.check(&cx, &mut out);
                out.len()
            });
            (t, rule.meta().code, n)
        })
        .collect();
    times.sort_by_key(|t| std::cmp::Reverse(t.0));
    let total: Duration = times.iter().map(|t| t.0).sum();
    println!("{:<28} {total:>10.1?}", "built-in rules");
    for (t, code, n) in times.iter().take(8) {
        println!("  {code:<26} {t:>10.1?}  {n} findings");
    }
    if with_packs {
        let mut pack_times: Vec<(Duration, String)> = Vec::new();
        for name in packs::names() {
            let count = packs::pack(name).expect("built-in pack").rules.len();
            for k in 0..count {
                // Rules are not Clone: each is read afresh from its pack to run alone.
                let rule = packs::pack(name)
                    .expect("built-in pack")
                    .rules
                    .swap_remove(k);
                let id = rule.id.clone();
                let one = CustomRules::new(vec![rule]);
                let (t, _) = best(|| one.check(&doc, &a, &|_| true).len());
                pack_times.push((t, id));
            }
        }
        pack_times.sort_by_key(|t| std::cmp::Reverse(t.0));
        let total: Duration = pack_times.iter().map(|t| t.0).sum();
        println!("{:<28} {total:>10.1?}", "pack rules");
        for (t, id) in pack_times.iter().take(8) {
            println!("  {id:<40} {t:>10.1?}");
        }
    }
    println!(
        "lists: {} tokens, {} sentences, {} quantities, {} dates, {} definitions, {} acronym uses",
        a.tokens.len(),
        a.sentences.len(),
        a.quantities.len(),
        a.dates.dates.len(),
        a.definitions.len(),
        a.acronym_uses.len()
    );
}
