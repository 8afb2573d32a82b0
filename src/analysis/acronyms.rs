//! Acronym uses: all-caps tokens of two or more letters ("PLA"), mixed forms ("AfDB"), plurals
//! ("PKOs") and possessives ("PLA's", "PLA’s"), minus what only looks like one: capitals in an
//! all-caps heading or label ("SUBJECT:"), shouted phrases, emphasis on ordinary words ("NOT"),
//! and Roman numerals.

use super::blocks::{Block, BlockKind};
use super::tokens::{Class, Token, TokenKind};
use super::words::word_list;
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

/// Whether `word` is an ordinary English word that writers put in capitals for emphasis or as a
/// label (`rules/capitalised-words.txt`): a set, since the list is long and asked about every
/// acronym-like word.
fn is_capitalised_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        word_list(include_str!("../../rules/capitalised-words.txt"))
            .into_iter()
            .collect()
    });
    SET.contains(word)
}

/// US state and territory postal codes, which follow a city ("Huntsville, AL") or a party
/// ("R-WI") and are not acronyms there (`rules/state-codes.txt`).
pub(crate) static STATE_CODES: LazyLock<Vec<&str>> =
    LazyLock::new(|| word_list(include_str!("../../rules/state-codes.txt")));

/// Capitalised words after which an all-caps word is part of a name (`rules/name-suffixes.txt`).
static NAME_SUFFIXES: LazyLock<Vec<&str>> =
    LazyLock::new(|| word_list(include_str!("../../rules/name-suffixes.txt")));

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
fn is_roman_letters(s: &str, letters: &[u8]) -> bool {
    !s.is_empty() && s.bytes().all(|b| letters.contains(&b))
}

/// Any well-formed Roman numeral ("CXIII", "MCMXC").
fn is_large_roman_numeral(s: &str) -> bool {
    static ROMAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
            .expect("roman pattern compiles")
    });
    is_roman_letters(s, b"IVXLCDM") && ROMAN.is_match(s)
}

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

/// Whether token `i` is part of a document-control or case number: a run of tokens with no
/// space between them ("SM-2589105-GJ", "RMF-SCO-00000015", "H-04-CR-514SS") that holds a
/// number, or a prefix before a zero-padded number ("OSC-KAV 00385", "ERT 0198-256").
fn in_numbered_chain(prose: &str, tokens: &[Token], i: usize) -> bool {
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
fn ampersand_acronym(prose: &str, tokens: &[Token], i: usize) -> Option<usize> {
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
fn beside_capitalised_word(prose: &str, tokens: &[Token], i: usize) -> bool {
    let capitalised = |t: &Token| {
        let w = &prose[t.range()];
        t.kind() == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars().all(char::is_alphabetic)
            && !super::letter_match::is_small(w)
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
fn after_name_comma(prose: &str, tokens: &[Token], i: usize, base: &str) -> bool {
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

/// Whether token `i` lies inside a quotation (“...” or "...") in its paragraph: the quoted
/// speaker's acronyms are not the writer's to define.
/// How many tokens back `in_quotation` looks for an opening quotation mark.
const QUOTE_REACH: usize = 120;

fn in_quotation(prose: &str, tokens: &[Token], i: usize) -> bool {
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
struct CapitalsLines(Option<(usize, bool)>);

impl CapitalsLines {
    fn is(&mut self, prose: &str, file: &crate::source::SourceFile, offset: usize) -> bool {
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
fn is_label(prose: &str, tokens: &[Token], i: usize) -> bool {
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

fn line_start_between(prose: &str, a: &Token, b: &Token) -> bool {
    prose[a.end()..b.start()].contains('\n')
}

/// Three or more capitalised words in a row, one of them an ordinary small word: a shouted
/// phrase ("THE FIRES OF WAR"), not a string of acronyms.
fn in_shouted_run(prose: &str, tokens: &[Token], i: usize) -> bool {
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
