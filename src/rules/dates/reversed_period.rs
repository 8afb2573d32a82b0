use super::later;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a period whose end comes before its start: "from 2011 to 2007", "2015–2012",
    /// "between March and January 2020". Ends are compared at the precision written.
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

impl Rule for ReversedPeriod {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for p in &cx.analysis.dates.periods {
            let (Some(from), Some(to)) = (p.from, p.to) else {
                continue;
            };
            if !later(&from, &to) {
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
}
