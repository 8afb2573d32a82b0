//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards, built with serde-sarif's types.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::BUILTIN;
use crate::source::SourceFile;
use serde_sarif::sarif;

fn region(file: &SourceFile, range: &std::ops::Range<usize>) -> sarif::Region {
    let (line, column) = file.position(range.start);
    let (end_line, end_column) = file.position(range.end);
    sarif::Region::builder()
        .start_line(line as i64)
        .start_column(column as i64)
        .end_line(end_line as i64)
        .end_column(end_column as i64)
        .char_offset(
            file.text[..range.start.min(file.text.len())]
                .chars()
                .count() as i64,
        )
        .char_length(
            file.text
                .get(range.clone())
                .map_or(0, |s| s.chars().count()) as i64,
        )
        .build()
}

fn location(
    file: &SourceFile,
    range: &std::ops::Range<usize>,
    message: Option<&str>,
) -> sarif::Location {
    let physical = sarif::PhysicalLocation::builder()
        .artifact_location(
            sarif::ArtifactLocation::builder()
                .uri(file.name.replace('\\', "/"))
                .build(),
        )
        .region(region(file, range))
        .build();
    match message {
        Some(m) if !m.is_empty() => sarif::Location::builder()
            .physical_location(physical)
            .message(sarif::Message::builder().text(m.to_string()).build())
            .build(),
        _ => sarif::Location::builder()
            .physical_location(physical)
            .build(),
    }
}

fn result_level(s: Severity) -> sarif::ResultLevel {
    match s {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders diagnostics as a SARIF 2.1.0 log with one run; every built-in rule is described
/// with its help text, and custom rules that produced results are listed too.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut rule_ids: Vec<String> = BUILTIN.iter().map(|r| r.meta().code.to_string()).collect();
    let mut descriptors: Vec<sarif::ReportingDescriptor> = BUILTIN
        .iter()
        .map(|r| {
            let m = r.meta();
            sarif::ReportingDescriptor::builder()
                .id(m.code)
                .name(m.name)
                .short_description(
                    sarif::MultiformatMessageString::builder()
                        .text(m.summary)
                        .build(),
                )
                .full_description(
                    sarif::MultiformatMessageString::builder()
                        .text(m.summary)
                        .build(),
                )
                .help(
                    sarif::MultiformatMessageString::builder()
                        .text(m.explanation())
                        .markdown(m.explanation())
                        .build(),
                )
                .default_configuration(
                    sarif::ReportingConfiguration::builder()
                        .level(serde_json::json!(level(m.severity)))
                        .build(),
                )
                .build()
        })
        .collect();
    for d in diagnostics {
        if !rule_ids.contains(&d.rule) {
            rule_ids.push(d.rule.clone());
            descriptors.push(
                sarif::ReportingDescriptor::builder()
                    .id(d.rule.clone())
                    .short_description(
                        sarif::MultiformatMessageString::builder()
                            .text(d.rule.clone())
                            .build(),
                    )
                    .build(),
            );
        }
    }
    let results: Vec<sarif::Result> = diagnostics
        .iter()
        .map(|d| {
            let f = &d.finding;
            let related: Vec<sarif::Location> = f
                .labels
                .iter()
                .map(|l| {
                    location(
                        l.file.as_deref().unwrap_or(&d.file),
                        &l.range,
                        Some(&l.message),
                    )
                })
                .collect();
            let mut text = f.message.clone();
            for n in &f.notes {
                text.push_str(&format!("\n{n}"));
            }
            let index = rule_ids.iter().position(|r| *r == d.rule).unwrap_or(0) as i64;
            let builder = sarif::Result::builder()
                .rule_id(d.rule.clone())
                .rule_index(index)
                .level(result_level(d.severity))
                .message(sarif::Message::builder().text(text).build())
                .locations(vec![location(&d.file, &f.range, None)]);
            if related.is_empty() {
                builder.build()
            } else {
                builder.related_locations(related).build()
            }
        })
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("factlint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/factlint/factlint")
        .rules(descriptors)
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .schema(sarif::SCHEMA_URL)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
