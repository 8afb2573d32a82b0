//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards.
//!
//! Written with `serde_json` values rather than a SARIF types crate: we emit a small, fixed
//! subset of the format (one run, rule descriptors, results with regions and related
//! locations), and the types crate we used before (serde-sarif) generated its types at build
//! time, which compiled two extra major versions of `syn` into every build. Keys come out in
//! sorted order, as before.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::BUILTIN;
use crate::source::SourceFile;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::ops::Range;

/// The JSON schema of SARIF 2.1.0.
const SCHEMA_URL: &str = "https://schemastore.azurewebsites.net/schemas/json/sarif-2.1.0.json";

/// How many characters come before each line of each file a report points into: SARIF wants
/// a character offset for every region, and counting from the start of the file for each one
/// made a report quadratic in the file's size. Built once per file, on first use.
#[derive(Default)]
struct CharOffsets(HashMap<*const SourceFile, Vec<usize>>);

impl CharOffsets {
    /// The character offset of a byte offset of `file`.
    fn of(&mut self, file: &SourceFile, offset: usize) -> usize {
        let starts = self.0.entry(file as *const SourceFile).or_insert_with(|| {
            let lines = file.line_starts();
            let mut out = Vec::with_capacity(lines.len());
            let mut chars = 0;
            let mut at = 0;
            for &start in lines {
                chars += file.text[at..start].chars().count();
                at = start;
                out.push(chars);
            }
            out
        });
        let offset = offset.min(file.text.len());
        let line = file.line_index(offset);
        starts[line] + file.text[file.line_starts()[line]..offset].chars().count()
    }
}

fn region(file: &SourceFile, range: &Range<usize>, chars: &mut CharOffsets) -> Value {
    let (line, column) = file.position(range.start);
    let (end_line, end_column) = file.position(range.end);
    let char_offset = chars.of(file, range.start);
    let char_length = file
        .text
        .get(range.clone())
        .map_or(0, |s| s.chars().count());
    json!({
        "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
        "charOffset": char_offset, "charLength": char_length,
    })
}

fn uri(file: &SourceFile) -> String {
    file.name.replace('\\', "/")
}

fn location(
    file: &SourceFile,
    range: &Range<usize>,
    message: Option<&str>,
    chars: &mut CharOffsets,
) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(file) },
            "region": region(file, range, chars),
        }
    });
    if let Some(m) = message.filter(|m| !m.is_empty()) {
        location["message"] = json!({ "text": m });
    }
    location
}

/// A stable fingerprint of a finding, so that code-scanning dashboards follow it across runs
/// while lines move: the rule, the file and the text of the span and its sentence (what a
/// baseline records), hashed with [`crate::diagnostic::stable_hash`], the same on every
/// platform and in every release.
fn fingerprint(d: &Diagnostic) -> String {
    let e = crate::baseline::entry(d);
    let hash = crate::diagnostic::stable_hash(&[&e.rule, &e.path, &e.text, &e.context]);
    format!("{hash:016x}")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders diagnostics as a SARIF 2.1.0 log with one run; every built-in rule is described
/// with its help text, and custom rules that produced results are listed too.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut rule_ids: Vec<String> = BUILTIN.iter().map(|r| r.meta().code.to_string()).collect();
    let mut descriptors: Vec<Value> = BUILTIN
        .iter()
        .map(|r| {
            let m = r.meta();
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.summary },
                "help": { "text": m.explanation(), "markdown": m.explanation() },
                "defaultConfiguration": { "level": level(m.severity) },
            })
        })
        .collect();
    for d in diagnostics {
        if !rule_ids.contains(&d.rule) {
            rule_ids.push(d.rule.clone());
            descriptors.push(json!({ "id": d.rule, "shortDescription": { "text": d.rule } }));
        }
    }
    let mut chars = CharOffsets::default();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let f = &d.finding;
            let mut text = f.message.clone();
            for n in &f.notes {
                text.push_str(&format!("\n{n}"));
            }
            let index = rule_ids.iter().position(|r| *r == d.rule).unwrap_or(0);
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [location(&d.file, &f.range, None, &mut chars)],
                "partialFingerprints": { "factlint/v1": fingerprint(d) },
            });
            if !f.labels.is_empty() {
                let related: Vec<Value> = f
                    .labels
                    .iter()
                    .map(|l| {
                        let file = l.file.as_deref().unwrap_or(&d.file);
                        location(file, &l.range, Some(&l.message), &mut chars)
                    })
                    .collect();
                result["relatedLocations"] = Value::Array(related);
            }
            if let Some(fix) = &f.fix {
                let applicability = fix.applicability.map_or("unsafe", |a| a.as_str());
                let description = match &f.help {
                    Some(help) => format!("{help} ({applicability} fix)"),
                    None => format!("write '{}' ({applicability} fix)", fix.replacement),
                };
                result["fixes"] = json!([{
                    "description": { "text": description },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&d.file) },
                        "replacements": [{
                            "deletedRegion": region(&d.file, &(fix.start..fix.end), &mut chars),
                            "insertedContent": { "text": fix.replacement },
                        }],
                    }],
                }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA_URL,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/factlint/factlint",
                "rules": descriptors,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;
    use std::sync::Arc;

    #[test]
    fn char_offsets_count_characters_from_the_start_of_the_file() {
        let file = SourceFile::new("t.md", "“PLA’s” unit\nnext — line\nlast é");
        let mut chars = CharOffsets::default();
        for offset in (0..=file.text.len()).filter(|&o| file.text.is_char_boundary(o)) {
            assert_eq!(chars.of(&file, offset), file.text[..offset].chars().count());
        }
    }

    #[test]
    fn results_carry_their_fix_and_a_stable_fingerprint() {
        let file = Arc::new(SourceFile::new("t.md", "The JMCA met.\n"));
        let d = Diagnostic {
            file,
            rule: "ACR003".into(),
            severity: Severity::Error,
            finding: Finding::new(4..8, "typo").with_safe_fix(4..8, "JMAC"),
        };
        let log: Value = serde_json::from_str(&render(std::slice::from_ref(&d))).unwrap();
        let result = &log["runs"][0]["results"][0];
        let fix = &result["fixes"][0]["artifactChanges"][0];
        assert_eq!(fix["artifactLocation"]["uri"], "t.md");
        assert_eq!(fix["replacements"][0]["insertedContent"]["text"], "JMAC");
        assert_eq!(fix["replacements"][0]["deletedRegion"]["startColumn"], 5);
        let print = result["partialFingerprints"]["factlint/v1"]
            .as_str()
            .unwrap();
        assert_eq!(print.len(), 16);
        assert_eq!(
            print,
            fingerprint(&d),
            "the same finding, the same fingerprint"
        );
    }
}
