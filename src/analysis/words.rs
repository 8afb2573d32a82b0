//! Ordinary English words, for telling a word in capitals ("SAFE", "SECTION") from an acronym.

/// Sorted bytewise, one lower-case word of 4–12 letters per line (see rules/english-words.LICENSE).
const WORDS: &str = include_str!("../../rules/english-words.txt");

/// The words of a built-in list (`rules/*.txt`): one a line, blank lines and `#` comments left
/// out.
pub fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Whether `word` is one of `words` (written in lower case), ignoring ASCII case. Word lists
/// are short, so a scan that compares lengths first beats building a lower-case copy to hash.
pub fn is_one_of(word: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
}

/// Whether `word` (any case) is an English word of four or more letters. A binary search over
/// the embedded list: no set is built, so a run that never asks pays nothing.
pub fn is_english_word(word: &str) -> bool {
    if !(4..=12).contains(&word.len()) || !word.is_ascii() {
        return false;
    }
    let target = word.to_ascii_lowercase();
    let bytes = WORDS.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // The line containing `mid`.
        let start = WORDS[..mid].rfind('\n').map_or(0, |i| i + 1);
        let end = WORDS[mid..].find('\n').map_or(bytes.len(), |i| mid + i);
        match WORDS[start..end].cmp(target.as_str()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_acronyms() {
        for w in [
            "SAFE", "section", "Shield", "competes", "aardvark", "zygote",
        ] {
            assert!(is_english_word(w), "{w}");
        }
        for w in ["NATO", "FEMA", "AFISMA", "MINUSMA", "law", "xyzzy"] {
            assert!(!is_english_word(w), "{w}");
        }
    }

    #[test]
    fn built_in_lists() {
        assert_eq!(word_list("# a comment\n\nAL\n AK \n"), vec!["AL", "AK"]);
        for list in [
            include_str!("../../rules/capitalised-words.txt"),
            include_str!("../../rules/state-codes.txt"),
            include_str!("../../rules/name-suffixes.txt"),
            include_str!("../../rules/small-words.txt"),
        ] {
            assert!(word_list(list).len() > 10);
        }
    }

    #[test]
    fn list_is_sorted() {
        let lines: Vec<&str> = WORDS.lines().collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]));
        assert!(lines.len() > 50_000);
    }
}
