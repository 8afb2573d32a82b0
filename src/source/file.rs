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
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
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
}
