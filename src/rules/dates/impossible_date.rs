use super::spoken;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a calendar date that does not exist: the 31st of a 30-day month, February 30,
    /// February 29 outside a leap year, a numeric date impossible in both readings
    /// ("31/04/2026", "04/31/2026"), and a year of five digits ("March 3, 20225").
    ///
    /// ## Why is this bad?
    /// An impossible date is a typo in a fact, and the reader cannot tell which part is wrong.
    ///
    /// ## Example
    /// ```text
    /// The ceasefire was signed on June 31, 2014.
    /// ```
    /// Use instead the date the source gives ("June 30, 2014" or "July 1, 2014").
    ///
    /// ## How to silence it
    /// Correct the date, or ignore the rule with `--ignore DAT001`.
    pub struct ImpossibleDate {
        code: "DAT001",
        name: "impossible-date",
        severity: Error,
        fix: None,
        summary: "impossible calendar date",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let dates = &cx.analysis.dates;
    // A year taken from context is not the writer's: "(June 31)" is checked without it.
    let mentions = dates.dates.iter().map(|d| {
        let date = crate::analysis::PartialDate {
            year: d.date.year.filter(|_| d.year_written),
            ..d.date
        };
        (d.range.clone(), date)
    });
    // The ends of periods too: "through April 31, 2024", "from April 31 to May 3".
    let ends = dates.periods.iter().flat_map(|p| {
        [p.from, p.to]
            .into_iter()
            .flatten()
            .map(|d| (p.range.clone(), d))
    });
    // "March 3, 20225": a year no calendar has. No fix: which digit is extra is a guess.
    for (range, year) in &dates.impossible_years {
        let y = cx.text(year.clone());
        out.push(
            Finding::new(range.clone(), format!("{y} is not a year"))
                .with_label("a year of five digits")
                .with_note("a digit was probably typed twice or added"),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for (range, date) in mentions.chain(ends) {
        let (Some(month), Some(day)) = (date.month, date.day) else {
            continue;
        };
        // A date whose year is unknown is impossible only if no year has that day: "June 31",
        // not "February 29".
        let last = match date.year {
            Some(_) => {
                if date.to_civil().is_some() {
                    continue;
                }
                date.days_in_month().unwrap_or(31)
            }
            None => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1) as usize],
        };
        if day <= last || !seen.insert((range.start, month, day)) {
            continue;
        }
        let month_only = spoken(&crate::analysis::PartialDate { day: None, ..date });
        let month_only = match date.year {
            Some(_) => month_only,
            None => super::MONTH_NAMES[(month - 1) as usize].to_string(),
        };
        out.push(
            Finding::new(range, format!("{} has no day {day}", month_only))
                .with_label("this date does not exist")
                .with_note(format!("{month_only} has {last} days")),
        );
    }
}
