//! Declared names in the text: exact occurrences (with the title written before them) and
//! near-miss spellings ("Zhang Youxai" for "Zhang Youxia").

use super::{Facts, Name};
use crate::analysis::{Analysis, TokenKind};
use crate::source::Document;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Titles and their abbreviations, by canonical form. Longer titles first.
const TITLES: &[(&[&str], &str)] = &[
    (&["Lieutenant", "General"], "Lieutenant General"),
    (&["Lt", "Gen"], "Lieutenant General"),
    (&["Major", "General"], "Major General"),
    (&["Maj", "Gen"], "Major General"),
    (&["Brigadier", "General"], "Brigadier General"),
    (&["Brig", "Gen"], "Brigadier General"),
    (&["Vice", "Admiral"], "Vice Admiral"),
    (&["Vice", "Adm"], "Vice Admiral"),
    (&["Rear", "Admiral"], "Rear Admiral"),
    (&["Rear", "Adm"], "Rear Admiral"),
    (&["Lieutenant", "Colonel"], "Lieutenant Colonel"),
    (&["Lt", "Col"], "Lieutenant Colonel"),
    (&["Prime", "Minister"], "Prime Minister"),
    (&["Foreign", "Minister"], "Foreign Minister"),
    (&["Defense", "Minister"], "Defense Minister"),
    (&["Defence", "Minister"], "Defence Minister"),
    (&["Vice", "President"], "Vice President"),
    (&["Secretary", "General"], "Secretary-General"),
    (&["General"], "General"),
    (&["Gen"], "General"),
    (&["Admiral"], "Admiral"),
    (&["Adm"], "Admiral"),
    (&["Colonel"], "Colonel"),
    (&["Col"], "Colonel"),
    (&["Major"], "Major"),
    (&["Maj"], "Major"),
    (&["Captain"], "Captain"),
    (&["Capt"], "Captain"),
    (&["Lieutenant"], "Lieutenant"),
    (&["Lt"], "Lieutenant"),
    (&["Marshal"], "Marshal"),
    (&["President"], "President"),
    (&["Minister"], "Minister"),
    (&["Senator"], "Senator"),
    (&["Sen"], "Senator"),
    (&["Representative"], "Representative"),
    (&["Rep"], "Representative"),
    (&["Ambassador"], "Ambassador"),
    (&["Amb"], "Ambassador"),
    (&["Governor"], "Governor"),
    (&["Gov"], "Governor"),
    (&["Secretary"], "Secretary"),
    (&["Chairman"], "Chairman"),
    (&["Director"], "Director"),
    (&["Judge"], "Judge"),
    (&["Justice"], "Justice"),
    (&["Dr"], "Dr."),
    (&["Professor"], "Professor"),
    (&["Prof"], "Professor"),
];

/// The canonical form of a title as declared ("Gen." and "General" are the same).
pub fn canonical_title(title: &str) -> String {
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || c == '.' || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    TITLES
        .iter()
        .find(|(ws, _)| {
            ws.len() == words.len()
                && ws
                    .iter()
                    .zip(&words)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
        .map_or_else(|| words.join(" "), |(_, c)| c.to_string())
}

#[derive(Debug, Clone)]
pub struct NameHit<'a> {
    pub facts: &'a Arc<Facts>,
    pub name: &'a Name,
    /// The name as written (without a possessive ending).
    pub range: Range<usize>,
    pub written: String,
    /// False for a near-miss spelling.
    pub exact: bool,
    /// The title written right before the name: (canonical form, range).
    pub title: Option<(String, Range<usize>)>,
}

/// A word of a declared name: its facts file, the name, and the word's position in it.
type NameWord<'a> = (&'a Arc<Facts>, &'a Name, usize);

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Whether `written` is a near miss of `declared`: one or two edits, at most a third of the
/// word, same first letter or same length, and a word of four or more letters.
fn near_miss(written: &str, declared: &str) -> bool {
    let n = declared.chars().count();
    if n < 4 || written == declared {
        return false;
    }
    let d = strsim::osa_distance(written, declared);
    let limit = if n >= 7 { 2 } else { 1 };
    d >= 1 && d <= limit && written.chars().next().is_some_and(char::is_uppercase)
}

/// Finds the declared names of `sets` in a document.
pub fn find_names<'a>(
    doc: &Document,
    analysis: &Analysis,
    sets: &'a [Arc<Facts>],
) -> Vec<NameHit<'a>> {
    if sets.iter().all(|f| f.names.is_empty()) {
        return Vec::new();
    }
    // Words (hyphenated ones joined: "al-Burhan"), as (first token, last token, text).
    let tokens = &analysis.tokens;
    let mut words: Vec<(usize, usize, &str)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind() != TokenKind::Word {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 2 < tokens.len()
            && &doc.prose[tokens[last + 1].range()] == "-"
            && !tokens[last + 1].space_before()
            && !tokens[last + 2].space_before()
            && tokens[last + 2].kind() == TokenKind::Word
        {
            last += 2;
        }
        let text = strip_possessive(&doc.prose[tokens[i].start()..tokens[last].end()]);
        words.push((i, last, text));
        i = last + 1;
    }
    let adjacent = |a: &(usize, usize, &str), b: &(usize, usize, &str)| b.0 == a.1 + 1;
    // Index: word -> (set, name, position of the word in the name).
    let mut index: HashMap<&str, Vec<NameWord<'a>>> = HashMap::new();
    let mut split: HashMap<*const Name, Vec<&'a str>> = HashMap::new();
    for facts in sets {
        for name in &facts.names {
            let parts: Vec<&str> = name.name.split_whitespace().collect();
            for (p, w) in parts.iter().enumerate() {
                index.entry(w).or_default().push((facts, name, p));
            }
            split.insert(name as *const Name, parts);
        }
    }
    let declared: std::collections::HashSet<&str> = sets
        .iter()
        .flat_map(|f| f.names.iter().map(|n| n.name.as_str()))
        .collect();
    let mut hits: Vec<NameHit<'a>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (k, (_, _, w)) in words.iter().enumerate() {
        let Some(entries) = index.get(w) else {
            continue;
        };
        for &(facts, name, p) in entries {
            let parts = &split[&(name as *const Name)];
            if k < p || k - p + parts.len() > words.len() {
                continue;
            }
            let start = k - p;
            let window = &words[start..start + parts.len()];
            if window.windows(2).any(|pair| !adjacent(&pair[0], &pair[1])) {
                continue;
            }
            let mut misses = 0;
            let mut ok = true;
            for (j, part) in parts.iter().enumerate() {
                let written = window[j].2;
                if written == *part {
                    continue;
                }
                if near_miss(written, part) {
                    misses += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            // A single-word name is matched exactly only; a near miss needs another exact word.
            if !ok || misses > 1 || (misses == 1 && parts.len() < 2) {
                continue;
            }
            let first = &analysis.tokens[window[0].0];
            let last_word = &window[window.len() - 1];
            let range = first.start()..analysis.tokens[last_word.0].start() + last_word.2.len();
            let written = doc.text()[range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if misses == 1 && declared.contains(written.as_str()) {
                continue;
            }
            if !seen.insert((range.start, name as *const Name)) {
                continue;
            }
            let title = title_before(doc, analysis, window[0].0);
            hits.push(NameHit {
                facts,
                name,
                range,
                written,
                exact: misses == 0,
                title,
            });
        }
    }
    hits.sort_by_key(|h| h.range.start);
    hits
}

/// The title written right before token `i`: "General", "Gen.", "Lt. Gen.".
fn title_before(doc: &Document, analysis: &Analysis, i: usize) -> Option<(String, Range<usize>)> {
    // Up to four tokens back, skipping the periods of abbreviations.
    let mut words: Vec<(&str, Range<usize>)> = Vec::new();
    let mut j = i;
    while j > 0 && words.len() < 2 {
        j -= 1;
        let t = &analysis.tokens[j];
        let s = &doc.prose[t.range()];
        if s == "." {
            continue;
        }
        if t.kind() != TokenKind::Word {
            break;
        }
        words.push((s, t.range()));
    }
    words.reverse();
    for (ws, canonical) in TITLES {
        if ws.len() > words.len() {
            continue;
        }
        let tail = &words[words.len() - ws.len()..];
        if ws.iter().zip(tail).all(|(a, (b, _))| a == b) {
            let start = tail[0].1.start;
            let mut end = tail[tail.len() - 1].1.end;
            if doc.prose[end..].starts_with('.') {
                end += 1;
            }
            return Some((canonical.to_string(), start..end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_near_misses() {
        assert_eq!(canonical_title("Gen."), "General");
        assert_eq!(canonical_title("Lt. Gen."), "Lieutenant General");
        assert!(near_miss("Youxai", "Youxia"));
        assert!(!near_miss("Zhang", "Zhang"));
        assert!(!near_miss("Li", "Lu"));
    }

    #[test]
    fn finds_exact_names_titles_and_misspellings() {
        let (f, _) = Facts::parse(
            "f.toml",
            "[names]\n\"Zhang Youxia\" = { title = \"General\" }\n",
        );
        let sets = vec![Arc::new(f.unwrap())];
        let d = Document::new(
            "t",
            "Central Military Commission member General Zhang Youxia said. Adm. Zhang Youxia’s view. Zhang Youxai spoke.",
            crate::source::Format::Text,
        );
        let a = Analysis::new(&d);
        let hits = find_names(&d, &a, &sets);
        let got: Vec<(String, bool, Option<String>)> = hits
            .iter()
            .map(|h| {
                (
                    h.written.clone(),
                    h.exact,
                    h.title.as_ref().map(|t| t.0.clone()),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Zhang Youxia".into(), true, Some("General".into())),
                ("Zhang Youxia".into(), true, Some("Admiral".into())),
                ("Zhang Youxai".into(), false, None),
            ]
        );
    }
}
