//! The long form first: "Long Form (LF)", "long form [LF]", "Homo sapiens (H. sapiens)". The
//! candidate long form is the words before the parenthesis back to a clause mark; how strictly
//! its letters must fit depends on the short form (lower case, one capital, digits, Greek).

use super::definition::{normalize_space, Definition, DefinitionKind};
use super::forms::{balanced, clause_start, contains_word, first_part, holds_definition, unquote};
use super::short_first::loose_long_form;
use crate::analysis::letter_match::{
    initials_match, is_short_form, is_small, letters, schwartz_hearst, words_with_ranges,
};
use crate::analysis::{acronyms, initials};
use std::ops::Range;

/// Greek letters written out, as the second part of a short form ("TNF alpha").
pub(super) const GREEK: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "epsilon", "kappa", "lambda", "sigma", "omega",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Strictness {
    /// Letters in the manner of Schwartz & Hearst, or word initials.
    Usual,
    /// Word initials only.
    Initials,
    /// Word initials, or Schwartz & Hearst within as many words as letters, starting with
    /// the short form's first letter.
    Tight,
}

/// A lower-case short form: two to six ASCII letters and digits, a letter first, and not a
/// small or ordinary word ("mbp", "bpm", "cdks"; not "see", "and", "total").
pub(super) fn is_lower_short_form(s: &str) -> bool {
    (2..=6).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.as_bytes()[0].is_ascii_lowercase()
        && !is_small(s)
        && !crate::analysis::words::is_english_word(s)
        && !matches!(
            s,
            "sic"
                | "ibid"
                | "etc"
                | "viz"
                | "cf"
                | "eg"
                | "ie"
                | "aka"
                | "misc"
                | "approx"
                | "ca"
                | "pp"
                | "vs"
                | "ed"
                | "eds"
                | "trans"
                | "née"
                | "fig"
                | "figs"
                | "ref"
                | "refs"
                | "yes"
                | "no"
                | "not"
                | "all"
                | "one"
                | "two"
                | "six"
                | "ten"
                | "new"
                | "old"
                | "see"
                | "per"
                | "sum"
                | "mean"
                | "max"
                | "min"
        )
}

/// One capital, then lower-case letters and digits: "Prl", "Epo", "Cdk", "Rb1", "Mcm".
pub(super) fn is_single_capital_short_form(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=6).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && b[1..].iter().any(u8::is_ascii_lowercase)
        && !is_small(s)
        && !crate::analysis::words::is_english_word(s)
}

/// The initials a leading digit may stand for: "two" (2D), "six" (6-RM), "first" (1D).
pub(super) fn number_initials(d: char) -> &'static [char] {
    match d {
        '1' => &['O', 'F', 'S'],
        '2' => &['T', 'D', 'B', 'S'],
        '3' => &['T'],
        '4' => &['F', 'Q'],
        '5' => &['F'],
        '6' => &['S'],
        '7' => &['S'],
        '8' => &['E'],
        '9' => &['N'],
        _ => &[],
    }
}

/// "Long Form (LF)", "Long Form (LF; ...)", "Long Form (LF or Other)".
pub(super) fn long_then_short(
    prose: &str,
    sentence_start: usize,
    open: usize,
    inner_range: Range<usize>,
    inner: &str,
    bracket: bool,
) -> Option<Definition> {
    // "([HAVA](...))" in Markdown: the link's brackets around the short form; "(or DEXes)":
    // an alternative name.
    let trimmed = inner.trim_start().trim_start_matches('[');
    let trimmed = trimmed.strip_prefix("or ").unwrap_or(trimmed);
    let lead = inner.len() - trimmed.len();
    let mut short = first_part(trimmed)
        .trim_end()
        .trim_end_matches(']')
        .trim_end();
    // "(EC 1.11.1.9; GPx)": an enzyme number or the like first, the short form after it.
    if !is_short_form(short) {
        if let Some((_, last)) = trimmed.rsplit_once("; ") {
            let last = last.trim_end().trim_end_matches(']').trim_end();
            if is_short_form(last) && acronyms::acronym_base(last).is_some() {
                short = last;
            }
        }
    }
    if let Some((first, _)) = short.split_once(" or ") {
        short = first.trim_end();
    }
    // "(USDA's)": a possessive short form names the acronym.
    for suffix in ["'s", "’s"] {
        if let Some(s) = short.strip_suffix(suffix) {
            short = s;
        }
    }
    // "(FY2020 NDAA; ...)": a fiscal year or year before the acronym.
    if let Some((first, second)) = short.split_once(' ') {
        if first.chars().any(|c| c.is_ascii_digit()) && acronyms::acronym_base(second).is_some() {
            short = second;
        }
    }
    // "Ang II", "PAR 2", "Pol II", "RNase P", "TNF alpha", "MV CBCT": a short form of two
    // parts whose second is a numeral, a capital letter, a Greek letter or a short form.
    let two_part = short.split_once(' ').is_some_and(|(a, b)| {
        let numeral_or_letter = b.chars().all(|c| c.is_ascii_digit())
            || acronyms::is_roman_numeral(b)
            || (b.len() == 1 && b.chars().all(|c| c.is_ascii_uppercase()));
        // "Dyn A": one capital first, then a letter or numeral.
        (is_single_capital_short_form(a) && numeral_or_letter)
            || (is_short_form(a)
                && a.chars().all(|c| c.is_alphabetic())
                && (numeral_or_letter
                    || GREEK.contains(&b)
                    // "MEF cells", "MT genes".
                    || matches!(b, "cells" | "cell" | "genes" | "gene")
                    || (is_short_form(b) && !b.contains(' '))))
    });
    // "Helicobacter pylori (H. pylori)": a species name with its genus abbreviated.
    if let Some(def) = species(prose, sentence_start, open, inner_range.start + lead, short) {
        return Some(def);
    }
    // "progesterone (P)", "diaphragm (D)": one capital letter, the initial of the one word
    // before it.
    // "(II)", "(IV)": a numeral, not a short form.
    if short.len() > 1 && acronyms::is_roman_numeral(short) {
        return None;
    }
    if short.len() == 1 && short.bytes().all(|b| b.is_ascii_uppercase()) && !bracket {
        return single_letter(prose, sentence_start, open, inner_range.start + lead, short);
    }
    // How strictly the letters must fit: a lower-case short form ("mean blood pressure
    // (mbp)") needs the words' initials, one capital and lower case ("prolactin (Prl)",
    // "cyclin-dependent kinase (Cdk)") a tight match.
    let strictness = if two_part || is_short_form(short) {
        Strictness::Usual
    } else if is_lower_short_form(short) && short.len() == 2 {
        // "amino acids (aa)"; not "items (is)".
        Strictness::Initials
    } else if is_lower_short_form(short) || is_single_capital_short_form(short) {
        Strictness::Tight
    } else {
        return None;
    };
    // A plural short form "(PKOs)" names the singular acronym; but "RNA interference
    // (RNAi)" defines "RNAi", whose letters the long form holds as a word.
    let mut near = open.saturating_sub(300).max(sentence_start);
    while !prose.is_char_boundary(near) {
        near += 1;
    }
    let base = acronyms::acronym_base(short)
        .filter(|b| *b == short || !contains_word(&prose[near..open], b))
        .unwrap_or(short);
    let short_range = inner_range.start + lead..inner_range.start + lead + base.len();
    let n = letters(base).len().max(1);
    let max_words = (n + 5).min(n * 2);
    // The candidate: up to max_words words before the parenthesis, within the sentence and
    // after any earlier parenthesis or clause mark.
    let before = &prose[sentence_start..open];
    // Colons stay: Act titles have them ("... Equity Act: A Legacy for Users (SAFETEA-LU)").
    // An unclosed '[' before the long form ends it too: "[tensor palatini (TP)", and the
    // link text "[Foreign Military Sales](...) (FMS)".
    let cut = clause_start(before);
    let region_start = sentence_start + cut;
    let region = prose[region_start..open].trim_end().trim_end_matches(']');
    // "the Voting Rights Act of 1965, as amended (VRA)".
    let region = region.strip_suffix(", as amended").unwrap_or(region);
    let words = words_with_ranges(region);
    if words.is_empty() {
        return None;
    }
    let base_letters = letters(base);
    let usable = |candidate: &str, s: usize| {
        let long = &candidate[s..];
        // "John W. McCormack (MA)": a state code after one capitalised word is a state after a
        // name, not a definition ("gentamicin (GM)" and "Education (ED)" are definitions).
        // A word that starts the sentence is not a name before a state ("Mastoparan (MP)").
        let starts_sentence = prose
            [sentence_start..region_start + (long.as_ptr() as usize - region.as_ptr() as usize)]
            .trim()
            .is_empty();
        let one_word = !long
            .trim()
            .contains(|c: char| c.is_whitespace() || c == '-')
            && long.trim().starts_with(char::is_uppercase)
            && !starts_sentence;
        long.chars().count() > base.chars().count()
            && !contains_word(long, base)
            && !(one_word && acronyms::STATE_CODES.contains(&base))
    };
    // "two-dimensional (2D)", "six-repetition maximum (6-RM)": a leading digit stands for
    // its number word's initial (by word initials only).
    let number_letters: Vec<Vec<char>> = match base.chars().next() {
        Some(d @ '1'..='9') => number_initials(d)
            .iter()
            .map(|&c| {
                std::iter::once(c)
                    .chain(base_letters.iter().copied())
                    .collect()
            })
            .collect(),
        _ => Vec::new(),
    };
    let try_window = |first_word: usize| {
        let cand_start = words[first_word].0.start;
        let candidate = &region[cand_start..];
        let by_initials = initials_match(&base_letters, candidate).or_else(|| {
            number_letters
                .iter()
                .find_map(|l| initials_match(l, candidate))
        });
        if by_initials.is_some() {
            return by_initials
                .filter(|&s| usable(candidate, s))
                .map(|s| cand_start + s);
        }
        // In square brackets (mostly editorial insertions) only an acronym of capitals, or
        // a tight match: "electroencephalogram [EEG]", "confidence interval [Cl]".
        let upper = base.chars().filter(|c| c.is_uppercase()).count();
        let caps = (upper >= 2 && base.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
            || (upper == 1 && base.chars().next().is_some_and(char::is_uppercase));
        if (bracket && !caps && strictness != Strictness::Tight)
            || strictness == Strictness::Initials
        {
            return None;
        }
        let tight = |s: usize| {
            strictness != Strictness::Tight || {
                let long = &candidate[s..];
                // A lower-case short form abbreviates lower-case words ("mean blood
                // pressure (mbp)"), not a name in capitals.
                let lower = base.chars().all(|c| !c.is_uppercase());
                // Words, not a file name or a path ("collections.html", "urls/#slug"); and
                // not a name ("Thomas (Tom)"): a capitalised long form only at the start of
                // the sentence.
                let words_only = long
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | ',' | '\''));
                let mut chars = long.chars();
                let capitalised = chars.next().is_some_and(char::is_uppercase)
                    && chars.next().is_some_and(char::is_lowercase)
                    && !prose[sentence_start..region_start + cand_start + s]
                        .trim()
                        .is_empty();
                words_only
                    && !capitalised
                    && (!lower
                        || !long
                            .split_whitespace()
                            .any(|w| acronyms::acronym_base(w).is_some()))
                    && long.split([' ', '-']).filter(|w| !w.is_empty()).count()
                        <= base_letters.len()
                    && long.chars().next().is_some_and(|c| {
                        c.to_lowercase().eq(base
                            .chars()
                            .next()
                            .into_iter()
                            .flat_map(char::to_lowercase))
                    })
            }
        };
        // In brackets, letters inside words only for a long form of plain words with no
        // clause in it ("electroencephalogram [EEG]", not "infrastructure, such as [ITU]").
        let plain = |s: usize| {
            !bracket || {
                let long = &candidate[s..];
                !long.contains(',') && !long.split_whitespace().any(is_small)
            }
        };
        by_initials
            .or_else(|| schwartz_hearst(base, candidate))
            .filter(|&s| usable(candidate, s) && tight(s) && plain(s))
            .map(|s| cand_start + s)
    };
    let plain_window = words.len().saturating_sub(max_words);
    // A name in capitals may take more small words than the window allows ("Administrative
    // Office of the U.S. Courts (AO)"): small words are then not counted.
    let mut wide_window = words.len();
    let mut counted = 0;
    while wide_window > 0 && counted < n + 5 {
        wide_window -= 1;
        if !is_small(words[wide_window].1) {
            counted += 1;
        }
    }
    let found = try_window(plain_window).or_else(|| {
        let s = try_window(wide_window)?;
        let capitalised = region[s..]
            .split_whitespace()
            .filter(|w| !is_small(w))
            .all(|w| w.starts_with(char::is_uppercase));
        capitalised.then_some(s)
    });
    let cand_start = 0;
    let candidate = region;
    // "(GPO, 2025)": a publisher in a citation, not a definition, unless the letters fit.
    let rest = trimmed.trim_end().trim_end_matches(']').trim_end();
    let alone = rest == short || rest == base;
    let (long_start, fits) = match found {
        Some(s) => (cand_start + s, true),
        None if !alone || bracket || strictness != Strictness::Usual => return None,
        // A loose definition needs an acronym of three or more capitals: "(MA)" after a name
        // is a state, "(D-OH)" a party and state.
        // "(R-KY)" after a name is a party and state; "(ACV-P)" after "Personnel Variant" is a
        // definition.
        None if letters(base).len() < 3
            || !base.chars().all(|c| c.is_ascii_uppercase() || c == '-')
            || base.split('-').next().is_some_and(|p| p.len() < 2) =>
        {
            return None
        }
        None => match loose_long_form(candidate) {
            Some(s) => (cand_start + s, false),
            // "formed police units (FPC)": the words the acronym was meant for.
            None => (
                cand_start + initials::near_miss(base, candidate)?.words[0].0,
                false,
            ),
        },
    };
    let long_range = region_start + long_start..region_start + region.len();
    let (long_range, long) = unquote(prose, long_range);
    if long.is_empty() || !balanced(&long) || holds_definition(&long) {
        return None;
    }
    Some(Definition {
        short: base.to_string(),
        written: short.to_string(),
        long,
        short_range,
        long_range,
        kind: DefinitionKind::LongThenShort,
        fits,
    })
}

/// "Helicobacter pylori (H. pylori)": the short form is the genus's initial, a period and the
/// species, and the two words before the parenthesis are that genus and species.
pub(super) fn species(
    prose: &str,
    sentence_start: usize,
    open: usize,
    short_at: usize,
    short: &str,
) -> Option<Definition> {
    let (genus, name) = short.split_once(". ")?;
    if genus.len() != 1
        || !genus.bytes().all(|b| b.is_ascii_uppercase())
        || name.is_empty()
        || !name.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let before = prose[sentence_start..open].trim_end();
    let mut words = before.rsplitn(3, ' ');
    let last = words.next()?;
    let first = words.next()?;
    if !last.eq_ignore_ascii_case(name)
        || !first.starts_with(genus)
        || first.len() < 3
        || !first.chars().skip(1).all(|c| c.is_ascii_lowercase())
    {
        return None;
    }
    let long_start = sentence_start + before.len() - last.len() - 1 - first.len();
    let long = &prose[long_start..sentence_start + before.len()];
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long),
        short_range: short_at..short_at + short.len(),
        long_range: long_start..long_start + long.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}

/// "progesterone (P)": a single capital after one word of four or more letters that starts
/// with it, the word not a small word and not capitalised inside a sentence (a name).
pub(super) fn single_letter(
    prose: &str,
    sentence_start: usize,
    open: usize,
    short_at: usize,
    short: &str,
) -> Option<Definition> {
    let before = prose[sentence_start..open].trim_end();
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let first = word.chars().next()?;
    if word.chars().count() < 4
        || !first.to_uppercase().eq(short.chars())
        || is_small(word)
        || !before[..word_start].is_empty() && !before[..word_start].ends_with(' ')
    {
        return None;
    }
    let long_start = sentence_start + word_start;
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: word.to_string(),
        short_range: short_at..short_at + 1,
        long_range: long_start..long_start + word.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}
