//! `--fix`: the fixes written to their files, what a killed run left removed first.

use super::CheckRun;
use crate::custom;
use crate::diagnostic::{Diagnostic, IO_RULE};
use crate::engine;
use crate::source::Input;
use std::collections::HashMap;
use std::path::Path;

/// The name standard input goes by in reports.
pub(super) const STDIN_NAME: &str = "<stdin>";

/// Applies the fixes of a run to the files of `inputs`.
/// Standard input is named `stdin` in the run's reports (its `--stdin-filename`).
pub(super) fn apply(run: &mut CheckRun, unsafe_fixes: bool, inputs: &[Input], stdin: &str) {
    // The real path of each file (its name as shown may be escaped: not UTF-8).
    let real: HashMap<&str, &Path> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File { path, display } => Some((display.as_str(), path.as_path())),
            _ => None,
        })
        .collect();
    // Temporary files a killed run left beside these files go first.
    let dirs: std::collections::BTreeSet<&Path> = real
        .values()
        .map(|p| p.parent().filter(|d| !d.as_os_str().is_empty()))
        .map(|d| d.unwrap_or(Path::new(".")))
        .collect();
    let stale: usize = dirs.iter().map(|d| crate::fix::remove_stale_temps(d)).sum();
    if stale > 0 {
        let s = if stale == 1 { "" } else { "s" };
        run.messages.push(format!(
            "removed {stale} temporary file{s} an interrupted run left behind"
        ));
    }
    write_fixes(run, unsafe_fixes, &real, stdin);
}

/// Writes the safe fixes to their files (standard input's to `stdin_fixed`), and keeps what
/// they did not touch. A file that cannot be written gets an error diagnostic of its own (in
/// the summary, and the run exits 2); the others are still written.
fn write_fixes(run: &mut CheckRun, unsafe_fixes: bool, real: &HashMap<&str, &Path>, stdin: &str) {
    use crate::fix::Outcome;
    let mut fixed: Vec<String> = Vec::new();
    let mut failed: Vec<Diagnostic> = Vec::new();
    for (path, (file, fixes)) in &crate::fix::applicable_fixes(&run.diagnostics, unsafe_fixes) {
        if path == stdin {
            // Standard input has no file to write: the fixed text goes to standard output.
            run.stdin_fixed = Some(custom::apply_fixes(&file.text, fixes));
            fixed.push(path.clone());
            continue;
        }
        let on_disk = real.get(path.as_str()).copied().unwrap_or(Path::new(path));
        match crate::fix::fix_file(on_disk, &file.text, fixes) {
            Outcome::Fixed(n) => {
                fixed.push(path.clone());
                let s = if n == 1 { "" } else { "s" };
                run.messages.push(format!("fixed {n} finding{s} in {path}"));
            }
            Outcome::Unchanged => {}
            Outcome::ChangedSinceRead => run
                .messages
                .push(format!("{path} changed since it was read; not fixed")),
            // Refused, not failed: the findings stay, and nothing was at risk.
            Outcome::Refused(why) => run.messages.push(format!("could not fix {path}: {why}")),
            Outcome::Failed(e) => {
                let message = format!("could not write the fixes: {e}");
                failed.push(Diagnostic::file_error(file.clone(), IO_RULE, message));
            }
        }
    }
    // What remains of a fixed file is what the fixes did not touch.
    run.diagnostics.retain(|d| {
        !fixed.iter().any(|p| p == d.path())
            || !d
                .finding
                .fix
                .as_ref()
                .is_some_and(|f| f.is_safe() || unsafe_fixes)
    });
    if !failed.is_empty() {
        run.errored = true;
        run.diagnostics.extend(failed);
        engine::sort(&mut run.diagnostics);
    }
}
