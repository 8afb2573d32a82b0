//! Facts files: declared numbers, dates, periods, names and an acronym glossary that documents
//! are checked against.
//!
//! ```toml
//! [document]
//! as_of = "2013-07-10"
//!
//! [acronyms]
//! AFISMA = "African-led International Support Mission in Mali"
//!
//! [[fact]]
//! id = "china-minusma-pledge"
//! about = ["China", "MINUSMA"]
//! value = 395
//! unit = "peacekeepers"
//! tolerance = 0.05
//! source = "UN troop contributions, 2013"
//!
//! [names]
//! "Zhang Youxia" = { title = "General" }
//! ```
//! Problems in a facts file are diagnostics on the facts file itself, with the span of the
//! offending TOML; a bad fact is left out and the others still apply.

pub mod matching;
pub mod names;
mod terms;

pub use terms::{TermIndex, TermMatcher};

use crate::analysis::PartialDate;
use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::source::SourceFile;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// Code of the diagnostics about a broken facts file.
pub use crate::diagnostic::FACTS_RULE;

/// A facts file as written. Read entry by entry: one bad fact or name drops only itself, and
/// every problem is reported at once.
#[derive(Default)]
struct RawFile {
    document: Option<RawDocument>,
    acronyms: BTreeMap<String, Spanned<String>>,
    /// Each fact with its position in the file (1-based), for "fact N".
    fact: Vec<(usize, Spanned<RawFact>)>,
    names: BTreeMap<String, Spanned<RawName>>,
}

/// Reads a facts file's entries, with every problem found on the way.
fn read_raw(text: &str) -> (RawFile, Vec<crate::source::toml_entries::Problem>) {
    use crate::source::toml_entries::{self, items, read, table};
    let (entries, mut problems) = toml_entries::parse(text);
    let mut raw = RawFile::default();
    for entry in entries {
        let unknown = toml_entries::unknown_key(&entry, &["document", "acronyms", "fact", "names"]);
        let result = match entry.key.as_str() {
            "document" => read(entry.value).map(|d| raw.document = Some(d)),
            "acronyms" => read(entry.value).map(|a| raw.acronyms = a),
            "fact" => items(entry.value).map(|facts| {
                for (n, f) in facts.into_iter().enumerate() {
                    match read(f) {
                        Ok(f) => raw.fact.push((n + 1, f)),
                        Err(p) => problems.push(p),
                    }
                }
            }),
            "names" => table(entry.value).map(|names| {
                for name in names {
                    let key = name.key;
                    match read(name.value) {
                        Ok(v) => {
                            raw.names.insert(key, v);
                        }
                        Err(p) => problems.push(p),
                    }
                }
            }),
            _ => Err(unknown),
        };
        if let Err(p) = result {
            problems.push(p);
        }
    }
    (raw, problems)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    as_of: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Option<Spanned<String>>,
    about: Option<Spanned<Vec<String>>>,
    value: Option<Spanned<f64>>,
    values: Option<Spanned<BTreeMap<String, Spanned<f64>>>>,
    date: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    tolerance: Option<Spanned<f64>>,
    source: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawName {
    title: Option<Spanned<String>>,
}

/// What a fact declares.
#[derive(Clone, Debug, PartialEq)]
pub enum Claim {
    Value(f64),
    /// A series by year, each value with its span in the facts file.
    Values(Vec<(i16, f64, Range<usize>)>),
    Date(PartialDate),
    Period {
        from: PartialDate,
        to: PartialDate,
    },
}

#[derive(Clone, Debug)]
pub struct Fact {
    /// The fact's id, or "fact N" (its position in the file).
    pub id: String,
    pub about: Vec<String>,
    pub claim: Claim,
    pub unit: Option<String>,
    pub tolerance: Option<f64>,
    pub source: Option<String>,
    /// Span of the declared value (or date, or period) in the facts file.
    pub value_span: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Name {
    pub name: String,
    pub title: Option<String>,
    /// Span of the entry's value in the facts file.
    pub span: Range<usize>,
}

/// One parsed facts file.
#[derive(Debug)]
pub struct Facts {
    pub file: Arc<SourceFile>,
    pub as_of: Option<PartialDate>,
    pub acronyms: BTreeMap<String, String>,
    pub facts: Vec<Fact>,
    pub names: Vec<Name>,
    /// The facts' `about` terms, compiled on first use and shared by every document.
    terms: std::sync::OnceLock<TermMatcher>,
}

impl Facts {
    /// The search for this file's `about` terms, built the first time a document needs it.
    pub fn term_matcher(&self) -> &TermMatcher {
        self.terms.get_or_init(|| {
            TermMatcher::new(
                self.facts
                    .iter()
                    .flat_map(|f| f.about.iter().map(String::as_str)),
            )
        })
    }

    /// Reads a facts file; problems are returned as diagnostics on the file, and whatever was
    /// valid is kept.
    pub fn load(path: &Path) -> (Option<Facts>, Vec<Diagnostic>) {
        let name = path.display().to_string();
        match crate::source::read_settings_file(path) {
            Ok(text) => Facts::parse(&name, &text),
            Err(e) => {
                let file = Arc::new(SourceFile::new(name, ""));
                (
                    None,
                    vec![Diagnostic::file_error(
                        file,
                        FACTS_RULE,
                        format!("cannot read facts file: {e}"),
                    )],
                )
            }
        }
    }

    pub fn parse(name: &str, text: &str) -> (Option<Facts>, Vec<Diagnostic>) {
        let file = Arc::new(SourceFile::new(name, text));
        let mut problems = Vec::new();
        let (raw, toml_problems) = read_raw(text);
        problems.extend(
            toml_problems
                .into_iter()
                .map(|(r, m)| problem(&file, r, format!("invalid facts file: {m}"))),
        );
        let as_of = raw.document.and_then(|d| d.as_of).and_then(|s| {
            let parsed = PartialDate::parse(s.get_ref());
            if parsed.is_none() {
                problems.push(problem(
                    &file,
                    s.span(),
                    format!("as_of \"{}\" is not a date (use YYYY-MM-DD)", s.get_ref()),
                ));
            }
            parsed
        });
        let acronyms = raw
            .acronyms
            .into_iter()
            .map(|(k, v)| (k, v.into_inner()))
            .collect();
        let mut facts = Vec::new();
        for (n, f) in raw.fact {
            match validate_fact(&file, n, f) {
                Ok(fact) => facts.push(fact),
                Err(d) => problems.push(*d),
            }
        }
        let names = raw
            .names
            .into_iter()
            .map(|(name, v)| {
                let span = v.span();
                Name {
                    name,
                    title: v.into_inner().title.map(Spanned::into_inner),
                    span,
                }
            })
            .collect();
        let facts = Facts {
            file,
            as_of,
            acronyms,
            facts,
            names,
            terms: std::sync::OnceLock::new(),
        };
        (Some(facts), problems)
    }
}

fn problem(file: &Arc<SourceFile>, range: Range<usize>, message: String) -> Diagnostic {
    let label = if range.is_empty() {
        String::new()
    } else {
        "here".to_string()
    };
    Diagnostic {
        file: file.clone(),
        rule: FACTS_RULE.to_string(),
        severity: Severity::Error,
        finding: Finding::new(range, message).with_label(label),
    }
}

fn date_or_problem(
    file: &Arc<SourceFile>,
    s: &Spanned<String>,
    key: &str,
) -> Result<PartialDate, Box<Diagnostic>> {
    PartialDate::parse(s.get_ref()).ok_or_else(|| {
        Box::new(problem(
            file,
            s.span(),
            format!(
                "{key} \"{}\" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)",
                s.get_ref()
            ),
        ))
    })
}

fn validate_fact(
    file: &Arc<SourceFile>,
    n: usize,
    raw: Spanned<RawFact>,
) -> Result<Fact, Box<Diagnostic>> {
    let table_span = raw.span();
    let f = raw.into_inner();
    let id =
        f.id.as_ref()
            .map_or_else(|| format!("fact {n}"), |s| s.get_ref().clone());
    let about = match f.about {
        Some(a) if !a.get_ref().is_empty() && a.get_ref().iter().all(|t| !t.trim().is_empty()) => {
            a.into_inner()
        }
        Some(a) => {
            return Err(Box::new(problem(
                file,
                a.span(),
                format!("{id}: `about` needs at least one non-empty term"),
            )))
        }
        None => {
            return Err(Box::new(problem(
                file,
                table_span,
                format!(
                "{id} has no `about`: list the terms a sentence must mention for the fact to apply"
            ),
            )))
        }
    };
    let kinds = [
        f.value.is_some(),
        f.values.is_some(),
        f.date.is_some(),
        f.from.is_some() || f.to.is_some(),
    ];
    if kinds.iter().filter(|&&k| k).count() != 1 {
        return Err(Box::new(problem(
            file,
            table_span,
            format!(
                "{id} must declare exactly one of `value`, `values`, `date`, or `from` and `to`"
            ),
        )));
    }
    if let Some(t) = &f.tolerance {
        if !(0.0..1.0).contains(t.get_ref()) {
            return Err(Box::new(problem(
                file,
                t.span(),
                format!("{id}: tolerance must be at least 0 and below 1 (0.05 means ±5%)"),
            )));
        }
    }
    // TOML writes nan and inf as numbers; no count or amount is either, and every comparison
    // with them would be false (a fact that silently never speaks).
    let finite = |v: &Spanned<f64>| {
        if v.get_ref().is_finite() {
            Ok(())
        } else {
            Err(Box::new(problem(
                file,
                v.span(),
                format!("{id}: a value must be a finite number, not {}", v.get_ref()),
            )))
        }
    };
    if let Some(v) = &f.value {
        finite(v)?;
    }
    for v in f.values.iter().flat_map(|vs| vs.get_ref().values()) {
        finite(v)?;
    }
    let (claim, value_span) = if let Some(v) = &f.value {
        (Claim::Value(*v.get_ref()), v.span())
    } else if let Some(vs) = &f.values {
        let mut series = Vec::new();
        for (year, v) in vs.get_ref() {
            let y = crate::analysis::dates::year_value(year).ok_or_else(|| {
                Box::new(problem(
                    file,
                    v.span(),
                    format!("{id}: the keys of `values` are years (\"2013\"), not \"{year}\""),
                ))
            })?;
            series.push((y, *v.get_ref(), v.span()));
        }
        if series.is_empty() {
            return Err(Box::new(problem(
                file,
                vs.span(),
                format!("{id}: `values` is empty"),
            )));
        }
        (Claim::Values(series), vs.span())
    } else if let Some(d) = &f.date {
        (Claim::Date(date_or_problem(file, d, "date")?), d.span())
    } else {
        let (Some(from), Some(to)) = (&f.from, &f.to) else {
            return Err(Box::new(problem(
                file,
                table_span,
                format!("{id}: a period needs both `from` and `to`"),
            )));
        };
        let (a, b) = (
            date_or_problem(file, from, "from")?,
            date_or_problem(file, to, "to")?,
        );
        (
            Claim::Period { from: a, to: b },
            from.span().start..to.span().end,
        )
    };
    Ok(Fact {
        id,
        about,
        claim,
        unit: f.unit.map(Spanned::into_inner),
        tolerance: f.tolerance.map(|t| *t.get_ref()),
        source: f.source.map(Spanned::into_inner),
        value_span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(String, String)> {
        let (_, d) = Facts::parse("f.toml", text);
        d.into_iter()
            .map(|d| {
                (
                    d.finding.message.clone(),
                    text[d.finding.range.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn good_file() {
        let (f, d) = Facts::parse(
            "f.toml",
            r#"
[document]
as_of = "2013-07-10"
[acronyms]
UN = "United Nations"
[[fact]]
id = "pledge"
about = ["China", "MINUSMA"]
value = 395
unit = "peacekeepers"
[[fact]]
about = ["China", "peacekeepers"]
values = { "2000" = 98, "2013" = 1650 }
[[fact]]
about = ["Western Sahara"]
from = "2007"
to = "2011"
[names]
"Zhang Youxia" = { title = "General" }
"#,
        );
        assert!(d.is_empty());
        let f = f.unwrap();
        assert_eq!(f.as_of, PartialDate::parse("2013-07-10"));
        assert_eq!(f.facts.len(), 3);
        assert_eq!(f.facts[0].claim, Claim::Value(395.0));
        assert_eq!(f.facts[1].id, "fact 2");
        assert_eq!(f.names[0].title.as_deref(), Some("General"));
    }

    #[test]
    fn problems_point_at_the_toml() {
        let e = errors("[[fact]]\nabout = [\"X\"]\ndate = \"2013-02-30\"\n");
        assert_eq!(e[0].1, "\"2013-02-30\"");
        assert!(e[0].0.contains("is not a date"));
        let e = errors("[[fact]]\nvalue = 3\n");
        assert!(e[0].0.contains("has no `about`"), "{e:?}");
        let e = errors("[[fact]]\nabout = [\"X\"]\nvalu = 3\n");
        assert!(e[0].0.contains("unknown field `valu`"), "{e:?}");
        assert_eq!(e[0].1, "valu");
        let e = errors("[[fact]]\nabout = [\"X\"]\nvalue = 3\ndate = \"2013\"\n");
        assert!(e[0].0.contains("exactly one of"), "{e:?}");
        let e = errors("[document]\nas_of = \"soon\"\n");
        assert_eq!(e[0].1, "\"soon\"");
    }

    #[test]
    fn nan_and_infinite_values_are_refused_at_their_span() {
        let e = errors("[[fact]]\nabout = [\"X\"]\nvalue = nan\n");
        assert!(e[0].0.contains("finite number, not NaN"), "{e:?}");
        assert_eq!(e[0].1, "nan");
        let e = errors("[[fact]]\nabout = [\"X\"]\nvalues = { \"2013\" = -inf }\n");
        assert!(e[0].0.contains("finite number"), "{e:?}");
        assert_eq!(e[0].1, "-inf");
        let e = errors("[[fact]]\nabout = [\"X\"]\ntolerance = nan\nvalue = 3\n");
        assert!(e[0].0.contains("tolerance"), "{e:?}");
    }
}
