use super::spoken;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a calendar date that does not exist: the 31st of a 30-day month, February 30,
    /// February 29 outside a leap year.
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
    for d in &cx.analysis.dates.dates {
        let (Some(_), Some(day)) = (d.date.month, d.date.day) else {
            continue;
        };
        if d.date.to_civil().is_some() {
            continue;
        }
        let last = d.date.days_in_month().unwrap_or(31);
        let month_only = spoken(&crate::analysis::PartialDate {
            day: None,
            ..d.date
        });
        out.push(
            Finding::new(d.range.clone(), format!("{} has no day {day}", month_only))
                .with_label("this date does not exist")
                .with_note(format!("{month_only} has {last} days")),
        );
    }
}
