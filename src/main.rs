//! The `factlint` binary: parse arguments, run, exit with 0 (clean), 1 (findings at or above
//! `--fail-on`) or 2 (usage, config or I/O error).

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run(cli::Cli::parse())
}
