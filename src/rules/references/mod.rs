//! REF: footnotes in sequence and matched with their notes, and text not pasted twice.

mod footnotes_out_of_sequence;
mod repeated_text;
mod unmatched_footnote;

pub use footnotes_out_of_sequence::FootnotesOutOfSequence;
pub use repeated_text::RepeatedText;
pub use unmatched_footnote::UnmatchedFootnote;

use crate::analysis::{Marker, MarkerKind};

/// The numbered markers of a document, each label once (a Markdown note may be referred to
/// again), as (number, marker).
pub(crate) fn numbered(markers: &[Marker]) -> Vec<(u32, &Marker)> {
    let mut seen = std::collections::HashSet::new();
    markers
        .iter()
        .filter(|m| m.kind != MarkerKind::Symbol)
        .filter_map(|m| m.label.parse::<u32>().ok().map(|n| (n, m)))
        .filter(|(n, m)| m.kind != MarkerKind::Markdown || seen.insert(*n))
        .collect()
}
