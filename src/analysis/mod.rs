//! The analysis of a document, computed once and read by every rule: tokens, blocks, sentences,
//! footnote markers, acronym uses and definitions.

pub mod acronyms;
pub mod blocks;
pub mod dates;
pub mod definitions;
pub mod footnotes;
pub mod initials;
pub mod letter_match;
pub mod number_roles;
pub mod numbers;
pub mod sentences;
pub mod token_class;
pub mod tokens;
pub mod words;

use crate::source::Document;
pub use acronyms::AcronymUse;
pub use blocks::{Block, BlockKind};
pub use dates::{DateMention, Dates, PartialDate, Period, Precision};
pub use definitions::{Definition, DefinitionKind};
pub use footnotes::{Footnotes, Marker, MarkerKind, Note};
pub use numbers::{Qualifier, Quantity};
pub use sentences::Sentence;
use std::collections::BTreeMap;
pub use tokens::{Token, TokenKind};

#[derive(Debug)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub blocks: Vec<Block>,
    pub footnotes: Footnotes,
    pub sentences: Vec<Sentence>,
    pub acronym_uses: Vec<AcronymUse>,
    pub definitions: Vec<Definition>,
    pub dates: Dates,
    pub quantities: Vec<Quantity>,
    /// Per short form: indexes into `acronym_uses` and `definitions`, in document order.
    pub acronym_index: BTreeMap<String, AcronymEntry>,
}

/// Where one acronym is used and defined.
#[derive(Debug, Default, Clone)]
pub struct AcronymEntry {
    pub uses: Vec<usize>,
    pub definitions: Vec<usize>,
}

impl Analysis {
    pub fn new(doc: &Document) -> Analysis {
        Analysis::with_as_of(doc, None)
    }

    /// The analysis, with the document's as-of date for dates written without a year.
    pub fn with_as_of(doc: &Document, as_of: Option<PartialDate>) -> Analysis {
        let prose = doc.prose.as_str();
        let tokens = tokens::tokenize(prose);
        // Each list is sized to fit once built: the analysis lives through every rule, and a
        // vector's growth can leave half its capacity unused.
        let blocks = fit(blocks::blocks(doc));
        let mut footnotes = footnotes::find_markers(doc, &tokens);
        footnotes.notes = footnotes::find_notes(doc, &blocks, &footnotes.markers);
        let sentences = fit(sentences::sentences(prose, &tokens, &blocks, &footnotes));
        let definitions = fit(definitions::find_definitions(
            prose, &tokens, &sentences, &blocks,
        ));
        let mut dates = dates::find_dates(prose, &tokens, &footnotes, as_of);
        dates.dates.shrink_to_fit();
        dates.periods.shrink_to_fit();
        let quantities = fit(numbers::find_quantities(prose, &tokens, &footnotes, &dates));
        let mut acronym_uses = acronyms::find_uses(prose, &doc.file, &tokens, &blocks, &doc.links);
        // The short form inside a definition is not a use of the acronym.
        let def_sites: std::collections::HashSet<usize> =
            definitions.iter().map(|d| d.short_range.start).collect();
        acronym_uses.retain(|u| !def_sites.contains(&u.range.start));
        merge_two_part_uses(prose, &definitions, &tokens, &mut acronym_uses);
        acronym_uses.shrink_to_fit();
        let mut acronym_index: BTreeMap<String, AcronymEntry> = BTreeMap::new();
        for (i, u) in acronym_uses.iter().enumerate() {
            acronym_index
                .entry(u.short.clone())
                .or_default()
                .uses
                .push(i);
        }
        for (i, d) in definitions.iter().enumerate() {
            acronym_index
                .entry(d.short.clone())
                .or_default()
                .definitions
                .push(i);
        }
        Analysis {
            dates,
            quantities,
            acronym_index,
            tokens,
            blocks,
            footnotes,
            sentences,
            acronym_uses,
            definitions,
        }
    }

    /// Only what a document set needs from a file: its definitions, and its acronym uses' short
    /// forms (the first phase of a run that checks files as a set). Dates and quantities are
    /// not found.
    pub fn acronyms_only(doc: &Document) -> (Vec<Definition>, Vec<String>) {
        let prose = doc.prose.as_str();
        let tokens = tokens::tokenize(prose);
        let blocks = blocks::blocks(doc);
        let mut footnotes = footnotes::find_markers(doc, &tokens);
        footnotes.notes = footnotes::find_notes(doc, &blocks, &footnotes.markers);
        let sentences = sentences::sentences(prose, &tokens, &blocks, &footnotes);
        let definitions = definitions::find_definitions(prose, &tokens, &sentences, &blocks);
        let def_sites: std::collections::HashSet<usize> =
            definitions.iter().map(|d| d.short_range.start).collect();
        let mut uses = acronyms::find_uses(prose, &doc.file, &tokens, &blocks, &doc.links);
        uses.retain(|u| !def_sites.contains(&u.range.start));
        merge_two_part_uses(prose, &definitions, &tokens, &mut uses);
        let uses = uses
            .into_iter()
            .filter(|u| !u.ordinary_word && !u.in_name)
            .map(|u| u.short)
            .collect();
        (definitions, uses)
    }

    /// The block holding byte `offset`, if any (blocks are disjoint and in order).
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.range.start <= offset);
        self.blocks[..i]
            .last()
            .filter(|b| offset < b.range.end.max(b.range.start + 1))
    }

    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.range.start <= offset)
            .map(|_| i)
    }
}

// Here rather than in `numbers`: it reads the whole analysis, and `numbers` sits below it.
impl Quantity {
    /// The index of the first token after the quantity as written (its scale word, percent
    /// sign and range included).
    pub fn range_end_token(&self, analysis: &Analysis) -> usize {
        analysis
            .tokens
            .partition_point(|t| t.start() < self.range.end)
    }
}

/// Adds the uses of two-part short forms ("ON RF") and drops the one-token uses inside them
/// and inside their definitions, keeping document order.
fn merge_two_part_uses(
    prose: &str,
    definitions: &[Definition],
    tokens: &[Token],
    uses: &mut Vec<AcronymUse>,
) {
    if !definitions.iter().any(|d| d.short.contains(' ')) {
        return;
    }
    let two = acronyms::two_part_uses(prose, definitions, tokens);
    let covered: Vec<std::ops::Range<usize>> = two
        .iter()
        .map(|u| u.range.clone())
        .chain(
            definitions
                .iter()
                .filter(|d| d.short.contains(' '))
                .map(|d| d.short_range.clone()),
        )
        .collect();
    uses.retain(|u| {
        !covered
            .iter()
            .any(|c| c.start <= u.range.start && u.range.end <= c.end)
    });
    uses.extend(two);
    uses.sort_by_key(|u| u.range.start);
}

fn fit<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}
