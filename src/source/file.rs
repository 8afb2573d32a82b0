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
    /// For a text made out of a file that has no lines of its own (a Word draft), the byte
    /// offsets where its numbered units (paragraphs) start: positions count those, a "line"
    /// being a paragraph and a column a character within it. `None`: lines are lines.
    paragraph_starts: Option<Vec<usize>>,
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
            paragraph_starts: None,
            char_checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// Numbers positions by paragraph: `starts` are the byte offsets where paragraphs start,
    /// in order (the first is 0). A position's line is then its paragraph's number and its
    /// column the character within the paragraph.
    pub fn with_paragraphs(mut self, starts: Vec<usize>) -> Self {
        self.set_paragraphs(starts);
        self
    }

    /// [`SourceFile::with_paragraphs`], in place.
    pub fn set_paragraphs(&mut self, mut starts: Vec<usize>) {
        starts.retain(|&s| s <= self.text.len());
        starts.sort_unstable();
        starts.dedup();
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        self.paragraph_starts = Some(starts);
    }

    /// Whether positions count paragraphs rather than lines ([`SourceFile::with_paragraphs`]).
    pub fn numbers_paragraphs(&self) -> bool {
        self.paragraph_starts.is_some()
    }

    /// The 1-based number shown for zero-based line `index`: the line's number, or for a text
    /// numbered by paragraph the number of the paragraph the line lies in.
    pub fn line_number(&self, index: usize) -> usize {
        match &self.paragraph_starts {
            None => index + 1,
            Some(p) => {
                let start = self
                    .line_starts
                    .get(index)
                    .copied()
                    .unwrap_or(self.text.len());
                p.partition_point(|&s| s <= start).max(1)
            }
        }
    }

    /// The byte offset in the file on disk of `offset` in `text`: 3 bytes further with a BOM.
    pub fn file_offset(&self, offset: usize) -> usize {
        offset + if self.bom { 3 } else { 0 }
    }

    /// The 1-based number of the line holding `offset` (of the paragraph, for a text numbered
    /// by paragraph) and the byte offset where that line or paragraph starts.
    pub fn numbered_line_at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        match &self.paragraph_starts {
            Some(p) => {
                let n = p.partition_point(|&s| s <= offset).max(1);
                (n, p[n - 1].min(offset))
            }
            None => {
                let line = self.line_index(offset);
                (line + 1, self.line_starts[line])
            }
        }
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
        if let Some(p) = &self.paragraph_starts {
            let n = p.partition_point(|&s| s <= offset).max(1);
            let start = p[n - 1].min(offset);
            return (n, self.chars_before(offset) - self.chars_before(start) + 1);
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
    fn paragraph_numbering_counts_paragraphs_and_their_characters() {
        // Two paragraphs, the second with a line break inside.
        let text = "First “one”.\n\nSecond\nline PLA.";
        let second = text.find("Second").unwrap();
        let f = SourceFile::new("t.docx", text).with_paragraphs(vec![0, second]);
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(text.find('.').unwrap()), (1, 12));
        assert_eq!(f.position(second), (2, 1));
        // The column runs on across the line break inside the paragraph.
        assert_eq!(f.position(text.find("PLA").unwrap()), (2, 13));
        assert_eq!(f.line_number(0), 1);
        assert_eq!(f.line_number(2), 2);
        assert_eq!(f.line_number(3), 2);
        assert_eq!(f.position(text.len() + 5), (2, 17));
        assert_eq!(f.numbered_line_at(text.find("PLA").unwrap()), (2, second));
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
