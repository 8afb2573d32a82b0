use super::{sentences_with_quantities, short};
use crate::analysis::{Qualifier, Quantity, TokenKind};
use crate::declare_rule;
use crate::diagnostic::{Finding, Label};
use crate::facts::matching::Outcome;
use crate::facts::Claim;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Checks a ratio claim against its own numbers: "N times as many/much/more/larger ...
    /// as/than", "N-fold", and "doubled", "tripled", "quadrupled", "halved" with "from X to Y".
    ///
    /// The two sides come from the same sentence: exactly one number before the multiplier and
    /// one after it ("940 MW in 2023, roughly six times the 200 MW it had in 2008": 940 / 200
    /// = 4.7). When the text names only a year on the other side ("more than fifteen times as
    /// many as it had in 2000"), the value for that year comes from a `values` series in the
    /// facts file, if one applies to the sentence; without one, the rule says nothing.
    ///
    /// Qualifiers: "roughly", "about", "some" allow ±10%; "more than" needs a larger ratio;
    /// "at least" an equal or larger one; "nearly", "almost" a ratio a little below; with no
    /// qualifier, the ratio must be within 5% of the multiplier.
    ///
    /// ## Why is this bad?
    /// A multiplier is the number readers remember. If the numbers beside it do not give it,
    /// one of them is wrong.
    ///
    /// ## Example
    /// ```text
    /// Installed capacity reached 940 MW in 2023, roughly six times the 200 MW it had in 2008.
    /// ```
    /// 940 / 200 = 4.7, not roughly 6. Use instead "nearly five times".
    ///
    /// ## How to silence it
    /// Correct the multiplier or the numbers, or ignore the rule with `--ignore NUM001`.
    pub struct RatioContradictsNumbers {
        code: "NUM001",
        name: "ratio-contradicts-numbers",
        severity: Error,
        fix: None,
        summary: "a ratio claim contradicts its own numbers or the facts",
    }
}

fn verb_ratio(w: &str) -> Option<f64> {
    match w {
        "doubled" | "doubling" => Some(2.0),
        "tripled" | "trebled" | "tripling" => Some(3.0),
        "quadrupled" => Some(4.0),
        "halved" => Some(0.5),
        _ => None,
    }
}

fn agrees(ratio: f64, n: f64, qualifier: Option<Qualifier>) -> bool {
    match qualifier {
        Some(Qualifier::Approximately) => (ratio - n).abs() <= 0.10 * n,
        Some(Qualifier::MoreThan) => ratio > n,
        Some(Qualifier::AtLeast) => ratio >= n,
        Some(Qualifier::LessThan) => ratio < n,
        Some(Qualifier::AtMost) => ratio <= n,
        Some(Qualifier::Nearly) => ratio <= n * 1.001 && ratio >= 0.9 * n,
        _ => (ratio - n).abs() <= 0.05 * n,
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let prose = cx.doc.prose.as_str();
    for (si, qs) in sentences_with_quantities(a) {
        // "N times" / "N-fold".
        for (k, m) in qs.iter().enumerate() {
            let after = a.tokens.get(m.tokens.end).map(|t| &prose[t.range()]);
            let fold = after == Some("-")
                && a.tokens
                    .get(m.tokens.end + 1)
                    .is_some_and(|t| prose[t.range()].eq_ignore_ascii_case("fold"));
            if !after.is_some_and(|w| w.eq_ignore_ascii_case("times")) && !fold {
                continue;
            }
            if m.percent || m.high.is_some() {
                continue;
            }
            // "5 times a second", "three times per day", "twice each year": a frequency, not
            // a ratio.
            let t = m.tokens.end + 1;
            let word = |i: usize| a.tokens.get(i).map_or("", |t| &prose[t.range()]);
            if !fold
                && crate::analysis::words::is_one_of(word(t), &["a", "an", "per", "each", "every"])
            {
                continue;
            }
            let (before, after_q) = (&qs[..k], &qs[k + 1..]);
            let qualifier = m.qualifier.as_ref().map(|(q, _)| *q);
            let claim_start = m.qualifier.as_ref().map_or(m.range.start, |(_, r)| r.start);
            let claim_end = a.tokens[m.tokens.end + if fold { 1 } else { 0 }].end();
            let claim = claim_start..claim_end;
            let claim_text = cx
                .text(claim.clone())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if let ([x], [y]) = (before, after_q) {
                if y.value == 0.0 || x.percent != y.percent {
                    continue;
                }
                let ratio = x.value / y.value;
                if agrees(ratio, m.value, qualifier) {
                    continue;
                }
                out.push(
                    Finding::new(
                        claim,
                        format!(
                            "{} / {} = {}, not {claim_text}",
                            cx.text(x.range.clone()),
                            cx.text(y.range.clone()),
                            short(ratio)
                        ),
                    )
                    .with_label("ratio claimed")
                    .with_secondary(x.range.clone(), "compared")
                    .with_secondary(y.range.clone(), "with")
                    .with_help("correct the multiplier or one of the numbers"),
                );
                continue;
            }
            // "... N times as many as it had in 2000": the other side from a series.
            if after_q.is_empty() {
                RatioContradictsNumbers.against_series(
                    cx,
                    si,
                    m,
                    &claim,
                    &claim_text,
                    qualifier,
                    out,
                );
            }
        }
        // "doubled from 40 to 90", "tripled from 2.3 million in 2013 to 8.9 million in 2022".
        let spans = super::from_to(a, prose, qs);
        if spans.is_empty() {
            continue;
        }
        for t in &a.tokens[a.sentences[si].tokens.clone()] {
            if t.kind() != TokenKind::Word {
                continue;
            }
            let Some(n) = verb_ratio(&prose[t.range()].to_lowercase()) else {
                continue;
            };
            let Some(span) = spans.iter().find(|s| s.range.start > t.start()) else {
                continue;
            };
            let (from, to) = (span.from, span.to);
            if from == 0.0 {
                continue;
            }
            let ratio = to / from;
            if agrees(ratio, n, None) {
                continue;
            }
            let verb = cx.text(t.range()).to_string();
            out.push(
                Finding::new(
                    t.range(),
                    format!(
                        "{} / {} = {}, not '{verb}' ({})",
                        short(to),
                        short(from),
                        short(ratio),
                        short(n)
                    ),
                )
                .with_label("ratio claimed")
                .with_secondary(span.range.clone(), "the numbers compared")
                .with_help("correct the verb or one of the numbers"),
            );
        }
    }
}

impl RatioContradictsNumbers {
    /// The other side of "N times as many as in YEAR" from a `values` series that applies to
    /// the sentence; silent when none does.
    #[allow(clippy::too_many_arguments)]
    fn against_series(
        &self,
        cx: &Context,
        si: usize,
        m: &Quantity,
        claim: &std::ops::Range<usize>,
        claim_text: &str,
        qualifier: Option<Qualifier>,
        out: &mut Vec<Finding>,
    ) {
        let a = cx.analysis;
        // The year named after the multiplier.
        let end = a.sentences[si].range.end;
        let first = a
            .dates
            .dates
            .partition_point(|d| d.range.start <= m.range.end);
        let Some(year) = a.dates.dates[first..]
            .iter()
            .take_while(|d| d.range.start < end)
            .find(|d| d.range.end <= end && d.date.month.is_none())
        else {
            return;
        };
        for fm in cx.fact_matches() {
            let Claim::Values(series) = &fm.fact.claim else {
                continue;
            };
            let Some((declared, base, span)) =
                series.iter().find(|(y, _, _)| Some(*y) == year.date.year)
            else {
                continue;
            };
            // The number the fact speaks to in this sentence is the other side.
            let Some(x) = fm.outcomes.iter().find_map(|o| match o {
                Outcome::Number {
                    sentence, quantity, ..
                } if *sentence == si => Some(*quantity),
                _ => None,
            }) else {
                continue;
            };
            if *base == 0.0 {
                continue;
            }
            let ratio = x.value / base;
            if agrees(ratio, m.value, qualifier) {
                return;
            }
            let mut f = Finding::new(
                claim.clone(),
                format!(
                    "{} / {} = {}, not {claim_text}",
                    cx.text(x.range.clone()),
                    crate::facts::matching::format_number(*base),
                    short(ratio)
                ),
            )
            .with_label("ratio claimed")
            .with_secondary(x.range.clone(), "compared")
            .with_note(format!(
                "{} in {} is declared in the facts file as {}",
                fm.fact.id,
                declared,
                crate::facts::matching::format_number(*base)
            ))
            .with_help("correct the multiplier, or the series if the text is right");
            f.labels.push(Label {
                file: Some(fm.facts.file.clone()),
                range: span.clone(),
                message: format!("{declared} declared here"),
            });
            out.push(f);
            return;
        }
    }
}
