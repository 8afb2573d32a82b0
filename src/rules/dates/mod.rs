//! DAT: dates that cannot be, run backwards, fall on the wrong weekday, lie in the future of the
//! document, are malformed, or disagree with the URL they cite.

mod citation_date_mismatch;
mod impossible_date;
mod malformed_date;
mod past_event_after_as_of;
mod reversed_period;
mod weekday_mismatch;

pub use citation_date_mismatch::CitationDateMismatch;
pub use impossible_date::ImpossibleDate;
pub use malformed_date::MalformedDate;
pub use past_event_after_as_of::PastEventAfterAsOf;
pub use reversed_period::ReversedPeriod;
pub use weekday_mismatch::WeekdayMismatch;

use crate::analysis::{PartialDate, Precision};

pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "October 25, 2012", "October 2012", "2012".
pub(crate) fn spoken(d: &PartialDate) -> String {
    let Some(year) = d.year else {
        return d.to_string();
    };
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {day}, {year}", MONTH_NAMES[(m - 1) as usize]),
        (Some(m), None) => format!("{} {year}", MONTH_NAMES[(m - 1) as usize]),
        _ => d.to_string(),
    }
}

/// The first date after the other at the coarser of their precisions. A decade counts as its
/// first year here, as these rules have always read it ("the 2020s" is not after 2023).
pub(crate) fn later(a: &PartialDate, b: &PartialDate) -> bool {
    let at = a.common_precision(b).max(Precision::Year);
    a.compare_at(b, at).is_gt()
}
