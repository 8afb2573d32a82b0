//! A document's own list of acronyms: the entries under a heading such as "Acronyms",
//! "Abbreviations" or "Glossary". An entry defines its acronym wherever the acronym is used.

use super::definition::{normalize_space, Definition, DefinitionKind};
use crate::analysis::blocks::{Block, BlockKind};
use crate::analysis::letter_match::{is_short_form, schwartz_hearst};
use crate::analysis::words;

/// A document's own acronym list: a heading "Acronyms", "Abbreviations", "Glossary" (or
/// "List of ..."), then lines "ABC  Long form" (a tab or two spaces, or " - ", " – ", ": ",
/// " = " between) or two-column table rows.
pub(super) fn glossary_definitions(prose: &str, blocks: &[Block]) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut in_list = false;
    for block in blocks {
        let text = &prose[block.range.clone()];
        if is_glossary_heading(text) {
            in_list = true;
            continue;
        }
        if !in_list {
            continue;
        }
        // An entry on a line of its own can look like a heading in plain text; a heading that
        // is not an entry ends the list.
        let mut any = false;
        let mut offset = block.range.start;
        for line in text.split_inclusive('\n') {
            if let Some(def) = glossary_line(line, offset) {
                out.push(def);
                any = true;
            }
            offset += line.len();
        }
        if !any && matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading) {
            in_list = false;
        }
    }
    out
}

/// "Acronyms", "List of Abbreviations", "Index of Acronyms", "Appendix B: Glossary": a short
/// line naming acronyms, abbreviations or a glossary.
fn is_glossary_heading(text: &str) -> bool {
    // Asked of every block: the cheap tests first, and no lower-case copy. (Not a length test:
    // a masked URL leaves a long run of spaces in a short heading.)
    let t = text.trim();
    if t.contains('\n') || t.split_whitespace().nth(6).is_some() {
        return false;
    }
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| words::is_one_of(w, &["acronyms", "abbreviations", "glossary"]))
}

fn glossary_line(line: &str, offset: usize) -> Option<Definition> {
    let content = line.trim_end();
    let lead = content.len() - content.trim_start().len();
    let body = content.trim_start();
    let (short, sep_end) = if body.starts_with('|') {
        let cells: Vec<&str> = body.trim_matches('|').split('|').collect();
        if cells.len() < 2 {
            return None;
        }
        let short = cells[0].trim();
        let long = cells[1].trim();
        let short_at = body.find(short)?;
        let long_at = short_at + short.len() + body[short_at + short.len()..].find(long)?;
        return glossary_entry(
            short,
            long,
            offset + lead + short_at,
            offset + lead + long_at,
        );
    } else {
        let end = body.find(|c: char| c.is_whitespace() || c == ':' || c == '=')?;
        let short = &body[..end];
        let rest = &body[end..];
        let sep = rest.len()
            - rest
                .trim_start_matches([' ', '\t', ':', '=', '-', '–', '—'])
                .len();
        let sep_text = &rest[..sep];
        let good_sep = sep_text.contains('\t')
            || sep_text.contains("  ")
            || sep_text.trim() == ":"
            || sep_text.trim() == "="
            || sep_text.trim() == "-"
            || sep_text.trim() == "–"
            || sep_text.trim() == "—";
        if !good_sep {
            return None;
        }
        (short, end + sep)
    };
    let long = body[sep_end..].trim();
    glossary_entry(short, long, offset + lead, offset + lead + sep_end)
}

fn glossary_entry(short: &str, long: &str, short_at: usize, long_at: usize) -> Option<Definition> {
    if !is_short_form(short) || long.split_whitespace().count() == 0 {
        return None;
    }
    if !long.chars().next()?.is_alphabetic() {
        return None;
    }
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long),
        short_range: short_at..short_at + short.len(),
        long_range: long_at..long_at + long.len(),
        kind: DefinitionKind::Glossary,
        fits: schwartz_hearst(short, long).is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::source::{Document, Format};

    #[test]
    fn glossary_lines() {
        let d = glossary_line("PKO\tpeacekeeping operation\n", 0).unwrap();
        assert_eq!(
            (d.short.as_str(), d.long.as_str()),
            ("PKO", "peacekeeping operation")
        );
        let d = glossary_line("| AU | African Union |", 10).unwrap();
        assert_eq!(d.long, "African Union");
        assert_eq!(d.short_range, 12..14);
        assert!(glossary_line("The PLA is large.", 0).is_none());
    }

    /// A URL in the heading is masked to spaces: the heading is still short in words.
    #[test]
    fn glossary_heading_with_a_url() {
        let url = format!("https://example.org/{}", "reports/".repeat(20));
        let d = Document::new(
            "g.txt",
            format!("Glossary of acronyms (see {url}).\n\nPKO: peacekeeping operation\n\nThe PKO grew.\n"),
            Format::Text,
        );
        let shorts: Vec<String> = Analysis::new(&d)
            .definitions
            .into_iter()
            .map(|d| d.short)
            .collect();
        assert_eq!(shorts, vec!["PKO"]);
    }

    #[test]
    fn tab_separated_glossary_with_blank_lines() {
        let d = Document::new(
            "g.txt",
            "Index of Acronyms\n\nCNI\tCenter for the National Interest\n\nDCCC\tDemocratic Congressional Campaign Committee\n\nThe DCCC and CNI met.\n",
            Format::Text,
        );
        let a = Analysis::new(&d);
        let shorts: Vec<&str> = a.definitions.iter().map(|d| d.short.as_str()).collect();
        assert_eq!(shorts, vec!["CNI", "DCCC"], "{:?}", a.blocks);
    }
}
