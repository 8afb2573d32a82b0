//! Reading rule files: every problem is a diagnostic on the rule file with the span of the
//! offending value, and the other rules still load.

use super::{CustomRule, Example, Kind, Scope};
use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::source::SourceFile;
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// Code of the diagnostics about a broken rule file.
pub use crate::diagnostic::RULES_RULE;

/// The compiled regex may take at most this much memory: a pathological pattern gets a clear
/// error instead of exhausting the machine.
const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    message: Option<Spanned<String>>,
    pattern: Option<Spanned<String>>,
    swap: Option<Spanned<BTreeMap<String, String>>>,
    #[serde(default)]
    regex: bool,
    #[serde(rename = "if")]
    when: Option<Spanned<String>>,
    then: Option<Spanned<String>>,
    position: Option<Spanned<String>>,
    either: Option<Spanned<Vec<Vec<String>>>>,
    max: Option<Spanned<i64>>,
    scope: Option<Spanned<String>>,
    #[serde(default)]
    ignore_case: bool,
    description: Option<String>,
    link: Option<String>,
    #[serde(default)]
    example: Vec<Spanned<RawExample>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    text: String,
    expect: usize,
    fixed: Option<String>,
}

/// One rule file, parsed.
#[derive(Debug)]
pub struct RuleFile {
    pub file: Arc<SourceFile>,
    pub rules: Vec<CustomRule>,
    pub problems: Vec<Diagnostic>,
}

fn problem(file: &Arc<SourceFile>, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
    let label = if range.is_empty() { "" } else { "here" };
    Diagnostic {
        file: file.clone(),
        rule: RULES_RULE.into(),
        severity: Severity::Error,
        finding: Finding::new(range, message).with_label(label),
    }
}

/// Reads a rule file from disk.
pub fn load_rule_file(path: &Path) -> RuleFile {
    let name = path.display().to_string();
    match crate::source::read_settings_file(path) {
        Ok(text) => parse_rules(&name, &text),
        Err(e) => {
            let file = Arc::new(SourceFile::new(name, ""));
            let problems = vec![problem(&file, 0..0, format!("cannot read rule file: {e}"))];
            RuleFile {
                file,
                rules: Vec::new(),
                problems,
            }
        }
    }
}

/// Parses the rules of one file.
pub fn parse_rules(name: &str, text: &str) -> RuleFile {
    let file = Arc::new(SourceFile::new(name, text));
    use crate::source::toml_entries::{self, items, read};
    // Read rule by rule: a broken rule costs only itself, and every problem is reported.
    let (entries, toml_problems) = toml_entries::parse(text);
    let mut problems: Vec<Diagnostic> = toml_problems
        .into_iter()
        .map(|(r, m)| problem(&file, r, format!("invalid rule file: {m}")))
        .collect();
    let mut rules = Vec::new();
    for entry in entries {
        let raw_rules = match entry.key.as_str() {
            "rule" => items(entry.value),
            _ => Err(toml_entries::unknown_key(&entry, &["rule"])),
        };
        let raw_rules = match raw_rules {
            Ok(r) => r,
            Err((r, m)) => {
                problems.push(problem(&file, r, format!("invalid rule file: {m}")));
                continue;
            }
        };
        for raw_rule in raw_rules {
            let compiled = read::<Spanned<RawRule>>(raw_rule)
                .map_err(|(r, m)| Box::new(problem(&file, r, format!("invalid rule file: {m}"))))
                .and_then(|raw| compile(&file, raw));
            match compiled {
                Ok(r) => rules.push(r),
                Err(d) => problems.push(*d),
            }
        }
    }
    RuleFile {
        file,
        rules,
        problems,
    }
}

fn regex(
    file: &Arc<SourceFile>,
    s: &Spanned<String>,
    ignore_case: bool,
) -> Result<Regex, Box<Diagnostic>> {
    RegexBuilder::new(s.get_ref())
        .case_insensitive(ignore_case)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            let detail = match &e {
                regex::Error::CompiledTooBig(limit) => {
                    format!("the pattern compiles to more than {limit} bytes; simplify it")
                }
                other => other
                    .to_string()
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
                    .to_string(),
            };
            Box::new(problem(file, s.span(), format!("invalid regex: {detail}")))
        })
}

fn required<'a, T>(
    file: &Arc<SourceFile>,
    v: &'a Option<Spanned<T>>,
    key: &str,
    kind: &str,
    span: &Range<usize>,
) -> Result<&'a Spanned<T>, Box<Diagnostic>> {
    v.as_ref().ok_or_else(|| {
        Box::new(problem(
            file,
            span.clone(),
            format!("a {kind} rule needs `{key}`"),
        ))
    })
}

fn compile(file: &Arc<SourceFile>, raw: Spanned<RawRule>) -> Result<CustomRule, Box<Diagnostic>> {
    let span = raw.span();
    let r = raw.into_inner();
    let id = r.id.as_ref().ok_or_else(|| {
        Box::new(problem(
            file,
            span.clone(),
            "a rule needs an `id` (\"house.rule-name\")",
        ))
    })?;
    let id_text = id.get_ref().trim().to_string();
    if !id_text.contains('.')
        || id_text.starts_with('.')
        || id_text.ends_with('.')
        || id_text.contains(char::is_whitespace)
    {
        return Err(Box::new(problem(
            file,
            id.span(),
            format!("rule id \"{id_text}\" must be namespaced, like \"house.{id_text}\""),
        )));
    }
    let severity = match &r.severity {
        None => Severity::Warning,
        Some(s) => s
            .get_ref()
            .parse::<Severity>()
            .map_err(|e| Box::new(problem(file, s.span(), e)))?,
    };
    let scope = match r.scope.as_ref().map(|s| (s.get_ref().as_str(), s.span())) {
        None | Some(("text", _)) => Scope::Text,
        Some(("sentence", _)) => Scope::Sentence,
        Some(("paragraph", _)) => Scope::Paragraph,
        Some(("heading", _)) => Scope::Heading,
        Some(("document", _)) => Scope::Document,
        Some((other, sp)) => {
            return Err(Box::new(problem(file, sp, format!("unknown scope \"{other}\" (expected text, sentence, paragraph, heading or document)"))));
        }
    };
    let kind_name = r.kind.as_ref().map_or("pattern", |k| k.get_ref().as_str());
    let ic = r.ignore_case;
    let (kind, groups): (Kind, Option<&Regex>) = match kind_name {
        "pattern" => (
            Kind::Pattern {
                regex: regex(
                    file,
                    required(file, &r.pattern, "pattern", "pattern", &span)?,
                    ic,
                )?,
                ignore_case: ic,
            },
            None,
        ),
        "substitution" => {
            let swap = required(file, &r.swap, "swap", "substitution", &span)?;
            let mut swaps = Vec::new();
            for (wrong, right) in swap.get_ref() {
                let source = if r.regex {
                    wrong.clone()
                } else {
                    whole_word(wrong)
                };
                let re = RegexBuilder::new(&source)
                    .case_insensitive(ic)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| {
                        Box::new(problem(
                            file,
                            swap.span(),
                            format!(
                                "invalid regex in `swap` key \"{wrong}\": {}",
                                e.to_string().lines().last().unwrap_or("").trim()
                            ),
                        ))
                    })?;
                swaps.push((re, right.clone()));
            }
            (Kind::Substitution { swaps }, None)
        }
        "require" | "conditional" => {
            let when = regex(file, required(file, &r.when, "if", "require", &span)?, ic)?;
            let then = regex(file, required(file, &r.then, "then", "require", &span)?, ic)?;
            let before = match &r.position {
                None => false,
                Some(p) => match p.get_ref().as_str() {
                    "before" => true,
                    "anywhere" => false,
                    other => {
                        return Err(Box::new(problem(
                            file,
                            p.span(),
                            format!("unknown position \"{other}\" (expected before or anywhere)"),
                        )))
                    }
                },
            };
            (Kind::Require { when, then, before }, None)
        }
        "consistency" => {
            let either = required(file, &r.either, "either", "consistency", &span)?;
            let mut sets = Vec::new();
            for set in either.get_ref() {
                if set.len() < 2 {
                    return Err(Box::new(problem(
                        file,
                        either.span(),
                        "each set in `either` needs two or more spellings",
                    )));
                }
                let mut compiled = Vec::new();
                for spelling in set {
                    let re = RegexBuilder::new(&whole_word(spelling))
                        .case_insensitive(ic)
                        .build()
                        .map_err(|e| Box::new(problem(file, either.span(), e.to_string())))?;
                    compiled.push((spelling.clone(), re));
                }
                sets.push(compiled);
            }
            (Kind::Consistency { sets }, None)
        }
        "limit" => {
            let max = required(file, &r.max, "max", "limit", &span)?;
            if *max.get_ref() < 0 {
                return Err(Box::new(problem(
                    file,
                    max.span(),
                    "`max` must be 0 or more",
                )));
            }
            (
                Kind::Limit {
                    regex: regex(
                        file,
                        required(file, &r.pattern, "pattern", "limit", &span)?,
                        ic,
                    )?,
                    max: *max.get_ref() as usize,
                },
                None,
            )
        }
        other => {
            let sp = r.kind.as_ref().map_or(span.clone(), |k| k.span());
            return Err(Box::new(problem(file, sp, format!("unknown kind \"{other}\" (expected pattern, substitution, require, consistency or limit)"))));
        }
    };
    let _ = groups;
    let message = match (&r.message, kind_name) {
        (Some(m), _) => m.get_ref().clone(),
        (None, "substitution") => "use '{fix}' instead of '{0}'".to_string(),
        (None, _) => {
            return Err(Box::new(problem(
                file,
                span.clone(),
                format!("rule {id_text} needs a `message`"),
            )))
        }
    };
    // Placeholders must name groups of the pattern.
    if let Some(m) = &r.message {
        let pattern_regex = match &kind {
            Kind::Pattern { regex, .. } | Kind::Limit { regex, .. } => Some(regex),
            Kind::Require { when, .. } => Some(when),
            _ => None,
        };
        for key in placeholders(m.get_ref()) {
            let known = match pattern_regex {
                Some(re) => key.parse::<usize>().map_or_else(
                    |_| re.capture_names().any(|n| n == Some(key)),
                    |n| n < re.captures_len(),
                ),
                None => key == "0" || key == "fix",
            };
            if !known {
                return Err(Box::new(problem(
                    file,
                    m.span(),
                    format!("placeholder {{{key}}} names no group of the pattern"),
                )));
            }
        }
    }
    let examples = r
        .example
        .into_iter()
        .map(|e| {
            let span = e.span();
            let e = e.into_inner();
            Example {
                text: e.text,
                expect: e.expect,
                fixed: e.fixed,
                span,
            }
        })
        .collect();
    Ok(CustomRule {
        id: id_text,
        severity,
        message,
        kind,
        scope,
        description: r.description,
        link: r.link,
        examples,
        file: file.clone(),
        span,
    })
}

fn placeholders(message: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// A pattern for `word` as a whole word. Beside an ASCII letter the boundary is the ASCII
/// one, which the regex crate's fast engines keep on any text; Unicode word boundaries make
/// them give up at the first non-ASCII byte (a curly quote is enough) and run many times
/// slower. The two differ only where the neighbouring character is a non-ASCII letter or a
/// combining mark: "per cent" glued to "café", or a word written in decomposed form ("e"
/// followed by a combining accent), where an ASCII boundary also falls before the accent.
fn whole_word(word: &str) -> String {
    let edge = |c: Option<char>| {
        if c.is_some_and(|c| c.is_ascii()) {
            r"(?-u:\b)"
        } else {
            r"\b"
        }
    };
    format!(
        "{}{}{}",
        edge(word.chars().next()),
        regex::escape(word),
        edge(word.chars().next_back())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(String, String)> {
        parse_rules("r.toml", text)
            .problems
            .into_iter()
            .map(|d| {
                (
                    d.finding.message.clone(),
                    text[d.finding.range.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn broken_rule_files_point_at_the_value() {
        let e = errors("[[rule]]\nid = \"house.x\"\nmessage = \"m\"\npattern = '(unclosed'\n");
        assert!(e[0].0.starts_with("invalid regex"), "{e:?}");
        assert_eq!(e[0].1, "'(unclosed'");
        let e = errors("[[rule]]\nid = \"house.x\"\nmessage = \"bad {3}\"\npattern = '(a)'\n");
        assert!(e[0].0.contains("placeholder {3}"), "{e:?}");
        assert_eq!(e[0].1, "\"bad {3}\"");
        let e = errors("[[rule]]\nid = \"house.x\"\nmesage = \"m\"\npattern = 'a'\n");
        assert!(e[0].0.contains("unknown field `mesage`"), "{e:?}");
        assert_eq!(e[0].1, "mesage");
        let e = errors("[[rule]]\nid = \"nodot\"\nmessage = \"m\"\npattern = 'a'\n");
        assert!(e[0].0.contains("must be namespaced"), "{e:?}");
        let e = errors("[[rule]]\nid = \"house.x\"\nkind = \"exists\"\nmessage = \"m\"\n");
        assert!(e[0].0.contains("unknown kind"), "{e:?}");
        assert_eq!(e[0].1, "\"exists\"");
        let e = errors(
            "[[rule]]\nid = \"house.x\"\nmessage = \"m\"\npattern = 'a{1000}{1000}{1000}'\n",
        );
        assert!(e[0].0.contains("invalid regex"), "{e:?}");
    }

    #[test]
    fn one_bad_rule_does_not_stop_the_others() {
        let f = parse_rules(
            "r.toml",
            "[[rule]]\nid = \"house.a\"\nmessage = \"m\"\npattern = '('\n[[rule]]\nid = \"house.b\"\nmessage = \"m\"\npattern = 'b'\n",
        );
        assert_eq!(f.problems.len(), 1);
        assert_eq!(f.rules.len(), 1);
        assert_eq!(f.rules[0].id, "house.b");
    }
}
