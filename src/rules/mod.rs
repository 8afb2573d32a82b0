//! Built-in rules: one file per rule, each a unit struct declared with [`declare_rule!`], whose
//! doc comment is the explanation `factlint explain CODE` prints.

pub mod acronyms;
pub mod dates;
pub mod facts;
pub mod numbers;
pub mod references;

use crate::analysis::Analysis;
use crate::diagnostic::{Finding, Severity};
use crate::settings::Settings;
use crate::source::Document;

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

/// What a rule reads.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub settings: &'a Settings,
    /// The facts files that apply to this document (global and sidecar).
    pub facts: &'a [std::sync::Arc<crate::facts::Facts>],
    /// Every fact matched against the document, once, for all FCT rules.
    pub fact_matches: &'a [crate::facts::matching::FactMatch<'a>],
    /// Declared names found in the document.
    pub names: &'a [crate::facts::names::NameHit<'a>],
    /// The date the document speaks from: `--as-of`, a facts file, or an "As of ..." line.
    pub as_of: Option<crate::analysis::PartialDate>,
    /// Likely misspellings of defined acronyms: misspelling -> index of the definition.
    pub acronym_typos: &'a std::collections::HashMap<String, usize>,
}

impl Context<'_> {
    pub fn text(&self, range: std::ops::Range<usize>) -> &str {
        &self.doc.text()[range]
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}

/// Declares a rule: its doc comment becomes the explanation, and the struct gets a `META`.
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

/// Whether `selector` names a code or a prefix of one ("ACR", "ACR00", "ACR003"). Compared on
/// bytes: a custom rule id may start with a multi-byte letter, and a slice cut inside it would
/// panic.
pub fn selector_matches(selector: &str, code: &str) -> bool {
    code.as_bytes()
        .get(..selector.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(selector.as_bytes()))
}

/// Whether `selector` names at least one built-in rule.
pub fn selector_is_known(selector: &str) -> bool {
    selector.eq_ignore_ascii_case("ALL")
        || BUILTIN
            .iter()
            .any(|r| selector_matches(selector, r.meta().code))
}

#[cfg(test)]
mod tests {
    use super::*;

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
