//! `--format gitlab`: GitLab Code Quality JSON, an array of issues for a merge request's code
//! quality widget (`artifacts: reports: codequality`).
//!
//! Each issue has a `description`, a `check_name` (the rule code), a `fingerprint` that stays
//! the same while the finding does (rule, path, the flagged text and which occurrence of it in
//! the file, not the line, so that edits above it do not make it new), a `severity` (info,
//! minor, major, critical or blocker) and a `location` with the path and the 1-based line.

use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One Code Quality issue, field for field as GitLab reads it.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub description: String,
    pub check_name: String,
    pub fingerprint: String,
    pub severity: IssueSeverity,
    pub location: Location,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum IssueSeverity {
    Info,
    Minor,
    Major,
    Critical,
    Blocker,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub path: String,
    pub lines: Lines,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Lines {
    pub begin: usize,
}

fn severity(s: Severity) -> IssueSeverity {
    match s {
        Severity::Error => IssueSeverity::Major,
        Severity::Warning => IssueSeverity::Minor,
        Severity::Info => IssueSeverity::Info,
    }
}

/// FNV-1a, 128 bits wide as two 64-bit halves: stable across runs and platforms (the standard
/// library's hasher is not), and no extra crate for a fingerprint.
fn fingerprint(parts: &[&str]) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0u8]) {
            a = (a ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            b = (b ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3 ^ 0x9e37);
        }
    }
    format!("{a:016x}{b:016x}")
}

pub fn issues(diagnostics: &[Diagnostic]) -> Vec<Issue> {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let f = &d.finding;
            let text = d.file.text.get(f.range.clone()).unwrap_or("").to_string();
            let n = seen
                .entry((d.path().to_string(), d.rule.clone(), text.clone()))
                .or_insert(0);
            *n += 1;
            let occurrence = n.to_string();
            Issue {
                description: f.message.clone(),
                check_name: d.rule.clone(),
                fingerprint: fingerprint(&[d.path(), &d.rule, &text, &f.message, &occurrence]),
                severity: severity(d.severity),
                location: Location {
                    path: d.path().replace('\\', "/"),
                    lines: Lines {
                        begin: d.file.position(f.range.start).0,
                    },
                },
            }
        })
        .collect()
}

pub fn render(diagnostics: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(&issues(diagnostics)).expect("issues serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use crate::source::SourceFile;
    use serde_json::Value;
    use std::sync::Arc;

    fn diag(text: &str, word: &str, rule: &str, severity: Severity) -> Diagnostic {
        let start = text.find(word).unwrap();
        Diagnostic {
            file: Arc::new(SourceFile::new("docs/b.md", text)),
            rule: rule.into(),
            severity,
            finding: Finding::new(start..start + word.len(), format!("about {word}")),
        }
    }

    /// The Code Quality schema, checked by hand: a top-level array of objects, each with the
    /// required string fields, a severity from the allowed set and a positive integer line.
    fn check_schema(json: &str) {
        let v: Value = serde_json::from_str(json).unwrap();
        let issues = v.as_array().expect("top level is an array");
        for issue in issues {
            let o = issue.as_object().expect("issue is an object");
            for key in ["description", "check_name", "fingerprint"] {
                assert!(
                    o.get(key)
                        .and_then(Value::as_str)
                        .is_some_and(|s| !s.is_empty()),
                    "{key} is a non-empty string: {issue}"
                );
            }
            let sev = o["severity"].as_str().expect("severity is a string");
            assert!(["info", "minor", "major", "critical", "blocker"].contains(&sev));
            let loc = o["location"].as_object().expect("location is an object");
            assert!(loc["path"].as_str().is_some());
            assert!(loc["lines"]["begin"].as_u64().is_some_and(|n| n >= 1));
        }
        // And the typed form reads it back with no field left over.
        let _: Vec<Issue> = serde_json::from_str(json).unwrap();
    }

    #[test]
    fn issues_follow_the_schema_with_stable_distinct_fingerprints() {
        let text = "one ASISMA\ntwo ASISMA\nthree ECCAS";
        let ds = vec![
            diag(text, "ASISMA", "ACR003", Severity::Error),
            diag(
                &text.replacen("ASISMA", "xxxxxx", 1),
                "ASISMA",
                "ACR003",
                Severity::Error,
            ),
            diag(text, "ECCAS", "ACR001", Severity::Warning),
        ];
        let json = render(&ds);
        check_schema(&json);
        let issues = issues(&ds);
        assert_eq!(issues[0].severity, IssueSeverity::Major);
        assert_eq!(issues[2].severity, IssueSeverity::Minor);
        assert_eq!(issues[1].location.lines.begin, 2);
        // Different occurrences differ; the same run twice gives the same fingerprints.
        assert_ne!(issues[0].fingerprint, issues[1].fingerprint);
        assert_eq!(render(&ds), json);
        check_schema(&render(&[]));
    }
}
