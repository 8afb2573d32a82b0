//! A progress bar on stderr for long runs: many files, or one large one. Shown only to a
//! person watching: never when stderr is not a terminal, when `CI` is set, or when the output
//! is for a machine (JSON, SARIF, GitHub annotations and the other CI formats).

use factlint::report::Format;
use factlint::run::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::Duration;

/// From this many files a run shows its progress...
pub const MANY_FILES: usize = 20;
/// ...and from a file this large.
pub const LARGE_FILE: u64 = 5 * 1024 * 1024;

/// Whether a run shows a progress bar.
pub fn should_show(
    stderr_is_tty: bool,
    ci: bool,
    format: Format,
    files: usize,
    largest: u64,
) -> bool {
    let for_machines = matches!(
        format,
        Format::Json
            | Format::Sarif
            | Format::Github
            | Format::Rdjsonl
            | Format::Gitlab
            | Format::Junit
    );
    stderr_is_tty && !ci && !for_machines && (files >= MANY_FILES || largest >= LARGE_FILE)
}

/// The progress display of one run, created on the first report of progress (when the number
/// of files and the largest size are known).
pub struct Bar {
    format: Format,
    bar: OnceLock<Option<ProgressBar>>,
}

impl Bar {
    pub fn new(format: Format) -> Bar {
        Bar {
            format,
            bar: OnceLock::new(),
        }
    }

    pub fn update(&self, p: Progress) {
        let bar = self.bar.get_or_init(|| {
            let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
            let tty = std::io::stderr().is_terminal();
            if !should_show(tty, ci, self.format, p.total, p.largest_bytes) {
                return None;
            }
            let bar = if p.total == 1 {
                // One large file: no fraction to show, only that work goes on.
                let bar = ProgressBar::new_spinner().with_message(format!(
                    "checking {:.1} MB",
                    p.largest_bytes as f64 / 1_048_576.0
                ));
                bar
            } else {
                ProgressBar::new(p.total as u64).with_style(
                    ProgressStyle::with_template("checking {bar:30} {pos}/{len} files {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                )
            };
            bar.set_draw_target(ProgressDrawTarget::stderr());
            // Redrawn on a timer, so that a long file shows the time going by.
            bar.enable_steady_tick(Duration::from_millis(120));
            Some(bar)
        });
        if let Some(bar) = bar {
            bar.set_position(p.done as u64);
        }
    }

    /// Clears the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(Some(bar)) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_only_to_a_person_and_only_for_long_runs() {
        let big = LARGE_FILE;
        // Many files, or one large one, on a terminal, outside CI, for people.
        assert!(should_show(true, false, Format::Human, 20, 100));
        assert!(should_show(true, false, Format::Concise, 1, big));
        assert!(should_show(true, false, Format::Html, 1, big));
        // A short run.
        assert!(!should_show(true, false, Format::Human, 19, big - 1));
        // Not a terminal, or CI.
        assert!(!should_show(false, false, Format::Human, 500, big));
        assert!(!should_show(true, true, Format::Human, 500, big));
        // Output for machines.
        for f in [
            Format::Json,
            Format::Sarif,
            Format::Github,
            Format::Rdjsonl,
            Format::Gitlab,
            Format::Junit,
        ] {
            assert!(!should_show(true, false, f, 500, big), "{f:?}");
        }
    }
}
