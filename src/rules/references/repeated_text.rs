use crate::analysis::BlockKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a paragraph of ten words or more, or a line holding only a URL, pasted twice in
    /// a row (white space aside). Notes are left alone: consecutive notes legitimately cite the
    /// same source. Repeats further apart are not reported: reports repeat figure sources and
    /// key sentences on purpose.
    ///
    /// ## Why is this bad?
    /// A pasted-twice URL or paragraph is an editing slip that a reader notices at once.
    ///
    /// ## Example
    /// ```text
    /// http://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders.html
    /// http://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders.html
    /// ```
    /// Use instead: delete the second line.
    ///
    /// ## How to silence it
    /// Delete the repetition, or ignore the rule with `--ignore REF003`.
    pub struct RepeatedText {
        code: "REF003",
        name: "repeated-text",
        severity: Warning,
        fix: None,
        summary: "a line or paragraph repeated verbatim",
    }
}

const MIN_WORDS: usize = 10;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let text = cx.doc.text();
    // Lines are the prose mask's: the text's, and in HTML those its block elements make.
    let prose = cx.doc.prose.as_str();
    let line_start_of = |at: usize| prose[..at].rfind('\n').map_or(0, |i| i + 1);
    let words = |r: &std::ops::Range<usize>| text[r.clone()].split_whitespace();
    // The block before, and the first block of the run of copies it belongs to. Blocks are
    // compared word by word where they stand: nothing is copied or kept.
    let mut previous: Option<(std::ops::Range<usize>, std::ops::Range<usize>)> = None;
    for b in &cx.analysis.blocks {
        if matches!(b.kind, BlockKind::Heading | BlockKind::TableRow) {
            previous = None;
            continue;
        }
        // A note after its (masked) label, "<FN35> ..." or "[^3]: ...": consecutive notes
        // legitimately cite the same source.
        let line_start = line_start_of(b.range.start);
        if !text[line_start..b.range.start].trim().is_empty() {
            previous = None;
            continue;
        }
        // A paragraph pasted twice in a row.
        let mut run_start = b.range.clone();
        if let Some((prev, first)) = previous.take() {
            if words(&prev).eq(words(&b.range)) {
                if words(&b.range).nth(MIN_WORDS - 1).is_some() {
                    out.push(
                        Finding::new(
                            b.range.clone(),
                            "this paragraph repeats one written earlier, word for word",
                        )
                        .with_label("repeated")
                        .with_secondary(first.clone(), "first written here")
                        .with_help("delete the repetition"),
                    );
                }
                run_start = first;
            }
        }
        previous = Some((b.range.clone(), run_start));
    }
    // Lines that hold only a URL (not prose, so not in any block), pasted twice in a row.
    let mut previous_url: Option<(usize, &str)> = None;
    for url in &cx.doc.urls {
        let line_start = line_start_of(url.start);
        let line_end = prose[url.end..]
            .find('\n')
            .map_or(text.len(), |i| url.end + i);
        let line = &text[line_start..line_end];
        let this = &text[url.clone()];
        if line.trim().trim_end_matches(['.', ',']) != this || url.len() < 20 {
            previous_url = None;
            continue;
        }
        if let Some((end, prev)) = previous_url {
            // In HTML, the tags between the two lines are not read.
            let between = if cx.doc.format == crate::source::Format::Html {
                prose
            } else {
                text
            };
            if prev == this && between[end..line_start].trim().is_empty() {
                out.push(
                    Finding::new(
                        url.clone(),
                        "this URL line repeats the one before it, word for word",
                    )
                    .with_label("repeated")
                    .with_help("delete the repetition"),
                );
            }
        }
        previous_url = Some((line_end, this));
    }
    out.sort_by_key(|f| f.range.start);
}
