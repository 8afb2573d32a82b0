//! Acronym definitions: "Long Form (LF)", "LF (Long Form)" and a document's own list of acronyms.
//!
//! Letters are matched in the manner of Schwartz & Hearst (2003): each letter of the short form
//! is found, right to left, in the long form, the first one at the start of a word. Before that,
//! an exact match on word initials is tried, which gives the tightest long form.

use super::blocks::{Block, BlockKind};
use super::sentences::Sentence;
use super::tokens::{Token, TokenKind};
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

/// Words that an acronym's letters may skip.
pub const SMALL_WORDS: &[&str] = &[
    "of", "in", "the", "and", "for", "on", "to", "a", "an", "at", "by", "with", "de", "du", "des",
    "la", "le", "les", "et", "y", "del", "di", "da", "&",
];

/// Whether a parenthesised token can be a short form: 2–10 characters, a letter, starting with a
/// letter or digit, at least one capital, and not an ordinary capitalised word ("Figure").
pub fn is_short_form(s: &str) -> bool {
    let n = s.chars().count();
    if !(2..=10).contains(&n) || s.contains(char::is_whitespace) {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if !first.is_alphanumeric() || !s.chars().any(char::is_alphabetic) {
        return false;
    }
    if !s
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '&' | '.'))
    {
        return false;
    }
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    if upper == 0 {
        return false;
    }
    // "Figure", "China", "Dec.": one capital, then only lower-case letters (and a period).
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    let period = usize::from(s.ends_with('.'));
    !(upper == 1 && first.is_uppercase() && lower >= 2 && lower + 1 + period == n)
}

/// Schwartz–Hearst letter matching. Returns the byte offset in `long` where the long form
/// starts, or None when the letters cannot all be found.
pub fn schwartz_hearst(short: &str, long: &str) -> Option<usize> {
    let s: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    let l: Vec<(usize, char)> = long
        .char_indices()
        .map(|(i, c)| (i, c.to_lowercase().next().unwrap_or(c)))
        .collect();
    let mut si = s.len() as isize - 1;
    let mut li = l.len() as isize - 1;
    while si >= 0 {
        let c = s[si as usize];
        if !c.is_alphanumeric() {
            si -= 1;
            continue;
        }
        loop {
            if li < 0 {
                return None;
            }
            let lc = l[li as usize].1;
            let at_word_start = li == 0 || !l[li as usize - 1].1.is_alphanumeric();
            if lc == c && (si != 0 || at_word_start) {
                break;
            }
            li -= 1;
        }
        li -= 1;
        si -= 1;
    }
    // The long form starts at the first matched letter, which is at the start of a word or of a
    // hyphenated part: "non-high-density lipoprotein (HDL)" gives "high-density lipoprotein".
    // Chemical prefixes stay: "3-hydroxy-3-methylglutaryl-CoA", "1,1-dideuterio-...": a prefix of
    // digits, punctuation and single letters is part of the name.
    let matched = (li + 1) as usize;
    let word_start = l[..matched]
        .iter()
        .rposition(|&(_, c)| c.is_whitespace() || matches!(c, '[' | '(' | '"' | '“' | '/'))
        .map_or(0, |p| p + 1);
    let prefix: String = l[word_start..matched].iter().map(|&(_, c)| c).collect();
    let letter_runs_short = prefix
        .split(|c: char| !c.is_alphabetic())
        .all(|run| run.chars().count() <= 1);
    let start = if letter_runs_short {
        word_start
    } else {
        matched
    };
    Some(l.get(start).map_or(0, |&(i, _)| i))
}

/// Letters of a short form, upper-cased, digits and punctuation dropped.
fn letters(short: &str) -> Vec<char> {
    short
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The words of a candidate long form, each with its byte range, splitting on white space and
/// keeping hyphenated compounds whole.
fn words_with_ranges(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s..i, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

fn is_small(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    super::words::is_one_of(w, SMALL_WORDS)
}

/// The first letter of each part of a word: "African-led" gives A, L; "Co-operation" C, O.
fn part_initials(word: &str) -> Vec<char> {
    word.split(['-', '/', '–'])
        .filter_map(|p| p.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Tries an exact match of the short form's letters on the initials of the last words of the
/// candidate (small words may be skipped, hyphenated parts may count). Returns the start offset.
pub(crate) fn initials_match(short: &[char], candidate: &str) -> Option<usize> {
    let words = words_with_ranges(candidate);
    let mut failed = std::collections::HashSet::new();
    initials_from(short, &words, words.len(), short.len(), &mut failed)
}

/// Matches the first `need` letters of `short` on the initials of `words[..wi]`, walking back
/// from the end; small words are skipped when they can be ("Office of Personnel Management" for
/// OPM takes O from "Office", not from "of"). Returns the start of the first word used.
fn initials_from(
    short: &[char],
    words: &[(Range<usize>, &str)],
    wi: usize,
    need: usize,
    failed: &mut std::collections::HashSet<(usize, usize)>,
) -> Option<usize> {
    if wi == 0 || failed.contains(&(wi, need)) {
        return None;
    }
    let (range, w) = &words[wi - 1];
    // "Inflation Reduction Act of 2022, or IRA": a year at the end gives no letter.
    let number = w.trim_matches(|c: char| !c.is_alphanumeric());
    if need == short.len() && !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) {
        return initials_from(short, words, wi - 1, need, failed);
    }
    let initials = part_initials(w);
    if initials.is_empty() {
        return None;
    }
    let mut options: Vec<usize> = Vec::with_capacity(3);
    if is_small(w) {
        options.push(0);
    }
    if initials.len() > 1
        && initials.len() <= need
        && short[need - initials.len()..need] == initials[..]
    {
        options.push(initials.len());
    }
    if short[need - 1] == initials[0] {
        options.push(1);
    }
    for used in options {
        if used == 0 {
            if let Some(start) = initials_from(short, words, wi - 1, need, failed) {
                return Some(start);
            }
        } else if used == need {
            return Some(range.start);
        } else if let Some(start) = initials_from(short, words, wi - 1, need - used, failed) {
            return Some(start);
        }
    }
    failed.insert((wi, need));
    None
}

/// Finds the parenthesised definitions of a document.
pub fn find_definitions(
    prose: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    blocks: &[Block],
) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut sentence_idx = 0usize;
    for (i, tok) in tokens.iter().enumerate() {
        let (opener, closer) = match &prose[tok.range()] {
            "(" => ('(', ')'),
            "[" => ('[', ']'),
            _ => continue,
        };
        if tok.kind() != TokenKind::Punct {
            continue;
        }
        let open = tok.start();
        let Some(close_rel) = prose[open + 1..]
            .char_indices()
            .take(400)
            .find(|&(_, c)| c == closer || c == opener)
            .filter(|&(_, c)| c == closer)
            .map(|(j, _)| j)
        else {
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
        if let Some(def) = long_then_short(
            prose,
            sentence_start,
            open,
            inner_range.clone(),
            inner,
            bracket,
        ) {
            out.push(def);
        } else if bracket {
            // Square brackets in prose are mostly editorial insertions in quotations; only the
            // tightest "Long Form [LF]" is taken.
        } else if let Some(def) = short_then_long(prose, tokens, i, inner_range.clone(), inner) {
            out.push(def);
        } else if let Some(def) = pair_in_parentheses(inner_range, inner) {
            out.push(def);
        }
    }
    for i in 0..tokens.len() {
        if let Some(def) = equals_legend(prose, tokens, i).or_else(|| or_short(prose, tokens, i)) {
            out.push(def);
        }
    }
    out.extend(glossary_definitions(prose, blocks));
    out.sort_by_key(|d| d.short_range.start);
    out
}

/// "Long Form (LF)", "Long Form (LF; ...)", "Long Form (LF or Other)".
fn long_then_short(
    prose: &str,
    sentence_start: usize,
    open: usize,
    inner_range: Range<usize>,
    inner: &str,
    bracket: bool,
) -> Option<Definition> {
    // "([HAVA](...))" in Markdown: the link's brackets around the short form.
    let trimmed = inner.trim_start().trim_start_matches('[');
    let lead = inner.len() - trimmed.len();
    let mut short = trimmed
        .split([';', ','])
        .next()
        .unwrap_or("")
        .trim_end()
        .trim_end_matches(']')
        .trim_end();
    if let Some((first, _)) = short.split_once(" or ") {
        short = first.trim_end();
    }
    // "(USDA's)": a possessive short form names the acronym.
    for suffix in ["'s", "’s"] {
        if let Some(s) = short.strip_suffix(suffix) {
            short = s;
        }
    }
    // "(FY2020 NDAA; ...)": a fiscal year or year before the acronym.
    if let Some((first, second)) = short.split_once(' ') {
        if first.chars().any(|c| c.is_ascii_digit())
            && super::acronyms::acronym_base(second).is_some()
        {
            short = second;
        }
    }
    // "Ang II", "PAR 2": a short form of two parts whose second is a numeral.
    let two_part = short.split_once(' ').is_some_and(|(a, b)| {
        is_short_form(a)
            && a.chars().all(|c| c.is_alphabetic())
            && (b.chars().all(|c| c.is_ascii_digit()) || super::acronyms::is_roman_numeral(b))
    });
    if !two_part && !is_short_form(short) {
        return None;
    }
    // A plural short form "(PKOs)" names the singular acronym.
    let base = super::acronyms::acronym_base(short).unwrap_or(short);
    let short_range = inner_range.start + lead..inner_range.start + lead + base.len();
    let n = letters(base).len().max(1);
    let max_words = (n + 5).min(n * 2);
    // The candidate: up to max_words words before the parenthesis, within the sentence and
    // after any earlier parenthesis or clause mark.
    let before = &prose[sentence_start..open];
    // Colons stay: Act titles have them ("... Equity Act: A Legacy for Users (SAFETEA-LU)").
    let cut = before.rfind([')', ';', '(', '=']).map_or(0, |i| i + 1);
    let region_start = sentence_start + cut;
    let region = prose[region_start..open].trim_end().trim_end_matches(']');
    // "the Voting Rights Act of 1965, as amended (VRA)".
    let region = region.strip_suffix(", as amended").unwrap_or(region);
    let words = words_with_ranges(region);
    if words.is_empty() {
        return None;
    }
    let base_letters = letters(base);
    let usable = |candidate: &str, s: usize| {
        let long = &candidate[s..];
        // "John W. McCormack (MA)": a state code after one capitalised word is a state after a
        // name, not a definition ("gentamicin (GM)" and "Education (ED)" are definitions).
        let one_word = !long
            .trim()
            .contains(|c: char| c.is_whitespace() || c == '-')
            && long.trim().starts_with(char::is_uppercase);
        long.chars().count() > base.chars().count()
            && !contains_word(long, base)
            && !(one_word && super::acronyms::STATE_CODES.contains(&base))
    };
    let try_window = |first_word: usize| {
        let cand_start = words[first_word].0.start;
        let candidate = &region[cand_start..];
        let by_initials = initials_match(&base_letters, candidate);
        if bracket && by_initials.is_none() {
            return None;
        }
        by_initials
            .or_else(|| schwartz_hearst(base, candidate))
            .filter(|&s| usable(candidate, s))
            .map(|s| cand_start + s)
    };
    let plain_window = words.len().saturating_sub(max_words);
    // A name in capitals may take more small words than the window allows ("Administrative
    // Office of the U.S. Courts (AO)"): small words are then not counted.
    let mut wide_window = words.len();
    let mut counted = 0;
    while wide_window > 0 && counted < n + 5 {
        wide_window -= 1;
        if !is_small(words[wide_window].1) {
            counted += 1;
        }
    }
    let found = try_window(plain_window).or_else(|| {
        let s = try_window(wide_window)?;
        let capitalised = region[s..]
            .split_whitespace()
            .filter(|w| !is_small(w))
            .all(|w| w.starts_with(char::is_uppercase));
        capitalised.then_some(s)
    });
    let cand_start = 0;
    let candidate = region;
    // "(GPO, 2025)": a publisher in a citation, not a definition, unless the letters fit.
    let rest = trimmed.trim_end().trim_end_matches(']').trim_end();
    let alone = rest == short || rest == base;
    let (long_start, fits) = match found {
        Some(s) => (cand_start + s, true),
        None if !alone || bracket => return None,
        // A loose definition needs an acronym of three or more capitals: "(MA)" after a name
        // is a state, "(D-OH)" a party and state.
        // "(R-KY)" after a name is a party and state; "(ACV-P)" after "Personnel Variant" is a
        // definition.
        None if letters(base).len() < 3
            || !base.chars().all(|c| c.is_ascii_uppercase() || c == '-')
            || base.split('-').next().is_some_and(|p| p.len() < 2) =>
        {
            return None
        }
        None => match loose_long_form(candidate) {
            Some(s) => (cand_start + s, false),
            // "formed police units (FPC)": the words the acronym was meant for.
            None => (
                cand_start + super::initials::near_miss(base, candidate)?.words[0].0,
                false,
            ),
        },
    };
    let long_range = region_start + long_start..region_start + region.len();
    let (long_range, long) = unquote(prose, long_range);
    if long.is_empty() {
        return None;
    }
    Some(Definition {
        short: base.to_string(),
        written: short.to_string(),
        long,
        short_range,
        long_range,
        kind: DefinitionKind::LongThenShort,
        fits,
    })
}

/// "(blood-brain barrier, BBB)": the long form and the short form together in parentheses.
fn pair_in_parentheses(inner_range: Range<usize>, inner: &str) -> Option<Definition> {
    let (long, short) = inner.rsplit_once(", ")?;
    let short = short.trim();
    let long_trimmed = long.trim_start();
    let lead = long.len() - long_trimmed.len();
    if !is_short_form(short) || long_trimmed.split_whitespace().count() < 2 {
        return None;
    }
    let start = initials_match(&letters(short), long_trimmed)
        .or_else(|| schwartz_hearst(short, long_trimmed))?;
    if !long_trimmed[..start].trim().is_empty() {
        return None;
    }
    let long_start = inner_range.start + lead;
    let short_start = inner_range.start + inner.rfind(short)?;
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long_trimmed),
        short_range: short_start..short_start + short.len(),
        long_range: long_start..long_start + long_trimmed.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}

/// A legend entry "HIMARS = High Mobility Artillery Rocket Systems", ended by ';', ',', '.' or
/// a line break. It defines the acronym wherever it stands, like a glossary.
fn equals_legend(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word {
        return None;
    }
    let eq = tokens.get(i + 1)?;
    let sep = &prose[eq.range()];
    if sep != ":" && sep != "=" {
        return None;
    }
    // "SF = Long Form" anywhere; "SF: Long Form" only where a legend entry starts (after
    // "Notes:", a ';' or at the start of a line).
    let legend_start = i == 0 || {
        let prev = &prose[tokens[i - 1].range()];
        matches!(prev, ";" | ":" | "*") || prose[tokens[i - 1].end()..tok.start()].contains('\n')
    };
    let colon = sep == ":" && !eq.space_before() && legend_start;
    if !(colon || sep == "=" && eq.space_before()) {
        return None;
    }
    let short = super::acronyms::acronym_base(&prose[tok.range()])?;
    let rest_start = eq.end();
    let rest = &prose[rest_start..];
    let end = rest.find([';', ',', '\n', '|']).unwrap_or(rest.len());
    let long_text = rest[..end].trim_end().trim_end_matches('.');
    let long_trimmed = long_text.trim_start();
    let lead = long_text.len() - long_trimmed.len();
    // "SM = Servicemember" may be one word; after a colon the initials must match exactly.
    let words = long_trimmed.split_whitespace().count();
    let start = if colon {
        if words < 2 {
            return None;
        }
        initials_match(&letters(short), long_trimmed)?
    } else {
        initials_match(&letters(short), long_trimmed)
            .or_else(|| schwartz_hearst(short, long_trimmed))?
    };
    if start != 0 {
        return None;
    }
    let long_start = rest_start + lead;
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long_trimmed),
        short_range: tok.start()..tok.start() + short.len(),
        long_range: long_start..long_start + long_trimmed.len(),
        kind: DefinitionKind::Glossary,
        fits: true,
    })
}

/// "mileage-based road user charges, or RUCs": an acronym after "or" whose letters are the
/// initials of the words just before (initials only: "or" joins many things).
fn or_short(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word || i < 2 {
        return None;
    }
    let or = &tokens[i - 1];
    if &prose[or.range()] != "or" {
        return None;
    }
    let written = &prose[tok.range()];
    let short = super::acronyms::acronym_base(written)?;
    // The words before "or", after an optional comma, back to a clause mark.
    let mut end = or.start();
    let before = prose[..end].trim_end();
    end = before.len();
    let before = before.strip_suffix(',').unwrap_or(before);
    let from = before
        .rfind(['(', ')', ';', ':', '.', ',', '\n'])
        .map_or(0, |p| p + 1);
    let candidate = &prose[from..before.len()];
    let start = initials_match(&letters(short), candidate)?;
    let long = normalize_space(&candidate[start..]);
    if long.split_whitespace().count() < 2 {
        return None;
    }
    let _ = end;
    Some(Definition {
        short: short.to_string(),
        written: written.to_string(),
        long,
        short_range: tok.start()..tok.start() + short.len(),
        long_range: from + start..before.len(),
        kind: DefinitionKind::LongThenShort,
        fits: true,
    })
}

/// When the letters do not fit ("UN Multidimensional Integrated Stabilization Mission in Mali
/// (MINUSMA)"), the run of capitalised words before the parenthesis is the long form; it needs
/// at least two capitalised words.
fn loose_long_form(candidate: &str) -> Option<usize> {
    let words = words_with_ranges(candidate);
    let mut start = None;
    let mut capitalised = 0;
    for (range, w) in words.iter().rev() {
        let first = w.chars().next()?;
        // The phrase stops at a clause mark: "Jason A. Smith, Parliamentarian".
        if w.ends_with([',', '.', ';']) && start.is_some() {
            break;
        }
        if first.is_uppercase() {
            capitalised += 1;
            start = Some(range.start);
        } else if is_small(w) && start.is_some() {
            continue;
        } else {
            break;
        }
    }
    (capitalised >= 2).then_some(start?)
}

/// "LF (Long Form)": an acronym followed by its expansion in parentheses; the letters must fit
/// and the expansion must start where the match starts.
fn short_then_long(
    prose: &str,
    tokens: &[Token],
    paren: usize,
    inner_range: Range<usize>,
    inner: &str,
) -> Option<Definition> {
    let prev = paren.checked_sub(1).map(|p| &tokens[p])?;
    if prev.kind() != TokenKind::Word || !tokens[paren].space_before() {
        return None;
    }
    let short = &prose[prev.range()];
    let base = super::acronyms::acronym_base(short)?;
    if base.chars().any(char::is_lowercase) {
        return None;
    }
    let long_text = inner.trim();
    let words = words_with_ranges(long_text);
    let n = base.len();
    if words.len() < 2 || words.len() > n + 4 {
        return None;
    }
    if !long_text.chars().next()?.is_alphabetic() {
        return None;
    }
    let start =
        // The reverse form is rarer and parentheses after an acronym hold many other things
        // ("EDA (e.g., Regional Innovation Strategies)"): only word initials are accepted.
        initials_match(&letters(base), long_text)?;
    // The expansion must be the whole parenthesis, allowing a leading "the".
    let lead = &long_text[..start];
    if !lead.trim().is_empty() && !lead.trim().eq_ignore_ascii_case("the") {
        return None;
    }
    let offset = inner_range.start + (inner.len() - inner.trim_start().len());
    Some(Definition {
        short: base.to_string(),
        written: base.to_string(),
        long: normalize_space(&long_text[start..]),
        short_range: prev.start()..prev.start() + base.len(),
        long_range: offset + start..offset + long_text.len(),
        kind: DefinitionKind::ShortThenLong,
        fits: true,
    })
}

/// A document's own acronym list: a heading "Acronyms", "Abbreviations", "Glossary" (or
/// "List of ..."), then lines "ABC  Long form" (a tab or two spaces, or " - ", " – ", ": ",
/// " = " between) or two-column table rows.
fn glossary_definitions(prose: &str, blocks: &[Block]) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut in_list = false;
    for block in blocks {
        let text = &prose[block.range.clone()];
        if is_glossary_heading(text) {
            in_list = true;
            continue;
        }
        if !in_list {
            continue;
        }
        // An entry on a line of its own can look like a heading in plain text; a heading that
        // is not an entry ends the list.
        let mut any = false;
        let mut offset = block.range.start;
        for line in text.split_inclusive('\n') {
            if let Some(def) = glossary_line(line, offset) {
                out.push(def);
                any = true;
            }
            offset += line.len();
        }
        if !any && matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading) {
            in_list = false;
        }
    }
    out
}

/// "Acronyms", "List of Abbreviations", "Index of Acronyms", "Appendix B: Glossary": a short
/// line naming acronyms, abbreviations or a glossary.
fn is_glossary_heading(text: &str) -> bool {
    // Asked of every block: the cheap tests first, and no lower-case copy. (Not a length test:
    // a masked URL leaves a long run of spaces in a short heading.)
    let t = text.trim();
    if t.contains('\n') || t.split_whitespace().nth(6).is_some() {
        return false;
    }
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| super::words::is_one_of(w, &["acronyms", "abbreviations", "glossary"]))
}

fn glossary_line(line: &str, offset: usize) -> Option<Definition> {
    let content = line.trim_end();
    let lead = content.len() - content.trim_start().len();
    let body = content.trim_start();
    let (short, sep_end) = if body.starts_with('|') {
        let cells: Vec<&str> = body.trim_matches('|').split('|').collect();
        if cells.len() < 2 {
            return None;
        }
        let short = cells[0].trim();
        let long = cells[1].trim();
        let short_at = body.find(short)?;
        let long_at = short_at + short.len() + body[short_at + short.len()..].find(long)?;
        return glossary_entry(
            short,
            long,
            offset + lead + short_at,
            offset + lead + long_at,
        );
    } else {
        let end = body.find(|c: char| c.is_whitespace() || c == ':' || c == '=')?;
        let short = &body[..end];
        let rest = &body[end..];
        let sep = rest.len()
            - rest
                .trim_start_matches([' ', '\t', ':', '=', '-', '–', '—'])
                .len();
        let sep_text = &rest[..sep];
        let good_sep = sep_text.contains('\t')
            || sep_text.contains("  ")
            || sep_text.trim() == ":"
            || sep_text.trim() == "="
            || sep_text.trim() == "-"
            || sep_text.trim() == "–"
            || sep_text.trim() == "—";
        if !good_sep {
            return None;
        }
        (short, end + sep)
    };
    let long = body[sep_end..].trim();
    glossary_entry(short, long, offset + lead, offset + lead + sep_end)
}

fn glossary_entry(short: &str, long: &str, short_at: usize, long_at: usize) -> Option<Definition> {
    if !is_short_form(short) || long.split_whitespace().count() == 0 {
        return None;
    }
    if !long.chars().next()?.is_alphabetic() {
        return None;
    }
    Some(Definition {
        short: short.to_string(),
        written: short.to_string(),
        long: normalize_space(long),
        short_range: short_at..short_at + short.len(),
        long_range: long_at..long_at + long.len(),
        kind: DefinitionKind::Glossary,
        fits: schwartz_hearst(short, long).is_some(),
    })
}

/// Drops quotation marks around a long form ("“astigmatic intensity equation” (AIE)").
fn unquote(prose: &str, mut range: Range<usize>) -> (Range<usize>, String) {
    const QUOTES: &[char] = &['"', '“', '”', '\'', '‘', '’'];
    let text = &prose[range.clone()];
    let inner = text.trim_start_matches(QUOTES);
    range.start += text.len() - inner.len();
    let inner = inner.trim_end_matches(QUOTES);
    range.end = range.start + inner.len();
    (range.clone(), normalize_space(&prose[range]))
}

fn contains_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schwartz_hearst_examples() {
        let sh = |s, l: &str| schwartz_hearst(s, l).map(|i| l[i..].to_string());
        assert_eq!(
            sh(
                "AFISMA",
                "from the African-led International Support Mission in Mali"
            )
            .as_deref(),
            Some("African-led International Support Mission in Mali")
        );
        assert_eq!(
            sh("PKO", "to support a peacekeeping operation").as_deref(),
            Some("peacekeeping operation")
        );
        assert_eq!(
            sh("MINUSMA", "peacekeepers to the UN Multidimensional"),
            None
        );
    }

    #[test]
    fn initials_first() {
        let l: Vec<char> = "GOA".chars().collect();
        let c = "operations in the Gulf of  Aden";
        assert_eq!(
            initials_match(&l, c).map(|i| &c[i..]),
            Some("Gulf of  Aden")
        );
        let l: Vec<char> = "AFISMA".chars().collect();
        assert_eq!(
            initials_match(&l, "African-led International Support Mission in Mali"),
            None
        );
    }

    #[test]
    fn short_forms() {
        assert!(is_short_form("PKO"));
        assert!(is_short_form("AfDB"));
        assert!(is_short_form("5HT"));
        assert!(!is_short_form("Figure"));
        assert!(!is_short_form("2013"));
        assert!(!is_short_form("see above"));
    }

    fn defs(text: &str) -> Vec<(String, String)> {
        let d = crate::source::Document::new("t", text, crate::source::Format::Text);
        crate::analysis::Analysis::new(&d)
            .definitions
            .into_iter()
            .map(|d| (d.short, d.long))
            .collect()
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

    #[test]
    fn glossary_lines() {
        let d = glossary_line("PKO\tpeacekeeping operation\n", 0).unwrap();
        assert_eq!(
            (d.short.as_str(), d.long.as_str()),
            ("PKO", "peacekeeping operation")
        );
        let d = glossary_line("| AU | African Union |", 10).unwrap();
        assert_eq!(d.long, "African Union");
        assert_eq!(d.short_range, 12..14);
        assert!(glossary_line("The PLA is large.", 0).is_none());
    }
}

#[cfg(test)]
mod glossary_tests {
    use crate::analysis::Analysis;
    use crate::source::{Document, Format};

    /// A URL in the heading is masked to spaces: the heading is still short in words.
    #[test]
    fn glossary_heading_with_a_url() {
        let url = format!("https://example.org/{}", "reports/".repeat(20));
        let d = Document::new(
            "g.txt",
            format!("Glossary of acronyms (see {url}).\n\nPKO: peacekeeping operation\n\nThe PKO grew.\n"),
            Format::Text,
        );
        let shorts: Vec<String> = Analysis::new(&d)
            .definitions
            .into_iter()
            .map(|d| d.short)
            .collect();
        assert_eq!(shorts, vec!["PKO"]);
    }

    #[test]
    fn tab_separated_glossary_with_blank_lines() {
        let d = Document::new(
            "g.txt",
            "Index of Acronyms\n\nCNI\tCenter for the National Interest\n\nDCCC\tDemocratic Congressional Campaign Committee\n\nThe DCCC and CNI met.\n",
            Format::Text,
        );
        let a = Analysis::new(&d);
        let shorts: Vec<&str> = a.definitions.iter().map(|d| d.short.as_str()).collect();
        assert_eq!(shorts, vec!["CNI", "DCCC"], "{:?}", a.blocks);
    }
}
