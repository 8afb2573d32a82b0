//! `--format github`: GitHub Actions workflow commands, one per finding, which the Actions
//! runner turns into annotations on the pull request.

use crate::diagnostic::{Diagnostic, Severity};

/// Escapes a property value (file, title) of a workflow command.
fn property(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// Escapes the message of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let f = &d.finding;
        let (line, col) = d.file.position(f.range.start);
        let (end_line, end_col) = d.file.position(f.range.end);
        let title = format!("{} ({})", d.rule, super::rule_name(&d.rule));
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            property(d.path()),
            property(&title),
            data(&f.message)
        ));
    }
    out
}
