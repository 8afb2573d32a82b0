//! Definitions written in the running text: "Long Form (LF)", "LF (Long Form)", "(long form,
//! LF)", legend entries "LF = Long Form" and "long form, or LF". This file walks the text and
//! holds what the forms share (bracket matching, clause starts); each form, in `long_first`,
//! `short_first` and `phrased`, decides where its candidate long form lies, and `letter_match`
//! decides whether the letters fit.

use super::definition::{normalize_space, Definition};
use super::long_first::long_then_short;
use super::phrased::{equals_legend, or_short, stands_for};
use super::short_first::{pair_in_parentheses, shared_head, short_then_long};
use crate::analysis::acronyms;
use crate::analysis::sentences::Sentence;
use crate::analysis::tokens::{Class, Token, TokenKind};
use std::ops::Range;

/// The definitions written in the running text, in the order found: parentheses first, then
/// legends and "or" forms.
pub(super) fn in_text_definitions(
    prose: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut sentence_idx = 0usize;
    for (i, tok) in tokens.iter().enumerate() {
        if tok.kind() != TokenKind::Punct || tok.len() != 1 {
            continue;
        }
        let (opener, closer) = match prose.as_bytes()[tok.start()] {
            b'(' => ('(', ')'),
            b'[' => ('[', ']'),
            _ => continue,
        };
        let open = tok.start();
        // "P(ves1)", "J(eff)", "NAD(P)H": a parenthesis glued to a word is notation, not a
        // definition, unless it holds an acronym ("clozapine(CLP)").
        if !tok.space_before()
            && prose[..open]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            let inner_word: String = prose[open + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            if acronyms::acronym_base(&inner_word).is_none()
                || !prose[open + 1 + inner_word.len()..].starts_with(')')
            {
                continue;
            }
        }
        let Some(close_rel) = matching_close(&prose[open + 1..], opener, closer) else {
            continue;
        };
        let inner_range = open + 1..open + 1 + close_rel;
        let inner = &prose[inner_range.clone()];
        while sentence_idx < sentences.len() && sentences[sentence_idx].range.end <= open {
            sentence_idx += 1;
        }
        let sentence_start = sentences
            .get(sentence_idx)
            .map_or(0, |s| s.range.start.min(open));
        let bracket = opener == '[';
        // "[ABI]: ../reference/...", "[ABI](...)", "[ABI][abi]": a link or a link reference
        // definition, not a short form in brackets.
        let after_close = &prose[inner_range.end + 1..];
        let line_start = prose[..open].trim_end_matches([' ', '\t']).ends_with('\n') || open == 0;
        if bracket
            && (after_close.starts_with(['(', '[']) || (after_close.starts_with(':') && line_start))
        {
            continue;
        }
        if let Some(def) = long_then_short(
            prose,
            sentence_start,
            open,
            inner_range.clone(),
            inner,
            bracket,
        ) {
            out.push(def);
        } else if let Some(def) = short_then_long(prose, tokens, i, inner_range.clone(), inner) {
            // "LF (Long Form)", and "IHEs [institutions of higher education]": an expansion
            // in brackets after the use (word initials only, as ever for this form).
            out.push(def);
        } else if bracket {
            // Square brackets in prose are mostly editorial insertions in quotations; only the
            // tightest forms above are taken.
        } else if let Some(def) = pair_in_parentheses(inner_range.clone(), inner) {
            out.push(def);
        } else if let Some(def) = shared_head(prose, open, inner_range) {
            out.push(def);
        }
    }
    for i in 0..tokens.len() {
        // Each of these forms starts with the short form, and an acronym has two capitals.
        if !tokens[i].is_a(Class::CAPITALS) {
            continue;
        }
        if let Some(def) = equals_legend(prose, tokens, i)
            .or_else(|| or_short(prose, tokens, i))
            .or_else(|| stands_for(prose, tokens, i))
        {
            out.push(def);
        }
    }
    out
}

/// Whether every parenthesis and bracket in `s` is closed in order.
pub(super) fn balanced(s: &str) -> bool {
    let mut stack = Vec::new();
    for c in s.chars() {
        match c {
            '(' | '[' => stack.push(c),
            ')' if stack.pop() != Some('(') => return false,
            ']' if stack.pop() != Some('[') => return false,
            _ => {}
        }
    }
    stack.is_empty()
}

/// Whether a long form holds another definition's short form in parentheses ("clozapine(CLP)
/// and its metabolite"): it is then two things, not one.
pub(super) fn holds_definition(long: &str) -> bool {
    long.match_indices('(').any(|(i, _)| {
        let inner: String = long[i + 1..].chars().take_while(|c| *c != ')').collect();
        inner.chars().filter(|c| c.is_uppercase()).count() >= 2
            && acronyms::acronym_base(&inner).is_some()
    })
}

/// Where the candidate long form may start in `before` (the sentence up to the parenthesis):
/// after the last ')', ';', '(', '=' or '['. A parenthesised part glued to a word is part of
/// the long form ("Ca(2+)-ATPase (PMCA)", "c-Jun NH(2)-terminal kinase (JNK)",
/// "7,12-dimethylbenz(a)anthracene (DMBA)").
pub(super) fn clause_start(before: &str) -> usize {
    let b = before.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        match b[i] {
            b')' | b']' => {
                // Find its opener; glued to a letter or digit before it, skip the group.
                let (open, close) = if b[i] == b')' {
                    (b'(', b')')
                } else {
                    (b'[', b']')
                };
                let mut depth = 0;
                let mut j = i;
                let mut opener = None;
                // A glued group is short: look no further back than that.
                while j > 0 && i - j <= 12 {
                    j -= 1;
                    if b[j] == close {
                        depth += 1;
                    } else if b[j] == open {
                        if depth == 0 {
                            opener = Some(j);
                            break;
                        }
                        depth -= 1;
                    }
                }
                match opener {
                    Some(o) if o > 0 && b[o - 1].is_ascii_alphanumeric() && i - o <= 12 => i = o,
                    _ if b[i] == b']' => {}
                    _ => return i + 1,
                }
            }
            b';' | b'(' | b'=' | b'[' => return i + 1,
            _ => {}
        }
    }
    0
}

/// The text before the first ';' or ',' (a comma between digits, as in "Fru-2,6-P(2)", does
/// not count).
pub(super) fn first_part(inner: &str) -> &str {
    let b = inner.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        // "Fru-2,6-P(2)", "99mTc-L,L-EC": a comma with no space after it joins parts.
        let between_digits =
            c == b',' && i > 0 && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c == b';' || (c == b',' && !between_digits) {
            return &inner[..i];
        }
    }
    inner
}

/// The offset of the bracket that closes one opened just before `rest`, within 400 characters.
/// A bracket nested inside counts only when glued to the character before it ("(FEV(1))",
/// "(NAD(P)H)"); any other nested opener gives up, as a parenthesis inside a parenthesis is
/// rarely a definition.
fn matching_close(rest: &str, opener: char, closer: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut prev = ' ';
    for (j, c) in rest.char_indices().take(400) {
        if c == opener {
            if prev.is_whitespace() || depth >= 2 {
                return None;
            }
            depth += 1;
        } else if c == closer {
            if depth == 0 {
                return Some(j);
            }
            depth -= 1;
        }
        prev = c;
    }
    None
}

/// Drops quotation marks around a long form ("“astigmatic intensity equation” (AIE)").
pub(super) fn unquote(prose: &str, mut range: Range<usize>) -> (Range<usize>, String) {
    const QUOTES: &[char] = &['"', '“', '”', '\'', '‘', '’'];
    // A long form never starts with a slash or a dash: "FEV1)/forced vital capacity (FVC)".
    let text = &prose[range.clone()];
    let text_start = text.trim_start_matches(['/', '-', '–', '+']);
    range.start += text.len() - text_start.len();
    let text = text_start;
    let inner = text.trim_start_matches(QUOTES);
    range.start += text.len() - inner.len();
    let inner = inner.trim_end_matches(QUOTES);
    range.end = range.start + inner.len();
    (range.clone(), normalize_space(&prose[range]))
}

pub(super) fn contains_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

#[cfg(test)]
mod tests {
    fn defs(text: &str) -> Vec<(String, String)> {
        let d = crate::source::Document::new("t", text, crate::source::Format::Text);
        crate::analysis::Analysis::new(&d)
            .definitions
            .into_iter()
            .map(|d| (d.short, d.long))
            .collect()
    }

    #[test]
    fn a_curly_apostrophe_before_a_parenthesis_is_no_panic() {
        // The shared-head form looked for the modifier one byte after the apostrophe.
        assert!(defs("The agency’s (ABCD) report was read.").is_empty());
        assert!(defs("The agency’ (ABCD) report was read.").is_empty());
    }

    #[test]
    fn definitions_in_both_orders_and_other_forms() {
        let pair = |s: &str, l: &str| (s.to_string(), l.to_string());
        assert_eq!(
            defs("China deployed the People’s Liberation Army (PLA) to Mali."),
            vec![pair("PLA", "People’s Liberation Army")]
        );
        assert_eq!(
            defs("The ICC (Interregional Coordination Centre) sits in Yaoundé."),
            vec![pair("ICC", "Interregional Coordination Centre")]
        );
        assert_eq!(
            defs("It has contributed formed police units (FPUs) since 2004."),
            vec![pair("FPU", "formed police units")]
        );
        assert_eq!(
            defs("in the endothelium (blood-brain barrier, BBB), and in"),
            vec![pair("BBB", "blood-brain barrier")]
        );
        assert_eq!(
            defs("Notes: MDEB = Multi-Domain Effects Battalion; HHB = Headquarters and Headquarters Battery."),
            vec![pair("MDEB", "Multi-Domain Effects Battalion"), pair("HHB", "Headquarters and Headquarters Battery")]
        );
        assert_eq!(
            defs("Notes: AWOL = Absence without official leave; SM = Servicemember.\nFIPS: Federal Information Processing Standard."),
            vec![
                pair("AWOL", "Absence without official leave"),
                pair("SM", "Servicemember"),
                pair("FIPS", "Federal Information Processing Standard")
            ]
        );
        assert_eq!(
            defs("also called road user charges, or RUCs, could range widely."),
            vec![pair("RUC", "road user charges")]
        );
        assert_eq!(
            defs("to the UN Multidimensional Integrated Stabilization Mission in Mali (MINUSMA),1 which"),
            vec![pair("MINUSMA", "UN Multidimensional Integrated Stabilization Mission in Mali")]
        );
        // Not definitions: a year, a citation, a state after a name, an ordinary word.
        assert_eq!(
            defs("see the Office of Personnel Management's (OPM's) site."),
            vec![pair("OPM", "Office of Personnel Management's")]
        );
        assert_eq!(
            defs("The level.\n\nAdministrative Office of the U.S. Courts (AO)\n\nThe AO provides."),
            vec![pair("AO", "Administrative Office of the U.S. Courts")]
        );
        assert_eq!(
            defs("known as the Inflation Reduction Act of 2022, or IRA). These"),
            vec![pair("IRA", "Inflation Reduction Act of 2022")]
        );
        assert_eq!(
            defs("the Voting Rights Act of 1965, as amended (VRA). In"),
            vec![pair("VRA", "Voting Rights Act of 1965")]
        );
        assert_eq!(
            defs("The U.S. Department of Education (ED) enforces FERPA."),
            vec![pair("ED", "Education")]
        );
        assert_eq!(
            defs("the National Defense Authorization Act for Fiscal Year 2020 (FY2020 NDAA; P.L. 116-92)"),
            vec![pair("NDAA", "National Defense Authorization Act for Fiscal Year 2020")]
        );
        assert!(defs("It grew (2013) and (see above) in (Figure 2).").is_empty());
        assert!(defs(
            "Frederick H. Gillett (MA) won; Jason A. Smith, Parliamentarian (GPO, 2025)."
        )
        .is_empty());
    }
}
