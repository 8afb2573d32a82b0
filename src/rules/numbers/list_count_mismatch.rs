use crate::analysis::{BlockKind, TokenKind};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports an announced count ("the following three factors:", "two reasons:") that
    /// differs from the number of list items that follow. The announcement is a count among
    /// the last four words before a colon that ends its paragraph; the items are the list items
    /// right after it (Markdown `-`, `*`, `1.` items, bullet characters, and the "o " or glyph
    /// bullets that survive in text copied out of a PDF), at the indentation of the first.
    ///
    /// When no explicit list item follows the colon (bullet-less paragraphs), or the items
    /// fall short and a plain paragraph follows them (a bullet may have been lost in
    /// extraction), the rule says nothing: where such a list ends is a guess.
    ///
    /// ## Why is this bad?
    /// A list that promises three items and gives two has lost one in editing, or gained one
    /// the introduction does not cover.
    ///
    /// ## Example
    /// ```text
    /// China's involvement is driven by the following three factors:
    /// - prestige;
    /// - operational experience.
    /// ```
    /// Use instead: add the missing factor or say "two factors".
    ///
    /// ## How to silence it
    /// Make the count and the list agree, or ignore the rule with `--ignore NUM004`.
    pub struct ListCountMismatch {
        code: "NUM004",
        name: "list-count-mismatch",
        severity: Warning,
        fix: None,
        summary: "an announced count differs from the items that follow",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let prose = cx.doc.prose.as_str();
    for (bi, b) in a.blocks.iter().enumerate() {
        let text = prose[b.range.clone()].trim_end();
        if !text.ends_with(':') || b.kind == BlockKind::TableRow {
            continue;
        }
        let colon = b.range.start + text.len() - 1;
        // The count: a quantity among the last four words before the colon, followed by a
        // plural noun.
        let words_before: Vec<_> = a.tokens[..a.tokens.partition_point(|t| t.start() < colon)]
            .iter()
            .rev()
            .take_while(|t| t.start() >= b.range.start)
            .filter(|t| t.kind() == TokenKind::Word || t.kind() == TokenKind::Number)
            .take(4)
            .collect();
        let from = a
            .quantities
            .partition_point(|q| q.range.start < b.range.start);
        // The announcing sentence: from the last sentence end before the colon.
        let sentence_start = prose[b.range.start..colon]
            .rfind(". ")
            .map_or(b.range.start, |i| b.range.start + i + 2);
        // Whether the sentence points at the list after a count: "listed below", "as follows".
        let points = |q: &crate::analysis::Quantity| {
            let rest = &prose[q.range.end..colon];
            ["following", "below", "listed", "follows", "namely"]
                .iter()
                .any(|w| rest.contains(w))
        };
        let counts: Vec<_> = a.quantities[from..]
            .iter()
            .take_while(|q| q.range.start < colon)
            .filter(|q| q.range.start >= sentence_start)
            .filter(|q| {
                q.high.is_none()
                    && !q.percent
                    && q.qualifier.is_none()
                    && (1.0..=20.0).contains(&q.value)
                    && q.value.fract() == 0.0
            })
            .collect();
        let near =
            |q: &crate::analysis::Quantity| words_before.iter().any(|t| t.start() == q.range.start);
        // Further back than the last four words, a count announces the list only when it is
        // the sentence's one count and the sentence points at the list ("financed three
        // projects, listed below:"; not "nine planned Increment 2 battalions ... as follows:").
        let Some(q) = counts
            .iter()
            .find(|q| near(q))
            .or_else(|| {
                (counts.len() == 1)
                    .then(|| &counts[0])
                    .filter(|q| points(q))
            })
            .copied()
        else {
            continue;
        };
        // The noun counted: the last word before the colon ("three factors:"), else, when the
        // sentence points at the list, the word after the count ("three projects, listed
        // below:"). "the preceding two examples are:" counts something else.
        let between = &prose[q.range.end..colon];
        let last = between.split_whitespace().last().unwrap_or("");
        let noun = if last.ends_with('s') && last != "follows" {
            last
        } else if points(q) {
            between.split_whitespace().next().unwrap_or("")
        } else {
            continue;
        }
        .trim_end_matches([',', ';']);
        if !noun.ends_with('s') || noun.len() < 4 || !noun.chars().all(char::is_lowercase) {
            continue;
        }
        // A count after a capitalised word is a label: "Increment 2 battalions", "Phase 3".
        let prev_word = prose[sentence_start..q.range.start]
            .split_whitespace()
            .last();
        if !near(q) && prev_word.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        // "two of the following:", "at least three of these:": a part, or a floor.
        let before = &prose[sentence_start..q.range.start];
        let after_q = prose[q.range.end..colon]
            .split_whitespace()
            .next()
            .unwrap_or("");
        if after_q == "of"
            || before.trim_end().ends_with("at least")
            || before.trim_end().ends_with("at most")
        {
            continue;
        }
        // The list items right after it.
        let items: Vec<_> = a.blocks[bi + 1..]
            .iter()
            .take_while(|n| n.kind == BlockKind::ListItem)
            .collect();
        let Some(first) = items.first() else { continue };
        let indent = |r: &std::ops::Range<usize>| {
            let line_start = prose[..r.start].rfind('\n').map_or(0, |i| i + 1);
            r.start - line_start
        };
        let level = indent(&first.range);
        // Nested items: which level the count counts is a guess.
        if items.iter().any(|i| indent(&i.range) != level) {
            continue;
        }
        let count = items.len();
        // A page break after the items (a form feed in text taken from a PDF): the list may
        // go on on the next page.
        let last_end = items.last().map_or(first.range.end, |l| l.range.end);
        let next_start = a
            .blocks
            .get(bi + 1 + items.len())
            .map_or(cx.doc.file.text.len(), |n| n.range.start);
        if cx.doc.file.text[last_end..next_start].contains('\u{c}') {
            continue;
        }
        let announced = q.value as usize;
        if count == announced {
            continue;
        }
        // Fewer items, and a paragraph right after them: a bullet may have been lost in
        // extraction ("o Training. ..." then "Legal finish. ..."); too ambiguous to report.
        let after = a.blocks.get(bi + 1 + items.len());
        let plain_text = cx.doc.format.guesses_structure();
        if plain_text && count < announced && after.is_some_and(|n| n.kind == BlockKind::Paragraph)
        {
            continue;
        }
        let announced_text = cx.text(q.range.clone()).to_string();
        out.push(
            Finding::new(
                q.range.clone(),
                format!("'{announced_text} {noun}' are announced but {count} follow"),
            )
            .with_label(format!("{announced} announced"))
            .with_secondary(
                first.range.start..items.last().map_or(first.range.end, |l| l.range.end),
                format!("{count} listed"),
            )
            .with_help("make the count and the list agree"),
        );
    }
}
