use crate::declare_rule;
use crate::diagnostic::{Finding, Label};
use crate::facts::names::canonical_title;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a title written right before a declared name that differs from the title the
    /// facts file declares for it ("Admiral Zhang Youxia" when `[names]` declares him a
    /// General). Abbreviations count as their full form ("Gen." is General, "Lt. Gen." is
    /// Lieutenant General), and a more specific rank of the same kind is not reported
    /// ("Lieutenant General" for a declared General).
    ///
    /// ## Why is this bad?
    /// A wrong rank or office misstates who someone is, and readers take titles at face value.
    ///
    /// ## Example
    /// With `[names] "Zhang Youxia" = { title = "General" }`, "Admiral Zhang Youxia" is
    /// reported; use instead "General Zhang Youxia".
    ///
    /// ## How to silence it
    /// Correct the title, or update the facts file if the person's title changed; or ignore the
    /// rule with `--ignore FCT004`.
    pub struct WrongTitle {
        code: "FCT004",
        name: "wrong-title",
        severity: Error,
        fix: Suggested,
        summary: "wrong title or role for a declared name",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for hit in cx.names().iter().filter(|h| h.exact) {
        let (Some((written, range)), Some(declared)) = (&hit.title, &hit.name.title) else {
            continue;
        };
        let declared_canonical = canonical_title(declared);
        if *written == declared_canonical {
            continue;
        }
        // "Lieutenant General" for a declared "General": the same kind of rank.
        let last = |t: &str| t.rsplit(' ').next().unwrap_or(t).to_string();
        if last(written) == last(&declared_canonical) {
            continue;
        }
        let mut f = Finding::new(
            range.clone(),
            format!(
                "'{}' is declared as {declared}, not {written}",
                hit.name.name
            ),
        )
        .with_label(format!("title written as {written}"))
        .with_help(format!("write '{declared}'"))
        .with_fix(range.clone(), declared.clone());
        f.labels.push(Label {
            file: Some(hit.facts.file.clone()),
            range: hit.name.span.clone(),
            message: format!("declared as {declared} here"),
        });
        out.push(f);
    }
}
