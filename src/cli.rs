//! The command line: argument definitions and the commands behind them.

use clap::{Parser, Subcommand, ValueEnum};
use factlint::analysis::PartialDate;
use factlint::config::{self, Config, ConfigError, FailOn};
use factlint::custom::{self, CustomRules};
use factlint::diagnostic::{Diagnostic, Finding, Severity};
use factlint::engine::{self, DocumentReport, Selection};
use factlint::facts::Facts;
use factlint::report::{self, Summary};
use factlint::rules::{self, BUILTIN};
use factlint::settings::Settings;
use factlint::source::{self, Input, SourceFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "A fact-checking and consistency linter for prose",
    long_about = "factlint checks briefs and reports for internal consistency: acronyms defined \
                  before use and spelled the same every time, and more. Findings are printed \
                  rustc-style with the exact source span, or as JSON."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents (files, directories, or '-' for stdin).
    Check(CheckArgs),
    /// List the rules: code, name, default severity, summary.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print a rule's documentation: what it checks, why, examples, how to silence it.
    Explain {
        /// A rule code (ACR003) or a custom rule id (brief-hygiene.doubled-word).
        code: String,
        /// Custom rule files or folders to look in (besides the config's and the packs).
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
    },
    /// Run the examples of custom rule files (default: the built-in packs).
    Test {
        /// Rule files or folders of *.toml.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
        color: ColorWhen,
    },
    /// Show the effective configuration (defaults, then factlint.toml).
    Config {
        /// Print the configuration in effect.
        #[arg(long)]
        show: bool,
    },
    /// Print shell completions for bash, zsh, fish, elvish or powershell.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    Man,
    /// Print the acronym definitions found in documents.
    Acronyms {
        /// Files or directories.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check (directories are walked; .gitignore is respected).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Config file [default: the nearest factlint.toml upward from the current directory].
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore any factlint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Only these rules (codes or prefixes, comma-separated: ACR, DAT003).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Skip these rules (codes or prefixes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit with 1 when there is a finding at or above this severity.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// A facts file to check against (repeatable), besides those in the config and the
    /// sidecars NAME.facts.toml beside each document.
    #[arg(long = "facts", value_name = "FILE")]
    facts: Vec<PathBuf>,
    /// The date the documents speak from (YYYY-MM-DD), for dates without a year; overrides the
    /// facts files' as_of.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Show, for each fact, which sentence and number or date it was matched to, or why none.
    #[arg(long)]
    explain_facts: bool,
    /// A custom rule file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// A built-in rule pack to run (repeatable): brief-hygiene, estimative, numbers-style.
    #[arg(long = "pack", value_name = "NAME")]
    packs: Vec<String>,
    /// Apply the safe fixes (acronym typos, malformed dates, wrong weekdays, reversed ranges,
    /// custom substitutions) to the files, atomically.
    #[arg(long)]
    fix: bool,
    /// Show the safe fixes as a unified diff, without writing.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and report nothing as failing).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One line per finding: path:line:col: severity[CODE] message.
    Concise,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// Code of the diagnostics about files that cannot be read.
const IO_RULE: &str = "io";
/// Code of the diagnostics about a broken config file.
const CONFIG_RULE: &str = "config";

pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format } => list_rules(format),
        Command::Explain { code, rules } => explain(&code, &rules),
        Command::Test { paths, color } => test_rules(&paths, color),
        Command::Config { show: _ } => show_config(),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "factlint", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => man_page(),
        Command::Acronyms { paths, format } => acronyms(&paths, format),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factlint: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn color_choice(when: ColorWhen) -> codespan_reporting::term::termcolor::ColorChoice {
    use codespan_reporting::term::termcolor::ColorChoice;
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            if std::io::stdout().is_terminal() && !no_color {
                ColorChoice::Auto
            } else {
                ColorChoice::Never
            }
        }
    }
}

/// The config and the folder its relative paths are resolved against.
fn load_config(args: &CheckArgs) -> Result<(Config, Option<PathBuf>), ConfigError> {
    if args.no_config {
        return Ok((Config::default(), None));
    }
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| config::find_config(&d)),
    };
    match path {
        Some(p) => {
            let dir = p.parent().map(|d| d.to_path_buf());
            config::load_config(&p).map(|c| (c, dir))
        }
        None => Ok((Config::default(), None)),
    }
}

fn config_error_diagnostic(e: ConfigError) -> Diagnostic {
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

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let (config, config_dir) = match load_config(&args) {
        Ok(c) => c,
        Err(e) => {
            let d = config_error_diagnostic(e);
            eprint!("{}", report::human::render(&[d]));
            return Ok(ExitCode::from(2));
        }
    };
    let rule_paths: Vec<PathBuf> = config
        .rules
        .iter()
        .map(|p| config_dir.as_ref().map_or_else(|| p.clone(), |d| d.join(p)))
        .chain(args.rules.iter().cloned())
        .collect();
    let pack_names: Vec<String> = config.packs.iter().chain(&args.packs).cloned().collect();
    let (custom, rule_problems) = match load_custom_rules(&rule_paths, &pack_names) {
        Ok(r) => r,
        Err(message) => {
            eprintln!("factlint: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    for code in args.select.iter().flatten().chain(&args.ignore) {
        let custom_known = custom
            .rules
            .iter()
            .any(|r| r.id == *code || r.id.starts_with(&format!("{code}.")));
        if !rules::selector_is_known(code) && !custom_known {
            eprintln!("factlint: unknown rule code or prefix '{code}' (see `factlint rules`)");
            return Ok(ExitCode::from(2));
        }
    }
    let as_of = match &args.as_of {
        Some(s) => match PartialDate::parse(s) {
            Some(d) => Some(d),
            None => {
                eprintln!("factlint: --as-of {s} is not a date (use YYYY-MM-DD)");
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let select = args.select.clone().or(config.select.clone());
    let ignore: Vec<String> = config.ignore.iter().chain(&args.ignore).cloned().collect();
    let selection = Selection::new(select.as_deref(), &ignore, &config.severity);
    let settings = Settings {
        exempt: config.acronyms.exempt.iter().cloned().collect(),
        as_of,
        ..Settings::default()
    };
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);

    let inputs = source::expand_paths(&args.paths);
    // Facts: from the config (relative to it), from --facts, and sidecars NAME.facts.toml.
    let global: Vec<PathBuf> = config
        .facts
        .iter()
        .map(|p| config_dir.as_ref().map_or_else(|| p.clone(), |d| d.join(p)))
        .chain(args.facts.iter().cloned())
        .collect();
    let sidecars: Vec<Option<PathBuf>> = inputs.iter().map(sidecar_for).collect();
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
    let mut facts_problems = Vec::new();
    let mut by_path: HashMap<PathBuf, Arc<Facts>> = HashMap::new();
    for (p, f, d) in loaded {
        facts_problems.extend(d);
        if let Some(f) = f {
            by_path.insert(p, Arc::new(f));
        }
    }
    let global_facts: Vec<Arc<Facts>> = global
        .iter()
        .filter_map(|p| by_path.get(p).cloned())
        .collect();

    let results: Vec<(DocumentReport, bool)> = inputs
        .par_iter()
        .zip(sidecars.par_iter())
        .map(|(input, sidecar)| {
            let mut facts = global_facts.clone();
            if let Some(f) = sidecar.as_ref().and_then(|p| by_path.get(p)) {
                if !facts.iter().any(|g| Arc::ptr_eq(g, f)) {
                    facts.push(f.clone());
                }
            }
            check_input(input, &settings, &selection, &facts, &custom)
        })
        .collect();
    let io_error = results.iter().any(|(_, err)| *err);
    let facts_error = !facts_problems.is_empty() || !rule_problems.is_empty();
    let mut fact_lines = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = facts_problems;
    diagnostics.extend(rule_problems);
    for (r, _) in results {
        diagnostics.extend(r.diagnostics);
        fact_lines.extend(r.fact_lines);
    }
    // Per-path overrides: `[[overrides]] files = ["glossary/**"] ignore = ["ACR001"]`.
    let overrides = match config::compile_overrides(&config.overrides) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("factlint: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    diagnostics.retain(|d| {
        !overrides.iter().any(|(glob, ignore)| {
            glob.is_match(d.path()) && ignore.iter().any(|c| rules::selector_matches(c, &d.rule))
        })
    });
    engine::sort(&mut diagnostics);
    if let Some(path) = &args.write_baseline {
        let n = factlint::baseline::write(path, &diagnostics)?;
        eprintln!(
            "factlint: wrote {n} findings to the baseline {}",
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(path) = &args.baseline {
        match factlint::baseline::read(path) {
            Ok(entries) => {
                let hidden = factlint::baseline::filter(&mut diagnostics, &entries);
                if hidden > 0 {
                    eprintln!(
                        "factlint: {hidden} findings hidden by the baseline {}",
                        path.display()
                    );
                }
            }
            Err(message) => {
                eprintln!("factlint: {message}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    if args.fix || args.diff {
        let fixes = factlint::fix::safe_fixes(&diagnostics);
        let mut fixed_any = false;
        for (path, (original, file_fixes)) in &fixes {
            if args.diff {
                let after = factlint::custom::apply_fixes(original, file_fixes);
                print!("{}", factlint::fix::diff(path, original, &after));
                continue;
            }
            match factlint::fix::fix_file(std::path::Path::new(path), original, file_fixes) {
                factlint::fix::Outcome::Fixed(n) => {
                    fixed_any = true;
                    eprintln!(
                        "factlint: fixed {n} finding{} in {path}",
                        if n == 1 { "" } else { "s" }
                    );
                }
                factlint::fix::Outcome::Unchanged => {}
                factlint::fix::Outcome::ChangedSinceRead => {
                    eprintln!("factlint: {path} changed since it was read; not fixed");
                }
                factlint::fix::Outcome::Failed(e) => {
                    eprintln!("factlint: could not fix {path}: {e}")
                }
            }
        }
        if args.diff {
            return Ok(ExitCode::SUCCESS);
        }
        if fixed_any {
            // What remains is what the fixes did not touch.
            diagnostics.retain(|d| !factlint::fix::is_safe(d) || d.path() == "<stdin>");
        }
    }
    let summary = Summary::new(inputs.len(), &diagnostics);

    let mut stdout = std::io::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            let extra = args
                .explain_facts
                .then(|| serde_json::json!({ "explain_facts": fact_lines }));
            writeln!(
                stdout,
                "{}",
                report::json::render_with(&diagnostics, summary, extra)
            )?;
        }
        OutputFormat::Sarif => writeln!(stdout, "{}", report::sarif::render(&diagnostics))?,
        OutputFormat::Github => write!(stdout, "{}", report::github::render(&diagnostics))?,
        OutputFormat::Concise => {
            write!(stdout, "{}", report::concise::render(&diagnostics))?;
            writeln!(stdout, "{}", report::human::summary_line(summary))?;
        }
        OutputFormat::Human => {
            use codespan_reporting::term::termcolor::BufferWriter;
            let writer = BufferWriter::stdout(color_choice(args.color));
            let mut buffer = writer.buffer();
            report::human::emit(&mut buffer, &diagnostics)?;
            stdout.write_all(buffer.as_slice())?;
            if args.explain_facts {
                write!(stdout, "{}", report::human::explain_facts(&fact_lines))?;
            }
            writeln!(stdout, "{}", report::human::summary_line(summary))?;
        }
    }
    stdout.flush()?;
    let code = if io_error || facts_error {
        2
    } else if diagnostics.iter().any(|d| fail_on.fails(d.severity)) {
        1
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

/// The sidecar facts file of a document: `NAME.facts.toml` beside `NAME.md` or `NAME.txt`.
fn sidecar_for(input: &Input) -> Option<PathBuf> {
    let Input::File { path, .. } = input else {
        return None;
    };
    let stem = path.file_stem()?.to_str()?;
    let candidate = path.with_file_name(format!("{stem}.facts.toml"));
    candidate.is_file().then_some(candidate)
}

/// Checks one input; the flag says whether it could not be read.
fn check_input(
    input: &Input,
    settings: &Settings,
    selection: &Selection,
    facts: &[Arc<Facts>],
    custom: &CustomRules,
) -> (DocumentReport, bool) {
    let only = |d: Vec<Diagnostic>, err: bool| {
        (
            DocumentReport {
                diagnostics: d,
                fact_lines: Vec::new(),
            },
            err,
        )
    };
    let loaded = match input {
        Input::Stdin => source::load_stdin(),
        Input::File { path, display } => source::load_path(path, display),
        Input::Error { message, .. } => Err(source::LoadError::Io(message.clone())),
        Input::EmptyDirectory { display } => {
            let file = Arc::new(SourceFile::new(display.as_str(), ""));
            let mut d = Diagnostic::file_error(
                file,
                IO_RULE,
                format!(
                    "no documents found in this directory (looked for .{} files)",
                    source::DOCUMENT_EXTENSIONS.join(", .")
                ),
            );
            d.severity = Severity::Warning;
            return only(vec![d], false);
        }
    };
    match loaded {
        Ok(doc) => (
            engine::check_document_full(&doc, settings, selection, facts, custom),
            false,
        ),
        Err(e) => {
            let file = Arc::new(SourceFile::new(input.display(), ""));
            only(
                vec![Diagnostic::file_error(file, IO_RULE, e.to_string())],
                true,
            )
        }
    }
}

fn man_page() -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let man = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    man.render(&mut out)?;
    std::io::stdout().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn show_config() -> anyhow::Result<ExitCode> {
    let path = std::env::current_dir()
        .ok()
        .and_then(|d| config::find_config(&d));
    let config = match &path {
        Some(p) => match config::load_config(p) {
            Ok(c) => c,
            Err(e) => {
                eprint!("{}", report::human::render(&[config_error_diagnostic(e)]));
                return Ok(ExitCode::from(2));
            }
        },
        None => Config::default(),
    };
    let mut out = std::io::stdout().lock();
    match &path {
        Some(p) => writeln!(out, "# from {}", p.display())?,
        None => writeln!(out, "# no factlint.toml found; defaults")?,
    }
    writeln!(out, "{}", config.effective_toml())?;
    Ok(ExitCode::SUCCESS)
}

fn list_rules(format: ListFormat) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Human => {
            for r in BUILTIN {
                let m = r.meta();
                writeln!(
                    out,
                    "{:8} {:34} {:8} {}",
                    m.code,
                    m.name,
                    m.severity.as_str(),
                    m.summary
                )?;
            }
        }
        ListFormat::Json => {
            let rules: Vec<_> = BUILTIN
                .iter()
                .map(|r| {
                    let m = r.meta();
                    serde_json::json!({
                        "code": m.code, "name": m.name, "severity": m.severity,
                        "summary": m.summary, "fix": m.fix.describe(),
                    })
                })
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({"rules": rules}))?
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(code: &str, rule_paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if let Some(rule) = rules::by_code(code) {
        let m = rule.meta();
        writeln!(out, "# {} ({})\n", m.name, m.code)?;
        writeln!(
            out,
            "Default severity: {}. Fix: {}.\n",
            m.severity,
            m.fix.describe()
        )?;
        writeln!(out, "{}", m.explanation())?;
        return Ok(ExitCode::SUCCESS);
    }
    // A custom rule: from --rules, the config's rules, or a pack.
    let mut paths = rule_paths.to_vec();
    let mut packs: Vec<String> = custom::packs::names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(cfg) = std::env::current_dir()
        .ok()
        .and_then(|d| config::find_config(&d))
    {
        if let Ok(c) = config::load_config(&cfg) {
            let dir = cfg.parent().map(|d| d.to_path_buf()).unwrap_or_default();
            paths.extend(c.rules.iter().map(|p| dir.join(p)));
            packs.extend(c.packs);
        }
    }
    packs.sort();
    packs.dedup();
    let (custom, _) = load_custom_rules(&paths, &packs).unwrap_or_default();
    let Some(rule) = custom.rules.iter().find(|r| r.id == code) else {
        eprintln!("factlint: no rule '{code}' (see `factlint rules`, or pass --rules FILE)");
        return Ok(ExitCode::from(2));
    };
    writeln!(out, "# {}\n", rule.id)?;
    writeln!(
        out,
        "Severity: {}. Defined in {}.\n",
        rule.severity, rule.file.name
    )?;
    writeln!(
        out,
        "{}",
        rule.description.as_deref().unwrap_or(&rule.message)
    )?;
    if let Some(link) = &rule.link {
        writeln!(out, "\nMore: {link}")?;
    }
    if !rule.examples.is_empty() {
        writeln!(out, "\n## Examples")?;
        for e in &rule.examples {
            let s = if e.expect == 1 { "" } else { "s" };
            writeln!(out, "- {:?}: {} finding{s}", e.text, e.expect)?;
        }
    }
    writeln!(
        out,
        "\n## How to silence it\nIgnore it with `--ignore {}` or `ignore = [\"{}\"]` in factlint.toml.",
        rule.id, rule.id
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the named packs and the rule files (folders are walked for *.toml). Rule-file problems
/// are returned as diagnostics; an unknown pack name is an error.
fn load_custom_rules(
    paths: &[PathBuf],
    packs: &[String],
) -> Result<(CustomRules, Vec<Diagnostic>), String> {
    let mut files = Vec::new();
    for name in packs {
        match custom::packs::pack(name) {
            Some(f) => files.push(f),
            None => {
                return Err(format!(
                    "no rule pack '{name}' (packs: {})",
                    custom::packs::names().join(", ")
                ))
            }
        }
    }
    for path in rule_files(paths) {
        files.push(custom::load_rule_file(&path));
    }
    let mut problems = Vec::new();
    let mut all = Vec::new();
    for f in files {
        problems.extend(f.problems);
        all.extend(f.rules);
    }
    let rules = dedupe_rules(all, &mut problems);
    Ok((CustomRules::new(rules), problems))
}

/// Keeps the first rule of each id; a later one with the same id is an error on its file.
fn dedupe_rules(
    rules: Vec<custom::CustomRule>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<custom::CustomRule> {
    let mut kept: Vec<custom::CustomRule> = Vec::new();
    for r in rules {
        if let Some(first) = kept.iter().find(|x| x.id == r.id) {
            let mut d = Diagnostic::file_error(
                r.file.clone(),
                "rules",
                format!(
                    "duplicate rule id '{}' (first defined in {})",
                    r.id, first.file.name
                ),
            );
            d.finding.range = r.span.clone();
            d.finding.label = "duplicate".into();
            problems.push(d);
            continue;
        }
        kept.push(r);
    }
    kept
}

/// Rule files: files as given, and the *.toml files of folders (data files left out).
fn rule_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    const DATA_FILES: &[&str] = &["common-acronyms.toml"];
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .build()
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .filter(|f| f.extension().is_some_and(|e| e == "toml"))
                .filter(|f| !f.to_string_lossy().ends_with(".facts.toml"))
                .filter(|f| {
                    f.file_name()
                        .and_then(|n| n.to_str())
                        .is_none_or(|n| !DATA_FILES.contains(&n))
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// `factlint test`: runs every example of every rule, one line per example.
fn test_rules(paths: &[PathBuf], color: ColorWhen) -> anyhow::Result<ExitCode> {
    let files: Vec<custom::RuleFile> = if paths.is_empty() {
        custom::packs::names()
            .iter()
            .filter_map(|n| custom::packs::pack(n))
            .collect()
    } else {
        rule_files(paths)
            .iter()
            .map(|p| custom::load_rule_file(p))
            .collect()
    };
    let mut out = std::io::stdout().lock();
    let mut problems = Vec::new();
    let mut failures = Vec::new();
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut all = Vec::new();
    for f in files {
        problems.extend(f.problems);
        all.extend(f.rules);
    }
    let rules = CustomRules::new(dedupe_rules(all, &mut problems));
    for rule in &rules.rules {
        for (n, e) in rule.examples.iter().enumerate() {
            let why = custom::run_example(&rules, rule, e);
            if why.is_empty() {
                passed += 1;
                writeln!(out, "ok    {} example {}", rule.id, n + 1)?;
            } else {
                failed += 1;
                let why = why.join("; ");
                writeln!(out, "FAIL  {} example {}: {why}", rule.id, n + 1)?;
                let mut d = Diagnostic::file_error(
                    rule.file.clone(),
                    "test",
                    format!("{} example {}: {why}", rule.id, n + 1),
                );
                d.finding.range = e.span.clone();
                d.finding.label = "this example".into();
                failures.push(d);
            }
        }
    }
    if !failures.is_empty() || !problems.is_empty() {
        use codespan_reporting::term::termcolor::BufferWriter;
        let writer = BufferWriter::stdout(color_choice(color));
        let mut buffer = writer.buffer();
        report::human::emit(&mut buffer, &problems)?;
        report::human::emit(&mut buffer, &failures)?;
        out.write_all(buffer.as_slice())?;
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    let code = if !problems.is_empty() {
        2
    } else if failed > 0 {
        1
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

fn acronyms(paths: &[PathBuf], format: ListFormat) -> anyhow::Result<ExitCode> {
    let inputs = source::expand_paths(paths);
    let results: Vec<Result<Vec<serde_json::Value>, String>> = inputs
        .par_iter()
        .map(|input| {
            let doc = match input {
                Input::Stdin => source::load_stdin(),
                Input::File { path, display } => source::load_path(path, display),
                Input::Error { message, .. } => Err(source::LoadError::Io(message.clone())),
                Input::EmptyDirectory { .. } => return Ok(Vec::new()),
            }
            .map_err(|e| format!("{}: {e}", input.display()))?;
            let analysis = factlint::analysis::Analysis::new(&doc);
            Ok(analysis
                .definitions
                .iter()
                .map(|d| {
                    let (line, column) = doc.file.position(d.short_range.start);
                    serde_json::json!({
                        "path": doc.name(), "short": d.written, "long": d.long,
                        "line": line, "column": column,
                    })
                })
                .collect())
        })
        .collect();
    let mut failed = false;
    let mut all = Vec::new();
    for r in results {
        match r {
            Ok(v) => all.extend(v),
            Err(e) => {
                eprintln!("error[io]: {e}");
                failed = true;
            }
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "acronyms": all }))?
        )?,
        ListFormat::Human => {
            for a in &all {
                writeln!(
                    out,
                    "{}:{}:{}: {} = {}",
                    a["path"].as_str().unwrap_or(""),
                    a["line"],
                    a["column"],
                    a["short"].as_str().unwrap_or(""),
                    a["long"].as_str().unwrap_or("")
                )?;
            }
        }
    }
    Ok(ExitCode::from(if failed { 2 } else { 0 }))
}
