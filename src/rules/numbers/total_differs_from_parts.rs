use super::{sentences_with_quantities, short};
use crate::analysis::{Analysis, Quantity};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a stated total that is not the sum of its parts, in one sentence: "$2.1 billion
    /// in grants and $0.9 billion in loans, a total of $3.5 billion". The sentence must say
    /// that the parts make up the total: the parts, joined by "and", come before "a total
    /// of", "totaling", "combined" or "together" and the total after it ("250 structures in
    /// all" has the phrase after the total, "in all", "in total", "combined"); or the total
    /// comes first and "of which" introduces the parts (then only parts that exceed the total
    /// are reported, as the parts named may be some of them).
    ///
    /// Parts and total must be of one unit: all money in the same currency, or all plain
    /// counts; percentages are never added (that is NUM003's). The sum is compared at the
    /// precision written, each number allowed half a unit of its last digit for rounding
    /// ("1.26 + 1.26 = 2.5" agrees). Approximate numbers ("about", "more than") and ranges are
    /// not added.
    ///
    /// ## Why is this bad?
    /// One of the numbers is wrong, or a part is missing from the sentence; the reader cannot
    /// tell which.
    ///
    /// ## Example
    /// ```text
    /// The program awarded $2.1 billion in grants and $0.9 billion in loans, a total of $3.5 billion.
    /// ```
    /// $2.1 billion + $0.9 billion = $3.0 billion. Use instead the right total, or name the
    /// missing part.
    ///
    /// ## How to silence it
    /// Correct the numbers, or ignore the rule with `--ignore NUM006`.
    pub struct TotalDiffersFromParts {
        code: "NUM006",
        name: "total-differs-from-parts",
        severity: Warning,
        fix: None,
        summary: "a stated total that is not the sum of its parts",
    }
}

/// Phrases that put the total after them, as lower-case word sequences.
const TOTAL_AFTER: &[&[&str]] = &[
    &["a", "total", "of"],
    &["totaling"],
    &["totalling"],
    &["in", "all"],
    &["combined"],
    &["together"],
    &["altogether"],
];

/// Phrases that put the total before them ("250 structures in all"), one word allowed between.
const TOTAL_BEFORE: &[&[&str]] = &[
    &["in", "all"],
    &["in", "total"],
    &["combined"],
    &["altogether"],
    &["all", "told"],
];

/// The currency a quantity is written in ("$", "€", "£"), or "" for a plain count.
fn currency<'a>(cx: &Context<'a>, q: &Quantity) -> &'a str {
    let text = cx.doc.prose.as_str();
    let at = q.range.start;
    let c = text[at..].chars().next().unwrap_or(' ');
    // Quantities start at their digits; the sign, if any, is the token before.
    let before = text[..at].chars().next_back().unwrap_or(' ');
    if matches!(before, '$' | '€' | '£') {
        return &text[at - before.len_utf8()..at];
    }
    if matches!(c, '$' | '€' | '£') {
        return &text[at..at + c.len_utf8()];
    }
    ""
}

/// The digits of a quantity as written ("3.5" of "$3.5 billion").
fn digits<'a>(cx: &Context<'a>, a: &Analysis, q: &Quantity) -> &'a str {
    &cx.doc.prose[a.tokens[q.tokens.clone()]
        .iter()
        .find(|t| t.kind() == crate::analysis::TokenKind::Number)
        .map_or(q.range.clone(), |t| t.range())]
}

/// The sum written as the total is: its currency, its scale word, the most decimals any of the
/// numbers has ("$3.0 billion").
fn spoken_like(
    cx: &Context,
    a: &Analysis,
    total: &Quantity,
    parts: &[&Quantity],
    sum: f64,
) -> String {
    let d = digits(cx, a, total);
    let written: f64 = d.replace(',', "").parse().unwrap_or(total.value);
    if written == 0.0 {
        return short(sum);
    }
    let scale = total.value / written;
    let decimals = std::iter::once(total)
        .chain(parts.iter().copied())
        .map(|q| digits(cx, a, q).split_once('.').map_or(0, |(_, f)| f.len()))
        .max()
        .unwrap_or(0);
    let text = cx.text(total.range.clone());
    let after = text.find(d).map_or("", |at| &text[at + d.len()..]);
    let value = sum / scale;
    let number = if decimals == 0 && value.abs() >= 1000.0 {
        short(value)
    } else {
        format!("{value:.decimals$}")
    };
    format!("{}{number}{after}", currency(cx, total))
}

/// Half a unit of the last digit written: "3.5" is 3.45..3.55, "120" 119.5..120.5.
fn half_unit(cx: &Context, q: &Quantity, a: &Analysis) -> f64 {
    let digits = digits(cx, a, q);
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let written: f64 = digits.replace(',', "").parse().unwrap_or(q.value);
    // The scale word ("billion") multiplies the unit too.
    let scale = if written != 0.0 {
        q.value / written
    } else {
        1.0
    };
    0.5 * 10f64.powi(-decimals) * scale
}

fn plain(q: &Quantity) -> bool {
    q.qualifier.is_none() && q.high.is_none() && !q.percent && !q.in_words
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let prose = cx.doc.prose.as_str();
    let word = |i: usize| a.tokens.get(i).map_or("", |t| &prose[t.range()]);
    let lower = |i: usize| word(i).to_ascii_lowercase();
    for (si, qs) in sentences_with_quantities(a) {
        if qs.len() < 3 {
            continue;
        }
        let s = &a.sentences[si];
        for (k, total) in qs.iter().enumerate() {
            // The phrase right before the total (its currency sign aside).
            let first = if currency(cx, total).is_empty() {
                total.tokens.start
            } else {
                total.tokens.start - 1
            };
            let phrase = TOTAL_AFTER.iter().find(|p| {
                first >= s.tokens.start + p.len()
                    && p.iter()
                        .enumerate()
                        .all(|(j, w)| lower(first - p.len() + j) == *w)
            });
            let phrase_at = |at: usize, p: &&[&str]| {
                at + p.len() <= s.tokens.end
                    && p.iter().enumerate().all(|(j, w)| lower(at + j) == *w)
            };
            let end = total.range_end_token(a);
            let phrase = phrase.or_else(|| {
                TOTAL_BEFORE.iter().find(|p| {
                    phrase_at(end, p)
                        || (phrase_at(end + 1, p)
                            && a.tokens
                                .get(end)
                                .is_some_and(|t| t.kind() == crate::analysis::TokenKind::Word))
                })
            });
            let of_which = (0..qs.len()).contains(&(k + 1))
                && (total.tokens.end..qs[k + 1].tokens.start)
                    .any(|i| lower(i) == "of" && lower(i + 1) == "which");
            let (parts, exceed_only): (Vec<&Quantity>, bool) = if phrase.is_some() {
                // The parts run up to the phrase, joined by "and".
                (qs[..k].iter().collect(), false)
            } else if of_which {
                (qs[k + 1..].iter().collect(), true)
            } else {
                continue;
            };
            let unit = currency(cx, total);
            let mut parts: Vec<&Quantity> = parts
                .into_iter()
                .filter(|p| currency(cx, p) == unit && !is_year_like(p))
                .collect();
            // The parts are one run of numbers next to the total: at most a few words between
            // each and the next ("$2.1 billion in grants and $0.9 billion"), so that numbers
            // elsewhere in a long sentence ("due to 1) ... 2) ...") are not added.
            const GAP: usize = 10;
            if exceed_only {
                let mut prev = total.tokens.end;
                let run = parts
                    .iter()
                    .take_while(|p| {
                        let near = p.tokens.start.saturating_sub(prev) <= GAP;
                        prev = p.tokens.end;
                        near
                    })
                    .count();
                parts.truncate(run);
            } else {
                let mut next = first;
                let run = parts
                    .iter()
                    .rev()
                    .take_while(|p| {
                        let near = next.saturating_sub(p.tokens.end) <= GAP;
                        next = p.tokens.start;
                        near
                    })
                    .count();
                parts.drain(..parts.len() - run);
            }
            if parts.len() < 2 || !plain(total) || !parts.iter().all(|p| plain(p)) {
                continue;
            }
            // "and" between the last two parts: they are listed as one set.
            let (p1, p2) = (parts[parts.len() - 2], parts[parts.len() - 1]);
            let joined = (p1.tokens.end..p2.tokens.start).any(|i| lower(i) == "and");
            if !joined {
                continue;
            }
            let sum: f64 = parts.iter().map(|p| p.value).sum();
            let slack: f64 =
                parts.iter().map(|p| half_unit(cx, p, a)).sum::<f64>() + half_unit(cx, total, a);
            let wrong = if exceed_only {
                sum > total.value + slack
            } else {
                (sum - total.value).abs() > slack
            };
            if !wrong {
                continue;
            }
            let written: Vec<String> = parts
                .iter()
                .map(|p| {
                    cx.text(p.range.clone())
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let mut f = Finding::new(
                total.range.clone(),
                format!(
                    "{} = {}, not {}",
                    written.join(" + "),
                    spoken_like(cx, a, total, &parts, sum),
                    cx.text(total.range.clone())
                ),
            )
            .with_label(if exceed_only {
                "the parts exceed this total"
            } else {
                "stated total"
            })
            .with_help("correct the total or one of the parts, or name the missing part");
            for p in &parts {
                f = f.with_secondary(p.range.clone(), "part");
            }
            out.push(f);
            break;
        }
    }
}

/// A four-digit whole number from 1800 to 2100 written without a currency: more likely a year.
fn is_year_like(q: &Quantity) -> bool {
    q.value.fract() == 0.0 && (1800.0..=2100.0).contains(&q.value)
}
