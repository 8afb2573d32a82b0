use super::later;
use crate::analysis::dates::{year_value, PeriodKind};
use crate::analysis::{MarkerKind, Period};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a period whose end comes before its start: "from 2011 to 2007", "2015–2012",
    /// "between March and January 2020". Ends are compared at the precision written.
///
/// A period whose end is written without a year ("from July to June", "from November 28 to
/// January 6") is read as crossing the year end, as a budget or a holiday does, and is not
/// reported; "from July 2015 to June 2015" is.
    ///
    /// ## Why is this bad?
    /// Either the years are swapped or one is wrong; the reader cannot tell how long the thing
    /// lasted.
    ///
    /// ## Example
    /// ```text
    /// From 2011 to 2007, a PLA general commanded the mission.
    /// ```
    /// Use instead: "From 2007 to 2011".
    ///
    /// ## How to silence it
    /// Correct the period, or ignore the rule with `--ignore DAT002`.
    pub struct ReversedPeriod {
        code: "DAT002",
        name: "reversed-period",
        severity: Error,
        fix: None,
        summary: "a period that ends before it starts",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for p in &cx.analysis.dates.periods {
        let (Some(from), Some(to)) = (p.from, p.to) else {
            continue;
        };
        if !later(&from, &to) || !end_year_written(cx, p) {
            continue;
        }
        out.push(
            Finding::new(
                p.range.clone(),
                format!("this period ends ({to}) before it starts ({from})"),
            )
            .with_label("period runs backwards")
            .with_help("swap the two ends if they were written the wrong way round"),
        );
    }
}

/// Whether the end of a period has its year written. Only a "from ... to ..." or "between ...
/// and ..." period can have an end without one: the analysis then gives the end the year in
/// context (the start's, or the document's), and an end before its start in the calendar is
/// the next year's ("from July to June").
fn end_year_written(cx: &Context, p: &Period) -> bool {
    if !matches!(p.kind, PeriodKind::FromTo | PeriodKind::Between) {
        return true;
    }
    let tokens = &cx.analysis.tokens;
    let prose = cx.doc.prose.as_str();
    let text = |i: usize| &prose[tokens[i].range()];
    let joiners: &[&str] = if p.kind == PeriodKind::FromTo {
        &["to", "until", "through"]
    } else {
        &["and"]
    };
    let Some(joiner) = (p.tokens.start + 1..p.tokens.end).find(|&i| joiners.contains(&text(i)))
    else {
        return true;
    };
    (joiner + 1..p.tokens.end).any(|i| {
        let s = text(i);
        year_value(s).is_some()
            // "2011.8": a year with its footnote marker glued on.
            || cx
                .analysis
                .footnotes
                .marker_in_token(i)
                .is_some_and(|m| m.kind == MarkerKind::AfterYear && s.get(..4).and_then(year_value).is_some())
    })
}
