use super::with_fact;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::facts::matching::{format_number, Outcome};
use crate::facts::Claim;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Checks numbers against the facts file. A fact speaks only to a sentence that mentions all
    /// of its `about` terms (whole words, any case, plurals and possessives allowed). In that
    /// sentence, the candidates are the numbers followed within three words by the fact's `unit`
    /// (when one is declared), leaving out years, dates, footnote markers, references and
    /// multipliers ("fifteen times"). When exactly one candidate remains, it is compared; when
    /// none or several remain, the fact says nothing.
    ///
    /// A `values` series speaks to a number only when the sentence ties it to one of the
    /// series' years ("in 2000") or to the as-of date ("today", "currently", "now"); the tie
    /// nearest to the number counts.
    ///
    /// Qualifiers set the comparison:
    /// - "approximately", "about", "around", "roughly", "some": within ±10% (or the declared
    ///   `tolerance` if larger), or equal at the precision written;
    /// - "more than", "over": the fact is greater; "at least": greater or equal;
    /// - "less than", "under", "fewer than": the fact is smaller; "at most", "up to": smaller
    ///   or equal;
    /// - "nearly", "almost": at most the number and within 10% below it;
    /// - a range "50-75": the fact lies inside it;
    /// - no qualifier: equal at the precision written ("22,000" accepts 21,600, which is
    ///   22,000 to two significant figures; "1,650" needs 1,650), or within `tolerance`.
    ///
    /// ## Why is this bad?
    /// A brief that misstates a number its readers will act on is wrong in the way that matters
    /// most, and the error is invisible to a spelling or style checker.
    ///
    /// ## Example
    /// With the fact
    /// ```toml
    /// [[fact]]
    /// id = "china-minusma-pledge"
    /// about = ["China", "MINUSMA"]
    /// value = 395
    /// unit = "peacekeepers"
    /// ```
    /// the sentence
    /// ```text
    /// China plans to provide approximately 4,000 peacekeepers to MINUSMA.
    /// ```
    /// is reported: "the text says approximately 4,000; the fact declares 395 (±10% for
    /// 'approximately')". Use instead: "approximately 400 peacekeepers".
    ///
    /// ## How to silence it
    /// Correct the number or the fact; narrow the fact with more `about` terms or a `unit` if it
    /// speaks to the wrong sentence (`factlint check --explain-facts` shows what each fact was
    /// matched to); or ignore the rule with `--ignore FCT001`.
    pub struct NumberContradictsFact {
        code: "FCT001",
        name: "number-contradicts-fact",
        severity: Error,
        fix: None,
        summary: "a number contradicts a declared fact",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for m in cx.fact_matches() {
        for o in &m.outcomes {
            let Outcome::Number {
                quantity,
                expected,
                year,
                verdict,
                ..
            } = o
            else {
                continue;
            };
            if verdict.agrees {
                continue;
            }
            let start = quantity
                .qualifier
                .as_ref()
                .map_or(quantity.range.start, |(_, r)| r.start);
            let said = cx
                .text(start..quantity.range.end)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let (span, label) = match (&m.fact.claim, year) {
                (Claim::Values(series), Some(y)) => {
                    let span = series
                        .iter()
                        .find(|(sy, _, _)| sy == y)
                        .map_or(m.fact.value_span.clone(), |(_, _, r)| r.clone());
                    (
                        span,
                        format!("{} declared for {y}", format_number(*expected)),
                    )
                }
                _ => (
                    m.fact.value_span.clone(),
                    format!("{} declared here", format_number(*expected)),
                ),
            };
            let f = Finding::new(
                start..quantity.range.end,
                format!(
                    "'{said}' contradicts the declared fact '{}' ({})",
                    m.fact.id,
                    format_number(*expected)
                ),
            )
            .with_label("this number")
            .with_note(verdict.explanation.clone());
            let f = with_fact(f, m.facts, m.fact, span, label)
                .with_help("correct the number, or the fact if the text is right");
            out.push(f);
        }
    }
}
