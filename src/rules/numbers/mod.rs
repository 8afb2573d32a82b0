//! NUM: arithmetic a document claims about its own numbers: ratios, percent changes, shares of
//! a whole, announced counts, and ranges.

mod list_count_mismatch;
mod percent_change_contradicts_numbers;
mod ratio_contradicts_numbers;
mod reversed_range;
mod shares_exceed_whole;

pub use list_count_mismatch::ListCountMismatch;
pub use percent_change_contradicts_numbers::PercentChangeContradictsNumbers;
pub use ratio_contradicts_numbers::RatioContradictsNumbers;
pub use reversed_range::ReversedRange;
pub use shares_exceed_whole::SharesExceedWhole;

use crate::analysis::{Analysis, Quantity};

/// The quantities inside sentence `si`, in order.
pub(crate) fn in_sentence(a: &Analysis, si: usize) -> Vec<&Quantity> {
    let s = &a.sentences[si].range;
    let first = a.quantities.partition_point(|q| q.range.start < s.start);
    a.quantities[first..]
        .iter()
        .take_while(|q| q.range.start < s.end)
        .filter(|q| q.range.end <= s.end)
        .collect()
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

pub(crate) fn from_to(a: &Analysis, prose: &str, si: usize) -> Vec<FromTo> {
    let qs = in_sentence(a, si);
    let word_before = |q: &Quantity| -> (String, usize) {
        let i = q.tokens.start;
        let start = if i > 0 && matches!(&prose[a.tokens[i - 1].range()], "$" | "€" | "£") {
            i - 1
        } else {
            i
        };
        match start.checked_sub(1).map(|p| &a.tokens[p]) {
            Some(t) => (prose[t.range()].to_lowercase(), t.start()),
            None => (String::new(), q.range.start),
        }
    };
    let mut out = Vec::new();
    for (k, q) in qs.iter().enumerate() {
        let (w, at) = word_before(q);
        if w != "from" || q.percent {
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
            .find(|y| !y.percent && y.high.is_none() && word_before(y).0 == "to")
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
