//! Turning command-line paths into the list of documents to check.
//!
//! A directory walk keeps the files whose extension names a format factlint reads
//! ([`DOCUMENT_EXTENSIONS`]); the caller may widen or narrow that per file (the run layer applies
//! each configuration's `extend-include` and `exclude`). Files named on the command line are
//! checked whatever their extension.

use std::path::{Path, PathBuf};

/// Extensions of files that a directory walk picks up. Files named on the command line are
/// checked whatever their extension.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mdown", "mkd", "mkdn", "mdx", "rst", "adoc", "asciidoc", "txt", "text",
    "html", "htm", "docx",
];

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, with the name to show for it.
    File { path: PathBuf, display: String },
    /// Standard input, with the name `--stdin-filename` gave it (its format, configuration and
    /// overrides follow from that name).
    Stdin { name: Option<String> },
    /// A path that could not be walked, with the reason.
    Error { display: String, message: String },
    /// A directory that holds no document to check.
    EmptyDirectory { display: String },
    /// Symbolic links to documents that a directory walk did not follow (they may point out of
    /// the tree, or at a file checked already): reported, so that none is skipped silently.
    SkippedLinks { display: String, links: Vec<String> },
}

impl Input {
    pub fn display(&self) -> &str {
        match self {
            Input::File { display, .. }
            | Input::Error { display, .. }
            | Input::EmptyDirectory { display }
            | Input::SkippedLinks { display, .. } => display,
            Input::Stdin { name } => name.as_deref().unwrap_or("<stdin>"),
        }
    }
}

/// Expands files, directories (recursively, honouring .gitignore and hidden files like git
/// does, keeping only document extensions) and `-` into a sorted, de-duplicated list.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Input> {
    expand_paths_filtered(paths, &|_, default| default)
}

/// [`expand_paths`], with `keep(path, default)` deciding for each file a walk finds whether it
/// is checked (`default`: whether its extension is a document's).
pub fn expand_paths_filtered(paths: &[PathBuf], keep: &dyn Fn(&Path, bool) -> bool) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin { name: None });
            continue;
        }
        if path.is_dir() {
            let mut found = Vec::new();
            let mut links = Vec::new();
            let walker = ignore::WalkBuilder::new(path)
                .require_git(false)
                .follow_links(false)
                .build();
            for entry in walker {
                match entry {
                    Ok(entry) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        let is_link = entry.path_is_symlink()
                            && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
                        let wanted = keep(entry.path(), has_document_extension(entry.path()));
                        if is_file && wanted {
                            found.push(Input::File {
                                display: display_path(entry.path()),
                                path: entry.into_path(),
                            });
                        } else if is_link && wanted {
                            links.push(display_path(entry.path()));
                        }
                    }
                    Err(err) => found.push(Input::Error {
                        display: display_path(path),
                        message: err.to_string(),
                    }),
                }
            }
            found.sort_by(|a, b| a.display().cmp(b.display()));
            if found.is_empty() && links.is_empty() {
                found.push(Input::EmptyDirectory {
                    display: display_path(path),
                });
            }
            if !links.is_empty() {
                links.sort();
                found.push(Input::SkippedLinks {
                    display: display_path(path),
                    links,
                });
            }
            out.extend(found);
        } else {
            out.push(Input::File {
                display: display_path(path),
                path: path.clone(),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|i| match i {
        Input::File { path, .. } => seen.insert(path.clone()),
        _ => true,
    });
    out
}

/// A path as factlint shows it: as written, but for bytes that are not UTF-8, each written
/// `\xFF` (so that two names never look the same, as they would with U+FFFD). The file is
/// still read and written through its real path.
pub fn display_path(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_shown_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"dir/caf\xE9 \xFF.md"));
        assert_eq!(display_path(p), "dir/caf\\xE9 \\xFF.md");
        assert_eq!(display_path(Path::new("back\\slash.md")), "back\\slash.md");
    }

    #[cfg(unix)]
    #[test]
    fn a_walk_reports_the_links_it_does_not_follow() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "A.").unwrap();
        std::os::unix::fs::symlink("a.md", dir.path().join("b.md")).unwrap();
        let inputs = expand_paths(&[dir.path().to_path_buf()]);
        assert_eq!(inputs.len(), 2, "{inputs:?}");
        let Input::SkippedLinks { links, .. } = &inputs[1] else {
            panic!("{inputs:?}")
        };
        assert!(links[0].ends_with("b.md"), "{links:?}");
    }
}
