//! The command line: argument definitions, and the commands behind them as thin calls into the
//! library (`factlint::run`), which does the work; this file only prints.

mod commands;
mod progress;

use commands::{acronyms, explain, list_rules, man_page, show_config, test_rules};

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice, NoColor};
use factlint::config::FailOn;
use factlint::report::{self, Report};
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
    Check(Box<CheckArgs>),
    /// List the rules: code, name, default severity, summary.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print a rule's documentation: what it checks, why, examples, how to silence it.
    Explain {
        /// A rule code (ACR003), a rule name (acronym-typo) or a custom rule id
        /// (brief-hygiene.doubled-word).
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
    /// Print a man page (roff): factlint(1), or a subcommand's (factlint-check(1)).
    Man {
        /// The subcommand whose page to print (check, rules, explain, ...).
        subcommand: Option<String>,
        /// Write every page (factlint.1, factlint-check.1, ...) into this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
        out_dir: Option<PathBuf>,
    },
    /// Run the language server (LSP) over stdin and stdout, for editors.
    Server,
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

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check (directories are walked; .gitignore is respected)
    /// [default: ., or - with --stdin-filename].
    paths: Vec<PathBuf>,
    /// The name of standard input ('-'): its format comes from the name's extension, and its
    /// configuration and per-path overrides are that path's.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Config file [default: the nearest factlint.toml upward from the current directory].
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore any factlint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    #[arg(long, value_enum, default_value_t = report::Format::Human)]
    format: report::Format,
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
    /// List the infos in human and concise output (otherwise one line counts them).
    #[arg(long)]
    show_infos: bool,
    /// Print the findings only: no summary line, no messages about fixes or baselines.
    #[arg(long, short)]
    quiet: bool,
    /// Print a count per rule instead of the findings (human and concise formats).
    #[arg(long)]
    statistics: bool,
    /// Write the report to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Check only a deterministic share of the files, I of N (1/3, 2/3, 3/3), by path: for
    /// spreading a large repository over a CI matrix.
    #[arg(long, value_name = "I/N")]
    shard: Option<run::Shard>,
    /// Do not read or write the result cache (on by default when a directory is checked).
    #[arg(long)]
    no_cache: bool,
    /// Keep the result cache in this folder [default: .factlint_cache].
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache_dir: Option<PathBuf>,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum AcronymsFormat {
    Human,
    Json,
    Toml,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

pub fn run(cli: Cli) -> ExitCode {
    factlint::fix::mark_process_start();
    // SIGINT, SIGTERM or SIGHUP while `--fix` or a baseline is being written: the temporary
    // file beside it goes, the file itself is left as it was, and the exit status says how the
    // run ended (128 + the signal, as a shell reports it; ctrlc does not say which signal).
    let _ = ctrlc::set_handler(|| {
        factlint::fix::remove_registered_temps();
        std::process::exit(130);
    });
    let result = match cli.command {
        Command::Check(args) => check(*args),
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
        Command::Man {
            subcommand,
            out_dir,
        } => man_page(subcommand.as_deref(), out_dir.as_deref()),
        Command::Server => {
            factlint::server::serve_stdio(CheckOptions::default()).map(|()| ExitCode::SUCCESS)
        }
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

fn check(mut args: CheckArgs) -> anyhow::Result<ExitCode> {
    if args.paths.is_empty() {
        let default = if args.stdin_filename.is_some() {
            "-"
        } else {
            "."
        };
        args.paths.push(PathBuf::from(default));
    }
    let options = CheckOptions {
        stdin_filename: args.stdin_filename.clone(),
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
        paths: args.paths.clone(),
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
        shard: args.shard,
        // On for directory runs (a repository), or when a folder is named for it.
        cache: match (&args.cache_dir, args.no_cache) {
            (_, true) => None,
            (Some(dir), false) => Some(dir.clone()),
            (None, false) => args
                .paths
                .iter()
                .any(|p| p.is_dir())
                .then(|| PathBuf::from(run::cache::DEFAULT_DIR)),
        },
    };
    let bar = progress::Bar::new(args.format);
    let checked = run::check_with_progress(&options, &|p| bar.update(p));
    bar.finish();
    let run = match checked {
        Ok(run) => run,
        Err(RunError::Config(problems)) => {
            eprint!("{}", report::human::render(&problems));
            return Ok(ExitCode::from(2));
        }
        Err(RunError::Setup(message)) => {
            eprintln!("factlint: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    if !args.quiet {
        for m in &run.messages {
            eprintln!("factlint: {m}");
        }
    }
    let report = Report {
        diagnostics: &run.diagnostics,
        summary: run.summary(),
        fact_lines: args.explain_facts.then_some(&run.fact_lines[..]),
        show_infos: args.show_infos,
        quiet: args.quiet,
        statistics: args.statistics,
    };
    let format = args.format;
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
    } else if let Some(path) = &args.output_file {
        let file = std::fs::File::create(path)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        let mut out = NoColor::new(std::io::BufWriter::new(file));
        format.write(&mut out, &report)?;
        out.flush()?;
    } else {
        // Written as it is made, through a buffer: a large report is never held whole.
        let mut stdout = BufferedStandardStream::stdout(color_choice(args.color));
        format.write(&mut stdout, &report)?;
        stdout.flush()?;
    }
    Ok(ExitCode::from(run.exit_code()))
}
