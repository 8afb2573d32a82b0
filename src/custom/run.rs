//! Running custom rules over a document's analysis. All `pattern` rules are matched together
//! first (one `RegexSet` pass tells which can match at all), so hundreds of rules cost little
//! more than one.

use super::{CustomRule, Kind, Scope};
use crate::analysis::{Analysis, BlockKind};
use crate::diagnostic::{Finding, Fix};
use crate::source::Document;
use regex::{Captures, RegexSet};
use std::ops::Range;

/// From how many `pattern` rules on the one-pass `RegexSet` is used.
const SET_THRESHOLD: usize = 64;

/// The custom rules of a run, compiled once.
#[derive(Debug, Default)]
pub struct CustomRules {
    pub rules: Vec<CustomRule>,
    /// The `pattern` rules' regexes, in one set; `set_rules[i]` is the rule of pattern `i`.
    set: Option<RegexSet>,
    set_rules: Vec<usize>,
}

impl CustomRules {
    pub fn new(rules: Vec<CustomRule>) -> CustomRules {
        let mut patterns = Vec::new();
        let mut set_rules = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            if let Kind::Pattern { regex, ignore_case } = &r.kind {
                let flags = if *ignore_case { "(?i)" } else { "" };
                patterns.push(format!("{flags}{}", regex.as_str()));
                set_rules.push(i);
            }
        }
        // The individual regexes compiled, so the set does too; if it ever did not (size), the
        // rules still run one by one.
        // The set pays when most rules do not match a document (hundreds of house rules); a
        // set of a few dozen rules with Unicode word boundaries runs slower than the rules
        // themselves, because such a set cannot use the fast engines on non-ASCII text.
        let set = if patterns.len() < SET_THRESHOLD {
            None
        } else {
            RegexSet::new(&patterns).ok()
        };
        CustomRules {
            rules,
            set,
            set_rules,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Findings of every rule accepted by `enabled`, as (rule index, finding).
    pub fn check(
        &self,
        doc: &Document,
        a: &Analysis,
        enabled: &dyn Fn(&CustomRule) -> bool,
    ) -> Vec<(usize, Finding)> {
        let prose = doc.prose.as_str();
        let mut out = Vec::new();
        // Which pattern rules can match at all: one pass for all of them.
        let mut candidates = vec![true; self.rules.len()];
        if let Some(set) = &self.set {
            let hits = set.matches(prose);
            for (k, &ri) in self.set_rules.iter().enumerate() {
                candidates[ri] = hits.matched(k);
            }
        }
        for (ri, rule) in self.rules.iter().enumerate() {
            if !candidates[ri] || !enabled(rule) {
                continue;
            }
            match &rule.kind {
                Kind::Pattern { regex, .. } => {
                    for caps in regex.captures_iter(prose) {
                        let Some(m) = caps.get(0) else { continue };
                        if m.as_str().is_empty() || !in_scope(a, rule.scope, m.range()) {
                            continue;
                        }
                        out.push((ri, Finding::new(m.range(), rule.render(Some(&caps)))));
                    }
                }
                Kind::Substitution { swaps } => {
                    for (re, right) in swaps {
                        for caps in re.captures_iter(prose) {
                            let Some(m) = caps.get(0) else { continue };
                            if m.as_str().is_empty() || !in_scope(a, rule.scope, m.range()) {
                                continue;
                            }
                            let fix = match_case(m.as_str(), &expand(right, &caps));
                            if fix == m.as_str() {
                                continue;
                            }
                            let message = rule
                                .message
                                .replace("{fix}", &fix)
                                .replace("{0}", m.as_str());
                            out.push((
                                ri,
                                Finding::new(m.range(), message)
                                    .with_label(format!("write '{fix}'"))
                                    .with_fix(m.range(), fix),
                            ));
                        }
                    }
                }
                Kind::Require { when, then, before } => {
                    let Some(caps) = when
                        .captures_iter(prose)
                        .find(|c| c.get(0).is_some_and(|m| in_scope(a, rule.scope, m.range())))
                    else {
                        continue;
                    };
                    let Some(m) = caps.get(0) else { continue };
                    let haystack = if *before { &prose[..m.start()] } else { prose };
                    if then.is_match(haystack) {
                        continue;
                    }
                    out.push((
                        ri,
                        Finding::new(m.range(), rule.render(Some(&caps)))
                            .with_label("nothing required by this rule follows it"),
                    ));
                }
                Kind::Consistency { sets } => {
                    for set in sets {
                        let found: Vec<Vec<Range<usize>>> = set
                            .iter()
                            .map(|(_, re)| {
                                re.find_iter(prose)
                                    .map(|m| m.range())
                                    .filter(|r| in_scope(a, rule.scope, r.clone()))
                                    .collect()
                            })
                            .collect();
                        let used: Vec<usize> =
                            (0..set.len()).filter(|&i| !found[i].is_empty()).collect();
                        if used.len() < 2 {
                            continue;
                        }
                        // The house spelling: the most used, the first used on a tie.
                        let first_at = |i: usize| found[i][0].start;
                        let keep = *used
                            .iter()
                            .max_by(|&&x, &&y| {
                                found[x]
                                    .len()
                                    .cmp(&found[y].len())
                                    .then(first_at(y).cmp(&first_at(x)))
                            })
                            .unwrap_or(&used[0]);
                        let keep_text = &set[keep].0;
                        for &i in &used {
                            if i == keep {
                                continue;
                            }
                            for r in &found[i] {
                                let written = &prose[r.clone()];
                                let fix = match_case(written, keep_text);
                                let message =
                                    rule.message.replace("{0}", written).replace("{fix}", &fix);
                                out.push((
                                    ri,
                                    Finding::new(r.clone(), message)
                                        .with_label(format!(
                                            "the document mostly writes '{keep_text}'"
                                        ))
                                        .with_secondary(
                                            found[keep][0].clone(),
                                            "first written this way here",
                                        )
                                        .with_fix(r.clone(), fix),
                                ));
                            }
                        }
                    }
                }
                Kind::Limit { regex, max } => {
                    let mut counts: std::collections::HashMap<usize, usize> =
                        std::collections::HashMap::new();
                    for caps in regex.captures_iter(prose) {
                        let Some(m) = caps.get(0) else { continue };
                        if m.as_str().is_empty() {
                            continue;
                        }
                        let unit = match rule.scope {
                            Scope::Sentence => match a.sentence_at(m.start()) {
                                Some(s) => s,
                                None => continue,
                            },
                            _ => 0,
                        };
                        let n = counts.entry(unit).or_default();
                        *n += 1;
                        if *n > *max {
                            let per = if rule.scope == Scope::Sentence {
                                "sentence"
                            } else {
                                "document"
                            };
                            out.push((
                                ri,
                                Finding::new(m.range(), rule.render(Some(&caps)))
                                    .with_label(format!("more than {max} in this {per}")),
                            ));
                        }
                    }
                }
            }
        }
        out.retain_mut(|(_, f)| keep_to_prose(doc, f));
        out
    }
}

/// Keeps a custom rule's finding to the prose it may speak of. Patterns run over the prose
/// mask, where code, markup and URLs are blanked with spaces: a pattern that matches spaces can
/// start or end inside what was a multi-byte character there, or run across inline code. Such
/// a match is trimmed to the prose at its ends; one that still covers non-prose bytes is
/// dropped, and a trimmed one loses its fix, which was made for the untrimmed text. A fix
/// never rewrites code.
fn keep_to_prose(doc: &Document, f: &mut Finding) -> bool {
    let (text, prose) = (doc.text().as_bytes(), doc.prose.as_bytes());
    let masked = |i: usize| text[i] != prose[i];
    let mut r = f.range.start.min(text.len())..f.range.end.min(text.len());
    while r.start < r.end && masked(r.start) {
        r.start += 1;
    }
    while r.end > r.start && masked(r.end - 1) {
        r.end -= 1;
    }
    if r.is_empty() && !f.range.is_empty() || r.clone().any(masked) {
        return false;
    }
    let text = doc.text();
    if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
        return false;
    }
    if r != f.range {
        f.range = r;
        f.fix = None;
    }
    let label_fits = |l: &crate::diagnostic::Label| {
        text.is_char_boundary(l.range.start.min(text.len()))
            && text.is_char_boundary(l.range.end.min(text.len()))
    };
    f.labels.retain(label_fits);
    true
}

/// Whether a match lies within the rule's scope.
fn in_scope(a: &Analysis, scope: Scope, r: Range<usize>) -> bool {
    match scope {
        Scope::Text | Scope::Document => true,
        Scope::Sentence => {
            let s = a.sentence_at(r.start);
            s.is_some() && s == a.sentence_at(r.end.saturating_sub(1).max(r.start))
        }
        Scope::Paragraph | Scope::Heading => {
            let i = a.blocks.partition_point(|b| b.range.start <= r.start);
            i > 0 && {
                let b = &a.blocks[i - 1];
                r.end <= b.range.end && (scope == Scope::Paragraph || b.kind == BlockKind::Heading)
            }
        }
    }
}

/// `$1`-style references in a replacement, for regex substitutions.
fn expand(replacement: &str, caps: &Captures) -> String {
    let mut out = String::new();
    caps.expand(replacement, &mut out);
    out
}

/// The replacement with the matched text's capitalisation: "Per cent" → "Percent".
fn match_case(written: &str, replacement: &str) -> String {
    let upper_first = written.chars().next().is_some_and(char::is_uppercase);
    let all_upper = written.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !written.chars().any(char::is_lowercase);
    if all_upper {
        return replacement.to_uppercase();
    }
    if upper_first {
        let mut c = replacement.chars();
        return c.next().map_or(String::new(), |f| {
            f.to_uppercase().collect::<String>() + c.as_str()
        });
    }
    replacement.to_string()
}

/// Runs one example of one rule (as a plain-text document); the reasons it fails, if any.
pub fn run_example(rules: &CustomRules, rule: &CustomRule, e: &super::Example) -> Vec<String> {
    let doc = Document::new("<example>", e.text.clone(), crate::source::Format::Text);
    let analysis = Analysis::new(&doc);
    let findings = rules.check(&doc, &analysis, &|r| r.id == rule.id);
    let mut why = Vec::new();
    if findings.len() != e.expect {
        let s = if e.expect == 1 { "" } else { "s" };
        why.push(format!(
            "expected {} finding{s}, found {}",
            e.expect,
            findings.len()
        ));
    }
    if let Some(fixed) = &e.fixed {
        let fixes: Vec<Fix> = findings.iter().filter_map(|(_, f)| f.fix.clone()).collect();
        let got = apply_fixes(&e.text, &fixes);
        if &got != fixed {
            why.push(format!("expected the fixed text {fixed:?}, got {got:?}"));
        }
    }
    why
}

/// Applies non-overlapping fixes to a text, in order.
pub fn apply_fixes(text: &str, fixes: &[Fix]) -> String {
    let mut fixes: Vec<&Fix> = fixes.iter().collect();
    fixes.sort_by_key(|f| (f.start, f.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in fixes {
        if f.start < at
            || f.end > text.len()
            || !text.is_char_boundary(f.start)
            || !text.is_char_boundary(f.end)
        {
            continue;
        }
        out.push_str(&text[at..f.start]);
        out.push_str(&f.replacement);
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::custom::parse_rules;
    use crate::source::Format;

    fn run(rules_toml: &str, text: &str) -> Vec<(String, String, Option<String>)> {
        let f = parse_rules("r.toml", rules_toml);
        assert!(
            f.problems.is_empty(),
            "{:?}",
            f.problems
                .iter()
                .map(|d| &d.finding.message)
                .collect::<Vec<_>>()
        );
        let rules = CustomRules::new(f.rules);
        let doc = Document::new("t.md", text, Format::Markdown);
        let a = Analysis::new(&doc);
        rules
            .check(&doc, &a, &|_| true)
            .into_iter()
            .map(|(_, f)| {
                (
                    doc.text()[f.range.clone()].to_string(),
                    f.message,
                    f.fix.map(|x| x.replacement),
                )
            })
            .collect()
    }

    #[test]
    fn pattern_with_placeholders_and_scope() {
        let r = "[[rule]]\nid = \"h.x\"\nmessage = \"'{w}' twice\"\npattern = '\\b(?P<w>the) the\\b'\nscope = \"sentence\"\n";
        assert_eq!(
            run(r, "It is the the end. Not `the the` in code."),
            vec![("the the".into(), "'the' twice".into(), None)]
        );
        assert!(run(r, "It is the end.").is_empty());
    }

    #[test]
    fn substitution_keeps_case_and_fixes() {
        let r = "[[rule]]\nid = \"h.s\"\nkind = \"substitution\"\nignore-case = true\nswap = { \"per cent\" = \"percent\" }\n";
        assert_eq!(
            run(r, "Per cent and per cent; percentage stays."),
            vec![
                (
                    "Per cent".into(),
                    "use 'Percent' instead of 'Per cent'".into(),
                    Some("Percent".into())
                ),
                (
                    "per cent".into(),
                    "use 'percent' instead of 'per cent'".into(),
                    Some("percent".into())
                ),
            ]
        );
    }

    #[test]
    fn require_before_and_anywhere() {
        let r = "[[rule]]\nid = \"h.r\"\nkind = \"require\"\nmessage = \"'{0}' needs a confidence level\"\nif = '\\b(likely|probably)\\b'\nthen = '\\b(low|moderate|high) confidence\\b'\n";
        assert_eq!(run(r, "It will likely happen.").len(), 1);
        assert!(run(r, "It will likely happen. We have moderate confidence.").is_empty());
        let before = r.replace("then =", "position = \"before\"\nthen =");
        assert_eq!(
            run(
                &before,
                "It will likely happen. We have moderate confidence."
            )
            .len(),
            1
        );
        assert!(run(&before, "With moderate confidence: it will likely happen.").is_empty());
    }

    #[test]
    fn consistency_reports_the_minority_spelling() {
        let r = "[[rule]]\nid = \"h.c\"\nkind = \"consistency\"\nmessage = \"'{0}': the document writes '{fix}'\"\neither = [[\"judgement\", \"judgment\"]]\n";
        let got = run(r, "A judgment, a judgement, another judgment.");
        assert_eq!(
            got,
            vec![(
                "judgement".into(),
                "'judgement': the document writes 'judgment'".into(),
                Some("judgment".into())
            )]
        );
        assert!(run(r, "A judgment and a judgment.").is_empty());
    }

    #[test]
    fn limit_per_sentence() {
        let r = "[[rule]]\nid = \"h.l\"\nkind = \"limit\"\nmessage = \"too many hedges\"\npattern = '\\b(may|might|could)\\b'\nmax = 1\nscope = \"sentence\"\n";
        assert_eq!(run(r, "It may fall and might rise. It could.").len(), 1);
        assert!(run(r, "It may fall. It might rise.").is_empty());
    }

    #[test]
    fn many_rules_are_matched_together() {
        let mut toml = String::new();
        for i in 0..500 {
            toml.push_str(&format!(
                "[[rule]]\nid = \"bulk.r{i}\"\nmessage = \"m\"\npattern = '\\bzz{i}qq\\b'\n"
            ));
        }
        let got = run(&toml, "Nothing here but zz42qq and zz499qq.");
        assert_eq!(got.len(), 2);
    }

    /// A pattern of spaces once matched inside the blanked bytes of a multi-byte character in
    /// inline code (a span cut inside a character: a panic in every reporter), and a
    /// substitution across inline code rewrote the code.
    #[test]
    fn matches_and_fixes_keep_to_prose() {
        let spaces = "[[rule]]\nid = \"t.s\"\npattern = '  '\nmessage = \"two spaces\"\n";
        let doc = Document::new("t.md", "Use x `日` y here.", Format::Markdown);
        let file = parse_rules("t.toml", spaces);
        let rules = CustomRules::new(file.rules);
        let a = Analysis::new(&doc);
        for (_, f) in rules.check(&doc, &a, &|_| true) {
            assert!(doc.text().is_char_boundary(f.range.start), "{f:?}");
            assert!(doc.text().is_char_boundary(f.range.end), "{f:?}");
        }
        let swap = "[[rule]]\nid = \"t.c\"\nkind = \"substitution\"\nregex = true\nmessage = \"no space before a comma\"\n[rule.swap]\n' +,' = \",\"\n";
        let doc = Document::new("t.md", "Call `foo()`, then stop.", Format::Markdown);
        let rules = CustomRules::new(parse_rules("t.toml", swap).rules);
        let a = Analysis::new(&doc);
        let found = rules.check(&doc, &a, &|_| true);
        assert!(
            found.iter().all(|(_, f)| f.fix.is_none()),
            "a fix over inline code: {found:?}"
        );
    }

    #[test]
    fn fixes_apply_without_overlap() {
        let fixes = vec![
            Fix::new(0..3, "One"),
            Fix::new(1..2, "x"),
            Fix::new(4..7, "two"),
        ];
        assert_eq!(apply_fixes("one TWO", &fixes), "One two");
    }
}
