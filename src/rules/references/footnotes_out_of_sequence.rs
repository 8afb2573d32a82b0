use super::numbered;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

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

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let markers = numbered(&cx.analysis.footnotes.markers);
    // A number glued to a word's last letter ("Board Decisions3") is not taken for a marker,
    // but it may be one: the number after it has not skipped it.
    let all: std::collections::HashSet<u32> = markers
        .iter()
        .map(|(n, _)| *n)
        .chain(cx.analysis.footnotes.glued_to_words.iter().map(|(n, _)| *n))
        .collect();
    let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
    // The highest number so far, and its marker.
    let mut top: Option<(u32, &crate::analysis::Marker)> = None;
    for &(n, m) in &markers {
        let first_time = seen.insert(n);
        if let Some((t, tm)) = top {
            let expected = t + 1;
            // Below the first marker of all, the sequence never started in reading order (the
            // cells of a table read "[^2]" before "[^1]"): not a swap.
            let below_first = markers.first().is_some_and(|&(f, _)| n < f);
            if first_time && n < t && t - n <= 3 && !below_first {
                // Going back: "...[^3] ... [^2]".
                out.push(
                    Finding::new(
                        m.range.clone(),
                        format!("footnote {n} comes after footnote {t}"),
                    )
                    .with_label(format!("expected {expected}"))
                    .with_secondary(tm.range.clone(), format!("footnote {t}")),
                );
            } else if n > expected && n - expected <= 3 {
                // A skip is a fault only when the skipped numbers appear nowhere; when they
                // come later, the marker that goes back is reported instead.
                let missing: Vec<u32> = (expected..n).filter(|k| !all.contains(k)).collect();
                if !missing.is_empty() {
                    let which = match missing.as_slice() {
                        [one] => format!("{one} is missing"),
                        many => format!(
                            "{} are missing",
                            many.iter()
                                .map(u32::to_string)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    out.push(
                        Finding::new(
                            m.range.clone(),
                            format!("footnote {n} follows footnote {t}: {which}"),
                        )
                        .with_label(format!("expected {expected}"))
                        .with_secondary(tm.range.clone(), format!("footnote {t}")),
                    );
                }
            }
        }
        // A number far out of line is more likely not a marker at all: it does not move the
        // sequence.
        if top.is_none_or(|(t, _)| n > t && n - t <= 4) {
            top = Some((n, m));
        }
    }
}
