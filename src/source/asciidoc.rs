//! AsciiDoc (`.adoc`, `.asciidoc`, Asciidoctor), read line by line.
//!
//! Prose: paragraphs, list items, section and block titles, table cells, and the bodies of
//! the delimited blocks that hold prose: quote `____`, example `====`, sidebar `****`, open
//! `--`, and admonition paragraphs (`NOTE: …`, the label itself aside).
//!
//! Not prose: listing `----`, literal `....`, passthrough `++++`, comment `////` and fenced
//! blocks, with their content; a paragraph styled `[source]`, `[listing]`, `[literal]`,
//! `[stem]` or `[pass]`; literal paragraphs (indented); block attribute lines (`[source,ruby]`,
//! `[[anchor]]`); attribute entries (`:name: value`); comment lines (`// …`); block macros
//! (`include::file[]`, `image::x.png[]`, `ifdef::x[]`); and inline: `` `mono` ``, passthroughs
//! (`+x+`, `++x++`, `+++x+++`, `pass:[x]`), attribute references (`{name}`), the macro parts of
//! `link:url[text]`/`xref:id[text]`/`footnote:[text]` (their text is prose), other inline
//! macros (`kbd:[…]`, `image:x[]`, `stem:[…]`), cross references (`<<id,text>>`), anchors and
//! index terms, table cell bars and specifiers.

use super::MarkupScan;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DELIMITER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-{4,}|\.{4,}|/{4,}|\+{4,}|_{4,}|={4,}|\*{4,}|--|`{3,}[\w+-]*|[|!,:]={3,})\s*$")
        .expect("pattern compiles")
});
static BLOCK_ATTRIBUTES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\]\n]*\]\]?\]?\s*$").expect("pattern compiles"));
static ATTRIBUTE_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^:!?[\w][\w-]*!?:(?:\s|$)").expect("pattern compiles"));
static BLOCK_MACRO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][\w-]*::[^\s\[]*\[.*\]\s*$").expect("pattern compiles"));
static ADMONITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s").expect("pattern compiles")
});
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(={1,6}|#{1,6})\s+\S").expect("pattern compiles"));
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[*\-.]+|\d+\.|[a-zA-Z]\.|<\d+>)\s").expect("pattern compiles")
});

/// Styles that make the next block (delimited or a paragraph) literal.
const LITERAL_STYLES: &[&str] = &[
    "source",
    "listing",
    "literal",
    "stem",
    "latexmath",
    "asciimath",
    "pass",
    "comment",
    "plantuml",
    "graphviz",
    "mermaid",
];

/// Scans an AsciiDoc document.
pub(super) fn scan(text: &str) -> MarkupScan {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        lines.push((start, l.trim_end_matches(['\n', '\r'])));
        start += l.len();
    }
    let range = |i: usize| lines[i].0..lines[i].0 + lines[i].1.len();
    let blank = |i: usize| lines[i].1.trim().is_empty();
    let mut out = MarkupScan::default();
    let mut style = String::new();
    let mut in_table = false;
    let mut i = 0;
    while i < lines.len() {
        let (line_start, line) = lines[i];
        if blank(i) {
            style.clear();
            i += 1;
            continue;
        }
        if DELIMITER.is_match(line) {
            let delim = line.trim_end();
            let raw =
                matches!(delim.as_bytes()[0], b'-' | b'.' | b'/' | b'+' | b'`') && delim != "--";
            let styled = LITERAL_STYLES.contains(&style.as_str());
            if raw || styled {
                // Through the closing delimiter (the same line), or the end.
                let close = if delim.starts_with("```") {
                    "```"
                } else {
                    delim
                };
                let end = (i + 1..lines.len())
                    .find(|&j| lines[j].1.trim_end() == close)
                    .unwrap_or(lines.len() - 1);
                let whole = lines[i].0..range(end).end;
                if !delim.starts_with("//") {
                    out.literal.push(whole.clone());
                }
                out.not_prose.push(whole);
                style.clear();
                i = end + 1;
                continue;
            }
            if delim.starts_with(['|', '!', ',', ':']) {
                in_table = !in_table;
            }
            out.not_prose.push(range(i));
            style.clear();
            i += 1;
            continue;
        }
        if BLOCK_ATTRIBUTES.is_match(line) {
            out.not_prose.push(range(i));
            let inner = line.trim_start_matches('[');
            style = inner
                .split([',', ']', '#', '.', '%'])
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            i += 1;
            continue;
        }
        if ATTRIBUTE_ENTRY.is_match(line) || BLOCK_MACRO.is_match(line) {
            // An attribute's value may continue over lines ending with " \".
            let mut j = i;
            while j + 1 < lines.len() && lines[j].1.ends_with(" \\") {
                j += 1;
            }
            out.not_prose.push(lines[i].0..range(j).end);
            i = j + 1;
            continue;
        }
        if line.starts_with("//") {
            out.not_prose.push(range(i));
            i += 1;
            continue;
        }
        let paragraph_start = i == 0 || blank(i - 1);
        let literal_paragraph = paragraph_start
            && line.starts_with([' ', '\t'])
            && !LIST_ITEM.is_match(line)
            && !in_table;
        if LITERAL_STYLES.contains(&style.as_str()) || literal_paragraph {
            let mut j = i;
            while j + 1 < lines.len() && !blank(j + 1) {
                j += 1;
            }
            let whole = lines[i].0..range(j).end;
            out.literal.push(whole.clone());
            out.not_prose.push(whole);
            style.clear();
            i = j + 1;
            continue;
        }
        if let Some(m) = TITLE.captures(line).and_then(|c| c.get(1)) {
            out.headings.push(range(i));
            out.not_prose.push(line_start..line_start + m.end());
            if m.as_str() == "=" {
                // The document header: author and revision lines up to the first blank line.
                let mut j = i + 1;
                while j < lines.len() && !blank(j) {
                    out.not_prose.push(range(j));
                    j += 1;
                }
                i = j;
                continue;
            }
        } else if let Some(m) = ADMONITION.find(line) {
            out.not_prose.push(line_start..line_start + m.end());
        } else if line.starts_with('.')
            && line[1..].starts_with(|c: char| !c.is_whitespace() && c != '.')
        {
            // A block title: the dot is markup.
            out.not_prose.push(line_start..line_start + 1);
        } else if line.trim_end() == "+" {
            out.not_prose.push(range(i));
        }
        if line.ends_with(" +") {
            out.not_prose
                .push(line_start + line.len() - 1..line_start + line.len());
        }
        if in_table {
            table_cells(line_start, line, &mut out.not_prose);
        }
        i += 1;
    }
    inline(text, &mut out);
    out
}

static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)((?:\d+[*+])?(?:\d*\.?\d+\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?\|)")
        .expect("pattern compiles")
});

/// A table row's cell bars and their specifiers (`2+|`, `a|`): not prose; the cells are.
fn table_cells(start: usize, line: &str, out: &mut Vec<Range<usize>>) {
    for c in CELL.captures_iter(line) {
        if let Some(m) = c.get(1) {
            out.push(start + m.start()..start + m.end());
        }
    }
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"``[^`\n]+``|`[^`\s](?:[^`\n]*[^`\s])?`",
        r"|\+\+\+(?:[^\n]|\n[^\n+])+?\+\+\+|\+\+[^+\s](?:[^\n]*?[^+\s])?\+\+",
        r"|(?:^|[^\w+])(\+[^+\s](?:[^+\n]*?[^+\s])?\+)(?:[^\w+]|$)",
        r"|\{[\w][\w-]*\}",
        r"|\b(?:pass|kbd|btn|menu|stem|latexmath|asciimath|image|icon|indexterm2?):[^\s\[]*\[[^\]\n]*\]",
        r"|\b((?:link|xref|mailto|footnote|anchor):[^\s\[]*\[)[^\]\n]*(\])",
        r"|<<[^<>\n]+>>|\[\[\[?[\w:.-]+(?:,[^\]\n]*)?\]\]\]?|\(\(\([^)\n]+\)\)\)",
    ))
    .expect("inline pattern compiles")
});

/// Inline markup, outside literal blocks.
fn inline(text: &str, out: &mut MarkupScan) {
    let literal = super::sitegen::Spans::new(out.literal.clone());
    for c in INLINE.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        if literal.contains(all.start()) {
            continue;
        }
        if let Some(pass) = c.get(1) {
            out.not_prose.push(pass.range());
        } else if let (Some(open), Some(close)) = (c.get(2), c.get(3)) {
            // link:url[text], xref:id[text], footnote:[text]: the text is prose.
            out.not_prose.push(open.range());
            out.not_prose.push(close.range());
        } else {
            if all.as_str().starts_with('`') {
                out.literal.push(all.range());
            }
            out.not_prose.push(all.range());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        crate::source::blank_ranges(text, scan(text).not_prose)
    }

    #[test]
    fn blocks_attributes_and_comments() {
        let t = "= Guide\nJane Doe\n:toc: left\n\n== Setup\n\n[source,python]\n----\nPLA = 1\n----\n\n....\nABC 3 of 4 (50%)\n....\n\n////\nXYZ\n////\n// a comment on UNDP\n\ninclude::part.adoc[]\n\nNOTE: The NATO figures.\n\n____\nQuoted prose.\n____\n\n  literal ABCD\n\nEnd.\n";
        let k = kept(t);
        for gone in [
            "Jane", "toc", "PLA", "ABC", "XYZ", "UNDP", "include", "NOTE", "source",
        ] {
            assert!(!k.contains(gone), "{gone}: {k}");
        }
        for kept in [
            "Guide",
            "Setup",
            "The NATO figures.",
            "Quoted prose.",
            "End.",
        ] {
            assert!(k.contains(kept), "{kept}: {k}");
        }
    }

    #[test]
    fn inline_markup() {
        let t = "Run `ABC` with +PLA+ and {product} and kbd:[Ctrl+X], see xref:intro[the NATO intro] and <<sec,XYZ>>, C++ and C++ stay.\n";
        let k = kept(t);
        for gone in ["ABC", "PLA", "product", "Ctrl", "xref", "XYZ"] {
            assert!(!k.contains(gone), "{gone}: {k}");
        }
        assert!(
            k.contains("the NATO intro") && k.contains("C++ and C++ stay."),
            "{k}"
        );
    }

    #[test]
    fn tables() {
        let t = "|===\n|Name |Count\n\n2+|Total NATO\na|cell\n|===\n";
        let k = kept(t);
        assert!(
            k.contains("Name") && k.contains("Total NATO") && k.contains("cell"),
            "{k}"
        );
        assert!(!k.contains('|') && !k.contains("2+"), "{k}");
    }

    #[test]
    fn no_panic() {
        for t in [
            "----",
            "[source]\n",
            "= é\né",
            "é +",
            "|===\né|",
            "+é+",
            "`é`",
            ".é",
        ] {
            let _ = kept(t);
        }
    }
}
