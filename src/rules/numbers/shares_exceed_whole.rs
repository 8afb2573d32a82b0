use super::{sentences_with_quantities, short};
use crate::analysis::words::is_one_of;
use crate::analysis::Qualifier;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use std::collections::BTreeMap;

declare_rule! {
    /// ## What it does
    /// Reports shares of one whole that add up to more than 100% (101% is allowed for
    /// rounding). The shares are percentages in one sentence each followed by "of" and the same
    /// noun ("45% of the budget ... 40% of the budget ... 25% of the budget"), in a sentence
    /// that says they divide it ("took", "accounted for", "split", "share"). Shares of
    /// different wholes ("45% of the budget, 70% of the staff"), separate statistics about one
    /// population ("86% of families said ..."), upper bounds ("less than 30%"), ranges and 100%
    /// are not added.
    ///
    /// ## Why is this bad?
    /// Parts that exceed their whole mean one of them is wrong, or they are not parts of the
    /// same whole and the sentence says they are.
    ///
    /// ## Example
    /// ```text
    /// Personnel took 55% of the budget, operations 35% of the budget and equipment 20% of the
    /// budget.
    /// ```
    /// 55% + 35% + 20% = 110%.
    ///
    /// ## How to silence it
    /// Correct the shares, or ignore the rule with `--ignore NUM003`.
    pub struct SharesExceedWhole {
        code: "NUM003",
        name: "shares-exceed-whole",
        severity: Error,
        fix: None,
        summary: "shares of one whole add up to more than 100%",
    }
}

const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "all", "total"];

/// Words that say the percentages divide a whole ("took", "accounted for", "split"); without
/// one, percentages of one population are usually separate statistics ("86% of families said
/// ..., 89% of families said ...").
const PARTITION_WORDS: &[&str] = &[
    "take",
    "handle",
    "handled",
    "handles",
    "carried",
    "carries",
    "held",
    "holds",
    "owned",
    "owns",
    "controlled",
    "controls",
    "represented",
    "represents",
    "constitute",
    "constitutes",
    "supplied",
    "supplies",
    "accounted",
    "account",
    "accounts",
    "share",
    "shares",
    "went",
    "goes",
    "took",
    "takes",
    "spent",
    "spending",
    "split",
    "allocated",
    "allocation",
    "divided",
    "comprised",
    "comprising",
    "consisted",
    "portion",
    "remaining",
    "rest",
    "balance",
    "makes",
    "made",
    "breakdown",
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let prose = cx.doc.prose.as_str();
    for (si, qs) in sentences_with_quantities(a) {
        // Two percentages first, the cheaper test: most sentences have none.
        if qs.iter().filter(|q| q.percent).nth(1).is_none() {
            continue;
        }
        let partition = a.tokens[a.sentences[si].tokens.clone()]
            .iter()
            .any(|t| is_one_of(&prose[t.range()], PARTITION_WORDS));
        if !partition {
            continue;
        }
        let mut wholes: BTreeMap<String, Vec<&crate::analysis::Quantity>> = BTreeMap::new();
        for q in qs {
            // A 100% share is the whole, not a part of it.
            if !q.percent || q.high.is_some() || q.value >= 100.0 {
                continue;
            }
            if q.qualifier.as_ref().is_some_and(|(k, _)| {
                matches!(
                    k,
                    Qualifier::LessThan | Qualifier::AtMost | Qualifier::Nearly
                )
            }) {
                continue;
            }
            let mut words = prose[q.range.end..a.sentences[si].range.end].split_whitespace();
            if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
                continue;
            }
            let mut w = words.next().unwrap_or("").to_lowercase();
            if DETERMINERS.contains(&w.as_str()) {
                w = words.next().unwrap_or("").to_lowercase();
            }
            let head: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            if head.is_empty() {
                continue;
            }
            wholes.entry(head).or_default().push(q);
        }
        for (whole, shares) in wholes {
            if shares.len() < 2 {
                continue;
            }
            let mut sum = 0.0;
            for (i, q) in shares.iter().enumerate() {
                sum += q.value;
                if sum > 101.0 {
                    let terms: Vec<String> = shares[..=i]
                        .iter()
                        .map(|q| format!("{}%", short(q.value)))
                        .collect();
                    out.push(
                        Finding::new(
                            q.range.clone(),
                            format!("shares of the {whole} add up to {}%", short(sum)),
                        )
                        .with_label("this share takes the sum past 100%")
                        .with_secondary(shares[0].range.clone(), "first share")
                        .with_note(format!("{} = {}%", terms.join(" + "), short(sum)))
                        .with_help("correct a share, or say what whole each is a share of"),
                    );
                    break;
                }
            }
        }
    }
}
