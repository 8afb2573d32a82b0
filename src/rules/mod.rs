//! Built-in rules: one file per rule, each a unit struct declared with [`declare_rule!`], whose
//! doc comment is the explanation `factlint explain CODE` prints.
//!
//! # Adding a rule
//!
//! 1. Write `src/rules/<family>/<rule_name>.rs` with a `declare_rule! { ... }` block (doc
//!    comment with the four headings `registry_is_sorted_and_documented` asks for; code, name,
//!    severity, fix, summary) and, beside it, the free function
//!    `fn check(cx: &Context, out: &mut Vec<Finding>)`. The macro generates the struct, its
//!    `META` and its whole `impl Rule`; write no `impl Rule` by hand.
//! 2. In `src/rules/<family>/mod.rs`, add `mod <rule_name>;` and `pub use <rule_name>::<Rule>;`.
//! 3. Add `&<family>::<Rule>` to [`BUILTIN`] below, in code order. The test
//!    `every_declared_rule_is_registered` fails until you do (and for a code registered twice
//!    or registered without a `declare_rule!`).
//! 4. Add fixtures `fixtures/<family>/<CODE>_fire.{txt,md}` and `<CODE>_quiet.{txt,md}` (a
//!    sidecar `NAME.facts.toml` if the rule reads facts), list them in `fixtures! { }` in
//!    tests/fixtures.rs (`every_fixture_file_has_a_test` fails until you do), record their
//!    findings in the folder's `EXPECTED.md`, and accept the fire fixtures' new snapshots.
//!
//! A new family also needs `pub mod <family>;` here and a folder under `fixtures/`.

pub mod acronyms;
pub mod dates;
pub mod facts;
pub mod numbers;
pub mod references;

use crate::analysis::Analysis;
use crate::diagnostic::{Finding, Severity};
use crate::facts::matching::{match_facts, FactMatch};
use crate::facts::names::{find_names, NameHit};
use crate::facts::TermIndex;
use crate::settings::Settings;
use crate::source::Document;
use std::cell::OnceCell;
use std::collections::HashMap;

/// Whether a rule can offer a fix that `--fix` may apply without a human looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    /// Offered as a suggestion; needs a human decision.
    Suggested,
    /// Safe to apply automatically.
    Safe,
}

impl FixAvailability {
    pub fn describe(self) -> &'static str {
        match self {
            FixAvailability::None => "no fix",
            FixAvailability::Suggested => "fix suggested, not applied automatically",
            FixAvailability::Safe => "safe fix available",
        }
    }
}

/// What `factlint rules` and `factlint explain` show about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    /// Kebab-case name of the problem it flags ("undefined-acronym").
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub fix: FixAvailability,
    /// The rule's doc comment, Markdown.
    pub explanation: &'static str,
}

impl RuleMeta {
    /// The explanation with the one leading space of each doc-comment line removed.
    pub fn explanation(&self) -> String {
        self.explanation
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// What a rule reads: the document, its analysis, the settings and facts that apply to it,
/// and the data several rules of one family share. That shared data is computed the first
/// time a rule asks for it, so a run whose selected rules need none of it pays nothing.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub settings: &'a Settings,
    /// The facts files that apply to this document (global and sidecar).
    pub facts: &'a [std::sync::Arc<crate::facts::Facts>],
    /// The date the document speaks from: `--as-of`, a facts file, or an "As of ..." line.
    pub as_of: Option<crate::analysis::PartialDate>,
    fact_matches: OnceCell<Vec<FactMatch<'a>>>,
    names: OnceCell<Vec<NameHit<'a>>>,
    acronym_typos: OnceCell<HashMap<String, acronyms::TypoTarget>>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        analysis: &'a Analysis,
        settings: &'a Settings,
        facts: &'a [std::sync::Arc<crate::facts::Facts>],
        as_of: Option<crate::analysis::PartialDate>,
    ) -> Context<'a> {
        Context {
            doc,
            analysis,
            settings,
            facts,
            as_of,
            fact_matches: OnceCell::new(),
            names: OnceCell::new(),
            acronym_typos: OnceCell::new(),
        }
    }

    pub fn text(&self, range: std::ops::Range<usize>) -> &str {
        &self.doc.text()[range]
    }

    /// Every fact matched against the document, once, for all the rules that compare with
    /// facts (FCT001, FCT002, NUM001).
    pub fn fact_matches(&self) -> &[FactMatch<'a>] {
        self.fact_matches.get_or_init(|| {
            let matchers: Vec<_> = self.facts.iter().map(|f| f.term_matcher()).collect();
            let terms = TermIndex::search(&self.doc.prose, &self.analysis.sentences, &matchers);
            match_facts(self.doc, self.analysis, self.facts, &terms, self.as_of)
        })
    }

    /// The declared names found in the document (FCT003, FCT004).
    pub fn names(&self) -> &[NameHit<'a>] {
        self.names
            .get_or_init(|| find_names(self.doc, self.analysis, self.facts))
    }

    /// Likely misspellings of defined acronyms: misspelling -> the acronym meant (ACR001,
    /// ACR003, ACR006).
    pub fn acronym_typos(&self) -> &HashMap<String, acronyms::TypoTarget> {
        self.acronym_typos
            .get_or_init(|| acronyms::typo_targets(self.analysis, self.settings))
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}

/// Declares a rule: the unit struct, its `META` (the doc comment becomes the explanation), and
/// its whole `impl Rule`, whose `check` calls the free function
/// `fn check(cx: &Context, out: &mut Vec<Finding>)` that the rule's file defines beside it.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            severity: $sev:ident,
            fix: $fix:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $rname,
                severity: $crate::diagnostic::Severity::$sev,
                summary: $summary,
                fix: $crate::rules::FixAvailability::$fix,
                explanation: concat!($($doc, "\n"),*),
            };
        }

        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }

            fn check(
                &self,
                cx: &$crate::rules::Context,
                out: &mut ::std::vec::Vec<$crate::diagnostic::Finding>,
            ) {
                check(cx, out)
            }
        }
    };
}

/// Every built-in rule, sorted by code.
pub static BUILTIN: &[&dyn Rule] = &[
    &acronyms::UndefinedAcronym,
    &acronyms::AcronymBeforeDefinition,
    &acronyms::AcronymTypo,
    &acronyms::AcronymExpansionMismatch,
    &acronyms::ConflictingAcronymDefinitions,
    &acronyms::UnusedAcronymDefinition,
    &dates::ImpossibleDate,
    &dates::ReversedPeriod,
    &dates::WeekdayMismatch,
    &dates::PastEventAfterAsOf,
    &dates::MalformedDate,
    &dates::CitationDateMismatch,
    &facts::NumberContradictsFact,
    &facts::DateContradictsFact,
    &facts::MisspeltDeclaredName,
    &facts::WrongTitle,
    &numbers::RatioContradictsNumbers,
    &numbers::PercentChangeContradictsNumbers,
    &numbers::SharesExceedWhole,
    &numbers::ListCountMismatch,
    &numbers::ReversedRange,
    &numbers::TotalDiffersFromParts,
    &references::FootnotesOutOfSequence,
    &references::UnmatchedFootnote,
    &references::RepeatedText,
];

/// The rule with this code, if any.
pub fn by_code(code: &str) -> Option<&'static dyn Rule> {
    BUILTIN
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code))
}

/// The rule with this code ("ACR003") or name ("acronym-typo"), if any.
pub fn by_code_or_name(code_or_name: &str) -> Option<&'static dyn Rule> {
    by_code(code_or_name).or_else(|| {
        BUILTIN
            .iter()
            .copied()
            .find(|r| r.meta().name.eq_ignore_ascii_case(code_or_name))
    })
}

/// Whether `selector` names a code or a prefix of one ("ACR", "ACR00", "ACR003"). Compared on
/// bytes: a custom rule id may start with a multi-byte letter, and a slice cut inside it would
/// panic.
pub fn selector_matches(selector: &str, code: &str) -> bool {
    code.as_bytes()
        .get(..selector.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(selector.as_bytes()))
}

/// Whether `selector` names at least one built-in rule (or the unused-suppression check).
pub fn selector_is_known(selector: &str) -> bool {
    selector.eq_ignore_ascii_case("ALL")
        || selector.eq_ignore_ascii_case(crate::diagnostic::UNUSED_SUPPRESSION)
        || BUILTIN
            .iter()
            .any(|r| selector_matches(selector, r.meta().code))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of every `declare_rule!` block under src/rules, read from the source, so a
    /// rule declared but left out of [`BUILTIN`] is caught (and one registered twice).
    fn declared_codes() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).expect("rules folder") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
            &mut files,
        );
        let mut codes = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("rule file");
            // A rule is declared at the top level of its file: the line starts the block.
            let starts = text.match_indices("\ndeclare_rule! {\n").map(|(i, _)| i);
            for at in starts {
                let code = text[at..]
                    .lines()
                    .map(str::trim)
                    .find_map(|l| l.strip_prefix("code: \""))
                    .and_then(|l| l.split('"').next())
                    .unwrap_or_else(|| panic!("{}: declare_rule! without a code", f.display()));
                codes.push(code.to_string());
            }
        }
        codes.sort();
        codes
    }

    #[test]
    fn every_declared_rule_is_registered() {
        let declared = declared_codes();
        let mut registered: Vec<String> =
            BUILTIN.iter().map(|r| r.meta().code.to_string()).collect();
        registered.sort();
        let missing: Vec<&String> = declared
            .iter()
            .filter(|c| !registered.contains(c))
            .collect();
        let undeclared: Vec<&String> = registered
            .iter()
            .filter(|c| !declared.contains(c))
            .collect();
        assert!(
            missing.is_empty(),
            "declared but not in BUILTIN: {missing:?}"
        );
        assert!(
            undeclared.is_empty(),
            "in BUILTIN but no declare_rule! under src/rules: {undeclared:?}"
        );
        let mut unique = registered.clone();
        unique.dedup();
        assert_eq!(unique, registered, "a code registered twice");
        let mut unique = declared.clone();
        unique.dedup();
        assert_eq!(unique, declared, "a code declared twice");
    }

    #[test]
    fn selectors_compare_bytes_without_panicking() {
        assert!(selector_matches("acr", "ACR003"));
        assert!(!selector_matches("ACR0031", "ACR003"));
        // "é" is two bytes: a one-byte selector once sliced the id inside it.
        assert!(!selector_matches("A", "é.x"));
        assert!(selector_matches("é", "é.x"));
    }

    #[test]
    fn registry_is_sorted_and_documented() {
        let codes: Vec<&str> = BUILTIN.iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
        for rule in BUILTIN {
            let m = rule.meta();
            let doc = m.explanation();
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## How to silence it",
            ] {
                assert!(doc.contains(heading), "{} lacks '{heading}'", m.code);
            }
            assert!(
                !m.summary.ends_with('.')
                    && m.summary.chars().next().is_some_and(char::is_lowercase),
                "{}: summaries are lower-case phrases without a period",
                m.code
            );
        }
    }
}
