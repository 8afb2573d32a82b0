//! Definitions written as phrases rather than with parentheses: legend entries ("LF = Long
//! Form", "LF: Long Form" where a legend starts), "long form, or LF" and "LF stands for long
//! form".

use super::definition::{normalize_space, Definition, DefinitionKind};
use crate::analysis::acronyms;
use crate::analysis::letter_match::{initials_match, letters, schwartz_hearst};
use crate::analysis::tokens::{Token, TokenKind};

/// A legend entry "HIMARS = High Mobility Artillery Rocket Systems", ended by ';', ',', '.' or
/// a line break. It defines the acronym wherever it stands, like a glossary.
pub(super) fn equals_legend(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
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
    let short = acronyms::acronym_base(&prose[tok.range()])?;
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
pub(super) fn or_short(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word || i < 2 {
        return None;
    }
    let or = &tokens[i - 1];
    if &prose[or.range()] != "or" {
        return None;
    }
    let written = &prose[tok.range()];
    let short = acronyms::acronym_base(written)?;
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

/// Markup that may wrap a term or its expansion in Markdown: emphasis, code, quotes.
pub(super) const MARKUP: &[char] = &['_', '*', '`', '"', '“', '”', '‘', '’', '\''];

/// "CLI stands for command-line interface", "_TOML_ is short for _Tom's Obvious, Minimal
/// Language_", "ARV is an abbreviation for Advanced Reconnaissance Vehicle", "IPA is an acronym
/// of ...": the expansion runs to the end of the clause, and its letters must fit from its
/// first word.
pub(super) fn stands_for(prose: &str, tokens: &[Token], i: usize) -> Option<Definition> {
    let tok = &tokens[i];
    if tok.kind() != TokenKind::Word {
        return None;
    }
    // "_CLI_": emphasis glued to the term.
    let raw = &prose[tok.range()];
    let written = raw.trim_matches('_');
    let short_at = tok.start() + (raw.len() - raw.trim_start_matches('_').len());
    let short = acronyms::acronym_base(written)?;
    // The words after the acronym (markup around it skipped), as plain text.
    let rest_start = tok.end();
    let rest = &prose[rest_start..];
    // Markup masked to spaces in Markdown, or left in plain text.
    let is_markup = |c: char| MARKUP.contains(&c) || c == ' ';
    let rest = rest.trim_start_matches(is_markup);
    if rest.len() == prose.len() - rest_start {
        return None;
    }
    let skipped = prose.len() - rest_start - rest.len();
    let lead = [
        "stands for ",
        "is short for ",
        "is an abbreviation for ",
        "is an abbreviation of ",
        "is an acronym for ",
        "is an acronym of ",
    ]
    .iter()
    .find(|l| rest.starts_with(*l))?;
    let body_at = rest_start + skipped + lead.len();
    let body = &prose[body_at..];
    let body = body.strip_prefix("the ").unwrap_or(body);
    let body_at = prose.len() - body.len();
    let trimmed = body.trim_start_matches(is_markup);
    let long_at = body_at + (body.len() - trimmed.len());
    let end = trimmed
        .find(['.', ';', ':', '(', '\n', '!', '?'])
        .unwrap_or(trimmed.len());
    let clause = trimmed[..end].trim_end();
    let fits = |long: &str| {
        initials_match(&letters(short), long) == Some(0) || schwartz_hearst(short, long) == Some(0)
    };
    // "... interface, a text interface": an apposition after a comma is not the expansion,
    // but a comma inside it can be ("Tom's Obvious, Minimal Language"): the shortest run of
    // comma-separated parts that the letters fit.
    let mut long = None;
    for (at, _) in clause
        .match_indices(',')
        .chain(std::iter::once((clause.len(), "")))
    {
        let candidate = clause[..at].trim_end_matches(is_markup);
        if fits(candidate) {
            long = Some(candidate);
            break;
        }
    }
    let long = long?;
    if long.split_whitespace().count() > letters(short).len() + 4 {
        return None;
    }
    Some(Definition {
        short: short.to_string(),
        written: written.to_string(),
        long: normalize_space(long),
        short_range: short_at..short_at + short.len(),
        long_range: long_at..long_at + long.len(),
        kind: DefinitionKind::Glossary,
        fits: true,
    })
}
