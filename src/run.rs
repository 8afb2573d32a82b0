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
    /// With [`FixMode::Apply`] on standard input: the fixed text, for standard output.
    pub stdin_fixed: Option<String>,
    /// A baseline was written: nothing is to be reported.
    pub baseline_written: bool,
    /// The run showed its fixes as a diff ([`FixMode::Diff`]): `diagnostics` holds the findings
    /// the fixes are for, and the setup problems.
    pub diffed: bool,
    /// An input could not be read, or a facts or rule file is broken.
    pub errored: bool,
    pub fail_on: FailOn,
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

/// Runs a check: see the module documentation for its steps.
pub fn check(options: &CheckOptions) -> Result<CheckRun, RunError> {
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
    let mut settings = Settings {
        exempt: config.acronyms.exempt.iter().cloned().collect(),
        as_of,
        ..Settings::default()
    }
    .with_known(&config.acronyms.known_domains());
    let fail_on = options.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);

    let inputs = source::expand_paths(&options.paths);
    let global: Vec<PathBuf> = config
        .facts
        .iter()
        .map(relative)
        .chain(options.facts.iter().cloned())
        .collect();
    let sidecars: Vec<Option<PathBuf>> = inputs.iter().map(sidecar_for).collect();
    let (facts_by_path, facts_problems) = load_facts(&global, &sidecars);
    let global_facts: Vec<Arc<Facts>> = global
        .iter()
        .filter_map(|p| facts_by_path.get(p).cloned())
        .collect();

    // Phase 1 (document sets): every file's definitions and acronym uses, collected in
    // parallel and merged in path order, so that phase 2 checks each file against the set.
    if config.acronyms.scope == config::AcronymScope::Set && inputs.len() > 1 {
        settings.set = Some(Arc::new(collect_set(&inputs)));
    }
    let results: Vec<(DocumentReport, bool)> = inputs
        .par_iter()
        .zip(sidecars.par_iter())
        .map(|(input, sidecar)| {
            let mut facts = global_facts.clone();
            if let Some(f) = sidecar.as_ref().and_then(|p| facts_by_path.get(p)) {
                if !facts.iter().any(|g| Arc::ptr_eq(g, f)) {
                    facts.push(f.clone());
                }
            }
            check_input(input, &settings, &selection, &facts, &custom)
        })
        .collect();
    let mut run = CheckRun {
        files: inputs.len(),
        fail_on,
        errored: results.iter().any(|(_, err)| *err)
            || !facts_problems.is_empty()
            || !rule_problems.is_empty(),
        ..CheckRun::default()
    };
    run.diagnostics = facts_problems;
    run.diagnostics.extend(rule_problems);
    for (r, _) in results {
        run.diagnostics.extend(r.diagnostics);
        run.fact_lines.extend(r.fact_lines);
    }
    // Per-path overrides: `[[overrides]] files = ["glossary/**"] ignore = ["ACR001"]`.
    let overrides = config::compile_overrides(&config.overrides).map_err(RunError::Setup)?;
    run.diagnostics.retain(|d| {
        !overrides.iter().any(|(glob, ignore)| {
            glob.is_match(d.path()) && ignore.iter().any(|c| rules::selector_matches(c, &d.rule))
        })
    });
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
            for (path, (original, fixes)) in
                &crate::fix::applicable_fixes(&run.diagnostics, unsafe_fixes)
            {
                let after = custom::apply_fixes(original, fixes);
                if after != *original {
                    run.diffs.push(crate::fix::diff(path, original, &after));
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
        FixMode::Apply => apply_fixes(&mut run, options.unsafe_fixes),
    }
    Ok(run)
}

/// The name standard input goes by in reports.
const STDIN_NAME: &str = "<stdin>";

/// Writes the safe fixes to their files (standard input's to `stdin_fixed`), and keeps what
/// they did not touch.
fn apply_fixes(run: &mut CheckRun, unsafe_fixes: bool) {
    use crate::fix::Outcome;
    let mut fixed_any = false;
    for (path, (original, fixes)) in &crate::fix::applicable_fixes(&run.diagnostics, unsafe_fixes) {
        if path == STDIN_NAME {
            // Standard input has no file to write: the fixed text goes to standard output.
            run.stdin_fixed = Some(custom::apply_fixes(original, fixes));
            fixed_any = true;
            continue;
        }
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
        // What remains is what the fixes did not touch.
        run.diagnostics.retain(|d| {
            !d.finding
                .fix
                .as_ref()
                .is_some_and(|f| f.is_safe() || unsafe_fixes)
        });
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

/// What the files of a document set define and use (the first phase of a set run). Files that
/// cannot be read are left out here; phase 2 reports them.
pub fn collect_set(inputs: &[Input]) -> crate::settings::SetDefinitions {
    let per_file: Vec<_> = inputs
        .par_iter()
        .filter_map(|input| {
            let doc = load_input(input).ok().flatten()?;
            let (defs, uses) = crate::analysis::Analysis::acronyms_only(&doc);
            Some((doc.file.clone(), defs, uses))
        })
        .collect();
    let mut set = crate::settings::SetDefinitions::default();
    for (file, defs, uses) in per_file {
        for d in defs {
            set.definitions
                .entry(d.short)
                .or_default()
                .push(crate::settings::SetDefinition {
                    file: file.clone(),
                    long: d.long,
                    short_range: d.short_range,
                    long_range: d.long_range,
                    fits: d.fits,
                });
        }
        let mut seen = std::collections::HashSet::new();
        for u in uses {
            let e = set.uses.entry(u.clone()).or_insert((0, 0));
            e.0 += 1;
            if seen.insert(u) {
                e.1 += 1;
            }
        }
    }
    set
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
