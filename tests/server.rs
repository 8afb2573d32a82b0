//! `factlint server` driven as an editor drives it: the real binary over stdio, JSON-RPC
//! frames with Content-Length headers.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        // FACTLINT_SERVER_BIN: another build to drive (to time the release binary).
        let bin = std::env::var("FACTLINT_SERVER_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_factlint").to_string());
        let mut child = Command::new(bin)
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        len = Some(n.parse::<usize>().expect("a length"));
                    }
                }
                let mut body = vec![0; len.expect("a Content-Length header")];
                r.read_exact(&mut body).expect("the whole body");
                if tx
                    .send(serde_json::from_slice(&body).expect("JSON"))
                    .is_err()
                {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
            next_id: 1,
        };
        let id = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": {} }),
        );
        let init = c.response(id);
        let caps = &init["result"]["capabilities"];
        assert_eq!(
            caps["textDocumentSync"]["change"], 2,
            "incremental sync: {init}"
        );
        assert_eq!(caps["positionEncoding"], "utf-16");
        assert_eq!(caps["hoverProvider"], true);
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The first message (kept or new) that `pred` accepts; the others are kept.
    fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(v) if pred(&v) => return v,
                Ok(v) => self.backlog.push(v),
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => panic!("server gone waiting for {what}"),
            }
        }
    }

    fn response(&mut self, id: i64) -> Value {
        self.wait(&format!("response {id}"), |v| {
            v["id"] == id && v.get("method").is_none()
        })
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait(&format!("diagnostics for {uri}"), |v| {
            v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    fn shutdown(mut self) {
        let id = self.request("shutdown", Value::Null);
        assert_eq!(self.response(id)["result"], Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn with_code<'a>(params: &'a Value, code: &str) -> Vec<&'a Value> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// Curly quotes and a dash before the typo, so that its UTF-16 column differs from its byte
/// and character columns.
const BRIEF: &str = "Mali brief\n\nThe African-led International Support Mission to Mali (AFISMA) deployed in early 2013.\n\n“By March” — ASISMA units held the towns of the north.\n";

#[test]
fn diagnostics_quick_fix_and_a_clean_list_after_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    std::fs::write(dir.join("factlint.toml"), "").unwrap();
    let uri = uri_of(&dir.join("brief.txt"));
    let mut c = Client::start(&dir);
    c.open(&uri, "plaintext", BRIEF);
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    let acr = with_code(&published, "ACR003");
    assert_eq!(acr.len(), 1, "{published}");
    let d = acr[0].clone();
    assert_eq!(d["source"], "factlint");
    assert_eq!(d["severity"], 1);
    // Line 4 (0-based): “By March” — ASISMA: the quotes and the dash are one unit each.
    assert_eq!(d["range"]["start"], json!({ "line": 4, "character": 13 }));
    assert_eq!(d["range"]["end"], json!({ "line": 4, "character": 19 }));
    let message = d["message"].as_str().unwrap();
    assert!(
        message.starts_with("'ASISMA' looks like a misspelling of 'AFISMA'"),
        "{message}"
    );
    assert!(
        message.contains("\nhelp: replace 'ASISMA' with 'AFISMA'"),
        "{message}"
    );
    let related = &d["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(
        related["location"]["range"]["start"],
        json!({ "line": 2, "character": 55 })
    );

    // Code actions: the fix (preferred: ACR003's fix is safe), and the two suppressions.
    let id = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    let actions = c.response(id)["result"].as_array().unwrap().clone();
    let edit_of = |a: &Value| a["edit"]["changes"][uri.as_str()][0].clone();
    let fix = actions
        .iter()
        .find(|a| edit_of(a)["newText"] == "AFISMA")
        .expect("a quick fix that writes AFISMA");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(edit_of(fix)["range"], d["range"]);
    let line = actions
        .iter()
        .find(|a| a["title"] == "Ignore ACR003 on this line")
        .unwrap();
    assert_eq!(
        edit_of(line)["newText"],
        "# factlint-disable-next-line ACR003\n"
    );
    assert_eq!(
        edit_of(line)["range"]["start"],
        json!({ "line": 4, "character": 0 })
    );
    let file = actions
        .iter()
        .find(|a| a["title"] == "Ignore ACR003 in this file")
        .unwrap();
    assert_eq!(edit_of(file)["newText"], "# factlint-disable-file ACR003\n");

    // Hover on the typo: the rule's documentation.
    let id = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 4, "character": 15 } }),
    );
    let hover = c.response(id);
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("# acronym-typo (ACR003)"), "{text}");

    // Apply the fix as the editor would: an incremental change.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [{ "range": d["range"], "text": "AFISMA" }] }),
    );
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert!(with_code(&published, "ACR003").is_empty(), "{published}");

    // Full-text changes in quick succession: only the latest is checked and published.
    for v in 3..=6 {
        let text = if v == 6 {
            BRIEF.to_string()
        } else {
            BRIEF.replace("ASISMA", &format!("AFISMA{v}"))
        };
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": v }, "contentChanges": [{ "text": text }] }),
        );
    }
    let published = c.diagnostics(&uri);
    assert_eq!(published["version"], 6, "the latest version wins");
    assert_eq!(with_code(&published, "ACR003").len(), 1);
    c.shutdown();
}

#[test]
fn a_broken_config_is_a_diagnostic_on_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    std::fs::create_dir(dir.join("docs")).unwrap();
    let config = dir.join("factlint.toml");
    std::fs::write(&config, "fail-on = \"warning\"\nnot-a-key = 1\n").unwrap();
    let uri = uri_of(&dir.join("docs").join("brief.md"));
    let mut c = Client::start(&dir.join("docs"));
    c.open(&uri, "markdown", BRIEF);
    let on_config = c.diagnostics(&uri_of(&config));
    let ds = on_config["diagnostics"].as_array().unwrap();
    assert_eq!(ds.len(), 1, "{on_config}");
    assert_eq!(ds[0]["code"], "config");
    assert_eq!(
        ds[0]["range"]["start"]["line"], 1,
        "points at the bad key: {on_config}"
    );
    let on_doc = c.diagnostics(&uri);
    assert!(on_doc["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("is broken"));

    // Mended and saved: the config's diagnostics are cleared and the document is checked,
    // Markdown by its extension (the suppression form is an HTML comment).
    std::fs::write(&config, "fail-on = \"warning\"\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let on_config = c.diagnostics(&uri_of(&config));
    assert_eq!(on_config["diagnostics"], json!([]));
    let on_doc = c.diagnostics(&uri);
    let d = with_code(&on_doc, "ACR003")[0].clone();
    let id = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    let actions = c.response(id)["result"].clone();
    assert!(
        actions
            .to_string()
            .contains("<!-- factlint-disable-next-line ACR003 -->\\n"),
        "{actions}"
    );
    c.shutdown();
}

#[test]
fn a_large_document_is_checked_without_blocking_requests() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    std::fs::write(dir.join("factlint.toml"), "").unwrap();
    let small = uri_of(&dir.join("brief.txt"));
    let big = uri_of(&dir.join("big.txt"));
    let mut c = Client::start(&dir);
    c.open(&small, "plaintext", BRIEF);
    c.diagnostics(&small);
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5 * 1024 * 1024 {
        i += 1;
        text.push_str(&format!(
            "Patrol report {i}: the mission held the towns of the north through the dry season, and its patrols reported calm markets.\n\n"
        ));
    }
    let t0 = Instant::now();
    c.open(&big, "plaintext", &text);
    // Asked while the large document is being checked: answered from the last results at once.
    let t1 = Instant::now();
    let id = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": small }, "position": { "line": 4, "character": 15 } }),
    );
    let hover = c.response(id);
    let (hover_time, since_sent) = (t0.elapsed(), t1.elapsed());
    assert!(hover["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("ACR003"));
    let big_published_first = c.backlog.iter().any(|v| v["params"]["uri"] == big.as_str());
    assert!(!big_published_first, "the hover waited for the check");
    let published = c.diagnostics(&big);
    let check_time = t0.elapsed();
    eprintln!(
        "5 MB document: hover answered {hover_time:?} after the didOpen ({since_sent:?} after it was sent); the document's diagnostics {check_time:?} after"
    );
    assert!(published["diagnostics"].is_array());
    assert!(
        hover_time < Duration::from_secs(2),
        "hover took {hover_time:?}"
    );
    c.shutdown();
}

#[test]
fn the_sidecar_facts_file_is_read_and_its_problems_shown_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    std::fs::write(dir.join("factlint.toml"), "").unwrap();
    let text = std::fs::read_to_string("fixtures/facts/FCT001_fire.txt").unwrap();
    let facts = std::fs::read_to_string("fixtures/facts/FCT001_fire.facts.toml").unwrap();
    let sidecar = dir.join("brief.facts.toml");
    std::fs::write(&sidecar, &facts).unwrap();
    let uri = uri_of(&dir.join("brief.txt"));
    let mut c = Client::start(&dir);
    c.open(&uri, "plaintext", &text);
    let published = c.diagnostics(&uri);
    let fct = with_code(&published, "FCT001");
    assert_eq!(fct.len(), 3, "{published}");
    assert!(
        published.to_string().contains(&uri_of(&sidecar)),
        "a related span in the sidecar: {published}"
    );
    // A broken sidecar: its problem is published on it.
    std::fs::write(&sidecar, "[[fact]\nid = 1\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let on_sidecar = c.diagnostics(&uri_of(&sidecar));
    assert!(
        !on_sidecar["diagnostics"].as_array().unwrap().is_empty(),
        "{on_sidecar}"
    );
    c.shutdown();
}
