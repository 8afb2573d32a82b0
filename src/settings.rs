//! What rules need from configuration: which acronyms need no definition, and the glossary of
//! declared acronyms.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// The built-in list of acronyms that need no definition (`rules/common-acronyms.toml`).
const COMMON_ACRONYMS_TOML: &str = include_str!("../rules/common-acronyms.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonAcronymsFile {
    acronyms: HashMap<String, String>,
}

static COMMON: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    // The file is part of the binary and a unit test parses it, so this cannot fail in a
    // released build; an empty list is the safe fallback.
    toml::from_str::<CommonAcronymsFile>(COMMON_ACRONYMS_TOML)
        .map(|f| f.acronyms)
        .unwrap_or_default()
});

/// The built-in common acronyms with their expansions.
pub fn common_acronyms() -> &'static HashMap<String, String> {
    &COMMON
}

#[derive(Debug, Default, Clone)]
pub struct Settings {
    /// Extra acronyms that need no definition (from the config).
    pub exempt: HashSet<String>,
    /// Declared acronyms with their expansions (a facts file's `[acronyms]`): they need no
    /// definition, and in-text definitions must agree with them.
    pub glossary: BTreeMap<String, String>,
    /// The date the documents speak from (`--as-of`); a facts file's `as_of` otherwise.
    pub as_of: Option<crate::analysis::PartialDate>,
}

impl Settings {
    /// Whether an acronym may be used without a definition.
    pub fn is_exempt(&self, short: &str) -> bool {
        common_acronyms().contains_key(short)
            || self.exempt.contains(short)
            || self.glossary.contains_key(short)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_list_parses() {
        let parsed: CommonAcronymsFile = toml::from_str(COMMON_ACRONYMS_TOML).unwrap();
        assert!(parsed.acronyms.len() > 150);
        for key in parsed.acronyms.keys() {
            assert!(
                crate::analysis::acronyms::acronym_base(key).is_some() || key.len() >= 2,
                "{key}"
            );
        }
        assert!(Settings::default().is_exempt("UN"));
        assert!(!Settings::default().is_exempt("PLA"));
    }
}
