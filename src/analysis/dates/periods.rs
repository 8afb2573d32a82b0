//! Periods: "from 2007 to 2011", "between 2015 and 2018", "since January 2009", "until 2025",
//! "from March to June 2020", and the dash forms "2007–2011", "2019–20", "January–February
//! 2024". Each end is read by the date scanner.

use super::date::PartialDate;
use super::scan::Scanner;
use crate::analysis::footnotes::MarkerKind;
use crate::analysis::tokens::TokenKind;
use std::ops::Range;

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
    /// The weekdays written for the two ends, as in a meeting notice: "Monday–Tuesday, March
    /// 3–4, 2025". Each is paired with its own end.
    pub weekdays: Option<[(jiff::civil::Weekday, Range<usize>); 2]>,
}

/// "January–February 2024": two months and the year written once.
pub(super) fn month_dash_period(s: &Scanner, i: usize) -> Option<Period> {
    let (m1, k) = s.month_at(i)?;
    if !(matches!(s.text(k), "-" | "–" | "—") && s.glued(k + 1)) {
        return None;
    }
    let (m2, k2) = s.month_at(k + 1)?;
    let (y, r) = s.closing_year_at(k2)?;
    Some(Period {
        range: s.tokens[i].start()..r.end,
        from: Some(PartialDate::new(y, Some(m1), None)),
        to: Some(PartialDate::new(y, Some(m2), None)),
        kind: PeriodKind::Dash,
        tokens: i..k2 + 1,
        weekdays: None,
    })
}

/// "March 3–4, 2025", "June 12 – 3, 2024" (reversed: DAT002's), with a weekday range before
/// it as meeting notices write them: "Monday–Tuesday, March 3–4, 2025". The year must be
/// written, or come from the context.
pub(super) fn day_dash_period(s: &Scanner, i: usize, context_year: Option<i16>) -> Option<Period> {
    let mut j = i;
    let mut weekdays = None;
    if let Some((w1, k)) = s.weekday_at(j) {
        if !matches!(s.text(k), "-" | "–" | "—") {
            return None;
        }
        let (w2, k2) = s.weekday_at(k + 1)?;
        let k2 = if s.text(k2) == "," { k2 + 1 } else { k2 };
        weekdays = Some((w1, s.tokens[j].range(), w2, s.tokens[k + 1].range()));
        j = k2;
    }
    let (month, k) = s.month_at(j)?;
    let d1 = s.day_at(k)?;
    if !matches!(s.text(k + 1), "-" | "–" | "—") {
        return None;
    }
    let d2 = s.day_at(k + 2)?;
    let mut end = k + 3;
    let year = if s.text(end) == "," {
        match s.closing_year_at(end + 1) {
            Some((y, _)) => {
                end += 2;
                Some(y)
            }
            None => None,
        }
    } else {
        None
    };
    let year = year.or(context_year)?;
    let last = &s.tokens[end - 1];
    let end_offset = if last.kind() == TokenKind::Number && s.text(end - 1).len() > 4 {
        last.start() + 4
    } else {
        last.end()
    };
    Some(Period {
        range: s.tokens[i].start()..end_offset,
        from: Some(PartialDate::new(year, Some(month), Some(d1))),
        to: Some(PartialDate::new(year, Some(month), Some(d2))),
        kind: PeriodKind::Dash,
        tokens: i..end,
        weekdays: weekdays.map(|(w1, r1, w2, r2)| [(w1, r1), (w2, r2)]),
    })
}

/// "2007–2011", "2007-2011", "2019–20".
pub(super) fn year_dash_period(s: &Scanner, i: usize) -> Option<Period> {
    let (y1, _) = s.standalone_year(i)?;
    if !(matches!(s.text(i + 1), "-" | "–" | "—") && s.glued(i + 1) && s.glued(i + 2)) {
        return None;
    }
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
            // A later year within a decade, and not the month of an ISO date ("2013-07-01").
            let iso = matches!(s.text(i + 3), "-") && s.glued(i + 3);
            (y2 > y1 && y2 - y1 <= 10 && !iso).then(|| (y2, t.range()))
        });
    let (y2, r2) = s.year_at(i + 2).or(short_year)?;
    Some(Period {
        range: s.tokens[i].start()..r2.end,
        from: Some(PartialDate::year(y1)),
        to: Some(PartialDate::year(y2)),
        kind: PeriodKind::Dash,
        tokens: i..i + 3,
        weekdays: None,
    })
}

/// A date or bare year at `i` for one end of a period.
fn period_end(
    s: &Scanner,
    i: usize,
    context_year: Option<i16>,
) -> Option<(PartialDate, usize, Range<usize>)> {
    if let Some(m) = s
        .date_at(i, None)
        .filter(|m| m.year_written)
        .or_else(|| s.date_at(i, context_year))
    {
        let end = m.tokens.end;
        return Some((m.date, end, m.range));
    }
    if let Some((month, k)) = s.month_at(i) {
        // "March" in "from March to June 2020": the year comes from the other end.
        return Some((
            PartialDate::from_parts(context_year, Some(month), None),
            k,
            s.tokens[i].range(),
        ));
    }
    let (y, r) = s.standalone_year(i)?;
    Some((PartialDate::year(y), i + 1, r))
}

/// The period a word ("from", "between", "since", "until") introduces at `i`.
pub(super) fn period_after(
    s: &Scanner,
    i: usize,
    kind: PeriodKind,
    context_year: Option<i16>,
) -> Option<Period> {
    let (first, after_first, _) = period_end(s, i + 1, context_year)?;
    let start = s.tokens[i].start();
    match kind {
        PeriodKind::Since | PeriodKind::Until => {
            // "through 2023–2021": the dash period is the date, read as such.
            let dash_follows =
                matches!(s.text(after_first), "-" | "–" | "—") && s.glued(after_first);
            if first.year.is_none() || dash_follows {
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
                weekdays: None,
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
            let (second, after_second, _) = period_end(s, after_first + 1, context_year)?;
            // The closing end gives the year; without one the period cannot be placed.
            second.year?;
            let mut from = first;
            if from.year.is_none() || !written_year(s, i + 1, after_first) {
                // "from July 1 to September 30, 2013": the year written at the end.
                if from.year.is_none() || from.year != second.year && from.month.is_some() {
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
                weekdays: None,
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
