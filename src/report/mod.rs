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
mod window;

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
    /// List the infos in the human and concise formats (`--show-infos`); otherwise they are
    /// counted in one line. The machine formats always list everything.
    pub show_infos: bool,
    /// Human and concise output: the findings only, no summary or count lines.
    pub quiet: bool,
    /// Human and concise output: a count per rule instead of the findings.
    pub statistics: bool,
}

impl Report<'_> {
    /// The diagnostics a terminal format lists, and the line that counts the infos it leaves
    /// out ("3 infos not shown (ACR006 2, unused-suppression 1): --show-infos lists them").
    fn for_terminal(&self) -> (Vec<&Diagnostic>, Option<String>) {
        if self.show_infos {
            return (self.diagnostics.iter().collect(), None);
        }
        let (shown, infos): (Vec<&Diagnostic>, Vec<&Diagnostic>) = self
            .diagnostics
            .iter()
            .partition(|d| d.severity != crate::diagnostic::Severity::Info);
        if infos.is_empty() {
            return (shown, None);
        }
        let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
        for d in &infos {
            *by_rule.entry(d.rule.as_str()).or_default() += 1;
        }
        let rules: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        let s = if infos.len() == 1 { "" } else { "s" };
        let line = format!(
            "{} info{s} not shown ({}): --show-infos lists them",
            infos.len(),
            rules.join(", ")
        );
        (shown, Some(line))
    }
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
            Format::Human | Format::Concise if report.statistics => {
                write!(out, "{}", statistics(diagnostics))?;
                if !report.quiet {
                    writeln!(out, "{}", human::summary_line(report.summary))?;
                }
                Ok(())
            }
            Format::Concise => {
                let (shown, hidden) = report.for_terminal();
                write!(out, "{}", concise::render_refs(&shown))?;
                if report.quiet {
                    return Ok(());
                }
                if let Some(line) = hidden {
                    writeln!(out, "{line}")?;
                }
                writeln!(out, "{}", human::summary_line(report.summary))
            }
            Format::Human => {
                let (shown, hidden) = report.for_terminal();
                human::emit_refs(out, &shown)?;
                if let Some(lines) = report.fact_lines {
                    write!(out, "{}", human::explain_facts(lines))?;
                }
                if report.quiet {
                    return Ok(());
                }
                if let Some(line) = hidden {
                    writeln!(out, "{line}")?;
                }
                writeln!(out, "{}", human::summary_line(report.summary))
            }
        }
    }
}

/// A file name as the terminal formats (human, concise) print it: control characters — a
/// newline in a name — escaped (`\n`, `\u{1b}`), so that a name cannot break a line or
/// fake one. Other formats write names in their own quoting (JSON strings, XML, URIs).
pub fn shown_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return name.into();
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// `--statistics`: one line per rule with findings, most first: count, code, name, and how
/// many of them a fix is offered for.
fn statistics(diagnostics: &[Diagnostic]) -> String {
    let mut by_rule: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for d in diagnostics {
        let e = by_rule.entry(&d.rule).or_default();
        e.0 += 1;
        e.1 += usize::from(d.finding.fix.is_some());
    }
    let mut rows: Vec<(&str, (usize, usize))> = by_rule.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let mut out = String::new();
    for (rule, (n, fixable)) in rows {
        let fix = if fixable > 0 {
            format!("  ({fixable} with a fix)")
        } else {
            String::new()
        };
        out.push_str(&format!("{n:>6}  {rule:<20} {}{fix}\n", rule_name(rule)));
    }
    out
}

/// A rule's name ("acronym-typo") for its code, or the code itself for custom rules and file
/// errors.
pub fn rule_name(code: &str) -> &str {
    crate::rules::by_code(code).map_or(code, |r| r.meta().name)
}
