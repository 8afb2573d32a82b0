//! Which sentences mention which `about` terms: one pass of a multi-pattern search over the
//! document, whatever the number of facts.

use crate::analysis::Sentence;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{BTreeSet, HashMap};

/// For each term, the sentences that mention it (whole words, any case, plural or possessive).
#[derive(Debug, Default)]
pub struct TermIndex {
    by_term: HashMap<String, BTreeSet<usize>>,
}

fn key(term: &str) -> String {
    term.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl TermIndex {
    pub fn build<'a>(
        prose: &str,
        sentences: &[Sentence],
        terms: impl IntoIterator<Item = &'a str>,
    ) -> TermIndex {
        let mut patterns: Vec<String> = terms
            .into_iter()
            .map(key)
            .filter(|t| !t.is_empty())
            .collect();
        patterns.sort();
        patterns.dedup();
        let mut index = TermIndex::default();
        if patterns.is_empty() {
            return index;
        }
        // Collapse runs of white space so that "took over" matches "took\nover"; keep a map
        // back to the original offsets.
        let mut text = String::with_capacity(prose.len());
        let mut origin: Vec<usize> = Vec::with_capacity(prose.len());
        let mut in_space = false;
        for (i, c) in prose.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    origin.push(i);
                }
                in_space = true;
            } else {
                for _ in 0..c.len_utf8() {
                    origin.push(i);
                }
                text.push(c);
                in_space = false;
            }
        }
        let Ok(ac): Result<AhoCorasick, _> = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
        else {
            return index;
        };
        let lower_text = text.to_lowercase();
        // Case folding that changes byte lengths would break offsets; search the original then.
        let haystack = if lower_text.len() == text.len() {
            lower_text.as_str()
        } else {
            text.as_str()
        };
        for m in ac.find_overlapping_iter(haystack) {
            let (s, e) = (m.start(), m.end());
            let before_ok = haystack[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = &haystack[e..];
            let after_ok = ["", "'s", "’s", "s", "es"].iter().any(|suffix| {
                rest.starts_with(suffix)
                    && rest[suffix.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            });
            if !before_ok || !after_ok {
                continue;
            }
            let offset = origin[s];
            let si = sentences.partition_point(|x| x.range.end <= offset);
            if sentences.get(si).is_some_and(|x| x.range.start <= offset) {
                index
                    .by_term
                    .entry(patterns[m.pattern().as_usize()].clone())
                    .or_default()
                    .insert(si);
            }
        }
        index
    }

    /// The sentences that mention every one of `terms`.
    pub fn sentences_with_all(&self, terms: &[String]) -> Vec<usize> {
        let mut sets: Vec<&BTreeSet<usize>> = Vec::with_capacity(terms.len());
        for t in terms {
            match self.by_term.get(&key(t)) {
                Some(s) => sets.push(s),
                None => return Vec::new(),
            }
        }
        sets.sort_by_key(|s| s.len());
        let Some((first, rest)) = sets.split_first() else {
            return Vec::new();
        };
        first
            .iter()
            .copied()
            .filter(|i| rest.iter().all(|s| s.contains(i)))
            .collect()
    }

    /// Whether any sentence mentions `term`.
    pub fn mentions(&self, term: &str) -> bool {
        self.by_term.contains_key(&key(term))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::source::{Document, Format};

    #[test]
    fn terms_across_line_breaks_plurals_and_possessives() {
        let d = Document::new(
            "t",
            "AFISMA took\nover from China’s troops. The peacekeepers left. Chinese forces stayed.",
            Format::Text,
        );
        let a = Analysis::new(&d);
        let idx = TermIndex::build(
            &d.prose,
            &a.sentences,
            ["took over", "China", "peacekeeper", "AFISMA"],
        );
        assert_eq!(
            idx.sentences_with_all(&["AFISMA".into(), "took over".into()]),
            vec![0]
        );
        assert_eq!(idx.sentences_with_all(&["china".into()]), vec![0]);
        assert_eq!(idx.sentences_with_all(&["peacekeeper".into()]), vec![1]);
        // "Chinese" is not "China".
        assert_eq!(idx.sentences_with_all(&["China".into()]).len(), 1);
    }
}
