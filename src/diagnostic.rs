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

/// Code of the findings about suppression comments that silence nothing. It is selected,
/// ignored and given a severity like any rule code.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// A hash of text that is the same on every machine and in every release (64-bit FNV-1a,
/// fixed by its definition; each part ends with a NUL so that ["ab", "c"] and ["a", "bc"]
/// differ): for SARIF fingerprints and shards.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

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

/// Whether a fix may be applied without a human looking (ruff's model): `--fix` applies the
/// safe ones, `--unsafe-fixes` the others too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The finding is certain and the rewrite is the only one that fits.
    Safe,
    /// A likely rewrite that a human should confirm.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A text replacement that fixes a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    /// Decided per finding. `None` until the engine resolves it: a rule that does not decide
    /// gets its declared default (safe for rules whose fix is declared safe).
    pub applicability: Option<Applicability>,
}

impl Fix {
    pub fn new(range: Range<usize>, replacement: impl Into<String>) -> Fix {
        Fix {
            start: range.start,
            end: range.end,
            replacement: replacement.into(),
            applicability: None,
        }
    }

    /// Whether `--fix` applies it without `--unsafe-fixes`.
    pub fn is_safe(&self) -> bool {
        self.applicability == Some(Applicability::Safe)
    }
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
    /// Reported at warning level at most, whatever the rule's severity (a finding less
    /// certain than the rule's usual one).
    pub warning_only: bool,
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
            warning_only: false,
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

    /// A secondary span in another file (a definition elsewhere in the document set).
    pub fn with_secondary_in(
        mut self,
        file: Arc<SourceFile>,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            file: Some(file),
            range,
            message: message.into(),
        });
        self
    }

    /// Caps the finding at warning level.
    pub fn at_most_warning(mut self) -> Self {
        self.warning_only = true;
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

    /// A fix whose applicability is the rule's declared default.
    pub fn with_fix(mut self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix::new(range, replacement));
        self
    }

    /// A fix that is safe for this finding: the finding is certain and the rewrite is the only
    /// one that fits.
    pub fn with_safe_fix(self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.with_fix_of(range, replacement, Applicability::Safe)
    }

    /// A fix a human should confirm for this finding, whatever the rule's default.
    pub fn with_unsafe_fix(self, range: Range<usize>, replacement: impl Into<String>) -> Self {
        self.with_fix_of(range, replacement, Applicability::Unsafe)
    }

    fn with_fix_of(
        mut self,
        range: Range<usize>,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        let mut fix = Fix::new(range, replacement);
        fix.applicability = Some(applicability);
        self.fix = Some(fix);
        self
    }

    /// Gives an undecided fix its rule's default applicability.
    pub fn resolve_fix(&mut self, default: Applicability) {
        if let Some(fix) = &mut self.fix {
            fix.applicability.get_or_insert(default);
        }
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
