use crate::analysis::DefinitionKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports the first use of an acronym that comes before the document defines it. Uses in
    /// headings, in the links of a table of contents, in table rows and in names ("CRS
    /// Report", "CARES Act") do not count: a title often names an acronym that the text then
    /// spells out. An acronym listed in the document's own acronym list is defined wherever the
    /// list stands.
    ///
    /// ## Why is this bad?
    /// The reader meets the acronym before its meaning; the definition further down comes too
    /// late to help.
    ///
    /// ## Example
    /// ```text
    /// The PSO deployed in March. ... the Peace Support Operation (PSO) was extended.
    /// ```
    /// Use instead: move the definition to the first use.
    /// ```text
    /// The Peace Support Operation (PSO) deployed in March. ... the PSO was extended.
    /// ```
    ///
    /// ## How to silence it
    /// Move the definition up, or ignore the rule with `--ignore ACR002`.
    pub struct AcronymBeforeDefinition {
        code: "ACR002",
        name: "acronym-before-definition",
        severity: Warning,
        fix: None,
        summary: "acronym used before its definition",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (short, entry) in &a.acronym_index {
        let Some(&first_def) = entry.definitions.first() else {
            continue;
        };
        if cx.settings.is_exempt(short) {
            continue;
        }
        let def = &a.definitions[first_def];
        // A document's own acronym list defines its entries wherever it stands.
        if entry
            .definitions
            .iter()
            .any(|&d| a.definitions[d].kind == DefinitionKind::Glossary)
        {
            continue;
        }
        let early = entry
            .uses
            .iter()
            .map(|&u| &a.acronym_uses[u])
            .filter(|u| !u.in_heading && !u.in_link && !u.in_table && !u.in_name)
            .find(|u| u.range.start < def.short_range.start);
        let Some(u) = early else { continue };
        let (line, _) = cx.doc.file.position(def.short_range.start);
        out.push(
            Finding::new(
                u.range.clone(),
                format!("acronym '{short}' is used before it is defined"),
            )
            .with_label("used here")
            .with_secondary(def.short_range.clone(), "defined only here")
            .with_help(format!(
                "move the definition \"{} ({short})\" from line {line} to this first use",
                def.long
            )),
        );
    }
}
