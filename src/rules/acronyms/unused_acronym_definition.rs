use crate::analysis::DefinitionKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports an acronym that is defined but never used anywhere else in the document. A use
    /// that is a likely misspelling of it (see ACR003) counts as a use. Entries of the
    /// document's own acronym list are not reported.
    ///
    /// ## Why is this bad?
    /// An acronym the reader never meets again is noise: the definition asks the reader to
    /// remember something for nothing. Spelling the term out is enough.
    ///
    /// ## Example
    /// ```text
    /// The Multinational Force and Observers (MFO) patrols the Sinai.
    /// ```
    /// (and "MFO" never appears again) Use instead:
    /// ```text
    /// The Multinational Force and Observers patrols the Sinai.
    /// ```
    ///
    /// ## How to silence it
    /// Drop the parenthesised acronym, or ignore the rule with `--ignore ACR006`. This rule is
    /// at info level by default and does not fail a run.
    pub struct UnusedAcronymDefinition {
        code: "ACR006",
        name: "unused-acronym-definition",
        severity: Info,
        fix: None,
        summary: "acronym defined but never used",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    // The acronyms a likely typo was written for, looked up once per definition (scanning
    // every typo for each unused definition was quadratic).
    let misspelt: std::collections::HashSet<&str> = cx
        .acronym_typos()
        .values()
        .map(|t| t.short.as_str())
        .collect();
    for (short, entry) in &a.acronym_index {
        // A single letter ("progesterone (P)") is notation more than an acronym.
        if !entry.uses.is_empty() || short.chars().count() < 2 {
            continue;
        }
        let Some(def) = entry
            .definitions
            .iter()
            .map(|&d| &a.definitions[d])
            .find(|d| d.kind != DefinitionKind::Glossary)
        else {
            continue;
        };
        if misspelt.contains(short.as_str()) {
            continue;
        }
        out.push(
            Finding::new(
                def.short_range.clone(),
                format!("acronym '{short}' is defined but never used"),
            )
            .with_label("defined here, not used again")
            .with_help(format!(
                "write \"{}\" without the acronym, or use '{short}' where the term comes up again",
                def.long
            )),
        );
    }
}
