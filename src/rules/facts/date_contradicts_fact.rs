use super::with_fact;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::facts::matching::Outcome;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Checks dates and periods against the facts file. A `date` fact speaks to the one date in
    /// a sentence that mentions all its `about` terms; a `from`/`to` fact to the one period
    /// ("from 2007 to 2011", "2007–2011", "between 2015 and 2018"). A date written at lower
    /// precision is compared at that precision: "July 1" (its year from the text before it or
    /// the as-of date) against 2013-07-01 compares month and day; "June 2013" compares the month;
    /// "2013" the year. When a sentence has no date, or several, the fact says nothing.
    ///
    /// ## Why is this bad?
    /// A wrong date moves an event to another context: a handover before the mandate existed,
    /// a command held in the wrong years.
    ///
    /// ## Example
    /// With
    /// ```toml
    /// [[fact]]
    /// about = ["AFISMA", "took over"]
    /// date = "2013-07-01"
    /// ```
    /// the sentence "MINUSMA took over from AFISMA on June 1." is reported: "the text says
    /// 2013-06-01; the fact declares 2013-07-01".
    ///
    /// ## How to silence it
    /// Correct the date or the fact; add `about` terms if the fact speaks to the wrong sentence
    /// (`--explain-facts` shows the matches); or ignore the rule with `--ignore FCT002`.
    pub struct DateContradictsFact {
        code: "FCT002",
        name: "date-contradicts-fact",
        severity: Error,
        fix: None,
        summary: "a date or period contradicts a declared fact",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for m in cx.fact_matches() {
        for o in &m.outcomes {
            let (range, verdict, what) = match o {
                Outcome::Date { date, verdict, .. } => (date.range.clone(), verdict, "date"),
                Outcome::Period {
                    period, verdict, ..
                } => (period.range.clone(), verdict, "period"),
                _ => continue,
            };
            if verdict.agrees {
                continue;
            }
            let said = cx
                .text(range.clone())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let f = Finding::new(
                range,
                format!(
                    "the {what} '{said}' contradicts the declared fact '{}'",
                    m.fact.id
                ),
            )
            .with_label(format!("this {what}"))
            .with_note(verdict.explanation.clone());
            let f = with_fact(
                f,
                m.facts,
                m.fact,
                m.fact.value_span.clone(),
                "declared here".into(),
            )
            .with_help(format!(
                "correct the {what}, or the fact if the text is right"
            ));
            out.push(f);
        }
    }
}
