//! The text around an acronym-like word that makes it something else: part of a numbered
//! chain or an identifier, one side of "R&D", a word beside a name, a label or an all-caps
//! line, a quotation, a shouted phrase.

use super::super::tokens::{Token, TokenKind};
use super::shape::is_capitalised_word;

/// Whether token `i` is part of a document-control or case number: a run of tokens with no
/// space between them ("SM-2589105-GJ", "RMF-SCO-00000015", "H-04-CR-514SS") that holds a
/// number, or a prefix before a zero-padded number ("OSC-KAV 00385", "ERT 0198-256").
pub(super) fn in_numbered_chain(prose: &str, tokens: &[Token], i: usize) -> bool {
    let joined = |t: &Token| {
        !t.space_before()
            && (t.kind() != TokenKind::Punct || matches!(&prose[t.range()], "-" | "_"))
    };
    let number = |t: &Token| t.kind() == TokenKind::Number;
    let mut j = i;
    while j > 0 && joined(&tokens[j]) && j + 6 > i {
        j -= 1;
        if number(&tokens[j]) {
            return true;
        }
    }
    let mut k = i + 1;
    while k < tokens.len() && joined(&tokens[k]) && k < i + 6 {
        if number(&tokens[k]) {
            return true;
        }
        k += 1;
    }
    // Within the next few tokens on the line, a zero-padded number of three or more digits
    // ("TRUMPORG 28 000629-33", "SC AD_00361", "OSC-KAV.00257"): a document-control number.
    // (Line breaks are looked for only in the gaps between these tokens: a search to the
    // end of the line would make a one-line document quadratic.)
    let mut prev_end = tokens[k.min(tokens.len()).saturating_sub(1)].end();
    for t in tokens[k.min(tokens.len())..].iter().take(4) {
        if prose[prev_end.min(t.start())..t.start()].contains('\n') {
            return false;
        }
        let s = &prose[t.range()];
        if number(t) && s.len() >= 3 && s.starts_with('0') {
            return true;
        }
        prev_end = t.end();
    }
    false
}

/// The end of an acronym written with an ampersand at token `i` ("R&D", "AT&T"): one to three
/// capitals, '&', one to three capitals, nothing between them, and the token before not glued
/// to it.
pub(super) fn ampersand_acronym(prose: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let caps = |t: &Token| {
        let w = &prose[t.range()];
        t.kind() == TokenKind::Word
            && (1..=3).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_uppercase())
    };
    let (a, amp, b) = (&tokens[i], tokens.get(i + 1)?, tokens.get(i + 2)?);
    let glued_before = i > 0 && !a.space_before();
    let after = tokens.get(i + 3).filter(|t| !t.space_before());
    let glued_after =
        after.is_some_and(|t| t.kind() == TokenKind::Word || &prose[t.range()] == "&");
    (caps(a)
        && &prose[amp.range()] == "&"
        && !amp.space_before()
        && caps(b)
        && !b.space_before()
        && !glued_before
        && !glued_after)
        .then(|| b.end())
}

/// Whether a capitalised word (not all capitals) stands right beside token `i` on its line: the
/// token is then part of a name ("AG Grid", "VS Code", "Cisco IOS", "NRDC Expert Blog"). A
/// capitalised word before counts only inside a sentence ("Cisco" after a word or a comma),
/// not as the sentence's first word.
pub(super) fn beside_capitalised_word(prose: &str, tokens: &[Token], i: usize) -> bool {
    let capitalised = |t: &Token| {
        let w = &prose[t.range()];
        t.kind() == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars().all(char::is_alphabetic)
            && !super::super::letter_match::is_small(w)
    };
    let same_line = |a: &Token, b: &Token| !prose[a.end()..b.start()].contains('\n');
    let after = tokens
        .get(i + 1)
        .is_some_and(|t| t.space_before() && same_line(&tokens[i], t) && capitalised(t));
    let before = i >= 2 && {
        let p = &tokens[i - 1];
        let pp = &tokens[i - 2];
        tokens[i].space_before()
            && same_line(p, &tokens[i])
            && same_line(pp, p)
            && capitalised(p)
            && (pp.kind() == TokenKind::Word || &prose[pp.range()] == ",")
    };
    after || before
}

/// "Smith, JR." or "Halifax, NS": two capitals (or three before a period) after a comma that
/// follows a capitalised word, and before punctuation or the end of the line.
pub(super) fn after_name_comma(prose: &str, tokens: &[Token], i: usize, base: &str) -> bool {
    if i < 2 || &prose[tokens[i - 1].range()] != "," {
        return false;
    }
    let name = &prose[tokens[i - 2].range()];
    let capitalised_name = tokens[i - 2].kind() == TokenKind::Word
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().skip(1).any(char::is_lowercase);
    if !capitalised_name || !base.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let next = tokens.get(i + 1);
    let line_end = next.is_none_or(|t| prose[tokens[i].end()..t.start()].contains('\n'));
    let next_punct = next
        .filter(|t| !t.space_before())
        .map(|t| &prose[t.range()]);
    match base.len() {
        2 => line_end || matches!(next_punct, Some("." | "," | ";" | ")")),
        3 => matches!(next_punct, Some(".")),
        _ => false,
    }
}

/// Whether token `i` lies inside a quotation (“...” or "...") in its paragraph: the quoted
/// speaker's acronyms are not the writer's to define.
/// How many tokens back `in_quotation` looks for an opening quotation mark.
pub(super) const QUOTE_REACH: usize = 120;

pub(super) fn in_quotation(prose: &str, tokens: &[Token], i: usize) -> bool {
    let mut open_curly = 0i32;
    let mut straight = 0usize;
    let mut after = &tokens[i];
    for t in tokens[..i].iter().rev().take(QUOTE_REACH) {
        // Tokens hold no white space, so a paragraph break lies in one gap between tokens.
        if after.start() - t.end() >= 2 && prose[t.end()..after.start()].contains("\n\n") {
            break;
        }
        after = t;
        if t.kind() != TokenKind::Punct {
            continue;
        }
        match &prose[t.range()] {
            "”" => open_curly -= 1,
            "“" => {
                open_curly += 1;
                if open_curly > 0 {
                    return true;
                }
            }
            "\"" => straight += 1,
            _ => {}
        }
    }
    straight % 2 == 1
}

/// Whether a line has letters but none in lower case and at least two words: an all-caps
/// heading or banner ("CHINA’S PEACEKEEPING ROLE"). Memoised per line: a line is read once,
/// however many acronyms it holds.
#[derive(Default)]
pub(super) struct CapitalsLines(Option<(usize, bool)>);

impl CapitalsLines {
    pub(super) fn is(
        &mut self,
        prose: &str,
        file: &crate::source::SourceFile,
        offset: usize,
    ) -> bool {
        let index = file.line_index(offset);
        // Acronyms are met in document order, so the last line read is the only one to keep.
        if let Some((line, capitals)) = self.0 {
            if line == index {
                return capitals;
            }
        }
        let line = &prose[file.line_range(index)];
        // Nearly every line has a lower-case ASCII letter: that test is the cheap one.
        let capitals = !line.bytes().any(|b| b.is_ascii_lowercase())
            && !line.chars().any(char::is_lowercase)
            && line
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().nth(1).is_some())
                .nth(1)
                .is_some();
        self.0 = Some((index, capitals));
        capitals
    }
}

/// An all-caps word followed by a colon at the start of a line or sentence: "SUBJECT:",
/// "RESULTS:", "STUDY DESIGN:".
pub(super) fn is_label(prose: &str, tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    // Walk forward over further capitalised words to the colon.
    while j + 1 < tokens.len() {
        let next = &prose[tokens[j + 1].range()];
        if next == ":" && !tokens[j + 1].space_before() {
            break;
        }
        if tokens[j + 1].kind() == TokenKind::Word
            && next.chars().all(|c| c.is_uppercase())
            && j - i < 3
        {
            j += 1;
            continue;
        }
        return false;
    }
    if j + 1 >= tokens.len() {
        return false;
    }
    // Walk back over capitalised words to the start of the line or a sentence end.
    let mut k = i;
    while k > 0 {
        let prev = &tokens[k - 1];
        let ps = &prose[prev.range()];
        if prev.kind() == TokenKind::Word && ps.chars().all(|c| c.is_uppercase()) && i - k < 3 {
            k -= 1;
            continue;
        }
        return matches!(ps, "." | "*" | "#" | "|" | ">")
            || line_start_between(prose, prev, &tokens[k]);
    }
    true
}

pub(super) fn line_start_between(prose: &str, a: &Token, b: &Token) -> bool {
    prose[a.end()..b.start()].contains('\n')
}

/// Three or more capitalised words in a row, one of them an ordinary small word: a shouted
/// phrase ("THE FIRES OF WAR"), not a string of acronyms.
pub(super) fn in_shouted_run(prose: &str, tokens: &[Token], i: usize) -> bool {
    let is_caps = |t: &Token| {
        t.kind() == TokenKind::Word && {
            let s = &prose[t.range()];
            s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
        }
    };
    let mut start = i;
    while start > 0 && is_caps(&tokens[start - 1]) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < tokens.len() && is_caps(&tokens[end]) {
        end += 1;
    }
    end - start >= 3
        && tokens[start..end]
            .iter()
            .any(|t| is_capitalised_word(&prose[t.range()]))
}
