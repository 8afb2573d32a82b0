//! factlint: a fact-checking and consistency linter for prose.
//!
//! The pipeline is source → analysis → rules → engine → report: a [`source::Document`] is read
//! once into an [`analysis::Analysis`], every rule reads that shared analysis, the engine filters
//! and orders the findings, and a reporter prints them. The library never prints.
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
pub mod settings;
pub mod source;
pub mod suppress;
