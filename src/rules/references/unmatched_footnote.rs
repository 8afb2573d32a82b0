use super::numbered;
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
    /// When a document has numbered markers but no notes at all (as text copied out of a PDF
    /// often does: the notes were left behind), one summary finding is reported instead of one
    /// per marker; likewise for notes with no markers at all.
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
    let notes: Vec<_> = f.notes.iter().filter(|n| n.label != "*").collect();
    if notes.is_empty() {
        if let (Some(&(first_n, first)), Some(&(last_n, _))) = (markers.first(), markers.last()) {
            let count = markers.len();
            let which = if count == 1 {
                format!("footnote marker {first_n}")
            } else {
                format!("{count} footnote markers ({first_n}–{last_n})")
            };
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
    let marker_labels: HashSet<String> = f.markers.iter().map(|m| m.label.clone()).collect();
    let matched = notes
        .iter()
        .filter(|n| marker_labels.contains(&n.label))
        .count();
    // When most notes have no marker, the markers were lost (or what looked like markers
    // were other numbers): one summary, not one finding per note.
    if markers.is_empty() || matched * 2 < notes.len() {
        if let (Some(first), Some(last)) = (notes.first(), notes.last()) {
            let count = notes.len();
            out.push(
                Finding::new(
                    first.range.clone(),
                    format!(
                        "{count} notes ({}–{}) but no footnote markers in the text",
                        first.label, last.label
                    ),
                )
                .with_label("first note")
                .with_note("text converted from a PDF or a web page often loses its markers")
                .with_help("restore the markers, or remove the notes"),
            );
        }
        return;
    }
    for &(n, m) in &markers {
        if !note_labels.contains(m.label.as_str()) {
            out.push(
                Finding::new(m.range.clone(), format!("footnote {n} has no note"))
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
