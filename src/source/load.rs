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
    /// Larger than the most factlint reads from one input of its kind: its size where the file
    /// system reports one, and that limit, in bytes.
    TooLarge {
        size: Option<u64>,
        limit: u64,
    },
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
            LoadError::TooLarge { size, limit } => {
                let kind = if *limit == MAX_DOCUMENT_BYTES as u64 {
                    "documents"
                } else {
                    "facts, rule, config and baseline files"
                };
                match size {
                    Some(size) => write!(
                        f,
                        "too large to check ({}; factlint reads {kind} up to {})",
                        human_bytes(*size),
                        human_bytes(*limit)
                    ),
                    None => write!(
                        f,
                        "too large: more than {}, the most factlint reads ({kind}); \
                         a device or a pipe that never ends stops here",
                        human_bytes(*limit)
                    ),
                }
            }
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
    let bytes = read_limited_path(path, MAX_DOCUMENT_BYTES)?;
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    Ok((decode(bytes)?, bom))
}

/// Reads standard input as a document named `name` (`--stdin-filename`), its format decided by
/// that name's extension; without a name, as plain text named `<stdin>`.
pub fn load_stdin(name: Option<&str>) -> Result<Document, LoadError> {
    let bytes = read_limited(std::io::stdin().lock(), MAX_DOCUMENT_BYTES, 0)?;
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    let text = decode(bytes)?;
    let format = name.map_or(Format::Text, Format::from_path);
    Ok(Document::new(name.unwrap_or("<stdin>"), text, format).with_bom(bom))
}

/// The most factlint reads from a facts, rule, config or baseline file: far more than any
/// real one holds, far less than a document may be.
pub const MAX_SETTINGS_BYTES: usize = 64 << 20;

/// Reads a facts, rule, config or baseline file as UTF-8 text (a byte-order mark kept, as the
/// TOML and JSON readers see it), at most [`MAX_SETTINGS_BYTES`].
pub fn read_settings_file(path: &Path) -> Result<String, LoadError> {
    let bytes = read_limited_path(path, MAX_SETTINGS_BYTES)?;
    String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()))
}

/// Every byte of the file at `path`, at most `limit` of them. The one reader of every input:
/// see [`read_limited`].
pub fn read_limited_path(path: &Path, limit: usize) -> Result<Vec<u8>, LoadError> {
    read_bounded_path(path, limit, true)
}

/// [`read_limited_path`] for a file that is binary by nature (a `.docx`, a zip package):
/// bounded the same way, but a NUL byte is no reason to stop.
pub fn read_binary_path(path: &Path, limit: usize) -> Result<Vec<u8>, LoadError> {
    read_bounded_path(path, limit, false)
}

fn read_bounded_path(path: &Path, limit: usize, refuse_nul: bool) -> Result<Vec<u8>, LoadError> {
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound,
        _ => LoadError::Io(e.to_string()),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    // The size the file system reports is a hint (a device or a pipe reports 0): a file known
    // to be too large is refused before reading, and the limit holds while reading.
    let hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    if hint > limit as u64 {
        return Err(LoadError::TooLarge {
            size: Some(hint),
            limit: limit as u64,
        });
    }
    read_bounded(file, limit, hint as usize, refuse_nul)
}

/// Reads to the end, but never more than `limit` bytes (an error past it), and stops at the
/// first NUL byte (a binary file: no document, facts, rule, config or baseline file holds
/// one), so that `/dev/zero` or an endless pipe is refused at once or at the limit, never
/// read into all the memory there is. `size_hint` reserves room for a file of known size.
pub fn read_limited(
    reader: impl Read,
    limit: usize,
    size_hint: usize,
) -> Result<Vec<u8>, LoadError> {
    read_bounded(reader, limit, size_hint, true)
}

fn read_bounded(
    reader: impl Read,
    limit: usize,
    size_hint: usize,
    refuse_nul: bool,
) -> Result<Vec<u8>, LoadError> {
    let mut reader = reader.take(limit as u64 + 1);
    let mut bytes = Vec::with_capacity(size_hint.min(limit).saturating_add(1));
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(LoadError::Io(e.to_string())),
        };
        if refuse_nul && memchr::memchr(0, &chunk[..n]).is_some() {
            return Err(LoadError::Binary);
        }
        if bytes.len() + n > limit {
            return Err(LoadError::TooLarge {
                size: None,
                limit: limit as u64,
            });
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    Ok(bytes)
}

fn human_bytes(n: u64) -> String {
    if n > u32::MAX as u64 {
        format!("{:.1} GiB", n as f64 / (1u64 << 30) as f64)
    } else if n >= 1 << 30 {
        format!("{:.0} GiB", n as f64 / (1u64 << 30) as f64)
    } else if n >= 1 << 20 {
        format!("{:.0} MiB", n as f64 / (1u64 << 20) as f64)
    } else {
        format!("{n} bytes")
    }
}

fn not_utf8(bytes: &[u8], valid: usize) -> LoadError {
    let good = String::from_utf8_lossy(&bytes[..valid]);
    let line = good.matches('\n').count() + 1;
    let column = good.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    LoadError::NotUtf8 { line, column }
}

/// Text from bytes: NUL bytes mean a binary file; invalid UTF-8 is reported with its position;
/// a UTF-8 byte-order mark is dropped (the document records it: [`Document::with_bom`]).
fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(LoadError::TooLarge {
            size: Some(bytes.len() as u64),
            limit: MAX_DOCUMENT_BYTES as u64,
        });
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
        Err(e) => Err(not_utf8(e.as_bytes(), e.utf8_error().valid_up_to())),
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
    fn an_endless_reader_stops_at_the_limit() {
        // An endless source of text (a pipe that never ends) and one of zeros (/dev/zero).
        let e = read_limited(std::io::repeat(b'a'), 100_000, 0).unwrap_err();
        assert_eq!(
            e,
            LoadError::TooLarge {
                size: None,
                limit: 100_000
            }
        );
        assert!(e.to_string().contains("more than 100000 bytes"), "{e}");
        let e = read_limited(std::io::repeat(0), MAX_DOCUMENT_BYTES, 0).unwrap_err();
        assert_eq!(e, LoadError::Binary);
        let ok = read_limited(&b"exactly ten"[..], 11, 0).unwrap();
        assert_eq!(ok, b"exactly ten");
        assert!(read_limited(&b"exactly ten"[..], 10, 0).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_whatever_kind_of_input() {
        let p = Path::new("/dev/zero");
        if p.exists() {
            assert_eq!(read_path(p).unwrap_err(), LoadError::Binary);
            assert_eq!(read_settings_file(p).unwrap_err(), LoadError::Binary);
        }
    }

    #[test]
    fn decode_rejects_nul_and_drops_bom() {
        assert_eq!(decode(b"a\0b".to_vec()).unwrap_err(), LoadError::Binary);
        assert_eq!(decode("\u{feff}Hi".as_bytes().to_vec()).unwrap(), "Hi");
    }
}
