//! What rules need from configuration: which acronyms need no definition (the built-in lexicon's
//! domains, `exempt`, the glossary), and the definitions of the document set a file belongs to.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

/// The built-in list of acronyms that need no definition (`rules/common-acronyms.toml`), part of
/// the `general` domain.
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

/// A domain of the built-in lexicon of well-known acronyms (`rules/lexicon/*.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    General,
    Government,
    Economics,
    Science,
    Software,
}

impl Domain {
    pub const ALL: [Domain; 5] = [
        Domain::General,
        Domain::Government,
        Domain::Economics,
        Domain::Science,
        Domain::Software,
    ];

    /// The name used in `[acronyms] known = [...]`.
    pub fn name(self) -> &'static str {
        match self {
            Domain::General => "general",
            Domain::Government => "government",
            Domain::Economics => "economics",
            Domain::Science => "science",
            Domain::Software => "software",
        }
    }

    pub fn from_name(name: &str) -> Option<Domain> {
        Domain::ALL.into_iter().find(|d| d.name() == name)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The domain's lists: (text, curated). Curated lists were written for factlint and give
    /// the usual expansion; the others (V.E.R.A.) give possible ones.
    fn sources(self) -> &'static [(&'static str, bool)] {
        match self {
            Domain::General => &[(include_str!("../rules/lexicon/general.tsv"), true)],
            Domain::Government => &[(include_str!("../rules/lexicon/government.tsv"), true)],
            Domain::Economics => &[(include_str!("../rules/lexicon/economics.tsv"), true)],
            Domain::Science => &[(include_str!("../rules/lexicon/science.tsv"), true)],
            Domain::Software => &[
                (include_str!("../rules/lexicon/software.tsv"), true),
                (include_str!("../rules/lexicon/software-vera.tsv"), false),
            ],
        }
    }
}

/// One lexicon entry: the usual expansion, and whether it comes from a curated list.
#[derive(Clone, Copy, Debug)]
pub struct KnownAcronym {
    pub expansion: &'static str,
    pub curated: bool,
    pub domain: Domain,
}

/// The whole lexicon, parsed once on first use: short form -> its entries, one per domain.
static LEXICON: LazyLock<HashMap<&'static str, Vec<KnownAcronym>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<KnownAcronym>> = HashMap::new();
    for domain in Domain::ALL {
        for &(text, curated) in domain.sources() {
            for line in text.lines() {
                if line.starts_with('#') {
                    continue;
                }
                let Some((short, expansion)) = line.split_once('\t') else {
                    continue;
                };
                let entries = map.entry(short).or_default();
                // A curated entry wins over a generated one of the same domain.
                if !entries.iter().any(|e| e.domain == domain) {
                    entries.push(KnownAcronym {
                        expansion,
                        curated,
                        domain,
                    });
                }
            }
        }
    }
    for (short, long) in COMMON.iter() {
        let entries = map.entry(short.as_str()).or_default();
        if !entries.iter().any(|e| e.domain == Domain::General) {
            entries.push(KnownAcronym {
                expansion: long.as_str(),
                curated: true,
                domain: Domain::General,
            });
        }
    }
    map
});

/// The lexicon's entries for a short form, in every domain.
pub fn lexicon_entries(short: &str) -> &'static [KnownAcronym] {
    LEXICON.get(short).map_or(&[], Vec::as_slice)
}

/// How many acronyms the lexicon holds in a domain.
pub fn lexicon_size(domain: Domain) -> usize {
    LEXICON
        .values()
        .filter(|v| v.iter().any(|e| e.domain == domain))
        .count()
}

/// One definition found in a file of the document set.
#[derive(Clone, Debug)]
pub struct SetDefinition {
    pub file: Arc<crate::source::SourceFile>,
    pub long: String,
    pub short_range: std::ops::Range<usize>,
    pub long_range: std::ops::Range<usize>,
    /// The letters fit the expansion (see `Definition::fits`).
    pub fits: bool,
}

/// What the files of one set define and use, collected in the first phase of a run.
#[derive(Debug, Default)]
pub struct SetDefinitions {
    /// Short form -> its definitions, in path order.
    pub definitions: BTreeMap<String, Vec<SetDefinition>>,
    /// Short form -> how many times it is used, and in how many files.
    pub uses: HashMap<String, (usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// Extra acronyms that need no definition (from the config).
    pub exempt: HashSet<String>,
    /// Declared acronyms with their expansions (a facts file's `[acronyms]`): they need no
    /// definition, and in-text definitions must agree with them.
    pub glossary: BTreeMap<String, String>,
    /// The date the documents speak from (`--as-of`); a facts file's `as_of` otherwise.
    pub as_of: Option<crate::analysis::PartialDate>,
    /// The lexicon's domains whose acronyms need no definition (a bit per [`Domain`]; set it
    /// with [`Settings::with_known`]).
    pub known_domains: u8,
    /// The definitions and uses of the whole document set, when files are checked as a set.
    pub set: Option<Arc<SetDefinitions>>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            exempt: HashSet::new(),
            glossary: BTreeMap::new(),
            as_of: None,
            known_domains: Domain::ALL.iter().fold(0, |m, d| m | d.bit()),
            set: None,
        }
    }
}

impl Settings {
    /// Only these domains of the lexicon count as known.
    pub fn with_known(mut self, domains: &[Domain]) -> Settings {
        self.known_domains = domains.iter().fold(0, |m, d| m | d.bit());
        self
    }

    /// Whether an acronym may be used without a definition.
    pub fn is_exempt(&self, short: &str) -> bool {
        self.exempt.contains(short) || self.glossary.contains_key(short) || self.is_known(short)
    }

    /// The lexicon entry of an acronym in one of the chosen domains.
    pub fn known(&self, short: &str) -> Option<&'static KnownAcronym> {
        lexicon_entries(short)
            .iter()
            .find(|e| self.known_domains & e.domain.bit() != 0)
    }

    /// Whether the acronym is in the lexicon's chosen domains.
    pub fn is_known(&self, short: &str) -> bool {
        self.known(short).is_some()
    }

    /// The usual expansions of a known acronym, from the curated lists of the chosen domains.
    pub fn usual_expansions(&self, short: &str) -> Vec<&'static str> {
        lexicon_entries(short)
            .iter()
            .filter(|e| e.curated && self.known_domains & e.domain.bit() != 0)
            .map(|e| e.expansion)
            .collect()
    }

    /// Whether the document set defines this acronym (in any of its files).
    pub fn set_defines(&self, short: &str) -> bool {
        self.set
            .as_ref()
            .is_some_and(|s| s.definitions.contains_key(short))
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
        assert!(!Settings::default().is_exempt("MFO"));
    }

    #[test]
    fn lexicon_domains() {
        let all = Settings::default();
        for short in ["API", "CSS", "JSON", "YAML", "GDP", "DNA", "NATO", "SQL"] {
            assert!(all.is_known(short), "{short}");
        }
        // The worked examples' misspellings and their undefined acronym stay unknown.
        for short in ["ASISMA", "EUNAFVOR", "ECCAS"] {
            assert!(!all.is_known(short), "{short}");
        }
        let policy = Settings::default().with_known(&[Domain::General, Domain::Government]);
        assert!(policy.is_known("NATO") && !policy.is_known("YAML"));
        assert_eq!(
            all.usual_expansions("YAML"),
            vec!["YAML Ain't Markup Language"]
        );
        let total: usize = Domain::ALL.iter().map(|&d| lexicon_size(d)).sum();
        assert!(total > 5000, "{total}");
        // Every line of a list is an entry or a comment.
        for d in Domain::ALL {
            for (text, _) in d.sources() {
                for line in text.lines().filter(|l| !l.starts_with('#')) {
                    let (s, l) = line.split_once('\t').expect("tab-separated");
                    assert!(!s.is_empty() && !l.is_empty(), "{line}");
                }
            }
        }
    }
}
