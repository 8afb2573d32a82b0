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
    /// which was meant.
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
        let Some(def) = cx.acronym_typos().get(short).map(|&d| &a.definitions[d]) else {
            continue;
        };
        for &u in &entry.uses {
            let u = &a.acronym_uses[u];
            out.push(
                Finding::new(
                    u.range.clone(),
                    format!("'{short}' looks like a misspelling of '{}'", def.short),
                )
                .with_label(format!("did you mean '{}'?", def.short))
                .with_secondary(
                    def.short_range.clone(),
                    format!("'{}' is defined here as \"{}\"", def.short, def.long),
                )
                .with_note(format!(
                    "'{short}' is not defined anywhere, and is one letter away from '{}'",
                    def.short
                ))
                .with_help(format!("replace '{short}' with '{}'", def.short))
                .with_fix(u.range.clone(), def.short.clone()),
            );
        }
    }
}
