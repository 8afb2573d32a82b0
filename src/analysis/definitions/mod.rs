//! Acronym definitions: the forms written in the text ("Long Form (LF)", "LF (Long Form)" and
//! the like, in `forms`) and a document's own list of acronyms (`glossary`).

mod definition;
mod forms;
mod glossary;
mod long_first;
mod phrased;
mod short_first;

use super::blocks::Block;
/// Where the rules have always found it.
pub use super::letter_match::SMALL_WORDS;
use super::sentences::Sentence;
use super::tokens::Token;
pub use definition::{Definition, DefinitionKind};

/// Finds the definitions of a document, in the order their short forms are written.
pub fn find_definitions(
    prose: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    blocks: &[Block],
) -> Vec<Definition> {
    let mut out = forms::in_text_definitions(prose, tokens, sentences);
    out.extend(glossary::glossary_definitions(prose, blocks));
    out.sort_by_key(|d| d.short_range.start);
    out
}
