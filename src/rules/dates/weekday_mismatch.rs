use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a weekday written before a full date that the date does not fall on, and offers
    /// the right weekday as a safe fix.
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
    for d in &cx.analysis.dates.dates {
        let Some((written, range)) = &d.weekday else {
            continue;
        };
        let Some(civil) = d.date.to_civil() else {
            continue;
        };
        let actual = civil.weekday();
        if actual == *written {
            continue;
        }
        let name = format!("{actual:?}");
        let date = cx
            .text(d.range.end.min(range.end)..d.range.end)
            .trim_start_matches([',', ' '])
            .to_string();
        out.push(
            Finding::new(
                range.clone(),
                format!("{date} was a {name}, not a {written:?}"),
            )
            .with_label(format!("should be {name}"))
            .with_help(format!("write '{name}'"))
            .with_fix(range.clone(), name),
        );
    }
}
