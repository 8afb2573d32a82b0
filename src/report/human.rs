//! Human output through codespan-reporting: the offending text underlined, related text
//! (the definition, the fact) as secondary labels, then notes and help.

use super::window::Excerpt;
use super::Summary;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error as FilesError, Files, Location};
use codespan_reporting::term::termcolor::{Buffer, ColorSpec, WriteColor};
use codespan_reporting::term::{self, Config};
use std::ops::Range;
use std::sync::Arc;

/// The files one diagnostic points into, each as its excerpt: its document first, then any
/// others its labels name; and their names as shown (control characters escaped).
struct FileSet<'a>(Vec<Excerpt<'a>>, Vec<String>);

impl FileSet<'_> {
    fn get(&self, id: usize) -> Result<&Excerpt<'_>, FilesError> {
        self.0.get(id).ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for FileSet<'_> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.1
            .get(id)
            .map(String::as_str)
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.get(id)?.line_index(byte_index))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, FilesError> {
        Ok(self.get(id)?.line_number(line_index))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let e = self.get(id)?;
        e.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: e.line_index(e.text.len()),
        })
    }

    fn location(&'a self, id: usize, byte_index: usize) -> Result<Location, FilesError> {
        let (line_number, column_number) = self.get(id)?.position(byte_index);
        Ok(Location {
            line_number,
            column_number,
        })
    }
}

/// Builds the codespan diagnostic of `d` and the excerpts of the files it points into.
fn to_codespan<'a>(d: &'a Diagnostic) -> (CsDiagnostic<usize>, FileSet<'a>) {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        // Shown as "info" by InfoWord, the word the JSON, the summary and the docs use.
        Severity::Info => CsSeverity::Note,
    };
    let f = &d.finding;
    let mut diag = CsDiagnostic::new(severity)
        .with_code(&d.rule)
        .with_message(&f.message);
    let no_span = f.range.is_empty() && f.label.is_empty() && f.labels.is_empty();
    let mut files: Vec<(&'a SourceFile, Vec<Range<usize>>)> = Vec::new();
    let mut id_of = |file: &'a Arc<SourceFile>, range: &Range<usize>| {
        let i = match files.iter().position(|(f, _)| std::ptr::eq(*f, &**file)) {
            Some(i) => i,
            None => {
                files.push((file, Vec::new()));
                files.len() - 1
            }
        };
        files[i].1.push(range.clone());
        i
    };
    let mut labels = Vec::new();
    if no_span {
        let name = super::shown_name(d.path());
        diag = diag.with_message(format!("{name}: {}", f.message));
    } else {
        let doc = id_of(&d.file, &f.range);
        labels.push((doc, f.range.clone(), true, f.label.as_str()));
        for l in &f.labels {
            let file = l.file.as_ref().unwrap_or(&d.file);
            labels.push((id_of(file, &l.range), l.range.clone(), false, &l.message));
        }
    }
    let set = FileSet(
        files
            .iter()
            .map(|(file, spans)| Excerpt::new(file, spans))
            .collect(),
        files
            .iter()
            .map(|(file, _)| super::shown_name(&file.name).into_owned())
            .collect(),
    );
    let labels: Vec<Label<usize>> = labels
        .into_iter()
        .map(|(id, range, primary, message)| {
            let range = set.0[id].map_range(&range);
            let label = if primary {
                Label::primary(id, range)
            } else {
                Label::secondary(id, range)
            };
            label.with_message(message)
        })
        .collect();
    if !labels.is_empty() {
        diag = diag.with_labels(labels);
    }
    let mut notes: Vec<String> = f.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &f.help {
        notes.push(format!("help: {help}"));
    }
    (diag.with_notes(notes), set)
}

/// Passes codespan's output through, but for the severity word of an info: codespan knows
/// "note", factlint's severities are error, warning and info. In codespan's rich style the
/// header's severity word is the first text a diagnostic writes, in one write.
struct InfoWord<'w> {
    out: &'w mut dyn WriteColor,
    first: bool,
}

impl std::io::Write for InfoWord<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if std::mem::take(&mut self.first) && buf == b"note" {
            self.out.write_all(b"info")?;
            return Ok(buf.len());
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl WriteColor for InfoWord<'_> {
    fn supports_color(&self) -> bool {
        self.out.supports_color()
    }

    fn set_color(&mut self, spec: &ColorSpec) -> std::io::Result<()> {
        self.out.set_color(spec)
    }

    fn reset(&mut self) -> std::io::Result<()> {
        self.out.reset()
    }
}

/// Writes each diagnostic, rustc-style, to `out` (coloured if `out` supports colour), each
/// line of source cut to a window around its spans.
pub fn emit(out: &mut dyn WriteColor, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    emit_refs(out, &diagnostics.iter().collect::<Vec<_>>())
}

/// [`emit`] for a selection of diagnostics.
pub fn emit_refs(out: &mut dyn WriteColor, diagnostics: &[&Diagnostic]) -> std::io::Result<()> {
    let config = Config::default();
    // codespan writes a source line a character at a time: each diagnostic is rendered into
    // a buffer in memory, then written in one piece (the report still goes out as it is made,
    // never held whole), which halves the cost of a report of 50,000 findings.
    let mut buffer = if out.supports_color() {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in diagnostics {
        let (cs, files) = to_codespan(d);
        buffer.clear();
        let mut w = InfoWord {
            out: &mut buffer,
            first: true,
        };
        term::emit_to_write_style(&mut w, &config, &files, &cs).map_err(std::io::Error::other)?;
        out.write_all(buffer.as_slice())?;
    }
    Ok(())
}

/// Renders without colour, for tests and snapshots.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    if emit(&mut out, diagnostics).is_err() {
        return diagnostics
            .iter()
            .map(|d| format!("{}[{}]: {}\n", d.severity, d.rule, d.finding.message))
            .collect();
    }
    String::from_utf8(out.into_inner()).unwrap_or_default()
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
