//! Custom rules as a run finds them: the named packs and the rule files (folders walked for
//! `*.toml`), merged into one set with each id once; and `factlint test`, which runs every
//! example of a set of rule files.

use super::{load_rule_file, packs, run_example, CustomRule, CustomRules, RuleFile};
use crate::diagnostic::Diagnostic;
use std::ops::Range;
use std::path::PathBuf;

/// Loads the named packs and the rule files. Rule-file problems are returned as diagnostics;
/// an unknown pack name is an error.
pub fn load_rules(
    paths: &[PathBuf],
    pack_names: &[String],
) -> Result<(CustomRules, Vec<Diagnostic>), String> {
    let mut files = Vec::new();
    for name in pack_names {
        match packs::pack(name) {
            Some(f) => files.push(f),
            None => {
                return Err(format!(
                    "no rule pack '{name}' (packs: {})",
                    packs::names().join(", ")
                ))
            }
        }
    }
    files.extend(rule_files(paths).iter().map(|p| load_rule_file(p)));
    let (rules, problems) = merge(files);
    Ok((rules, problems))
}

/// The rules of several files as one set, with the files' problems.
fn merge(files: Vec<RuleFile>) -> (CustomRules, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut all = Vec::new();
    for f in files {
        problems.extend(f.problems);
        all.extend(f.rules);
    }
    let rules = dedupe(all, &mut problems);
    (CustomRules::new(rules), problems)
}

/// Keeps the first rule of each id; a later one with the same id is an error on its file.
fn dedupe(rules: Vec<CustomRule>, problems: &mut Vec<Diagnostic>) -> Vec<CustomRule> {
    let mut kept: Vec<CustomRule> = Vec::new();
    for r in rules {
        if let Some(first) = kept.iter().find(|x| x.id == r.id) {
            let mut d = Diagnostic::file_error(
                r.file.clone(),
                crate::diagnostic::RULES_RULE,
                format!(
                    "duplicate rule id '{}' (first defined in {})",
                    r.id, first.file.name
                ),
            );
            d.finding.range = r.span.clone();
            d.finding.label = "duplicate".into();
            problems.push(d);
            continue;
        }
        kept.push(r);
    }
    kept
}

/// Rule files: files as given, and the `*.toml` files of folders, sorted (facts files and the
/// data files built into the binary left out).
pub fn rule_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    const DATA_FILES: &[&str] = &["common-acronyms.toml"];
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .build()
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .filter(|f| f.extension().is_some_and(|e| e == "toml"))
                .filter(|f| !f.to_string_lossy().ends_with(".facts.toml"))
                .filter(|f| {
                    f.file_name()
                        .and_then(|n| n.to_str())
                        .is_none_or(|n| !DATA_FILES.contains(&n))
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// One example of `factlint test` and what became of it.
pub struct ExampleResult {
    pub rule: String,
    /// 1-based, in the order the rule file gives them.
    pub number: usize,
    /// Why it failed; empty when it passed.
    pub failures: Vec<String>,
    /// The example in its rule file.
    pub span: Range<usize>,
}

/// What `factlint test` found: each example's result, and the rule files' own problems.
pub struct ExampleRun {
    pub results: Vec<ExampleResult>,
    pub problems: Vec<Diagnostic>,
    /// The rules run, for pointing failures at their files.
    pub rules: CustomRules,
}

impl ExampleRun {
    /// The failures as diagnostics on their rule files, each at its example.
    pub fn failure_diagnostics(&self) -> Vec<Diagnostic> {
        self.results
            .iter()
            .filter(|r| !r.failures.is_empty())
            .filter_map(|r| {
                let rule = self.rules.rules.iter().find(|x| x.id == r.rule)?;
                let why = r.failures.join("; ");
                let mut d = Diagnostic::file_error(
                    rule.file.clone(),
                    "test",
                    format!("{} example {}: {why}", r.rule, r.number),
                );
                d.finding.range = r.span.clone();
                d.finding.label = "this example".into();
                Some(d)
            })
            .collect()
    }
}

/// Runs every example of the rules in `paths` (the built-in packs when `paths` is empty).
pub fn run_examples(paths: &[PathBuf]) -> ExampleRun {
    let files: Vec<RuleFile> = if paths.is_empty() {
        packs::names()
            .iter()
            .filter_map(|n| packs::pack(n))
            .collect()
    } else {
        rule_files(paths)
            .iter()
            .map(|p| load_rule_file(p))
            .collect()
    };
    let (rules, problems) = merge(files);
    let mut results = Vec::new();
    for rule in &rules.rules {
        for (n, e) in rule.examples.iter().enumerate() {
            results.push(ExampleResult {
                rule: rule.id.clone(),
                number: n + 1,
                failures: run_example(&rules, rule, e),
                span: e.span.clone(),
            });
        }
    }
    ExampleRun {
        results,
        problems,
        rules,
    }
}

impl CustomRule {
    /// What `factlint explain ID` prints for a custom rule: its description (or message), link,
    /// examples and how to silence it.
    pub fn explanation(&self) -> String {
        let mut out = format!(
            "# {}\n\nSeverity: {}. Defined in {}.\n\n{}\n",
            self.id,
            self.severity,
            self.file.name,
            self.description.as_deref().unwrap_or(&self.message)
        );
        if let Some(link) = &self.link {
            out.push_str(&format!("\nMore: {link}\n"));
        }
        if !self.examples.is_empty() {
            out.push_str("\n## Examples\n");
            for e in &self.examples {
                let s = if e.expect == 1 { "" } else { "s" };
                out.push_str(&format!("- {:?}: {} finding{s}\n", e.text, e.expect));
            }
        }
        out.push_str(&format!(
            "\n## How to silence it\nIgnore it with `--ignore {}` or `ignore = [\"{}\"]` in factlint.toml.\n",
            self.id, self.id
        ));
        out
    }
}
