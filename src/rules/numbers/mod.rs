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
    a.quantities
        .iter()
        .filter(|q| s.start <= q.range.start && q.range.end <= s.end)
        .collect()
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
