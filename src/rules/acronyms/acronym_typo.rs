use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports an acronym that is not defined but is one edit away from exactly one acronym the
    /// document defines: one letter substituted, inserted or deleted, or two neighbouring
    /// letters swapped. Both must have four or more letters (three-letter acronyms are too
    /// dense: "RIA" and "IRA" are both real), and hyphenated variants ("ACV-P", "ACV-R") are
    /// left alone. The definition is shown beside it and the
    /// fix replaces the misspelling with the defined acronym.
    ///
    /// When two defined acronyms are both one edit away, the rule says nothing: it cannot know
    /// which was meant. Nor for an acronym defined anywhere in the document set, one used in
    /// its own right (three times or more, or in two files of the set), an English word in
    /// capitals, or part of a name. A misspelling that is itself a well-known acronym (the
    /// built-in lexicon's: "UNMIS", the UN Mission in Sudan, beside a defined "UNMISS") may be
    /// meant: it is reported only when used once beside a defined acronym used more often, at
    /// warning level and without a fix. The fix is safe when the acronym is defined in the same
    /// file, and unsafe (`--unsafe-fixes`) when only another file of the set defines it.
    ///
    /// ## Why is this bad?
    /// A misspelt acronym reads as a different organisation. Editors miss these because the eye
    /// fills in the expected letters.
    ///
    /// ## Example
    /// ```text
    /// ... the African-led International Support Mission in Mali (AFISMA) on July 1. ASISMA had
    /// been providing security since January 2013 ...
    /// ```
    /// Use instead:
    /// ```text
    /// ... (AFISMA) on July 1. AFISMA had been providing security since January 2013 ...
    /// ```
    ///
    /// ## How to silence it
    /// If the near-miss is a different, real acronym, define it too; or list it under
    /// `exempt` in `[acronyms]` in `factlint.toml`.
    pub struct AcronymTypo {
        code: "ACR003",
        name: "acronym-typo",
        severity: Error,
        fix: Safe,
        summary: "likely misspelling of a defined acronym",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (short, entry) in &a.acronym_index {
        let Some(t) = cx.acronym_typos().get(short) else {
            continue;
        };
        let meant = &t.short;
        for &u in &entry.uses {
            let u = &a.acronym_uses[u];
            let defined = format!("'{meant}' is defined here as \"{}\"", t.long);
            let mut f = Finding::new(
                u.range.clone(),
                format!("'{short}' looks like a misspelling of '{meant}'"),
            )
            .with_label(format!("did you mean '{meant}'?"));
            f = match (t.local, &t.elsewhere) {
                (Some(d), _) => f.with_secondary(a.definitions[d].short_range.clone(), defined),
                (None, Some(e)) => {
                    f.with_secondary_in(e.file.clone(), e.short_range.clone(), defined)
                }
                (None, None) => f,
            };
            if let Some(k) = t.known {
                // "UNMIS" is also the UN Mission in Sudan: it may be meant, so no fix.
                let also = k.expansion.split(" | ").next().unwrap_or(k.expansion);
                out.push(
                    f.with_note(format!(
                        "'{short}' is also a known acronym (\"{also}\"), used once here, one letter away from '{meant}'"
                    ))
                    .with_help(format!(
                        "if '{meant}' was meant, correct it; if '{short}' was, define it"
                    ))
                    .at_most_warning(),
                );
                continue;
            }
            let where_ = if t.local.is_some() {
                "in this document"
            } else {
                "in another file of the set"
            };
            f = f
                .with_note(format!(
                    "'{short}' is not defined anywhere, and is one letter away from '{meant}', defined {where_}"
                ))
                .with_help(format!("replace '{short}' with '{meant}'"));
            // Defined in this file, the correction is certain; defined only in another file,
            // a human should confirm it.
            f = if t.local.is_some() {
                f.with_safe_fix(u.range.clone(), meant.clone())
            } else {
                f.with_unsafe_fix(u.range.clone(), meant.clone())
            };
            out.push(f);
        }
    }
}
