//! Document sets, phase 1: what the files of a set define and use.

use super::*;

/// What the files of a document set define and use (the first phase of a set run), each file's
/// share from the cache when it holds it. Files that cannot be read are left out here; phase 2
/// reports them.
pub fn collect_set(
    inputs: &[&Input],
    cache: Option<&cache::AcronymCache>,
) -> crate::settings::SetDefinitions {
    let per_file: Vec<_> = inputs
        .par_iter()
        .filter_map(|input| {
            // A Word draft is read out of its package, not from the cache.
            if let (Input::File { path, display }, Some(c)) = (input, cache) {
                if source::Format::from_path(display).is_text_file() {
                    let (text, bom) = source::read_path(path).ok()?;
                    return Some(c.get_or_collect(display, text, bom));
                }
            }
            let doc = load_input(input).ok().flatten()?;
            Some((doc.file.clone(), cache::FileAcronyms::of(&doc)))
        })
        .collect();
    let mut set = crate::settings::SetDefinitions::default();
    for (file, found) in per_file {
        for d in found.definitions {
            set.definitions
                .entry(d.short)
                .or_default()
                .push(crate::settings::SetDefinition {
                    file: file.clone(),
                    long: d.long,
                    short_range: d.short_range,
                    long_range: d.long_range,
                    fits: d.fits,
                });
        }
        let uses = found.uses;
        let mut seen = std::collections::HashSet::new();
        for u in uses {
            let e = set.uses.entry(u.clone()).or_insert((0, 0));
            e.0 += 1;
            if seen.insert(u) {
                e.1 += 1;
            }
        }
    }
    set
}

/// A file of the document set the settings carry, by name: where a cached label points.
pub(super) fn set_file(settings: &Settings, name: &str) -> Option<Arc<SourceFile>> {
    let set = settings.set.as_ref()?;
    set.definitions
        .values()
        .flatten()
        .find(|d| d.file.name == name)
        .map(|d| d.file.clone())
}
