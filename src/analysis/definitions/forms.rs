//! Definitions written in the running text: "Long Form (LF)", "LF (Long Form)", "(long form,
//! LF)", legend entries "LF = Long Form" and "long form, or LF". Each form decides where its
//! candidate long form lies; `letter_match` decides whether the letters fit.

use super::definition::{normalize_space, Definition, DefinitionKind};
use crate::analysis::letter_match::{
    initials_match, is_short_form, is_small, letters, schwartz_hearst, words_with_ranges,
};
use crate::analysis::sentences::Sentence;
use crate::analysis::tokens::{Token, TokenKind};
use crate::analysis::{acronyms, initials};
use std::ops::Range;

/// The definitions written in the running text, in the order found: parentheses first, then
/// legends and "or" forms.
pub(super) fn in_text_definitions(
    prose: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut sentence_idx = 0usize;
    for (i, tok) in tokens.iter().enumerate() {
        let (opener, closer) = match &prose[tok.range()] {
            "(" => ('(', ')'),
            "[" => ('[', ']'),
            _ => continue,
        };
        if tok.kind() != TokenKind::Punct {
            continue;
        }
        let open = tok.start();
        // "P(ves1)", "J(eff)", "NAD(P)H": a parenthesis glued to a word is notation, not a
        // definition, unless it holds an acronym ("clozapine(CLP)").
        if !tok.space_before()
            && prose[..open]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            let inner_word: String = prose[open + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            if acronyms::acronym_base(&inner_word).is_none()
                || !prose[open + 1 + inner_word.len()..].starts_with(')')
            {
                continue;
            }
        }
        let Some(close_rel) = matching_close(&prose[open + 1..], opener, closer) else {
            continue;
        };
        let inner_range = open + 1..open + 1 + close_rel;
        let inner = &prose[inner_range.clone()];
        while sentence_idx < sentences.len() && sentences[sentence_idx].range.end <= open {
            sentence_idx += 1;
        }
        let sentence_start = sentences
            .get(sentence_idx)
            .map_or(0, |s| s.range.start.min(open));
        let bracket = opener == '[';
        // "[ABI]: ../reference/...", "[ABI](...)", "[ABI][abi]": a link or a link reference
        // definition, not a short form in brackets.
        let after_close = &prose[inner_range.end + 1..];
        let line_start = prose[..open].trim_end_matches([' ', '\t']).ends_with('\n') || open == 0;
        if bracket
            && (after_close.starts_with(['(', '[']) || (after_close.starts_with(':') && line_start))
        {
            continue;
        }
        if let Some(def) = long_then_short(
            prose,
            sentence_start,
            open,
            inner_range.clone(),
            inner,
            bracket,
        ) {
            out.push(def);
        } else if let Some(def) = short_then_long(prose, tokens, i, inner_range.clone(), inner) {
            // "LF (Long Form)", and "IHEs [institutions of higher education]": an expansion
            // in brackets after the use (word initials only, as ever for this form).
            out.push(def);
        } else if bracket {
            // Square brackets in prose are mostly editorial insertions in quotations; only the
            // tightest forms above are taken.
        } else if let Some(def) = pair_in_parentheses(inner_range.clone(), inner) {
            out.push(def);
        } else if let Some(def) = shared_head(prose, open, inner_range) {
            out.push(def);
        }
    }
    for i in 0..tokens.len() {
        if let Some(def) = equals_legend(prose, tokens, i)
            .or_else(|| or_short(prose, tokens, i))
            .or_else(|| stands_for(prose, tokens, i))
        {
            out.push(def);
        }
    }
    out
}

/// Whether every parenthesis and bracket in `s` is closed in order.
fn balanced(s: &str) -> bool {
    let mut stack = Vec::new();
    for c in s.chars() {
        match c {
            '(' | '[' => stack.push(c),
            ')' if stack.pop() != Some('(') => return false,
            ']' if stack.pop() != Some('[') => return false,
            _ => {}
        }
    }
    stack.is_empty()
}

/// Whether a long form holds another definition's short form in parentheses ("clozapine(CLP)
/// and its metabolite"): it is then two things, not one.
fn holds_definition(long: &str) -> bool {
    long.match_indices('(').any(|(i, _)| {
        let inner: String = long[i + 1..].chars().take_while(|c| *c != ')').collect();
        inner.chars().filter(|c| c.is_uppercase()).count() >= 2
            && acronyms::acronym_base(&inner).is_some()
    })
}

/// Greek letters written out, as the second part of a short form ("TNF alpha").
const GREEK: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "epsilon", "kappa", "lambda", "sigma", "omega",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strictness {
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
fn is_lower_short_form(s: &str) -> bool {
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
fn is_single_capital_short_form(s: &str) -> bool {
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
fn number_initials(d: char) -> &'static [char] {
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

/// Where the candidate long form may start in `before` (the sentence up to the parenthesis):
/// after the last ')', ';', '(', '=' or '['. A parenthesised part glued to a word is part of
/// the long form ("Ca(2+)-ATPase (PMCA)", "c-Jun NH(2)-terminal kinase (JNK)",
/// "7,12-dimethylbenz(a)anthracene (DMBA)").
fn clause_start(before: &str) -> usize {
    let b = before.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' => {
                // Find its opener; glued to a letter or digit before it, skip the group.
                let (open, close) = if b[i] == b')' {
                    (b'(', b')')
                } else {
                    (b'[', b']')
                };
                let mut depth = 0;
                let mut j = i;
                let mut opener = None;
                // A glued group is short: look no further back than that.
                while j > 0 && i - j <= 12 {
                    j -= 1;
                    if b[j] == close {
                        depth += 1;
                    } else if b[j] == open {
                        if depth == 0 {
                            opener = Some(j);
                            break;
                        }
                        depth -= 1;
                    }
                }
                match opener {
                    Some(o) if o > 0 && b[o - 1].is_ascii_alphanumeric() && i - o <= 12 => i = o,
                    _ if b[i] == b']' => {}
                    _ => return i + 1,
                }
            }
            b';' | b'(' | b'=' | b'[' => return i + 1,
            _ => {}
        }
    }
    0
}

/// The text before the first ';' or ',' (a comma between digits, as in "Fru-2,6-P(2)", does
/// not count).
fn first_part(inner: &str) -> &str {
    let b = inner.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        // "Fru-2,6-P(2)", "99mTc-L,L-EC": a comma with no space after it joins parts.
        let between_digits =
            c == b',' && i > 0 && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c == b';' || (c == b',' && !between_digits) {
            return &inner[..i];
        }
    }
    inner
}

/// The offset of the bracket that closes one opened just before `rest`, within 400 characters.
/// A bracket nested inside counts only when glued to the character before it ("(FEV(1))",
/// "(NAD(P)H)"); any other nested opener gives up, as a parenthesis inside a parenthesis is
/// rarely a definition.
fn matching_close(rest: &str, opener: char, closer: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut prev = ' ';
    for (j, c) in rest.char_indices().take(400) {
        if c == opener {
            if prev.is_whitespace() || depth >= 2 {
                return None;
            }
            depth += 1;
        } else if c == closer {
            if depth == 0 {
                return Some(j);
            }
            depth -= 1;
        }
        prev = c;
    }
    None
}

/// "Long Form (LF)", "Long Form (LF; ...)", "Long Form (LF or Other)".
fn long_then_short(
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
fn species(
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
fn single_letter(
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

/// "scanning (SEM) and transmission (TEM) electron microscopy", "the polychromatic (PCE) and
/// normochromatic (NCE) erythrocytes": modifiers that share the words after them. The
/// acronym's first letter is its modifier's initial and the rest are the initials of the
/// shared words, which follow after at most "and", one word and one parenthesis.
fn shared_head(prose: &str, open: usize, inner_range: Range<usize>) -> Option<Definition> {
    let short = &prose[inner_range.clone()];
    let n = short.chars().count();
    if !(3..=5).contains(&n) || !short.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let before = prose[..open].trim_end();
    let w_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let modifier = &before[w_start..];
    if modifier.len() < 4
        || !modifier.bytes().all(|b| b.is_ascii_lowercase())
        || !modifier.starts_with(short[..1].to_ascii_lowercase().as_str())
    {
        return None;
    }
    // The words after the parenthesis, skipping "and <word> (<...>)" once.
    let after = &prose[inner_range.end + 1..];
    let mut words: Vec<&str> = after.split_whitespace().take(8).collect();
    if words.first().is_some_and(|w| *w == "and" || *w == "or")
        && words
            .get(2)
            .is_some_and(|w| w.starts_with('(') && w.ends_with(')'))
    {
        words.drain(..3);
    }
    let shared: Vec<&str> = words.into_iter().take(n - 1).collect();
    if shared.len() != n - 1
        || !shared
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return None;
    }
    let initials: String = shared
        .iter()
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_ascii_uppercase();
    if initials != short[1..] {
        return None;
    }
    let long = format!("{modifier} {}", shared.join(" "));
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long,
        short_range: inner_range.clone(),
        long_range: w_start..w_start + modifier.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}

/// "(blood-brain barrier, BBB)": the long form and the short form together in parentheses.
fn pair_in_parentheses(inner_range: Range<usize>, inner: &str) -> Option<Definition> {
    let (long, short) = inner.rsplit_once(", ")?;
    let short = short.trim();
    let long_trimmed = long.trim_start();
    let lead = long.len() - long_trimmed.len();
    if !is_short_form(short) || long_trimmed.split_whitespace().count() < 2 {
        return None;
    }
    let start = initials_match(&letters(short), long_trimmed)
        .or_else(|| schwartz_hearst(short, long_trimmed))?;
    if !long_trimmed[..start].trim().is_empty() {
        return None;
    }
    let long_start = inner_range.start + lead;
    let short_start = inner_range.start + inner.rfind(short)?;
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long_trimmed),
        short_range: short_start..short_start + short.len(),
        long_range: long_start..long_start + long_trimmed.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}

/// A legend entry "HIMARS = High Mobility Artillery Rocket Systems", ended by ';', ',', '.' or
/// a line break. It defines the acronym wherever it stands, like a glossary.
fn equals_legend(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word {
        return None;
    }
    let eq = tokens.get(i + 1)?;
    let sep = &prose[eq.range()];
    if sep != ":" && sep != "=" {
        return None;
    }
    // "SF = Long Form" anywhere; "SF: Long Form" only where a legend entry starts (after
    // "Notes:", a ';' or at the start of a line).
    let legend_start = i == 0 || {
        let prev = &prose[tokens[i - 1].range()];
        matches!(prev, ";" | ":" | "*") || prose[tokens[i - 1].end()..tok.start()].contains('\n')
    };
    let colon = sep == ":" && !eq.space_before() && legend_start;
    if !(colon || sep == "=" && eq.space_before()) {
        return None;
    }
    let short = acronyms::acronym_base(&prose[tok.range()])?;
    let rest_start = eq.end();
    let rest = &prose[rest_start..];
    let end = rest.find([';', ',', '\n', '|']).unwrap_or(rest.len());
    let long_text = rest[..end].trim_end().trim_end_matches('.');
    let long_trimmed = long_text.trim_start();
    let lead = long_text.len() - long_trimmed.len();
    // "SM = Servicemember" may be one word; after a colon the initials must match exactly.
    let words = long_trimmed.split_whitespace().count();
    let start = if colon {
        if words < 2 {
            return None;
        }
        initials_match(&letters(short), long_trimmed)?
    } else {
        initials_match(&letters(short), long_trimmed)
            .or_else(|| schwartz_hearst(short, long_trimmed))?
    };
    if start != 0 {
        return None;
    }
    let long_start = rest_start + lead;
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long_trimmed),
        short_range: tok.start()..tok.start() + short.len(),
        long_range: long_start..long_start + long_trimmed.len(),
        kind: DefinitionKind::Glossary,
        fits: true,
    })
}

/// "mileage-based road user charges, or RUCs": an acronym after "or" whose letters are the
/// initials of the words just before (initials only: "or" joins many things).
fn or_short(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word || i < 2 {
        return None;
    }
    let or = &tokens[i - 1];
    if &prose[or.range()] != "or" {
        return None;
    }
    let written = &prose[tok.range()];
    let short = acronyms::acronym_base(written)?;
    // The words before "or", after an optional comma, back to a clause mark.
    let mut end = or.start();
    let before = prose[..end].trim_end();
    end = before.len();
    let before = before.strip_suffix(',').unwrap_or(before);
    let from = before
        .rfind(['(', ')', ';', ':', '.', ',', '\n'])
        .map_or(0, |p| p + 1);
    let candidate = &prose[from..before.len()];
    let start = initials_match(&letters(short), candidate)?;
    let long = normalize_space(&candidate[start..]);
    if long.split_whitespace().count() < 2 {
        return None;
    }
    let _ = end;
    Some(Definition {
        short: short.to_string(),
        written: written.to_string(),
        long,
        short_range: tok.start()..tok.start() + short.len(),
        long_range: from + start..before.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}

/// Markup that may wrap a term or its expansion in Markdown: emphasis, code, quotes.
const MARKUP: &[char] = &['_', '*', '`', '"', '“', '”', '‘', '’', '\''];

/// "CLI stands for command-line interface", "_TOML_ is short for _Tom's Obvious, Minimal
/// Language_", "ARV is an abbreviation for Advanced Reconnaissance Vehicle", "IPA is an acronym
/// of ...": the expansion runs to the end of the clause, and its letters must fit from its
/// first word.
fn stands_for(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word {
        return None;
    }
    // "_CLI_": emphasis glued to the term.
    let raw = &prose[tok.range()];
    let written = raw.trim_matches('_');
    let short_at = tok.start() + (raw.len() - raw.trim_start_matches('_').len());
    let short = acronyms::acronym_base(written)?;
    // The words after the acronym (markup around it skipped), as plain text.
    let rest_start = tok.end();
    let rest = &prose[rest_start..];
    // Markup masked to spaces in Markdown, or left in plain text.
    let is_markup = |c: char| MARKUP.contains(&c) || c == ' ';
    let rest = rest.trim_start_matches(is_markup);
    if rest.len() == prose.len() - rest_start {
        return None;
    }
    let skipped = prose.len() - rest_start - rest.len();
    let lead = [
        "stands for ",
        "is short for ",
        "is an abbreviation for ",
        "is an abbreviation of ",
        "is an acronym for ",
        "is an acronym of ",
    ]
    .iter()
    .find(|l| rest.starts_with(*l))?;
    let body_at = rest_start + skipped + lead.len();
    let body = &prose[body_at..];
    let body = body.strip_prefix("the ").unwrap_or(body);
    let body_at = prose.len() - body.len();
    let trimmed = body.trim_start_matches(is_markup);
    let long_at = body_at + (body.len() - trimmed.len());
    let end = trimmed
        .find(['.', ';', ':', '(', '\n', '!', '?'])
        .unwrap_or(trimmed.len());
    let clause = trimmed[..end].trim_end();
    let fits = |long: &str| {
        initials_match(&letters(short), long) == Some(0) || schwartz_hearst(short, long) == Some(0)
    };
    // "... interface, a text interface": an apposition after a comma is not the expansion,
    // but a comma inside it can be ("Tom's Obvious, Minimal Language"): the shortest run of
    // comma-separated parts that the letters fit.
    let mut long = None;
    for (at, _) in clause
        .match_indices(',')
        .chain(std::iter::once((clause.len(), "")))
    {
        let candidate = clause[..at].trim_end_matches(is_markup);
        if fits(candidate) {
            long = Some(candidate);
            break;
        }
    }
    let long = long?;
    if long.split_whitespace().count() > letters(short).len() + 4 {
        return None;
    }
    Some(Definition {
        short: short.to_string(),
        written: written.to_string(),
        long: normalize_space(long),
        short_range: short_at..short_at + short.len(),
        long_range: long_at..long_at + long.len(),
        kind: DefinitionKind::Glossary,
        fits: true,
    })
}

/// When the letters do not fit ("UN Multidimensional Integrated Stabilization Mission in Mali
/// (MINUSMA)"), the run of capitalised words before the parenthesis is the long form; it needs
/// at least two capitalised words.
fn loose_long_form(candidate: &str) -> Option<usize> {
    let words = words_with_ranges(candidate);
    let mut start = None;
    let mut capitalised = 0;
    for (range, w) in words.iter().rev() {
        let first = w.chars().next()?;
        // The phrase stops at a clause mark: "Jason A. Smith, Parliamentarian".
        if w.ends_with([',', '.', ';']) && start.is_some() {
            break;
        }
        if first.is_uppercase() {
            capitalised += 1;
            start = Some(range.start);
        } else if is_small(w) && start.is_some() {
            continue;
        } else {
            break;
        }
    }
    (capitalised >= 2).then_some(start?)
}

/// "LF (Long Form)": an acronym followed by its expansion in parentheses; the letters must fit
/// and the expansion must start where the match starts.
fn short_then_long(
    prose: &str,
    tokens: &[Token],
    paren: usize,
    inner_range: Range<usize>,
    inner: &str,
) -> Option<Definition> {
    let prev = paren.checked_sub(1).map(|p| &tokens[p])?;
    if prev.kind() != TokenKind::Word || !tokens[paren].space_before() {
        return None;
    }
    let short = &prose[prev.range()];
    let base = acronyms::acronym_base(short)?;
    if base.chars().any(char::is_lowercase) {
        return None;
    }
    let long_text = inner.trim();
    let words = words_with_ranges(long_text);
    let n = base.len();
    if words.len() < 2 || words.len() > n + 4 {
        return None;
    }
    if !long_text.chars().next()?.is_alphabetic() {
        return None;
    }
    let start =
        // The reverse form is rarer and parentheses after an acronym hold many other things
        // ("EDA (e.g., Regional Innovation Strategies)"): only word initials are accepted.
        initials_match(&letters(base), long_text)?;
    // The expansion must be the whole parenthesis, allowing a leading "the".
    let lead = &long_text[..start];
    if !lead.trim().is_empty() && !lead.trim().eq_ignore_ascii_case("the") {
        return None;
    }
    let offset = inner_range.start + (inner.len() - inner.trim_start().len());
    Some(Definition {
        short: base.to_string(),
        written: base.to_string(),
        long: normalize_space(&long_text[start..]),
        short_range: prev.start()..prev.start() + base.len(),
        long_range: offset + start..offset + long_text.len(),
        kind: DefinitionKind::ShortThenLong,
        fits: true,
    })
}

/// Drops quotation marks around a long form ("“astigmatic intensity equation” (AIE)").
fn unquote(prose: &str, mut range: Range<usize>) -> (Range<usize>, String) {
    const QUOTES: &[char] = &['"', '“', '”', '\'', '‘', '’'];
    // A long form never starts with a slash or a dash: "FEV1)/forced vital capacity (FVC)".
    let text = &prose[range.clone()];
    let text_start = text.trim_start_matches(['/', '-', '–', '+']);
    range.start += text.len() - text_start.len();
    let text = text_start;
    let inner = text.trim_start_matches(QUOTES);
    range.start += text.len() - inner.len();
    let inner = inner.trim_end_matches(QUOTES);
    range.end = range.start + inner.len();
    (range.clone(), normalize_space(&prose[range]))
}

fn contains_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

#[cfg(test)]
mod tests {
    fn defs(text: &str) -> Vec<(String, String)> {
        let d = crate::source::Document::new("t", text, crate::source::Format::Text);
        crate::analysis::Analysis::new(&d)
            .definitions
            .into_iter()
            .map(|d| (d.short, d.long))
            .collect()
    }

    #[test]
    fn a_curly_apostrophe_before_a_parenthesis_is_no_panic() {
        // The shared-head form looked for the modifier one byte after the apostrophe.
        assert!(defs("The agency’s (ABCD) report was read.").is_empty());
        assert!(defs("The agency’ (ABCD) report was read.").is_empty());
    }

    #[test]
    fn definitions_in_both_orders_and_other_forms() {
        let pair = |s: &str, l: &str| (s.to_string(), l.to_string());
        assert_eq!(
            defs("China deployed the People’s Liberation Army (PLA) to Mali."),
            vec![pair("PLA", "People’s Liberation Army")]
        );
        assert_eq!(
            defs("The ICC (Interregional Coordination Centre) sits in Yaoundé."),
            vec![pair("ICC", "Interregional Coordination Centre")]
        );
        assert_eq!(
            defs("It has contributed formed police units (FPUs) since 2004."),
            vec![pair("FPU", "formed police units")]
        );
        assert_eq!(
            defs("in the endothelium (blood-brain barrier, BBB), and in"),
            vec![pair("BBB", "blood-brain barrier")]
        );
        assert_eq!(
            defs("Notes: MDEB = Multi-Domain Effects Battalion; HHB = Headquarters and Headquarters Battery."),
            vec![pair("MDEB", "Multi-Domain Effects Battalion"), pair("HHB", "Headquarters and Headquarters Battery")]
        );
        assert_eq!(
            defs("Notes: AWOL = Absence without official leave; SM = Servicemember.\nFIPS: Federal Information Processing Standard."),
            vec![
                pair("AWOL", "Absence without official leave"),
                pair("SM", "Servicemember"),
                pair("FIPS", "Federal Information Processing Standard")
            ]
        );
        assert_eq!(
            defs("also called road user charges, or RUCs, could range widely."),
            vec![pair("RUC", "road user charges")]
        );
        assert_eq!(
            defs("to the UN Multidimensional Integrated Stabilization Mission in Mali (MINUSMA),1 which"),
            vec![pair("MINUSMA", "UN Multidimensional Integrated Stabilization Mission in Mali")]
        );
        // Not definitions: a year, a citation, a state after a name, an ordinary word.
        assert_eq!(
            defs("see the Office of Personnel Management's (OPM's) site."),
            vec![pair("OPM", "Office of Personnel Management's")]
        );
        assert_eq!(
            defs("The level.\n\nAdministrative Office of the U.S. Courts (AO)\n\nThe AO provides."),
            vec![pair("AO", "Administrative Office of the U.S. Courts")]
        );
        assert_eq!(
            defs("known as the Inflation Reduction Act of 2022, or IRA). These"),
            vec![pair("IRA", "Inflation Reduction Act of 2022")]
        );
        assert_eq!(
            defs("the Voting Rights Act of 1965, as amended (VRA). In"),
            vec![pair("VRA", "Voting Rights Act of 1965")]
        );
        assert_eq!(
            defs("The U.S. Department of Education (ED) enforces FERPA."),
            vec![pair("ED", "Education")]
        );
        assert_eq!(
            defs("the National Defense Authorization Act for Fiscal Year 2020 (FY2020 NDAA; P.L. 116-92)"),
            vec![pair("NDAA", "National Defense Authorization Act for Fiscal Year 2020")]
        );
        assert!(defs("It grew (2013) and (see above) in (Figure 2).").is_empty());
        assert!(defs(
            "Frederick H. Gillett (MA) won; Jason A. Smith, Parliamentarian (GPO, 2025)."
        )
        .is_empty());
    }
}
