//! Blocks: paragraphs, headings, list items and table rows, found from line structure so that the
//! same reading works for Markdown and for text copied out of a PDF (where bullets survive only as
//! "o " or a private-use glyph at the start of a line).

use crate::source::Document;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    TableRow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// From the first non-blank character of the first line to the end of the last line's text.
    pub range: Range<usize>,
    pub kind: BlockKind,
}

/// Length of a list-item marker at the start of `line` (after indentation), if there is one.
pub fn bullet_len(line: &str) -> Option<usize> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let second = chars.next();
    let spaced = |n: usize| {
        line[n..]
            .chars()
            .next()
            .is_some_and(|c| c == ' ' || c == '\t')
    };
    match first {
        '-' | '*' | '+' | 'o' if second.is_some_and(|c| c == ' ' || c == '\t') => Some(1),
        '•' | '▪' | '◦' | '‣' | '■' | '●' | '\u{f0b7}' | '\u{f0a7}' | '\u{f076}' | '\u{f0d8}' => {
            Some(first.len_utf8())
        }
        '0'..='9' => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let after = line.as_bytes().get(digits).copied();
            (digits <= 2 && matches!(after, Some(b'.') | Some(b')')) && spaced(digits + 1))
                .then_some(digits + 1)
        }
        // "a.", "b)", "iii.", "(b)", "(iv)", "(2)": lower-case letters only, one letter or a
        // roman numeral ("J. Smith" at the start of a wrapped line is a name).
        _ => {
            let (open, rest) = match line.strip_prefix('(') {
                Some(rest) => (1, rest),
                None => (0, line),
            };
            let label = rest
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || (open == 1 && b.is_ascii_digit()))
                .count();
            let word = &rest[..label];
            let close = rest.as_bytes().get(label).copied();
            let roman = word.len() <= 5 && word.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
            let digits =
                !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
            let closes = if open == 1 {
                close == Some(b')')
            } else {
                matches!(close, Some(b'.') | Some(b')'))
            };
            (label > 0 && (label == 1 || roman || digits) && closes && spaced(open + label + 1))
                .then_some(open + label + 1)
        }
    }
}

/// A Markdown table row, or a table-of-contents line with dot leaders ("Intrusions into the DNC
/// Networks..........38"), which is a table too.
fn is_table_row(line: &str) -> bool {
    if line.starts_with('|') {
        return true;
    }
    let trimmed = line
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    trimmed.len() < line.trim_end().len() && trimmed.ends_with("....")
}

/// Whether a lone line reads as a heading in plain text: short, no closing punctuation, and
/// either in capitals or with most of its words capitalised.
fn looks_like_text_heading(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.ends_with(['.', ',', ';', ':', '!', '?', '-', '–', '"', '”']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 10 {
        return false;
    }
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 {
        return false;
    }
    if letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    words[0].chars().next().is_some_and(char::is_uppercase) && capitalised * 3 >= words.len() * 2
}

/// Splits a document into blocks.
pub fn blocks(doc: &Document) -> Vec<Block> {
    let prose = &doc.prose;
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut heading_iter = doc.headings.iter().peekable();
    let mut prev_blank = true;
    // The mask's lines: the text's, and in HTML a break where a block element opens or closes.
    let mut from = 0;
    let lines = prose.split_inclusive('\n').map(|l| {
        let start = from;
        from += l.len();
        start..start + l.trim_end_matches(['\n', '\r']).len()
    });
    for range in lines {
        let line = &prose[range.clone()];
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            if let Some(b) = current.take() {
                out.push(b);
            }
            prev_blank = true;
            continue;
        }
        let start = range.start + (line.len() - trimmed.len());
        let end = range.start + line.trim_end().len();
        while heading_iter.peek().is_some_and(|h| h.end <= start) {
            heading_iter.next();
        }
        let md_heading = heading_iter
            .peek()
            .is_some_and(|h| h.start <= start && start < h.end);
        let kind = if md_heading {
            BlockKind::Heading
        } else if is_table_row(trimmed) {
            BlockKind::TableRow
        } else if bullet_len(trimmed).is_some() {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
        let continues = match &current {
            Some(b) => {
                kind == BlockKind::Paragraph
                    && matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem)
            }
            None => false,
        };
        if continues {
            if let Some(b) = current.as_mut() {
                b.range.end = end;
            }
        } else {
            if let Some(b) = current.take() {
                out.push(b);
            }
            current = Some(Block {
                range: start..end,
                kind,
            });
        }
        let _ = prev_blank;
        prev_blank = false;
    }
    if let Some(b) = current.take() {
        out.push(b);
    }
    // A lone short line between blank lines in plain text is a heading.
    if doc.format.guesses_structure() {
        for b in &mut out {
            let text = &prose[b.range.clone()];
            if b.kind == BlockKind::Paragraph
                && !text.contains('\n')
                && looks_like_text_heading(text)
            {
                b.kind = BlockKind::Heading;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn kinds(text: &str, format: Format) -> Vec<(BlockKind, String)> {
        let d = Document::new("t", text, format);
        blocks(&d)
            .into_iter()
            .map(|b| (b.kind, d.text()[b.range].to_string()))
            .collect()
    }

    #[test]
    fn pdf_bullets_and_headings() {
        let k = kinds(
            "OVERVIEW\n\nFirst para\nwraps here.\n o Since 2009, the Navy\nsailed.\n\u{f0b7} Beijing’s view.\n",
            Format::Text,
        );
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(
            k[1],
            (BlockKind::Paragraph, "First para\nwraps here.".into())
        );
        assert_eq!(
            k[2],
            (
                BlockKind::ListItem,
                "o Since 2009, the Navy\nsailed.".into()
            )
        );
        assert_eq!(k[3].0, BlockKind::ListItem);
    }

    #[test]
    fn markdown_headings_and_tables() {
        let k = kinds(
            "# Title\nText here.\n\n| A | B |\n|---|---|\n",
            Format::Markdown,
        );
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(k[1].0, BlockKind::Paragraph);
        assert_eq!(k[2].0, BlockKind::TableRow);
        assert_eq!(k[3].0, BlockKind::TableRow);
    }

    #[test]
    fn table_of_contents_lines_are_table_rows() {
        let k = kinds(
            "2.\tIntrusions into the DCCC Networks..........38\n",
            Format::Text,
        );
        assert_eq!(k[0].0, BlockKind::TableRow);
    }

    #[test]
    fn numbered_items_but_not_years() {
        assert_eq!(bullet_len("1. First"), Some(2));
        assert_eq!(bullet_len("2013. It was"), None);
        assert_eq!(bullet_len("o Since"), Some(1));
        assert_eq!(bullet_len("only"), None);
    }
}
