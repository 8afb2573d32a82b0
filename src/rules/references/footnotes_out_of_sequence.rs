use super::numbered;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a numbered footnote marker that does not follow the one before it: a number
    /// skipped ("...3 ... 5") or going back ("...4 ... 3"), by at most three places; a larger
    /// jump is more likely a number that is not a marker at all, and is left alone. Markers glued to punctuation
    /// ("country.2", "PKOs,7", "in 2000.8"), superscript digits and Markdown `[^3]` references
    /// count; a Markdown note referred to again is not a break.
    ///
    /// ## Why is this bad?
    /// A missing or misplaced marker sends the reader to the wrong note; in a brief assembled
    /// from several drafts it is often the sign of a paragraph moved without its note.
    ///
    /// ## Example
    /// ```text
    /// ... the country.2 ... in Mali.4
    /// ```
    /// Use instead: renumber, or restore the missing marker 3.
    ///
    /// ## How to silence it
    /// Renumber the notes, or ignore the rule with `--ignore REF001`.
    pub struct FootnotesOutOfSequence {
        code: "REF001",
        name: "footnotes-out-of-sequence",
        severity: Warning,
        fix: None,
        summary: "footnote markers out of sequence",
    }
}

impl Rule for FootnotesOutOfSequence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let markers = numbered(&cx.analysis.footnotes.markers);
        let mut prev: Option<(u32, &crate::analysis::Marker)> = None;
        for &(n, m) in &markers {
            let expected = prev.map_or(1, |(p, _)| p + 1);
            // A repeated number, or a jump of more than three either way, is more likely a
            // number that is not a marker than a marker out of place: say nothing.
            let small_break = prev.is_some_and(|(p, _)| n != p && n.abs_diff(expected) <= 3);
            if n != expected && small_break {
                let (p, pm) = prev.unwrap_or((0, m));
                let message = if n > expected {
                    let missing = if n == expected + 1 {
                        format!("{expected} is missing")
                    } else {
                        format!("{expected}–{} are missing", n - 1)
                    };
                    format!("footnote {n} follows footnote {p}: {missing}")
                } else {
                    format!("footnote {n} comes after footnote {p}")
                };
                out.push(
                    Finding::new(m.range.clone(), message)
                        .with_label(format!("expected {expected}"))
                        .with_secondary(pm.range.clone(), format!("footnote {p}")),
                );
            }
            prev = Some((n, m));
        }
    }
}
