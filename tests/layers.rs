//! The crate's layers (see the top of `src/lib.rs`): no module imports from a layer above its
//! own. Read from the sources, so that a back-edge fails here rather than in review.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module and its layer, lowest first.
const LAYERS: &[(&str, u8)] = &[
    ("source", 1),
    ("diagnostic", 1),
    ("analysis", 2),
    ("settings", 2),
    ("facts", 3),
    ("custom", 3),
    ("rules", 4),
    ("declare_rule", 4),
    ("run", 5),
    ("engine", 5),
    ("config", 5),
    ("suppress", 5),
    ("baseline", 5),
    ("fix", 5),
    ("report", 6),
    ("server", 7),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// `crate::X` paths in the non-test code of a file (before its `#[cfg(test)]` module).
fn imports(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        out.push(name);
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let src = Path::new("src");
    let mut files = Vec::new();
    walk(src, &mut files);
    let mut back_edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in &files {
        let rel = path.strip_prefix(src).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("")
            .trim_end_matches(".rs")
            .to_string();
        if matches!(top.as_str(), "lib" | "main" | "cli") {
            continue;
        }
        let own = layer(&top).unwrap_or_else(|| {
            panic!("src/{top}: add the module to LAYERS here and to the list in src/lib.rs")
        });
        let text = std::fs::read_to_string(path).expect("source is readable");
        for import in imports(&text) {
            if import == top {
                continue;
            }
            let theirs = layer(&import)
                .unwrap_or_else(|| panic!("{}: crate::{import} has no layer", path.display()));
            if theirs > own {
                back_edges
                    .entry(path.display().to_string())
                    .or_default()
                    .push(import);
            }
        }
    }
    assert!(
        back_edges.is_empty(),
        "imports from a higher layer: {back_edges:?}"
    );
}
