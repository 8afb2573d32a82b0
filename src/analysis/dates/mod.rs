//! Dates and periods in prose, each kept at the precision it was written with: "July 1, 2013",
//! "1 July 2013", "2013-07-01", "July 1" (the year from context or the as-of date), "January
//! 2013", "2013", "the 1990s", with a weekday prefix ("Monday, July 1, 2013"); and periods:
//! "from 2007 to 2011", "2007–2011", "between 2015 and 2018", "since January 2009",
//! "until 2025", "from March to June 2020".

mod date;
mod periods;
mod scan;

use super::footnotes::Footnotes;
/// Where the facts loader has always found it.
pub use super::number_roles::year_value;
use super::tokens::{Class, Token, TokenKind, TokenView};
pub use date::{DateMention, DateStyle, PartialDate, Precision};
use periods::{day_dash_period, month_dash_period, period_after, year_dash_period};
pub use periods::{Period, PeriodKind};
use scan::{is_count, Scanner};
use std::ops::Range;

#[derive(Clone, Debug, Default)]
pub struct Dates {
    /// In document order; the dates inside a period are not listed here.
    pub dates: Vec<DateMention>,
    pub periods: Vec<Period>,
    /// Token ranges of dates whose year is unknown ("October 7" with no year in context and no
    /// as-of date): not dates that can be compared, but not numbers either.
    pub undated: Vec<Range<usize>>,
    /// Dates whose year has five digits ("April 20225", "March 3, 20225"): the date as written
    /// and the year. Their tokens are also in `undated`.
    pub impossible_years: Vec<(Range<usize>, Range<usize>)>,
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
    let mut context_year = as_of.and_then(|d| d.year);
    // The document's own date: the as-of date, else the first date with its year written in
    // the first five lines (a title, a heading, a dateline). A weekday with a date written
    // without a year ("Thursday, June 5") is checked against that year and no other.
    let head_end = prose
        .match_indices('\n')
        .nth(4)
        .map_or(prose.len(), |(at, _)| at);
    let doc_year = context_year.or_else(|| {
        (0..tokens.len())
            .take_while(|&i| tokens[i].start() < head_end)
            .find_map(|i| s.date_at(i, None).filter(|m| m.year_written))
            .and_then(|m| m.date.year)
    });
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Every date or period starts with a number, a word opening a period, a month or a
        // weekday, or a word starting with a digit ("3rd", "1990s"); most tokens are none.
        if !(t.kind() == TokenKind::Number
            || t.is_a(Class::PERIOD_INTRO | Class::MONTH | Class::WEEKDAY | Class::DIGIT))
        {
            i += 1;
            continue;
        }
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
                if let Some(y) = p.to.or(p.from).and_then(|d| d.year) {
                    context_year = Some(y);
                }
                i = p.tokens.end;
                out.periods.push(p);
                continue;
            }
        }
        if t.is_a(Class::PERIOD_INTRO) {
            i += 1;
            continue;
        }
        // "March 3–4, 2025", "January–February 2024", "2007–2011": two ends joined by a dash.
        if let Some(p) = day_dash_period(&s, i, context_year)
            .or_else(|| month_dash_period(&s, i))
            .or_else(|| year_dash_period(&s, i))
        {
            context_year = p.to.and_then(|d| d.year);
            i = p.tokens.end;
            out.periods.push(p);
            continue;
        }
        if let Some((date, year, end)) = s.impossible_year_at(i) {
            out.impossible_years.push((date, year));
            out.undated.push(i..end);
            i = end;
            continue;
        }
        if let Some(mut m) = s.date_at(i, context_year) {
            // Only when the year in context agrees with the document's: a report dated 2016
            // telling events of 2017 ("Friday, May 5") leaves the year unknown.
            if m.weekday.is_some() && !m.year_written {
                m.date.year = doc_year.filter(|&y| context_year.is_none_or(|c| c == y));
            }
            // "3 March 2026 (Tuesday)", "2026-03-03 (Monday)": the weekday after the date.
            let end = m.tokens.end;
            let has_day = m.date.day.is_some() || m.readings.is_some();
            if m.weekday.is_none() && has_day && s.text(end) == "(" {
                if let Some((wd, after)) = s.weekday_at(end + 1) {
                    if s.text(after) == ")" {
                        m.weekday = Some((wd, tokens[end + 1].range()));
                        m.tokens.end = after + 1;
                    }
                }
            }
            i = m.tokens.end;
            if m.year_written {
                context_year = m.date.year;
            }
            if m.date.year.is_none() {
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
