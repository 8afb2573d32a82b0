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
//! ```
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
                // A glob matches anywhere under the checked paths: "glossary/**" also matches
                // "docs/glossary/terms.md".
                let pattern = if f.starts_with('/') || f.starts_with("**") {
                    f.clone()
                } else {
                    format!("**/{f}")
                };
                b.add(
                    globset::Glob::new(&pattern)
                        .map_err(|e| format!("invalid glob '{f}' in [[overrides]]: {e}"))?,
                );
                b.add(
                    globset::Glob::new(f)
                        .map_err(|e| format!("invalid glob '{f}' in [[overrides]]: {e}"))?,
                );
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

/// Reads and validates a config file.
pub fn load_config(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: Arc::new(SourceFile::new(path.display().to_string(), "")),
        range: None,
        message: format!("cannot read config file: {e}"),
    })?;
    parse_config(&path.display().to_string(), &text)
}

pub fn parse_config(name: &str, text: &str) -> Result<Config, ConfigError> {
    let file = Arc::new(SourceFile::new(name, text));
    let config: Config = toml::from_str(text).map_err(|e| ConfigError {
        file: file.clone(),
        range: e.span(),
        message: format!("invalid config: {}", e.message()),
    })?;
    for name in config.acronyms.known.iter().flatten() {
        if crate::settings::Domain::from_name(name).is_none() {
            return Err(ConfigError {
                file: file.clone(),
                range: find_value_span(text, "known", name),
                message: format!(
                    "unknown acronym domain '{name}' in `known` (one of: general, government, economics, science, software)"
                ),
            });
        }
    }
    // Codes in [severity], select and ignore must name rules.
    let bad = |key: &str, code: &str| ConfigError {
        file: file.clone(),
        range: find_value_span(text, key, code),
        message: format!("unknown rule code or prefix '{code}' in `{key}`"),
    };
    // Custom rule ids ("house.rule") are checked once the rules are loaded.
    for code in config.severity.keys() {
        if crate::rules::by_code(code).is_none() && !code.contains('.') {
            return Err(bad("severity", code));
        }
    }
    for code in config.select.iter().flatten().chain(&config.ignore) {
        if !crate::rules::selector_is_known(code) && !code.contains('.') && !is_pack_name(code) {
            let key = if config.ignore.contains(code) {
                "ignore"
            } else {
                "select"
            };
            return Err(bad(key, code));
        }
    }
    Ok(config)
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
        let e = parse_config("factlint.toml", text).unwrap_err();
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
        let e = parse_config("factlint.toml", text).unwrap_err();
        assert_eq!(&text[e.range.unwrap()], "XYZ9");
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
