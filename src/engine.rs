//! The engine: runs the selected rules over a document's analysis, applies severities, and
//! orders the diagnostics.

use crate::analysis::Analysis;
use crate::custom::CustomRules;
use crate::diagnostic::{Applicability, Diagnostic, Finding, Severity};
use crate::facts::matching::{FactMatch, Outcome};
use crate::facts::Facts;
use crate::rules::{selector_matches, Context, FixAvailability, Rule, BUILTIN};
use crate::settings::Settings;
use crate::source::Document;
use std::collections::HashMap;
use std::sync::Arc;

/// Which rules run, and at what severity.
#[derive(Clone)]
pub struct Selection {
    rules: Vec<&'static dyn Rule>,
    severity: HashMap<&'static str, Severity>,
    /// The selectors as given, for custom rules ("house", "house.rule").
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    overrides: std::collections::BTreeMap<String, Severity>,
    /// The severity of the unused-suppression check, when it is selected.
    unused_suppression: Option<Severity>,
}

impl Selection {
    /// `select` (None: all rules) minus `ignore`, with severity overrides by code.
    pub fn new(
        select: Option<&[String]>,
        ignore: &[String],
        overrides: &std::collections::BTreeMap<String, Severity>,
    ) -> Selection {
        let selected = |code: &str| {
            select.is_none_or(|s| {
                s.iter()
                    .any(|sel| sel.eq_ignore_ascii_case("ALL") || selector_matches(sel, code))
            })
        };
        let ignored = |code: &str| ignore.iter().any(|sel| selector_matches(sel, code));
        let rules: Vec<&'static dyn Rule> = BUILTIN
            .iter()
            .copied()
            .filter(|r| selected(r.meta().code) && !ignored(r.meta().code))
            .collect();
        let severity = rules
            .iter()
            .map(|r| {
                let m = r.meta();
                let s = overrides
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(m.code))
                    .map_or(m.severity, |(_, v)| *v);
                (m.code, s)
            })
            .collect();
        let unused = crate::diagnostic::UNUSED_SUPPRESSION;
        let unused_suppression = (select.is_none_or(|s| {
            s.iter()
                .any(|sel| sel.eq_ignore_ascii_case("ALL") || sel.eq_ignore_ascii_case(unused))
        }) && !ignore.iter().any(|sel| sel.eq_ignore_ascii_case(unused)))
        .then(|| {
            overrides
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(unused))
                .map_or(Severity::Info, |(_, v)| *v)
        });
        Selection {
            unused_suppression,
            rules,
            severity,
            select: select.map(<[String]>::to_vec),
            ignore: ignore.to_vec(),
            overrides: overrides.clone(),
        }
    }

    /// Whether a custom rule runs: selected by its id or namespace (or by default), not ignored.
    pub fn custom_enabled(&self, id: &str) -> bool {
        let matches = |sel: &str| id == sel || id.starts_with(&format!("{sel}."));
        let selected = self.select.as_ref().is_none_or(|s| {
            s.iter()
                .any(|sel| sel.eq_ignore_ascii_case("ALL") || matches(sel))
        });
        selected && !self.ignore.iter().any(|sel| matches(sel))
    }

    /// A custom rule's severity, after the configuration's overrides.
    pub fn custom_severity(&self, id: &str, default: Severity) -> Severity {
        self.overrides.get(id).copied().unwrap_or(default)
    }

    pub fn all() -> Selection {
        Selection::new(None, &[], &Default::default())
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }
}

/// What checking one document produced.
pub struct DocumentReport {
    pub diagnostics: Vec<Diagnostic>,
    /// For `--explain-facts`: what each fact was matched to, or why nothing.
    pub fact_lines: Vec<FactLine>,
}

/// One line of `--explain-facts`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FactLine {
    pub path: String,
    pub fact: String,
    pub facts_file: String,
    pub outcome: &'static str,
    pub line: Option<usize>,
    pub text: Option<String>,
    pub detail: String,
}

/// Checks one document with the selected rules and no facts.
pub fn check_document(
    doc: &Document,
    settings: &Settings,
    selection: &Selection,
) -> Vec<Diagnostic> {
    check_document_with_facts(doc, settings, selection, &[]).diagnostics
}

/// Checks one document against the selected rules and the facts that apply to it.
pub fn check_document_with_facts(
    doc: &Document,
    settings: &Settings,
    selection: &Selection,
    facts: &[Arc<Facts>],
) -> DocumentReport {
    check_document_full(doc, settings, selection, facts, &CustomRules::default())
}

/// Checks one document with the built-in rules, the facts that apply to it, and the custom
/// rules of the run, all reading one analysis.
pub fn check_document_full(
    doc: &Document,
    settings: &Settings,
    selection: &Selection,
    facts: &[Arc<Facts>],
    custom: &CustomRules,
) -> DocumentReport {
    let as_of = settings
        .as_of
        .or_else(|| facts.iter().find_map(|f| f.as_of));
    // An "As of March 1, 2024" line in the document sets the date it speaks from. It is read
    // before the analysis, from the few lines that start so, so the analysis runs once.
    let as_of = as_of.or_else(|| as_of_line(doc));
    let analysis = Analysis::with_as_of(doc, as_of);
    // The glossaries of the facts files extend the settings for this document.
    let mut doc_settings;
    let settings = if facts.iter().any(|f| !f.acronyms.is_empty()) {
        doc_settings = settings.clone();
        for f in facts {
            for (k, v) in &f.acronyms {
                doc_settings
                    .glossary
                    .entry(k.clone())
                    .or_insert_with(|| v.clone());
            }
        }
        &doc_settings
    } else {
        settings
    };
    let cx = Context::new(doc, &analysis, settings, facts, as_of);
    let mut out = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    for rule in &selection.rules {
        findings.clear();
        rule.check(&cx, &mut findings);
        let meta = rule.meta();
        let code = meta.code;
        let severity = selection.severity[code];
        let default_fix = if meta.fix == FixAvailability::Safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        for f in &mut findings {
            f.resolve_fix(default_fix);
        }
        out.extend(findings.drain(..).map(|finding| Diagnostic {
            file: doc.file.clone(),
            rule: code.to_string(),
            severity: if finding.info_only {
                Severity::Info
            } else if finding.warning_only {
                severity.min(Severity::Warning)
            } else {
                severity
            },
            finding,
        }));
    }
    let enabled = |r: &crate::custom::CustomRule| selection.custom_enabled(&r.id);
    for (ri, mut finding) in custom.check(doc, &analysis, &enabled) {
        // A custom rule's fixes are its author's declared rewrites: safe unless it says not.
        finding.resolve_fix(Applicability::Safe);
        let rule = &custom.rules[ri];
        let severity = if finding.info_only {
            Severity::Info
        } else {
            selection.custom_severity(&rule.id, rule.severity)
        };
        out.push(Diagnostic {
            file: doc.file.clone(),
            rule: rule.id.clone(),
            severity,
            finding,
        });
    }
    let ran: Vec<&str> = selection
        .rules
        .iter()
        .map(|r| r.meta().code)
        .chain(
            custom
                .rules
                .iter()
                .filter(|r| selection.custom_enabled(&r.id))
                .map(|r| r.id.as_str()),
        )
        .collect();
    crate::suppress::apply(doc, &mut out, &ran, selection.unused_suppression);
    sort(&mut out);
    // What each fact was matched to, for `--explain-facts`; nothing to match without facts.
    let fact_lines = if facts.is_empty() {
        Vec::new()
    } else {
        explain_facts(doc, &analysis, cx.fact_matches())
    };
    DocumentReport {
        diagnostics: out,
        fact_lines,
    }
}

/// The date of an "As of <date>" line: the line (or, when the date is hard-wrapped, the line
/// and the next) holds nothing else. Read before the analysis, from the few lines that start
/// "As of", so that the analysis runs once.
fn as_of_line(doc: &Document) -> Option<crate::analysis::PartialDate> {
    use crate::analysis::{dates, tokens, Footnotes};
    let file = &doc.file;
    (0..file.line_count()).find_map(|li| {
        let first = file.line_range(li);
        let lead = doc.prose[first.clone()]
            .trim_start()
            .trim_start_matches(['#', '*', '_', ' ']);
        if !lead
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("as of"))
        {
            return None;
        }
        // The line and the next: "As of June 30,\n2023" is one date.
        let end = if li + 1 < file.line_count() {
            file.line_range(li + 1).end
        } else {
            first.end
        };
        let text = &doc.prose[first.start..end];
        let tokens = tokens::tokenize(text);
        let found = dates::find_dates(text, &tokens, &Footnotes::default(), None);
        let d = found.dates.first()?;
        let lead = text[..d.range.start]
            .trim()
            .trim_start_matches(['#', '*', '_', ' ']);
        // Nothing after the date on the line where it ends: a sentence that starts "As of" is
        // not the document's date.
        let after = &text[d.range.end..];
        let rest = after.split('\n').next().unwrap_or("");
        let alone = rest
            .trim()
            .trim_matches(['.', ':', ',', '*', '_', ')'])
            .is_empty();
        (lead.eq_ignore_ascii_case("as of") && d.year_written && alone).then_some(d.date)
    })
}

fn explain_facts(doc: &Document, analysis: &Analysis, matches: &[FactMatch]) -> Vec<FactLine> {
    let mut lines = Vec::new();
    for m in matches {
        for o in &m.outcomes {
            let sentence_line = |si: usize| doc.file.position(analysis.sentences[si].range.start).0;
            let (outcome, line, text, detail) = match o {
                Outcome::NoSentence => (
                    "no-sentence",
                    None,
                    None,
                    format!("no sentence mentions all of {:?}", m.fact.about),
                ),
                Outcome::NoCandidate { sentence, why } => (
                    "no-candidate",
                    Some(sentence_line(*sentence)),
                    None,
                    why.clone(),
                ),
                Outcome::Ambiguous {
                    sentence,
                    candidates,
                } => (
                    "ambiguous",
                    Some(sentence_line(*sentence)),
                    None,
                    format!("{candidates} candidates in the sentence; the fact says nothing"),
                ),
                Outcome::Number {
                    quantity, verdict, ..
                } => (
                    if verdict.agrees {
                        "agrees"
                    } else {
                        "contradicts"
                    },
                    Some(doc.file.position(quantity.range.start).0),
                    Some(doc.text()[quantity.range.clone()].to_string()),
                    verdict.explanation.clone(),
                ),
                Outcome::Date { date, verdict, .. } => (
                    if verdict.agrees {
                        "agrees"
                    } else {
                        "contradicts"
                    },
                    Some(doc.file.position(date.range.start).0),
                    Some(doc.text()[date.range.clone()].to_string()),
                    verdict.explanation.clone(),
                ),
                Outcome::Period {
                    period, verdict, ..
                } => (
                    if verdict.agrees {
                        "agrees"
                    } else {
                        "contradicts"
                    },
                    Some(doc.file.position(period.range.start).0),
                    Some(doc.text()[period.range.clone()].to_string()),
                    verdict.explanation.clone(),
                ),
            };
            lines.push(FactLine {
                path: doc.name().to_string(),
                fact: m.fact.id.clone(),
                facts_file: m.facts.file.name.clone(),
                outcome,
                line,
                text,
                detail,
            });
        }
    }
    lines
}

/// Orders diagnostics by path, then position, then rule code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        a.path()
            .cmp(b.path())
            .then(a.finding.range.start.cmp(&b.finding.range.start))
            .then(a.finding.range.end.cmp(&b.finding.range.end))
            .then(a.rule.cmp(&b.rule))
    });
}

#[cfg(test)]
mod tests {
    use super::as_of_line;
    use crate::analysis::PartialDate;
    use crate::source::{Document, Format};

    fn as_of(text: &str) -> Option<PartialDate> {
        as_of_line(&Document::new("t.txt", text, Format::Text))
    }

    #[test]
    fn as_of_lines() {
        let june_30 = Some(PartialDate::new(2023, Some(6), Some(30)));
        assert_eq!(as_of("Title\n\nAs of June 30, 2023\n\nText."), june_30);
        assert_eq!(as_of("**As of June 30, 2023.**\nText."), june_30);
        // Hard-wrapped: the date runs onto the next line, and nothing follows it there.
        assert_eq!(as_of("As of June 30,\n2023\n\nText."), june_30);
        // A sentence that starts "As of" is not the document's date, wrapped or not.
        assert_eq!(
            as_of("As of June 30, 2023, the mission had eight bases."),
            None
        );
        assert_eq!(
            as_of("As of June 30,\n2023, the mission had eight bases."),
            None
        );
        // A year is needed.
        assert_eq!(as_of("As of June 30\n\nText."), None);
    }
}
