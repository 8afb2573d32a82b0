//! Acronym uses: all-caps tokens of two or more letters ("PLA"), mixed forms ("AfDB"), plurals
//! ("PKOs") and possessives ("PLA's", "PLA’s"), minus what only looks like one: capitals in an
//! all-caps heading or label ("SUBJECT:"), shouted phrases, emphasis on ordinary words ("NOT"),
//! and Roman numerals.

mod context;
mod shape;

use super::blocks::{Block, BlockKind};
use super::tokens::{Class, Token, TokenKind};
use super::words::word_list;
use context::{
    after_name_comma, ampersand_acronym, beside_capitalised_word, in_numbered_chain, in_quotation,
    in_shouted_run, is_label, CapitalsLines, QUOTE_REACH,
};
pub use shape::{acronym_base, is_roman_numeral};
use shape::{is_capitalised_word, is_large_roman_numeral, NAME_SUFFIXES};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcronymUse {
    /// The base form's range: "PKO" in "PKOs", "PLA" in "PLA's".
    pub range: Range<usize>,
    /// The base form.
    pub short: String,
    /// Index of the token.
    pub token: usize,
    /// Inside a heading (titles often name an acronym before the text defines it).
    pub in_heading: bool,
    /// Inside a table row (tables often carry abbreviations explained in a legend elsewhere).
    pub in_table: bool,
    /// An ordinary English word in capitals ("SAFE", "SHIELD"): a use if the document defines
    /// it, but not an undefined acronym if it does not.
    pub ordinary_word: bool,
    /// Part of a name: "RAND Corporation", "CARES Act", "CRS Report".
    pub in_name: bool,
    /// Inside the text of a Markdown link (tables of contents repeat headings as links).
    pub in_link: bool,
}

/// US state and territory postal codes, which follow a city ("Huntsville, AL") or a party
/// ("R-WI") and are not acronyms there (`rules/state-codes.txt`).
pub(crate) static STATE_CODES: LazyLock<Vec<&str>> =
    LazyLock::new(|| word_list(include_str!("../../../rules/state-codes.txt")));

/// Finds the acronym uses among the tokens.
pub fn find_uses(
    prose: &str,
    file: &crate::source::SourceFile,
    tokens: &[Token],
    blocks: &[Block],
    links: &[std::ops::Range<usize>],
) -> Vec<AcronymUse> {
    let mut out = Vec::new();
    let mut capitals_lines = CapitalsLines::default();
    let mut block_iter = blocks.iter().peekable();
    // The last quotation mark met: with none in the 120 tokens before a word, the word is not
    // in a quotation, and `in_quotation` need not walk back.
    let mut last_quote: Option<usize> = None;
    for (i, tok) in tokens.iter().enumerate() {
        if tok.kind() != TokenKind::Word {
            if tok.is_a(Class::QUOTE) {
                last_quote = Some(i);
            }
            continue;
        }
        // Every acronym, and each side of "R&D", starts with a capital.
        if !tok.is_a(Class::CAPITAL) {
            continue;
        }
        let word = &prose[tok.range()];
        // "R&D", "AT&T", "O&M": capitals joined by an ampersand are one acronym. Written so,
        // they read as words (like "SAFE"): uses of a definition, never undefined acronyms.
        if let Some(end) = ampersand_acronym(prose, tokens, i) {
            let range = tok.start()..end;
            while block_iter
                .peek()
                .is_some_and(|b| b.range.end <= tok.start())
            {
                block_iter.next();
            }
            let block = block_iter.peek().filter(|b| b.range.start <= tok.start());
            let li = links.partition_point(|l| l.start <= range.start);
            out.push(AcronymUse {
                short: prose[range.clone()].to_string(),
                range: range.clone(),
                token: i,
                in_heading: block.is_some_and(|b| b.kind == BlockKind::Heading)
                    || capitals_lines.is(prose, file, tok.start()),
                in_table: block.is_some_and(|b| b.kind == BlockKind::TableRow),
                ordinary_word: true,
                in_name: false,
                in_link: li > 0 && links[li - 1].end > range.start,
            });
            continue;
        }
        if !tok.is_a(Class::CAPITALS) {
            continue;
        }
        let Some(base) = acronym_base(word) else {
            continue;
        };
        if is_roman_numeral(base) || is_capitalised_word(base) {
            continue;
        }
        // "Title CXIII", "Part CD": larger Roman numerals after a word that numbers parts.
        let numbered_part = i > 0
            && matches!(
                &prose[tokens[i - 1].range()],
                "Title" | "Division" | "Part" | "Chapter" | "Article" | "Volume" | "Book" | "Annex"
            );
        if numbered_part && is_large_roman_numeral(base) {
            continue;
        }
        while block_iter
            .peek()
            .is_some_and(|b| b.range.end <= tok.start())
        {
            block_iter.next();
        }
        let block = block_iter.peek().filter(|b| b.range.start <= tok.start());
        let in_heading = block.is_some_and(|b| b.kind == BlockKind::Heading);
        if capitals_lines.is(prose, file, tok.start()) || is_label(prose, tokens, i) {
            continue;
        }
        if in_shouted_run(prose, tokens, i) {
            continue;
        }
        let glued = |t: Option<&Token>, after: bool| {
            t.filter(|t| {
                if after {
                    !t.space_before()
                } else {
                    !tokens[i].space_before()
                }
            })
            .map(|t| (&prose[t.range()], t.kind()))
        };
        let prev = glued(i.checked_sub(1).map(|p| &tokens[p]), false);
        let next = glued(tokens.get(i + 1), true);
        let glued_word_at = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t| t.kind() == TokenKind::Word && !t.space_before())
        };
        // "GOV.UK", "ASP.NET": a dotted name, not an acronym.
        if (next.is_some_and(|(s, _)| s == ".") && glued_word_at(i + 2))
            || (prev.is_some_and(|(s, _)| s == ".")
                && i >= 2
                && tokens[i - 2].kind() == TokenKind::Word
                && !tokens[i - 1].space_before())
        {
            continue;
        }
        // Identifiers: "KTMF_00000047", "ISBA/31/LTC/2", "COVID-19", "FS00015".
        let identifier = |t: Option<(&str, TokenKind)>| {
            t.is_some_and(|(s, k)| {
                matches!(
                    s,
                    "_" | "/" | "\\" | "@" | "#" | "&" | "+" | "*" | "^" | "="
                ) || k == TokenKind::Number
            })
        };
        if identifier(prev) || identifier(next) || in_numbered_chain(prose, tokens, i) {
            continue;
        }
        // "AR(1)": notation, not prose.
        if next.is_some_and(|(s, _)| s == "(")
            && tokens
                .get(i + 2)
                .is_some_and(|t| t.kind() == TokenKind::Number)
        {
            continue;
        }
        // "KTMF 00000048", "SC AD 000137": a document-control prefix before a long number.
        let long_number =
            |t: Option<&Token>| t.is_some_and(|t| t.kind() == TokenKind::Number && t.len() >= 5);
        if long_number(tokens.get(i + 1))
            || (long_number(tokens.get(i + 2))
                && tokens.get(i + 1).is_some_and(|t| {
                    t.kind() == TokenKind::Word && acronym_base(&prose[t.range()]).is_some()
                }))
        {
            continue;
        }
        // "33 USC 408": a citation between numbers.
        let is_number = |t: Option<&Token>| t.is_some_and(|t| t.kind() == TokenKind::Number);
        if i > 0 && is_number(Some(&tokens[i - 1])) && is_number(tokens.get(i + 1)) {
            continue;
        }
        if last_quote.is_some_and(|q| i - q <= QUOTE_REACH) && in_quotation(prose, tokens, i) {
            continue;
        }
        // "<REDACTED" and the like: a markup tag cut off in extraction.
        if prev.is_some_and(|(s, _)| s == "<") {
            continue;
        }
        let next_after_hyphen = tokens.get(i + 2).filter(|t| !t.space_before());
        if next.is_some_and(|(s, _)| s == "-") && is_number(next_after_hyphen) {
            continue;
        }
        // A hyphenated compound ("SAFETEA-LU", "HUD-VASH", "C-UAS", "ARPA-E") is one acronym;
        // its parts are not uses on their own.
        let single_capital = |t: &Token| {
            let w = &prose[t.range()];
            t.kind() == TokenKind::Word && w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase())
        };
        let acronym_token =
            |t: &Token| t.kind() == TokenKind::Word && acronym_base(&prose[t.range()]).is_some();
        let before_hyphen =
            i >= 2 && prev.is_some_and(|(s, _)| s == "-") && !tokens[i - 1].space_before();
        if before_hyphen && acronym_token(&tokens[i - 2]) {
            continue;
        }
        let mut range = tok.start()..tok.start() + base.len();
        if before_hyphen && single_capital(&tokens[i - 2]) {
            range.start = tokens[i - 2].start();
        }
        if next.is_some_and(|(s, _)| s == "-")
            && next_after_hyphen.is_some_and(|t| acronym_token(t) || single_capital(t))
        {
            let part = &tokens[i + 2];
            let w = &prose[part.range()];
            range.end = part.start() + acronym_base(w).unwrap_or(w).len();
        }
        let short = prose[range.clone()].to_string();
        // "Huntsville, AL", "(R-WI)", "Joseph W. Martin (MA)".
        if STATE_CODES.contains(&base)
            && i > 0
            && matches!(&prose[tokens[i - 1].range()], "," | "-" | "(")
        {
            continue;
        }
        let in_name = tokens
            .get(i + 1)
            .filter(|t| t.space_before())
            .is_some_and(|t| NAME_SUFFIXES.contains(&&prose[t.range()]))
            || beside_capitalised_word(prose, tokens, i);
        // "Smith, JR.", "Lee, KM,", "Halifax, NS.": initials after a surname, or a province
        // or state code after a city, not an acronym.
        if after_name_comma(prose, tokens, i, base) {
            continue;
        }
        let in_table = block.is_some_and(|b| b.kind == BlockKind::TableRow);
        let li = links.partition_point(|l| l.start <= range.start);
        let in_link = li > 0 && links[li - 1].end > range.start;
        let ordinary_word =
            base.bytes().all(|c| c.is_ascii_uppercase()) && super::words::is_english_word(base);
        out.push(AcronymUse {
            range,
            short,
            token: i,
            in_heading,
            in_table,
            ordinary_word,
            in_name,
            in_link,
        });
    }
    out
}

/// The uses of short forms written in two parts ("ON RF", "Ang II", "MV CBCT"), which the
/// token scan cannot see: each later occurrence of a defined two-part short form, as whole
/// words. The single-token uses inside them are dropped by the caller.
pub fn two_part_uses(
    prose: &str,
    definitions: &[super::Definition],
    tokens: &[Token],
) -> Vec<AcronymUse> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for d in definitions {
        if !d.short.contains(' ') || !seen.insert(d.short.as_str()) {
            continue;
        }
        for (at, _) in prose.match_indices(d.short.as_str()) {
            let end = at + d.short.len();
            let bounded = !prose[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !prose[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !bounded || at == d.short_range.start {
                continue;
            }
            let token = tokens.partition_point(|t| t.start() < at);
            out.push(AcronymUse {
                range: at..end,
                short: d.short.clone(),
                token,
                in_heading: false,
                in_table: false,
                ordinary_word: false,
                in_name: false,
                in_link: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases() {
        assert_eq!(acronym_base("PKOs"), Some("PKO"));
        assert_eq!(acronym_base("PLA's"), Some("PLA"));
        assert_eq!(acronym_base("PLA’s"), Some("PLA"));
        assert_eq!(acronym_base("AfDB"), Some("AfDB"));
        assert_eq!(acronym_base("AIDS"), Some("AIDS"));
        assert_eq!(acronym_base("China"), None);
        assert_eq!(acronym_base("McDonald"), None);
        assert_eq!(acronym_base("I"), None);
        assert_eq!(acronym_base("G20"), None);
        assert_eq!(acronym_base("DEXes"), Some("DEX"));
        assert_eq!(acronym_base("VAPc"), Some("VAP"));
        assert_eq!(acronym_base("CBSNews"), None);
        assert_eq!(acronym_base("PhD"), Some("PhD"));
    }

    #[test]
    fn roman_numerals() {
        for r in ["II", "III", "IV", "XIV", "XX", "LXX", "XL", "XC", "XCIX"] {
            assert!(is_roman_numeral(r), "{r}");
        }
        for r in ["IIII", "VX", "PLA", "MD", "CD", "DC", "C", ""] {
            assert!(!is_roman_numeral(r), "{r}");
        }
    }
}
