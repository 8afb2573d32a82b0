//! `factlint.toml`: found upward from the current directory, or named with `--config`.
//!
//! ```toml
//! select = ["ACR"]            # rules to run (codes or prefixes); default: all
//! ignore = ["ACR006"]         # rules to skip
//! fail-on = "warning"         # error | warning | info | never
//!
//! [severity]                  # per-rule severity overrides
//! ACR001 = "error"
//!
//! [acronyms]
//! exempt = ["PLA", "MFO"]     # acronyms your readers know without a definition
//! known = ["general", "government"]   # lexicon domains (default: all five)
//! scope = "set"               # "set" (default): a definition counts in every file; or "file"
//!
//! extend-include = ["*.markdown2", "notes/*.draft"]  # walk these too, besides the document
//!                                                    # extensions (read by their extension)
//! exclude = ["drafts", "vendor/**", "CHANGELOG.md"] # never walk these
//! ```
//! The walk's globs are read against paths relative to the config file's folder; a glob
//! without a `/` matches a file or folder name at any depth, as ruff's do.
//! Unknown keys are errors that point at the offending line.

use crate::diagnostic::Severity;
use crate::source::SourceFile;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const CONFIG_NAME: &str = "factlint.toml";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// Whether a diagnostic of this severity fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub acronyms: AcronymConfig,
    /// Facts files, relative to the config file.
    #[serde(default)]
    pub facts: Vec<PathBuf>,
    /// Custom rule files or folders, relative to the config file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Built-in rule packs to run.
    #[serde(default)]
    pub packs: Vec<String>,
    /// Per-path overrides.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Globs of files a directory walk checks besides the document extensions.
    #[serde(default)]
    pub extend_include: Vec<String>,
    /// Globs of files and folders a directory walk leaves out.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// The walk's globs (`extend-include` or `exclude`), compiled: each is read against a path
/// relative to the config's folder, and one without a `/` also against any file or folder
/// name below it.
pub fn compile_walk_globs(key: &str, globs: &[String]) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        let glob = |p: &str| {
            globset::GlobBuilder::new(p)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("invalid glob '{g}' in `{key}`: {}", e.kind()))
        };
        b.add(glob(g.trim_start_matches("./"))?);
        if !g.contains('/') {
            b.add(glob(&format!("**/{g}"))?);
        }
    }
    b.build().map_err(|e| e.to_string())
}

/// `[[overrides]] files = ["glossary/**"] ignore = ["ACR001"]`: rules left out for some paths.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    pub files: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// The overrides' globs, compiled.
pub fn compile_overrides(
    overrides: &[Override],
) -> Result<Vec<(globset::GlobSet, Vec<String>)>, String> {
    overrides
        .iter()
        .map(|o| {
            let mut b = globset::GlobSetBuilder::new();
            for f in &o.files {
                // Read against the path relative to the config's folder; a glob without a
                // '/' ("*.txt", "CHANGELOG.md") also matches the file name in any folder.
                let glob = |p: &str| {
                    globset::Glob::new(p)
                        .map_err(|e| format!("invalid glob '{f}' in [[overrides]]: {e}"))
                };
                b.add(glob(f.trim_start_matches("./"))?);
                if !f.contains('/') {
                    b.add(glob(&format!("**/{f}"))?);
                }
            }
            let set = b.build().map_err(|e| e.to_string())?;
            Ok((set, o.ignore.clone()))
        })
        .collect()
}

impl Config {
    /// The configuration in effect, as TOML, defaults filled in.
    pub fn effective_toml(&self) -> String {
        let list = |v: &[String]| {
            format!(
                "[{}]",
                v.iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let paths = |v: &[PathBuf]| {
            list(
                &v.iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>(),
            )
        };
        let mut out = String::new();
        match &self.select {
            Some(s) => out.push_str(&format!("select = {}\n", list(s))),
            None => out.push_str("select = [\"ALL\"]\n"),
        }
        out.push_str(&format!("ignore = {}\n", list(&self.ignore)));
        let fail_on = match self.fail_on.unwrap_or(FailOn::Error) {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        };
        out.push_str(&format!("fail-on = \"{fail_on}\"\n"));
        out.push_str(&format!("facts = {}\n", paths(&self.facts)));
        out.push_str(&format!("rules = {}\n", paths(&self.rules)));
        out.push_str(&format!("packs = {}\n", list(&self.packs)));
        out.push_str(&format!(
            "extend-include = {}\nexclude = {}\n",
            list(&self.extend_include),
            list(&self.exclude)
        ));
        out.push_str("\n[severity]\n");
        for rule in crate::rules::BUILTIN {
            let m = rule.meta();
            let s = self.severity.get(m.code).copied().unwrap_or(m.severity);
            out.push_str(&format!("{} = \"{}\"\n", m.code, s));
        }
        for (k, v) in self.severity.iter().filter(|(k, _)| k.contains('.')) {
            out.push_str(&format!("\"{k}\" = \"{v}\"\n"));
        }
        out.push_str(&format!(
            "\n[acronyms]\nexempt = {}\n",
            list(&self.acronyms.exempt)
        ));
        let known: Vec<String> = self
            .acronyms
            .known_domains()
            .iter()
            .map(|d| d.name().to_string())
            .collect();
        out.push_str(&format!("known = {}\n", list(&known)));
        let scope = match self.acronyms.scope {
            AcronymScope::File => "file",
            AcronymScope::Set => "set",
        };
        out.push_str(&format!("scope = \"{scope}\"\n"));
        for o in &self.overrides {
            out.push_str(&format!(
                "\n[[overrides]]\nfiles = {}\nignore = {}\n",
                list(&o.files),
                list(&o.ignore)
            ));
        }
        out
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AcronymConfig {
    #[serde(default)]
    pub exempt: Vec<String>,
    /// The lexicon's domains whose acronyms need no definition (default: all of them).
    #[serde(default)]
    pub known: Option<Vec<String>>,
    /// Whether a definition counts in its own file only or in every file of the run.
    #[serde(default)]
    pub scope: AcronymScope,
}

/// `[acronyms] scope`: the unit a definition counts in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AcronymScope {
    /// Each file on its own.
    File,
    /// The run's files under one configuration, together (a docs site, a book, a report in
    /// several files).
    #[default]
    Set,
}

impl AcronymConfig {
    /// The chosen lexicon domains.
    pub fn known_domains(&self) -> Vec<crate::settings::Domain> {
        match &self.known {
            None => crate::settings::Domain::ALL.to_vec(),
            Some(names) => names
                .iter()
                .filter_map(|n| crate::settings::Domain::from_name(n))
                .collect(),
        }
    }
}

/// A problem in a config file, with the span of the offending TOML when known.
#[derive(Debug)]
pub struct ConfigError {
    pub file: Arc<SourceFile>,
    pub range: Option<Range<usize>>,
    pub message: String,
}

/// The nearest `factlint.toml` in `start` or one of its parents.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_NAME))
        .find(|p| p.is_file())
}

/// Reads and validates a config file: every problem in it, each with its span.
pub fn load_config(path: &Path) -> Result<Config, Vec<ConfigError>> {
    let text = crate::source::read_settings_file(path).map_err(|e| {
        vec![ConfigError {
            file: Arc::new(SourceFile::new(path.display().to_string(), "")),
            range: None,
            message: format!("cannot read config file: {e}"),
        }]
    })?;
    parse_config(&path.display().to_string(), &text)
}

/// The keys a config file may have.
const KEYS: &[&str] = &[
    "select",
    "ignore",
    "fail-on",
    "severity",
    "acronyms",
    "facts",
    "rules",
    "packs",
    "overrides",
    "extend-include",
    "exclude",
];

/// Parses and validates a config: all its problems at once (syntax errors, unknown keys, values
/// of the wrong type, unknown rule codes), or the config.
pub fn parse_config(name: &str, text: &str) -> Result<Config, Vec<ConfigError>> {
    use crate::source::toml_entries::{self, read};
    let file = Arc::new(SourceFile::new(name, text));
    let (entries, mut problems) = toml_entries::parse(text);
    let mut config = Config::default();
    for entry in entries {
        let key_problem = toml_entries::unknown_key(&entry, KEYS);
        let result = match entry.key.as_str() {
            "select" => read(entry.value).map(|v| config.select = Some(v)),
            "ignore" => read(entry.value).map(|v| config.ignore = v),
            "fail-on" => read(entry.value).map(|v| config.fail_on = Some(v)),
            "severity" => read(entry.value).map(|v| config.severity = v),
            "acronyms" => read(entry.value).map(|v| config.acronyms = v),
            "facts" => read(entry.value).map(|v| config.facts = v),
            "rules" => read(entry.value).map(|v| config.rules = v),
            "packs" => read(entry.value).map(|v| config.packs = v),
            "overrides" => read(entry.value).map(|v| config.overrides = v),
            "extend-include" => read(entry.value).map(|v| config.extend_include = v),
            "exclude" => read(entry.value).map(|v| config.exclude = v),
            _ => Err(key_problem),
        };
        if let Err(p) = result {
            problems.push(p);
        }
    }
    for name in config.acronyms.known.iter().flatten() {
        if crate::settings::Domain::from_name(name).is_none() {
            problems.push((
                find_value_span(text, "known", name).unwrap_or(0..0),
                format!(
                    "unknown acronym domain '{name}' in `known` (one of: general, government, economics, science, software)"
                ),
            ));
        }
    }
    for (key, globs) in [
        ("extend-include", &config.extend_include),
        ("exclude", &config.exclude),
    ] {
        for g in globs {
            if let Err(message) = compile_walk_globs(key, std::slice::from_ref(g)) {
                problems.push((find_value_span(text, key, g).unwrap_or(0..0), message));
            }
        }
    }
    // Codes in [severity], select and ignore must name rules. Custom rule ids ("house.rule")
    // are checked once the rules are loaded.
    let bad = |key: &str, code: &str| {
        (
            find_value_span(text, key, code).unwrap_or(0..0),
            format!("unknown rule code or prefix '{code}' in `{key}`"),
        )
    };
    for code in config.severity.keys() {
        let unused = code.eq_ignore_ascii_case(crate::diagnostic::UNUSED_SUPPRESSION);
        if crate::rules::by_code(code).is_none() && !code.contains('.') && !unused {
            problems.push(bad("severity", code));
        }
    }
    for (key, codes) in [
        ("select", config.select.as_deref().unwrap_or_default()),
        ("ignore", &config.ignore[..]),
    ] {
        for code in codes {
            if !crate::rules::selector_is_known(code) && !code.contains('.') && !is_pack_name(code)
            {
                problems.push(bad(key, code));
            }
        }
    }
    if problems.is_empty() {
        return Ok(config);
    }
    problems.sort_by_key(|(r, _)| (r.start, r.end));
    Err(problems
        .into_iter()
        .map(|(range, message)| ConfigError {
            file: file.clone(),
            range: Some(range),
            message: format!("invalid config: {message}"),
        })
        .collect())
}

fn is_pack_name(name: &str) -> bool {
    crate::custom::packs::names().contains(&name)
}

/// The span of `value` as written after `key` (quoted string or table key), for pointing at it.
fn find_value_span(text: &str, key: &str, value: &str) -> Option<Range<usize>> {
    let from = text.find(key).unwrap_or(0);
    for pattern in [
        format!("\"{value}\""),
        format!("'{value}'"),
        value.to_string(),
    ] {
        if let Some(i) = text[from..].find(&pattern) {
            return Some(from + i..from + i + pattern.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_points_at_its_line() {
        let text = "select = [\"ACR\"]\nignroe = [\"ACR006\"]\n";
        let e = parse_config("factlint.toml", text).unwrap_err().remove(0);
        let r = e.range.unwrap();
        assert_eq!(&text[r], "ignroe");
        assert!(
            e.message.contains("unknown field `ignroe`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_code_points_at_value() {
        let text = "[severity]\nACR001 = \"error\"\nXYZ9 = \"info\"\n";
        let e = parse_config("factlint.toml", text).unwrap_err().remove(0);
        assert_eq!(&text[e.range.unwrap()], "XYZ9");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = "selekt = [\"ACR\"]\nfail-on = \"sometimes\"\nignore = [\"XYZ9\"]\n[severity]\nACR001 = \"loud\"\n";
        let problems = parse_config("factlint.toml", text).unwrap_err();
        let spans: Vec<&str> = problems
            .iter()
            .map(|p| &text[p.range.clone().unwrap()])
            .collect();
        assert_eq!(spans.len(), 4, "{problems:?}");
        assert_eq!(spans[0], "selekt");
        assert!(spans[1].contains("sometimes"), "{spans:?}");
        assert!(spans[2].contains("XYZ9"), "{spans:?}");
        assert!(spans[3].contains("loud"), "{spans:?}");
    }

    #[test]
    fn a_bad_walk_glob_points_at_itself() {
        let text = "select = [\"ACR\"]\nexclude = [\"drafts\", \"a/**[\"]\n";
        let e = parse_config("factlint.toml", text).unwrap_err().remove(0);
        assert_eq!(&text[e.range.unwrap()], "\"a/**[\"");
        assert!(
            e.message.contains("invalid glob 'a/**[' in `exclude`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn good_config() {
        let c = parse_config(
            "f",
            "select = [\"ACR\"]\nfail-on = \"warning\"\n[acronyms]\nexempt = [\"PLA\"]\n",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.acronyms.exempt, vec!["PLA"]);
    }
}
