use crate::analysis::initials::{near_miss, Mismatch};
use crate::analysis::DefinitionKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a definition "Long Form (LF)" whose acronym is one step off the initials of the
    /// words before it: one letter differs from its word's initial (and does not occur inside
    /// that word), or two neighbouring letters are swapped. Small words ("of", "in", "the",
    /// "and") may give a letter or be skipped, as acronyms do. Acronyms that are English words
    /// ("RESOLVE Act") and acronyms that leave out a word ("National Institute of Child Health
    /// and Human Development (NICHD)") are not reported: real acronyms do both.
    ///
    /// The rule is deliberately narrow: acronyms that take letters from inside words
    /// ("peacekeeping operation (PKO)", "Nuclear Nonproliferation Treaty (NPT)") and
    /// foreign-language acronyms ("UN Multidimensional Integrated Stabilization Mission in Mali
    /// (MINUSMA)") are not reported.
    ///
    /// ## Why is this bad?
    /// Either the acronym or the expansion is wrong, and readers will carry the wrong one
    /// through the rest of the document.
    ///
    /// ## Example
    /// ```text
    /// China had contributed formed police units (FPC) since 2004.
    /// ```
    /// Use instead:
    /// ```text
    /// China had contributed formed police units (FPU) since 2004.
    /// ```
    ///
    /// ## How to silence it
    /// Correct the acronym or the expansion, or ignore the rule with `--ignore ACR004`.
    pub struct AcronymExpansionMismatch {
        code: "ACR004",
        name: "acronym-expansion-mismatch",
        severity: Warning,
        fix: None,
        summary: "acronym letters do not fit its expansion",
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let prose = cx.doc.prose.as_str();
    // (acronym, text before it) pairs already found to fit: a document may repeat one
    // definition thousands of times.
    let mut fitting: std::collections::HashSet<(&str, &str)> = Default::default();
    for def in &cx.analysis.definitions {
        if def.kind != DefinitionKind::LongThenShort {
            continue;
        }
        let short = &def.short;
        // The text before the parenthesis, in the same sentence.
        let sentence_start = cx
            .analysis
            .sentence_at(def.short_range.start)
            .map_or(0, |i| cx.analysis.sentences[i].range.start);
        let open = prose[..def.short_range.start]
            .rfind(['(', '['])
            .unwrap_or(0);
        let base = last_words_start(prose, sentence_start.min(open), open);
        let before = &prose[base..open];
        if fitting.contains(&(short.as_str(), before)) {
            continue;
        }
        let Some(miss) = near_miss(short, before) else {
            fitting.insert((short, before));
            continue;
        };
        let long_start = base + miss.words[0].0;
        let long_end = base + before.trim_end().len();
        let long = cx
            .text(long_start..long_end)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let spelled: String = miss.initials.iter().collect();
        let letters: Vec<char> = short.chars().collect();
        let (why, suggestion) = match miss.mismatch {
            Mismatch::Substitution { position } => (
                format!(
                    "letter {} of '{short}' is '{}', but the word it stands for, \"{}\", starts with '{}'",
                    position + 1,
                    letters[position],
                    miss.words[position].1,
                    miss.initials[position]
                ),
                format!("'{spelled}'"),
            ),
            Mismatch::Transposition { position } => (
                format!(
                    "letters {} and {} of '{short}' are in the opposite order to the words they stand for",
                    position + 1,
                    position + 2
                ),
                format!("'{spelled}'"),
            ),
        };
        out.push(
            Finding::new(
                def.short_range.clone(),
                format!("the letters of '{short}' do not fit its expansion \"{long}\""),
            )
            .with_label(format!("the expansion's initials spell '{spelled}'"))
            .with_secondary(long_start..long_end, "expansion")
            .with_note(why)
            .with_help(format!(
                "correct the acronym (perhaps {suggestion}) or the expansion"
            )),
        );
    }
}

/// The most words before a definition's parenthesis that are compared with its letters: an
/// acronym has at most eight, and small words between them are few. Reading no further keeps a
/// sentence of 40,000 definitions linear.
const MAX_WORDS_BEFORE: usize = 64;

/// Where the last [`MAX_WORDS_BEFORE`] words of `prose[from..to]` start (a char boundary).
fn last_words_start(prose: &str, from: usize, to: usize) -> usize {
    let bytes = prose.as_bytes();
    let (mut i, mut words, mut in_word) = (to, 0, false);
    while i > from {
        let space = bytes[i - 1].is_ascii_whitespace();
        if !space && !in_word {
            words += 1;
            if words > MAX_WORDS_BEFORE {
                // Just after the space that ends the word before the window.
                return i;
            }
        }
        in_word = !space;
        i -= 1;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_before_are_bounded() {
        let many = "word ".repeat(100);
        let text = format!("{many}(ABC)");
        let open = text.find('(').unwrap();
        let start = last_words_start(&text, 0, open);
        assert_eq!(
            text[start..open].split_whitespace().count(),
            MAX_WORDS_BEFORE
        );
        assert_eq!(last_words_start("a b (X)", 0, 4), 0);
    }
}
