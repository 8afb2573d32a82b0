use super::{later, spoken};
use crate::analysis::TokenKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports an event told in the past tense and dated after the date the document speaks
    /// from: its as-of date, taken from `--as-of`, a facts file's `[document] as_of`, or a line
    /// "As of March 1, 2024" in the document. Dates are compared at the precision written.
    ///
    /// The sentence must have a past-tense event verb ("was", "took", "signed", "deployed",
    /// "announced", ...) and no sign of the future or of a plan ("will", "plans", "is expected
    /// to", "scheduled", "could", "next"); otherwise the rule says nothing.
    ///
    /// ## Why is this bad?
    /// A brief cannot report what has not happened yet: the date is wrong, or the as-of date
    /// is stale, or a plan is being told as a fact.
    ///
    /// ## Example
    /// In a brief "As of March 1, 2024":
    /// ```text
    /// The mission deployed its first company on April 12, 2024.
    /// ```
    /// Use instead the right date, or "is to deploy ... on April 12, 2024".
    ///
    /// ## How to silence it
    /// Correct the date or the as-of date, or ignore the rule with `--ignore DAT004`.
    pub struct PastEventAfterAsOf {
        code: "DAT004",
        name: "past-event-after-as-of",
        severity: Warning,
        fix: None,
        summary: "a past event dated after the document's as-of date",
    }
}

const PAST_VERBS: &[&str] = &[
    "was",
    "were",
    "had",
    "took",
    "began",
    "signed",
    "launched",
    "deployed",
    "held",
    "met",
    "said",
    "announced",
    "agreed",
    "arrived",
    "left",
    "killed",
    "attacked",
    "captured",
    "seized",
    "won",
    "lost",
    "elected",
    "appointed",
    "ended",
    "started",
    "opened",
    "closed",
    "passed",
    "approved",
    "adopted",
    "released",
    "published",
    "reported",
    "occurred",
    "happened",
    "visited",
    "withdrew",
    "declared",
    "completed",
    "conducted",
    "sent",
    "received",
    "issued",
    "killed",
    "fell",
    "rose",
    "led",
    "hosted",
    "ratified",
    "enacted",
    "invaded",
    "struck",
    "returned",
    "resigned",
];

const FUTURE_MARKERS: &[&str] = &[
    "will",
    "would",
    "shall",
    "plan",
    "plans",
    "planned",
    "planning",
    "expected",
    "expects",
    "expect",
    "scheduled",
    "intends",
    "intend",
    "intended",
    "aims",
    "aim",
    "could",
    "may",
    "might",
    "should",
    "next",
    "upcoming",
    "proposed",
    "projected",
    "forecast",
    "anticipated",
    "if",
    "unless",
    "deadline",
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(as_of) = cx.as_of else { return };
    let a = cx.analysis;
    for d in &a.dates.dates {
        if !d.year_written && d.date.day.is_none() {
            continue;
        }
        if !later(&d.date, &as_of) {
            continue;
        }
        let Some(si) = a.sentence_at(d.range.start) else {
            continue;
        };
        let s = &a.sentences[si];
        let words: Vec<String> = a.tokens[s.tokens.clone()]
            .iter()
            .filter(|t| t.kind() == TokenKind::Word)
            .map(|t| cx.doc.prose[t.range()].to_lowercase())
            .collect();
        let past = words.iter().any(|w| PAST_VERBS.contains(&w.as_str()));
        // "is to deploy", "are due to", "set to": plans told with "to".
        let planned = words.windows(2).any(|w| {
            matches!(w[0].as_str(), "is" | "are" | "was" | "were" | "due" | "set") && w[1] == "to"
        });
        let future = planned || words.iter().any(|w| FUTURE_MARKERS.contains(&w.as_str()));
        // "As of March 1, 2024" itself is not an event.
        let as_of_line = words.len() <= 4 && words.first().is_some_and(|w| w == "as");
        if !past || future || as_of_line {
            continue;
        }
        out.push(
            Finding::new(
                d.range.clone(),
                format!(
                    "a past event dated {}, after the as-of date {}",
                    spoken(&d.date),
                    spoken(&as_of)
                ),
            )
            .with_label("after the date the document speaks from")
            .with_note(format!(
                "the document speaks from {}; the sentence tells this in the past tense",
                spoken(&as_of)
            ))
            .with_help("correct the date, update the as-of date, or tell a plan as a plan"),
        );
    }
}
