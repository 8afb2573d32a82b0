//! Findings and diagnostics.
//!
//! A rule produces [`Finding`]s about the document it reads; the engine turns them into
//! [`Diagnostic`]s, which know their file and their final severity.

use crate::source::SourceFile;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

/// Code of the diagnostics about files that cannot be read.
pub const IO_RULE: &str = "io";
/// Code of the diagnostics about a broken config file.
pub const CONFIG_RULE: &str = "config";
/// Code of the diagnostics about a broken facts file.
pub const FACTS_RULE: &str = "facts";
/// Code of the diagnostics about a broken custom rule file.
pub const RULES_RULE: &str = "rules";

/// Whether a diagnostic is about the run's own inputs (a file that cannot be read, a broken
/// config, facts or rule file) rather than a finding in a document. Such problems make the run
/// exit 2, are never recorded in a baseline, and are never hidden by one.
pub fn is_setup_problem(rule: &str) -> bool {
    matches!(rule, IO_RULE | CONFIG_RULE | FACTS_RULE | RULES_RULE)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity '{other}' (expected error, warning or info)"
            )),
        }
    }
}

/// A text replacement that fixes a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// A secondary span: where the definition, the fact or the earlier occurrence is.
#[derive(Clone, Debug)]
pub struct Label {
    /// `None` means the document the finding is about.
    pub file: Option<Arc<SourceFile>>,
    pub range: Range<usize>,
    pub message: String,
}

/// What a rule reports, before the engine applies configuration.
#[derive(Clone, Debug)]
pub struct Finding {
    pub range: Range<usize>,
    pub message: String,
    /// The message under the primary span (a few words).
    pub label: String,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// A style note reported at info level whatever the rule's severity.
    pub info_only: bool,
}

impl Finding {
    pub fn new(range: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            range,
            message: message.into(),
            label: String::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
            info_only: false,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn with_secondary(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            file: None,
            range,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            start: range.start,
            end: range.end,
            replacement: replacement.into(),
        });
        self
    }
}

/// A finding placed in its file, with its code and final severity.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub file: Arc<SourceFile>,
    pub rule: String,
    pub severity: Severity,
    pub finding: Finding,
}

impl Diagnostic {
    /// A diagnostic about a whole file that could not be read, or a config problem with no span.
    pub fn file_error(file: Arc<SourceFile>, rule: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file,
            rule: rule.to_string(),
            severity: Severity::Error,
            finding: Finding::new(0..0, message),
        }
    }

    pub fn path(&self) -> &str {
        &self.file.name
    }
}

/// Counts by severity, for summaries and exit codes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn new(files: usize, diagnostics: &[Diagnostic]) -> Summary {
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        Summary {
            files,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}
