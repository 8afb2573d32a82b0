//! `--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines) show as a
//! test report: one `<testsuite>` per file, one failed `<testcase>` per finding.

use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;

/// Escapes text for XML content and attribute values; characters XML 1.0 cannot hold at all
/// (most control characters) are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        by_file.entry(d.path()).or_default().push(d);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"factlint\" tests=\"{0}\" failures=\"{0}\">\n",
        diagnostics.len()
    ));
    for (path, ds) in &by_file {
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{n}\" errors=\"0\">\n",
            escape(path),
            n = ds.len()
        ));
        for d in ds {
            let f = &d.finding;
            let (line, col) = d.file.position(f.range.start);
            let mut body = format!(
                "{path}:{line}:{col}: {}[{}] {}",
                d.severity, d.rule, f.message
            );
            for n in &f.notes {
                body.push_str(&format!("\nnote: {n}"));
            }
            if let Some(h) = &f.help {
                body.push_str(&format!("\nhelp: {h}"));
            }
            out.push_str(&format!(
                "    <testcase name=\"{} {path}:{line}:{col}\" classname=\"{}\" file=\"{}\" line=\"{line}\">\n",
                escape(&d.rule),
                escape(super::rule_name(&d.rule)),
                escape(path),
                path = escape(path)
            ));
            out.push_str(&format!(
                "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                escape(&f.message),
                escape(d.severity.as_str()),
                escape(&body)
            ));
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Finding, Severity};
    use crate::source::SourceFile;
    use std::sync::Arc;

    #[test]
    fn one_suite_per_file_one_failure_per_finding_escaped() {
        let a = Arc::new(SourceFile::new("a&b.txt", "x <ASISMA> y"));
        let b = Arc::new(SourceFile::new("c.md", "z"));
        let d = |file: &Arc<SourceFile>, msg: &str| Diagnostic {
            file: file.clone(),
            rule: "ACR003".into(),
            severity: Severity::Error,
            finding: Finding::new(0..1, msg),
        };
        let out = render(&[
            d(&a, "'<ASISMA>' & \"x\"\u{1}"),
            d(&a, "two"),
            d(&b, "three"),
        ]);
        assert_eq!(out.matches("<testsuite ").count(), 2);
        assert_eq!(out.matches("<testcase ").count(), 3);
        assert_eq!(out.matches("<failure ").count(), 3);
        assert!(out.contains("name=\"a&amp;b.txt\" tests=\"2\""));
        assert!(out.contains("&apos;&lt;ASISMA&gt;&apos; &amp; &quot;x&quot;"));
        assert!(!out.contains('\u{1}'));
        assert!(out.starts_with("<?xml") && out.trim_end().ends_with("</testsuites>"));
    }
}
