//! A file's text with its line index, shared by documents and by the files that diagnostics point
//! into (facts files, rule files, config files).

use std::ops::Range;

/// A named text and the byte offsets where its lines start.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// The file on disk starts with a UTF-8 byte-order mark, kept out of `text`: an offset in
    /// `text` is [`SourceFile::file_offset`] bytes into the file.
    pub bom: bool,
    /// Characters before each multiple of [`CHECKPOINT`] bytes, built the first time a column
    /// far into a long line is asked for: a column then costs at most one checkpoint's scan,
    /// not a count from the line start (100,000 findings on one line stay linear).
    char_checkpoints: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 512;

/// Characters in `bytes`, which may start or end inside a character: the bytes that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(&text).map(|i| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
            bom: false,
            char_checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// The byte offset in the file on disk of `offset` in `text`: 3 bytes further with a BOM.
    pub fn file_offset(&self, offset: usize) -> usize {
        offset + if self.bom { 3 } else { 0 }
    }

    /// Zero-based line index containing `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of zero-based line `index`, without its line terminator.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_starts[index];
        let mut end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// One-based line and column of `offset`; columns count Unicode scalar values. An offset
    /// inside a character counts as that character's start (never a panic).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let bytes = self.text.as_bytes();
        let column = if offset - start <= 2 * CHECKPOINT {
            chars_in(&bytes[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        (line + 1, column + 1)
    }

    /// The character offset of byte `offset` (an offset inside a character counts as that
    /// character's start), counted from the nearest checkpoint.
    pub fn char_offset(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        self.chars_before(offset)
    }

    /// Characters in `text[..offset]`, from the nearest checkpoint.
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let checkpoints = self.char_checkpoints.get_or_init(|| {
            let mut counts = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
            let mut total = 0;
            counts.push(0);
            for chunk in bytes.chunks(CHECKPOINT) {
                total += chars_in(chunk);
                counts.push(total);
            }
            counts
        });
        let k = offset / CHECKPOINT;
        checkpoints[k] + chars_in(&bytes[k * CHECKPOINT..offset])
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_not_bytes() {
        let f = SourceFile::new("t", "ab\n“PLA’s” x\r\nlast");
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(3), (2, 1));
        let x = f.text.find('x').unwrap();
        assert_eq!(f.position(x), (2, 9));
        assert_eq!(f.line_range(1), 3..f.text.find('\r').unwrap());
        assert_eq!(f.position(f.text.len()), (3, 5));
        // Inside the curly quote: its start.
        assert_eq!(f.position(4), (2, 1));
    }

    #[test]
    fn columns_far_into_a_long_line_come_from_checkpoints() {
        let line = "é zq ".repeat(5000);
        let text = format!("first\n{line}\nlast");
        let f = SourceFile::new("t", text.as_str());
        for (i, _) in text.match_indices("zq").step_by(97) {
            let expected = text[6..i].chars().count() + 1;
            assert_eq!(f.position(i), (2, expected));
        }
        assert_eq!(f.position(text.len()), (3, 5));
    }
}
