//! Which files a directory walk checks: the document extensions, widened by each
//! configuration's `extend-include` and narrowed by its `exclude` (globs read against the path
//! relative to the config file's folder, as ruff reads its own).

use super::ConfigFinder;
use super::ConfigSource;
use crate::config;
use crate::source::Input;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One configuration's walk globs and the folder they are read against.
struct Globs {
    dir: PathBuf,
    include: globset::GlobSet,
    exclude: globset::GlobSet,
}

/// Decides, file by file, what a walk keeps; each configuration is read once.
pub struct WalkRules<'a> {
    source: &'a ConfigSource,
    finder: RefCell<ConfigFinder>,
    globs: RefCell<HashMap<Option<PathBuf>, Option<std::rc::Rc<Globs>>>>,
}

impl<'a> WalkRules<'a> {
    pub fn new(source: &'a ConfigSource) -> WalkRules<'a> {
        WalkRules {
            source,
            finder: RefCell::new(ConfigFinder::default()),
            globs: RefCell::new(HashMap::new()),
        }
    }

    /// Whether the walk checks `path`; `default` says whether its extension is a document's.
    pub fn keep(&self, path: &Path, default: bool) -> bool {
        let input = Input::File {
            path: path.to_path_buf(),
            display: String::new(),
        };
        let config_path = self.finder.borrow_mut().config_for(self.source, &input);
        let globs = self
            .globs
            .borrow_mut()
            .entry(config_path.clone())
            .or_insert_with(|| config_path.as_deref().and_then(load).map(std::rc::Rc::new))
            .clone();
        let Some(g) = globs else {
            return default;
        };
        let full = absolute(path);
        let Ok(relative) = full.strip_prefix(&g.dir) else {
            return default;
        };
        // A folder excluded excludes what is in it.
        let excluded = relative
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| g.exclude.is_match(a));
        !excluded && (default || g.include.is_match(relative))
    }
}

/// The walk globs of the config at `path`; `None` when it has none or cannot be read (a broken
/// config is reported when its environment is built).
fn load(path: &Path) -> Option<Globs> {
    let config = config::load_config(path).ok()?;
    if config.extend_include.is_empty() && config.exclude.is_empty() {
        return None;
    }
    Some(Globs {
        dir: absolute(path.parent().unwrap_or(Path::new(""))),
        include: config::compile_walk_globs("extend-include", &config.extend_include).ok()?,
        exclude: config::compile_walk_globs("exclude", &config.exclude).ok()?,
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
