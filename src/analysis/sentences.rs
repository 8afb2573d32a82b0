//! Sentences, across hard-wrapped lines and, where a paragraph stops mid-sentence ("Gulf of" /
//! blank line / "Aden (GOA)"), across the paragraph break.

use super::blocks::{Block, BlockKind};
use super::footnotes::{Footnotes, MarkerKind};
use super::tokens::{Token, TokenKind};
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range from the first to the last token.
    pub range: Range<usize>,
    /// Index range into the token list.
    pub tokens: Range<usize>,
}

/// Abbreviations after which a period does not end a sentence (compared without the period).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Cpl", "Pvt", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb", "Jr", "Sr", "St", "Mt",
    "Ft", "No", "Nos", "no", "nos", "p", "pp", "vol", "Vol", "vols", "ch", "Ch", "sec", "Sec",
    "art", "Art", "para", "paras", "fig", "Fig", "figs", "ed", "eds", "Ed", "op", "cit", "ibid",
    "Ibid", "cf", "vs", "v", "al", "approx", "ca", "e", "i", "etc", "Inc", "Ltd", "Co", "Corp",
    "Bros", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "est", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Pub", "Stat", "Cong", "Sess", "Doc",
    "Rept", "Res",
];

/// Words that cannot end a sentence: a paragraph ending on one of them goes on in the next.
const CONTINUATION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "nor",
    "but",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "our",
    "into",
    "onto",
    "upon",
    "between",
    "among",
    "about",
    "under",
    "over",
    "against",
    "during",
    "including",
    "such",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "not",
    "this",
    "these",
    "those",
    "per",
    "via",
    "if",
    "when",
    "where",
    "while",
];

const CLOSERS: &[&str] = &[")", "]", "\"", "”", "’", "'", "»"];

/// Splits the tokens of each block into sentences.
pub fn sentences(
    prose: &str,
    tokens: &[Token],
    blocks: &[Block],
    footnotes: &Footnotes,
) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut t = 0usize;
    // Whether the previous block left its last sentence open.
    let mut open = false;
    for (bi, block) in blocks.iter().enumerate() {
        while t < tokens.len() && tokens[t].start() < block.range.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].start() < block.range.end {
            t += 1;
        }
        let last = t;
        if first == last {
            continue;
        }
        let mut start = first;
        let joins = open && block.kind == BlockKind::Paragraph && !out.is_empty();
        if joins {
            // Extend the previous sentence into this block instead of starting a new one.
            start = out.pop().map(|s| s.tokens.start).unwrap_or(first);
        }
        let mut i = first;
        while i < last {
            if let Some(end) = boundary_after(prose, tokens, i, last, footnotes) {
                out.push(span(tokens, start..end));
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        open = false;
        if start < last {
            out.push(span(tokens, start..last));
            let next_is_paragraph = blocks
                .get(bi + 1)
                .is_some_and(|b| b.kind == BlockKind::Paragraph);
            open = next_is_paragraph
                && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && ends_mid_sentence(prose, &tokens[last - 1], blocks.get(bi + 1), prose);
        }
    }
    out
}

fn span(tokens: &[Token], range: Range<usize>) -> Sentence {
    Sentence {
        range: tokens[range.start].start()..tokens[range.end - 1].end(),
        tokens: range,
    }
}

/// Whether a block ending with `last` stops in the middle of a sentence that the next block
/// finishes.
fn ends_mid_sentence(prose: &str, last: &Token, next: Option<&Block>, _p: &str) -> bool {
    let s = &prose[last.range()];
    let next_starts_lower = next.is_some_and(|b| {
        prose[b.range.clone()]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    });
    match last.kind() {
        TokenKind::Word => super::words::is_one_of(s, CONTINUATION_WORDS) || next_starts_lower,
        TokenKind::Punct => matches!(s, "," | "-" | "–" | "(" | "/") || next_starts_lower,
        TokenKind::Number => next_starts_lower,
    }
}

/// If a sentence ends after token `i`, the index of the first token of the next one.
fn boundary_after(
    prose: &str,
    tokens: &[Token],
    i: usize,
    last: usize,
    footnotes: &Footnotes,
) -> Option<usize> {
    let tok = &tokens[i];
    let terminal = match tok.kind() {
        // Punctuation is one character: its first byte tells most of it.
        TokenKind::Punct => match prose.as_bytes()[tok.start()] {
            b'.' | b'!' | b'?' => true,
            b if b.is_ascii() => false,
            _ => &prose[tok.range()] == "…",
        },
        // "in 2000.8 China": the year's period ends the sentence, the marker follows.
        TokenKind::Number => footnotes
            .marker_in_token(i)
            .is_some_and(|m| m.kind == MarkerKind::AfterYear),
        TokenKind::Word => false,
    };
    if !terminal {
        return None;
    }
    let s = &prose[tok.range()];
    if s == "." && tok.kind() == TokenKind::Punct && is_abbreviation_period(prose, tokens, i) {
        return None;
    }
    // Closing quotes and brackets, and glued footnote markers, belong to the sentence.
    let mut j = i + 1;
    while j < last && !tokens[j].space_before() {
        let t = &tokens[j];
        let ts = &prose[t.range()];
        let glued_marker = footnotes.marker_in_token(j).is_some();
        if CLOSERS.contains(&ts) || glued_marker || matches!(ts, "." | "!" | "?") {
            j += 1;
        } else {
            return None;
        }
    }
    if j >= last {
        return None;
    }
    let next = &tokens[j];
    let ns = &prose[next.range()];
    let c = ns.chars().next()?;
    let starts_sentence = c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '“' | '"' | '(' | '[' | '‘' | '\'' | '*' | '•' | '-');
    starts_sentence.then_some(j)
}

/// A period right after an abbreviation or an initial ("Gen.", "p.", "U.S.", "J.").
fn is_abbreviation_period(prose: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if tokens[i].space_before() || prev.kind() != TokenKind::Word {
        return false;
    }
    let w = &prose[prev.range()];
    if ABBREVIATIONS.contains(&w) {
        return true;
    }
    // A single letter: an initial or part of "U.S.".
    w.chars().count() == 1 && w.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::source::{Document, Format};

    fn sents(text: &str) -> Vec<String> {
        let d = Document::new("t", text, Format::Text);
        let a = Analysis::new(&d);
        a.sentences
            .iter()
            .map(|s| d.text()[s.range.clone()].replace('\n', " "))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = sents("See p. 8 of the U.S. Army report by Gen. Smith. No. 5 was late. It ended.");
        assert_eq!(
            s,
            vec![
                "See p. 8 of the U.S. Army report by Gen. Smith.",
                "No. 5 was late.",
                "It ended."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_and_glued_markers() {
        let s = sents(
            "China plans to provide peacekeepers to the mission\n(MINUSMA),1 which took over. It had\nbeen providing security.2 Next one.",
        );
        assert_eq!(s.len(), 3);
        assert!(s[1].ends_with("security.2"));
    }

    #[test]
    fn year_then_marker_ends_sentence() {
        let s = sents("It had 1,650 in PKOs,7 more than it had in 2000.8 China has deployed more.");
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with("2000.8"));
    }

    #[test]
    fn paragraph_ending_on_function_word_continues() {
        let s = sents(
            "o Since January 2009, the Navy has sustained operations in the Gulf of\n\nAden (GOA) to protect shipping. Next.",
        );
        assert_eq!(s.len(), 2);
        assert!(s[0].contains("Gulf of  Aden (GOA)"));
    }

    #[test]
    fn finished_paragraph_does_not_continue() {
        let s = sents("First paragraph ends here.\n\nSecond starts.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn quotes_close_sentences() {
        let s =
            sents("He said “this is real.”4 China previously had troops. Then “Why?” he asked.");
        assert_eq!(s.len(), 3);
    }
}
