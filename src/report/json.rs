//! `--format json`: one object, `{"version": 1, "diagnostics": [...], "summary": {...}}`.

use super::Summary;
use crate::diagnostic::{Diagnostic, Fix};
use crate::source::SourceFile;
use serde::Serialize;
use std::ops::Range;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
}

impl Position {
    fn new(file: &SourceFile, range: &Range<usize>) -> Position {
        let (line, column) = file.position(range.start);
        let (end_line, end_column) = file.position(range.end);
        Position {
            line,
            column,
            end_line,
            end_column,
            start: range.start,
            end: range.end,
        }
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    path: &'a str,
    #[serde(flatten)]
    position: Position,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    #[serde(flatten)]
    position: Position,
    labels: Vec<JsonLabel<'a>>,
    notes: Vec<String>,
    fix: Option<&'a Fix>,
}

/// Renders diagnostics as the JSON document of the output contract.
pub fn render(diagnostics: &[Diagnostic], summary: Summary) -> String {
    render_with(diagnostics, summary, None)
}

/// The same, with extra top-level fields (an object) merged in, such as `explain_facts`.
pub fn render_with(
    diagnostics: &[Diagnostic],
    summary: Summary,
    extra: Option<serde_json::Value>,
) -> String {
    let diagnostics = diagnostics
        .iter()
        .map(|d| {
            let f = &d.finding;
            let mut notes = f.notes.clone();
            if let Some(help) = &f.help {
                notes.push(format!("help: {help}"));
            }
            JsonDiagnostic {
                path: d.path(),
                rule: &d.rule,
                severity: d.severity.as_str(),
                message: &f.message,
                position: Position::new(&d.file, &f.range),
                labels: f
                    .labels
                    .iter()
                    .map(|l| {
                        let file = l.file.as_deref().unwrap_or(&d.file);
                        JsonLabel {
                            path: &file.name,
                            position: Position::new(file, &l.range),
                            message: &l.message,
                        }
                    })
                    .collect(),
                notes,
                fix: f.fix.as_ref(),
            }
        })
        .collect();
    let out = Output {
        version: 1,
        diagnostics,
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
        },
    };
    let mut value = serde_json::to_value(&out).unwrap_or_default();
    if let (Some(serde_json::Value::Object(extra)), serde_json::Value::Object(map)) =
        (extra, &mut value)
    {
        map.extend(extra);
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
