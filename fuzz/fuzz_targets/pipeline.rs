//! The whole pipeline: arbitrary bytes split into a document, a custom rule file, a facts file
//! and a config file, checked by `factlint::run::check` as the command line runs it (fixes
//! reported, diffed or applied), and written by every reporter into a sink. Nothing may panic;
//! the JSON report must parse.
//!
//! Input layout: byte 0 chooses the document's format (bit 0: Markdown) and the fix mode
//! (bits 1-2); bytes 1..7 are three little-endian u16 lengths (rules, facts, config); the rule,
//! facts and config texts follow, and the rest is the document.
#![no_main]
use codespan_reporting::term::termcolor::NoColor;
use factlint::report::{Format, Report};
use factlint::run::{self, CheckOptions, ConfigSource, FixMode};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("factlint-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("a scratch folder");
        d
    })
}

fn take<'a>(data: &mut &'a [u8], n: usize) -> &'a [u8] {
    let n = n.min(data.len());
    let (head, tail) = data.split_at(n);
    *data = tail;
    head
}

fuzz_target!(|input: &[u8]| {
    let mut data = input;
    let head = take(&mut data, 7);
    if head.len() < 7 {
        return;
    }
    let len = |i: usize| u16::from_le_bytes([head[i], head[i + 1]]) as usize;
    let (rules, facts, config) = (
        take(&mut data, len(1)),
        take(&mut data, len(3)),
        take(&mut data, len(5)),
    );
    let document = data;
    let d = dir();
    let doc = d.join(if head[0] & 1 == 1 { "doc.md" } else { "doc.txt" });
    let (rules_path, facts_path, config_path) =
        (d.join("rules.toml"), d.join("doc.facts.toml"), d.join("factlint.toml"));
    for (p, bytes) in [
        (&doc, document),
        (&rules_path, rules),
        (&facts_path, facts),
        (&config_path, config),
    ] {
        std::fs::write(p, bytes).expect("scratch files");
    }
    let fix = match (head[0] >> 1) & 3 {
        1 => FixMode::Diff,
        2 => FixMode::Apply,
        _ => FixMode::Report,
    };
    let options = CheckOptions {
        paths: vec![doc.clone()],
        config: ConfigSource::File(config_path),
        facts: vec![facts_path],
        rules: vec![rules_path],
        fix,
        unsafe_fixes: head[0] & 8 != 0,
        ..CheckOptions::default()
    };
    let Ok(run) = run::check(&options) else { return };
    let code = run.exit_code();
    assert!(code <= 2);
    for d in &run.diagnostics {
        let r = &d.finding.range;
        let text = &d.file.text;
        assert!(r.start <= r.end && r.end <= text.len(), "{r:?} in {}", text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    for format in [
        Format::Human,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Concise,
        Format::Html,
        Format::Rdjsonl,
        Format::Gitlab,
        Format::Junit,
    ] {
        let report = Report {
            diagnostics: &run.diagnostics,
            summary: run.summary(),
            fact_lines: Some(&run.fact_lines),
            show_infos: true,
            quiet: false,
            statistics: false,
        };
        let mut sink = NoColor::new(Vec::new());
        format.write(&mut sink, &report).expect("writing to memory");
        if matches!(format, Format::Json | Format::Sarif | Format::Gitlab) {
            let out = sink.into_inner();
            serde_json::from_slice::<serde_json::Value>(&out).expect("valid JSON");
        }
    }
});
