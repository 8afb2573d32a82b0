use super::{from_to, sentences_with_quantities, short};
use crate::analysis::words::is_one_of;
use crate::analysis::{Qualifier, TokenKind};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Checks a percent change against the two numbers it is about, in one sentence: "rose
    /// (by) 40% from 50 to 80", "from 50 to 80, a 40% increase". The change is (to − from) /
    /// from × 100, and must agree with the percentage within one percentage point (or at the
    /// precision written; ±10% of it after "about"). A rise that goes down, or a fall that goes
    /// up, contradicts too.
    ///
    /// ## Why is this bad?
    /// Readers quote the percentage; if it does not follow from the numbers, one of the three
    /// is wrong.
    ///
    /// ## Example
    /// ```text
    /// Contributions rose 40% from 50 to 80 battalions.
    /// ```
    /// (80 − 50) / 50 = 60%. Use instead: "rose 60%".
    ///
    /// ## How to silence it
    /// Correct the numbers, or ignore the rule with `--ignore NUM002`.
    pub struct PercentChangeContradictsNumbers {
        code: "NUM002",
        name: "percent-change-contradicts-numbers",
        severity: Error,
        fix: None,
        summary: "a percent-change claim contradicts its numbers",
    }
}

const UP: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "increased",
    "increase",
    "increases",
    "grew",
    "grown",
    "growth",
    "climbed",
    "jumped",
    "gain",
    "gained",
    "up",
];
const DOWN: &[&str] = &[
    "fell",
    "fallen",
    "fall",
    "falls",
    "declined",
    "decline",
    "declines",
    "dropped",
    "drop",
    "decreased",
    "decrease",
    "shrank",
    "cut",
    "reduction",
    "down",
    "lower",
];

/// Whether `w` (any case) says which way a change went.
fn is_change_word(w: &str) -> bool {
    is_one_of(w, UP) || is_one_of(w, DOWN)
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let prose = cx.doc.prose.as_str();
    for (si, qs) in sentences_with_quantities(a) {
        let spans = from_to(a, prose, qs);
        if spans.is_empty() {
            continue;
        }
        let percents: Vec<_> = qs
            .iter()
            .filter(|q| q.percent && q.high.is_none())
            .collect();
        for (pi, p) in percents.iter().enumerate() {
            // The change it speaks of: the first "from ... to ..." after it, before the next
            // percentage; or the last one before it ("from 1,200 to 900, a 20% decline").
            let next_p = percents.get(pi + 1).map_or(usize::MAX, |n| n.range.start);
            let prev_p = pi.checked_sub(1).map_or(0, |i| percents[i].range.end);
            let words_between =
                |a: usize, b: usize| prose[a.min(b)..b.max(a)].split_whitespace().count();
            let change_noun = prose[p.range.end..]
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .is_some_and(is_change_word);
            let span = spans
                .iter()
                .find(|s| {
                    s.range.start >= p.range.end
                        && s.range.start < next_p
                        && words_between(p.range.end, s.range.start) <= 2
                })
                .or_else(|| {
                    spans.iter().rev().find(|s| {
                        s.range.end <= p.range.start
                            && s.range.start >= prev_p
                            && change_noun
                            && words_between(s.range.end, p.range.start) <= 3
                    })
                });
            let Some(span) = span else { continue };
            let (from, to) = (span.from, span.to);
            if from == 0.0 {
                continue;
            }
            // The direction: the change word nearest the percentage.
            let lo = p.range.start.min(span.range.start).saturating_sub(40);
            let hi = (p.range.end.max(span.range.end) + 30).min(prose.len());
            let nearest = a.tokens[a.sentences[si].tokens.clone()]
                .iter()
                .filter(|t| t.kind() == TokenKind::Word && t.start() >= lo && t.end() <= hi)
                .map(|t| (t.start().abs_diff(p.range.start), &prose[t.range()]))
                .filter(|&(_, w)| is_change_word(w))
                .min_by_key(|&(d, _)| d);
            let Some((_, word)) = nearest else { continue };
            let up = is_one_of(word, UP);
            let change = (to - from) / from * 100.0;
            let said = if up { p.value } else { -p.value };
            let decimals = cx
                .text(p.range.clone())
                .split_once('.')
                .map_or(0, |(_, d)| d.chars().filter(char::is_ascii_digit).count());
            // At the precision written: "150%" is 150 to two significant figures (±5).
            let magnitude = p.value.abs().max(1.0).log10().floor() as i32;
            let unit = p
                .significant
                .map_or(1.0, |sig| 10f64.powi(magnitude - sig as i32 + 1));
            let mut tol = (0.5 * 10f64.powi(-(decimals as i32)))
                .max(1.0)
                .max(unit / 2.0);
            if p.qualifier
                .as_ref()
                .is_some_and(|(k, _)| *k == Qualifier::Approximately)
            {
                tol = tol.max(0.1 * p.value.abs()).max(2.0);
            }
            if (change - said).abs() <= tol {
                continue;
            }
            let direction = if change >= 0.0 { "a rise" } else { "a fall" };
            out.push(
                Finding::new(
                    p.range.clone(),
                    format!(
                        "{} does not follow from {} to {}: ({} − {}) / {} = {}%, {direction} of {}%",
                        cx.text(p.range.clone()),
                        short(from),
                        short(to),
                        short(to),
                        short(from),
                        short(from),
                        short(change),
                        short(change.abs())
                    ),
                )
                .with_label(format!("the numbers give {}%", short(change.abs())))
                .with_secondary(span.range.clone(), "the numbers compared")
                .with_help("correct the percentage or one of the numbers"),
            );
        }
    }
}
