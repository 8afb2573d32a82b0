//! Inline suppressions.
//!
//! In Markdown (and in plain text) as HTML comments:
//! ```text
//! <!-- factlint-disable ACR001 -->          ... until factlint-enable (or the end)
//! <!-- factlint-enable ACR001 -->
//! <!-- factlint-disable-next-line DAT005 -->
//! <!-- factlint-disable-file REF002 -->
//! ```
//! and in plain text also as a comment line of its own: `# factlint-disable-next-line DAT005`.
//! Codes may be prefixes ("ACR") or custom rule ids, separated by spaces or commas; no code
//! means every rule. A suppression that silences nothing is reported at info level, so that
//! stale ones do not pile up.

use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::source::Document;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Code of the findings about suppressions that silence nothing.
pub const UNUSED_RULE: &str = "unused-suppression";

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:<!--[ \t]*|^[ \t]*(?:#|//)[ \t]*)factlint-(disable-next-line|disable-file|disable|enable)\b([^\n]*?)(?:-->|$)")
        .expect("suppression pattern compiles")
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    File,
    Disable,
    Enable,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    codes: Vec<String>,
    range: Range<usize>,
    line: usize,
}

/// The byte ranges of the suppression comments of a text (not prose).
pub fn directive_ranges(text: &str) -> Vec<Range<usize>> {
    if !mentions_directive(text) {
        return Vec::new();
    }
    DIRECTIVE.find_iter(text).map(|m| m.range()).collect()
}

/// Whether a text can hold a directive at all: most hold none, and this search is far cheaper
/// than compiling the pattern.
fn mentions_directive(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"factlint-").is_some()
}

fn parse(doc: &Document) -> Vec<Directive> {
    if !mentions_directive(doc.text()) {
        return Vec::new();
    }
    DIRECTIVE
        .captures_iter(doc.text())
        .filter_map(|c| {
            let all = c.get(0)?;
            let kind = match c.get(1)?.as_str() {
                "disable-next-line" => Kind::NextLine,
                "disable-file" => Kind::File,
                "disable" => Kind::Disable,
                _ => Kind::Enable,
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
                line: doc.file.line_index(all.start()),
            })
        })
        .collect()
}

fn covers(codes: &[String], rule: &str) -> bool {
    codes.is_empty()
        || codes.iter().any(|c| {
            rule.len() >= c.len()
                && rule[..c.len()].eq_ignore_ascii_case(c)
                && (rule.len() == c.len()
                    || !rule.contains('.')
                    || rule.as_bytes().get(c.len()) == Some(&b'.'))
        })
}

/// Removes the suppressed diagnostics of a document and adds one info finding per suppression
/// that silenced nothing.
pub fn apply(doc: &Document, diagnostics: &mut Vec<Diagnostic>) {
    let directives = parse(doc);
    if directives.is_empty() {
        return;
    }
    let mut used = vec![false; directives.len()];
    diagnostics.retain(|d| {
        let line = doc.file.line_index(d.finding.range.start);
        let mut suppressed = false;
        // Ranges: the latest disable/enable before the line for this rule decides.
        let mut state: Option<usize> = None;
        for (i, dir) in directives.iter().enumerate() {
            if !covers(&dir.codes, &d.rule) {
                continue;
            }
            match dir.kind {
                Kind::File => {
                    used[i] = true;
                    suppressed = true;
                }
                Kind::NextLine if dir.line + 1 == line => {
                    used[i] = true;
                    suppressed = true;
                }
                Kind::Disable if dir.line <= line => state = Some(i),
                Kind::Enable if dir.line <= line => state = None,
                _ => {}
            }
        }
        if let Some(i) = state {
            used[i] = true;
            suppressed = true;
        }
        !suppressed
    });
    for (i, dir) in directives.iter().enumerate() {
        if used[i] || dir.kind == Kind::Enable {
            continue;
        }
        let what = if dir.codes.is_empty() {
            "any rule".to_string()
        } else {
            dir.codes.join(", ")
        };
        diagnostics.push(Diagnostic {
            file: doc.file.clone(),
            rule: UNUSED_RULE.into(),
            severity: Severity::Info,
            finding: Finding::new(
                dir.range.clone(),
                format!("this suppression of {what} silences nothing"),
            )
            .with_label("unused suppression")
            .with_help("remove it"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn diag(doc: &Document, rule: &str, line: usize) -> Diagnostic {
        let start = doc.file.line_starts()[line];
        Diagnostic {
            file: doc.file.clone(),
            rule: rule.into(),
            severity: Severity::Warning,
            finding: Finding::new(start..start + 1, "m"),
        }
    }

    #[test]
    fn each_form_silences_its_target() {
        let text = "a\n<!-- factlint-disable-next-line ACR001 -->\nb\nc\n<!-- factlint-disable DAT -->\nd\n<!-- factlint-enable DAT -->\ne\n";
        let doc = Document::new("t.md", text, Format::Markdown);
        let mut ds = vec![
            diag(&doc, "ACR001", 2),
            diag(&doc, "ACR001", 3),
            diag(&doc, "DAT005", 5),
            diag(&doc, "DAT005", 7),
        ];
        apply(&doc, &mut ds);
        let left: Vec<(String, usize)> = ds
            .iter()
            .map(|d| (d.rule.clone(), doc.file.line_index(d.finding.range.start)))
            .collect();
        assert_eq!(left, vec![("ACR001".into(), 3), ("DAT005".into(), 7)]);
    }

    #[test]
    fn file_level_and_plain_text_comment_lines() {
        let text = "# factlint-disable-file REF002\nx\n# factlint-disable-next-line\ny\n";
        let doc = Document::new("t.txt", text, Format::Text);
        let mut ds = vec![
            diag(&doc, "REF002", 1),
            diag(&doc, "ACR003", 3),
            diag(&doc, "ACR003", 1),
        ];
        apply(&doc, &mut ds);
        assert_eq!(ds.len(), 1);
        assert_eq!(doc.file.line_index(ds[0].finding.range.start), 1);
    }

    #[test]
    fn unused_suppressions_are_reported() {
        let text = "<!-- factlint-disable-next-line ACR001 -->\nclean line\n";
        let doc = Document::new("t.md", text, Format::Markdown);
        let mut ds = Vec::new();
        apply(&doc, &mut ds);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].rule, UNUSED_RULE);
        assert_eq!(ds[0].severity, Severity::Info);
    }
}
