use crate::analysis::TokenKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a numeric range of a count written high to low: "75-50 personnel", "between 8
    /// and 5 battalions". The range must be followed by the word it counts (or be a "between"
    /// range). Ranges joined by "to" are left alone ("from 80 to 50" is a decrease, on one line
    /// or across a line break), as are labels ("Listing 4-2", "Figure 3-1", "Table 10-2"), as are
    /// votes and scores ("voted 52-47", "a 7-2 decision"), page ranges written short
    /// ("1107–08"), identifiers ("Revenue Procedure 96-63"), table cells, references and years
    /// (a period that runs backwards is DAT002's).
    ///
    /// The swap is offered as a fix a human confirms (`--unsafe-fixes`): either end may be
    /// the wrong one.
    ///
    /// ## Why is this bad?
    /// A reversed range is usually a typo for the intended low–high range, and a reader cannot
    /// be sure which end is wrong.
    ///
    /// ## Example
    /// ```text
    /// two to three infantry platoons (approximately 75-50 personnel)
    /// ```
    /// Use instead: "approximately 50-75 personnel".
    ///
    /// ## How to silence it
    /// Write the range low to high, or ignore the rule with `--ignore NUM005`.
    pub struct ReversedRange {
        code: "NUM005",
        name: "reversed-range",
        severity: Warning,
        fix: Suggested,
        summary: "a numeric range written backwards",
    }
}

const VOTE_WORDS: &[&str] = &[
    "vote", "votes", "voted", "voting", "decision", "ruling", "margin", "score", "won", "lost",
    "defeated", "beat", "record", "tally", "majority", "split", "ballot", "win", "loss",
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for q in &a.quantities {
        let Some(high) = q.high else { continue };
        if high >= q.value {
            continue;
        }
        let written = cx.text(q.range.clone());
        // "from 2 to 1", even across a line break: a change, not a range.
        if written.split_whitespace().any(|w| w == "to") {
            continue;
        }
        // "1107–08", "426–27": page ranges written short; identifiers such as "96-63"
        // have no unit after them.
        let digits = |v: f64| format!("{}", v.abs().trunc()).len();
        if digits(high) < digits(q.value) {
            continue;
        }
        let after = a.tokens.partition_point(|t| t.start() < q.range.end);
        let unit_follows = a.tokens.get(after).is_some_and(|t| {
            t.kind() == TokenKind::Word
                && t.space_before()
                && cx.doc.prose[t.range()].chars().all(|c| c.is_lowercase())
        });
        if !unit_follows && !written.starts_with("between") {
            continue;
        }
        let in_table = a.block_at(q.range.start).is_some_and(|b| {
            b.kind == crate::analysis::BlockKind::TableRow && q.range.end <= b.range.end
        });
        if in_table {
            continue;
        }
        // "Listings 21-18, 21-19, and 21-20": the label word governs the whole list.
        let labelled = (q.tokens.start.saturating_sub(12)..q.tokens.start)
            .rev()
            .map(|i| &cx.doc.prose[a.tokens[i].range()])
            .take_while(|w| {
                w.bytes().all(|c| c.is_ascii_digit() || c == b'.')
                    || matches!(*w, "-" | "–" | "," | "and" | "or" | "&")
                    || crate::analysis::number_roles::REFERENCE_WORDS.contains(w)
            })
            .any(|w| crate::analysis::number_roles::REFERENCE_WORDS.contains(&w));
        if labelled {
            continue;
        }
        let Some(si) = a.sentence_at(q.range.start) else {
            continue;
        };
        let vote = a.tokens[a.sentences[si].tokens.clone()].iter().any(|t| {
            t.kind() == TokenKind::Word
                && crate::analysis::words::is_one_of(&cx.doc.prose[t.range()], VOTE_WORDS)
        });
        let adjectival = q.tokens.start > 0
            && crate::analysis::words::is_one_of(
                &cx.doc.prose[a.tokens[q.tokens.start - 1].range()],
                &["a", "an"],
            );
        if vote || adjectival {
            continue;
        }
        let mut f = Finding::new(
            q.range.clone(),
            format!("the range '{written}' runs from high to low"),
        )
        .with_label("reversed range");
        // The fix swaps two plain numbers joined by a dash; which end is wrong is not known,
        // so it is never safe.
        if let Some((lo, hi)) = written.split_once(['-', '–']) {
            if !lo.is_empty()
                && !hi.is_empty()
                && lo
                    .chars()
                    .chain(hi.chars())
                    .all(|c| c.is_ascii_digit() || c == ',')
            {
                let dash = &written[lo.len()..written.len() - hi.len()];
                f = f
                    .with_help(format!("write '{hi}{dash}{lo}'"))
                    .with_unsafe_fix(q.range.clone(), format!("{hi}{dash}{lo}"));
            }
        }
        out.push(f);
    }
}
