use crate::analysis::definitions::SMALL_WORDS;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports an acronym defined a second time with a different expansion, pointing at the
    /// first definition; and an in-text definition that disagrees with the glossary declared in
    /// a facts file (`[acronyms]`). Expansions are compared ignoring case, hyphens, punctuation,
    /// small words ("of", "the") and plural endings, so "peace-keeping operations" agrees with
    /// "Peacekeeping Operation".
    ///
    /// Definitions whose letters do not fit their expansion (foreign-language acronyms) are
    /// compared on their last two words only: where such an expansion starts is a guess.
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

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    for (short, entry) in &a.acronym_index {
        let defs: Vec<_> = entry
            .definitions
            .iter()
            .map(|&d| &a.definitions[d])
            .collect();
        if let Some(declared) = cx.settings.glossary.get(short) {
            for d in &defs {
                // The same words as declared need no comparing (a document may repeat a
                // definition thousands of times).
                if d.long != *declared && !same_expansion(&d.long, declared) {
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
            if d.long == first.long
                || partly_abbreviated(&d.long)
                || partly_abbreviated(&first.long)
            {
                continue;
            }
            let loose = !d.fits || !first.fits;
            let same = if loose {
                same_ending(&d.long, &first.long)
            } else {
                same_expansion(&d.long, &first.long)
            };
            if same {
                continue;
            }
            out.push(
                Finding::new(
                    d.short_range.clone(),
                    format!(
                        "'{short}' is defined again as \"{}\", but earlier as \"{}\"",
                        d.long, first.long
                    ),
                )
                .with_label(format!("defined again as \"{}\"", d.long))
                .with_secondary(first.long_range.clone(), "first defined here")
                .with_help(format!(
                    "use one expansion for '{short}', or a different acronym for the second meaning"
                )),
            );
        }
    }
}

/// The significant words of an expansion, lower case, without a plural "s".
fn stems(long: &str, split_hyphens: bool) -> Vec<String> {
    long.split(|c: char| {
        c.is_whitespace() || matches!(c, '/' | ',') || (split_hyphens && matches!(c, '-' | '–'))
    })
    .map(|w| {
        w.trim_end_matches("'s")
            .trim_end_matches("’s")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    })
    .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.as_str()))
    .map(|w| w.strip_suffix('s').map(str::to_string).unwrap_or(w))
    .collect()
}

/// Whether two expansions name the same thing: the same words in any order, or one a run of
/// the other's words ("Self-Employment Assistance" in "Self Employment Assistance Program";
/// letter matching may take in a word more or less).
pub(crate) fn same_expansion(a: &str, b: &str) -> bool {
    // "Anti-Terrorism" agrees with "Antiterrorism", and "Self-Employment" with "Self Employment".
    same_words(stems(a, true), stems(b, true)) || same_words(stems(a, false), stems(b, false))
}

fn same_words(sa: Vec<String>, sb: Vec<String>) -> bool {
    if sa.is_empty() || sb.is_empty() {
        return true;
    }
    let (short, long) = if sa.len() <= sb.len() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    // The shorter's words in order within the longer ("Consumer Price Index for Urban
    // Consumers" in "... for All Urban Consumers").
    let mut rest = long.iter();
    if short.iter().all(|w| rest.any(|l| same_word(w, l))) {
        return true;
    }
    let (mut x, mut y) = (sa, sb);
    let stem = |w: &mut String| w.truncate(w.char_indices().nth(6).map_or(w.len(), |(i, _)| i));
    x.iter_mut().for_each(stem);
    y.iter_mut().for_each(stem);
    x.sort();
    y.sort();
    x == y
}

/// Two words agree when their first six letters do, or when one is a short abbreviation of the
/// other ("Ltd", "Limited"): its letters in order, starting with the same letter.
fn same_word(a: &str, b: &str) -> bool {
    // Inflections agree on their first six letters ("provided"/"provider").
    if a.chars().take(6).eq(b.chars().take(6)) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() > 4 || short.chars().next() != long.chars().next() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

/// Whether an expansion is itself partly abbreviated ("PHS Act", "GHG Reporting Program"):
/// such an expansion cannot be compared word for word.
fn partly_abbreviated(long: &str) -> bool {
    long.split(|c: char| !c.is_alphanumeric())
        .any(|w| crate::analysis::acronyms::acronym_base(w).is_some())
}

/// For expansions whose letters do not fit (where the expansion starts is a guess): the same
/// when their last two significant words agree.
fn same_ending(a: &str, b: &str) -> bool {
    let (sa, sb) = (stems(a, true), stems(b, true));
    sa[sa.len().saturating_sub(2)..] == sb[sb.len().saturating_sub(2)..]
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
