use crate::declare_rule;
use crate::diagnostic::{Finding, Label};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a near-miss spelling of a name declared in the facts file's `[names]`: a name of
    /// two or more words with one word one letter off (two for words of seven letters or more)
    /// and the other words exact ("Zhang Youxai" for "Zhang Youxia"). The fix writes the
    /// declared spelling.
    ///
    /// ## Why is this bad?
    /// A misspelt name is a credibility error, and it breaks every search for the person.
    ///
    /// ## Example
    /// With `[names] "Zhang Youxia" = { title = "General" }`, the text "General Zhang Youxai
    /// said" is reported; use instead "General Zhang Youxia said".
    ///
    /// ## How to silence it
    /// If the near-miss is a different person, declare that name too; or ignore the rule with
    /// `--ignore FCT003`.
    pub struct MisspeltDeclaredName {
        code: "FCT003",
        name: "misspelt-declared-name",
        severity: Error,
        fix: Suggested,
        summary: "near-miss spelling of a declared name",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for hit in cx.names().iter().filter(|h| !h.exact) {
        let mut f = Finding::new(
            hit.range.clone(),
            format!(
                "'{}' looks like a misspelling of the declared name '{}'",
                hit.written, hit.name.name
            ),
        )
        .with_label(format!("did you mean '{}'?", hit.name.name))
        .with_help(format!("write '{}'", hit.name.name))
        .with_fix(hit.range.clone(), hit.name.name.clone());
        f.labels.push(Label {
            file: Some(hit.facts.file.clone()),
            range: hit.name.span.clone(),
            message: format!("'{}' declared here", hit.name.name),
        });
        out.push(f);
    }
}
