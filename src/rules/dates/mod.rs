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

use crate::analysis::PartialDate;

const MONTH_NAMES: [&str; 12] = [
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
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {day}, {}", MONTH_NAMES[(m - 1) as usize], d.year),
        (Some(m), None) => format!("{} {}", MONTH_NAMES[(m - 1) as usize], d.year),
        _ => d.to_string(),
    }
}

/// The first date after the other at the coarser of their precisions.
pub(crate) fn later(a: &PartialDate, b: &PartialDate) -> bool {
    let (x, y) = coarse(a, b);
    x > y
}

fn coarse(a: &PartialDate, b: &PartialDate) -> (PartialDate, PartialDate) {
    let month = a.month.is_some() && b.month.is_some();
    let day = month && a.day.is_some() && b.day.is_some();
    let cut = |d: &PartialDate| {
        PartialDate::new(
            d.year,
            if month { d.month } else { None },
            if day { d.day } else { None },
        )
    };
    (cut(a), cut(b))
}
