//! `--format concise`: one line per finding, `path:line:col: severity[CODE] message`.

use crate::diagnostic::Diagnostic;

pub fn render(diagnostics: &[Diagnostic]) -> String {
    render_refs(&diagnostics.iter().collect::<Vec<_>>())
}

pub fn render_refs(diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, col) = d.file.position(d.finding.range.start);
        out.push_str(&format!(
            "{}:{line}:{col}: {}[{}] {}\n",
            super::shown_name(d.path()),
            d.severity,
            d.rule,
            d.finding.message
        ));
    }
    out
}
