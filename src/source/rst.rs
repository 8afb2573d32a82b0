//! reStructuredText (`.rst`, Sphinx and docutils), read line by line.
//!
//! Prose: paragraphs, list items, section titles, block quotes, footnote and citation text,
//! table cells, and the content of the directives that hold prose (`.. note::`, `.. warning::`,
//! `.. admonition:: Title`, `.. topic::`, `.. sidebar::`, `.. versionadded::` …, and Sphinx's
//! object descriptions such as `.. py:function::`, whose signature is not prose), where nested
//! constructs are read again by these same rules.
//!
//! Not prose: literal blocks (the indented block after a `::` paragraph end), doctest blocks
//! (`>>>`), every other directive with its options and content (`.. code-block::`,
//! `.. literalinclude::`, `.. toctree::`, `.. math::`, `.. image::` …), the options of prose
//! directives, comments (`..` and its indented block), hyperlink targets (`.. _label: url`),
//! substitution definitions, section adornments, table borders and cell bars, field-list
//! names, and inline: ``` ``literal`` ```, roles (`` :ref:`label` ``), default-role
//! interpreted text (`` `x` ``), substitution references (`|name|`), footnote and citation
//! references (`[1]_`) and the `<url>` of a hyperlink reference.

use super::MarkupScan;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Directives whose content is prose (docutils' and Sphinx's admonitions and body elements).
const PROSE_DIRECTIVES: &[&str] = &[
    "note",
    "warning",
    "tip",
    "hint",
    "important",
    "caution",
    "danger",
    "attention",
    "error",
    "admonition",
    "seealso",
    "topic",
    "sidebar",
    "rubric",
    "epigraph",
    "highlights",
    "pull-quote",
    "compound",
    "container",
    "versionadded",
    "versionchanged",
    "deprecated",
    "centered",
    "glossary",
    "hlist",
    "only",
    "tab",
    "tabs",
    "tab-set",
    "tab-item",
    "card",
    "dropdown",
    "figure",
    "list-table",
    "table",
    // Sphinx's object descriptions (any domain: `py:function` reads as `function`): the
    // signature is not prose, the description is.
    "function",
    "class",
    "method",
    "staticmethod",
    "classmethod",
    "attribute",
    "property",
    "data",
    "exception",
    "module",
    "decorator",
    "type",
    "member",
    "macro",
    "struct",
    "envvar",
    "option",
    "describe",
    "object",
    "confval",
    "autoclass",
    "autofunction",
    "automethod",
    "autoattribute",
    "autodata",
    "autoexception",
    "automodule",
    "autodecorator",
    "autoproperty",
];

/// Prose directives whose argument is prose too (a title or the first words of the note).
const PROSE_ARGUMENTS: &[&str] = &[
    "note",
    "warning",
    "tip",
    "hint",
    "important",
    "caution",
    "danger",
    "attention",
    "error",
    "admonition",
    "seealso",
    "topic",
    "sidebar",
    "rubric",
    "tab",
    "tab-item",
    "card",
    "dropdown",
    "table",
    "list-table",
];

struct Line<'a> {
    start: usize,
    /// Without its line break.
    text: &'a str,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start().len()
    }
    fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        out.push(Line {
            start,
            text: l.trim_end_matches(['\n', '\r']),
        });
        start += l.len();
    }
    out
}

/// The end (exclusive line index) of the block that belongs to line `i`: the lines after it
/// that are blank or indented more than `indent`, without trailing blank lines.
fn block_end(lines: &[Line<'_>], i: usize, indent: usize) -> usize {
    let mut end = i + 1;
    let mut j = i + 1;
    while j < lines.len() && (lines[j].blank() || lines[j].indent() > indent) {
        j += 1;
        if !lines[j - 1].blank() {
            end = j;
        }
    }
    end
}

fn span(lines: &[Line<'_>], from: usize, to: usize) -> Range<usize> {
    lines[from].start..lines[to - 1].start + lines[to - 1].text.len()
}

static EXPLICIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\.\.(?:\s+(?:(\[[^\]\s]+\])|(_[^:]*:|__\s)|(\|[^|]+\|)|([\w:+.-]+)::)?|$)")
        .expect("pattern compiles")
});
static ADORNMENT: LazyLock<Regex> = LazyLock::new(|| {
    // A run of one punctuation character (the regex crate has no backreferences: one
    // alternative per character), a simple table's border, a grid table's border.
    let runs: Vec<String> = "=-~^\"'`#*+.:_<>!"
        .chars()
        .map(|c| format!("{}{{3,}}", regex::escape(&c.to_string())))
        .collect();
    Regex::new(&format!(
        r"^(?:{}|\s*=+(?:\s+=+)+|\s*\+[-=+:]*\+)\s*$",
        runs.join("|")
    ))
    .expect("pattern compiles")
});
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+•]|\d+[.)]|#\.|\(?[A-Za-z0-9]{1,3}\))\s+").expect("pattern compiles")
});
static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*:[^:\s`][^:`]*:(?:\s|$)").expect("pattern compiles"));

/// Scans a reStructuredText document.
pub(super) fn scan(text: &str) -> MarkupScan {
    let lines = lines(text);
    let mut out = MarkupScan::default();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.blank() {
            i += 1;
            continue;
        }
        if let Some(c) = EXPLICIT.captures(line.text) {
            let indent = line.indent();
            let end = block_end(&lines, i, indent);
            let whole = span(&lines, i, end);
            let marker_end = line.start + c.get(0).map_or(0, |m| m.end());
            if c.get(1).is_some() {
                // A footnote or citation: its text is prose.
                out.not_prose.push(line.start..marker_end);
                i += 1;
                continue;
            }
            let Some(name) = c.get(4).map(|m| m.as_str().to_ascii_lowercase()) else {
                // A comment, hyperlink target or substitution definition.
                if c.get(2).is_none() && c.get(3).is_none() {
                    out.literal.push(whole.clone());
                }
                out.not_prose.push(whole);
                i = end;
                continue;
            };
            let name = name.rsplit(':').next().unwrap_or("").to_string();
            if !PROSE_DIRECTIVES.contains(&name.as_str()) {
                out.literal.push(whole.clone());
                out.not_prose.push(whole);
                i = end;
                continue;
            }
            // The marker, the argument unless it is prose, and the options.
            if PROSE_ARGUMENTS.contains(&name.as_str()) {
                out.not_prose.push(line.start..marker_end);
            } else if name.starts_with("version") || name == "deprecated" {
                let rest = &line.text[marker_end - line.start..];
                let word = rest.split_whitespace().next().unwrap_or("");
                out.not_prose.push(
                    line.start..marker_end + (rest.len() - rest.trim_start().len()) + word.len(),
                );
            } else {
                out.not_prose.push(line.range());
            }
            let mut j = i + 1;
            while j < end && !lines[j].blank() && FIELD.is_match(lines[j].text) {
                out.not_prose.push(lines[j].range());
                j += 1;
            }
            i = j;
            continue;
        }
        if line.text.trim_start().starts_with(">>>") {
            let mut j = i;
            while j < lines.len() && !lines[j].blank() {
                j += 1;
            }
            out.literal.push(span(&lines, i, j));
            out.not_prose.push(span(&lines, i, j));
            i = j;
            continue;
        }
        if ADORNMENT.is_match(line.text) {
            out.not_prose.push(line.range());
            // The title above an underline (or below an overline).
            if i > 0 && !lines[i - 1].blank() && !ADORNMENT.is_match(lines[i - 1].text) {
                out.headings.push(lines[i - 1].range());
            }
            i += 1;
            continue;
        }
        if let Some(m) = FIELD.find(line.text) {
            out.not_prose.push(line.start..line.start + m.end());
        }
        if line.text.trim_start().starts_with('|') && line.text.trim_end().ends_with('|') {
            // A grid table's row: its bars are not prose, its cells are.
            for (k, b) in line.text.bytes().enumerate() {
                if b == b'|' {
                    out.not_prose.push(line.start + k..line.start + k + 1);
                }
            }
        }
        let trimmed = line.text.trim_end();
        let next_blank = lines.get(i + 1).is_none_or(|l| l.blank());
        if trimmed.ends_with("::") && next_blank {
            let colons = line.start + trimmed.len() - 2;
            // "Example::" reads "Example:"; " ::" and a lone "::" read as nothing.
            let keep = usize::from(!trimmed[..trimmed.len() - 2].ends_with([' ', '\t']))
                * usize::from(trimmed.len() > 2);
            out.not_prose.push(colons + keep..colons + 2);
            // The paragraph's indent is that of its first line.
            let mut p = i;
            while p > 0 && !lines[p - 1].blank() {
                p -= 1;
            }
            // The paragraph's text column: after a list item's bullet or enumerator.
            let indent = LIST_ITEM
                .find(lines[p].text)
                .map_or(lines[p].indent(), |m| m.end());
            let end = block_end(&lines, i, indent);
            if end > i + 1 {
                let body = span(&lines, i + 1, end);
                out.literal.push(body.clone());
                out.not_prose.push(body);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    inline(text, &mut out);
    out
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    // One alternation, leftmost first: inline literals, roles (either side), interpreted
    // text, substitution references, footnote/citation references, and a hyperlink
    // reference's `<url>`.
    Regex::new(
        r"``(?:[^`\n]|`[^`\n]|\n[^\n`])+?``|(?::[\w.+-]+)+:`[^`]+`|`[^`\n]+`(?::[\w.+-]+)+:|(<[^<>`\s]+>)`__?|`(?:[^`\n<]|\n[^\n`])+`(?:__?)?|\|[^|\s](?:[^|\n]*?[^|\s])?\|_{0,2}|\[(?:\d+|#[\w-]*|\*|[A-Za-z][\w.-]*)\]_",
    )
    .expect("inline pattern compiles")
});

/// Inline markup, outside literal blocks.
fn inline(text: &str, out: &mut MarkupScan) {
    if !text.contains(['`', '|', ']']) {
        return;
    }
    let literal = super::sitegen::Spans::new(out.literal.clone());
    for c in INLINE.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        if literal.contains(all.start()) {
            continue;
        }
        let s = all.as_str();
        if let Some(url) = c.get(1) {
            // `Link text <https://…>`_: the text is prose.
            out.not_prose.push(url.start()..all.end());
            continue;
        }
        if s.starts_with('`') && s.ends_with('_') {
            // `Link text`_: a reference by name; the text is prose.
            out.not_prose.push(all.start()..all.start() + 1);
            let tail = s.len() - s.trim_end_matches('_').len() + 1;
            out.not_prose.push(all.end() - tail..all.end());
            continue;
        }
        if s.starts_with('|') {
            // Not a table's cell bar: a substitution is glued to no word.
            let before = text[..all.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
        }
        if s.starts_with("``") {
            out.literal.push(all.range());
        }
        out.not_prose.push(all.range());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        crate::source::blank_ranges(text, scan(text).not_prose)
    }

    #[test]
    fn literal_blocks_directives_and_comments() {
        let t = "Title\n=====\n\nRun this::\n\n    ABC 3 of 4 (50%)\n\n.. code-block:: python\n   :linenos:\n\n   PLA = 1\n\n.. note:: The UNDP said\n   :class: x\n\n   more NATO text.\n\n.. this is a comment about XYZ\n   still comment\n\nBack to prose.\n";
        let k = kept(t);
        for gone in [
            "ABC",
            "PLA",
            "code-block",
            "linenos",
            "class",
            "XYZ",
            "still",
            "=====",
        ] {
            assert!(!k.contains(gone), "{gone}: {k}");
        }
        for kept in [
            "Title",
            "Run this:",
            "The UNDP said",
            "more NATO text.",
            "Back to prose.",
        ] {
            assert!(k.contains(kept), "{kept}: {k}");
        }
        assert_eq!(scan(t).headings.len(), 1);
    }

    #[test]
    fn inline_markup() {
        let t = "Use ``ABC`` and :ref:`PLA <x>` and |XYZ| and `Read the NATO guide <https://x.org/2012/01/02>`_ and note [1]_ here.\n";
        let k = kept(t);
        for gone in ["ABC", "PLA", "XYZ", "x.org", "[1]_"] {
            assert!(!k.contains(gone), "{gone}: {k}");
        }
        assert!(
            k.contains("Read the NATO guide") && k.contains("here."),
            "{k}"
        );
    }

    #[test]
    fn a_list_items_literal_block_ends_at_its_text_column() {
        let t = "- Run it::\n\n    CODE ABC\n\n  After NATO.\n";
        let k = kept(t);
        assert!(!k.contains("ABC") && k.contains("After NATO."), "{k}");
    }

    #[test]
    fn nested_literal_in_a_note() {
        let t = ".. note::\n\n   Example::\n\n       CODE ABC\n\n   After.\n\n.. py:function:: f(XYZ)\n   :noindex:\n\n   Returns the NATO code.\n";
        let k = kept(t);
        assert!(!k.contains("ABC") && k.contains("After."), "{k}");
        assert!(!k.contains("XYZ") && !k.contains("noindex"), "{k}");
        assert!(k.contains("Returns the NATO code."), "{k}");
    }

    #[test]
    fn no_panic() {
        for t in [
            "..",
            ".. ::",
            "::",
            "x::\n",
            "`",
            "|é|",
            "é::\n\n  é",
            ".. é::\n  :é:",
        ] {
            let _ = kept(t);
        }
    }
}
