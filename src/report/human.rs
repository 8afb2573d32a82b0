//! Human output through codespan-reporting: the offending text underlined, related text
//! (the definition, the fact) as secondary labels, then notes and help.

use super::Summary;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::WriteColor, Config};
use std::ops::Range;
use std::sync::Arc;

/// The files one diagnostic points into: its document first, then any others its labels name.
struct FileSet(Vec<Arc<SourceFile>>);

impl FileSet {
    fn id_of(&mut self, file: &Arc<SourceFile>) -> usize {
        match self.0.iter().position(|f| Arc::ptr_eq(f, file)) {
            Some(i) => i,
            None => {
                self.0.push(file.clone());
                self.0.len() - 1
            }
        }
    }

    fn get(&self, id: usize) -> Result<&SourceFile, FilesError> {
        self.0.get(id).map(|f| &**f).ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for FileSet {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.get(id)?.line_index(byte_index))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self.get(id)?;
        let starts = f.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len().saturating_sub(1),
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(f.text.len());
        Ok(start..end)
    }
}

fn to_codespan(d: &Diagnostic, files: &mut FileSet) -> CsDiagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let f = &d.finding;
    let doc = files.id_of(&d.file);
    let mut diag = CsDiagnostic::new(severity)
        .with_code(&d.rule)
        .with_message(&f.message);
    let no_span = f.range.is_empty() && f.label.is_empty() && f.labels.is_empty();
    if no_span {
        diag = diag.with_message(format!("{}: {}", d.path(), f.message));
    } else {
        let mut labels = vec![Label::primary(doc, f.range.clone()).with_message(&f.label)];
        for l in &f.labels {
            let id = match &l.file {
                Some(file) => files.id_of(file),
                None => doc,
            };
            labels.push(Label::secondary(id, l.range.clone()).with_message(&l.message));
        }
        diag = diag.with_labels(labels);
    }
    let mut notes: Vec<String> = f.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &f.help {
        notes.push(format!("help: {help}"));
    }
    diag.with_notes(notes)
}

/// Writes each diagnostic, rustc-style, to `out` (coloured if `out` supports colour).
pub fn emit(out: &mut dyn WriteColor, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    let config = Config::default();
    for d in diagnostics {
        let mut files = FileSet(Vec::new());
        let cs = to_codespan(d, &mut files);
        term::emit_to_write_style(out, &config, &files, &cs).map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// Renders without colour, for tests and snapshots.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let config = Config::default();
    for d in diagnostics {
        let mut files = FileSet(Vec::new());
        let cs = to_codespan(d, &mut files);
        if term::emit_to_string(&mut out, &config, &files, &cs).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                d.severity, d.rule, d.finding.message
            ));
        }
    }
    out
}

/// The `--explain-facts` section: one line per fact and sentence.
pub fn explain_facts(lines: &[crate::engine::FactLine]) -> String {
    let mut out = String::new();
    let mut current = "";
    for l in lines {
        if l.path != current {
            out.push_str(&format!("facts for {}:\n", l.path));
            current = &l.path;
        }
        let at = l.line.map(|n| format!(" line {n}")).unwrap_or_default();
        let text = l
            .text
            .as_ref()
            .map(|t| format!(" '{}'", t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} ({}): {}{at}{text}: {}\n",
            l.fact, l.facts_file, l.outcome, l.detail
        ));
    }
    out
}

/// The closing line: "checked 3 files: 1 error, 2 warnings, 0 infos".
pub fn summary_line(s: Summary) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "checked {}: {}, {}, {}",
        plural(s.files, "file", "files"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos"),
    )
}
