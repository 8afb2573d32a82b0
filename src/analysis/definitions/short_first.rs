//! The short form first, or both inside the parentheses: "LF (Long Form)", "(long form, LF)",
//! and a head word shared by a list ("the North and South Atlantic Treaties (NAT and SAT)").

use super::definition::{normalize_space, Definition, DefinitionKind};
use crate::analysis::acronyms;
use crate::analysis::letter_match::{
    initials_match, is_short_form, is_small, letters, schwartz_hearst, words_with_ranges,
};
use crate::analysis::tokens::{Token, TokenKind};
use std::ops::Range;

/// "scanning (SEM) and transmission (TEM) electron microscopy", "the polychromatic (PCE) and
/// normochromatic (NCE) erythrocytes": modifiers that share the words after them. The
/// acronym's first letter is its modifier's initial and the rest are the initials of the
/// shared words, which follow after at most "and", one word and one parenthesis.
pub(super) fn shared_head(
    prose: &str,
    open: usize,
    inner_range: Range<usize>,
) -> Option<Definition> {
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
pub(super) fn pair_in_parentheses(inner_range: Range<usize>, inner: &str) -> Option<Definition> {
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

/// When the letters do not fit ("UN Multidimensional Integrated Stabilization Mission in Mali
/// (MINUSMA)"), the run of capitalised words before the parenthesis is the long form; it needs
/// at least two capitalised words.
pub(super) fn loose_long_form(candidate: &str) -> Option<usize> {
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
pub(super) fn short_then_long(
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
