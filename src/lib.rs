//! factlint: a fact-checking and consistency linter for prose.
//!
//! # Layers
//!
//! Each layer imports only from the layers before it; nothing imports from a layer above it.
//!
//! 1. **source** ([`source`], with [`diagnostic`], the vocabulary of findings every layer
//!    speaks): reading files, the prose mask, URLs, suppression comments, directory walks.
//! 2. **analysis** ([`analysis`], [`settings`]): one pass over a document into tokens, blocks,
//!    sentences, footnotes, acronyms, quantities and dates.
//! 3. **facts and custom rules** ([`facts`], [`custom`]): declared facts matched to the
//!    analysis; user rules written in TOML.
//! 4. **rules** ([`rules`]): the built-in rules, each reading the shared analysis.
//! 5. **run** ([`run`], [`engine`], [`config`], [`suppress`], [`baseline`], [`fix`]): a whole
//!    check as the command line runs it (configuration, selection, facts, custom rules, the
//!    parallel check, overrides, baseline, order, fixes), returning results.
//! 6. **report** ([`report`]): the output formats behind one [`report::Format`].
//! 7. **front ends**: the language server ([`server`]), which serves the protocol over stdio
//!    with a run prepared per document; and the **cli** (the binary): arguments in, the run's
//!    results printed.
//!
//! The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod baseline;
pub mod config;
pub mod custom;
pub mod diagnostic;
pub mod engine;
pub mod facts;
pub mod fix;
pub mod report;
pub mod rules;
pub mod run;
pub mod server;
pub mod settings;
pub mod source;
pub mod suppress;
