//! Footnote markers: digits glued to punctuation ("(MINUSMA),1", "country.2", "forces.”4"), to a
//! year ("in 2000.8": the year 2000, then marker 8), superscript digits, asterisks, and Markdown
//! `[^1]` references. The running sequence of markers decides the ambiguous cases.

use super::token_class::year_value;
use super::tokens::{Token, TokenKind};
use crate::source::Document;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// Digits glued to punctuation or to a word.
    Glued,
    /// Digits after the period of a year: "2000.8".
    AfterYear,
    /// Unicode superscript digits.
    Superscript,
    /// A glued asterisk: "participation*".
    Symbol,
    /// A Markdown footnote reference `[^label]`.
    Markdown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The marker itself: the digits, the asterisk or the whole `[^label]`.
    pub range: Range<usize>,
    pub label: String,
    pub kind: MarkerKind,
    /// The token the marker lies in (for a Markdown reference, none).
    pub token: Option<usize>,
}

/// A note a marker can refer to: a Markdown `[^1]: ...` definition, or an entry of a notes
/// section ("1. See ...", "| 1. | See ... |", "* Since 2004 ...").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub label: String,
    /// The label as written.
    pub range: Range<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Footnotes {
    /// In document order.
    pub markers: Vec<Marker>,
    pub notes: Vec<Note>,
    /// Digits glued to a word's last letter ("Board Decisions3"): not markers (too many words
    /// end in digits: "segment1", "Windows10"), but a number seen here is not "missing" from
    /// the sequence either.
    pub glued_to_words: Vec<(u32, Range<usize>)>,
    /// (token, marker) for the markers inside a token, sorted by token: a binary search is
    /// cheaper than hashing for a question asked of every token.
    by_token: Vec<(usize, usize)>,
    /// One bit per token, set where `by_token` has an entry: most tokens hold no marker, and
    /// the bit says so without a search.
    marked: Vec<u64>,
}

impl Footnotes {
    /// The marker lying inside token `index`, if any.
    pub fn marker_in_token(&self, index: usize) -> Option<&Marker> {
        let bit = self.marked.get(index / 64)? & (1 << (index % 64));
        if bit == 0 {
            return None;
        }
        self.by_token
            .binary_search_by_key(&index, |&(t, _)| t)
            .ok()
            .map(|k| &self.markers[self.by_token[k].1])
    }
}

/// Words after which a glued number is a reference ("p.8", "No.5"), not a footnote.
/// "n.23" and "nn.4" are the notes of a cited case ("524 U.S. 184, 191 n.23").
const NUMBER_LEADERS: &[&str] = &[
    "p", "pp", "no", "nos", "vol", "art", "sec", "ch", "fig", "para", "paras", "op", "v", "ver",
    "n", "nn", "fn", "note", "rev", "id", "at", "cl", "subd", "pt", "tit",
];

/// The highest jump from the last marker a glued number after a word may make: "canary.61" in
/// a document whose markers have reached 3 is a version, not note 61. The first marker of a
/// text may be as high as twice this (a snippet starts mid-sequence: "PKOs,7").
const MAX_JUMP: u32 = 5;

const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";

fn superscript_value(s: &str) -> Option<u32> {
    let mut v = 0u32;
    for c in s.chars() {
        let d = SUPERSCRIPTS.chars().position(|x| x == c)? as u32;
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    Some(v)
}

/// Finds the footnote markers of a document.
pub fn find_markers(doc: &Document, tokens: &[Token]) -> Footnotes {
    let text = doc.prose.as_str();
    let mut markers = Vec::new();
    let mut glued_to_words = Vec::new();
    let mut last: u32 = 0;
    let next_in_sequence = |v: u32, last: u32| v > last && v <= last + 3;
    for (i, tok) in tokens.iter().enumerate() {
        let s = &text[tok.range()];
        let prev = i.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(i + 1);
        // Asked only of the few tokens that can be markers.
        let ends_here = || {
            next.is_none_or(|n| {
                n.space_before() || matches!(&text[n.range()], "." | "," | ";" | ":" | ")")
            })
        };
        match tok.kind() {
            TokenKind::Number if !tok.space_before() && ends_here() => {
                let Some(p) = prev else { continue };
                if p.kind() != TokenKind::Punct {
                    continue;
                }
                let punct = &text[p.range()];
                if !matches!(
                    punct,
                    "." | "," | ";" | ":" | ")" | "]" | "\"" | "”" | "’" | "'"
                ) {
                    continue;
                }
                // A page number after dot leaders ("Recusal.......107") is not a marker.
                if punct == "." && i >= 2 && &text[tokens[i - 2].range()] == "." {
                    continue;
                }
                // What stands before the punctuation must be a word, a closing mark or a year.
                // Before a Markdown link's masked destination ("[text](url).1") the closing
                // parenthesis is in the text, not in the prose: the marker is glued to it.
                let after_link = p.space_before()
                    && doc.text()[..p.start()].ends_with(')')
                    && text[..p.start()].ends_with(' ');
                let before = i.checked_sub(2).map(|b| &tokens[b]);
                let Some(b) = before.filter(|_| !p.space_before() || after_link) else {
                    continue;
                };
                let bs = &text[b.range()];
                if b.kind() == TokenKind::Word && !after_link {
                    if NUMBER_LEADERS.contains(&bs.to_ascii_lowercase().as_str()) {
                        continue;
                    }
                    // "v0.9", "19T00:40" (a timestamp), "A.2", "(b)4" (a section of a code),
                    // "&nbsp;1" (an HTML entity): not a word a note is glued to.
                    let entity =
                        punct == ";" && b.start() > 0 && text.as_bytes()[b.start() - 1] == b'&';
                    if bs.bytes().any(|c| c.is_ascii_digit()) || bs.chars().count() == 1 || entity {
                        continue;
                    }
                }
                // "8:03", "2/4": a number after a number is a marker only after its full stop
                // ("in 2000.8" reads as the year) or a closing parenthesis.
                if b.kind() == TokenKind::Number && punct != "." && punct != ")" {
                    continue;
                }
                // "main.rs:2:5", "1.2.3": the number runs on.
                let runs_on = next.is_some_and(|n| {
                    !n.space_before()
                        && n.kind() == TokenKind::Punct
                        && tokens
                            .get(i + 2)
                            .is_some_and(|nn| !nn.space_before() && nn.kind() == TokenKind::Number)
                });
                if runs_on {
                    continue;
                }
                // "03" is a minute or a month, never a note.
                if s.len() > 3 || !s.bytes().all(|c| c.is_ascii_digit()) || s.starts_with('0') {
                    continue;
                }
                let v: u32 = s.parse().unwrap_or(0);
                if v == 0 {
                    continue;
                }
                // A glued number after a number is a marker only in sequence; after a word, it
                // may skip a few ("canary.61" is a version, not a note), and the first marker
                // of a document is one of the first notes.
                if b.kind() == TokenKind::Number && !next_in_sequence(v, last) {
                    continue;
                }
                if v > last.max(MAX_JUMP) + MAX_JUMP {
                    continue;
                }
                last = v;
                markers.push(Marker {
                    range: tok.range(),
                    label: s.to_string(),
                    kind: MarkerKind::Glued,
                    token: Some(i),
                });
            }
            TokenKind::Number if ends_here() => {
                // "2000.8": a year, a period, and a marker in sequence.
                let Some(dot) = s.rfind('.') else { continue };
                let (year, frac) = (&s[..dot], &s[dot + 1..]);
                let year_like = year_value(year).is_some();
                let v: u32 = frac.parse().unwrap_or(0);
                if year_like && frac.len() <= 3 && next_in_sequence(v, last) {
                    last = v;
                    let start = tok.start() + dot + 1;
                    markers.push(Marker {
                        range: start..tok.end(),
                        label: frac.to_string(),
                        kind: MarkerKind::AfterYear,
                        token: Some(i),
                    });
                }
            }
            TokenKind::Word => {
                // Superscript digits, or plain digits in sequence, glued to the end of a word;
                // most words end in an ASCII letter, and have neither.
                if s.as_bytes().last().is_some_and(|b| b.is_ascii_alphabetic()) {
                    continue;
                }
                let digits_start = s
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_numeric())
                    .last()
                    .map(|(j, _)| j);
                let Some(j) = digits_start.filter(|&j| j > 0) else {
                    continue;
                };
                let (word, digits) = (&s[..j], &s[j..]);
                if let Some(v) = superscript_value(digits) {
                    last = last.max(v);
                    markers.push(Marker {
                        range: tok.start() + j..tok.end(),
                        label: v.to_string(),
                        kind: MarkerKind::Superscript,
                        token: Some(i),
                    });
                } else if word.chars().count() >= 3
                    && word.chars().all(char::is_alphabetic)
                    && digits.len() <= 3
                    && ends_here()
                {
                    if let Ok(v) = digits.parse::<u32>() {
                        glued_to_words.push((v, tok.start() + j..tok.end()));
                    }
                }
            }
            TokenKind::Punct if s == "*" && !tok.space_before() => {
                let glued_to_text = prev.is_some_and(|p| p.kind() == TokenKind::Word);
                let spaced_after = next.is_none_or(|n| n.space_before());
                if glued_to_text && spaced_after {
                    markers.push(Marker {
                        range: tok.range(),
                        label: "*".into(),
                        kind: MarkerKind::Symbol,
                        token: Some(i),
                    });
                }
            }
            _ => {}
        }
    }
    for r in &doc.footnote_refs {
        markers.push(Marker {
            range: r.range.clone(),
            label: r.label.clone(),
            kind: MarkerKind::Markdown,
            token: None,
        });
    }
    markers.sort_by_key(|m| m.range.start);
    markers.shrink_to_fit();
    let mut by_token = markers
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.token.map(|t| (t, i)))
        .collect::<Vec<_>>();
    by_token.sort_unstable();
    let mut marked = vec![0u64; tokens.len().div_ceil(64)];
    for &(t, _) in &by_token {
        marked[t / 64] |= 1 << (t % 64);
    }
    Footnotes {
        markers,
        glued_to_words,
        notes: Vec::new(),
        by_token,
        marked,
    }
}

/// Whether a block reads "Notes", "Endnotes", "Footnotes" or "References".
fn is_notes_heading(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches(':');
    super::words::is_one_of(
        t,
        &[
            "notes",
            "endnotes",
            "footnotes",
            "references",
            "end notes",
            "source notes",
        ],
    )
}

/// The notes of a document: Markdown definitions, the entries of a notes section, and (in plain
/// text) lines starting "* " after the first asterisk marker.
pub fn find_notes(
    doc: &Document,
    blocks: &[super::blocks::Block],
    markers: &[Marker],
) -> Vec<Note> {
    let text = doc.text();
    let mut notes: Vec<Note> = doc
        .footnote_defs
        .iter()
        .map(|d| Note {
            label: d.label.clone(),
            range: d.range.start..(d.range.start + d.label.len() + 3).min(d.range.end),
        })
        .collect();
    static ENTRY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // What follows the label is checked below; a final \S here, a huge class, would cost
        // more to compile than the whole check of a brief.
        regex::Regex::new(r"^\s*(?:\|\s*)?\[?([0-9]{1,3})(?:\.|\]|\))?")
            .expect("note pattern compiles")
    });
    let mut in_notes = false;
    for b in blocks {
        let mut block_text = &text[b.range.clone()];
        let mut offset = b.range.start;
        if is_notes_heading(&doc.prose[b.range.clone()]) {
            in_notes = true;
            continue;
        }
        // "Notes" on the first line of a block, the entries right below it.
        let first_line = block_text.split('\n').next().unwrap_or("");
        if first_line.len() < block_text.len() && is_notes_heading(first_line) {
            in_notes = true;
            offset += first_line.len() + 1;
            block_text = &block_text[first_line.len() + 1..];
        }
        if !in_notes {
            continue;
        }
        let mut any = false;
        for line in block_text.split_inclusive('\n') {
            if let Some(c) = ENTRY.captures(line) {
                if let Some(n) = c.get(1) {
                    // "1. " needs the separator; "1 See" needs a capital after the space.
                    let rest = line[n.end()..].trim_start_matches(['.', ']', ')', '|', ' ', '\t']);
                    if rest.starts_with(|ch: char| {
                        ch.is_uppercase()
                            || ch == '"'
                            || ch == '“'
                            || ch == '_'
                            || ch == '*'
                            || ch == '['
                    }) {
                        notes.push(Note {
                            label: n.as_str().to_string(),
                            range: offset + n.start()..offset + n.end(),
                        });
                        any = true;
                    }
                }
            }
            offset += line.len();
        }
        if !any && b.kind == super::blocks::BlockKind::Heading {
            in_notes = false;
        }
    }
    // Notes without a heading, as at the foot of pages copied out of a PDF: lines "1 Author’s
    // interviews ..." numbered in sequence (two or more), each after its marker.
    let numbered = markers.iter().any(|m| m.label.parse::<u32>().is_ok());
    if notes.is_empty() && doc.format.guesses_structure() && numbered {
        static BARE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            // The capital or quotation mark after the number is checked below, not by a large
            // Unicode class in the pattern.
            regex::Regex::new(r"(?m)^[ \t]*([0-9]{1,3})[ \t]+").expect("bare note pattern compiles")
        });
        // Where each number is first used as a marker.
        let mut first_use: std::collections::HashMap<u32, usize> = Default::default();
        for m in markers {
            if let Ok(n) = m.label.parse::<u32>() {
                first_use.entry(n).or_insert(m.range.start);
            }
        }
        let mut run: Vec<Note> = Vec::new();
        let mut last: Option<u32> = None;
        for c in BARE.captures_iter(text) {
            let Some(n) = c.get(1) else { continue };
            let after = c.get(0).map_or("", |m| &text[m.end()..]);
            if !after.starts_with(|ch: char| ch.is_uppercase() || matches!(ch, '“' | '"' | '‘'))
            {
                continue;
            }
            let v: u32 = n.as_str().parse().unwrap_or(0);
            let referred_before = first_use.get(&v).is_some_and(|&at| at < n.start());
            if !referred_before {
                continue;
            }
            if last.is_some_and(|l| v != l + 1) {
                if run.len() >= 2 {
                    notes.append(&mut run);
                }
                run.clear();
            }
            run.push(Note {
                label: v.to_string(),
                range: n.range(),
            });
            last = Some(v);
        }
        if run.len() >= 2 {
            notes.append(&mut run);
        }
    }
    // Notes that follow the text on its own line or paragraph, as a web page's notes come out
    // when its text is scraped: "... the end.1 ... 1. See the report. Return to text 2. ...".
    // Each "Return to text" closes a note; its label is the last "N. " before it.
    if notes.is_empty() && text.contains("Return to text") {
        static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"(?:^|\s)([0-9]{1,3})\.\s").expect("note label pattern compiles")
        });
        let mut from = 0;
        for (at, _) in text.match_indices("Return to text") {
            // The first note runs from somewhere in the text: its label is the last before
            // the anchor. Each later one starts right after the anchor before it.
            let mut labels = LABEL
                .captures_iter(&text[from..at])
                .filter_map(|c| c.get(1));
            let label = if from == 0 {
                labels.last()
            } else {
                labels.next()
            };
            if let Some(n) = label {
                notes.push(Note {
                    label: n.as_str().to_string(),
                    range: from + n.start()..from + n.end(),
                });
            }
            from = at + "Return to text".len();
        }
    }
    // "* Since 2004, ..." notes for asterisk markers in plain text.
    if doc.format.guesses_structure() {
        if let Some(first) = markers.iter().find(|m| m.kind == MarkerKind::Symbol) {
            for (i, line) in text.match_indices('\n') {
                let start = i + 1;
                if start > first.range.start
                    && text[start..].trim_start_matches(' ').starts_with("* ")
                {
                    let at = start + text[start..].find('*').unwrap_or(0);
                    notes.push(Note {
                        label: "*".into(),
                        range: at..at + 1,
                    });
                }
                let _ = line;
            }
        }
    }
    notes.sort_by_key(|n| n.range.start);
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::source::Format;

    fn labels(text: &str) -> Vec<(String, String)> {
        let d = Document::new("t", text, Format::Text);
        let t = tokenize(&d.prose);
        find_markers(&d, &t)
            .markers
            .into_iter()
            .map(|m| (m.label, d.text()[m.range].to_string()))
            .collect()
    }

    #[test]
    fn glued_markers_in_sequence() {
        let l = labels(
            "Mali (MINUSMA),1 which took over. the country.2 Next “forces.”4 PKOs,7 more in 2000.8 China",
        );
        let got: Vec<&str> = l.iter().map(|(lab, _)| lab.as_str()).collect();
        assert_eq!(got, vec!["1", "2", "4", "7", "8"]);
    }

    #[test]
    fn decimals_years_and_page_numbers_are_not_markers() {
        assert!(labels("It grew 2.5 percent in 2013. See p.8 and No.5 of 1.2 billion.").is_empty());
        // 2000.8 out of sequence (no marker 7 before it) stays a number.
        assert!(labels("as many as in 2000.8 China").is_empty());
    }

    #[test]
    fn asterisks_and_superscripts() {
        let l = labels("the participation* in PKOs and forces¹ here");
        assert_eq!(l[0].0, "*");
        assert_eq!(l[1], ("1".to_string(), "¹".to_string()));
    }

    #[test]
    fn markdown_references() {
        let d = Document::new(
            "t.md",
            "Text.[^a] More.[^2]\n\n[^a]: N.\n[^2]: M.\n",
            Format::Markdown,
        );
        let t = tokenize(&d.prose);
        let f = find_markers(&d, &t);
        assert_eq!(f.markers.len(), 2);
        assert_eq!(f.markers[0].kind, MarkerKind::Markdown);
    }
}
