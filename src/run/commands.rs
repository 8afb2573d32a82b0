//! The other commands' library halves: `factlint acronyms` and `factlint explain`.

use super::{load_config, load_input, ConfigSource};
use crate::custom;
use crate::rules;
use crate::source;
use rayon::prelude::*;
use std::path::PathBuf;

/// One acronym definition found by `factlint acronyms`. The fields are in the order the JSON
/// output has always listed them (alphabetical).
#[derive(Clone, Debug, serde::Serialize)]
pub struct AcronymEntry {
    pub column: usize,
    pub line: usize,
    pub long: String,
    pub path: String,
    pub short: String,
}

/// The acronym definitions of the documents under `paths`, in path order, with the inputs that
/// could not be read ("path: why").
pub fn acronyms(paths: &[PathBuf]) -> (Vec<AcronymEntry>, Vec<String>) {
    let inputs = source::expand_paths(paths);
    let results: Vec<Result<Vec<AcronymEntry>, String>> = inputs
        .par_iter()
        .map(|input| {
            let Some(doc) = load_input(input).map_err(|e| format!("{}: {e}", input.display()))?
            else {
                return Ok(Vec::new());
            };
            let analysis = crate::analysis::Analysis::new(&doc);
            Ok(analysis
                .definitions
                .iter()
                .map(|d| {
                    let (line, column) = doc.file.position(d.short_range.start);
                    AcronymEntry {
                        path: doc.name().to_string(),
                        short: d.written.clone(),
                        long: d.long.clone(),
                        line,
                        column,
                    }
                })
                .collect())
        })
        .collect();
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(v) => found.extend(v),
            Err(e) => errors.push(e),
        }
    }
    (found, errors)
}

/// What `factlint explain` prints for a built-in rule (by code or name) or a custom rule (by
/// id, from `rule_paths`, the discovered config's rules, or a pack).
pub fn explain(code: &str, rule_paths: &[PathBuf]) -> Option<String> {
    if let Some(rule) = rules::by_code_or_name(code) {
        let m = rule.meta();
        return Some(format!(
            "# {} ({})\n\nDefault severity: {}. Fix: {}.\n\n{}\n",
            m.name,
            m.code,
            m.severity,
            m.fix.describe(),
            m.explanation()
        ));
    }
    let mut paths = rule_paths.to_vec();
    let mut packs: Vec<String> = custom::packs::names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Ok((c, Some(dir))) = load_config(&ConfigSource::Discover) {
        paths.extend(c.rules.iter().map(|p| dir.join(p)));
        packs.extend(c.packs);
    }
    packs.sort();
    packs.dedup();
    let (custom, _) = custom::load_rules(&paths, &packs).unwrap_or_default();
    custom
        .rules
        .iter()
        .find(|r| r.id == code)
        .map(|r| r.explanation())
}

/// The definitions found, as a facts file's `[acronyms]` table (`factlint acronyms --format
/// toml`): one entry per acronym, its first definition in path order, and the other
/// expansions the set gives it as comments, so that pasting it does not hide a conflict.
pub fn glossary_toml(found: &[AcronymEntry]) -> String {
    use std::collections::BTreeMap;
    let mut by_short: BTreeMap<&str, Vec<&AcronymEntry>> = BTreeMap::new();
    for a in found {
        // "PKOs" defines "PKO".
        let base = crate::analysis::acronyms::acronym_base(&a.short).unwrap_or(&a.short);
        by_short.entry(base).or_default().push(a);
    }
    let files: std::collections::BTreeSet<&str> = found.iter().map(|a| a.path.as_str()).collect();
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let key = |s: &str| {
        if !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            s.to_string()
        } else {
            quote(s)
        }
    };
    let mut out = format!(
        "# The acronyms defined in {} file{}, as a facts file's glossary (factlint acronyms --format toml).\n[acronyms]\n",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    for (short, defs) in by_short {
        let first = defs[0];
        let mut seen = vec![first.long.as_str()];
        for d in &defs[1..] {
            if !seen.contains(&d.long.as_str()) {
                seen.push(d.long.as_str());
                out.push_str(&format!(
                    "# {short} is also defined as {} at {}:{}\n",
                    quote(&d.long),
                    d.path,
                    d.line
                ));
            }
        }
        out.push_str(&format!("{} = {}\n", key(short), quote(&first.long)));
    }
    out
}
