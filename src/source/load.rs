//! Reading a document from disk or stdin, with a clear error for what cannot be read as text.

use super::{Document, Format, MAX_DOCUMENT_BYTES};
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a path could not be read as a document. Each becomes an error diagnostic of its own; the
/// run goes on with the other files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    NotFound,
    Binary,
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// Larger than the 4 GiB a document may be (its size in bytes).
    TooLarge(u64),
    Io(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound => write!(f, "no such file or directory"),
            LoadError::Binary => write!(f, "binary file (it contains NUL bytes), not checked"),
            LoadError::NotUtf8 { line, column } => write!(
                f,
                "not valid UTF-8 (first invalid byte at line {line}, column {column}); \
                 convert it to UTF-8 to check it"
            ),
            LoadError::TooLarge(size) => write!(
                f,
                "too large to check ({:.1} GiB; factlint reads documents up to 4 GiB)",
                *size as f64 / (1u64 << 30) as f64
            ),
            LoadError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// Reads `path` as a document, its format decided by extension.
pub fn load_path(path: &Path, display: &str) -> Result<Document, LoadError> {
    if Format::from_path(display) == Format::Docx {
        return super::docx::load(path, display);
    }
    let (text, bom) = read_path(path)?;
    Ok(Document::new(display, text, Format::from_path(display)).with_bom(bom))
}

/// Reads `path` as a document's text, without analysing it (a cached result needs no more),
/// and whether the file begins with a byte-order mark (dropped from the text).
pub fn read_path(path: &Path) -> Result<(String, bool), LoadError> {
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound,
        _ => LoadError::Io(e.to_string()),
    };
    // Refused before reading: a file this large would not fit in memory several times over.
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_DOCUMENT_BYTES as u64 {
        return Err(LoadError::TooLarge(size));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    Ok((decode(bytes)?, bom))
}

/// Reads standard input as a document named `name` (`--stdin-filename`), its format decided by
/// that name's extension; without a name, as plain text named `<stdin>`.
pub fn load_stdin(name: Option<&str>) -> Result<Document, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io(e.to_string()))?;
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    let text = decode(bytes)?;
    let format = name.map_or(Format::Text, Format::from_path);
    Ok(Document::new(name.unwrap_or("<stdin>"), text, format).with_bom(bom))
}

/// Text from bytes: NUL bytes mean a binary file; invalid UTF-8 is reported with its position;
/// a UTF-8 byte-order mark is dropped (the document records it: [`Document::with_bom`]).
fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.replace_range(..3, "");
            }
            Ok(s)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let good = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Err(LoadError::NotUtf8 { line, column })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_position_of_bad_byte() {
        let e = decode(b"ok\nab\xffcd".to_vec()).unwrap_err();
        assert_eq!(e, LoadError::NotUtf8 { line: 2, column: 3 });
    }

    #[test]
    fn decode_rejects_nul_and_drops_bom() {
        assert_eq!(decode(b"a\0b".to_vec()).unwrap_err(), LoadError::Binary);
        assert_eq!(decode("\u{feff}Hi".as_bytes().to_vec()).unwrap(), "Hi");
    }
}
