//! Facts files: each loaded once per run, and the ones that apply to a document.

use super::*;

/// The facts a document is checked against: the global ones, then its sidecar unless it is
/// one of them.
pub(super) fn facts_for(
    global: &[PathBuf],
    sidecar: &Option<PathBuf>,
    by_path: &HashMap<PathBuf, Arc<Facts>>,
) -> Vec<Arc<Facts>> {
    let mut facts: Vec<Arc<Facts>> = global
        .iter()
        .filter_map(|p| by_path.get(p).cloned())
        .collect();
    if let Some(f) = sidecar.as_ref().and_then(|p| by_path.get(p)) {
        if !facts.iter().any(|g| Arc::ptr_eq(g, f)) {
            facts.push(f.clone());
        }
    }
    facts
}

/// Loads each facts file once, however many documents share it: the global ones and the
/// sidecars. Returns them by path, with their problems.
pub(super) fn load_facts(
    global: &[PathBuf],
    sidecars: &[Option<PathBuf>],
) -> (HashMap<PathBuf, Arc<Facts>>, Vec<Diagnostic>) {
    let mut to_load: Vec<PathBuf> = global
        .iter()
        .cloned()
        .chain(sidecars.iter().flatten().cloned())
        .collect();
    to_load.sort();
    to_load.dedup();
    let loaded: Vec<(PathBuf, Option<Facts>, Vec<Diagnostic>)> = to_load
        .into_par_iter()
        .map(|p| {
            let (f, d) = Facts::load(&p);
            (p, f, d)
        })
        .collect();
    let mut problems = Vec::new();
    let mut by_path = HashMap::new();
    for (p, f, d) in loaded {
        problems.extend(d);
        if let Some(f) = f {
            by_path.insert(p, Arc::new(f));
        }
    }
    (by_path, problems)
}

/// The sidecar facts file of a document: `NAME.facts.toml` beside `NAME.md` or `NAME.txt`.
pub fn sidecar_for(input: &Input) -> Option<PathBuf> {
    let Input::File { path, .. } = input else {
        return None;
    };
    let stem = path.file_stem()?.to_str()?;
    let candidate = path.with_file_name(format!("{stem}.facts.toml"));
    candidate.is_file().then_some(candidate)
}
