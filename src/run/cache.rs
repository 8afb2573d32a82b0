//! The result cache: a file whose text, configuration, rules and factlint build are those of a
//! run before gets that run's findings back without being analysed again (like
//! `.ruff_cache`).
//!
//! One JSON file per configuration, read when the run starts and written once when it ends,
//! holding a result per document under a key that hashes everything the result depends on:
//! the factlint build (its version and the executable's size and modification
//! time, so a rebuilt binary never reads an older one's results), the configuration in effect
//! (the config file's text and the command line's options), the text of every custom rule
//! file and pack, the document's name and its text. Documents checked against facts files are
//! not cached (their results depend on the facts files too, and `--explain-facts` reads the
//! matching itself). A cache that cannot be read or written is never an error: the document is
//! checked as if there were none.

use crate::custom::CustomRules;
use crate::diagnostic::{Applicability, Diagnostic, Finding, Fix, Label, Severity};
use crate::settings::SetDefinitions;
use crate::source::{Document, SourceFile};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;

/// The folder a run's cache lives in when none is named.
pub const DEFAULT_DIR: &str = ".factlint_cache";

/// A cache folder and the key of the configuration it is used under, with the results read
/// from it and those this run adds.
pub struct Cache {
    dir: PathBuf,
    /// Everything but the document: build, configuration, rules.
    environment: u64,
    /// The results a run before recorded, by document key.
    known: HashMap<u64, Vec<CachedFinding>>,
    /// The results of documents this run checked (or found in `known`), to be saved.
    seen: Mutex<HashMap<u64, Vec<CachedFinding>>>,
}

impl Cache {
    /// The cache in `dir` for documents checked under this configuration (`config_text` and
    /// `options`, a description of the command line's options) and these custom rules.
    pub fn new(dir: &Path, config_text: &str, options: &str, custom: &CustomRules) -> Cache {
        let mut h = DefaultHasher::new();
        build_identity().hash(&mut h);
        config_text.hash(&mut h);
        options.hash(&mut h);
        let mut files: Vec<&str> = Vec::new();
        for r in &custom.rules {
            if !files.contains(&r.file.name.as_str()) {
                files.push(&r.file.name);
                r.file.name.hash(&mut h);
                r.file.text.hash(&mut h);
            }
        }
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            environment: h.finish(),
            known: HashMap::new(),
            seen: Mutex::new(HashMap::new()),
        };
        cache.load();
        cache
    }

    /// The same cache for the documents of one set: a result holds only under the same set of
    /// definitions and uses (phase 1 of a set run), which is folded into the key.
    pub fn for_set(self, set: &SetDefinitions) -> Cache {
        let mut h = DefaultHasher::new();
        self.environment.hash(&mut h);
        for (short, defs) in &set.definitions {
            short.hash(&mut h);
            for d in defs {
                (&d.file.name, &d.long, d.fits).hash(&mut h);
            }
        }
        let mut uses: Vec<_> = set.uses.iter().collect();
        uses.sort();
        uses.hash(&mut h);
        let mut cache = Cache {
            dir: self.dir,
            environment: h.finish(),
            known: HashMap::new(),
            seen: Mutex::new(HashMap::new()),
        };
        cache.load();
        cache
    }

    fn load(&mut self) {
        self.known = load_entries(&self.file());
    }

    /// The file of this configuration's results.
    fn file(&self) -> PathBuf {
        self.dir.join(format!("{:016x}.json", self.environment))
    }

    fn key(&self, name: &str, text: &str, bom: bool) -> u64 {
        // DefaultHasher's keys are fixed, so the same build gives the same key in every run;
        // another build has another key (build_identity), so a change of algorithm is safe.
        let mut h = DefaultHasher::new();
        self.environment.hash(&mut h);
        name.hash(&mut h);
        text.hash(&mut h);
        bom.hash(&mut h);
        h.finish()
    }

    /// The findings cached for a document's text, if any, placed in `file` (made from that
    /// text only when there is a result to place).
    pub fn get(
        &self,
        name: &str,
        text: String,
        bom: bool,
        other_file: &dyn Fn(&str) -> Option<Arc<SourceFile>>,
    ) -> Result<Vec<Diagnostic>, String> {
        let key = self.key(name, &text, bom);
        let Some(found) = self.known.get(&key) else {
            return Err(text);
        };
        let mut file = SourceFile::new(name, text);
        file.bom = bom;
        let file = Arc::new(file);
        let diagnostics: Option<Vec<Diagnostic>> = found
            .iter()
            .map(|f| f.to_diagnostic(&file, other_file))
            .collect();
        match diagnostics {
            Some(d) => {
                if let Ok(mut seen) = self.seen.lock() {
                    seen.insert(key, found.clone());
                }
                Ok(d)
            }
            None => Err(file.text.clone()),
        }
    }

    /// Records the findings of a document for [`Cache::save`]. A label in another file is
    /// recorded by the file's name, and found again among the set's files when read back.
    pub fn put(&self, file: &SourceFile, diagnostics: &[Diagnostic]) {
        let key = self.key(&file.name, &file.text, file.bom);
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(key, diagnostics.iter().map(CachedFinding::new).collect());
        }
    }

    /// Writes the results back: this run's, and the older ones of documents it did not check
    /// (another shard's). Failures are ignored: the cache is an optimisation.
    pub fn save(self) {
        let file = self.file();
        save_entries(&self.dir, &file, self.known, self.seen);
    }
}

/// What one file defines and uses, for the first phase of a set run.
#[derive(Clone, Serialize, Deserialize)]
pub struct FileAcronyms {
    pub definitions: Vec<SetEntry>,
    pub uses: Vec<String>,
}

/// One definition of a file, as a set needs it.
#[derive(Clone, Serialize, Deserialize)]
pub struct SetEntry {
    pub short: String,
    pub long: String,
    pub short_range: Range<usize>,
    pub long_range: Range<usize>,
    pub fits: bool,
}

impl FileAcronyms {
    /// Reads them from a document (the part of its analysis a set needs).
    pub fn of(doc: &Document) -> FileAcronyms {
        let (definitions, uses) = crate::analysis::Analysis::acronyms_only(doc);
        FileAcronyms {
            definitions: definitions
                .into_iter()
                .map(|d| SetEntry {
                    short: d.short,
                    long: d.long,
                    short_range: d.short_range,
                    long_range: d.long_range,
                    fits: d.fits,
                })
                .collect(),
            uses,
        }
    }
}

/// The cache of phase 1: each file's acronyms, by the build, its name and its text (they
/// depend on nothing else), so that a warm set run reads its files but analyses none.
pub struct AcronymCache {
    dir: PathBuf,
    build: u64,
    known: HashMap<u64, FileAcronyms>,
    seen: Mutex<HashMap<u64, FileAcronyms>>,
}

impl AcronymCache {
    pub fn new(dir: &Path) -> AcronymCache {
        let mut h = DefaultHasher::new();
        build_identity().hash(&mut h);
        let mut cache = AcronymCache {
            dir: dir.to_path_buf(),
            build: h.finish(),
            known: HashMap::new(),
            seen: Mutex::new(HashMap::new()),
        };
        cache.known = load_entries(&cache.file());
        cache
    }

    fn file(&self) -> PathBuf {
        self.dir.join(format!("acronyms-{:016x}.json", self.build))
    }

    /// A file's acronyms: from the cache, or read from the document (and remembered).
    pub fn get_or_collect(
        &self,
        name: &str,
        text: String,
        bom: bool,
    ) -> (Arc<SourceFile>, FileAcronyms) {
        let mut h = DefaultHasher::new();
        (self.build, name, &text, bom).hash(&mut h);
        let key = h.finish();
        let found = match self.known.get(&key) {
            Some(f) => {
                let mut file = SourceFile::new(name, text);
                file.bom = bom;
                (Arc::new(file), f.clone())
            }
            None => {
                let doc =
                    Document::new(name, text, crate::source::Format::from_path(name)).with_bom(bom);
                (doc.file.clone(), FileAcronyms::of(&doc))
            }
        };
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(key, found.1.clone());
        }
        found
    }

    /// Writes this run's entries back, with the older ones of files it did not read.
    pub fn save(self) {
        let file = self.file();
        save_entries(&self.dir, &file, self.known, self.seen);
    }
}

/// The entries a run before saved in `path`, by key; none when it is missing or unreadable.
fn load_entries<T: serde::de::DeserializeOwned>(path: &Path) -> HashMap<u64, T> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Vec<(u64, T)>>(&bytes).ok())
        .map(|entries| entries.into_iter().collect())
        .unwrap_or_default()
}

/// Writes a cache file back: the entries this run used or made (`seen`), and the older ones
/// (`known`) of documents it did not read (another shard's). Nothing is written when the run
/// used exactly what was there.
fn save_entries<T: Serialize>(
    dir: &Path,
    path: &Path,
    known: HashMap<u64, T>,
    seen: Mutex<HashMap<u64, T>>,
) {
    let Ok(seen) = seen.into_inner() else {
        return;
    };
    if seen.len() == known.len() && seen.keys().all(|k| known.contains_key(k)) {
        return;
    }
    let mut all: Vec<(u64, T)> = known.into_iter().collect();
    all.retain(|(k, _)| !seen.contains_key(k));
    all.extend(seen);
    all.sort_by_key(|(k, _)| *k);
    if let Ok(json) = serde_json::to_vec(&all) {
        write_aside(dir, path, &json);
    }
}

/// Writes `bytes` to `path` through a temporary file in `dir`, renamed over it, so that a
/// reader never sees half a file; the folder is made (and tagged) when missing. Failures are
/// ignored: a cache is an optimisation.
fn write_aside(dir: &Path, path: &Path, bytes: &[u8]) {
    if !dir.is_dir() {
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let _ = std::fs::write(dir.join("CACHEDIR.TAG"), CACHEDIR_TAG);
    }
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
        use std::io::Write;
        if tmp.write_all(bytes).is_ok() {
            let _ = tmp.persist(path);
        }
    }
}

/// Marks the folder as a cache for backup tools (https://bford.info/cachedir/).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n# factlint's result cache; it can be deleted at any time.\n";

/// What distinguishes this factlint build from another: its version, and its executable's
/// size and modification time.
fn build_identity() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

#[derive(Clone, Serialize, Deserialize)]
struct CachedFinding {
    rule: String,
    severity: Severity,
    range: Range<usize>,
    message: String,
    label: String,
    /// Each label: the other file it points into (by name; `None`: the document), its span
    /// and its message.
    labels: Vec<(Option<String>, Range<usize>, String)>,
    notes: Vec<String>,
    help: Option<String>,
    fix: Option<(Range<usize>, String, bool)>,
    info_only: bool,
}

impl CachedFinding {
    fn new(d: &Diagnostic) -> CachedFinding {
        let f = &d.finding;
        CachedFinding {
            rule: d.rule.clone(),
            severity: d.severity,
            range: f.range.clone(),
            message: f.message.clone(),
            label: f.label.clone(),
            labels: f
                .labels
                .iter()
                .map(|l| {
                    let other = l.file.as_ref().map(|f| f.name.clone());
                    (other, l.range.clone(), l.message.clone())
                })
                .collect(),
            notes: f.notes.clone(),
            help: f.help.clone(),
            fix: f
                .fix
                .as_ref()
                .map(|x| (x.start..x.end, x.replacement.clone(), x.is_safe())),
            info_only: f.info_only,
        }
    }

    /// The diagnostic again, in its document; `None` when a span no longer fits its text or a
    /// label's other file is not at hand (the result is then made anew).
    fn to_diagnostic(
        &self,
        file: &Arc<SourceFile>,
        other_file: &dyn Fn(&str) -> Option<Arc<SourceFile>>,
    ) -> Option<Diagnostic> {
        let fits = |f: &SourceFile, r: &Range<usize>| {
            r.start <= r.end && f.text.is_char_boundary(r.start) && f.text.is_char_boundary(r.end)
        };
        if !fits(file, &self.range) || self.fix.as_ref().is_some_and(|(r, _, _)| !fits(file, r)) {
            return None;
        }
        let mut labels = Vec::with_capacity(self.labels.len());
        for (other, range, message) in &self.labels {
            let target = match other {
                Some(name) => Some(other_file(name)?),
                None => None,
            };
            if !fits(target.as_deref().unwrap_or(file), range) {
                return None;
            }
            labels.push(Label {
                file: target,
                range: range.clone(),
                message: message.clone(),
            });
        }
        let this = self.clone();
        let mut finding = Finding::new(this.range, this.message).with_label(this.label);
        finding.labels = labels;
        finding.notes = this.notes;
        finding.help = this.help;
        finding.info_only = this.info_only;
        finding.fix = this.fix.map(|(range, replacement, safe)| {
            let mut fix = Fix::new(range, replacement);
            fix.applicability = Some(if safe {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            });
            fix
        });
        Some(Diagnostic {
            file: file.clone(),
            rule: this.rule,
            severity: this.severity,
            finding,
        })
    }
}
