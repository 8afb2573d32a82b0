//! A calendar date at the precision it was written with, and a date as written in the text
//! (`DateMention`): its range, its style and the marks of its form.

use std::fmt;
use std::ops::Range;

/// A calendar date at the precision it was written with.
///
/// Not ordered: two dates written at different precisions ("2013" and "2013-07-01") have no
/// order of their own. Compare them with [`PartialDate::compare_at`], at a precision the caller
/// chooses (most often [`PartialDate::common_precision`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// None when neither the text nor its context gives the year ("October 7" with no year
    /// before it and no as-of date).
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
    /// "the 1990s": the year is the decade's first.
    pub decade: bool,
}

/// How finely a date is written, coarsest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// "the 1990s".
    Decade,
    /// "2013".
    Year,
    /// "July 2013".
    Month,
    /// "July 1, 2013".
    Day,
}

impl PartialDate {
    /// A date of a known year written to the year, month or day (not a decade).
    pub fn new(year: i16, month: Option<i8>, day: Option<i8>) -> Self {
        PartialDate::from_parts(Some(year), month, day)
    }

    /// A date whose year may be unknown ("July 1" with no year in context).
    pub fn from_parts(year: Option<i16>, month: Option<i8>, day: Option<i8>) -> Self {
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

    /// The full calendar date, when year, month and day are known and the date exists.
    pub fn to_civil(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year?, self.month?, self.day?).ok()
    }

    /// The number of days in the date's month, when its year and month are known.
    pub fn days_in_month(self) -> Option<i8> {
        jiff::civil::Date::new(self.year?, self.month?, 1)
            .ok()
            .map(|first| first.days_in_month())
    }

    /// How finely the date is written.
    pub fn precision(&self) -> Precision {
        if self.decade {
            Precision::Decade
        } else if self.day.is_some() {
            Precision::Day
        } else if self.month.is_some() {
            Precision::Month
        } else {
            Precision::Year
        }
    }

    /// The finest precision both dates are written to: "July 1" against 2013-07-01 compares
    /// month and day, "2013" against 2013-07-01 the year alone.
    pub fn common_precision(&self, other: &PartialDate) -> Precision {
        self.precision().min(other.precision())
    }

    /// The date cut to `precision`: a decade keeps the decade's first year, a year drops the
    /// month and day, a month drops the day.
    pub fn cut_to(self, precision: Precision) -> PartialDate {
        match precision {
            Precision::Decade => PartialDate {
                year: self.year.map(|y| y - y.rem_euclid(10)),
                month: None,
                day: None,
                decade: true,
            },
            Precision::Year => PartialDate::from_parts(self.year, None, None),
            Precision::Month => PartialDate::from_parts(self.year, self.month, None),
            Precision::Day => PartialDate::from_parts(self.year, self.month, self.day),
        }
    }

    /// The order of two dates both cut to `precision`. The one way partial dates are compared:
    /// each caller says how finely. An unknown year comes before every known one.
    pub fn compare_at(&self, other: &PartialDate, precision: Precision) -> std::cmp::Ordering {
        let key = |d: PartialDate| {
            let d = d.cut_to(precision);
            (d.year, d.month, d.day)
        };
        key(*self).cmp(&key(*other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(year) = self.year else {
            // ISO 8601's truncated form: "--07-01" for July 1 of no known year.
            write!(f, "-")?;
            if let Some(m) = self.month {
                write!(f, "-{m:02}")?;
                if let Some(d) = self.day {
                    write!(f, "-{d:02}")?;
                }
            }
            return Ok(());
        };
        if self.decade {
            return write!(f, "{year}s");
        }
        write!(f, "{year:04}")?;
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
    /// "28/02/2026", "02-28-2026", "3-Mar-2026": day and month in figures (or a month word)
    /// joined by a slash or a hyphen.
    Numeric,
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
    /// An ambiguous numeric date ("02/03/2026"): its day-first and month-first readings, both
    /// possible. `date` then holds only the year, the one part both readings share.
    pub readings: Option<[PartialDate; 2]>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn compared_at_the_precision_asked() {
        let (day, year) = (d("2013-07-01"), d("2013"));
        assert_eq!(day.common_precision(&year), Precision::Year);
        assert_eq!(day.compare_at(&year, Precision::Year), Equal);
        assert_eq!(day.compare_at(&d("2013-06-30"), Precision::Month), Greater);
        assert_eq!(day.compare_at(&d("2013-07-30"), Precision::Month), Equal);
        let nineties = PartialDate {
            decade: true,
            ..PartialDate::year(1990)
        };
        assert_eq!(nineties.compare_at(&d("1995"), Precision::Decade), Equal);
        assert_eq!(nineties.compare_at(&d("1995"), Precision::Year), Less);
    }

    #[test]
    fn unknown_year() {
        let july_1 = PartialDate::from_parts(None, Some(7), Some(1));
        assert_eq!(july_1.to_string(), "--07-01");
        assert_eq!(july_1.to_civil(), None);
        assert_eq!(july_1.compare_at(&d("1000-01-01"), Precision::Day), Less);
        assert_eq!(d("2013-07-01").to_string(), "2013-07-01");
    }
}
