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
use std::ops::Range;

/// The JSON schema of SARIF 2.1.0.
const SCHEMA_URL: &str = "https://schemastore.azurewebsites.net/schemas/json/sarif-2.1.0.json";

fn region(file: &SourceFile, range: &Range<usize>) -> Value {
    let (line, column) = file.position(range.start);
    let (end_line, end_column) = file.position(range.end);
    let char_offset = file.text[..range.start.min(file.text.len())]
        .chars()
        .count();
    let char_length = file
        .text
        .get(range.clone())
        .map_or(0, |s| s.chars().count());
    json!({
        "startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
        "charOffset": char_offset, "charLength": char_length,
    })
}

fn location(file: &SourceFile, range: &Range<usize>, message: Option<&str>) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file.name.replace('\\', "/") },
            "region": region(file, range),
        }
    });
    if let Some(m) = message.filter(|m| !m.is_empty()) {
        location["message"] = json!({ "text": m });
    }
    location
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
                "locations": [location(&d.file, &f.range, None)],
            });
            if !f.labels.is_empty() {
                let related: Vec<Value> = f
                    .labels
                    .iter()
                    .map(|l| {
                        let file = l.file.as_deref().unwrap_or(&d.file);
                        location(file, &l.range, Some(&l.message))
                    })
                    .collect();
                result["relatedLocations"] = Value::Array(related);
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
