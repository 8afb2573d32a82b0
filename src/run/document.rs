//! One document checked as the command line would check it, for a language server whose
//! documents live in an editor.

use super::*;

/// Everything one document is checked with, found as `factlint check PATH` finds it for that
/// path: its [`Environment`], and the facts files (the global ones and the sidecar beside it).
/// For a language server, whose documents live in an editor.
pub struct DocumentSetup {
    pub environment: Environment,
    /// The config file in effect, if any.
    pub config_path: Option<PathBuf>,
    pub facts: Vec<Arc<Facts>>,
    /// The facts files read (global and sidecar), whose problems are in `facts_problems`.
    pub facts_paths: Vec<PathBuf>,
    /// Problems found in the facts files (diagnostics on them).
    pub facts_problems: Vec<Diagnostic>,
    path: PathBuf,
}

/// Prepares the check of the document at `path` (which need not exist on disk: its text may
/// be in an editor), its configuration found upward from the document's folder.
pub fn prepare_document(path: &Path, options: &CheckOptions) -> Result<DocumentSetup, RunError> {
    let as_of = match &options.as_of {
        Some(s) => PartialDate::parse(s),
        None => None,
    };
    let input = Input::File {
        path: path.to_path_buf(),
        display: path.display().to_string(),
    };
    let config_path = ConfigFinder::default().config_for(&options.config, &input);
    let environment = Environment::new(config_path.clone(), options, as_of)?;
    let sidecars = [sidecar_for(&input)];
    let (by_path, facts_problems) = load_facts(&environment.facts, &sidecars);
    let facts = facts_for(&environment.facts, &sidecars[0], &by_path);
    let mut facts_paths = environment.facts.clone();
    facts_paths.extend(sidecars[0].clone());
    Ok(DocumentSetup {
        environment,
        config_path,
        facts,
        facts_paths,
        facts_problems,
        path: path.to_path_buf(),
    })
}

impl DocumentSetup {
    /// The findings of one document in memory, overrides applied, in order.
    pub fn check(&self, doc: &source::Document) -> Vec<Diagnostic> {
        let e = &self.environment;
        let mut diagnostics =
            engine::check_document_full(doc, &e.settings, &e.selection, &self.facts, &e.custom)
                .diagnostics;
        let input = Input::File {
            path: self.path.clone(),
            display: doc.name().to_string(),
        };
        e.apply_overrides(&input, &mut diagnostics);
        engine::sort(&mut diagnostics);
        diagnostics
    }
}
