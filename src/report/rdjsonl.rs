//! `--format rdjsonl`: reviewdog's Diagnostic Format, one JSON diagnostic per line
//! (`reviewdog -f=rdjsonl`).
//!
//! Positions are 1-based lines and 1-based columns counted in UTF-8 bytes, as the format
//! specifies; a range's end is exclusive. Notes, help and related spans go in the message. A finding's fix becomes a `suggestions` entry whose
//! range is exactly the fix's bytes, so reviewdog can post it as a suggested change.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use serde_json::{json, Value};
use std::ops::Range;

/// 1-based line (a Word draft's paragraph) and 1-based UTF-8 byte column of `offset`.
pub fn byte_position(file: &SourceFile, offset: usize) -> (usize, usize) {
    let offset = offset.min(file.text.len());
    let (line, start) = file.numbered_line_at(offset);
    (line, offset - start + 1)
}

fn range(file: &SourceFile, r: &Range<usize>) -> Value {
    let (sl, sc) = byte_position(file, r.start);
    let (el, ec) = byte_position(file, r.end);
    json!({ "start": { "line": sl, "column": sc }, "end": { "line": el, "column": ec } })
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// One diagnostic as an rdjson object.
pub fn diagnostic(d: &Diagnostic) -> Value {
    let f = &d.finding;
    let mut message = f.message.clone();
    for n in &f.notes {
        message.push_str(&format!("\nnote: {n}"));
    }
    if let Some(h) = &f.help {
        message.push_str(&format!("\nhelp: {h}"));
    }
    // The format has no field for related spans (and reviewdog rejects unknown fields): they
    // are named in the message.
    for l in &f.labels {
        let file = l.file.as_deref().unwrap_or(&d.file);
        let (line, col) = file.position(l.range.start);
        message.push_str(&format!(
            "\nrelated: {}:{line}:{col}: {}",
            file.name, l.message
        ));
    }
    let mut v = json!({
        "message": message,
        "location": { "path": d.path(), "range": range(&d.file, &f.range) },
        "severity": severity(d.severity),
        "source": { "name": "factlint" },
        "code": { "value": d.rule },
    });
    if let Some(fix) = &f.fix {
        v["suggestions"] = json!([{
            "range": range(&d.file, &(fix.start..fix.end)),
            "text": fix.replacement,
        }]);
    }
    v
}

pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&diagnostic(d).to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use std::sync::Arc;

    #[test]
    fn columns_count_utf8_bytes_and_fixes_become_suggestions() {
        let text = "“Quoted” — an ASISMA unit\nnext";
        let start = text.find("ASISMA").unwrap();
        let file = Arc::new(SourceFile::new("b.txt", text));
        let d = Diagnostic {
            file,
            rule: "ACR003".into(),
            severity: Severity::Error,
            finding: Finding::new(start..start + 6, "typo")
                .with_fix(start..start + 6, "AFISMA")
                .with_help("replace it"),
        };
        let out = render(&[d]);
        assert_eq!(out.lines().count(), 1);
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["location"]["range"]["start"]["column"], start + 1);
        assert_eq!(v["location"]["range"]["end"]["column"], start + 7);
        assert_eq!(v["suggestions"][0]["text"], "AFISMA");
        assert_eq!(v["suggestions"][0]["range"]["start"]["column"], start + 1);
        assert_eq!(v["severity"], "ERROR");
        assert_eq!(v["code"]["value"], "ACR003");
        assert!(v["message"].as_str().unwrap().ends_with("help: replace it"));
        // Only fields of the format's Diagnostic message: reviewdog rejects unknown ones.
        let allowed = [
            "message",
            "location",
            "severity",
            "source",
            "code",
            "suggestions",
        ];
        for key in v.as_object().unwrap().keys() {
            assert!(allowed.contains(&key.as_str()), "{key}");
        }
    }
}
