//! NUM: arithmetic a document claims about its own numbers: ratios, percent changes, shares of
//! a whole, announced counts, and ranges.

mod list_count_mismatch;
mod percent_change_contradicts_numbers;
mod ratio_contradicts_numbers;
mod reversed_range;
mod shares_exceed_whole;
mod total_differs_from_parts;

pub use list_count_mismatch::ListCountMismatch;
pub use percent_change_contradicts_numbers::PercentChangeContradictsNumbers;
pub use ratio_contradicts_numbers::RatioContradictsNumbers;
pub use reversed_range::ReversedRange;
pub use shares_exceed_whole::SharesExceedWhole;
pub use total_differs_from_parts::TotalDiffersFromParts;

use crate::analysis::{Analysis, Quantity};

/// Each sentence that holds a quantity, with its quantities in order. One walk of the two
/// sorted lists: a search of the quantities for each sentence cost more than the rules
/// themselves on a large document. Quantities do not overlap, so those that start in a
/// sentence are a run of the list, and only the run's last can end past the sentence.
pub(crate) fn sentences_with_quantities(
    a: &Analysis,
) -> impl Iterator<Item = (usize, &[Quantity])> {
    let qs = &a.quantities;
    let mut q = 0;
    a.sentences.iter().enumerate().filter_map(move |(si, s)| {
        while q < qs.len() && qs[q].range.start < s.range.start {
            q += 1;
        }
        let start = q;
        while q < qs.len() && qs[q].range.start < s.range.end {
            q += 1;
        }
        let mut end = q;
        if end > start && qs[end - 1].range.end > s.range.end {
            end -= 1;
        }
        (end > start).then(|| (si, &qs[start..end]))
    })
}

/// A change "from X to Y" in a sentence: a range "from 50 to 80", or a number after "from"
/// and the next number after "to" ("from 2.3 million in 2013 to 8.9 million in 2022").
#[derive(Debug, Clone)]
pub(crate) struct FromTo {
    pub from: f64,
    pub to: f64,
    /// From "from" to the end of the second number.
    pub range: std::ops::Range<usize>,
}

/// The changes written in one sentence, whose quantities are `qs`.
pub(crate) fn from_to(a: &Analysis, prose: &str, qs: &[Quantity]) -> Vec<FromTo> {
    let word_before = |q: &Quantity| -> (&str, usize) {
        let i = q.tokens.start;
        let start = if i > 0 && matches!(&prose[a.tokens[i - 1].range()], "$" | "€" | "£") {
            i - 1
        } else {
            i
        };
        match start.checked_sub(1).map(|p| &a.tokens[p]) {
            Some(t) => (&prose[t.range()], t.start()),
            None => ("", q.range.start),
        }
    };
    let mut out = Vec::new();
    for (k, q) in qs.iter().enumerate() {
        let (w, at) = word_before(q);
        if !w.eq_ignore_ascii_case("from") || q.percent {
            continue;
        }
        if let (Some(high), true) = (q.high, prose[q.range.clone()].contains(" to ")) {
            out.push(FromTo {
                from: q.value,
                to: high,
                range: at..q.range.end,
            });
            continue;
        }
        if q.high.is_some() {
            continue;
        }
        if let Some(y) = qs[k + 1..]
            .iter()
            .find(|y| !y.percent && y.high.is_none() && word_before(y).0.eq_ignore_ascii_case("to"))
        {
            out.push(FromTo {
                from: q.value,
                to: y.value,
                range: at..y.range.end,
            });
        }
    }
    out
}

/// One or two decimals, without trailing zeros: 4.7, 13.75, 60.
pub(crate) fn short(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if v.abs() >= 1000.0 {
        crate::facts::matching::format_number(v.round())
    } else {
        s.to_string()
    }
}
