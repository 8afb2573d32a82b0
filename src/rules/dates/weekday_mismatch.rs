use super::spoken;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a weekday written with a full date ("Tuesday, July 1, 2013", "Tue 3 March 2026",
    /// "2026-03-03 (Monday)") that the date does not fall on, and a weekday range paired with
    /// a day range ("Monday–Tuesday, March 3–4, 2025": each weekday with its own day). A date
    /// written without a year takes the document's year: its as-of date, or the first date
    /// with a year in its first five lines; with neither, it is not checked. The right weekday
    /// is a safe fix when the year is written and the weekday stands with that one date, an
    /// unsafe one otherwise.
    ///
    /// ## Why is this bad?
    /// One of the two is wrong; a reader who checks a calendar stops trusting the brief.
    ///
    /// ## Example
    /// ```text
    /// On Tuesday, July 1, 2013, MINUSMA took over from AFISMA.
    /// ```
    /// July 1, 2013 was a Monday. Use instead: "On Monday, July 1, 2013".
    ///
    /// ## How to silence it
    /// Correct the weekday or the date, or ignore the rule with `--ignore DAT003`.
    pub struct WeekdayMismatch {
        code: "DAT003",
        name: "weekday-mismatch",
        severity: Error,
        fix: Safe,
        summary: "weekday does not match the date",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let dates = &cx.analysis.dates;
    for d in &dates.dates {
        let Some((written, range)) = &d.weekday else {
            continue;
        };
        // The fix is safe when the weekday stands right before or after a date whose year is
        // written: nothing else can be meant. With the year taken from the document's date,
        // the finding holds but a human should confirm the rewrite.
        let full = cx.text(range.clone()).ends_with("day");
        // "Saturday, 02/03/2026": checked only when both readings fall on the same weekday.
        if let Some([day_first, month_first]) = d.readings {
            let (Some(a), Some(b)) = (day_first.to_civil(), month_first.to_civil()) else {
                continue;
            };
            if a.weekday() == b.weekday() {
                let what = format!("{} (read either way)", cx.text(d.range.clone()));
                report(out, day_first, &what, *written, range, full);
            }
            continue;
        }
        report(
            out,
            d.date,
            &spoken(&d.date),
            *written,
            range,
            d.year_written && full,
        );
    }
    for p in &dates.periods {
        let (Some(ws), Some(from), Some(to)) = (&p.weekdays, p.from, p.to) else {
            continue;
        };
        // "Monday–Tuesday, March 3–4": each weekday with its own end.
        for ((written, range), date) in ws.iter().zip([from, to]) {
            report(out, date, &spoken(&date), *written, range, false);
        }
    }
}

fn report(
    out: &mut Vec<Finding>,
    date: crate::analysis::PartialDate,
    what: &str,
    written: jiff::civil::Weekday,
    range: &std::ops::Range<usize>,
    safe: bool,
) {
    let Some(civil) = date.to_civil() else {
        return;
    };
    let actual = civil.weekday();
    if actual == written {
        return;
    }
    let name = format!("{actual:?}");
    let f = Finding::new(
        range.clone(),
        format!("{what} was a {name}, not a {written:?}"),
    )
    .with_label(format!("should be {name}"))
    .with_help(format!("write '{name}'"));
    // An abbreviated weekday ("Tue") is rewritten in full only by a human.
    out.push(if safe {
        f.with_safe_fix(range.clone(), name)
    } else {
        f.with_unsafe_fix(range.clone(), name)
    });
}
