//! Code actions: a finding's fix as a quick fix, and the suppression comments that silence it
//! on its line or in its file, in the forms `source::directives` reads.

use super::convert;
use crate::diagnostic::Diagnostic;
use crate::source::{Format, SourceFile};
use lsp_types::{CodeAction, CodeActionKind, Position, Range, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;

/// The suppression comment for `code`, with its line break: an HTML comment in Markdown and HTML,
/// a `#` comment line in plain text (and in a Word draft's text, which an editor shows as text).
pub fn directive(format: Format, kind: &str, code: &str) -> String {
    match format {
        Format::Markdown | Format::Html => format!("<!-- factlint-{kind} {code} -->\n"),
        Format::Mdx => format!("{{/* factlint-{kind} {code} */}}\n"),
        Format::Rst => format!(".. factlint-{kind} {code}\n"),
        Format::AsciiDoc => format!("// factlint-{kind} {code}\n"),
        Format::Text | Format::Docx => format!("# factlint-{kind} {code}\n"),
    }
}

/// Where a file-wide comment goes: the top, or after Markdown front matter.
fn file_directive_offset(file: &SourceFile, format: Format) -> usize {
    let text = &file.text;
    if matches!(format, Format::Markdown | Format::Mdx)
        && (text.starts_with("---\n") || text.starts_with("---\r\n"))
    {
        for i in 1..file.line_count() {
            let r = file.line_range(i);
            if matches!(&text[r.clone()], "---" | "...") {
                return file.line_starts().get(i + 1).copied().unwrap_or(text.len());
            }
        }
    }
    0
}

fn edit(uri: &Uri, range: Range, new_text: String) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(
            uri.clone(),
            vec![TextEdit { range, new_text }],
        )])),
        ..WorkspaceEdit::default()
    }
}

fn insert_at(file: &SourceFile, offset: usize) -> Range {
    let p = convert::position(file, offset);
    Range::new(p, p)
}

/// The rules whose findings are not about the prose: no suppression comment silences them.
fn not_suppressible(rule: &str) -> bool {
    matches!(rule, crate::run::IO_RULE | crate::run::CONFIG_RULE)
        || rule == crate::suppress::UNUSED_RULE
}

/// The code actions for one finding of the document at `uri`.
pub fn for_finding(d: &Diagnostic, uri: &Uri, format: Format) -> Vec<CodeAction> {
    let file = &d.file;
    let lsp = convert::to_lsp(d, uri);
    let mut actions = Vec::new();
    if let Some(fix) = &d.finding.fix {
        let old = file.text.get(fix.start..fix.end).unwrap_or("");
        let title = if fix.replacement.is_empty() {
            format!("Delete '{old}'")
        } else if old.is_empty() {
            format!("Insert '{}'", fix.replacement)
        } else {
            format!("Replace '{old}' with '{}'", fix.replacement)
        };
        actions.push(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp.clone()]),
            edit: Some(edit(
                uri,
                convert::range(file, &(fix.start..fix.end)),
                fix.replacement.clone(),
            )),
            is_preferred: Some(crate::fix::is_safe(d)),
            ..CodeAction::default()
        });
    }
    if not_suppressible(&d.rule) {
        return actions;
    }
    let line = file.line_index(d.finding.range.start);
    let line_start = file.line_starts()[line];
    let indent: String = file.text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    actions.push(CodeAction {
        title: format!("Ignore {} on this line", d.rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![lsp.clone()]),
        edit: Some(edit(
            uri,
            insert_at(file, line_start),
            format!(
                "{indent}{}",
                directive(format, "disable-next-line", &d.rule)
            ),
        )),
        ..CodeAction::default()
    });
    actions.push(CodeAction {
        title: format!("Ignore {} in this file", d.rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![lsp]),
        edit: Some(edit(
            uri,
            insert_at(file, file_directive_offset(file, format)),
            directive(format, "disable-file", &d.rule),
        )),
        ..CodeAction::default()
    });
    actions
}

/// Whether a finding's span meets a requested range (byte offsets; touching counts).
pub fn meets(d: &Diagnostic, start: usize, end: usize) -> bool {
    d.finding.range.start <= end && start <= d.finding.range.end
}

/// The position at the start of a document, for diagnostics about the whole of it.
pub fn start() -> Range {
    Range::new(Position::new(0, 0), Position::new(0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::source::Document;
    use std::str::FromStr;
    use std::sync::Arc;

    fn apply(text: &str, e: &WorkspaceEdit) -> String {
        let edits = e.changes.as_ref().unwrap().values().next().unwrap();
        let mut out = text.to_string();
        for te in edits.iter().rev() {
            let starts = convert::line_starts(&out);
            let a = convert::offset(&out, &starts, te.range.start);
            let b = convert::offset(&out, &starts, te.range.end);
            out.replace_range(a..b, &te.new_text);
        }
        out
    }

    /// The comments the actions insert are the ones the source layer reads, and silence the
    /// finding on the next check.
    #[test]
    fn suppression_actions_write_comments_that_silence_the_finding() {
        for (name, text) in [
            ("b.md", "---\ntitle: x\n---\nIntro.\n  An ASISMA unit.\n"),
            ("b.txt", "Intro.\n  An ASISMA unit.\n"),
        ] {
            let format = Format::from_path(name);
            let s = text.find("ASISMA").unwrap();
            let d = Diagnostic {
                file: Arc::new(SourceFile::new(name, text)),
                rule: "ACR001".into(),
                severity: crate::diagnostic::Severity::Warning,
                finding: Finding::new(s..s + 6, "x").with_fix(s..s + 6, "AFISMA"),
            };
            let uri = Uri::from_str("file:///tmp/b").unwrap();
            let actions = for_finding(&d, &uri, format);
            assert_eq!(actions.len(), 3);
            assert_eq!(
                apply(text, actions[0].edit.as_ref().unwrap()),
                text.replace("ASISMA", "AFISMA")
            );
            for (action, kind) in [
                (&actions[1], "disable-next-line"),
                (&actions[2], "disable-file"),
            ] {
                let after = apply(text, action.edit.as_ref().unwrap());
                let doc = Document::new(name, after.clone(), format);
                assert_eq!(doc.directives.len(), 1, "{after}");
                let dir = &doc.directives[0];
                assert_eq!(dir.codes, vec!["ACR001".to_string()], "{kind}: {after}");
                let finding_line = doc.file.line_index(after.find("ASISMA").unwrap());
                match kind {
                    "disable-next-line" => assert_eq!(dir.line + 1, finding_line, "{after}"),
                    _ => {
                        assert_eq!(dir.kind, crate::source::DirectiveKind::File);
                        if format == Format::Markdown {
                            assert!(
                                after.starts_with("---\ntitle: x\n---\n<!-- factlint-disable-file"),
                                "{after}"
                            );
                        }
                    }
                }
            }
        }
    }
}
