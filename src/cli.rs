//! The command line: argument definitions, and the commands behind them as thin calls into the
//! library (`factlint::run`), which does the work; this file only prints.

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{BufferWriter, BufferedStandardStream, ColorChoice};
use factlint::config::{self, Config, FailOn};
use factlint::report::{self, Report};
use factlint::rules::BUILTIN;
use factlint::run::{self, CheckOptions, ConfigSource, FixMode, RunError};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

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
        /// human, json, or toml: a glossary ready for a facts file's `[acronyms]` table.
        #[arg(long, value_enum, default_value_t = AcronymsFormat::Human)]
        format: AcronymsFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum AcronymsFormat {
    Human,
    Json,
    Toml,
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
    /// custom substitutions) to the files, atomically; on stdin ('-'), write the fixed text
    /// to stdout and the report to stderr.
    #[arg(long)]
    fix: bool,
    /// Show the safe fixes as a unified diff (human, concise) or as the findings they fix
    /// (other formats), without writing; exit 1 when they would change a file.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// With --fix or --diff: apply the unsafe fixes too (likely rewrites a human should
    /// confirm), not only the safe ones.
    #[arg(long)]
    unsafe_fixes: bool,
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

impl From<OutputFormat> for report::Format {
    fn from(f: OutputFormat) -> report::Format {
        match f {
            OutputFormat::Human => report::Format::Human,
            OutputFormat::Json => report::Format::Json,
            OutputFormat::Sarif => report::Format::Sarif,
            OutputFormat::Github => report::Format::Github,
            OutputFormat::Concise => report::Format::Concise,
        }
    }
}

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

fn color_choice(when: ColorWhen) -> ColorChoice {
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

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let options = CheckOptions {
        config: match (&args.config, args.no_config) {
            (_, true) => ConfigSource::Ignore,
            (Some(p), false) => ConfigSource::File(p.clone()),
            (None, false) => ConfigSource::Discover,
        },
        fix: match (args.fix, args.diff) {
            (true, _) => FixMode::Apply,
            (_, true) => FixMode::Diff,
            _ => FixMode::Report,
        },
        paths: args.paths,
        select: args.select,
        ignore: args.ignore,
        fail_on: args.fail_on,
        facts: args.facts,
        as_of: args.as_of,
        rules: args.rules,
        packs: args.packs,
        baseline: args.baseline,
        write_baseline: args.write_baseline,
        unsafe_fixes: args.unsafe_fixes,
    };
    let run = match run::check(&options) {
        Ok(run) => run,
        Err(RunError::Config(d)) => {
            eprint!("{}", report::human::render(&[*d]));
            return Ok(ExitCode::from(2));
        }
        Err(RunError::Setup(message)) => {
            eprintln!("factlint: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    for m in &run.messages {
        eprintln!("factlint: {m}");
    }
    let report = Report {
        diagnostics: &run.diagnostics,
        summary: run.summary(),
        fact_lines: args.explain_facts.then_some(&run.fact_lines[..]),
    };
    let format = report::Format::from(args.format);
    let human = matches!(format, report::Format::Human | report::Format::Concise);
    if run.baseline_written {
        // Nothing to report: the findings are in the baseline.
    } else if let Some(fixed) = &run.stdin_fixed {
        // `--fix -`: the fixed text is the output; what the fixes left goes to stderr.
        std::io::stdout().lock().write_all(fixed.as_bytes())?;
        let mut stderr = BufferedStandardStream::stderr(color_choice(args.color));
        format.write(&mut stderr, &report)?;
        stderr.flush()?;
    } else if run.diffed && human {
        // `--diff` in a human format: the diff on stdout, problems with the inputs on stderr.
        std::io::stdout()
            .lock()
            .write_all(run.diffs.concat().as_bytes())?;
        let problems: Vec<_> = run
            .diagnostics
            .iter()
            .filter(|d| run::is_setup_problem(&d.rule))
            .cloned()
            .collect();
        if !problems.is_empty() {
            eprint!("{}", report::human::render(&problems));
        }
    } else {
        // Written as it is made, through a buffer: a large report is never held whole.
        let mut stdout = BufferedStandardStream::stdout(color_choice(args.color));
        format.write(&mut stdout, &report)?;
        stdout.flush()?;
    }
    Ok(ExitCode::from(run.exit_code()))
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
                let d = run::config_error_diagnostic(e);
                eprint!("{}", report::human::render(&[d]));
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
                let severity = m.severity.as_str();
                writeln!(out, "{:8} {:34} {severity:8} {}", m.code, m.name, m.summary)?;
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
            let json = serde_json::json!({ "rules": rules });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(code: &str, rule_paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    match run::explain(code, rule_paths) {
        Some(text) => {
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("factlint: no rule '{code}' (see `factlint rules`, or pass --rules FILE)");
            Ok(ExitCode::from(2))
        }
    }
}

/// `factlint test`: runs every example of every rule, one line per example.
fn test_rules(paths: &[PathBuf], color: ColorWhen) -> anyhow::Result<ExitCode> {
    let examples = factlint::custom::run_examples(paths);
    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed) = (0usize, 0usize);
    for r in &examples.results {
        if r.failures.is_empty() {
            passed += 1;
            writeln!(out, "ok    {} example {}", r.rule, r.number)?;
        } else {
            failed += 1;
            let why = r.failures.join("; ");
            writeln!(out, "FAIL  {} example {}: {why}", r.rule, r.number)?;
        }
    }
    let failures = examples.failure_diagnostics();
    if !failures.is_empty() || !examples.problems.is_empty() {
        let writer = BufferWriter::stdout(color_choice(color));
        let mut buffer = writer.buffer();
        report::human::emit(&mut buffer, &examples.problems)?;
        report::human::emit(&mut buffer, &failures)?;
        out.write_all(buffer.as_slice())?;
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    let code = match (examples.problems.is_empty(), failed) {
        (false, _) => 2,
        (true, 0) => 0,
        (true, _) => 1,
    };
    Ok(ExitCode::from(code))
}

fn acronyms(paths: &[PathBuf], format: AcronymsFormat) -> anyhow::Result<ExitCode> {
    let (found, errors) = run::acronyms(paths);
    for e in &errors {
        eprintln!("error[io]: {e}");
    }
    let mut out = std::io::stdout().lock();
    match format {
        AcronymsFormat::Json => {
            let json = serde_json::json!({ "acronyms": found });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        AcronymsFormat::Toml => write!(out, "{}", run::glossary_toml(&found))?,
        AcronymsFormat::Human => {
            for a in &found {
                let (path, line, column) = (&a.path, a.line, a.column);
                writeln!(out, "{path}:{line}:{column}: {} = {}", a.short, a.long)?;
            }
        }
    }
    Ok(ExitCode::from(if errors.is_empty() { 0 } else { 2 }))
}
