//! Quantity and date extraction on real-prose snippets (tests/data/*.toml): every case lists
//! exactly what must be found, in order, including the cases where nothing must be.

use factlint::analysis::{Analysis, PartialDate};
use factlint::source::{Document, Format};
use serde::Deserialize;

#[derive(Deserialize)]
struct QuantityFile {
    case: Vec<QuantityCase>,
}

#[derive(Deserialize)]
struct QuantityCase {
    text: String,
    quantities: Vec<ExpectedQuantity>,
}

#[derive(Deserialize, Debug)]
struct ExpectedQuantity {
    text: String,
    value: f64,
    high: Option<f64>,
    qualifier: Option<String>,
    #[serde(default)]
    percent: bool,
    next: Option<String>,
}

#[derive(Deserialize)]
struct DateFile {
    case: Vec<DateCase>,
}

#[derive(Deserialize)]
struct DateCase {
    text: String,
    as_of: Option<String>,
    dates: Vec<ExpectedDate>,
    #[serde(default)]
    periods: Vec<ExpectedPeriod>,
}

#[derive(Deserialize, Debug)]
struct ExpectedDate {
    text: String,
    date: String,
    weekday: Option<String>,
}

#[derive(Deserialize, Debug)]
struct ExpectedPeriod {
    text: String,
    from: Option<String>,
    to: Option<String>,
}

fn format_for(text: &str) -> Format {
    let markdownish = text.contains("**")
        || text.contains("[^")
        || text.starts_with('#')
        || text.contains("\n- ")
        || text.starts_with("- ")
        || text.contains('`')
        || text.contains("](")
        || text.starts_with('|')
        || text.starts_with('>');
    if markdownish {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[test]
fn quantities_in_real_prose() {
    let data: QuantityFile =
        toml::from_str(&std::fs::read_to_string("tests/data/quantities.toml").unwrap()).unwrap();
    assert!(data.case.len() >= 80);
    let mut failures = Vec::new();
    for case in &data.case {
        let doc = Document::new("case", case.text.clone(), format_for(&case.text));
        let a = Analysis::new(&doc);
        let got: Vec<String> = a
            .quantities
            .iter()
            .map(|q| {
                let next = a
                    .tokens
                    .get(q.range_end_token(&a))
                    .filter(|t| t.kind() == factlint::analysis::TokenKind::Word)
                    .map(|t| doc.text()[t.range()].to_lowercase());
                format!(
                    "{}|{}|{:?}|{:?}|{}|{:?}",
                    &doc.text()[q.range.clone()],
                    q.value,
                    q.high,
                    q.qualifier.as_ref().map(|(k, _)| k.name()),
                    q.percent,
                    next
                )
            })
            .collect();
        let want: Vec<String> = case
            .quantities
            .iter()
            .zip(a.quantities.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(e, q)| {
                // `next` is checked only where the case names it.
                let next = match (&e.next, q) {
                    (Some(n), _) => Some(n.clone()),
                    (None, Some(q)) => a
                        .tokens
                        .get(q.range_end_token(&a))
                        .filter(|t| t.kind() == factlint::analysis::TokenKind::Word)
                        .map(|t| doc.text()[t.range()].to_lowercase()),
                    (None, None) => None,
                };
                format!(
                    "{}|{}|{:?}|{:?}|{}|{:?}",
                    e.text,
                    e.value,
                    e.high,
                    e.qualifier.as_deref(),
                    e.percent,
                    next
                )
            })
            .collect();
        if got != want {
            failures.push(format!(
                "{:?}\n    got  {got:?}\n    want {want:?}",
                case.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        data.case.len(),
        failures.join("\n")
    );
}

#[test]
fn dates_in_real_prose() {
    let data: DateFile =
        toml::from_str(&std::fs::read_to_string("tests/data/dates.toml").unwrap()).unwrap();
    assert!(data.case.len() >= 40);
    let mut failures = Vec::new();
    for case in &data.case {
        let doc = Document::new("case", case.text.clone(), format_for(&case.text));
        let as_of = case.as_of.as_deref().and_then(PartialDate::parse);
        let a = Analysis::with_as_of(&doc, as_of);
        let got: Vec<String> = a
            .dates
            .dates
            .iter()
            .map(|d| {
                let wd = d.weekday.as_ref().map(|(w, _)| format!("{w:?}"));
                format!("{}|{}|{:?}", &doc.text()[d.range.clone()], d.date, wd)
            })
            .collect();
        let want: Vec<String> = case
            .dates
            .iter()
            .map(|d| format!("{}|{}|{:?}", d.text, d.date, d.weekday))
            .collect();
        let got_p: Vec<String> = a
            .dates
            .periods
            .iter()
            .map(|p| {
                format!(
                    "{}|{:?}|{:?}",
                    &doc.text()[p.range.clone()],
                    p.from.map(|d| d.to_string()),
                    p.to.map(|d| d.to_string())
                )
            })
            .collect();
        let want_p: Vec<String> = case
            .periods
            .iter()
            .map(|p| format!("{}|{:?}|{:?}", p.text, p.from, p.to))
            .collect();
        if got != want || got_p != want_p {
            failures.push(format!(
                "{:?}\n    got  {got:?} {got_p:?}\n    want {want:?} {want_p:?}",
                case.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        data.case.len(),
        failures.join("\n")
    );
}
