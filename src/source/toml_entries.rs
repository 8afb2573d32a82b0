//! Reading a TOML file (config, facts or rules) entry by entry, so that every problem in it is
//! found in one run, each with its span, and one bad entry costs only itself.
//!
//! serde stops at the first error of a document: one misspelt key in a facts file dropped the
//! whole file, and a config with three mistakes needed three runs to find them. The document is
//! parsed once with toml's spanned parser (which recovers from syntax errors and reports all of
//! them); each entry is then deserialised on its own from its spanned value.

use serde::de::DeserializeOwned;
use std::ops::Range;
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

/// A problem in a TOML file: where, and what.
pub type Problem = (Range<usize>, String);

/// One entry of a table: its key, the key's span, and its value.
pub struct Entry<'i> {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Spanned<DeValue<'i>>,
}

impl Entry<'_> {
    /// The span of the whole entry's value.
    pub fn span(&self) -> Range<usize> {
        self.value.span()
    }
}

/// The top-level entries of a TOML document, in order of their keys; or, when its syntax is
/// broken, every syntax error and no entries (what the parser recovers around an error is a
/// guess, and reading it would report problems the author did not make).
pub fn parse(text: &str) -> (Vec<Entry<'_>>, Vec<Problem>) {
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return (
            Vec::new(),
            errors.iter().map(|e| problem(e, 0..0)).collect(),
        );
    }
    (entries(table.into_inner()), Vec::new())
}

fn entries(table: DeTable<'_>) -> Vec<Entry<'_>> {
    table
        .into_iter()
        .map(|(k, v)| Entry {
            key_span: k.span(),
            key: k.into_inner().into_owned(),
            value: v,
        })
        .collect()
}

/// An entry's value as `T`.
pub fn read<T: DeserializeOwned>(value: Spanned<DeValue<'_>>) -> Result<T, Problem> {
    let span = value.span();
    T::deserialize(ValueDeserializer::from(value)).map_err(|e| problem(&e, span))
}

/// The items of an array value (an array of tables, `[[fact]]`), each with its span.
pub fn items(value: Spanned<DeValue<'_>>) -> Result<Vec<Spanned<DeValue<'_>>>, Problem> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => Ok(items.into_iter().collect()),
        _ => Err((span, "expected an array".into())),
    }
}

/// The entries of a table value (`[names]`).
pub fn table(value: Spanned<DeValue<'_>>) -> Result<Vec<Entry<'_>>, Problem> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Table(t) => Ok(entries(t)),
        _ => Err((span, "expected a table".into())),
    }
}

/// The problem of a toml error: its own span, or else `fallback`.
fn problem(e: &toml::de::Error, fallback: Range<usize>) -> Problem {
    (e.span().unwrap_or(fallback), e.message().to_string())
}

/// The "unknown field" problem of a key that is not one of `known`, in serde's words.
pub fn unknown_key(entry: &Entry<'_>, known: &[&str]) -> Problem {
    let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    (
        entry.key_span.clone(),
        format!(
            "unknown field `{}`, expected one of {}",
            entry.key,
            expected.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syntax_error_is_found_and_nothing_read_around_them() {
        let text = "a = [1, 2\nb = \"x\nc = 3\n";
        let (entries, problems) = parse(text);
        assert!(problems.len() >= 2, "{problems:?}");
        assert!(entries.is_empty());
    }

    #[test]
    fn each_entry_is_read_on_its_own_with_its_span() {
        let text = "a = 1\nb = \"x\"\nd = 4\n";
        let (entries, problems) = parse(text);
        assert!(problems.is_empty());
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, vec!["a", "b", "d"]);
        let b = entries.into_iter().find(|e| e.key == "b").unwrap();
        let span = b.span();
        let (at, message) = read::<i64>(b.value).unwrap_err();
        assert_eq!(&text[at], &text[span], "{message}");
    }
}
