use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports an acronym that the document uses but never defines, once, at its first use.
    /// Acronyms on the built-in list of common ones (UN, US, EU, NATO, GDP, ...), those declared
    /// in a facts file's `[acronyms]` glossary and those listed in `factlint.toml` are exempt, as
    /// are Roman numerals, all-caps headings and labels ("SUBJECT:"), ordinary English words in
    /// capitals ("SAFE", "SHIELD"), names ("RAND Corporation", "CARES Act"), identifiers
    /// ("KTMF_00000047", "COVID-19"), state codes after a city or party ("Huntsville, AL",
    /// "R-WI"), and abbreviations in table rows, which usually have a legend of their own.
    ///
    /// A definition is "Long Form (LF)", "LF (Long Form)", "LF stands for Long Form", or an
    /// entry in the document's own list headed "Acronyms", "Abbreviations" or "Glossary".
    /// Files checked together form a set (`[acronyms] scope = "set"`, the default): a
    /// definition in any file of the set (a glossary page, a book's introduction, the first
    /// part of a report) counts in all of them. The built-in lexicon of well-known acronyms
    /// (`[acronyms] known`, by domain: general, government, economics, science, software)
    /// needs no definition.
    ///
    /// ## Why is this bad?
    /// A reader who does not know the acronym cannot follow the sentence, and a brief is often
    /// read by people outside the writer's field.
    ///
    /// ## Example
    /// ```text
    /// The MFO has monitored the Sinai since 1982.
    /// ```
    /// Use instead:
    /// ```text
    /// The Multinational Force and Observers (MFO) has monitored the Sinai since 1982.
    /// ```
    ///
    /// ## How to silence it
    /// Define the acronym at first use, or list it as known to your readers in `factlint.toml`:
    /// ```toml
    /// [acronyms]
    /// exempt = ["MFO"]
    /// ```
    /// or ignore the rule with `--ignore ACR001`.
    pub struct UndefinedAcronym {
        code: "ACR001",
        name: "undefined-acronym",
        severity: Warning,
        fix: None,
        summary: "acronym used but never defined",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (short, entry) in &a.acronym_index {
        if !entry.definitions.is_empty() || entry.uses.is_empty() {
            continue;
        }
        if cx.settings.is_exempt(short)
            || cx.settings.set_defines(short)
            || cx.acronym_typos().contains_key(short)
        {
            continue;
        }
        // Ordinary words in capitals, names ("CARES Act") and table cells are not reported.
        let uses: Vec<_> = entry
            .uses
            .iter()
            .map(|&u| &a.acronym_uses[u])
            .filter(|u| !u.ordinary_word && !u.in_name && !u.in_table)
            .collect();
        let Some(first) = uses.first() else { continue };
        let count = uses.len();
        let mut f = Finding::new(
            first.range.clone(),
            format!("acronym '{short}' is never defined"),
        )
        .with_label("used here without a definition");
        if count > 1 {
            f = f.with_note(format!("'{short}' is used {count} times in this document"));
        }
        f = f.with_help(format!(
            "spell it out at first use, e.g. \"Long Form ({short})\", or add it to `exempt` under [acronyms] in factlint.toml"
        ));
        out.push(f);
    }
}
