//! Baselines: `--write-baseline FILE` records the current findings; `--baseline FILE` reports
//! only findings that are not in it. A finding is recorded by its rule, its file and the
//! normalised text of the flagged span and of its sentence, so it survives lines moving above
//! it: a team can adopt factlint on an existing repository and hold the line from there.

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub rule: String,
    pub path: String,
    /// The flagged text, white space collapsed.
    pub text: String,
    /// The sentence around it, white space collapsed.
    pub context: String,
}

/// The version of the baseline format this release writes and reads.
const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence around a span: from the end of the previous sentence to the end of this one.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let is_end = |w: &[u8]| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace();
    let bytes = text.as_bytes();
    let mut s = start.min(text.len());
    while s > 1 && !is_end(&bytes[s - 2..s]) && !(bytes[s - 1] == b'\n' && bytes[s - 2] == b'\n') {
        s -= 1;
    }
    let mut e = end.min(text.len());
    while e + 1 < bytes.len()
        && !is_end(&bytes[e..e + 2])
        && !(bytes[e] == b'\n' && bytes[e + 1] == b'\n')
    {
        e += 1;
    }
    let (mut s, mut e) = (s.min(start), (e + 1).min(text.len()).max(end));
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[s..e]
}

pub fn entry(d: &Diagnostic) -> Entry {
    let text = &d.file.text;
    let r = d.finding.range.clone();
    Entry {
        rule: d.rule.clone(),
        // Windows separators are written as `/`, so that a baseline holds on every system; on
        // Unix a backslash is a character of the name.
        path: if cfg!(windows) {
            d.path().replace('\\', "/")
        } else {
            d.path().to_string()
        },
        text: normalise(text.get(r.clone()).unwrap_or("")),
        context: normalise(sentence_around(text, r.start, r.end)),
    }
}

/// Writes the baseline of these findings, atomically. Problems with the run's own inputs (a
/// file that cannot be read, a broken config, facts or rule file) are not findings and are
/// left out: a baseline must never hide them.
pub fn write(path: &Path, diagnostics: &[Diagnostic]) -> std::io::Result<usize> {
    let findings: Vec<Entry> = diagnostics
        .iter()
        .filter(|d| !crate::diagnostic::is_setup_problem(&d.rule))
        .map(entry)
        .collect();
    let n = findings.len();
    let json = serde_json::to_string_pretty(&File {
        version: VERSION,
        findings,
    })
    .map_err(std::io::Error::other)?;
    crate::fix::write_atomically(path, format!("{json}\n").as_bytes())?;
    Ok(n)
}

/// Reads a baseline.
pub fn read(path: &Path) -> Result<Vec<Entry>, String> {
    let text = crate::source::read_settings_file(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("invalid baseline {}: {e}", path.display()))
}

/// The findings of a baseline's text; a version this release does not know is refused (its
/// findings may not mean what they say here).
fn parse(text: &str) -> Result<Vec<Entry>, String> {
    #[derive(Deserialize)]
    struct Version {
        version: serde_json::Value,
    }
    let v: Version = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if v.version != serde_json::json!(VERSION) {
        return Err(format!(
            "unknown baseline version {} (this factlint reads version {VERSION}); \
             write it again with --write-baseline",
            v.version
        ));
    }
    let file: File = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(file.findings)
}

/// Drops the findings the baseline already holds (each baseline entry hides one finding), and
/// returns how many were hidden.
pub fn filter(diagnostics: &mut Vec<Diagnostic>, baseline: &[Entry]) -> usize {
    let mut remaining: HashMap<&Entry, usize> = HashMap::new();
    for e in baseline {
        *remaining.entry(e).or_default() += 1;
    }
    let before = diagnostics.len();
    diagnostics.retain(|d| {
        if crate::diagnostic::is_setup_problem(&d.rule) {
            return true;
        }
        let e = entry(d);
        match remaining.get_mut(&e) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        }
    });
    before - diagnostics.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_version_is_refused() {
        let e = parse(r#"{"version": 99, "findings": []}"#).unwrap_err();
        assert!(e.contains("unknown baseline version 99"), "{e}");
        assert!(parse(r#"{"version": "1", "findings": []}"#).is_err());
        assert!(parse(r#"{"findings": []}"#).is_err());
        assert_eq!(parse(r#"{"version": 1, "findings": []}"#).unwrap(), vec![]);
    }

    #[test]
    fn sentence_context() {
        let t = "First one. The ASISMA unit\nmoved north. Last.";
        let s = t.find("ASISMA").unwrap();
        assert_eq!(
            normalise(sentence_around(t, s, s + 6)),
            "The ASISMA unit moved north."
        );
    }
}
