use super::numbered;
use crate::analysis::MarkerKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Reports a footnote marker with no note, and a note that no marker refers to. Notes are
    /// Markdown definitions (`[^3]: ...`) and the entries of a section headed "Notes",
    /// "Endnotes", "Footnotes" or "References" ("3. See ...", "| 3. | See ... |").
    ///
    /// Markers are numbers glued to punctuation ("country.2"), superscripts, and Markdown
    /// references, numbered or named (`[^siphash]`), matched to their notes by label.
    ///
    /// When a document has numbered markers but no notes at all (as text copied out of a PDF
    /// often does: the notes were left behind), one summary finding is reported instead of one
    /// per marker, and only when the markers run in sequence from 1 (two or more of them): a
    /// section cut out of a longer report, whose markers start at 109, says nothing. Notes with
    /// no marker at all are reported only for Markdown definitions: a notes section whose
    /// markers are all gone was converted from a PDF or a web page that lost them, and when
    /// most notes of such a section have no marker, the numbers taken for markers were most
    /// likely other numbers.
    ///
    /// ## Why is this bad?
    /// A marker without a note promises a source that is not there; a note without a marker is
    /// a source the text no longer uses.
    ///
    /// ## Example
    /// ```text
    /// ... the country.2
    ///
    /// Notes
    /// 1. UN Security Council Resolution 2100 (2013).
    /// ```
    /// Use instead: add note 2, or remove the marker.
    ///
    /// ## How to silence it
    /// Add the missing notes or markers, or ignore the rule with `--ignore REF002`.
    pub struct UnmatchedFootnote {
        code: "REF002",
        name: "unmatched-footnote",
        severity: Warning,
        fix: None,
        summary: "footnote marker without a note, or note without a marker",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let f = &cx.analysis.footnotes;
    let markers = numbered(&f.markers);
    let named: Vec<&crate::analysis::Marker> = f
        .markers
        .iter()
        .filter(|m| m.kind == MarkerKind::Markdown && m.label.parse::<u32>().is_err())
        .collect();
    let notes: Vec<_> = f.notes.iter().filter(|n| n.label != "*").collect();
    if notes.is_empty() {
        if let (Some(&(first_n, first)), Some(&(last_n, _))) = (markers.first(), markers.last()) {
            if !runs_from_one(&markers) {
                return;
            }
            let count = markers.len();
            let which = format!("{count} footnote markers ({first_n}–{last_n})");
            out.push(
                Finding::new(first.range.clone(), format!("{which} but no notes in the document"))
                    .with_label("first marker")
                    .with_note("text copied out of a PDF often leaves its notes behind")
                    .with_help("add the notes (a \"Notes\" section or Markdown [^n]: definitions), or remove the markers"),
            );
        }
        return;
    }
    let note_labels: HashSet<&str> = notes.iter().map(|n| n.label.as_str()).collect();
    // A number glued to a word ("Decisions3") is not taken for a marker, but a note of that
    // number is not without one.
    let marker_labels: HashSet<String> = f
        .markers
        .iter()
        .map(|m| m.label.clone())
        .chain(f.glued_to_words.iter().map(|(n, _)| n.to_string()))
        .collect();
    let matched = notes
        .iter()
        .filter(|n| marker_labels.contains(&n.label))
        .count();
    // Markdown definitions are notes for certain; an entry of a notes section is a note only
    // if the text has markers for most of them.
    let defs: HashSet<usize> = cx.doc.footnote_defs.iter().map(|d| d.range.start).collect();
    let all_defs = notes.iter().all(|n| defs.contains(&n.range.start));
    if markers.is_empty() && named.is_empty() {
        if let (true, Some(first), Some(last)) = (all_defs, notes.first(), notes.last()) {
            let count = notes.len();
            out.push(
                Finding::new(
                    first.range.clone(),
                    format!(
                        "{count} notes ({}–{}) but no footnote references in the text",
                        first.label, last.label
                    ),
                )
                .with_label("first note")
                .with_help("refer to the notes with [^label], or remove them"),
            );
        }
        return;
    }
    if !all_defs && matched * 2 < notes.len() {
        return;
    }
    let referred = markers
        .iter()
        .map(|&(n, m)| (n.to_string(), m))
        .chain(named.iter().map(|m| (m.label.clone(), *m)));
    let mut reported = HashSet::new();
    for (label, m) in referred {
        if !note_labels.contains(label.as_str()) && reported.insert(label.clone()) {
            out.push(
                Finding::new(m.range.clone(), format!("footnote {label} has no note"))
                    .with_label("marker without a note"),
            );
        }
    }
    for note in notes {
        if !marker_labels.contains(&note.label) {
            out.push(
                Finding::new(
                    note.range.clone(),
                    format!("note {} has no marker in the text", note.label),
                )
                .with_label("nothing refers to this note"),
            );
        }
    }
}

/// Whether numbered markers read as a document's own notes: two or more, starting at 1, at
/// least half of the steps to the next number.
fn runs_from_one(markers: &[(u32, &crate::analysis::Marker)]) -> bool {
    let steps = markers.windows(2).filter(|w| w[1].0 == w[0].0 + 1).count();
    markers.len() >= 2 && markers[0].0 == 1 && steps * 2 >= markers.len() - 1
}
