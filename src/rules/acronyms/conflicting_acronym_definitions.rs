use crate::analysis::definitions::SMALL_WORDS;
use crate::analysis::DefinitionKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an acronym defined a second time with a different expansion, pointing at the
    /// first definition; and an in-text definition that disagrees with the glossary declared in
    /// a facts file (`[acronyms]`). Expansions are compared ignoring case, hyphens, punctuation,
    /// small words ("of", "the") and plural endings, so "peace-keeping operations" agrees with
    /// "Peacekeeping Operation".
    ///
    /// Definitions whose letters do not fit their expansion (foreign-language acronyms) are not
    /// compared: where such an expansion starts is a guess.
    ///
    /// ## Why is this bad?
    /// One acronym for two things leaves the reader to guess which is meant at every use.
    ///
    /// ## Example
    /// ```text
    /// The Peace Support Operation (PSO) ... the Public Safety Office (PSO) ...
    /// ```
    /// Use instead: a distinct acronym for the second, or spell it out.
    ///
    /// ## How to silence it
    /// Make the expansions agree, or ignore the rule with `--ignore ACR005`.
    pub struct ConflictingAcronymDefinitions {
        code: "ACR005",
        name: "conflicting-acronym-definitions",
        severity: Warning,
        fix: None,
        summary: "acronym defined twice with different expansions",
    }
}

impl Rule for ConflictingAcronymDefinitions {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let a = cx.analysis;
        for (short, entry) in &a.acronym_index {
            let defs: Vec<_> = entry
                .definitions
                .iter()
                .map(|&d| &a.definitions[d])
                .filter(|d| d.fits || d.kind == DefinitionKind::Glossary)
                .collect();
            if let Some(declared) = cx.settings.glossary.get(short) {
                for d in &defs {
                    if !same_expansion(&d.long, declared) {
                        out.push(
                            Finding::new(
                                d.long_range.clone(),
                                format!(
                                    "'{short}' is defined as \"{}\", but the glossary declares \"{declared}\"",
                                    d.long
                                ),
                            )
                            .with_label("this expansion")
                            .with_secondary(d.short_range.clone(), "acronym")
                            .with_help("make the definition agree with the declared glossary"),
                        );
                    }
                }
                continue;
            }
            let Some((first, rest)) = defs.split_first() else {
                continue;
            };
            for d in rest {
                if same_expansion(&d.long, &first.long) {
                    continue;
                }
                out.push(
                    Finding::new(
                        d.long_range.clone(),
                        format!(
                            "'{short}' is defined again as \"{}\", but earlier as \"{}\"",
                            d.long, first.long
                        ),
                    )
                    .with_label("second expansion")
                    .with_secondary(first.long_range.clone(), "first defined here")
                    .with_help(format!(
                        "use one expansion for '{short}', or a different acronym for the second meaning"
                    )),
                );
            }
        }
    }
}

/// Letters of the significant words, singular, lower case: the form in which two expansions
/// are compared.
fn key(long: &str) -> String {
    long.split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '/')
        .map(|w| {
            let w: String = w
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            w
        })
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .concat()
}

/// Whether two expansions name the same thing. One may carry extra leading words that the
/// letter matching took in ("the new Department of ..."): the shorter must end the longer.
pub(crate) fn same_expansion(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    ka == kb || (!ka.is_empty() && !kb.is_empty() && (ka.ends_with(&kb) || kb.ends_with(&ka)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansions_compare_loosely() {
        assert!(same_expansion(
            "peace-keeping operations",
            "Peacekeeping Operation"
        ));
        assert!(same_expansion(
            "U.S. Agency for International Development",
            "US Agency for International Development"
        ));
        assert!(same_expansion(
            "the People’s Liberation Army",
            "People's Liberation Army"
        ));
        assert!(!same_expansion(
            "Peace Support Operation",
            "Public Safety Office"
        ));
    }
}
