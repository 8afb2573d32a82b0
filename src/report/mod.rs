//! Reporters: the formats a run's findings are written in. Each sits behind [`Format`] and its
//! one [`Format::write`]; the command line only picks the format and the destination.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod rdjsonl;
pub mod sarif;

pub use crate::diagnostic::Summary;

use crate::diagnostic::Diagnostic;
use crate::engine::FactLine;
use codespan_reporting::term::termcolor::WriteColor;

/// An output format of `factlint check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style, through codespan-reporting (coloured when the writer supports it).
    Human,
    /// The JSON document of the output contract.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// One self-contained annotated HTML page: each document with its findings marked.
    Html,
    /// reviewdog's diagnostic format, one JSON object per line.
    Rdjsonl,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML: one testsuite per file, one failed testcase per finding.
    Junit,
}

/// What a report shows: the findings of a run, its totals, and, when asked for, what each
/// fact was matched to.
pub struct Report<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub summary: Summary,
    /// `--explain-facts`: shown by the human and JSON formats.
    pub fact_lines: Option<&'a [FactLine]>,
}

impl Format {
    /// Writes the whole report in this format.
    pub fn write(self, out: &mut dyn WriteColor, report: &Report) -> std::io::Result<()> {
        let diagnostics = report.diagnostics;
        match self {
            Format::Json => json::write(out, diagnostics, report.summary, report.fact_lines),
            Format::Sarif => writeln!(out, "{}", sarif::render(diagnostics)),
            Format::Github => write!(out, "{}", github::render(diagnostics)),
            Format::Html => write!(out, "{}", html::render(diagnostics, report.summary)),
            Format::Rdjsonl => write!(out, "{}", rdjsonl::render(diagnostics)),
            Format::Gitlab => writeln!(out, "{}", gitlab::render(diagnostics)),
            Format::Junit => write!(out, "{}", junit::render(diagnostics)),
            Format::Concise => {
                write!(out, "{}", concise::render(diagnostics))?;
                writeln!(out, "{}", human::summary_line(report.summary))
            }
            Format::Human => {
                human::emit(out, diagnostics)?;
                if let Some(lines) = report.fact_lines {
                    write!(out, "{}", human::explain_facts(lines))?;
                }
                writeln!(out, "{}", human::summary_line(report.summary))
            }
        }
    }
}

/// A rule's name ("acronym-typo") for its code, or the code itself for custom rules and file
/// errors.
pub fn rule_name(code: &str) -> &str {
    crate::rules::by_code(code).map_or(code, |r| r.meta().name)
}
