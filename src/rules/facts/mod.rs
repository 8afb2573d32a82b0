//! FCT: the document against declared facts (numbers, dates and periods, names and titles).

mod date_contradicts_fact;
mod misspelt_declared_name;
mod number_contradicts_fact;
mod wrong_title;

pub use date_contradicts_fact::DateContradictsFact;
pub use misspelt_declared_name::MisspeltDeclaredName;
pub use number_contradicts_fact::NumberContradictsFact;
pub use wrong_title::WrongTitle;

use crate::diagnostic::{Finding, Label};
use crate::facts::{Fact, Facts};
use std::ops::Range;
use std::sync::Arc;

/// Adds the fact as a secondary label in its facts file, and its source as a note.
fn with_fact(
    mut f: Finding,
    facts: &Arc<Facts>,
    fact: &Fact,
    span: Range<usize>,
    label: String,
) -> Finding {
    f.labels.push(Label {
        file: Some(facts.file.clone()),
        range: span,
        message: label,
    });
    if let Some(source) = &fact.source {
        f = f.with_note(format!("source: {source}"));
    }
    f
}
