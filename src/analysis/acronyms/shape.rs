//! The shape of an acronym-like word: its base form without plural and possessive endings
//! ("PKOs", "PLA's"), and the words that have the shape without being acronyms (Roman
//! numerals, ordinary words written in capitals).

use super::super::words::word_list;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Whether `word` is an ordinary English word that writers put in capitals for emphasis or as a
/// label (`rules/capitalised-words.txt`): a set, since the list is long and asked about every
/// acronym-like word.
pub(super) fn is_capitalised_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        word_list(include_str!("../../../rules/capitalised-words.txt"))
            .into_iter()
            .collect()
    });
    SET.contains(word)
}

/// Capitalised words after which an all-caps word is part of a name (`rules/name-suffixes.txt`).
pub(super) static NAME_SUFFIXES: LazyLock<Vec<&str>> =
    LazyLock::new(|| word_list(include_str!("../../../rules/name-suffixes.txt")));

/// The base form of an acronym-like word, and its length in bytes: possessive and plural
/// endings removed.
pub fn acronym_base(word: &str) -> Option<&str> {
    // Most words fail here: a capital first and two capitals in all are needed (the endings
    // removed below are lower case or a possessive).
    let head = word.as_bytes();
    if !head.first().is_some_and(u8::is_ascii_uppercase)
        || head
            .iter()
            .filter(|b| b.is_ascii_uppercase())
            .nth(1)
            .is_none()
    {
        return None;
    }
    let mut base = word;
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = base.strip_suffix(suffix) {
            base = b;
            break;
        }
    }
    // "PKOs" is the plural of "PKO", "DEXes" of "DEX"; "VAPc" is "VAP" with a table-note
    // letter glued on. "CBSNews" is none of these.
    let caps = base.bytes().take_while(u8::is_ascii_uppercase).count();
    let tail = &base[caps..];
    if caps >= 2 && (1..=2).contains(&tail.len()) && tail.bytes().all(|c| c.is_ascii_lowercase()) {
        base = &base[..caps];
    }
    let bytes = base.as_bytes();
    if bytes.len() < 2 || bytes.len() > 12 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if !bytes[0].is_ascii_uppercase() {
        return None;
    }
    let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    let lower = bytes.len() - upper;
    // "UberWAV", "GusNIP": a run of three lower-case letters is a word inside a name.
    let longest_lower_run = base
        .split(|c: char| c.is_ascii_uppercase())
        .map(str::len)
        .max()
        .unwrap_or(0);
    (upper >= 2 && upper > lower && longest_lower_run < 3).then_some(base)
}

/// Roman numerals up to 99 ("II", "XIV", "LXX", "XC"); C alone, D and M are left out because
/// "CD", "DC" and "MD" are more often acronyms.
pub fn is_roman_numeral(s: &str) -> bool {
    static ROMAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$").expect("roman pattern compiles")
    });
    is_roman_letters(s, b"IVXLC") && ROMAN.is_match(s)
}

/// Whether `s` is made only of these numeral letters (the cheap test before the pattern).
pub(super) fn is_roman_letters(s: &str, letters: &[u8]) -> bool {
    !s.is_empty() && s.bytes().all(|b| letters.contains(&b))
}

/// Any well-formed Roman numeral ("CXIII", "MCMXC").
pub(super) fn is_large_roman_numeral(s: &str) -> bool {
    static ROMAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
            .expect("roman pattern compiles")
    });
    is_roman_letters(s, b"IVXLCDM") && ROMAN.is_match(s)
}
