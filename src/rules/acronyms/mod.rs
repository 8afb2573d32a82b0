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

/// The defined acronym that a likely misspelling was meant to be.
#[derive(Clone, Debug)]
pub struct TypoTarget {
    /// The defined acronym.
    pub short: String,
    pub long: String,
    /// Its definition in this document (an index into `definitions`), or
    pub local: Option<usize>,
    /// its definition in another file of the set.
    pub elsewhere: Option<crate::settings::SetDefinition>,
    /// The misspelling is itself a well-known acronym (the lexicon's): it may be meant.
    pub known: Option<&'static crate::settings::KnownAcronym>,
}

/// How many times an acronym may be used before it counts as used in its own right, not
/// misspelt: a misspelling is a slip, and slips are not repeated.
const OWN_RIGHT_USES: usize = 3;

/// For every acronym of the document that is a likely misspelling, the acronym it misspells:
/// exactly one acronym defined in the document or its set one edit away (a substitution,
/// insertion, deletion or adjacent transposition; both of four or more letters, neither
/// hyphenated), while the misspelling itself is not defined in the set, not exempt or
/// declared, not an English word or part of a name, and not used in its own right (three
/// times or more, or in two files of the set). A well-known acronym is a candidate only when
/// it is used once and the defined one more often. Computed once per document and shared by
/// ACR001, ACR003 and ACR006; the defined acronyms are grouped by length, so each candidate is
/// compared only with those of its length and its neighbours'.
pub fn typo_targets(analysis: &Analysis, settings: &Settings) -> HashMap<String, TypoTarget> {
    // Defined here (with the definition's index) or elsewhere in the set.
    let mut defined_by_len: HashMap<usize, Vec<(&str, Option<usize>)>> = HashMap::new();
    for (short, e) in &analysis.acronym_index {
        if let Some(&d) = e.definitions.first() {
            defined_by_len
                .entry(short.chars().count())
                .or_default()
                .push((short, Some(d)));
        }
    }
    if let Some(set) = &settings.set {
        for short in set.definitions.keys() {
            if analysis
                .acronym_index
                .get(short)
                .is_none_or(|e| e.definitions.is_empty())
            {
                defined_by_len
                    .entry(short.chars().count())
                    .or_default()
                    .push((short, None));
            }
        }
    }
    let uses_of = |short: &str| {
        let local = analysis
            .acronym_index
            .get(short)
            .map_or(0, |e| e.uses.len());
        let (n, files) = settings
            .set
            .as_ref()
            .and_then(|s| s.uses.get(short).copied())
            .unwrap_or((local, 1));
        (n.max(local), files)
    };
    let mut out = HashMap::new();
    for (short, entry) in &analysis.acronym_index {
        if !entry.definitions.is_empty()
            || settings.exempt.contains(short)
            || settings.glossary.contains_key(short)
            || settings.set_defines(short)
            || entry.uses.is_empty()
        {
            continue;
        }
        // An ordinary word in capitals or part of a name is not a misspelt acronym.
        let acronym_like = entry.uses.iter().all(|&u| {
            let u = &analysis.acronym_uses[u];
            !u.ordinary_word && !u.in_name
        });
        let (uses, files) = uses_of(short);
        if !acronym_like || uses >= OWN_RIGHT_USES || files >= 2 {
            continue;
        }
        let known = settings.known(short);
        let n = short.chars().count();
        let mut found: Option<(&str, Option<usize>)> = None;
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
        let (Some((defined, d)), false) = (found, ambiguous) else {
            continue;
        };
        // A well-known acronym is meant unless it was written once, beside a defined one used
        // more often whose expansion reads much like its own ("UNMIS", the UN Mission in
        // Sudan, for "UNMISS", the UN Mission in South Sudan).
        let long_of = |d: Option<usize>| match d {
            Some(d) => Some(analysis.definitions[d].long.as_str()),
            None => settings
                .set
                .as_ref()
                .and_then(|s| s.definitions.get(defined))
                .and_then(|v| v.first())
                .map(|e| e.long.as_str()),
        };
        if let Some(k) = known {
            let similar = long_of(d)
                .is_some_and(|l| k.expansion.split(" | ").any(|e| word_overlap(e, l) > 0.8));
            if uses > 1 || uses_of(defined).0 < 2 || !similar {
                continue;
            }
        }
        // Defined only in another file of the set: a slip is likely only where the writer
        // also uses the acronym meant.
        if d.is_none() && !analysis.acronym_index.contains_key(defined) {
            continue;
        }
        let elsewhere = match d {
            Some(_) => None,
            None => settings
                .set
                .as_ref()
                .and_then(|s| s.definitions.get(defined))
                .and_then(|v| v.first().cloned()),
        };
        let long = match (d, &elsewhere) {
            (Some(d), _) => analysis.definitions[d].long.clone(),
            (None, Some(e)) => e.long.clone(),
            (None, None) => continue,
        };
        out.insert(
            short.clone(),
            TypoTarget {
                short: defined.to_string(),
                long,
                local: d,
                elsewhere,
                known,
            },
        );
    }
    out
}

/// The share of the shorter expansion's significant words (small words left out, compared on
/// their first five letters, any case) that the other also has.
pub(crate) fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                !w.is_empty()
                    && !crate::analysis::definitions::SMALL_WORDS
                        .contains(&w.to_lowercase().as_str())
            })
            .map(|w| w.to_lowercase().chars().take(5).collect())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() {
        return 0.0;
    }
    short.iter().filter(|w| long.contains(w)).count() as f64 / short.len() as f64
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
    fn overlaps() {
        assert!(
            word_overlap(
                "United Nations Mission in Sudan",
                "UN Mission in South Sudan"
            ) >= 0.5
        );
        assert!(
            word_overlap(
                "United Nations Mission in Sudan",
                "United Nations Mission in South Sudan"
            ) > 0.8
        );
        assert!(
            word_overlap(
                "International Committee of the Red Cross",
                "International Federation of Red Cross and Red Crescent Societies"
            ) <= 0.8
        );
    }

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
