//! The commands besides `check`: each parses nothing, calls the library and prints.

use super::{color_choice, AcronymsFormat, Cli, ColorWhen, ListFormat};
use codespan_reporting::term::termcolor::BufferWriter;
use factlint::config::{self, Config};
use factlint::report;
use factlint::rules::BUILTIN;
use factlint::run;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `factlint man`: the top-level page, one subcommand's page, or every page into a folder.
pub(super) fn man_page(
    subcommand: Option<&str>,
    out_dir: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let top = Cli::command();
    let render = |cmd: clap::Command| -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        clap_mangen::Man::new(cmd).render(&mut out)?;
        Ok(out)
    };
    // A subcommand's page is named factlint-NAME, as factlint(1) refers to it.
    let page = |name: &str| {
        top.find_subcommand(name).map(|c| {
            let title = format!("factlint-{name}");
            c.clone()
                .bin_name(format!("factlint {name}"))
                .display_name(title)
        })
    };
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("factlint.1"), render(top.clone())?)?;
        for sub in top.get_subcommands().filter(|c| c.get_name() != "help") {
            if let Some(cmd) = page(sub.get_name()) {
                std::fs::write(
                    dir.join(format!("factlint-{}.1", sub.get_name())),
                    render(cmd)?,
                )?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let bytes = match subcommand {
        None => render(top.clone())?,
        Some(name) => match page(name) {
            Some(cmd) => render(cmd)?,
            None => {
                eprintln!("factlint: no subcommand '{name}' (see `factlint --help`)");
                return Ok(ExitCode::from(2));
            }
        },
    };
    std::io::stdout().write_all(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn show_config() -> anyhow::Result<ExitCode> {
    let path = std::env::current_dir()
        .ok()
        .and_then(|d| config::find_config(&d));
    let config = match &path {
        Some(p) => match config::load_config(p) {
            Ok(c) => c,
            Err(errors) => {
                let problems: Vec<_> = errors
                    .into_iter()
                    .map(run::config_error_diagnostic)
                    .collect();
                eprint!("{}", report::human::render(&problems));
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

pub(super) fn list_rules(format: ListFormat) -> anyhow::Result<ExitCode> {
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

pub(super) fn explain(code: &str, rule_paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
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
pub(super) fn test_rules(paths: &[PathBuf], color: ColorWhen) -> anyhow::Result<ExitCode> {
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

pub(super) fn acronyms(paths: &[PathBuf], format: AcronymsFormat) -> anyhow::Result<ExitCode> {
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
