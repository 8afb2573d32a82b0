//! What a file is checked under: the configuration found for it and everything built from it
//! (rule selection, settings, custom rules and packs, facts files, per-path overrides,
//! `fail-on`), built once per configuration and shared by every file that has it.

use super::{CheckOptions, ConfigSource, RunError};
use crate::analysis::PartialDate;
use crate::config::{self, Config, FailOn};
use crate::custom::{self, CustomRules};
use crate::diagnostic::Diagnostic;
use crate::engine::Selection;
use crate::rules;
use crate::settings::Settings;
use crate::source::Input;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Finds the configuration of each input: the nearest `factlint.toml` upward from the file's
/// folder, remembered per folder.
#[derive(Default)]
pub struct ConfigFinder {
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
}

impl ConfigFinder {
    /// The config file `input` is checked under, or `None` for the defaults.
    pub fn config_for(&mut self, source: &ConfigSource, input: &Input) -> Option<PathBuf> {
        match source {
            ConfigSource::Ignore => None,
            ConfigSource::File(p) => Some(p.clone()),
            ConfigSource::Discover => {
                let cwd = std::env::current_dir().ok()?;
                let dir = match input {
                    Input::File { path, .. } => {
                        let folder = path.parent().unwrap_or(Path::new(""));
                        cwd.join(folder)
                    }
                    // A directory that could not be walked or holds no documents is judged
                    // under the configuration of where it is.
                    Input::Error { display, .. }
                    | Input::EmptyDirectory { display }
                    | Input::SkippedLinks { display, .. } => cwd.join(display),
                    // Named by --stdin-filename: judged as that file would be.
                    Input::Stdin { name: Some(name) } => {
                        cwd.join(Path::new(name).parent().unwrap_or(Path::new("")))
                    }
                    Input::Stdin { name: None } => cwd,
                };
                self.by_dir
                    .entry(dir.clone())
                    .or_insert_with(|| config::find_config(&dir))
                    .clone()
            }
        }
    }
}

/// Everything built from one configuration.
pub struct Environment {
    /// The config file, `None` for the defaults.
    pub config_path: Option<PathBuf>,
    /// The folder its relative paths and override globs are read against.
    dir: Option<PathBuf>,
    pub selection: Selection,
    pub settings: Settings,
    pub custom: CustomRules,
    /// Facts files for every document under it: the config's and `--facts`.
    pub facts: Vec<PathBuf>,
    overrides: Vec<(globset::GlobSet, Vec<String>)>,
    pub fail_on: FailOn,
    /// Problems with its custom rule files.
    pub problems: Vec<Diagnostic>,
    /// The result cache for documents checked under it, when the run keeps one.
    pub cache: Option<super::cache::Cache>,
    /// Whether its files' acronym definitions count in every file of it (`[acronyms] scope`).
    pub acronym_scope: config::AcronymScope,
}

impl Environment {
    /// Reads the config (the defaults when `config_path` is `None`) and builds from it and the
    /// command line's options.
    pub fn new(
        config_path: Option<PathBuf>,
        options: &CheckOptions,
        as_of: Option<PartialDate>,
    ) -> Result<Environment, RunError> {
        let config = match &config_path {
            Some(p) => config::load_config(p).map_err(|errors| {
                RunError::Config(
                    errors
                        .into_iter()
                        .map(super::config_error_diagnostic)
                        .collect(),
                )
            })?,
            None => Config::default(),
        };
        let dir = config_path
            .as_ref()
            .map(|p| absolute(p.parent().unwrap_or(Path::new(""))));
        let relative = |p: &PathBuf| dir.as_ref().map_or_else(|| p.clone(), |d| d.join(p));
        let rule_paths: Vec<PathBuf> = config
            .rules
            .iter()
            .map(relative)
            .chain(options.rules.iter().cloned())
            .collect();
        let packs: Vec<String> = config.packs.iter().chain(&options.packs).cloned().collect();
        let (custom, problems) =
            custom::load_rules(&rule_paths, &packs).map_err(RunError::Setup)?;
        let select = options.select.clone().or(config.select.clone());
        let ignore: Vec<String> = config
            .ignore
            .iter()
            .chain(&options.ignore)
            .cloned()
            .collect();
        let overrides = config::compile_overrides(&config.overrides).map_err(RunError::Setup)?;
        let cache = options.cache.as_ref().map(|cache_dir| {
            let config_text = config_path
                .as_ref()
                .and_then(|p| crate::source::read_settings_file(p).ok())
                .unwrap_or_default();
            // What of the command line changes findings (not fail-on, fixes or the output).
            let what = format!(
                "{:?}",
                (
                    &options.select,
                    &options.ignore,
                    &options.facts,
                    &options.rules,
                    &options.packs,
                    &options.as_of,
                    &dir_for_paths(&dir),
                )
            );
            super::cache::Cache::new(cache_dir, &config_text, &what, &custom)
        });
        Ok(Environment {
            cache,
            selection: Selection::new(select.as_deref(), &ignore, &config.severity),
            settings: Settings {
                exempt: config.acronyms.exempt.iter().cloned().collect(),
                as_of,
                ..Settings::default()
            }
            .with_known(&config.acronyms.known_domains()),
            acronym_scope: config.acronyms.scope,
            custom,
            facts: config
                .facts
                .iter()
                .map(relative)
                .chain(options.facts.iter().cloned())
                .collect(),
            overrides,
            fail_on: options.fail_on.or(config.fail_on).unwrap_or(FailOn::Error),
            problems,
            config_path,
            dir,
        })
    }

    /// Drops the findings `[[overrides]]` leave out for this input. Globs are read against
    /// the input's path relative to the config's folder (a file outside it: its path as
    /// given); a glob without a `/` also matches the file name anywhere.
    pub fn apply_overrides(&self, input: &Input, diagnostics: &mut Vec<Diagnostic>) {
        if self.overrides.is_empty() {
            return;
        }
        let path = match input {
            Input::File { path, .. } => path.as_path(),
            Input::Stdin { name: Some(name) } => Path::new(name),
            _ => return,
        };
        let full = absolute(path);
        let relative = self
            .dir
            .as_ref()
            .and_then(|d| full.strip_prefix(d).ok())
            .unwrap_or(path);
        let ignored: Vec<&String> = self
            .overrides
            .iter()
            .filter(|(glob, _)| glob.is_match(relative))
            .flat_map(|(_, ignore)| ignore)
            .collect();
        if !ignored.is_empty() {
            diagnostics.retain(|d| !ignored.iter().any(|c| rules::selector_matches(c, &d.rule)));
        }
    }
}

/// The config's folder, which its relative paths are read against, for the cache key.
fn dir_for_paths(dir: &Option<PathBuf>) -> String {
    dir.as_ref()
        .map(|d| d.display().to_string())
        .unwrap_or_default()
}

/// `path` made absolute against the current folder (unchanged when that is unknown).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
