//! One library run: what `factlint check` does, without printing.
//!
//! configuration → rule selection and settings → facts files and sidecars → custom rules and
//! packs → the parallel check → per-path overrides → baseline → order → fixes. The result holds
//! the findings, the messages for the user and the exit status; the command line (and any other
//! front end, such as a language server) only decides where they are written.

use crate::analysis::PartialDate;
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

/// Code of the diagnostics about files that cannot be read.
pub const IO_RULE: &str = "io";
/// Code of the diagnostics about a broken config file.
pub const CONFIG_RULE: &str = "config";

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
}

/// Why a run stopped before checking anything.
#[derive(Debug)]
pub enum RunError {
    /// The config file is broken: a diagnostic on it, with its span.
    Config(Box<Diagnostic>),
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
    /// A baseline was written: nothing is to be reported.
    pub baseline_written: bool,
    /// The fixes were shown as a diff: nothing else is to be reported.
    pub diffed: bool,
    /// An input could not be read, or a facts or rule file is broken.
    pub errored: bool,
    pub fail_on: FailOn,
}

impl CheckRun {
    pub fn summary(&self) -> Summary {
        Summary::new(self.files, &self.diagnostics)
    }

    /// 0: nothing at or above `fail_on`; 1: findings at or above it; 2: an input or a facts or
    /// rule file could not be used.
    pub fn exit_code(&self) -> u8 {
        if self.baseline_written || self.diffed {
            0
        } else if self.errored {
            2
        } else if self
            .diagnostics
            .iter()
            .any(|d| self.fail_on.fails(d.severity))
        {
            1
        } else {
            0
        }
    }
}

/// The configuration of a run and the folder its relative paths are resolved against.
pub fn load_config(source: &ConfigSource) -> Result<(Config, Option<PathBuf>), ConfigError> {
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

/// What a run checks with besides the documents: the rule selection, the settings, the custom
/// rules and packs, the facts files named by the config and `--facts`, and the per-path
/// overrides. Built once per run by [`check`], and for each document by [`prepare_document`]
/// (a language server), so that both see exactly what the command line would.
pub struct Prepared {
    pub selection: Selection,
    pub settings: Settings,
    pub custom: CustomRules,
    /// Problems found in the custom rule files (diagnostics on them).
    pub rule_problems: Vec<Diagnostic>,
    /// The config's facts files (resolved against its folder), then `--facts`.
    pub global_facts: Vec<PathBuf>,
    pub fail_on: FailOn,
    overrides: Vec<(globset::GlobSet, Vec<String>)>,
}

impl Prepared {
    /// Whether a `[[overrides]]` entry of the config leaves this finding out for its path.
    pub fn overridden(&self, d: &Diagnostic) -> bool {
        self.overrides.iter().any(|(glob, ignore)| {
            glob.is_match(d.path()) && ignore.iter().any(|c| rules::selector_matches(c, &d.rule))
        })
    }
}

/// Reads the configuration and everything it names, checks the options against it, and returns
/// what the documents are then checked with.
pub fn prepare(options: &CheckOptions) -> Result<Prepared, RunError> {
    let (config, config_dir) = load_config(&options.config)
        .map_err(|e| RunError::Config(Box::new(config_error_diagnostic(e))))?;
    let relative = |p: &PathBuf| config_dir.as_ref().map_or_else(|| p.clone(), |d| d.join(p));
    let rule_paths: Vec<PathBuf> = config
        .rules
        .iter()
        .map(relative)
        .chain(options.rules.iter().cloned())
        .collect();
    let pack_names: Vec<String> = config.packs.iter().chain(&options.packs).cloned().collect();
    let (custom, rule_problems) =
        custom::load_rules(&rule_paths, &pack_names).map_err(RunError::Setup)?;
    for code in options.select.iter().flatten().chain(&options.ignore) {
        let custom_known = custom
            .rules
            .iter()
            .any(|r| r.id == *code || r.id.starts_with(&format!("{code}.")));
        if !rules::selector_is_known(code) && !custom_known {
            return Err(RunError::Setup(format!(
                "unknown rule code or prefix '{code}' (see `factlint rules`)"
            )));
        }
    }
    let as_of = match &options.as_of {
        Some(s) => Some(PartialDate::parse(s).ok_or_else(|| {
            RunError::Setup(format!("--as-of {s} is not a date (use YYYY-MM-DD)"))
        })?),
        None => None,
    };
    let select = options.select.clone().or(config.select.clone());
    let ignore: Vec<String> = config
        .ignore
        .iter()
        .chain(&options.ignore)
        .cloned()
        .collect();
    let selection = Selection::new(select.as_deref(), &ignore, &config.severity);
    let settings = Settings {
        exempt: config.acronyms.exempt.iter().cloned().collect(),
        as_of,
        ..Settings::default()
    };
    let fail_on = options.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let global_facts: Vec<PathBuf> = config
        .facts
        .iter()
        .map(relative)
        .chain(options.facts.iter().cloned())
        .collect();
    // Per-path overrides: `[[overrides]] files = ["glossary/**"] ignore = ["ACR001"]`.
    let overrides = config::compile_overrides(&config.overrides).map_err(RunError::Setup)?;
    Ok(Prepared {
        selection,
        settings,
        custom,
        rule_problems,
        global_facts,
        fail_on,
        overrides,
    })
}

/// The config file a document is checked with: for [`ConfigSource::Discover`], the nearest
/// `factlint.toml` upward from the document's folder (not the current directory).
pub fn config_for_document(source: &ConfigSource, document: &Path) -> ConfigSource {
    match source {
        ConfigSource::Discover => {
            let dir = document.parent().unwrap_or(Path::new("."));
            match config::find_config(dir) {
                Some(p) => ConfigSource::File(p),
                None => ConfigSource::Ignore,
            }
        }
        other => other.clone(),
    }
}

/// Everything one document is checked with, found as `factlint check PATH` finds it for that
/// path: [`Prepared`], and the facts files (the global ones and the sidecar beside it).
pub struct DocumentSetup {
    pub prepared: Prepared,
    /// The config file in effect, if any.
    pub config_path: Option<PathBuf>,
    pub facts: Vec<Arc<Facts>>,
    /// The facts files read (global and sidecar), whose problems are in `facts_problems`.
    pub facts_paths: Vec<PathBuf>,
    /// Problems found in the facts files (diagnostics on them).
    pub facts_problems: Vec<Diagnostic>,
}

/// Prepares the check of the document at `path` (which need not exist on disk: its text may
/// be in an editor), its configuration found from the document's folder.
pub fn prepare_document(path: &Path, options: &CheckOptions) -> Result<DocumentSetup, RunError> {
    let config = config_for_document(&options.config, path);
    let config_path = match &config {
        ConfigSource::File(p) => Some(p.clone()),
        _ => None,
    };
    let options = CheckOptions {
        config,
        ..options.clone()
    };
    let prepared = prepare(&options)?;
    let sidecar = sidecar_for(&Input::File {
        path: path.to_path_buf(),
        display: path.display().to_string(),
    });
    let sidecars = [sidecar];
    let (by_path, facts_problems) = load_facts(&prepared.global_facts, &sidecars);
    let facts = facts_for(&prepared.global_facts, &sidecars[0], &by_path);
    let mut facts_paths = prepared.global_facts.clone();
    facts_paths.extend(sidecars[0].clone());
    Ok(DocumentSetup {
        prepared,
        config_path,
        facts,
        facts_paths,
        facts_problems,
    })
}

impl DocumentSetup {
    /// The findings of one document in memory, overrides applied, in order.
    pub fn check(&self, doc: &source::Document) -> Vec<Diagnostic> {
        let p = &self.prepared;
        let mut diagnostics =
            engine::check_document_full(doc, &p.settings, &p.selection, &self.facts, &p.custom)
                .diagnostics;
        diagnostics.retain(|d| !p.overridden(d));
        engine::sort(&mut diagnostics);
        diagnostics
    }
}

/// The facts a document is checked against: the global ones, then its sidecar unless it is
/// one of them.
fn facts_for(
    global: &[PathBuf],
    sidecar: &Option<PathBuf>,
    by_path: &HashMap<PathBuf, Arc<Facts>>,
) -> Vec<Arc<Facts>> {
    let mut facts: Vec<Arc<Facts>> = global
        .iter()
        .filter_map(|p| by_path.get(p).cloned())
        .collect();
    if let Some(f) = sidecar.as_ref().and_then(|p| by_path.get(p)) {
        if !facts.iter().any(|g| Arc::ptr_eq(g, f)) {
            facts.push(f.clone());
        }
    }
    facts
}

/// How far a run has got, for a progress display: inputs checked of all, and the size of the
/// largest input (so that a front end can show progress for one large file too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub largest_bytes: u64,
}

/// Runs a check: see the module documentation for its steps.
pub fn check(options: &CheckOptions) -> Result<CheckRun, RunError> {
    check_with_progress(options, &|_| {})
}

/// [`check`], calling `progress` once before the documents are checked and once after each
/// (from the worker threads, in any order). The library never prints: the caller decides
/// whether and how to show it.
pub fn check_with_progress(
    options: &CheckOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<CheckRun, RunError> {
    let prepared = prepare(options)?;
    let inputs = source::expand_paths(&options.paths);
    let sidecars: Vec<Option<PathBuf>> = inputs.iter().map(sidecar_for).collect();
    let (facts_by_path, facts_problems) = load_facts(&prepared.global_facts, &sidecars);
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
    let Prepared {
        selection,
        settings,
        custom,
        ..
    } = &prepared;

    let results: Vec<(DocumentReport, bool)> = inputs
        .par_iter()
        .zip(sidecars.par_iter())
        .map(|(input, sidecar)| {
            let facts = facts_for(&prepared.global_facts, sidecar, &facts_by_path);
            let r = check_input(input, settings, selection, &facts, custom);
            let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(Progress {
                done,
                total,
                largest_bytes,
            });
            r
        })
        .collect();
    let mut run = CheckRun {
        files: inputs.len(),
        fail_on: prepared.fail_on,
        errored: results.iter().any(|(_, err)| *err)
            || !facts_problems.is_empty()
            || !prepared.rule_problems.is_empty(),
        ..CheckRun::default()
    };
    run.diagnostics = facts_problems;
    run.diagnostics
        .extend(prepared.rule_problems.iter().cloned());
    for (r, _) in results {
        run.diagnostics.extend(r.diagnostics);
        run.fact_lines.extend(r.fact_lines);
    }
    run.diagnostics.retain(|d| !prepared.overridden(d));
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
            for (path, (original, fixes)) in &crate::fix::safe_fixes(&run.diagnostics) {
                let after = custom::apply_fixes(original, fixes);
                run.diffs.push(crate::fix::diff(path, original, &after));
            }
            run.diffed = true;
        }
        FixMode::Apply => apply_fixes(&mut run),
    }
    Ok(run)
}

/// Writes the safe fixes to their files, and keeps what they did not touch.
fn apply_fixes(run: &mut CheckRun) {
    use crate::fix::Outcome;
    let mut fixed_any = false;
    for (path, (original, fixes)) in &crate::fix::safe_fixes(&run.diagnostics) {
        match crate::fix::fix_file(Path::new(path), original, fixes) {
            Outcome::Fixed(n) => {
                fixed_any = true;
                let s = if n == 1 { "" } else { "s" };
                run.messages.push(format!("fixed {n} finding{s} in {path}"));
            }
            Outcome::Unchanged => {}
            Outcome::ChangedSinceRead => run
                .messages
                .push(format!("{path} changed since it was read; not fixed")),
            Outcome::Failed(e) => run.messages.push(format!("could not fix {path}: {e}")),
        }
    }
    if fixed_any {
        run.diagnostics
            .retain(|d| !crate::fix::is_safe(d) || d.path() == "<stdin>");
    }
}

/// Loads each facts file once, however many documents share it: the global ones and the
/// sidecars. Returns them by path, with their problems.
fn load_facts(
    global: &[PathBuf],
    sidecars: &[Option<PathBuf>],
) -> (HashMap<PathBuf, Arc<Facts>>, Vec<Diagnostic>) {
    let mut to_load: Vec<PathBuf> = global
        .iter()
        .cloned()
        .chain(sidecars.iter().flatten().cloned())
        .collect();
    to_load.sort();
    to_load.dedup();
    let loaded: Vec<(PathBuf, Option<Facts>, Vec<Diagnostic>)> = to_load
        .into_par_iter()
        .map(|p| {
            let (f, d) = Facts::load(&p);
            (p, f, d)
        })
        .collect();
    let mut problems = Vec::new();
    let mut by_path = HashMap::new();
    for (p, f, d) in loaded {
        problems.extend(d);
        if let Some(f) = f {
            by_path.insert(p, Arc::new(f));
        }
    }
    (by_path, problems)
}

/// The sidecar facts file of a document: `NAME.facts.toml` beside `NAME.md` or `NAME.txt`.
pub fn sidecar_for(input: &Input) -> Option<PathBuf> {
    let Input::File { path, .. } = input else {
        return None;
    };
    let stem = path.file_stem()?.to_str()?;
    let candidate = path.with_file_name(format!("{stem}.facts.toml"));
    candidate.is_file().then_some(candidate)
}

/// Reads an input as a document; `Ok(None)` for a directory that holds none.
pub fn load_input(input: &Input) -> Result<Option<source::Document>, source::LoadError> {
    match input {
        Input::Stdin => source::load_stdin().map(Some),
        Input::File { path, display } => source::load_path(path, display).map(Some),
        Input::Error { message, .. } => Err(source::LoadError::Io(message.clone())),
        Input::EmptyDirectory { .. } => Ok(None),
    }
}

/// Checks one input; the flag says whether it could not be read.
fn check_input(
    input: &Input,
    settings: &Settings,
    selection: &Selection,
    facts: &[Arc<Facts>],
    custom: &CustomRules,
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
    match load_input(input) {
        Ok(Some(doc)) => (
            engine::check_document_full(&doc, settings, selection, facts, custom),
            false,
        ),
        Ok(None) => {
            let file = Arc::new(SourceFile::new(input.display(), ""));
            let mut d = Diagnostic::file_error(
                file,
                IO_RULE,
                format!(
                    "no documents found in this directory (looked for .{} files)",
                    source::DOCUMENT_EXTENSIONS.join(", .")
                ),
            );
            d.severity = Severity::Warning;
            only(d, false)
        }
        Err(e) => {
            let file = Arc::new(SourceFile::new(input.display(), ""));
            only(Diagnostic::file_error(file, IO_RULE, e.to_string()), true)
        }
    }
}

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

/// What `factlint explain` prints for a built-in rule (by code) or a custom rule (by id, from
/// `rule_paths`, the discovered config's rules, or a pack).
pub fn explain(code: &str, rule_paths: &[PathBuf]) -> Option<String> {
    if let Some(rule) = rules::by_code(code) {
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
