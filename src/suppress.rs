//! Inline suppressions: applying the suppression comments that the source layer lexed into
//! the document (see [`crate::source::Directive`] for their forms) to its findings. A
//! suppression that silences nothing is reported at info level, so that stale ones do not pile
//! up.

use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::source::{DirectiveKind as Kind, Document};

/// Code of the findings about suppressions that silence nothing.
pub use crate::diagnostic::UNUSED_SUPPRESSION as UNUSED_RULE;

/// Whether a suppression naming `codes` covers `rule`: every rule when it names none; a code, a
/// prefix of a built-in code ("ACR"), or a custom rule id or namespace ("house" covers
/// "house.x"). Compared on bytes, so that a rule id with non-ASCII letters cannot split a
/// character.
fn covers(codes: &[String], rule: &str) -> bool {
    let rule = rule.as_bytes();
    codes.is_empty()
        || codes.iter().any(|c| {
            let c = c.as_bytes();
            rule.get(..c.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(c))
                && (rule.len() == c.len()
                    || !rule.contains(&b'.')
                    || rule.get(c.len()) == Some(&b'.'))
        })
}

/// Removes the suppressed diagnostics of a document and, when `unused` gives a severity (the
/// unused-suppression check is selected), adds a finding per suppression that silenced
/// nothing. A suppression is judged only when a rule it names ran (`ran`): with
/// `--select ACR003`, a `disable DAT` comment has nothing to silence and is not stale.
pub fn apply(
    doc: &Document,
    diagnostics: &mut Vec<Diagnostic>,
    ran: &[&str],
    unused: Option<Severity>,
) {
    let directives = &doc.directives;
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
                Kind::Unknown => {}
                _ => {}
            }
        }
        if let Some(i) = state {
            used[i] = true;
            suppressed = true;
        }
        !suppressed
    });
    // A misspelt directive is reported whatever is selected: it was meant to silence
    // something and silences nothing.
    for dir in directives.iter().filter(|d| d.kind == Kind::Unknown) {
        let written = doc.text()[dir.range.clone()].trim();
        diagnostics.push(Diagnostic {
            file: doc.file.clone(),
            rule: UNUSED_RULE.into(),
            severity: Severity::Warning,
            finding: Finding::new(
                dir.range.clone(),
                "unknown suppression comment: it silences nothing",
            )
            .with_label("not a factlint directive")
            .with_note(format!("read: {written}"))
            .with_help(
                "write factlint-disable-next-line, factlint-disable, factlint-enable or factlint-disable-file",
            ),
        });
    }
    let Some(severity) = unused else {
        return;
    };
    for (i, dir) in directives.iter().enumerate() {
        if used[i] || matches!(dir.kind, Kind::Enable | Kind::Unknown) {
            continue;
        }
        let names_a_rule_that_ran = dir.codes.is_empty()
            || dir
                .codes
                .iter()
                .any(|c| ran.iter().any(|r| covers(std::slice::from_ref(c), r)));
        if !names_a_rule_that_ran {
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
            severity,
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

    /// The rules the tests' findings come from, as if they all ran.
    const RAN: &[&str] = &["ACR001", "ACR003", "DAT005", "REF002", "é.x"];

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
        apply(&doc, &mut ds, RAN, Some(Severity::Info));
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
        apply(&doc, &mut ds, RAN, Some(Severity::Info));
        assert_eq!(ds.len(), 1);
        assert_eq!(doc.file.line_index(ds[0].finding.range.start), 1);
    }

    /// A custom rule id that starts with a multi-byte letter once panicked here: the code was
    /// compared with a slice of the id cut inside the letter.
    #[test]
    fn non_ascii_rule_ids_are_compared_without_panicking() {
        let text =
            "<!-- factlint-disable-next-line A -->\nx\n<!-- factlint-disable-next-line é -->\ny\n";
        let doc = Document::new("t.md", text, Format::Markdown);
        let mut ds = vec![diag(&doc, "é.x", 1), diag(&doc, "é.x", 3)];
        apply(&doc, &mut ds, RAN, Some(Severity::Info));
        let left: Vec<(&str, usize)> = ds
            .iter()
            .map(|d| (d.rule.as_str(), doc.file.line_index(d.finding.range.start)))
            .collect();
        // "A" does not cover "é.x" (and silences nothing); "é" covers it as its namespace.
        assert_eq!(left, vec![("é.x", 1), (UNUSED_RULE, 0)]);
    }

    #[test]
    fn a_suppression_of_rules_that_did_not_run_is_not_judged() {
        let text = "<!-- factlint-disable-next-line DAT -->\nclean line\n";
        let doc = Document::new("t.md", text, Format::Markdown);
        let mut ds = Vec::new();
        apply(&doc, &mut ds, &["ACR003"], Some(Severity::Info));
        assert!(ds.is_empty(), "{ds:?}");
        apply(&doc, &mut ds, &["ACR003", "DAT005"], Some(Severity::Info));
        assert_eq!(ds.len(), 1);
        // The check itself not selected: nothing reported.
        let mut ds = Vec::new();
        apply(&doc, &mut ds, &["DAT005"], None);
        assert!(ds.is_empty());
    }

    #[test]
    fn a_suppression_written_in_code_is_an_example_not_a_suppression() {
        let text = "Write `<!-- factlint-disable-next-line ACR001 -->` to silence it.\nThe XYZ\n\n```\n<!-- factlint-disable-file -->\n```\n";
        let doc = Document::new("t.md", text, Format::Markdown);
        assert!(doc.directives.is_empty(), "{:?}", doc.directives);
        let mut ds = vec![diag(&doc, "ACR001", 1)];
        apply(&doc, &mut ds, RAN, Some(Severity::Info));
        assert_eq!(ds.len(), 1);
    }

    #[test]
    fn unused_suppressions_are_reported() {
        let text = "<!-- factlint-disable-next-line ACR001 -->\nclean line\n";
        let doc = Document::new("t.md", text, Format::Markdown);
        let mut ds = Vec::new();
        apply(&doc, &mut ds, RAN, Some(Severity::Info));
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].rule, UNUSED_RULE);
        assert_eq!(ds[0].severity, Severity::Info);
    }
}
