//! Between factlint's byte offsets and the protocol's positions, paths and diagnostics.
//!
//! The protocol counts a position's `character` in UTF-16 code units (its default encoding,
//! and the one every client supports); factlint's spans are byte offsets into UTF-8 text. A
//! curly quote is 3 bytes and 1 unit, an emoji 4 bytes and 2 units.

use crate::diagnostic::{Diagnostic as Finding, Severity};
use crate::source::SourceFile;
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString, Position, Range, TextDocumentContentChangeEvent, Uri,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The protocol position (0-based line, UTF-16 column) of a byte offset.
pub fn position(file: &SourceFile, offset: usize) -> Position {
    let mut offset = offset.min(file.text.len());
    while !file.text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = file.line_index(offset);
    let start = file.line_starts()[line];
    let character: usize = file.text[start..offset].chars().map(char::len_utf16).sum();
    Position::new(line as u32, character as u32)
}

/// The protocol range of a byte range.
pub fn range(file: &SourceFile, r: &std::ops::Range<usize>) -> Range {
    Range::new(position(file, r.start), position(file, r.end))
}

/// The byte offset of a protocol position in `text`, whose lines start at `line_starts`. A
/// column past the end of its line means the end of the line, a line past the end the end of
/// the text, as the protocol asks.
pub fn offset(text: &str, line_starts: &[usize], pos: Position) -> usize {
    let Some(&start) = line_starts.get(pos.line as usize) else {
        return text.len();
    };
    let mut units = 0usize;
    for (i, c) in text[start..].char_indices() {
        if units >= pos.character as usize || c == '\n' || c == '\r' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The byte offsets where the lines of `text` start.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// Applies one change of `textDocument/didChange`: a range replaced (incremental sync), or the
/// whole text (full sync).
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(r) => {
            let starts = line_starts(text);
            let a = offset(text, &starts, r.start);
            let b = offset(text, &starts, r.end).max(a);
            text.replace_range(a..b, &change.text);
        }
    }
}

/// A `file:` URI for a path (made absolute against the current directory).
pub fn path_to_uri(path: &Path) -> Uri {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let s = abs.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).expect("an escaped file URI parses")
}

/// The path of a `file:` URI; `None` for other schemes (`untitled:`).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|&c| (c as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                decoded.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                decoded.push(c);
                i += 1;
            }
        }
    }
    let mut s = String::from_utf8(decoded).ok()?;
    // file:///C:/x on Windows.
    if s.len() > 2 && s.as_bytes()[2] == b':' && cfg!(windows) {
        s.remove(0);
    }
    Some(PathBuf::from(s))
}

/// The URI of a file a diagnostic or label points into, named by its path.
pub fn uri_for_name(name: &str) -> Uri {
    path_to_uri(Path::new(name))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The message shown for a finding: its message, then its notes and help.
pub fn message(d: &Finding) -> String {
    let f = &d.finding;
    let mut m = f.message.clone();
    for n in &f.notes {
        m.push_str("\nnote: ");
        m.push_str(n);
    }
    if let Some(h) = &f.help {
        m.push_str("\nhelp: ");
        m.push_str(h);
    }
    m
}

/// A finding as a protocol diagnostic on `uri`, the document it is about.
pub fn to_lsp(d: &Finding, uri: &Uri) -> Diagnostic {
    let f = &d.finding;
    let related: Vec<DiagnosticRelatedInformation> = f
        .labels
        .iter()
        .map(|l| {
            let (file, uri) = match &l.file {
                Some(file) => (&**file, uri_for_name(&file.name)),
                None => (&*d.file, uri.clone()),
            };
            DiagnosticRelatedInformation {
                location: Location::new(uri, range(file, &l.range)),
                message: l.message.clone(),
            }
        })
        .collect();
    Diagnostic {
        range: range(&d.file, &f.range),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: None,
        source: Some("factlint".into()),
        message: message(d),
        related_information: (!related.is_empty()).then_some(related),
        tags: (d.rule == crate::suppress::UNUSED_RULE).then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_positions_of_quotes_dashes_and_emoji() {
        // “ ” ’ — are 3 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units.
        let text = "“AFISMA” — ok\nit’s 😀 ASISMA\r\nend";
        let file = SourceFile::new("t", text);
        let starts = line_starts(text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(position(&file, at("AFISMA")), Position::new(0, 1));
        assert_eq!(position(&file, at("ok")), Position::new(0, 11));
        assert_eq!(position(&file, at("😀")), Position::new(1, 5));
        assert_eq!(position(&file, at("ASISMA")), Position::new(1, 8));
        assert_eq!(position(&file, at("end")), Position::new(2, 0));
        assert_eq!(position(&file, text.len()), Position::new(2, 3));
        // And back, for every character boundary.
        for (i, _) in text.char_indices() {
            if text[i..].starts_with('\n') || text[i..].starts_with("\r\n") {
                continue;
            }
            assert_eq!(offset(text, &starts, position(&file, i)), i, "offset {i}");
        }
        // Past the end of a line: the end of that line; past the last line: the end.
        assert_eq!(offset(text, &starts, Position::new(0, 99)), at("\nit"));
        assert_eq!(offset(text, &starts, Position::new(9, 0)), text.len());
        // In the middle of a surrogate pair: after the emoji.
        assert_eq!(offset(text, &starts, Position::new(1, 6)), at("😀") + 4);
    }

    #[test]
    fn incremental_and_full_changes() {
        let mut text = String::from("a “ASISMA” b\nline two");
        let change = |sl, sc, el, ec, t: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(sl, sc), Position::new(el, ec))),
            range_length: None,
            text: t.into(),
        };
        apply_change(&mut text, change(0, 4, 0, 5, "F"));
        assert_eq!(text, "a “AFISMA” b\nline two");
        apply_change(&mut text, change(0, 12, 1, 4, ""));
        assert_eq!(text, "a “AFISMA” b two");
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            },
        );
        assert_eq!(text, "new");
    }

    #[test]
    fn file_uris_round_trip() {
        let p = Path::new("/tmp/a dir/brief #1 ü.md");
        let uri = path_to_uri(p);
        assert_eq!(uri.as_str(), "file:///tmp/a%20dir/brief%20%231%20%C3%BC.md");
        assert_eq!(uri_to_path(&uri).as_deref(), Some(p));
        assert_eq!(
            uri_to_path(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}
