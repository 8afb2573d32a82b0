//! `--fix` and `--diff`: safe fixes applied to files, atomically, and never to a file that
//! changed since it was read. How a file is written (links, mode, owner, temporary files):
//! [`write`].

mod write;

pub use write::{
    mark_process_start, remove_registered_temps, remove_stale_temps, write_file, TEMP_INFIX,
};

use crate::custom::apply_fixes;
use crate::diagnostic::{Diagnostic, Fix};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// Whether a diagnostic's fix may be applied without a human looking: decided per finding
/// (see [`crate::diagnostic::Applicability`]).
pub fn is_safe(d: &Diagnostic) -> bool {
    d.finding.fix.as_ref().is_some_and(Fix::is_safe)
}

/// The fixes `--fix` applies to each file (the safe ones; the unsafe ones too with
/// `unsafe_fixes`), by path, with the file (and so the text) they were computed against.
pub fn applicable_fixes(
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
) -> BTreeMap<String, (Arc<SourceFile>, Vec<Fix>)> {
    let mut by_file: BTreeMap<String, (Arc<SourceFile>, Vec<Fix>)> = BTreeMap::new();
    for d in diagnostics {
        let Some(fix) = &d.finding.fix else { continue };
        if fix.is_safe() || unsafe_fixes {
            by_file
                .entry(d.path().to_string())
                .or_insert_with(|| (d.file.clone(), Vec::new()))
                .1
                .push(fix.clone());
        }
    }
    by_file
}

/// A unified diff of a file before and after its fixes.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Why a Word draft is not fixed: its text was read out of the package, and writing it back
/// could not leave the rest of the file as it was.
pub const NOT_FIXED_IN_PLACE: &str = "a Word document (.docx) is not fixed in place: factlint \
     reads its text out of the package and does not write it back; make the change in Word";

/// What happened to one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Fixed(usize),
    Unchanged,
    /// The file changed on disk after it was read: left alone.
    ChangedSinceRead,
    /// A file factlint does not write (a Word draft): left alone, and no failure.
    Refused(&'static str),
    Failed(String),
}

/// Applies fixes to `path`, whose content was `original` when checked. The file keeps its
/// byte-order mark and line endings (the fixes are computed on the text as written, line
/// endings and all), and is written by [`write_file`].
pub fn fix_file(path: &Path, original: &str, fixes: &[Fix]) -> Outcome {
    if !crate::source::Format::from_path(&path.to_string_lossy()).is_text_file() {
        return Outcome::Refused(NOT_FIXED_IN_PLACE);
    }
    let fixed = apply_fixes(original, fixes);
    if fixed == original {
        return Outcome::Unchanged;
    }
    let bom = "\u{feff}".as_bytes();
    let now = match crate::source::read_limited_path(path, crate::source::MAX_DOCUMENT_BYTES) {
        Ok(now) => now,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let keep_bom = if now == original.as_bytes() {
        false
    } else if now.strip_prefix(bom) == Some(original.as_bytes()) {
        // A UTF-8 BOM was dropped when reading; compare without it, and write it back.
        true
    } else {
        return Outcome::ChangedSinceRead;
    };
    let bytes = if keep_bom {
        [bom, fixed.as_bytes()].concat()
    } else {
        fixed.into_bytes()
    };
    match write_file(path, &bytes) {
        Ok(()) => Outcome::Fixed(fixes.len()),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// Writes a file that may not exist yet (a baseline): as [`write_file`] does; a new file gets
/// the permissions the umask leaves.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_are_written_atomically_and_only_over_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.txt");
        std::fs::write(&p, "an ASISMA unit").unwrap();
        let fix = Fix::new(3..9, "AFISMA");
        assert_eq!(
            fix_file(&p, "an ASISMA unit", std::slice::from_ref(&fix)),
            Outcome::Fixed(1)
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "an AFISMA unit");
        // The file no longer holds what the fix was computed against.
        assert_eq!(
            fix_file(&p, "an ASISMA unit", &[fix]),
            Outcome::ChangedSinceRead
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "an AFISMA unit");
    }

    #[test]
    fn diff_shows_the_change() {
        let d = diff("b.txt", "a\nan ASISMA unit\n", "a\nan AFISMA unit\n");
        assert!(
            d.contains("-an ASISMA unit") && d.contains("+an AFISMA unit"),
            "{d}"
        );
    }
}
