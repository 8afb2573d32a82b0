//! Comparing an acronym with the initials of the words before it, for definitions whose letters
//! are one step off their expansion ("formed police units (FPC)").

use super::letter_match::{initials_match, SMALL_WORDS};

/// How the acronym differs from the initials of its expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// Letter `position` differs from its word's initial, and the word does not contain it.
    Substitution { position: usize },
    /// Letters `position` and `position + 1` are swapped.
    Transposition { position: usize },
}

/// The expansion that an acronym was evidently meant to abbreviate, and how it differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearMiss<'a> {
    /// The expansion's significant words with their offsets in the text searched.
    pub words: Vec<(usize, &'a str)>,
    pub initials: Vec<char>,
    pub mismatch: Mismatch,
}

/// The last `n` words of `text` that are not small words, each with its offset, provided they
/// are all letters (hyphens and apostrophes allowed) and share one case style: all capitalised
/// or all lower case.
fn last_significant_words(text: &str, n: usize) -> Option<Vec<(usize, &str)>> {
    let all = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w));
    let mut words: Vec<(usize, &str)> = Vec::new();
    for (offset, w) in all.rev() {
        if super::words::is_one_of(w, &SMALL_WORDS) {
            continue;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        {
            return None;
        }
        words.push((offset, w));
        if words.len() == n {
            break;
        }
    }
    if words.len() < n {
        return None;
    }
    words.reverse();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let all_caps = words.iter().all(|(_, w)| capitalised(w));
    let all_lower = words.iter().all(|(_, w)| !capitalised(w));
    (all_caps || all_lower).then_some(words)
}

fn initials(words: &[(usize, &str)]) -> Vec<char> {
    words
        .iter()
        .filter_map(|(_, w)| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Compares an all-capitals acronym of three to eight letters with the words that end `text`
/// (the text before its parenthesis). Returns None when the initials spell the acronym, when
/// the acronym takes letters from inside words, or when the words are unrelated.
pub fn near_miss<'a>(short: &str, text: &'a str) -> Option<NearMiss<'a>> {
    let letters: Vec<char> = short.chars().collect();
    let n = letters.len();
    if !(3..=8).contains(&n) || !letters.iter().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    // Backronyms ("RESOLVE Act", "FLIGHT") choose their letters freely.
    if super::words::is_english_word(short) {
        return None;
    }
    // Small words may give a letter ("Department of Justice (DOJ)", "reduction in force (RIF)").
    if initials_match(&letters, text).is_some() {
        return None;
    }
    let words = last_significant_words(text, n)?;
    let init = initials(&words);
    if init == letters {
        return None;
    }
    let diffs: Vec<usize> = (0..n).filter(|&i| letters[i] != init[i]).collect();
    let mismatch = match diffs.as_slice() {
        [i] => {
            let inside = words[*i]
                .1
                .chars()
                .skip(1)
                .any(|c| c.to_uppercase().eq(std::iter::once(letters[*i])));
            if inside {
                return None;
            }
            Mismatch::Substitution { position: *i }
        }
        [i, j] if *j == i + 1 && letters[*i] == init[*j] && letters[*j] == init[*i] => {
            // "human-related greenhouse gas (GHG)": the H comes from inside "greenhouse".
            let inside = |k: usize| {
                words[k]
                    .1
                    .chars()
                    .skip(1)
                    .any(|c| c.to_uppercase().eq(std::iter::once(letters[k])))
            };
            if inside(*i) || inside(*j) {
                return None;
            }
            Mismatch::Transposition { position: *i }
        }
        _ => return None,
    };
    Some(NearMiss {
        words,
        initials: init,
        mismatch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(short: &str, text: &str) -> Option<Mismatch> {
        near_miss(short, text).map(|m| m.mismatch)
    }

    #[test]
    fn fires_on_one_step_off() {
        assert_eq!(
            kind("FPC", "contributed formed police units"),
            Some(Mismatch::Substitution { position: 2 })
        );
        assert_eq!(
            kind("PLN", "the People’s Liberation Army"),
            Some(Mismatch::Substitution { position: 2 })
        );
        assert_eq!(
            kind("MJAC", "the Joint Mission Analysis Centre"),
            Some(Mismatch::Transposition { position: 0 })
        );
    }

    #[test]
    fn quiet_on_fitting_or_unrelated() {
        assert_eq!(kind("FPU", "contributed formed police units"), None);
        assert_eq!(kind("NPT", "the Nuclear Nonproliferation Treaty"), None);
        assert_eq!(kind("PKO", "to support a peacekeeping operation"), None);
        assert_eq!(kind("ISIS", "the Islamic State of Iraq and al-Sham"), None);
        assert_eq!(
            kind(
                "MINUSMA",
                "to the UN Multidimensional Integrated Stabilization Mission in Mali"
            ),
            None
        );
        assert_eq!(kind("GOA", "operations in the Gulf of Aden"), None);
        assert_eq!(kind("CJTF", "the Civilian Joint Task Force"), None);
        assert_eq!(
            kind("DOJ", "the Antitrust Division of the Department of Justice"),
            None
        );
        assert_eq!(kind("GHG", "human-related greenhouse gas"), None);
        assert_eq!(kind("RIF", "an involuntary reduction in force"), None);
        assert_eq!(
            kind("ISO", "International Organization for Standardization"),
            None
        );
        assert_eq!(
            kind(
                "FLIGHT",
                "Facility Level Information on Greenhouse Gases Tool"
            ),
            None
        );
        // Acronyms that skip a word are left alone.
        assert_eq!(
            kind(
                "NICHD",
                "National Institute of Child Health and Human Development"
            ),
            None
        );
        assert_eq!(kind("PSD", "the Peace Support Operations Division"), None);
    }
}
