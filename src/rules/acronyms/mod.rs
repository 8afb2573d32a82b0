//! ACR: acronyms defined before use, spelled the same every time, fitting their expansions.

mod acronym_before_definition;
mod acronym_expansion_mismatch;
mod acronym_typo;
mod conflicting_acronym_definitions;
mod undefined_acronym;
mod unused_acronym_definition;

pub use acronym_before_definition::AcronymBeforeDefinition;
pub use acronym_expansion_mismatch::AcronymExpansionMismatch;
pub use acronym_typo::AcronymTypo;
pub use conflicting_acronym_definitions::ConflictingAcronymDefinitions;
pub use undefined_acronym::UndefinedAcronym;
pub use unused_acronym_definition::UnusedAcronymDefinition;

use crate::analysis::{Analysis, Definition};
use crate::settings::Settings;

/// The defined acronym that `short` is a likely misspelling of: exactly one defined acronym one
/// edit away (a substitution, insertion, deletion or adjacent transposition; both of four or
/// more letters, neither hyphenated), while `short` itself is neither defined nor exempt.
pub(crate) fn typo_target<'a>(
    short: &str,
    analysis: &'a Analysis,
    settings: &Settings,
) -> Option<&'a Definition> {
    let entry = analysis.acronym_index.get(short)?;
    if !entry.definitions.is_empty() || settings.is_exempt(short) {
        return None;
    }
    // An ordinary word in capitals or part of a name is not a misspelt acronym.
    let acronym_like = entry.uses.iter().any(|&u| {
        let u = &analysis.acronym_uses[u];
        !u.ordinary_word && !u.in_name
    });
    if !acronym_like {
        return None;
    }
    let mut found: Option<&Definition> = None;
    for (defined, e) in &analysis.acronym_index {
        let Some(&first_def) = e.definitions.first() else {
            continue;
        };
        if defined == short || !is_near_miss(short, defined) {
            continue;
        }
        if found.is_some_and(|f| f.short != *defined) {
            return None; // two candidates: ambiguous, say nothing
        }
        found = Some(&analysis.definitions[first_def]);
    }
    found
}

fn is_near_miss(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    // Three-letter acronyms are too dense ("RIA" and "IRA" are both real) and hyphenated
    // variants ("ACV-P", "ACV-R") differ by design.
    if la.abs_diff(lb) > 1 || la < 4 || lb < 4 || a.contains('-') || b.contains('-') {
        return false;
    }
    strsim::osa_distance(a, b) == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses() {
        assert!(is_near_miss("ASISMA", "AFISMA"));
        assert!(is_near_miss("AFSIMA", "AFISMA"));
        assert!(is_near_miss("AFISM", "AFISMA"));
        assert!(is_near_miss("IEFT", "IETF"));
        assert!(is_near_miss("DeFI", "DeFi"));
        assert!(!is_near_miss("RIA", "IRA"));
        assert!(!is_near_miss("ACV-P", "ACV-R"));
        assert!(!is_near_miss("PLN", "PLA"));
        assert!(!is_near_miss("UN", "US"));
        assert!(!is_near_miss("MINUSMA", "AFISMA"));
    }
}
