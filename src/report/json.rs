//! `--format json`: one object, `{"version": 1, "diagnostics": [...], "summary": {...}}`.
//!
//! Serialised straight to the writer, without building a `serde_json::Value` of the whole
//! output first: a run with many findings would hold every one of them twice. The fields of
//! each struct are declared in alphabetical order, which is the order the output has always
//! had (it used to pass through `Value`, whose maps are sorted).

use super::Summary;
use crate::diagnostic::{Diagnostic, Fix};
use crate::engine::FactLine;
use crate::source::SourceFile;
use serde::Serialize;
use std::io::Write;
use std::ops::Range;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Diagnostics<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain_facts: Option<Vec<JsonFactLine<'a>>>,
    summary: JsonSummary,
    version: u32,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    files: usize,
    infos: usize,
    warnings: usize,
}

/// The diagnostics, each converted as it is written.
struct Diagnostics<'a>(&'a [Diagnostic]);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(JsonDiagnostic::new))
    }
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: &'static str,
    end: usize,
    replacement: &'a str,
    start: usize,
}

impl<'a> JsonFix<'a> {
    /// Offsets into the file on disk (`file` may start with a BOM the text does not hold).
    fn new(f: &'a Fix, file: &SourceFile) -> Self {
        JsonFix {
            applicability: f
                .applicability
                .unwrap_or(crate::diagnostic::Applicability::Unsafe)
                .as_str(),
            end: file.file_offset(f.end),
            replacement: &f.replacement,
            start: file.file_offset(f.start),
        }
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    column: usize,
    end: usize,
    end_column: usize,
    end_line: usize,
    line: usize,
    message: &'a str,
    path: &'a str,
    start: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    column: usize,
    end: usize,
    end_column: usize,
    end_line: usize,
    fix: Option<JsonFix<'a>>,
    labels: Vec<JsonLabel<'a>>,
    line: usize,
    message: &'a str,
    notes: Vec<String>,
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    start: usize,
}

/// Line and column of both ends of a span (1-based; columns count Unicode scalar values).
fn ends(file: &SourceFile, range: &Range<usize>) -> (usize, usize, usize, usize) {
    let (line, column) = file.position(range.start);
    let (end_line, end_column) = file.position(range.end);
    (line, column, end_line, end_column)
}

impl<'a> JsonDiagnostic<'a> {
    fn new(d: &'a Diagnostic) -> Self {
        let f = &d.finding;
        let mut notes = f.notes.clone();
        if let Some(help) = &f.help {
            notes.push(format!("help: {help}"));
        }
        let (line, column, end_line, end_column) = ends(&d.file, &f.range);
        let labels = f
            .labels
            .iter()
            .map(|l| {
                let file = l.file.as_deref().unwrap_or(&d.file);
                let (line, column, end_line, end_column) = ends(file, &l.range);
                JsonLabel {
                    column,
                    end: file.file_offset(l.range.end),
                    end_column,
                    end_line,
                    line,
                    message: &l.message,
                    path: &file.name,
                    start: file.file_offset(l.range.start),
                }
            })
            .collect();
        JsonDiagnostic {
            column,
            end: d.file.file_offset(f.range.end),
            end_column,
            end_line,
            fix: f.fix.as_ref().map(|x| JsonFix::new(x, &d.file)),
            labels,
            line,
            message: &f.message,
            notes,
            path: d.path(),
            rule: &d.rule,
            severity: d.severity.as_str(),
            start: d.file.file_offset(f.range.start),
        }
    }
}

/// One line of `--explain-facts`, its fields in alphabetical order.
#[derive(Serialize)]
struct JsonFactLine<'a> {
    detail: &'a str,
    fact: &'a str,
    facts_file: &'a str,
    line: Option<usize>,
    outcome: &'a str,
    path: &'a str,
    text: Option<&'a str>,
}

impl<'a> JsonFactLine<'a> {
    fn new(l: &'a FactLine) -> Self {
        JsonFactLine {
            detail: &l.detail,
            fact: &l.fact,
            facts_file: &l.facts_file,
            line: l.line,
            outcome: l.outcome,
            path: &l.path,
            text: l.text.as_deref(),
        }
    }
}

/// Writes the JSON document of the output contract, with `explain_facts` when given, and a
/// final newline.
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    summary: Summary,
    fact_lines: Option<&[FactLine]>,
) -> std::io::Result<()> {
    let output = Output {
        diagnostics: Diagnostics(diagnostics),
        explain_facts: fact_lines.map(|l| l.iter().map(JsonFactLine::new).collect()),
        summary: JsonSummary {
            errors: summary.errors,
            files: summary.files,
            infos: summary.infos,
            warnings: summary.warnings,
        },
        version: 1,
    };
    let mut buffered = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut buffered, &output).map_err(std::io::Error::other)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// Renders diagnostics as the JSON document of the output contract (no final newline).
pub fn render(diagnostics: &[Diagnostic], summary: Summary) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write(&mut out, diagnostics, summary, None);
    out.pop();
    String::from_utf8(out).unwrap_or_default()
}
