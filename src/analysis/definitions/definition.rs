//! What a definition is: the short form and the long form, where each was written, and the
//! form that defined it. Below both finders, which build them.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefinitionKind {
    /// "Long Form (LF)".
    LongThenShort,
    /// "LF (Long Form)".
    ShortThenLong,
    /// An entry in the document's acronym list.
    Glossary,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The acronym's base form, as uses are indexed ("PKO" for "(PKOs)").
    pub short: String,
    /// The short form as written in the definition ("PKOs").
    pub written: String,
    pub long: String,
    pub short_range: Range<usize>,
    pub long_range: Range<usize>,
    pub kind: DefinitionKind,
    /// Whether the letters of the short form were found in the long form. A definition that
    /// does not fit is still a definition (foreign-language acronyms such as MINUSMA rarely
    /// fit their English expansion).
    pub fits: bool,
}

/// Long forms are compared as words: line breaks and runs of spaces inside one do not count.
pub(super) fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
