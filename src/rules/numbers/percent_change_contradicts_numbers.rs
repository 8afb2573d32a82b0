use super::{in_sentence, short};
use crate::analysis::{Qualifier, TokenKind};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

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

impl Rule for PercentChangeContradictsNumbers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let a = cx.analysis;
        let prose = cx.doc.prose.as_str();
        for si in 0..a.sentences.len() {
            let qs = in_sentence(a, si);
            let percents: Vec<_> = qs
                .iter()
                .filter(|q| q.percent && q.high.is_none())
                .collect();
            // "from X to Y": a range quantity right after "from".
            let spans: Vec<_> = qs
                .iter()
                .filter(|q| {
                    !q.percent
                        && q.high.is_some()
                        && cx.text(q.range.clone()).contains(" to ")
                        && prose[..q.range.start]
                            .trim_end()
                            .to_lowercase()
                            .ends_with("from")
                })
                .collect();
            let ([p], [span]) = (percents.as_slice(), spans.as_slice()) else {
                continue;
            };
            let (from, to) = (span.value, span.high.unwrap_or(span.value));
            if from == 0.0 {
                continue;
            }
            let words: Vec<String> = a.tokens[a.sentences[si].tokens.clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| prose[t.range.clone()].to_lowercase())
                .collect();
            let up = words.iter().any(|w| UP.contains(&w.as_str()));
            let down = words.iter().any(|w| DOWN.contains(&w.as_str()));
            if up == down {
                continue; // no direction, or both: not a percent-change claim we can read
            }
            let change = (to - from) / from * 100.0;
            let said = if up { p.value } else { -p.value };
            let decimals = cx
                .text(p.range.clone())
                .split_once('.')
                .map_or(0, |(_, d)| d.chars().filter(char::is_ascii_digit).count());
            let mut tol = (0.5 * 10f64.powi(-(decimals as i32))).max(1.0);
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
                Finding::new(p.range.clone(), format!(
                    "{} does not follow from {} to {}: ({} − {}) / {} = {}%, {direction} of {}%",
                    cx.text(p.range.clone()),
                    short(from), short(to), short(to), short(from), short(from), short(change), short(change.abs())
                ))
                .with_label(format!("the numbers give {}%", short(change.abs())))
                .with_secondary(span.range.clone(), "the numbers compared")
                .with_help("correct the percentage or one of the numbers"),
            );
        }
    }
}
