//! One library run: what `factlint check` does, without printing.
//!
//! configuration → rule selection and settings → facts files and sidecars → custom rules and
//! packs → the parallel check → per-path overrides → baseline → order → fixes. The result holds
//! the findings, the messages for the user and the exit status; the command line (and any other
//! front end, such as a language server) only decides where they are written.

use crate::analysis::PartialDate;
pub mod cache;
mod commands;
mod document;
mod environment;
mod facts_files;
mod fixes;
mod sets;
mod walk_rules;

pub use document::{prepare_document, DocumentSetup};
pub use facts_files::sidecar_for;
use facts_files::{facts_for, load_facts};
pub use sets::collect_set;
use sets::set_file;

pub use commands::{acronyms, explain, glossary_toml, AcronymEntry};
pub use environment::{ConfigFinder, Environment};

use crate::config::{self, Config, ConfigError, FailOn};
use crate::custom::{self, CustomRules};
use crate::diagnostic::{Diagnostic, Finding, Severity, Summary};
use crate::engine::{self, DocumentReport, FactLine, Selection};
use crate::facts::Facts;
use crate::rules;
use crate::settings::Settings;
use crate::source::{self, Input, SourceFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::diagnostic::{is_setup_problem, CONFIG_RULE, IO_RULE};

/// Where a run's configuration comes from.
#[derive(Clone, Debug, Default)]
pub enum ConfigSource {
    /// The nearest `factlint.toml` upward from the current directory.
    #[default]
    Discover,
    /// This file.
    File(PathBuf),
    /// None: the defaults.
    Ignore,
}

/// What to do with the safe fixes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Report them, change nothing.
    #[default]
    Report,
    /// Write them to the files.
    Apply,
    /// Show them as a unified diff and report nothing else.
    Diff,
}

/// Everything a check run is asked for: the command line's `check` arguments.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub config: ConfigSource,
    /// Replaces the config's `select` when given.
    pub select: Option<Vec<String>>,
    /// Added to the config's `ignore`.
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    /// Facts files besides the config's and the sidecars.
    pub facts: Vec<PathBuf>,
    /// `YYYY-MM-DD`, as the user wrote it.
    pub as_of: Option<String>,
    /// Custom rule files or folders besides the config's.
    pub rules: Vec<PathBuf>,
    pub packs: Vec<String>,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub fix: FixMode,
    /// Apply (or show) the unsafe fixes too, not only the safe ones.
    pub unsafe_fixes: bool,
    /// Check only this share of the files (`--shard 2/3`).
    pub shard: Option<Shard>,
    /// Keep results in this folder and reuse them for unchanged files (see [`cache`]).
    pub cache: Option<PathBuf>,
    /// The name standard input goes by (`--stdin-filename`): its format, configuration and
    /// overrides are that path's.
    pub stdin_filename: Option<String>,
}

/// A deterministic share of a run's files, for spreading a large repository over the machines
/// of a CI matrix: `--shard 1/3`, `2/3` and `3/3` together check every file exactly once.
/// A file's share follows from its path alone (a stable hash of it), so it does not change
/// when other files are added or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Whether the input at `path` (as reported) belongs to this share.
    pub fn holds(&self, path: &str) -> bool {
        crate::diagnostic::stable_hash(&[path]) % self.count as u64 == (self.index - 1) as u64
    }
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("'{s}' is not a shard: write I/N, with 1 <= I <= N (2/3)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (
            i.trim().parse::<usize>().map_err(|_| bad())?,
            n.trim().parse::<usize>().map_err(|_| bad())?,
        );
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

/// Why a run stopped before checking anything.
#[derive(Debug)]
pub enum RunError {
    /// The config file is broken: a diagnostic on it for each problem, with its span.
    Config(Vec<Diagnostic>),
    /// A usage or setup problem, said in one line.
    Setup(String),
}

/// What a check run produced.
#[derive(Debug, Default)]
pub struct CheckRun {
    /// The findings to report, ordered by path, then position, then rule.
    pub diagnostics: Vec<Diagnostic>,
    /// What each fact was matched to (`--explain-facts`).
    pub fact_lines: Vec<FactLine>,
    /// How many inputs were checked.
    pub files: usize,
    /// Messages for the user about what the run did ("fixed 2 findings in a.md"), in order.
    pub messages: Vec<String>,
    /// With [`FixMode::Diff`]: the unified diff of each file the fixes would change.
    pub diffs: Vec<String>,
    /// With [`FixMode::Apply`] on standard input: the fixed text, for standard output.
    pub stdin_fixed: Option<String>,
    /// A baseline was written: nothing is to be reported.
    pub baseline_written: bool,
    /// The run showed its fixes as a diff ([`FixMode::Diff`]): `diagnostics` holds the findings
    /// the fixes are for, and the setup problems.
    pub diffed: bool,
    /// An input could not be read, or a facts or rule file is broken.
    pub errored: bool,
    /// The `fail-on` level of each checked file's configuration, by the name it is reported
    /// under (a file not listed fails at errors).
    pub fail_on: HashMap<String, FailOn>,
}

impl CheckRun {
    pub fn summary(&self) -> Summary {
        Summary::new(self.files, &self.diagnostics)
    }

    /// 2: an input, or a facts or rule file, could not be used (whatever else happened); with
    /// `--diff`, 1 when the fixes would change a file; after writing a baseline, 0; otherwise
    /// 1 for findings at or above `fail_on`, 0 for none.
    pub fn exit_code(&self) -> u8 {
        if self.errored {
            2
        } else if self.diffed {
            u8::from(!self.diffs.is_empty())
        } else if self.baseline_written {
            0
        } else {
            let fails = |d: &Diagnostic| {
                let level = self.fail_on.get(d.path()).copied().unwrap_or_default();
                level.fails(d.severity)
            };
            u8::from(self.diagnostics.iter().any(fails))
        }
    }
}

/// The configuration of a run and the folder its relative paths are resolved against.
pub fn load_config(source: &ConfigSource) -> Result<(Config, Option<PathBuf>), Vec<ConfigError>> {
    let path = match source {
        ConfigSource::Ignore => return Ok((Config::default(), None)),
        ConfigSource::File(p) => Some(p.clone()),
        ConfigSource::Discover => std::env::current_dir()
            .ok()
            .and_then(|d| config::find_config(&d)),
    };
    match path {
        Some(p) => {
            let dir = p.parent().map(Path::to_path_buf);
            config::load_config(&p).map(|c| (c, dir))
        }
        None => Ok((Config::default(), None)),
    }
}

/// A broken config file as a diagnostic on it.
pub fn config_error_diagnostic(e: ConfigError) -> Diagnostic {
    let mut finding = Finding::new(e.range.clone().unwrap_or(0..0), e.message);
    if e.range.is_some() {
        finding = finding.with_label("here");
    }
    Diagnostic {
        file: e.file,
        rule: CONFIG_RULE.into(),
        severity: Severity::Error,
        finding,
    }
}

/// Runs a check: see the module documentation for its steps.
pub fn check(options: &CheckOptions) -> Result<CheckRun, RunError> {
    check_with_progress(options, &|_| {})
}

/// How far a run has got, for a progress display: inputs checked of all, and the size of the
/// largest input (so that a front end can show progress for one large file too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub largest_bytes: u64,
}

/// [`check`], telling `progress` as each input is done (from the worker threads).
pub fn check_with_progress(
    options: &CheckOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<CheckRun, RunError> {
    let as_of = match &options.as_of {
        Some(s) => Some(PartialDate::parse(s).ok_or_else(|| {
            RunError::Setup(format!("--as-of {s} is not a date (use YYYY-MM-DD)"))
        })?),
        None => None,
    };
    let walk = walk_rules::WalkRules::new(&options.config);
    let mut inputs = source::expand_paths_filtered(&options.paths, &|p, d| walk.keep(p, d));
    for input in &mut inputs {
        if let Input::Stdin { name } = input {
            name.clone_from(&options.stdin_filename);
        }
    }
    // Each file is checked under the nearest factlint.toml upward from it (as ruff finds its
    // configuration), unless --config or --no-config says otherwise: one environment per
    // configuration, built once.
    let mut finder = ConfigFinder::default();
    let mut environments: Vec<Environment> = Vec::new();
    let mut env_of_input = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let config_path = finder.config_for(&options.config, input);
        let index = match environments
            .iter()
            .position(|e| e.config_path == config_path)
        {
            Some(i) => i,
            None => {
                environments.push(Environment::new(config_path, options, as_of)?);
                environments.len() - 1
            }
        };
        env_of_input.push(index);
    }
    if environments.is_empty() {
        // No inputs: the codes given are still checked against the configuration in effect.
        let config_path = finder.config_for(&options.config, &Input::Stdin { name: None });
        environments.push(Environment::new(config_path, options, as_of)?);
    }
    for code in options.select.iter().flatten().chain(&options.ignore) {
        let custom_known = environments.iter().any(|e| {
            e.custom
                .rules
                .iter()
                .any(|r| r.id == *code || r.id.starts_with(&format!("{code}.")))
        });
        if !rules::selector_is_known(code) && !custom_known {
            return Err(RunError::Setup(format!(
                "unknown rule code or prefix '{code}' (see `factlint rules`)"
            )));
        }
    }

    // Document sets, phase 1: the acronyms every file of a set defines and uses, collected in
    // parallel and merged in path order, so that phase 2 checks each file against its set.
    let acronym_cache = options.cache.as_deref().map(cache::AcronymCache::new);
    for (ei, env) in environments.iter_mut().enumerate() {
        let members: Vec<&Input> = inputs
            .iter()
            .zip(&env_of_input)
            .filter(|(_, &e)| e == ei)
            .map(|(i, _)| i)
            .collect();
        if env.acronym_scope == config::AcronymScope::Set && members.len() > 1 {
            let set = collect_set(&members, acronym_cache.as_ref());
            // A cached result holds for the same set only.
            env.cache = env.cache.take().map(|c| c.for_set(&set));
            env.settings.set = Some(Arc::new(set));
        }
    }
    if let Some(c) = acronym_cache {
        c.save();
    }
    // A shard checks its share of the files, against the sets of all of them (phase 1 read
    // every file): the shards together find exactly what one run finds.
    if let Some(shard) = options.shard {
        let keep: Vec<bool> = inputs.iter().map(|i| shard.holds(i.display())).collect();
        let mut k = keep.iter();
        inputs.retain(|_| *k.next().unwrap_or(&false));
        let mut k = keep.iter();
        env_of_input.retain(|_| *k.next().unwrap_or(&false));
    }
    let sidecars: Vec<Option<PathBuf>> = inputs.iter().map(sidecar_for).collect();
    let global: Vec<PathBuf> = environments
        .iter()
        .flat_map(|e| e.facts.iter().cloned())
        .collect();
    let (facts_by_path, facts_problems) = load_facts(&global, &sidecars);

    let largest_bytes = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File { path, .. } => std::fs::metadata(path).ok().map(|m| m.len()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let total = inputs.len();
    progress(Progress {
        done: 0,
        total,
        largest_bytes,
    });
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(DocumentReport, bool)> = inputs
        .par_iter()
        .zip(sidecars.par_iter())
        .zip(env_of_input.par_iter())
        .map(|((input, sidecar), &ei)| {
            let env = &environments[ei];
            let facts = facts_for(&env.facts, sidecar, &facts_by_path);
            let cache = env.cache.as_ref().filter(|_| facts.is_empty());
            let (mut report, err) = check_input(
                input,
                &env.settings,
                &env.selection,
                &facts,
                &env.custom,
                cache,
            );
            env.apply_overrides(input, &mut report.diagnostics);
            let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(Progress {
                done,
                total,
                largest_bytes,
            });
            (report, err)
        })
        .collect();
    for e in &mut environments {
        if let Some(cache) = e.cache.take() {
            cache.save();
        }
    }
    let mut rule_problems: Vec<Diagnostic> = Vec::new();
    for e in &mut environments {
        for d in e.problems.drain(..) {
            // A rule file two configurations share has its problems reported once.
            let seen = rule_problems.iter().any(|p| {
                p.path() == d.path()
                    && p.finding.range == d.finding.range
                    && p.finding.message == d.finding.message
            });
            if !seen {
                rule_problems.push(d);
            }
        }
    }
    let mut run = CheckRun {
        files: inputs
            .iter()
            .filter(|i| !matches!(i, Input::SkippedLinks { .. }))
            .count(),
        errored: results.iter().any(|(_, err)| *err)
            || !facts_problems.is_empty()
            || !rule_problems.is_empty(),
        ..CheckRun::default()
    };
    run.diagnostics = facts_problems;
    run.diagnostics.extend(rule_problems);
    for (((r, _), &ei), input) in results.into_iter().zip(&env_of_input).zip(&inputs) {
        run.fail_on
            .insert(input.display().to_string(), environments[ei].fail_on);
        run.diagnostics.extend(r.diagnostics);
        run.fact_lines.extend(r.fact_lines);
    }
    engine::sort(&mut run.diagnostics);
    if let Some(path) = &options.write_baseline {
        let n = crate::baseline::write(path, &run.diagnostics).map_err(|e| {
            RunError::Setup(format!("cannot write the baseline {}: {e}", path.display()))
        })?;
        run.messages.push(format!(
            "wrote {n} findings to the baseline {}",
            path.display()
        ));
        run.baseline_written = true;
        return Ok(run);
    }
    if let Some(path) = &options.baseline {
        let entries = crate::baseline::read(path).map_err(RunError::Setup)?;
        let hidden = crate::baseline::filter(&mut run.diagnostics, &entries);
        if hidden > 0 {
            run.messages.push(format!(
                "{hidden} findings hidden by the baseline {}",
                path.display()
            ));
        }
    }
    match options.fix {
        FixMode::Report => {}
        FixMode::Diff => {
            let unsafe_fixes = options.unsafe_fixes;
            for (path, (file, fixes)) in
                &crate::fix::applicable_fixes(&run.diagnostics, unsafe_fixes)
            {
                if !source::Format::from_path(path).is_text_file() {
                    run.messages.push(format!(
                        "no diff for {path}: {}",
                        crate::fix::NOT_FIXED_IN_PLACE
                    ));
                    continue;
                }
                let after = custom::apply_fixes(&file.text, fixes);
                if after != file.text {
                    run.diffs.push(crate::fix::diff(path, &file.text, &after));
                }
            }
            run.diagnostics.retain(|d| {
                is_setup_problem(&d.rule)
                    || d.finding
                        .fix
                        .as_ref()
                        .is_some_and(|f| f.is_safe() || unsafe_fixes)
            });
            run.diffed = true;
        }
        FixMode::Apply => {
            let stdin = options
                .stdin_filename
                .as_deref()
                .unwrap_or(fixes::STDIN_NAME);
            fixes::apply(&mut run, options.unsafe_fixes, &inputs, stdin)
        }
    }
    Ok(run)
}

/// Reads an input as a document; `Ok(None)` for a directory that holds none.
pub fn load_input(input: &Input) -> Result<Option<source::Document>, source::LoadError> {
    match input {
        Input::Stdin { name } => source::load_stdin(name.as_deref()).map(Some),
        Input::File { path, display } => source::load_path(path, display).map(Some),
        Input::Error { message, .. } => Err(source::LoadError::Io(message.clone())),
        Input::EmptyDirectory { .. } | Input::SkippedLinks { .. } => Ok(None),
    }
}

/// Checks one input; the flag says whether it could not be read.
fn check_input(
    input: &Input,
    settings: &Settings,
    selection: &Selection,
    facts: &[Arc<Facts>],
    custom: &CustomRules,
    cache: Option<&cache::Cache>,
) -> (DocumentReport, bool) {
    let only = |d: Diagnostic, err: bool| {
        (
            DocumentReport {
                diagnostics: vec![d],
                fact_lines: Vec::new(),
            },
            err,
        )
    };
    let loaded = match (input, cache) {
        // With a cache, the text is read first: a cached result needs no analysis at all.
        // A Word draft's text is read out of its package, its positions by paragraph: it is
        // not cached.
        (Input::File { path, display }, Some(c))
            if source::Format::from_path(display).is_text_file() =>
        {
            match source::read_path(path) {
                Ok((text, bom)) => {
                    match c.get(display, text, bom, &|name| set_file(settings, name)) {
                        Ok(diagnostics) => {
                            let report = DocumentReport {
                                diagnostics,
                                fact_lines: Vec::new(),
                            };
                            return (report, false);
                        }
                        Err(text) => Ok(Some(
                            source::Document::new(
                                display.as_str(),
                                text,
                                source::Format::from_path(display),
                            )
                            .with_bom(bom),
                        )),
                    }
                }
                Err(e) => Err(e),
            }
        }
        _ => load_input(input),
    };
    match loaded {
        Ok(Some(doc)) => {
            let report = engine::check_document_full(&doc, settings, selection, facts, custom);
            if let Some(c) = cache {
                c.put(&doc.file, &report.diagnostics);
            }
            (report, false)
        }
        Ok(None) => {
            let file = Arc::new(SourceFile::new(input.display(), ""));
            let message = match input {
                Input::SkippedLinks { links, .. } => {
                    let s = if links.len() == 1 { "" } else { "s" };
                    format!(
                        "{} symbolic link{s} to documents not followed (name a link on the \
                         command line to check it): {}",
                        links.len(),
                        links.join(", ")
                    )
                }
                _ => format!(
                    "no documents found in this directory (looked for .{} files)",
                    source::DOCUMENT_EXTENSIONS.join(", .")
                ),
            };
            let mut d = Diagnostic::file_error(file, IO_RULE, message);
            d.severity = Severity::Warning;
            only(d, false)
        }
        Err(e) => {
            let file = Arc::new(SourceFile::new(input.display(), ""));
            only(Diagnostic::file_error(file, IO_RULE, e.to_string()), true)
        }
    }
}
