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
}

impl Input {
    pub fn display(&self) -> &str {
        match self {
            Input::File { display, .. }
            | Input::Error { display, .. }
            | Input::EmptyDirectory { display } => display,
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
            let walker = ignore::WalkBuilder::new(path)
                .require_git(false)
                .follow_links(false)
                .build();
            for entry in walker {
                match entry {
                    Ok(entry) => {
                        let is_file = entry.file_type().is_some_and(|t| t.is_file());
                        if is_file && keep(entry.path(), has_document_extension(entry.path())) {
                            found.push(Input::File {
                                display: entry.path().display().to_string(),
                                path: entry.into_path(),
                            });
                        }
                    }
                    Err(err) => found.push(Input::Error {
                        display: path.display().to_string(),
                        message: err.to_string(),
                    }),
                }
            }
            found.sort_by(|a, b| a.display().cmp(b.display()));
            if found.is_empty() {
                found.push(Input::EmptyDirectory {
                    display: path.display().to_string(),
                });
            }
            out.extend(found);
        } else {
            out.push(Input::File {
                display: path.display().to_string(),
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

fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}
