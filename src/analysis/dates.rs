//! Dates and periods in prose, each kept at the precision it was written with: "July 1, 2013",
//! "1 July 2013", "2013-07-01", "July 1" (the year from context or the as-of date), "January
//! 2013", "2013", "the 1990s", with a weekday prefix ("Monday, July 1, 2013"); and periods:
//! "from 2007 to 2011", "2007–2011", "between 2015 and 2018", "since January 2009",
//! "until 2025", "from March to June 2020".

use super::footnotes::{Footnotes, MarkerKind};
use super::number_roles::is_phone_at;
/// Where the facts loader has always found it.
pub use super::number_roles::year_value;
use super::number_roles::REFERENCE_WORDS;
use super::tokens::{Token, TokenKind, TokenView};
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    FromTo,
    Dash,
    Between,
    Since,
    Until,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub range: Range<usize>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub kind: PeriodKind,
    pub tokens: Range<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Dates {
    /// In document order; the dates inside a period are not listed here.
    pub dates: Vec<DateMention>,
    pub periods: Vec<Period>,
    /// Token ranges of dates whose year is unknown ("October 7" with no year in context and no
    /// as-of date): not dates that can be compared, but not numbers either.
    pub undated: Vec<Range<usize>>,
}

const MONTHS: &[(&str, i8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

const WEEKDAYS: &[(&str, jiff::civil::Weekday)] = &[
    ("Monday", jiff::civil::Weekday::Monday),
    ("Tuesday", jiff::civil::Weekday::Tuesday),
    ("Wednesday", jiff::civil::Weekday::Wednesday),
    ("Thursday", jiff::civil::Weekday::Thursday),
    ("Friday", jiff::civil::Weekday::Friday),
    ("Saturday", jiff::civil::Weekday::Saturday),
    ("Sunday", jiff::civil::Weekday::Sunday),
];

fn month_of(word: &str) -> Option<i8> {
    // Asked of every word: most start with a letter no month starts with.
    if !matches!(
        word.as_bytes().first(),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
    ) {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

fn weekday_of(word: &str) -> Option<jiff::civil::Weekday> {
    if !matches!(
        word.as_bytes().first(),
        Some(b'M' | b'T' | b'W' | b'F' | b'S')
    ) {
        return None;
    }
    WEEKDAYS.iter().find(|(w, _)| *w == word).map(|&(_, d)| d)
}

/// The date scanner: a token view (`text`, `glued`) and the footnote markers.
struct Scanner<'a> {
    view: TokenView<'a>,
    footnotes: &'a Footnotes,
}

impl<'a> std::ops::Deref for Scanner<'a> {
    type Target = TokenView<'a>;
    fn deref(&self) -> &TokenView<'a> {
        &self.view
    }
}

impl<'a> Scanner<'a> {
    /// The year in token `i`: "2013", or the year part of "2000.8" when the rest is a footnote.
    fn year_at(&self, i: usize) -> Option<(i16, Range<usize>)> {
        let t = self.tokens.get(i)?;
        if t.kind() != TokenKind::Number {
            return None;
        }
        let s = self.text(i);
        if let Some(y) = year_value(s) {
            return Some((y, t.range()));
        }
        let m = self.footnotes.marker_in_token(i)?;
        if m.kind == MarkerKind::AfterYear {
            let y = year_value(&s[..4])?;
            return Some((y, t.start()..t.start() + 4));
        }
        None
    }

    /// A year that stands as a time, not a reference or a count: not after "Section", not
    /// glued into an identifier, not followed by a plural noun as a count ("2013 troops").
    fn standalone_year(&self, i: usize) -> Option<(i16, Range<usize>)> {
        let (y, r) = self.year_at(i)?;
        if is_phone_at(self.prose, &self.tokens[i].range()) {
            return None;
        }
        if i > 0 {
            let prev = self.text(i - 1);
            let prev_word = if prev == "." && i > 1 {
                self.text(i - 2)
            } else {
                prev
            };
            if REFERENCE_WORDS.contains(&prev_word) || matches!(prev, "$" | "€" | "£" | "#") {
                return None;
            }
            // Glued to a word or code: "FY2013", "SM-2013".
            if self.glued(i) && matches!(prev, "-" | "/" | "_") && i > 1 {
                let before = &self.tokens[i - 2];
                if before.kind() == TokenKind::Word && !self.glued(i - 1) {
                    return None;
                }
            }
        }
        if self.glued(i + 1) && matches!(self.text(i + 1), "-" | "/" | "_") {
            let after = self.tokens.get(i + 2);
            if after.is_some_and(|t| t.kind() == TokenKind::Word) {
                return None;
            }
        }
        Some((y, r))
    }

    /// A year closing a date ("October 26, 2012.4"): also "YYYY.N" where N is a footnote the
    /// marker scan could not place in its sequence.
    fn closing_year_at(&self, i: usize) -> Option<(i16, Range<usize>)> {
        if let Some(y) = self.year_at(i) {
            return Some(y);
        }
        let t = self.tokens.get(i)?;
        let s = self.text(i);
        let (year, frac) = s.split_once('.')?;
        let y = year_value(year)?;
        let ends = self.tokens.get(i + 1).is_none_or(|n| n.space_before());
        (t.kind() == TokenKind::Number && (1..=3).contains(&frac.len()) && ends)
            .then(|| (y, t.start()..t.start() + 4))
    }

    /// A day number 1–31 at token `i`.
    fn day_at(&self, i: usize) -> Option<i8> {
        let t = self.tokens.get(i)?;
        if t.kind() != TokenKind::Number {
            return None;
        }
        let s = self.text(i);
        (s.len() <= 2)
            .then(|| s.parse::<i8>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }

    /// A month name at `i`, with the index after it (skipping an abbreviation's period).
    fn month_at(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind() != TokenKind::Word {
            return None;
        }
        let w = self.text(i);
        let m = month_of(w)?;
        let abbreviated = w.len() <= 4 && w != "May" && w != "June" && w != "July";
        if abbreviated {
            // "Jan." needs its period; "Mar" alone is too often a name.
            if self.text(i + 1) == "." && self.glued(i + 1) {
                return Some((m, i + 2));
            }
            return None;
        }
        // "May" is a month only next to a day or a year.
        Some((m, i + 1))
    }

    /// Parses a date starting at token `i`. The mention's `tokens.end` is the next token index.
    fn date_at(&self, i: usize, context_year: Option<i16>) -> Option<DateMention> {
        let start_tok = i;
        let mut j = i;
        let mut weekday = None;
        if let Some(wd) = self.tokens.get(j).and_then(|_| weekday_of(self.text(j))) {
            let k = if self.text(j + 1) == "," {
                j + 2
            } else {
                j + 1
            };
            if self.month_at(k).is_some() || self.day_at(k).is_some() {
                weekday = Some((wd, self.tokens[j].range()));
                j = k;
            }
        }
        // ISO: 2013-07-01
        if let Some((y, _)) = self.year_at(j) {
            if self.text(j + 1) == "-" && self.glued(j + 1) && self.glued(j + 2) {
                let m = self.text(j + 2);
                let d = self.text(j + 4);
                if m.len() == 2
                    && self.text(j + 3) == "-"
                    && self.glued(j + 3)
                    && self.glued(j + 4)
                    && d.len() == 2
                {
                    let month: i8 = m.parse().ok()?;
                    let day: i8 = d.parse().ok()?;
                    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                        return None;
                    }
                    let date = PartialDate::new(y, Some(month), Some(day));
                    return Some(self.mention(
                        start_tok,
                        j + 5,
                        date,
                        true,
                        DateStyle::Iso,
                        weekday,
                        false,
                        false,
                    ));
                }
            }
        }
        // Month-first: "July 1, 2013", "July 1 2013", "October, 25, 2012", "July 1", "July 2013".
        if let Some((month, k)) = self.month_at(j) {
            let mut k = k;
            let comma_after_month = self.text(k) == "," && self.day_at(k + 1).is_some();
            if comma_after_month {
                k += 1;
            }
            if let Some(day) = self.day_at(k) {
                // Not a day if it runs on as a number: "July 1,650".
                let mut end = k + 1;
                let (year, year_written, missing_comma) = if self.text(end) == "," {
                    match self.closing_year_at(end + 1) {
                        Some((y, _)) => {
                            end += 2;
                            (Some(y), true, false)
                        }
                        None => (context_year, false, false),
                    }
                } else if let Some((y, _)) = self.closing_year_at(end) {
                    end += 1;
                    (Some(y), true, true)
                } else {
                    (context_year, false, false)
                };
                // Year unknown: 0, for the caller to place or set aside.
                let year = year.unwrap_or(0);
                let date = PartialDate::new(year, Some(month), Some(day));
                return Some(self.mention(
                    start_tok,
                    end,
                    date,
                    year_written,
                    DateStyle::MonthDayYear,
                    weekday,
                    comma_after_month,
                    missing_comma,
                ));
            }
            if !comma_after_month {
                let k2 = if self.text(k) == "," { k + 1 } else { k };
                if let Some((y, _)) = self.year_at(k2) {
                    let date = PartialDate::new(y, Some(month), None);
                    return Some(self.mention(
                        start_tok,
                        k2 + 1,
                        date,
                        true,
                        DateStyle::Other,
                        weekday,
                        false,
                        false,
                    ));
                }
            }
            return None;
        }
        // Day-first: "1 July 2013", "1 July".
        if let Some(day) = self.day_at(j) {
            if let Some((month, k)) = self.month_at(j + 1) {
                let (year, end, written) = match self.closing_year_at(k) {
                    Some((y, _)) => (Some(y), k + 1, true),
                    None => (context_year, k, false),
                };
                let year = year.unwrap_or(0);
                let date = PartialDate::new(year, Some(month), Some(day));
                return Some(self.mention(
                    start_tok,
                    end,
                    date,
                    written,
                    DateStyle::DayMonthYear,
                    weekday,
                    false,
                    false,
                ));
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn mention(
        &self,
        start: usize,
        end: usize,
        date: PartialDate,
        year_written: bool,
        style: DateStyle,
        weekday: Option<(jiff::civil::Weekday, Range<usize>)>,
        comma_after_month: bool,
        missing_year_comma: bool,
    ) -> DateMention {
        let last = &self.tokens[end - 1];
        // The year part of "2000.8" ends before the marker.
        let end_offset = if last.kind() == TokenKind::Number && self.text(end - 1).len() > 4 {
            last.start() + 4
        } else {
            last.end()
        };
        DateMention {
            range: self.tokens[start].start()..end_offset,
            date,
            year_written,
            style,
            weekday,
            comma_after_month,
            missing_year_comma,
            tokens: start..end,
        }
    }

    /// A date or bare year at `i` for one end of a period.
    fn period_end(
        &self,
        i: usize,
        context_year: Option<i16>,
    ) -> Option<(PartialDate, usize, Range<usize>)> {
        if let Some(m) = self
            .date_at(i, None)
            .filter(|m| m.year_written)
            .or_else(|| self.date_at(i, context_year))
        {
            let end = m.tokens.end;
            return Some((m.date, end, m.range));
        }
        if let Some((month, k)) = self.month_at(i) {
            // "March" in "from March to June 2020": the year comes from the other end.
            return Some((
                PartialDate::new(context_year.unwrap_or(0), Some(month), None),
                k,
                self.tokens[i].range(),
            ));
        }
        let (y, r) = self.standalone_year(i)?;
        Some((PartialDate::year(y), i + 1, r))
    }
}

/// Finds the dates and periods among the tokens.
pub fn find_dates(
    prose: &str,
    tokens: &[Token],
    footnotes: &Footnotes,
    as_of: Option<PartialDate>,
) -> Dates {
    let s = Scanner {
        view: TokenView { prose, tokens },
        footnotes,
    };
    let mut out = Dates::default();
    let mut context_year = as_of.map(|d| d.year);
    let mut i = 0;
    while i < tokens.len() {
        let word = s.text(i);
        // Periods introduced by a word.
        let intro = match word {
            "from" | "From" => Some(PeriodKind::FromTo),
            "between" | "Between" => Some(PeriodKind::Between),
            "since" | "Since" => Some(PeriodKind::Since),
            "until" | "Until" | "through" | "Through" => Some(PeriodKind::Until),
            _ => None,
        };
        if let Some(kind) = intro {
            if let Some(p) = period_after(&s, i, kind, context_year) {
                if let Some(y) = p.to.or(p.from).map(|d| d.year).filter(|&y| y > 0) {
                    context_year = Some(y);
                }
                i = p.tokens.end;
                out.periods.push(p);
                continue;
            }
        }
        // Every other date or period starts with a number or a capitalised word (a month or
        // a weekday); punctuation and lower-case words, most tokens, start none.
        let t = &tokens[i];
        if t.kind() == TokenKind::Punct
            || (t.kind() == TokenKind::Word && word.as_bytes()[0].is_ascii_lowercase())
        {
            i += 1;
            continue;
        }
        // "January–February 2024": two months and the year written once.
        if let Some((m1, k)) = s.month_at(i) {
            if matches!(s.text(k), "-" | "–" | "—") && s.glued(k + 1) {
                if let Some((m2, k2)) = s.month_at(k + 1) {
                    if let Some((y, r)) = s.closing_year_at(k2) {
                        out.periods.push(Period {
                            range: tokens[i].start()..r.end,
                            from: Some(PartialDate::new(y, Some(m1), None)),
                            to: Some(PartialDate::new(y, Some(m2), None)),
                            kind: PeriodKind::Dash,
                            tokens: i..k2 + 1,
                        });
                        context_year = Some(y);
                        i = k2 + 1;
                        continue;
                    }
                }
            }
        }
        // "2007–2011", "2007-2011".
        if let Some((y1, r1)) = s.standalone_year(i) {
            if matches!(s.text(i + 1), "-" | "–" | "—") && s.glued(i + 1) && s.glued(i + 2) {
                // "2019–20" runs to 2020; "1999–00" to 2000.
                let short_year = s
                    .tokens
                    .get(i + 2)
                    .filter(|t| t.kind() == TokenKind::Number && s.text(i + 2).len() == 2)
                    .and_then(|t| {
                        let yy: i16 = s.text(i + 2).parse().ok()?;
                        let y2 = y1 - y1.rem_euclid(100) + yy;
                        let y2 = if y2 < y1 && y1.rem_euclid(100) >= 90 {
                            y2 + 100
                        } else {
                            y2
                        };
                        // A later year within a decade, and not the month of an ISO date
                        // ("2013-07-01").
                        let iso = matches!(s.text(i + 3), "-") && s.glued(i + 3);
                        (y2 > y1 && y2 - y1 <= 10 && !iso).then(|| (y2, t.range()))
                    });
                if let Some((y2, r2)) = s.year_at(i + 2).or(short_year) {
                    let _ = r1;
                    out.periods.push(Period {
                        range: tokens[i].start()..r2.end,
                        from: Some(PartialDate::year(y1)),
                        to: Some(PartialDate::year(y2)),
                        kind: PeriodKind::Dash,
                        tokens: i..i + 3,
                    });
                    context_year = Some(y2);
                    i += 3;
                    continue;
                }
            }
        }
        if let Some(m) = s.date_at(i, context_year) {
            i = m.tokens.end;
            if m.year_written {
                context_year = Some(m.date.year);
            }
            if m.date.year == 0 {
                out.undated.push(m.tokens.clone());
            } else {
                out.dates.push(m);
            }
            continue;
        }
        // "the 1990s"
        if tokens[i].kind() == TokenKind::Word && word.len() == 5 && word.ends_with("0s") {
            if let Some(y) = year_value(&word[..4]) {
                let decade = PartialDate {
                    decade: true,
                    ..PartialDate::year(y)
                };
                out.dates.push(s.mention(
                    i,
                    i + 1,
                    decade,
                    true,
                    DateStyle::Other,
                    None,
                    false,
                    false,
                ));
                i += 1;
                continue;
            }
        }
        if let Some((y, _)) = s.standalone_year(i) {
            if !is_count(&s, i) {
                context_year = Some(y);
                // `mention` ends a "2000.8" year before its footnote marker, as `year_at` does.
                out.dates.push(s.mention(
                    i,
                    i + 1,
                    PartialDate::year(y),
                    true,
                    DateStyle::Other,
                    None,
                    false,
                    false,
                ));
            }
        }
        i += 1;
    }
    // Rules search the mentions by position.
    debug_assert!(out
        .dates
        .windows(2)
        .all(|w| w[0].range.start < w[1].range.start));
    out
}

/// Whether the year-like number at `i` is a count: preceded by a qualifier or currency, or
/// followed by a plural noun without a determiner before it ("2013 troops").
fn is_count(s: &Scanner, i: usize) -> bool {
    let prev = if i > 0 { s.text(i - 1) } else { "" };
    if matches!(
        prev,
        "$" | "€"
            | "£"
            | "about"
            | "approximately"
            | "some"
            | "nearly"
            | "over"
            | "than"
            | "least"
            | "almost"
    ) {
        return true;
    }
    if s.glued(i + 1) && s.text(i + 1) == "," {
        return false;
    }
    let next = s.text(i + 1);
    let determiner = matches!(
        prev,
        "the"
            | "The"
            | "in"
            | "In"
            | "since"
            | "by"
            | "of"
            | "from"
            | "to"
            | "until"
            | "during"
            | "before"
            | "after"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
            | "that"
            | "fiscal"
            | "early"
            | "late"
            | "mid"
            | "calendar"
            | "year"
            | "for"
    );
    let plural_noun = s
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.kind() == TokenKind::Word && t.space_before())
        && next.len() > 3
        && next.ends_with('s')
        && next.chars().all(|c| c.is_lowercase());
    plural_noun && !determiner
}

fn period_after(
    s: &Scanner,
    i: usize,
    kind: PeriodKind,
    context_year: Option<i16>,
) -> Option<Period> {
    let (first, after_first, _) = s.period_end(i + 1, context_year)?;
    let start = s.tokens[i].start();
    match kind {
        PeriodKind::Since | PeriodKind::Until => {
            // "through 2023–2021": the dash period is the date, read as such.
            let dash_follows =
                matches!(s.text(after_first), "-" | "–" | "—") && s.glued(after_first);
            if first.year == 0 || dash_follows {
                return None;
            }
            let end = s.tokens[after_first - 1].end();
            let end = trim_marker(s, after_first - 1, end);
            let (from, to) = if kind == PeriodKind::Since {
                (Some(first), None)
            } else {
                (None, Some(first))
            };
            Some(Period {
                range: start..end,
                from,
                to,
                kind,
                tokens: i..after_first,
            })
        }
        PeriodKind::FromTo | PeriodKind::Between => {
            let joiner = if kind == PeriodKind::FromTo {
                ["to", "until", "through"]
            } else {
                ["and", "and", "and"]
            };
            if !joiner.contains(&s.text(after_first)) {
                return None;
            }
            let (second, after_second, _) = s.period_end(after_first + 1, context_year)?;
            if second.year == 0 {
                return None;
            }
            let mut from = first;
            if from.year == 0 || !written_year(s, i + 1, after_first) {
                // "from July 1 to September 30, 2013": the year written at the end.
                if from.year == 0 || from.year != second.year && from.month.is_some() {
                    from.year = second.year;
                }
            }
            let end = trim_marker(s, after_second - 1, s.tokens[after_second - 1].end());
            Some(Period {
                range: start..end,
                from: Some(from),
                to: Some(second),
                kind,
                tokens: i..after_second,
            })
        }
        _ => None,
    }
}

/// Whether a four-digit year is written among tokens `from..to`.
fn written_year(s: &Scanner, from: usize, to: usize) -> bool {
    (from..to).any(|k| s.year_at(k).is_some())
}

/// The end of a token, without a trailing footnote marker ("2011.8").
fn trim_marker(s: &Scanner, i: usize, end: usize) -> usize {
    match s.footnotes.marker_in_token(i) {
        Some(m) if m.kind == MarkerKind::AfterYear => s.tokens[i].start() + 4,
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::source::{Document, Format};

    type Found = (Vec<(String, String)>, Vec<(String, String, String)>);

    fn dates(text: &str) -> Found {
        let d = Document::new("t", text, Format::Text);
        let a = Analysis::new(&d);
        let ds = a
            .dates
            .dates
            .iter()
            .map(|m| (d.text()[m.range.clone()].to_string(), m.date.to_string()))
            .collect();
        let ps = a
            .dates
            .periods
            .iter()
            .map(|p| {
                (
                    d.text()[p.range.clone()].to_string(),
                    p.from.map(|x| x.to_string()).unwrap_or_default(),
                    p.to.map(|x| x.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        (ds, ps)
    }

    #[test]
    fn full_dates_and_context_years() {
        let (d, _) = dates("On Monday, July 1, 2013, AFISMA left. Since then, on 1 August 2013 and on July 9 it met.");
        assert_eq!(
            d,
            vec![
                ("Monday, July 1, 2013".into(), "2013-07-01".into()),
                ("1 August 2013".into(), "2013-08-01".into()),
                ("July 9".into(), "2013-07-09".into())
            ]
        );
    }

    #[test]
    fn periods() {
        let (_, p2) = dates("Interviews held January–February 2024 found it.");
        assert_eq!(
            p2,
            vec![(
                "January–February 2024".into(),
                "2024-01".into(),
                "2024-02".into()
            )]
        );
        let (d, p) = dates(
            "From 2007 to 2011, a general served. In 2015–2018 and since January 2009 it grew.",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            p[0],
            ("From 2007 to 2011".into(), "2007".into(), "2011".into())
        );
        assert_eq!(p[1], ("2015–2018".into(), "2015".into(), "2018".into()));
        assert_eq!(
            p[2],
            ("since January 2009".into(), "2009-01".into(), "".into())
        );
    }

    #[test]
    fn footnoted_year_and_malformed_date() {
        let (d, _) = dates("in UN PKOs,7 more than it had in 2000.8 China. Times, October, 25, 2012. http://x.com/2012/10/26/a");
        assert_eq!(d[0], ("2000".into(), "2000".into()));
        assert_eq!(d[1], ("October, 25, 2012".into(), "2012-10-25".into()));
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn references_and_counts_are_not_years() {
        let (d, _) = dates("See Section 2013 and H.R. 2013; it sent 2013 troops; $2,013 was paid.");
        assert!(d.is_empty(), "{d:?}");
    }
}
