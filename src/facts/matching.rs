//! Matching facts to sentences, numbers and dates, and comparing them. FCT001 and FCT002 report
//! the mismatches; `--explain-facts` shows every outcome so users can tune their facts file.
//!
//! Precision first: a fact speaks only to a sentence that mentions all its `about` terms, and
//! only when exactly one number (carrying the fact's unit, if one is declared) or one date in
//! that sentence can be what the fact is about.

use super::{Claim, Fact, Facts, TermIndex};
use crate::analysis::{Analysis, DateMention, PartialDate, Period, Qualifier, Quantity, TokenKind};
use crate::source::Document;
use std::sync::Arc;

/// What the checker did with one fact in one document.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// No sentence mentions all the `about` terms.
    NoSentence,
    /// A sentence mentions them, but nothing in it is a candidate.
    NoCandidate { sentence: usize, why: String },
    /// More than one candidate: the fact says nothing.
    Ambiguous { sentence: usize, candidates: usize },
    /// A number was compared.
    Number {
        sentence: usize,
        quantity: &'a Quantity,
        expected: f64,
        year: Option<i16>,
        verdict: Verdict,
    },
    /// A date was compared.
    Date {
        sentence: usize,
        date: &'a DateMention,
        verdict: Verdict,
    },
    /// A period was compared.
    Period {
        sentence: usize,
        period: &'a Period,
        verdict: Verdict,
    },
}

/// The result of a comparison, with the arithmetic or reasoning done.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub agrees: bool,
    pub explanation: String,
}

#[derive(Debug)]
pub struct FactMatch<'a> {
    pub facts: &'a Arc<Facts>,
    pub fact: &'a Fact,
    pub outcomes: Vec<Outcome<'a>>,
}

/// Words that tie a number to the as-of date.
const NOW_WORDS: &[&str] = &["today", "currently", "now", "presently", "present"];

/// Matches every fact of `sets` against a document's analysis.
pub fn match_facts<'a>(
    doc: &Document,
    analysis: &'a Analysis,
    sets: &'a [Arc<Facts>],
    terms: &TermIndex,
    as_of: Option<PartialDate>,
) -> Vec<FactMatch<'a>> {
    let mut out = Vec::new();
    for facts in sets {
        for fact in &facts.facts {
            let sentences = terms.sentences_with_all(&fact.about);
            let mut outcomes = Vec::new();
            if sentences.is_empty() {
                outcomes.push(Outcome::NoSentence);
            }
            for si in sentences {
                outcomes.push(match &fact.claim {
                    Claim::Value(v) => {
                        number_outcome(doc, analysis, fact, si, Expected::Value(*v), as_of)
                    }
                    Claim::Values(series) => {
                        number_outcome(doc, analysis, fact, si, Expected::Series(series), as_of)
                    }
                    Claim::Date(d) => date_outcome(analysis, si, d),
                    Claim::Period { from, to } => period_outcome(analysis, si, from, to),
                });
            }
            out.push(FactMatch {
                facts,
                fact,
                outcomes,
            });
        }
    }
    out
}

fn in_sentence(analysis: &Analysis, si: usize, range: &std::ops::Range<usize>) -> bool {
    let s = &analysis.sentences[si].range;
    s.start <= range.start && range.end <= s.end
}

/// Whether the unit noun follows the number within three words ("four cargo aircraft").
fn carries_unit(doc: &Document, analysis: &Analysis, q: &Quantity, unit: &str) -> bool {
    let unit = unit.to_lowercase();
    let singular = unit.strip_suffix('s').unwrap_or(&unit).to_string();
    let mut words = 0;
    for t in &analysis.tokens[q.tokens.end..] {
        let w = doc.prose[t.range()].to_lowercase();
        if t.kind() != TokenKind::Word {
            if matches!(w.as_str(), "-" | "%" | "$") {
                continue;
            }
            // "billion", "percent" were taken by the number; other punctuation ends the search.
            return false;
        }
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        let ws = w
            .strip_suffix("es")
            .or_else(|| w.strip_suffix('s'))
            .unwrap_or(w);
        if w == unit || w == singular || ws == singular || ws == unit {
            return true;
        }
        words += 1;
        if words >= 3 {
            return false;
        }
    }
    false
}

/// A multiplier, not a count: "fifteen times", "three-fold".
fn is_multiplier(doc: &Document, analysis: &Analysis, q: &Quantity) -> bool {
    analysis.tokens.get(q.tokens.end).is_some_and(|t| {
        let w = doc.prose[t.range()].to_lowercase();
        matches!(w.as_str(), "times" | "fold" | "-fold")
    })
}

/// The declared number: one value, or a series by year.
enum Expected<'s> {
    Value(f64),
    Series(&'s [(i16, f64, std::ops::Range<usize>)]),
}

fn number_outcome<'a>(
    doc: &Document,
    analysis: &'a Analysis,
    fact: &Fact,
    si: usize,
    value: Expected,
    as_of: Option<PartialDate>,
) -> Outcome<'a> {
    let s = &analysis.sentences[si].range;
    let first = analysis
        .quantities
        .partition_point(|q| q.range.start < s.start);
    let candidates: Vec<&Quantity> = analysis.quantities[first..]
        .iter()
        .take_while(|q| q.range.start < s.end)
        .filter(|q| in_sentence(analysis, si, &q.range))
        .filter(|q| !is_multiplier(doc, analysis, q))
        .filter(|q| match &fact.unit {
            Some(u) if u == "%" || u.eq_ignore_ascii_case("percent") => q.percent,
            Some(u) => !q.percent && carries_unit(doc, analysis, q, u),
            None => !q.percent,
        })
        .collect();
    let q = match candidates.as_slice() {
        [] => {
            let why = match &fact.unit {
                Some(u) => format!("no number followed by \"{u}\" in the sentence"),
                None => "no number in the sentence".to_string(),
            };
            return Outcome::NoCandidate { sentence: si, why };
        }
        [q] => *q,
        many => {
            return Outcome::Ambiguous {
                sentence: si,
                candidates: many.len(),
            }
        }
    };
    let (expected, year) = match value {
        Expected::Value(v) => (v, None),
        Expected::Series(series) => match tie_year(doc, analysis, si, q, series, as_of) {
            Ok((y, v)) => (v, Some(y)),
            Err(why) => return Outcome::NoCandidate { sentence: si, why },
        },
    };
    let verdict = compare_number(doc, q, expected, fact.tolerance);
    Outcome::Number {
        sentence: si,
        quantity: q,
        expected,
        year,
        verdict,
    }
}

/// The year of a series a number is tied to: a year in the sentence that the series declares,
/// or "today"/"currently" with the as-of date, the one nearest to the number.
fn tie_year(
    doc: &Document,
    analysis: &Analysis,
    si: usize,
    q: &Quantity,
    series: &[(i16, f64, std::ops::Range<usize>)],
    as_of: Option<PartialDate>,
) -> Result<(i16, f64), String> {
    let mut ties: Vec<(usize, i16)> = Vec::new();
    let distance = |offset: usize| {
        let (a, b) = if offset < q.range.start {
            (offset, q.range.start)
        } else {
            (q.range.end, offset)
        };
        doc.prose[a.min(b)..b.max(a)].split_whitespace().count()
    };
    for d in &analysis.dates.dates {
        if in_sentence(analysis, si, &d.range) && d.date.month.is_none() && !d.date.decade {
            ties.extend(d.date.year.map(|y| (distance(d.range.start), y)));
        }
    }
    if let Some(as_of) = as_of {
        let s = &analysis.sentences[si];
        for t in &analysis.tokens[s.tokens.clone()] {
            let w = doc.prose[t.range()].to_lowercase();
            if NOW_WORDS.contains(&w.as_str()) {
                ties.extend(as_of.year.map(|y| (distance(t.start()), y)));
            }
        }
    }
    ties.retain(|(_, y)| series.iter().any(|(sy, _, _)| sy == y));
    ties.sort();
    match ties.as_slice() {
        [] => Err(
            "the sentence names none of the series' years (nor \"today\" with an as-of date)"
                .into(),
        ),
        [(d, y), rest @ ..] => {
            if rest.first().is_some_and(|(d2, y2)| d2 == d && y2 != y) {
                return Err("two of the series' years are equally near the number".into());
            }
            let v = series
                .iter()
                .find(|(sy, _, _)| sy == y)
                .map(|(_, v, _)| *v)
                .unwrap_or_default();
            Ok((*y, v))
        }
    }
}

/// "1,650", "1.2 billion", "22,000": how a number is shown in a message.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `v` rounded to `sig` significant figures.
fn round_sig(v: f64, sig: u32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(sig as i32 - 1 - magnitude);
    (v * factor).round() / factor
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Compares a number as written with a declared value.
pub fn compare_number(doc: &Document, q: &Quantity, fact: f64, tolerance: Option<f64>) -> Verdict {
    let written = &doc.file.text[q.range.clone()];
    let qual_text = q
        .qualifier
        .as_ref()
        .map(|(_, r)| doc.file.text[r.clone()].to_lowercase());
    let said = match &qual_text {
        Some(t) => format!("{t} {written}"),
        None => written.to_string(),
    };
    let declared = format_number(fact);
    let tol = tolerance.unwrap_or(0.0);
    let within = |target: f64, rel: f64| (fact - target).abs() <= rel * fact.abs() + 1e-9;
    if let Some(high) = q.high {
        let (lo, hi) = (q.value.min(high), q.value.max(high));
        let agrees = fact >= lo * (1.0 - tol) - 1e-9 && fact <= hi * (1.0 + tol) + 1e-9
            || q.qualifier
                .as_ref()
                .is_some_and(|(k, _)| *k == Qualifier::Approximately)
                && fact >= lo * 0.9 - 1e-9
                && fact <= hi * 1.1 + 1e-9;
        return Verdict {
            agrees,
            explanation: format!(
                "the text says {said}; the fact declares {declared}, outside {}–{}",
                format_number(lo),
                format_number(hi)
            ),
        };
    }
    let v = q.value;
    let (agrees, rule) = match q.qualifier.as_ref().map(|(k, _)| *k) {
        Some(Qualifier::Approximately) => {
            let rel = tol.max(0.10);
            (
                within(v, rel) || within_rounding(q, fact),
                format!(
                    "±{}% for '{}'",
                    (rel * 100.0).round(),
                    qual_text.clone().unwrap_or_default()
                ),
            )
        }
        Some(Qualifier::MoreThan) => (
            fact > v,
            format!(
                "'{}' needs more than {}",
                qual_text.clone().unwrap_or_default(),
                format_number(v)
            ),
        ),
        Some(Qualifier::AtLeast) => (
            fact >= v,
            format!(
                "'{}' needs at least {}",
                qual_text.clone().unwrap_or_default(),
                format_number(v)
            ),
        ),
        Some(Qualifier::LessThan) => (
            fact < v,
            format!(
                "'{}' needs less than {}",
                qual_text.clone().unwrap_or_default(),
                format_number(v)
            ),
        ),
        Some(Qualifier::AtMost) => (
            fact <= v,
            format!(
                "'{}' needs at most {}",
                qual_text.clone().unwrap_or_default(),
                format_number(v)
            ),
        ),
        Some(Qualifier::Nearly) => (
            fact <= v + 1e-9 && fact >= v * (1.0 - tol.max(0.10)) - 1e-9,
            format!(
                "'{}' needs a little below {}",
                qual_text.clone().unwrap_or_default(),
                format_number(v)
            ),
        ),
        Some(Qualifier::Exactly) => (close(fact, v) || within(v, tol), "exactly".to_string()),
        None => {
            if tol > 0.0 {
                (
                    within(v, tol),
                    format!(
                        "±{}% declared tolerance",
                        (tol * 100.0 * 10.0).round() / 10.0
                    ),
                )
            } else {
                let sig = q.significant.unwrap_or(15);
                let rounded = round_sig(fact, sig);
                (
                    close(rounded, v),
                    format!(
                        "{declared} is {} at the precision written",
                        format_number(rounded)
                    ),
                )
            }
        }
    };
    Verdict {
        agrees,
        explanation: format!("the text says {said}; the fact declares {declared} ({rule})"),
    }
}

/// "about 400" also agrees with 395 when 395 rounds to 400 at the precision written.
fn within_rounding(q: &Quantity, fact: f64) -> bool {
    q.significant
        .is_some_and(|sig| close(round_sig(fact, sig), q.value))
}

fn date_outcome<'a>(analysis: &'a Analysis, si: usize, fact: &PartialDate) -> Outcome<'a> {
    let candidates: Vec<&DateMention> = analysis
        .dates
        .dates
        .iter()
        .filter(|d| in_sentence(analysis, si, &d.range))
        .collect();
    match candidates.as_slice() {
        [] => Outcome::NoCandidate {
            sentence: si,
            why: "no date in the sentence".into(),
        },
        [d] => Outcome::Date {
            sentence: si,
            date: d,
            verdict: compare_date(&d.date, fact),
        },
        many => Outcome::Ambiguous {
            sentence: si,
            candidates: many.len(),
        },
    }
}

/// Compares at the lower of the two precisions ("July 1" against 2013-07-01 compares month and
/// day, with the year from context).
pub fn compare_date(written: &PartialDate, fact: &PartialDate) -> Verdict {
    let at = written.common_precision(fact);
    Verdict {
        agrees: written.compare_at(fact, at).is_eq(),
        explanation: format!("the text says {written}; the fact declares {fact}"),
    }
}

fn period_outcome<'a>(
    analysis: &'a Analysis,
    si: usize,
    from: &PartialDate,
    to: &PartialDate,
) -> Outcome<'a> {
    let candidates: Vec<&Period> = analysis
        .dates
        .periods
        .iter()
        .filter(|p| in_sentence(analysis, si, &p.range) && p.from.is_some() && p.to.is_some())
        .collect();
    match candidates.as_slice() {
        [] => Outcome::NoCandidate {
            sentence: si,
            why: "no period (\"from ... to ...\", \"2007–2011\") in the sentence".into(),
        },
        [p] => {
            let (pf, pt) = (p.from.unwrap_or(*from), p.to.unwrap_or(*to));
            let a = compare_date(&pf, from);
            let b = compare_date(&pt, to);
            Outcome::Period {
                sentence: si,
                period: p,
                verdict: Verdict {
                    agrees: a.agrees && b.agrees,
                    explanation: format!(
                        "the text says {pf} to {pt}; the fact declares {from} to {to}"
                    ),
                },
            }
        }
        many => Outcome::Ambiguous {
            sentence: si,
            candidates: many.len(),
        },
    }
}
