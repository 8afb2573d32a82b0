//! Which sentences mention which `about` terms: one pass of a multi-pattern search over the
//! document, whatever the number of facts.

use crate::analysis::Sentence;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{BTreeSet, HashMap};

/// The `about` terms of a facts file, compiled once into one multi-pattern search and reused
/// for every document the file applies to (building the automaton for 10,000 terms costs more
/// than searching a megabyte with it).
#[derive(Debug)]
pub struct TermMatcher {
    /// Normalised terms (see `key`), sorted and without repeats.
    patterns: Vec<String>,
    ac: Option<AhoCorasick>,
    /// Whether every term is ASCII: then ASCII case folding is all the search needs.
    ascii: bool,
}

impl TermMatcher {
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a str>) -> TermMatcher {
        let mut patterns: Vec<String> = terms
            .into_iter()
            .map(key)
            .filter(|t| !t.is_empty())
            .collect();
        patterns.sort();
        patterns.dedup();
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        let ascii = patterns.iter().all(|p| p.is_ascii());
        TermMatcher {
            patterns,
            ac,
            ascii,
        }
    }
}

/// For each term, the sentences that mention it (whole words, any case, plural or possessive).
#[derive(Debug, Default)]
pub struct TermIndex {
    by_term: HashMap<String, BTreeSet<usize>>,
}

fn key(term: &str) -> String {
    fold(&term.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Lower case, a character at a time (as the document is folded: [`Collapsed::new`]).
fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Prose with each run of white space collapsed to one space, so that "took over" matches
/// "took\nover", folded to lower case when asked (a character at a time: "İstanbul" folds to
/// three bytes more or less than it had, so the folded text has its own offsets), and the way
/// back to the prose's offsets: (offset in the collapsed text, prose offset minus collapsed
/// offset) wherever that difference changes. Sparse, since the difference changes only after
/// a run of white space or a character whose lower case has another length.
struct Collapsed {
    text: String,
    shifts: Vec<(usize, isize)>,
}

impl Collapsed {
    fn new(prose: &str, lower: bool) -> Collapsed {
        let mut text = String::with_capacity(prose.len());
        let mut shifts = vec![(0, 0)];
        let mut in_space = false;
        for (i, c) in prose.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                }
                in_space = true;
                continue;
            }
            let shift = i as isize - text.len() as isize;
            if shifts.last().is_some_and(|&(_, s)| s != shift) {
                shifts.push((text.len(), shift));
            }
            if lower && !c.is_ascii() {
                text.extend(c.to_lowercase());
            } else if lower {
                text.push(c.to_ascii_lowercase());
            } else {
                text.push(c);
            }
            in_space = false;
        }
        Collapsed { text, shifts }
    }

    /// The prose offset of the character at collapsed offset `at` (not a collapsed space).
    fn origin(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(p, _)| p <= at);
        (at as isize + self.shifts[k - 1].1).max(0) as usize
    }
}

impl TermIndex {
    /// The index of `terms` over one document: a convenience for a single use; a run compiles
    /// each facts file's terms once ([`TermMatcher`]) and calls [`TermIndex::search`].
    pub fn build<'a>(
        prose: &str,
        sentences: &[Sentence],
        terms: impl IntoIterator<Item = &'a str>,
    ) -> TermIndex {
        TermIndex::search(prose, sentences, &[&TermMatcher::new(terms)])
    }

    /// The sentences of a document that mention each term of `matchers`.
    pub fn search(prose: &str, sentences: &[Sentence], matchers: &[&TermMatcher]) -> TermIndex {
        let mut index = TermIndex::default();
        if matchers.iter().all(|m| m.ac.is_none()) {
            return index;
        }
        // ASCII terms are found with ASCII case folding in the text as written; non-ASCII ones
        // need the text folded to lower case, with its own offsets.
        let lower = !matchers.iter().all(|m| m.ascii);
        let collapsed = Collapsed::new(prose, lower);
        let haystack = collapsed.text.as_str();
        for matcher in matchers {
            let Some(ac) = &matcher.ac else { continue };
            index.add_matches(haystack, &collapsed, sentences, matcher, ac);
        }
        index
    }

    fn add_matches(
        &mut self,
        haystack: &str,
        collapsed: &Collapsed,
        sentences: &[Sentence],
        matcher: &TermMatcher,
        ac: &AhoCorasick,
    ) {
        for m in ac.find_overlapping_iter(haystack) {
            let (s, e) = (m.start(), m.end());
            let before_ok = haystack[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = &haystack[e..];
            // Any case: the text is searched as written when every term is ASCII ("DANABS").
            let after_ok = ["", "'s", "’s", "s", "es"].iter().any(|suffix| {
                rest.get(..suffix.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(suffix))
                    && rest[suffix.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            });
            if !before_ok || !after_ok {
                continue;
            }
            let offset = collapsed.origin(s);
            let si = sentences.partition_point(|x| x.range.end <= offset);
            if sentences.get(si).is_some_and(|x| x.range.start <= offset) {
                self.by_term
                    .entry(matcher.patterns[m.pattern().as_usize()].clone())
                    .or_default()
                    .insert(si);
            }
        }
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

    #[test]
    fn offsets_map_back_across_collapsed_space() {
        let prose = "a  b\n\t c\u{a0}\u{a0}d é  f";
        let c = Collapsed::new(prose, false);
        assert_eq!(c.text, "a b c d é f");
        for (at, ch) in c.text.char_indices().filter(|(_, ch)| *ch != ' ') {
            assert_eq!(prose[c.origin(at)..].chars().next(), Some(ch), "{at}");
        }
    }

    #[test]
    fn plurals_in_capitals() {
        let d = Document::new("t", "The DANABS now have 3,000 soldiers.", Format::Text);
        let a = Analysis::new(&d);
        let idx = TermIndex::build(&d.prose, &a.sentences, ["Danab"]);
        assert_eq!(idx.sentences_with_all(&["danab".into()]), vec![0]);
    }

    #[test]
    fn non_ascii_terms_fold_case() {
        let d = Document::new(
            "t",
            "Troops left CÔTE D’IVOIRE. Others stayed in Mali.",
            Format::Text,
        );
        let a = Analysis::new(&d);
        let idx = TermIndex::build(&d.prose, &a.sentences, ["Côte d’Ivoire", "Mali"]);
        assert_eq!(idx.sentences_with_all(&["côte d’ivoire".into()]), vec![0]);
        assert_eq!(idx.sentences_with_all(&["mali".into()]), vec![1]);
    }

    /// "İ" folds to three bytes ("i̇"), one more than it has: the other terms must still be
    /// found, in the right sentences (issue 16: the search fell back to ASCII folding).
    #[test]
    fn a_letter_whose_lower_case_has_another_length() {
        let d = Document::new(
            "t",
            "The talks in İSTANBUL ended. Troops left CÔTE D’IVOIRE. ΣΟΦΊΑ stayed in Mali.",
            Format::Text,
        );
        let a = Analysis::new(&d);
        let terms = ["Côte d’Ivoire", "Mali", "İstanbul", "Σοφία"];
        let idx = TermIndex::build(&d.prose, &a.sentences, terms);
        assert_eq!(idx.sentences_with_all(&["côte d’ivoire".into()]), vec![1]);
        assert_eq!(idx.sentences_with_all(&["İstanbul".into()]), vec![0]);
        assert_eq!(
            idx.sentences_with_all(&["Mali".into(), "Σοφία".into()]),
            vec![2]
        );
        let folded = Collapsed::new("İİ  Côte", true);
        let at = folded.text.find("côte").unwrap();
        assert_eq!(folded.origin(at), "İİ  ".len());
    }
}
