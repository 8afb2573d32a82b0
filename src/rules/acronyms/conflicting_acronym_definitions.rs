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
    /// Files checked together are a document set (`[acronyms] scope = "set"`, the default):
    /// an acronym defined in two files with different expansions is reported in the later
    /// file, with both definitions as labels: as a warning when the two expansions share
    /// more than half their words (one thing named two ways: "Indirect Fire Protection
    /// Capability" and "Integrated Fire Protection Capability"), as an info note when they
    /// share fewer (two things, as unrelated documents checked together may mean).
    ///
    /// An in-text definition whose letters fit but that differs from the usual expansion in
    /// the built-in lexicon while sharing words with it ("Central Investigation Agency (CIA)")
    /// is reported at info level: it looks garbled, but acronyms are reused across fields, so
    /// this is a note, not a fault.
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
        cross_file(cx, short, first, out);
        unusual_expansion(cx, short, first, out);
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

/// The same acronym defined differently by another file of the document set: reported at
/// this file's first definition when the set's first definition is in a file that comes
/// earlier (so each pair of files is reported once, in the later file).
fn cross_file(
    cx: &Context,
    short: &str,
    first: &crate::analysis::Definition,
    out: &mut Vec<Finding>,
) {
    let Some(other) = cx
        .settings
        .set
        .as_ref()
        .and_then(|s| s.definitions.get(short))
        .and_then(|v| v.first())
    else {
        return;
    };
    if other.file.name >= cx.doc.file.name
        || other.long == first.long
        || partly_abbreviated(&other.long)
        || partly_abbreviated(&first.long)
    {
        return;
    }
    let same = if !other.fits || !first.fits {
        same_ending(&first.long, &other.long)
    } else {
        same_expansion(&first.long, &other.long)
    };
    // Mostly the same words ("Main Intelligence Directorate of the General Staff" with the
    // country named or not): one thing, written two ways, which the comparison above may miss
    // for a loose definition.
    let overlap = super::word_overlap(&first.long, &other.long);
    if same || overlap >= 0.8 {
        return;
    }
    // Most words shared ("Indirect Fire Protection Capability", "Integrated Fire Protection
    // Capability"): one thing named two ways, a warning. Half or fewer: two things, as two
    // unrelated documents checked together may well mean; a note.
    let unrelated = overlap <= 0.5;
    let mut f = Finding::new(
            first.short_range.clone(),
            format!(
                "'{short}' is defined here as \"{}\", but {} defines it as \"{}\"",
                first.long, other.file.name, other.long
            ),
        )
        .with_label(format!("defined here as \"{}\"", first.long))
        .with_secondary(first.long_range.clone(), "this expansion")
        .with_secondary_in(
            other.file.clone(),
            other.long_range.clone(),
            format!("defined in {} as \"{}\"", other.file.name, other.long),
        )
        .with_note("files checked together are one document set: a reader of one may have read the other")
        .with_help(format!(
            "use one expansion for '{short}' across the set, or a different acronym for the second meaning"
        ));
    f.info_only = unrelated;
    out.push(f);
}

/// A definition whose letters fit but whose expansion is none of the lexicon's usual ones for
/// a well-known acronym, while sharing words with one of them ("Central Investigation Agency
/// (CIA)"): a note at info level. An expansion with no word in common is a different meaning,
/// which fields are free to choose, and is not reported.
fn unusual_expansion(
    cx: &Context,
    short: &str,
    first: &crate::analysis::Definition,
    out: &mut Vec<Finding>,
) {
    if !first.fits || short.chars().count() < 2 || partly_abbreviated(&first.long) {
        return;
    }
    let usual = cx.settings.usual_expansions(short);
    if usual.is_empty() || usual.iter().any(|u| same_expansion(u, &first.long)) {
        return;
    }
    // A different meaning ("Interregional Coordination Centre" for ICC, usually the
    // International Criminal Court) is the writer's to choose; an expansion that shares words
    // with the usual one but differs ("Central Investigation Agency" for CIA) looks garbled.
    let own = stems(&first.long, true);
    let Some(near) = usual.iter().find(|u| {
        let theirs = stems(u, true);
        let shared = theirs.iter().filter(|w| own.contains(w)).count();
        shared > 0 && shared < theirs.len().min(own.len())
    }) else {
        return;
    };
    let usual = [*near];
    let mut f = Finding::new(
        first.short_range.clone(),
        format!(
            "'{short}' is defined as \"{}\", but usually stands for \"{}\"",
            first.long, usual[0]
        ),
    )
    .with_label("an unusual expansion")
    .with_secondary(first.long_range.clone(), "this expansion")
    .with_note("readers who know the usual meaning may read that one")
    .with_help(format!(
        "keep the definition where the field uses '{short}' this way; otherwise spell it out or choose another acronym"
    ));
    f.info_only = true;
    out.push(f);
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
    // Numbers do not name the thing: "... Act for Fiscal Year 2026" is the same Act as "...
    // for Fiscal Year 2020", another year's edition.
    .filter(|w| {
        !w.is_empty()
            && !SMALL_WORDS.contains(&w.as_str())
            && !w.bytes().all(|b| b.is_ascii_digit())
    })
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
    // "Schoo" for "School": a word cut short (a slip in extraction).
    if short.len() >= 5 && long.starts_with(short) {
        return true;
    }
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
