use super::spoken;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a malformed date: a comma between the month and the day ("October, 25, 2012"),
    /// with the well-formed date as a safe fix. A month-first date with no comma before the
    /// year ("July 1 2013") is reported at info level only, as a style note.
    ///
    /// ## Why is this bad?
    /// A malformed date in a citation makes the source harder to find and looks careless; it
    /// is often where a date was retyped and got a digit wrong too.
    ///
    /// ## Example
    /// ```text
    /// The New York Times, October, 25, 2012.
    /// ```
    /// Use instead: "The New York Times, October 25, 2012."
    ///
    /// ## How to silence it
    /// Apply the fix, or ignore the rule with `--ignore DAT005`.
    pub struct MalformedDate {
        code: "DAT005",
        name: "malformed-date",
        severity: Warning,
        fix: Safe,
        summary: "malformed date",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for d in &cx.analysis.dates.dates {
        if !d.comma_after_month && !d.missing_year_comma {
            continue;
        }
        // The date without a weekday prefix: the fix keeps the weekday as written.
        let start = d.weekday.as_ref().map_or(d.range.start, |_| {
            let t = d.tokens.start;
            let toks = &cx.analysis.tokens[t..d.tokens.end];
            toks.iter()
                .skip(1)
                .find(|tok| cx.doc.prose[tok.range()] != *",")
                .map_or(d.range.start, |tok| tok.start())
        });
        let range = start..d.range.end;
        let written = cx.text(range.clone()).to_string();
        let good = spoken(&d.date);
        if d.comma_after_month {
            out.push(
                Finding::new(
                    range.clone(),
                    format!(
                        "malformed date '{written}': no comma goes between the month and the day"
                    ),
                )
                .with_label(format!("write '{good}'"))
                .with_fix(range, good),
            );
        } else {
            let mut f = Finding::new(
                range.clone(),
                format!("'{written}' needs a comma before the year in month-first style"),
            )
            .with_label(format!("write '{good}'"))
            .with_fix(range, good);
            f.info_only = true;
            out.push(f);
        }
    }
}
