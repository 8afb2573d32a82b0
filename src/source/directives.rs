//! Suppression comments, lexed once when a document is read.
//!
//! In Markdown (and in plain text) as HTML comments:
//! ```text
//! <!-- factlint-disable ACR001 -->          ... until factlint-enable (or the end)
//! <!-- factlint-enable ACR001 -->
//! <!-- factlint-disable-next-line DAT005 -->
//! <!-- factlint-disable-file REF002 -->
//! ```
//! and in plain text also as a comment line of its own: `# factlint-disable-next-line DAT005`;
//! in MDX as `{/* factlint-disable ACR001 */}`, in reStructuredText as a comment
//! (`.. factlint-disable ACR001`), in AsciiDoc as a comment line (`// factlint-disable ACR001`).
//! Codes may be prefixes ("ACR") or custom rule ids, separated by spaces or commas; no code
//! means every rule.
//!
//! The comments are not prose, so the document blanks them from its prose mask; the run layer
//! (`suppress`) applies them to the findings. Lexing them here, once, keeps the source layer
//! free of any later layer and runs the pattern once per document.

use super::SourceFile;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:<!--[ \t]*|\{/\*[ \t]*|^[ \t]*(?:#|//|\.\.)[ \t]*)factlint-([a-z][a-z-]*)([ \t][^\n]*?)?[ \t]*(?:-->|\*/\}|$)")
        .expect("suppression pattern compiles")
});

/// What a suppression comment asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `factlint-disable-next-line`: the line after the comment.
    NextLine,
    /// `factlint-disable-file`: the whole file.
    File,
    /// `factlint-disable`: from here until a matching `factlint-enable`.
    Disable,
    /// `factlint-enable`: ends a `factlint-disable`.
    Enable,
    /// A misspelt directive (`factlint-disable-next-lin`): it suppresses nothing, and is
    /// reported, since its author meant it to suppress something.
    Unknown,
}

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The codes, prefixes or custom ids it names; empty means every rule.
    pub codes: Vec<String>,
    /// The comment's bytes.
    pub range: Range<usize>,
    /// The 0-based line the comment starts on.
    pub line: usize,
}

/// The suppression comments of a file, in order.
pub fn lex(file: &SourceFile) -> Vec<Directive> {
    // Most texts hold none, and this search is far cheaper than compiling the pattern.
    if memchr::memmem::find(file.text.as_bytes(), b"factlint-").is_none() {
        return Vec::new();
    }
    DIRECTIVE
        .captures_iter(&file.text)
        .filter_map(|c| {
            let all = c.get(0)?;
            let word = c.get(1)?.as_str();
            let kind = match word {
                "disable-next-line" => DirectiveKind::NextLine,
                "disable-file" => DirectiveKind::File,
                "disable" => DirectiveKind::Disable,
                "enable" => DirectiveKind::Enable,
                // "factlint-check(1)" on a comment line is prose about factlint, not a
                // directive; a word like "disable-nextline" is a directive misspelt.
                w if w.starts_with("dis") || w.starts_with("en") => DirectiveKind::Unknown,
                _ => return None,
            };
            let codes = c
                .get(2)
                .map(|m| m.as_str())
                .unwrap_or("")
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            Some(Directive {
                kind,
                codes,
                range: all.range(),
                line: file.line_index(all.start()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_directive_is_unknown_and_names_no_codes_it_would_obey() {
        let text = "<!-- factlint-disable-next-lin house.foo -->\nx\n<!-- factlint-disablefile -->\n# factlint-check(1) is its man page\n";
        let found = lex(&SourceFile::new("t.md", text));
        let kinds: Vec<DirectiveKind> = found.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, vec![DirectiveKind::Unknown, DirectiveKind::Unknown]);
    }

    #[test]
    fn each_form_is_lexed_with_its_codes_and_line() {
        let text = "a\n<!-- factlint-disable-next-line ACR001, DAT -->\n# factlint-disable-file\nb <!-- factlint-enable house.x -->\n";
        let found = lex(&SourceFile::new("t.md", text));
        let got: Vec<(DirectiveKind, Vec<&str>, usize)> = found
            .iter()
            .map(|d| (d.kind, d.codes.iter().map(String::as_str).collect(), d.line))
            .collect();
        assert_eq!(
            got,
            vec![
                (DirectiveKind::NextLine, vec!["ACR001", "DAT"], 1),
                (DirectiveKind::File, vec![], 2),
                (DirectiveKind::Enable, vec!["house.x"], 3),
            ]
        );
        assert_eq!(
            &text[found[0].range.clone()],
            "<!-- factlint-disable-next-line ACR001, DAT -->"
        );
    }
}
