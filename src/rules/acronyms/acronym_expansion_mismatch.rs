use crate::analysis::definitions::SMALL_WORDS;
use crate::analysis::DefinitionKind;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a definition "Long Form (LF)" whose expansion has one word per letter of the
    /// acronym, and whose word initials differ from the acronym in exactly one place (or by two
    /// neighbouring letters swapped), where the acronym's letter does not occur in that word.
    /// Small words ("of", "in", "the", "and") are skipped, as acronyms skip them.
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

impl Rule for AcronymExpansionMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let prose = cx.doc.prose.as_str();
        for def in &cx.analysis.definitions {
            if def.kind != DefinitionKind::LongThenShort {
                continue;
            }
            let short = &def.short;
            let n = short.chars().count();
            if !(3..=8).contains(&n) || !short.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            // The words just before the parenthesis, in the same sentence.
            let sentence_start = cx
                .analysis
                .sentence_at(def.short_range.start)
                .map_or(0, |i| cx.analysis.sentences[i].range.start);
            let open = prose[..def.short_range.start].rfind('(').unwrap_or(0);
            let before = &prose[sentence_start.min(open)..open];
            let Some(words) = last_significant_words(before, n) else {
                continue;
            };
            let initials: Vec<char> = words
                .iter()
                .filter_map(|(_, w)| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            let letters: Vec<char> = short.chars().collect();
            let Some(position) = single_mismatch(&letters, &initials, &words) else {
                continue;
            };
            let start = sentence_start.min(open) + words[0].0;
            let end = open;
            let long = before[words[0].0..].trim_end();
            let long: String = long.split_whitespace().collect::<Vec<_>>().join(" ");
            let expected: String = initials.iter().collect();
            out.push(
                Finding::new(
                    def.short_range.clone(),
                    format!("the letters of '{short}' do not fit its expansion \"{long}\""),
                )
                .with_label(format!("the expansion's initials spell '{expected}'"))
                .with_secondary(start..prose[..end].trim_end().len(), "expansion")
                .with_note(format!(
                    "letter {} of '{short}' is '{}', but the word it stands for, \"{}\", starts with '{}'",
                    position + 1,
                    letters[position],
                    words[position].1,
                    initials[position]
                ))
                .with_help(format!(
                    "correct the acronym (perhaps '{expected}') or the expansion"
                )),
            );
        }
    }
}

/// The last `n` words of `text` that are not small words, each with its offset, provided they
/// are all letters (hyphens and apostrophes allowed) and share one case style: all capitalised
/// or all lower case.
fn last_significant_words(text: &str, n: usize) -> Option<Vec<(usize, &str)>> {
    let all: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut words: Vec<(usize, &str)> = Vec::new();
    for &(offset, w) in all.iter().rev() {
        if SMALL_WORDS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        {
            return None;
        }
        words.push((offset, w));
        if words.len() == n {
            break;
        }
    }
    if words.len() < n {
        return None;
    }
    words.reverse();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let all_caps = words.iter().all(|(_, w)| capitalised(w));
    let all_lower = words.iter().all(|(_, w)| !capitalised(w));
    (all_caps || all_lower).then_some(words)
}

/// The position where the initials differ from the acronym, when they differ in exactly one
/// letter that the word does not contain elsewhere, or by one swap of neighbours.
fn single_mismatch(letters: &[char], initials: &[char], words: &[(usize, &str)]) -> Option<usize> {
    if letters.len() != initials.len() || letters == initials {
        return None;
    }
    let diffs: Vec<usize> = (0..letters.len())
        .filter(|&i| letters[i] != initials[i])
        .collect();
    match diffs.as_slice() {
        [i] => {
            let inside = words[*i]
                .1
                .chars()
                .skip(1)
                .any(|c| c.to_uppercase().eq(std::iter::once(letters[*i])));
            (!inside).then_some(*i)
        }
        [i, j] if *j == i + 1 && letters[*i] == initials[*j] && letters[*j] == initials[*i] => {
            Some(*i)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mismatch(text: &str, short: &str) -> Option<usize> {
        let letters: Vec<char> = short.chars().collect();
        let words = last_significant_words(text, letters.len())?;
        let initials: Vec<char> = words
            .iter()
            .filter_map(|(_, w)| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        single_mismatch(&letters, &initials, &words)
    }

    #[test]
    fn fires_on_one_wrong_letter() {
        assert_eq!(mismatch("contributed formed police units", "FPC"), Some(2));
        assert_eq!(mismatch("the People’s Liberation Army", "PLN"), Some(2));
    }

    #[test]
    fn quiet_on_fitting_or_unrelated() {
        assert_eq!(mismatch("contributed formed police units", "FPU"), None);
        assert_eq!(mismatch("the Nuclear Nonproliferation Treaty", "NPT"), None);
        assert_eq!(mismatch("to support a peacekeeping operation", "PKO"), None);
        assert_eq!(
            mismatch(
                "to the UN Multidimensional Integrated Stabilization Mission in Mali",
                "MINUSMA"
            ),
            None
        );
        assert_eq!(mismatch("the Gulf of Aden", "GOA"), None);
    }
}
