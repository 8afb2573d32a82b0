//! The date scanner: reads one date at a token ("July 1, 2013", "1 July", "2013-07-01",
//! "January 2013", a bare year), telling a year from a reference, an identifier or a count.

use super::date::{DateMention, DateStyle, PartialDate};
use crate::analysis::footnotes::{Footnotes, MarkerKind};
use crate::analysis::number_roles::{is_phone_at, REFERENCE_WORDS};
use crate::analysis::token_class::{month_of, weekday_of, year_value};
use crate::analysis::tokens::{Class, TokenKind, TokenView};
use std::ops::Range;

/// The date scanner: a token view (`text`, `glued`) and the footnote markers.
pub(super) struct Scanner<'a> {
    pub(super) view: TokenView<'a>,
    pub(super) footnotes: &'a Footnotes,
}

impl<'a> std::ops::Deref for Scanner<'a> {
    type Target = TokenView<'a>;
    fn deref(&self) -> &TokenView<'a> {
        &self.view
    }
}

impl<'a> Scanner<'a> {
    /// A weekday at `i`, full or abbreviated ("Tuesday", "Tue", "Tu.", with the index after
    /// it (and after an abbreviation's full stop).
    pub(super) fn weekday_at(&self, i: usize) -> Option<(jiff::civil::Weekday, usize)> {
        if !self.is_a(i, Class::WEEKDAY) {
            return None;
        }
        let w = self.text(i);
        let wd = weekday_of(w)?;
        let abbreviated = w.len() <= 5 && !w.ends_with("day");
        if abbreviated && self.text(i + 1) == "." && self.glued(i + 1) {
            return Some((wd, i + 2));
        }
        Some((wd, i + 1))
    }

    /// An ordinal day ("3rd", "21st"), 1–31.
    fn ordinal_day_at(&self, i: usize) -> Option<i8> {
        let t = self.tokens.get(i)?;
        if t.kind() != TokenKind::Word {
            return None;
        }
        let w = self.text(i);
        let digits = w.trim_end_matches(char::is_alphabetic);
        let suffix = &w[digits.len()..];
        if !matches!(suffix, "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
            return None;
        }
        digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
    }

    /// The year in token `i`: "2013", or the year part of "2000.8" when the rest is a footnote.
    pub(super) fn year_at(&self, i: usize) -> Option<(i16, Range<usize>)> {
        let t = self.tokens.get(i)?;
        if t.kind() != TokenKind::Number {
            return None;
        }
        let s = self.text(i);
        if t.is_a(Class::YEAR) {
            return year_value(s).map(|y| (y, t.range()));
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
    pub(super) fn standalone_year(&self, i: usize) -> Option<(i16, Range<usize>)> {
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
    pub(super) fn closing_year_at(&self, i: usize) -> Option<(i16, Range<usize>)> {
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
    pub(super) fn day_at(&self, i: usize) -> Option<i8> {
        let t = self.tokens.get(i)?;
        if t.kind() == TokenKind::Word {
            return self.ordinal_day_at(i);
        }
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
    pub(super) fn month_at(&self, i: usize) -> Option<(i8, usize)> {
        if !self.is_a(i, Class::MONTH) {
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
            // "Mar 3, 2026": without its full stop, only before a day and a written year.
            let day = self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind() == TokenKind::Number)
                && self.day_at(i + 1).is_some();
            let k = if self.text(i + 2) == "," {
                i + 3
            } else {
                i + 2
            };
            if day && self.year_at(k).is_some() {
                return Some((m, i + 1));
            }
            return None;
        }
        // "May" is a month only next to a day or a year.
        Some((m, i + 1))
    }

    /// Parses a date starting at token `i`. The mention's `tokens.end` is the next token index.
    pub(super) fn date_at(&self, i: usize, context_year: Option<i16>) -> Option<DateMention> {
        let start_tok = i;
        let mut j = i;
        let mut weekday = None;
        if let Some((wd, after)) = self.weekday_at(j) {
            let k = if self.text(after) == "," {
                after + 1
            } else {
                after
            };
            // "Tuesday, 3 March", "Tuesday, the 3rd of March", "Saturday, 2026-02-28".
            let k = if self.text(k) == "the" { k + 1 } else { k };
            // A weekday that ends a block (a table cell, a line of its own) is not the date's.
            let same_block = self.tokens.get(k).is_some_and(|t| {
                let gap = &self.prose[self.tokens[j].end()..t.start()];
                memchr::memchr_iter(b'\n', gap.as_bytes()).nth(1).is_none()
            });
            let dated =
                self.month_at(k).is_some() || self.day_at(k).is_some() || self.year_at(k).is_some();
            if same_block && dated {
                weekday = Some((wd, self.tokens[j].range()));
                j = k;
            }
        }
        if let Some(m) = self.numeric_date_at(start_tok, j, weekday.clone()) {
            return Some(m);
        }
        // ISO: 2013-07-01, and 2013/07/01.
        if let Some((y, _)) = self.year_at(j) {
            let sep = self.text(j + 1);
            if matches!(sep, "-" | "/") && self.glued(j + 1) && self.glued(j + 2) {
                let m = self.text(j + 2);
                let d = self.text(j + 4);
                if m.len() == 2
                    && self.text(j + 3) == sep
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
            // "October, 25, 2012" is a malformed date; "in July, 2 percentage points" is not a
            // date at all: the year must close it.
            let comma_after_month = self.text(k) == ","
                && self.day_at(k + 1).is_some()
                && self.text(k + 2) == ","
                && self.closing_year_at(k + 3).is_some();
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
                // Year unknown: None, for the caller to place or set aside.
                let date = PartialDate::from_parts(year, Some(month), Some(day));
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
        // Day-first: "1 July 2013", "1 July", "3rd March 2026", "the 3rd of March".
        let j = if self.text(j) == "the" && self.day_at(j + 1).is_some() {
            j + 1
        } else {
            j
        };
        if let Some(day) = self.day_at(j) {
            let m_at = if self.text(j + 1) == "of" {
                j + 2
            } else {
                j + 1
            };
            // "3 Mar 2026": an abbreviated month without its full stop, between a day and a
            // written year.
            let bare_abbreviation = || {
                let t = self.tokens.get(m_at)?;
                let m = month_of(self.text(m_at)).filter(|_| t.kind() == TokenKind::Word)?;
                self.closing_year_at(m_at + 1).map(|_| (m, m_at + 1))
            };
            if let Some((month, k)) = self.month_at(m_at).or_else(bare_abbreviation) {
                // "the 4th of March, 2026": a comma may stand before the year.
                let comma_year = (self.text(k) == ",")
                    .then(|| self.closing_year_at(k + 1))
                    .flatten();
                let (year, end, written) = match (self.closing_year_at(k), comma_year) {
                    (Some((y, _)), _) => (Some(y), k + 1, true),
                    (None, Some((y, _))) => (Some(y), k + 2, true),
                    (None, None) => (context_year, k, false),
                };
                let date = PartialDate::from_parts(year, Some(month), Some(day));
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

    /// A numeric date at `j`: "28/02/2026", "02-28-2026", "3-Mar-2026", "3/Mar/2026" (one
    /// separator, a slash or a hyphen, glued throughout, and a four-digit year). Day-first or
    /// month-first is decided only when one reading has a month 1–12 and a day 1–31: "13/02"
    /// is day-first, "31/04" is April 31 (impossible either way, for DAT001). When both
    /// readings are possible ("02/03/2026") the mention keeps only the year, with both
    /// readings beside it. Not a date: "1/2", "24/7", "3/4 of", "12-14", "1.2.3", numbers
    /// glued to a word or to more figures ("v2/03/2026", "12/03/2026/4"), no month 1–12.
    fn numeric_date_at(
        &self,
        start: usize,
        j: usize,
        weekday: Option<(jiff::civil::Weekday, Range<usize>)>,
    ) -> Option<DateMention> {
        let small = |i: usize| {
            let t = self.tokens.get(i)?;
            let s = self.text(i);
            (t.kind() == TokenKind::Number && s.len() <= 2)
                .then(|| s.parse::<i8>().ok())
                .flatten()
        };
        let a = small(j)?;
        let sep = self.text(j + 1);
        if !matches!(sep, "/" | "-") || !self.glued(j + 1) || !self.glued(j + 2) {
            return None;
        }
        if self.text(j + 3) != sep || !self.glued(j + 3) || !self.glued(j + 4) {
            return None;
        }
        let (y, _) = self.year_at(j + 4)?;
        if is_phone_at(self.prose, &self.tokens[j + 4].range()) {
            return None;
        }
        // Glued to what comes before: "v2/03/2026", "1/28/02/2026", "x-3-4-2026".
        if j > 0 && self.glued(j) && !matches!(self.text(j - 1), "(" | "[" | "\"" | "“" | "‘" | "'")
        {
            return None;
        }
        // Glued to what comes after: "28/02/2026/3", "28-02-2026-x", "28/02/20261".
        let after = j + 5;
        if self.tokens.get(after).is_some_and(|t| {
            !t.space_before()
                && (t.kind() != TokenKind::Punct || matches!(self.text(after), "/" | "-" | ":"))
        }) {
            return None;
        }
        // "3-Mar-2026": the month as a word.
        let month_word = self
            .tokens
            .get(j + 2)
            .filter(|t| t.kind() == TokenKind::Word)
            .and_then(|_| month_of(self.text(j + 2)));
        let (date, readings) = if let Some(m) = month_word {
            (PartialDate::new(y, Some(m), Some(a)), None)
        } else {
            let b = small(j + 2)?;
            let shape = |m: i8, d: i8| (1..=12).contains(&m) && (1..=31).contains(&d);
            let day_first = PartialDate::new(y, Some(b), Some(a));
            let month_first = PartialDate::new(y, Some(a), Some(b));
            match (shape(b, a), shape(a, b)) {
                _ if a == b && shape(a, a) => (day_first, None),
                (true, true) => (PartialDate::year(y), Some([day_first, month_first])),
                (true, false) => (day_first, None),
                (false, true) => (month_first, None),
                (false, false) => return None,
            }
        };
        if !(1..=31).contains(&date.day.unwrap_or(1)) {
            return None;
        }
        let mut m = self.mention(
            start,
            after,
            date,
            true,
            DateStyle::Numeric,
            weekday,
            false,
            false,
        );
        m.readings = readings;
        Some(m)
    }

    /// A date whose year has five digits, a typo no calendar has: "March 3, 20225", "3 March
    /// 20225", "in April 20225". Returns the date's range, the year's, and the token after.
    /// Not when a word follows the number ("April 20225 visitors" counts something), nor a
    /// month with no day unless a preposition of time stands before it ("Ms April 20225").
    pub(super) fn impossible_year_at(
        &self,
        i: usize,
    ) -> Option<(Range<usize>, Range<usize>, usize)> {
        let (k, with_day) = if let Some((_, k)) = self.month_at(i) {
            match self
                .day_at(k)
                .filter(|_| self.tokens[k].kind() == TokenKind::Number)
            {
                Some(_) if self.text(k + 1) == "," => (k + 2, true),
                Some(_) => (k + 1, true),
                None => (k, false),
            }
        } else if self.tokens[i].kind() == TokenKind::Number && self.day_at(i).is_some() {
            (self.month_at(i + 1)?.1, true)
        } else {
            return None;
        };
        let t = self.tokens.get(k)?;
        let y = self.text(k);
        if t.kind() != TokenKind::Number
            || y.len() != 5
            || !y.bytes().all(|b| b.is_ascii_digit())
            || !matches!(y.as_bytes()[0], b'1' | b'2')
        {
            return None;
        }
        // After a month alone, only punctuation may follow; after a day, any word but a
        // plural noun ("March 3, 20225 at noon", not "on March 3, 20225 tonnes").
        if let Some(next) = self.tokens.get(k + 1) {
            let n = self.text(k + 1);
            let counted = next.kind() == TokenKind::Word
                && (!with_day
                    || (n.len() > 3 && n.ends_with('s') && n.chars().all(char::is_lowercase)));
            if counted
                || next.kind() == TokenKind::Number
                || matches!(n, "%" | "-" | "–" | "—" | "/" | "×")
            {
                return None;
            }
        }
        if !with_day {
            let prev = if i > 0 { self.text(i - 1) } else { "" };
            const TIME_WORDS: &[&str] = &[
                "in", "In", "of", "since", "Since", "by", "By", "from", "From", "until", "to",
                "during", "before", "after", "early", "late", "mid", "Until",
            ];
            if !TIME_WORDS.contains(&prev) {
                return None;
            }
        }
        Some((self.tokens[i].start()..t.end(), t.range(), k + 1))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn mention(
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
            readings: None,
        }
    }
}

/// Whether the year-like number at `i` is a count: preceded by a qualifier or currency, or
/// followed by a plural noun without a determiner before it ("2013 troops").
pub(super) fn is_count(s: &Scanner, i: usize) -> bool {
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
