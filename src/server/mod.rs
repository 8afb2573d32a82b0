//! `factlint server`: the Language Server Protocol over stdio, so that writers see findings
//! in their editor as they type.
//!
//! Built on `lsp-server` (rust-analyzer's transport) and `lsp-types`, not on an async
//! framework such as `tower-lsp`: factlint is synchronous and CPU-bound, `lsp-server` gives a
//! plain loop over a channel of messages whose order we control (so "the latest version wins"
//! is a comparison, not a race between tasks), and it brings no async runtime into the build.
//!
//! The main loop owns the open documents and answers requests (hover, code actions) at once
//! from the last results; the checks run on one worker thread. A change is checked after a
//! short pause (debounced); a queued job is dropped when a newer version of its document
//! arrives before it starts, and a result is dropped when its version is no longer the
//! document's. A document is checked exactly as `factlint check PATH` would check it: the
//! nearest `factlint.toml` upward from its folder, its facts files and sidecar, custom rules and
//! packs ([`crate::run::prepare_document`]). Problems in those files are published on them; a
//! broken config is a diagnostic on the config file, never a crash.

pub mod actions;
pub mod convert;
mod worker;

use crate::diagnostic::Diagnostic;
use crate::run::CheckOptions;
use crate::source::{Format, SourceFile};
use crossbeam_channel::{select, Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Hover, HoverContents, HoverParams, HoverProviderCapability,
    MarkupContent, MarkupKind, PositionEncodingKind, PublishDiagnosticsParams, SaveOptions,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use worker::{Job, Outcome};

/// How long a document must stay unchanged before it is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// What the server says it can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Serves the protocol on stdin and stdout until the client says `exit`.
pub fn serve_stdio(options: CheckOptions) -> anyhow::Result<()> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection, options)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

/// Serves the protocol on a connection: the handshake, then the main loop.
pub fn serve(connection: &Connection, options: CheckOptions) -> anyhow::Result<()> {
    let caps = serde_json::to_value(capabilities())?;
    let init = serde_json::json!({
        "capabilities": caps,
        "serverInfo": { "name": "factlint", "version": env!("CARGO_PKG_VERSION") },
    });
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(id, init)?;
    let latest = Arc::new(Mutex::new(HashMap::new()));
    let (jobs, results) = worker::spawn(options, latest.clone());
    let mut server = Server {
        sender: connection.sender.clone(),
        docs: HashMap::new(),
        pending: HashMap::new(),
        jobs,
        latest,
        aux: HashMap::new(),
    };
    server.main_loop(connection, &results)
}

/// An open document.
struct OpenDoc {
    uri: Uri,
    version: i32,
    text: String,
    language: String,
    /// The last results published for it.
    checked: Option<Checked>,
}

/// A document's results: the text they were computed on, with what hover needs.
pub(crate) struct Checked {
    pub version: i32,
    pub file: Arc<SourceFile>,
    pub format: Format,
    pub diagnostics: Vec<Diagnostic>,
    /// The `factlint explain` text of each rule with a finding.
    pub explanations: HashMap<String, String>,
}

struct Server {
    sender: Sender<Message>,
    docs: HashMap<String, OpenDoc>,
    /// Documents to check once their time comes (debounce).
    pending: HashMap<String, Instant>,
    jobs: Sender<Job>,
    /// The current version of each open document, shared with the worker.
    latest: Arc<Mutex<HashMap<String, i32>>>,
    /// How many diagnostics were last published on each config, facts or rule file.
    aux: HashMap<String, usize>,
}

impl Server {
    fn main_loop(
        &mut self,
        connection: &Connection,
        results: &Receiver<Outcome>,
    ) -> anyhow::Result<()> {
        loop {
            let wait = self
                .pending
                .values()
                .min()
                .map_or(Duration::from_secs(3600), |t| {
                    t.saturating_duration_since(Instant::now())
                });
            select! {
                recv(connection.receiver) -> msg => {
                    let Ok(msg) = msg else { return Ok(()) };
                    match msg {
                        Message::Request(req) => {
                            if connection.handle_shutdown(&req)? {
                                return Ok(());
                            }
                            self.request(req);
                        }
                        Message::Notification(n) if n.method == "exit" => return Ok(()),
                        Message::Notification(n) => self.notification(n),
                        Message::Response(_) => {}
                    }
                }
                recv(results) -> outcome => {
                    if let Ok(outcome) = outcome {
                        self.publish(outcome);
                    }
                }
                default(wait) => {}
            }
            self.start_due();
        }
    }

    fn send_notification<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let _ = self
            .sender
            .send(Notification::new(N::METHOD.to_string(), params).into());
    }

    fn request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => Response::new_ok(req.id, self.code_actions(&p)),
                    Err(e) => {
                        Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string())
                    }
                }
            }
            HoverRequest::METHOD => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.hover(&p)),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("factlint does not handle {}", req.method),
            ),
        };
        let _ = self.sender.send(response.into());
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                let d = p.text_document;
                let key = d.uri.as_str().to_string();
                self.set_latest(&key, d.version);
                self.docs.insert(
                    key.clone(),
                    OpenDoc {
                        uri: d.uri,
                        version: d.version,
                        text: d.text,
                        language: d.language_id,
                        checked: None,
                    },
                );
                // Opened: checked at once.
                self.pending.insert(key, Instant::now());
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_string();
                let Some(doc) = self.docs.get_mut(&key) else {
                    return;
                };
                for change in p.content_changes {
                    convert::apply_change(&mut doc.text, change);
                }
                doc.version = p.text_document.version;
                let version = doc.version;
                self.set_latest(&key, version);
                self.pending.insert(key, Instant::now() + DEBOUNCE);
            }
            DidSaveTextDocument::METHOD => {
                // A saved file may be a config, facts or rule file another document reads:
                // every open document is checked again.
                let due = Instant::now() + DEBOUNCE;
                for key in self.docs.keys() {
                    self.pending.insert(key.clone(), due);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_string();
                self.docs.remove(&key);
                self.pending.remove(&key);
                self.latest.lock().expect("versions lock").remove(&key);
                self.send_notification::<PublishDiagnostics>(PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                });
            }
            _ => {}
        }
    }

    fn set_latest(&self, key: &str, version: i32) {
        self.latest
            .lock()
            .expect("versions lock")
            .insert(key.to_string(), version);
    }

    /// Sends the worker the documents whose pause is over.
    fn start_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for key in due {
            self.pending.remove(&key);
            if let Some(doc) = self.docs.get(&key) {
                let _ = self.jobs.send(Job {
                    key: key.clone(),
                    version: doc.version,
                    text: doc.text.clone(),
                    path: convert::uri_to_path(&doc.uri),
                    language: doc.language.clone(),
                });
            }
        }
    }

    /// Publishes a result unless its document moved on; then the problems of the files it
    /// read.
    fn publish(&mut self, outcome: Outcome) {
        let Some(doc) = self.docs.get_mut(&outcome.key) else {
            return;
        };
        if doc.version != outcome.checked.version {
            return; // stale: a newer version is on its way
        }
        let diagnostics = outcome
            .checked
            .diagnostics
            .iter()
            .map(|d| convert::to_lsp(d, &doc.uri))
            .chain(outcome.extra.iter().cloned())
            .collect();
        let params = PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics,
            version: Some(doc.version),
        };
        doc.checked = Some(outcome.checked);
        self.send_notification::<PublishDiagnostics>(params);
        for (path, ds) in outcome.aux {
            let uri = convert::path_to_uri(&path);
            let key = uri.as_str().to_string();
            let before = self.aux.insert(key, ds.len()).unwrap_or(0);
            if before == 0 && ds.is_empty() {
                continue;
            }
            let diagnostics = ds.iter().map(|d| convert::to_lsp(d, &uri)).collect();
            self.send_notification::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            });
        }
    }

    fn checked(&self, uri: &Uri) -> Option<&Checked> {
        self.docs.get(uri.as_str())?.checked.as_ref()
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(doc) = self.docs.get(p.text_document.uri.as_str()) else {
            return Vec::new();
        };
        // Offsets of older results would edit the wrong text.
        let Some(checked) = doc.checked.as_ref().filter(|c| c.version == doc.version) else {
            return Vec::new();
        };
        let starts = checked.file.line_starts();
        let a = convert::offset(&checked.file.text, starts, p.range.start);
        let b = convert::offset(&checked.file.text, starts, p.range.end);
        checked
            .diagnostics
            .iter()
            .filter(|d| actions::meets(d, a, b))
            .flat_map(|d| actions::for_finding(d, &doc.uri, checked.format))
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let pos = &p.text_document_position_params;
        let checked = self.checked(&pos.text_document.uri)?;
        let at = convert::offset(&checked.file.text, checked.file.line_starts(), pos.position);
        let here: Vec<&Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.finding.range.start <= at && at <= d.finding.range.end)
            .collect();
        let first = here.first()?;
        let mut value = String::new();
        let mut seen = Vec::new();
        for d in &here {
            value.push_str(&format!(
                "**{}** `{}`: {}\n\n",
                d.severity, d.rule, d.finding.message
            ));
        }
        for d in &here {
            if seen.contains(&d.rule) {
                continue;
            }
            seen.push(d.rule.clone());
            if let Some(text) = checked.explanations.get(&d.rule) {
                value.push_str("---\n\n");
                value.push_str(text);
                value.push('\n');
            }
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: Some(convert::range(&checked.file, &first.finding.range)),
        })
    }
}

/// The path a document without a file (an `untitled:` buffer) is configured as: a file in the
/// current directory.
fn stand_in_path() -> PathBuf {
    std::env::current_dir().unwrap_or_default().join("untitled")
}

/// The URI of a document key (for tests and messages).
pub fn uri(key: &str) -> Option<Uri> {
    Uri::from_str(key).ok()
}
