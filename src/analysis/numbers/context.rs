//! Whether a number in its context is a quantity: not a reference ("p. 8", "Article 2"), an
//! identifier ("COVID-19", "1512(c)"), a time, a phone number, a bare year, a code's title
//! number, a list marker, nor "one" as a pronoun ("no one", "one of").

use crate::analysis::number_roles::{is_phone_at, year_value, REFERENCE_WORDS};
use crate::analysis::tokens::{TokenKind, TokenView};

/// Words after which "one" is not a count ("no one", "the one").
const ONE_BLOCKERS_BEFORE: &[&str] = &[
    "no", "any", "each", "every", "the", "this", "that", "which", "someone", "anyone",
];
const ONE_BLOCKERS_AFTER: &[&str] = &[
    "of", "another", "or", "and", "who", "that", "which", "in", "on", "at", "to", "with", "by",
    "for", "is", "was", "would", "could", "should", "may", "might", "can", "will", "has", "had",
    "must", "day", "time", "way", "hand",
];

/// Whether the number at `i..next` is a quantity in its context.
pub(super) fn is_quantity_context(s: &TokenView, i: usize, next: usize, in_words: bool) -> bool {
    let prev = if i > 0 { s.text(i - 1) } else { "" };
    let prev_word = if prev == "." && i > 1 {
        s.text(i - 2)
    } else {
        prev
    };
    if !in_words {
        let text = s.text(i);
        // References: "p. 8", "Article 2", "§ 1030", "H.R. 1119".
        if REFERENCE_WORDS.contains(&prev_word) || REFERENCE_WORDS.contains(&prev) {
            return false;
        }
        // Identifiers: "COVID-19", "F-35", "R46949" (one token), "SM-6", "4-1" after Table.
        if s.glued(i) && matches!(prev, "-" | "/" | "_" | "#" | ".") && i > 1 {
            let before = &s.tokens[i - 2];
            if before.kind() == TokenKind::Word || !s.glued(i - 1) || prev == "." {
                return false;
            }
        }
        // "1512(c)(2)": a number in parentheses glued to what precedes them.
        if prev == "(" && s.glued(i) && s.glued(i - 1) {
            return false;
        }
        // "1512(c)", "3166-1", "8:22", "116-92" after P.L. handled above.
        if s.glued(next) && matches!(s.text(next), "(" | ":" | "/" | "_") {
            return false;
        }
        if i > 0 && prev == ":" && s.glued(i) {
            return false; // times "8:22", ratios handled by NUM rules later
        }
        if is_phone(s, i) {
            return false;
        }
        // A bare year that the date scanner did not take (e.g. inside a reference) is not a
        // quantity unless it counts something.
        if year_value(text).is_some() {
            let next_word = s.text(next);
            let counted = s
                .tokens
                .get(next)
                .is_some_and(|t| t.kind() == TokenKind::Word)
                && next_word.chars().all(|c| c.is_lowercase())
                && next_word.len() > 2;
            if !counted {
                return false;
            }
        }
        // A "+1" country code and the like.
        if prev == "+" && s.glued(i) {
            return false;
        }
        // "18 U.S.C. § 1030", "40 C.F.R. 98", "125 Stat. 1": a title number before a code.
        let after = &s.prose[s.tokens[i].end()..];
        let after = after.trim_start();
        if [
            "U.S.C", "C.F.R", "Stat.", "U.S.", "F.3d", "F.2d", "S. Ct", "Fed. Reg",
        ]
        .iter()
        .any(|c| after.starts_with(c))
        {
            return false;
        }
        // "ISO 3166-1", "DD 214-1": a standard's number after an acronym.
        let acronym_before = i > 0
            && s.tokens[i - 1].kind() == TokenKind::Word
            && prev.len() >= 2
            && prev.chars().all(|c| c.is_ascii_uppercase());
        if acronym_before && s.glued(next) && matches!(s.text(next), "-" | ":") {
            return false;
        }
        // ZIP+4 "20540-7500".
        if text.len() == 5 && s.text(next) == "-" && s.glued(next) && s.text(next + 1).len() == 4 {
            return false;
        }
        // A numbered-list marker at the start of a line: "1. China deployed".
        let line_start = i == 0
            || s.prose[..s.tokens[i].start()]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        if line_start
            && s.glued(next)
            && matches!(s.text(next), "." | ")")
            && s.tokens.get(next + 1).is_none_or(|t| t.space_before())
        {
            return false;
        }
        return true;
    }
    // Words: "one" needs care; "a dozen" is fine.
    if s.is(i, "one") && next == i + 1 {
        if i > 0 && s.is_one_of(i - 1, ONE_BLOCKERS_BEFORE) {
            return false;
        }
        if s.is_one_of(next, ONE_BLOCKERS_AFTER)
            || !s
                .tokens
                .get(next)
                .is_some_and(|t| t.kind() == TokenKind::Word)
        {
            return false;
        }
        // "one-way"
        if s.text(next) == "-" && s.glued(next) {
            return false;
        }
    }
    // "one-way", "two-thirds", "three-year": a number word glued to a hyphen and a word is an
    // adjective compound, still a number for "three-year" but not for "one-way".
    if s.text(next) == "-" && s.glued(next) && s.is(next + 1, "way") {
        return false;
    }
    true
}

/// "(202) 555-0143", "202-555-0143", "+1 202 555 0143".
pub(super) fn is_phone(s: &TokenView, i: usize) -> bool {
    is_phone_at(s.prose, &s.tokens[i].range())
}
