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

/// The character offset of a byte offset of a file: SARIF wants one for every region, and
/// counting from the start of the file (or of a line) for each made a report quadratic.
/// [`SourceFile::char_offset`] counts from its nearest checkpoint.
#[derive(Default)]
struct CharOffsets;

impl CharOffsets {
    fn of(&mut self, file: &SourceFile, offset: usize) -> usize {
        file.char_offset(offset)
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

/// A file's name as a URI reference (RFC 3986, as SARIF's `artifactLocation.uri` wants): a
/// relative path stays relative, an absolute one becomes a `file://` URI; `/` separates
/// segments; every byte but the unreserved characters and a few safe delimiters is
/// percent-encoded (UTF-8 for non-ASCII, the raw byte for a name that is not UTF-8, shown as
/// `\xFF` elsewhere). A backslash is a separator on Windows only; on Unix it is `%5C`.
pub fn uri(file: &SourceFile) -> String {
    let name = if cfg!(windows) {
        file.name.replace('\\', "/")
    } else {
        file.name.clone()
    };
    let drive = name.as_bytes().get(1) == Some(&b':') && cfg!(windows);
    let absolute = name.starts_with('/') || drive;
    let mut out = String::with_capacity(name.len() + 8);
    if absolute {
        out.push_str(if drive { "file:///" } else { "file://" });
    }
    for b in raw_bytes(&name) {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.' | b'_' | b'~' | b'/' | b'!' | b'$' | b'&' | b'\''
            )
            || matches!(b, b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@')
            || (b == b':' && absolute);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bytes of a name as shown, with the `\xFF` escapes of bytes that are not UTF-8 (see
/// `source::display_path`) turned back into those bytes.
fn raw_bytes(name: &str) -> Vec<u8> {
    let b = name.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16).filter(|_| !c.is_ascii_lowercase());
        if cfg!(unix) && b[i] == b'\\' && b.get(i + 1) == Some(&b'x') {
            if let (Some(h), Some(l)) = (
                b.get(i + 2).and_then(|&c| hex(c)),
                b.get(i + 3).and_then(|&c| hex(c)),
            ) {
                let byte = (h * 16 + l) as u8;
                if byte >= 0x80 {
                    out.push(byte);
                    i += 4;
                    continue;
                }
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
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
    let mut chars = CharOffsets;
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
        let mut chars = CharOffsets;
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

    #[test]
    fn uris_are_percent_encoded() {
        let u = |name: &str| uri(&SourceFile::new(name, ""));
        assert_eq!(u("docs/a b#1?x%.md"), "docs/a%20b%231%3Fx%25.md");
        assert_eq!(u("café/naïve.md"), "caf%C3%A9/na%C3%AFve.md");
        assert_eq!(u("line\nbreak.md"), "line%0Abreak.md");
        assert_eq!(u("/abs/path.md"), "file:///abs/path.md");
        assert_eq!(u("<stdin>"), "%3Cstdin%3E");
        if cfg!(unix) {
            assert_eq!(u("back\\slash.md"), "back%5Cslash.md");
            // A name that is not UTF-8, as `display_path` shows it: the raw byte.
            assert_eq!(u("caf\\xE9.md"), "caf%E9.md");
            assert_eq!(u("a:b.md"), "a%3Ab.md");
        }
    }
}
