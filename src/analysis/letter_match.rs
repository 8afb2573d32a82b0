//! Whether a short form's letters fit a long form. Word initials are tried first, as they give
//! the tightest long form; then letters are matched in the manner of Schwartz & Hearst (2003):
//! each letter of the short form is found, right to left, in the long form, the first one at the
//! start of a word. Definitions and near-miss expansions (`initials`) both ask.

use super::words;
use std::ops::Range;
use std::sync::LazyLock;

/// Words that an acronym's letters may skip (`rules/small-words.txt`).
pub static SMALL_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words::word_list(include_str!("../../rules/small-words.txt")));

/// Whether a parenthesised token can be a short form: 2–10 characters, a letter, starting with a
/// letter or digit, at least one capital, and not an ordinary capitalised word ("Figure").
pub fn is_short_form(s: &str) -> bool {
    let n = s.chars().count();
    if !(2..=10).contains(&n) || s.contains(char::is_whitespace) {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if !first.is_alphanumeric() || !s.chars().any(char::is_alphabetic) {
        return false;
    }
    if !s
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '&' | '.'))
    {
        // "FEV(1)", "NAD(P)H", "IK(N)": a glued parenthesis inside, balanced, after a letter.
        if !glued_parentheses(s) {
            return false;
        }
    }
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    if upper == 0 {
        return false;
    }
    // "Figure", "China", "Dec.": one capital, then only lower-case letters (and a period).
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    let period = usize::from(s.ends_with('.'));
    !(upper == 1 && first.is_uppercase() && lower >= 2 && lower + 1 + period == n)
}

/// Whether the only characters besides letters, digits and `-/&.+` are balanced parentheses
/// glued to what comes before them ("FEV(1)", "NAD(P)H"), not at the start.
fn glued_parentheses(s: &str) -> bool {
    let mut depth = 0i32;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        match c {
            '(' => {
                if !prev.is_some_and(char::is_alphanumeric) {
                    return false;
                }
                depth += 1;
            }
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            c if c.is_alphanumeric() || matches!(c, '-' | '/' | '&' | '.') => {}
            _ => return false,
        }
        prev = Some(c);
    }
    // "Sd(+)": a sign in parentheses is a variant, not part of an abbreviation.
    depth == 0 && s.contains('(') && !s.contains("(+)") && !s.contains("(-)")
}

/// Schwartz–Hearst letter matching. Returns the byte offset in `long` where the long form
/// starts, or None when the letters cannot all be found.
pub fn schwartz_hearst(short: &str, long: &str) -> Option<usize> {
    schwartz_hearst_chars(short, long).or_else(|| {
        // "retinoblastoma (Rb1)", "inositol 1,4,5-trisphosphate (IP3)": a number at the end of
        // the short form need not be in the long form.
        // Only one digit right after a letter, in a short form of three or four characters.
        let letters_only = short.trim_end_matches(|c: char| c.is_ascii_digit());
        let digit = (letters_only.len() + 1 == short.len()
            && (3..=4).contains(&short.len())
            && letters_only.chars().all(char::is_alphabetic))
        .then(|| schwartz_hearst_chars(letters_only, long))
        .flatten();
        // "interrupted aortic arch (IAA-B)", "partial least squares (PLS-1)": a type letter
        // or number after a hyphen names a variant of what the letters before it spell.
        digit.or_else(|| {
            let (stem, variant) = short.rsplit_once('-')?;
            let variant_ok = (variant.len() == 1
                && variant.chars().all(|c| c.is_ascii_uppercase()))
                || ((1..=2).contains(&variant.len())
                    && variant.chars().all(|c| c.is_ascii_digit()));
            (variant_ok && stem.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .then(|| schwartz_hearst_chars(stem, long))
                .flatten()
        })
    })
}

fn schwartz_hearst_chars(short: &str, long: &str) -> Option<usize> {
    let s: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    let l: Vec<(usize, char)> = long
        .char_indices()
        .map(|(i, c)| (i, c.to_lowercase().next().unwrap_or(c)))
        .collect();
    let mut si = s.len() as isize - 1;
    let mut li = l.len() as isize - 1;
    while si >= 0 {
        let c = s[si as usize];
        if !c.is_alphanumeric() {
            si -= 1;
            continue;
        }
        loop {
            if li < 0 {
                return None;
            }
            let lc = l[li as usize].1;
            let at_word_start = li == 0 || !l[li as usize - 1].1.is_alphanumeric();
            if lc == c && (si != 0 || at_word_start) {
                break;
            }
            li -= 1;
        }
        li -= 1;
        si -= 1;
    }
    // The long form starts at the first matched letter, which is at the start of a word or of a
    // hyphenated part: "non-high-density lipoprotein (HDL)" gives "high-density lipoprotein".
    // Chemical prefixes stay: "3-hydroxy-3-methylglutaryl-CoA", "1,1-dideuterio-...": a prefix of
    // digits, punctuation and single letters is part of the name.
    let matched = (li + 1) as usize;
    let word_start = l[..matched]
        .iter()
        .rposition(|&(_, c)| c.is_whitespace() || matches!(c, '[' | '(' | '"' | '“' | '/'))
        .map_or(0, |p| p + 1);
    let prefix: String = l[word_start..matched].iter().map(|&(_, c)| c).collect();
    // Chemical and Greek-letter prefixes stay ("3-hydroxy-...", "alpha-1-antitrypsin
    // deficiency (ATD)", "delta-9-tetrahydrocannabinol (THC)"); other prefixes of the word
    // ("non-", "anti-") and anything before a dash ("malformations--persistent") do not.
    let letter_runs_short = prefix
        .split(|c: char| !c.is_alphabetic())
        .all(|run| run.chars().count() <= 1 || GREEK_PREFIXES.contains(&run));
    let start = if letter_runs_short && !prefix.contains("--") {
        word_start
    } else {
        matched
    };
    Some(l.get(start).map_or(0, |&(i, _)| i))
}

/// Greek letters that begin chemical and biological names ("alpha-1-antitrypsin").
const GREEK_PREFIXES: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "epsilon", "kappa", "omega", "Alpha", "Beta", "Gamma",
    "Delta", "Epsilon", "Kappa", "Omega",
];

/// Letters of a short form, upper-cased, digits and punctuation dropped.
pub(super) fn letters(short: &str) -> Vec<char> {
    short
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The words of a candidate long form, each with its byte range, splitting on white space and
/// keeping hyphenated compounds whole.
pub(super) fn words_with_ranges(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s..i, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

pub(super) fn is_small(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    words::is_one_of(w, &SMALL_WORDS)
}

/// The first letter of each part of a word: "African-led" gives A, L; "Co-operation" C, O.
fn part_initials(word: &str) -> Vec<char> {
    word.split(['-', '/', '–'])
        .filter_map(|p| p.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Tries an exact match of the short form's letters on the initials of the last words of the
/// candidate (small words may be skipped, hyphenated parts may count). Returns the start offset.
pub(super) fn initials_match(short: &[char], candidate: &str) -> Option<usize> {
    let words = words_with_ranges(candidate);
    let mut failed = std::collections::HashSet::new();
    initials_from(short, &words, words.len(), short.len(), &mut failed)
}

/// Matches the first `need` letters of `short` on the initials of `words[..wi]`, walking back
/// from the end; small words are skipped when they can be ("Office of Personnel Management" for
/// OPM takes O from "Office", not from "of"). Returns the start of the first word used.
fn initials_from(
    short: &[char],
    words: &[(Range<usize>, &str)],
    wi: usize,
    need: usize,
    failed: &mut std::collections::HashSet<(usize, usize)>,
) -> Option<usize> {
    if wi == 0 || failed.contains(&(wi, need)) {
        return None;
    }
    let (range, w) = &words[wi - 1];
    // "Inflation Reduction Act of 2022, or IRA": a year at the end gives no letter.
    let number = w.trim_matches(|c: char| !c.is_alphanumeric());
    if need == short.len() && !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) {
        return initials_from(short, words, wi - 1, need, failed);
    }
    let initials = part_initials(w);
    if initials.is_empty() {
        return None;
    }
    let mut options: Vec<usize> = Vec::with_capacity(3);
    if is_small(w) {
        options.push(0);
    }
    if initials.len() > 1
        && initials.len() <= need
        && short[need - initials.len()..need] == initials[..]
    {
        options.push(initials.len());
    }
    if short[need - 1] == initials[0] {
        options.push(1);
    }
    for used in options {
        if used == 0 {
            if let Some(start) = initials_from(short, words, wi - 1, need, failed) {
                return Some(start);
            }
        } else if used == need {
            return Some(range.start);
        } else if let Some(start) = initials_from(short, words, wi - 1, need - used, failed) {
            return Some(start);
        }
    }
    failed.insert((wi, need));
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schwartz_hearst_examples() {
        let sh = |s, l: &str| schwartz_hearst(s, l).map(|i| l[i..].to_string());
        assert_eq!(
            sh(
                "AFISMA",
                "from the African-led International Support Mission in Mali"
            )
            .as_deref(),
            Some("African-led International Support Mission in Mali")
        );
        assert_eq!(
            sh("PKO", "to support a peacekeeping operation").as_deref(),
            Some("peacekeeping operation")
        );
        assert_eq!(
            sh("MINUSMA", "peacekeepers to the UN Multidimensional"),
            None
        );
    }

    #[test]
    fn initials_first() {
        let l: Vec<char> = "GOA".chars().collect();
        let c = "operations in the Gulf of  Aden";
        assert_eq!(
            initials_match(&l, c).map(|i| &c[i..]),
            Some("Gulf of  Aden")
        );
        let l: Vec<char> = "AFISMA".chars().collect();
        assert_eq!(
            initials_match(&l, "African-led International Support Mission in Mali"),
            None
        );
    }

    #[test]
    fn short_forms() {
        assert!(is_short_form("PKO"));
        assert!(is_short_form("AfDB"));
        assert!(is_short_form("5HT"));
        assert!(!is_short_form("Figure"));
        assert!(!is_short_form("2013"));
        assert!(!is_short_form("see above"));
    }
}
