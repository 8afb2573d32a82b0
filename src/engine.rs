//! The engine: runs the selected rules over a document's analysis, applies severities, and
//! orders the diagnostics.

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::rules::{selector_matches, Context, Rule, BUILTIN};
use crate::settings::Settings;
use crate::source::Document;
use std::collections::HashMap;

/// Which rules run, and at what severity.
#[derive(Clone)]
pub struct Selection {
    rules: Vec<&'static dyn Rule>,
    severity: HashMap<&'static str, Severity>,
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
        Selection { rules, severity }
    }

    pub fn all() -> Selection {
        Selection::new(None, &[], &Default::default())
    }

    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }
}

/// Checks one document with the selected rules.
pub fn check_document(
    doc: &Document,
    settings: &Settings,
    selection: &Selection,
) -> Vec<Diagnostic> {
    let analysis = Analysis::new(doc);
    let cx = Context {
        doc,
        analysis: &analysis,
        settings,
    };
    let mut out = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    for rule in &selection.rules {
        findings.clear();
        rule.check(&cx, &mut findings);
        let code = rule.meta().code;
        let severity = selection.severity[code];
        out.extend(findings.drain(..).map(|finding| Diagnostic {
            file: doc.file.clone(),
            rule: code.to_string(),
            severity,
            finding,
        }));
    }
    sort(&mut out);
    out
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
