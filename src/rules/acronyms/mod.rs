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

use crate::analysis::Analysis;
use crate::settings::Settings;
use std::collections::HashMap;

/// For every acronym of the document that is a likely misspelling, the definition it
/// misspells: exactly one defined acronym one edit away (a substitution, insertion, deletion or
/// adjacent transposition; both of four or more letters, neither hyphenated), while the
/// misspelling itself is neither defined nor exempt. Computed once per document and shared by
/// ACR001, ACR003 and ACR006; the defined acronyms are grouped by length, so each candidate is
/// compared only with those of its length and its neighbours'.
pub fn typo_targets(analysis: &Analysis, settings: &Settings) -> HashMap<String, usize> {
    let mut defined_by_len: HashMap<usize, Vec<(&str, usize)>> = HashMap::new();
    for (short, e) in &analysis.acronym_index {
        if let Some(&d) = e.definitions.first() {
            defined_by_len
                .entry(short.chars().count())
                .or_default()
                .push((short, d));
        }
    }
    let mut out = HashMap::new();
    for (short, entry) in &analysis.acronym_index {
        if !entry.definitions.is_empty() || settings.is_exempt(short) {
            continue;
        }
        // An ordinary word in capitals or part of a name is not a misspelt acronym.
        let acronym_like = entry.uses.iter().any(|&u| {
            let u = &analysis.acronym_uses[u];
            !u.ordinary_word && !u.in_name
        });
        if !acronym_like {
            continue;
        }
        let n = short.chars().count();
        let mut found: Option<(&str, usize)> = None;
        let mut ambiguous = false;
        for len in n.saturating_sub(1)..=n + 1 {
            for &(defined, d) in defined_by_len.get(&len).into_iter().flatten() {
                if defined == short || !is_near_miss(short, defined) {
                    continue;
                }
                match found {
                    Some((f, _)) if f != defined => ambiguous = true,
                    _ => found = Some((defined, d)),
                }
            }
        }
        if let (Some((_, d)), false) = (found, ambiguous) {
            out.insert(short.clone(), d);
        }
    }
    out
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
