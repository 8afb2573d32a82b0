//! A calendar date at the precision it was written with, and a date as written in the text
//! (`DateMention`): its range, its style and the marks of its form.

use std::fmt;
use std::ops::Range;

/// A calendar date at the precision it was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
    /// "the 1990s": the year is the decade's first.
    pub decade: bool,
}

impl PartialDate {
    /// A date written to the month or day (not a decade).
    pub fn new(year: i16, month: Option<i8>, day: Option<i8>) -> Self {
        PartialDate {
            year,
            month,
            day,
            decade: false,
        }
    }

    pub fn year(year: i16) -> Self {
        PartialDate::new(year, None, None)
    }

    /// Parses "2013", "2013-07", "2013-07-01" (the facts-file forms).
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year: i16 = parts.next()?.parse().ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            Some(m) => Some(m.parse::<i8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(d.parse::<i8>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate::new(year, month, day);
        if let (Some(_), Some(_)) = (month, day) {
            date.to_civil()?;
        }
        Some(date)
    }

    /// The full calendar date, when day and month are known and the date exists.
    pub fn to_civil(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year, self.month?, self.day?).ok()
    }

    /// The same date cut to the precision of `other` (for comparing at the precision written).
    pub fn at_precision_of(self, other: &PartialDate) -> PartialDate {
        PartialDate {
            year: if other.decade {
                self.year - self.year.rem_euclid(10)
            } else {
                self.year
            },
            month: other.month.and(self.month),
            day: other.day.and(self.day),
            decade: other.decade,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.decade {
            return write!(f, "{}s", self.year);
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// How a date was written, for the rules about its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "July 1, 2013", "July 1" (month first).
    MonthDayYear,
    /// "1 July 2013".
    DayMonthYear,
    /// "2013-07-01".
    Iso,
    /// "January 2013", "2013", "the 1990s".
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    pub date: PartialDate,
    /// Whether the year was written (not taken from context).
    pub year_written: bool,
    pub style: DateStyle,
    /// The weekday written before the date, with its range: "Monday" in "Monday, July 1, 2013".
    pub weekday: Option<(jiff::civil::Weekday, Range<usize>)>,
    /// "October, 25, 2012": a comma between month and day.
    pub comma_after_month: bool,
    /// "July 1 2013": no comma between day and year in month-first style.
    pub missing_year_comma: bool,
    /// Token index range.
    pub tokens: Range<usize>,
}
