//! The worker thread: checks documents one at a time, newest version first, and sends the
//! results back to the main loop.

use super::{convert, Checked};
use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::run::{self, CheckOptions, RunError, CONFIG_RULE};
use crate::source::{Document, Format};
use crossbeam_channel::{Receiver, Sender};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A document to check, as it stood at `version`.
pub(crate) struct Job {
    pub key: String,
    pub version: i32,
    pub text: String,
    pub path: Option<PathBuf>,
    pub language: String,
}

/// A check's results.
pub(crate) struct Outcome {
    pub key: String,
    pub checked: Checked,
    /// Protocol diagnostics on the document that are not findings in it (a broken config).
    pub extra: Vec<lsp_types::Diagnostic>,
    /// The config, facts and rule files the check read, each with its problems (none: clear).
    pub aux: Vec<(PathBuf, Vec<Diagnostic>)>,
}

pub(crate) fn spawn(
    options: CheckOptions,
    latest: Arc<Mutex<HashMap<String, i32>>>,
) -> (Sender<Job>, Receiver<Outcome>) {
    let (job_tx, job_rx) = crossbeam_channel::unbounded::<Job>();
    let (out_tx, out_rx) = crossbeam_channel::unbounded::<Outcome>();
    std::thread::Builder::new()
        .name("factlint-check".into())
        .spawn(move || run(&job_rx, &out_tx, &latest, &options))
        .expect("the worker thread starts");
    (job_tx, out_rx)
}

fn run(
    jobs: &Receiver<Job>,
    out: &Sender<Outcome>,
    latest: &Mutex<HashMap<String, i32>>,
    options: &CheckOptions,
) {
    let mut queue: Vec<Job> = Vec::new();
    loop {
        if queue.is_empty() {
            match jobs.recv() {
                Ok(j) => queue.push(j),
                Err(_) => return,
            }
        }
        // A newer job for a document replaces the one queued.
        while let Ok(j) = jobs.try_recv() {
            queue.retain(|q| q.key != j.key);
            queue.push(j);
        }
        let job = queue.remove(0);
        let current = latest.lock().expect("versions lock").get(&job.key) == Some(&job.version);
        if !current {
            continue;
        }
        let (key, version) = (job.key.clone(), job.version);
        // A bug in a rule must not end the worker: the document says so, and the next change
        // is checked as usual.
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(job, options)))
                .unwrap_or_else(|_| failed(key, version));
        if out.send(outcome).is_err() {
            return;
        }
    }
}

/// Checks one document as `factlint check PATH` would.
pub(crate) fn check(job: Job, options: &CheckOptions) -> Outcome {
    let (name, format) = match &job.path {
        Some(p) => {
            let name = p.display().to_string();
            let format = Format::from_path(&name);
            (name, format)
        }
        // An unsaved buffer: its format from the editor's language id.
        None => {
            let format = match job.language.as_str() {
                "markdown" => Format::Markdown,
                "mdx" => Format::Mdx,
                "restructuredtext" | "rst" => Format::Rst,
                "asciidoc" => Format::AsciiDoc,
                _ => Format::Text,
            };
            (job.key.clone(), format)
        }
    };
    let config_path = job.path.clone().unwrap_or_else(super::stand_in_path);
    let doc = Document::new(name, job.text, format);
    let mut extra = Vec::new();
    let mut aux: Vec<(PathBuf, Vec<Diagnostic>)> = Vec::new();
    let mut explanations = HashMap::new();
    let diagnostics = match run::prepare_document(&config_path, options) {
        Ok(setup) => {
            let diagnostics = setup.check(&doc);
            if let Some(p) = &setup.config_path {
                aux.push((p.clone(), Vec::new()));
            }
            for p in &setup.facts_paths {
                aux.push((p.clone(), Vec::new()));
            }
            for d in setup
                .facts_problems
                .iter()
                .chain(&setup.environment.problems)
            {
                let path = PathBuf::from(d.path());
                match aux.iter_mut().find(|(p, _)| *p == path) {
                    Some((_, ds)) => ds.push(d.clone()),
                    None => aux.push((path, vec![d.clone()])),
                }
            }
            for d in &diagnostics {
                if explanations.contains_key(&d.rule) {
                    continue;
                }
                // A custom rule is explained from the rules this document was checked with
                // (run::explain would look for them from the current directory).
                let text = setup
                    .environment
                    .custom
                    .rules
                    .iter()
                    .find(|r| r.id == d.rule)
                    .map(|r| r.explanation())
                    .or_else(|| {
                        crate::rules::by_code(&d.rule).and_then(|_| run::explain(&d.rule, &[]))
                    });
                if let Some(text) = text {
                    explanations.insert(d.rule.clone(), text);
                }
            }
            diagnostics
        }
        Err(RunError::Config(problems)) => {
            let config = PathBuf::from(problems.first().map_or("factlint.toml", |d| d.path()));
            extra.push(not_checked(
                &doc,
                format!(
                    "not checked: the config file {} is broken",
                    config.display()
                ),
            ));
            aux.push((config, problems));
            Vec::new()
        }
        Err(RunError::Setup(message)) => {
            extra.push(not_checked(&doc, format!("not checked: {message}")));
            Vec::new()
        }
    };
    Outcome {
        key: job.key,
        checked: Checked {
            version: job.version,
            file: doc.file.clone(),
            format,
            diagnostics,
            explanations,
        },
        extra,
        aux,
    }
}

/// The outcome of a check that panicked.
fn failed(key: String, version: i32) -> Outcome {
    let doc = Document::new(key.clone(), "", Format::Text);
    let message = "not checked: factlint failed on this document (please report it)".to_string();
    Outcome {
        key,
        checked: Checked {
            version,
            file: doc.file.clone(),
            format: Format::Text,
            diagnostics: Vec::new(),
            explanations: HashMap::new(),
        },
        extra: vec![not_checked(&doc, message)],
        aux: Vec::new(),
    }
}

/// A diagnostic at the top of a document that could not be checked.
fn not_checked(doc: &Document, message: String) -> lsp_types::Diagnostic {
    let d = Diagnostic {
        file: doc.file.clone(),
        rule: CONFIG_RULE.into(),
        severity: Severity::Error,
        finding: Finding::new(0..0, message),
    };
    let uri = super::uri("file:///").expect("a URI");
    convert::to_lsp(&d, &uri)
}
