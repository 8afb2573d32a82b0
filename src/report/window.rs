//! The lines a human-readable diagnostic shows, cut to a window around its spans.
//!
//! codespan-reporting prints every line a label touches in full: a finding on a line copied out
//! of a PDF without line breaks printed the whole paragraph, and one on a 1 MB line printed a
//! megabyte. For each diagnostic we build a small *excerpt* of each file it points into: only
//! the lines its labels touch, each cut to at most [`MAX_COLUMNS`] characters around the
//! labels, with an ellipsis where text was cut. Offsets are mapped from the real file into the
//! excerpt, and the excerpt reports real line numbers and columns back to codespan, so the
//! carets, the line numbers and the `file:line:column` locus stay those of the real file.

use crate::source::SourceFile;
use std::ops::Range;

/// The most characters of one source line shown, ellipses aside.
pub const MAX_COLUMNS: usize = 120;
/// How far before the first label a cut window starts, in characters, for context.
const LEAD: usize = 30;
const ELLIPSIS: &str = "…";

/// One line of an excerpt: where its window lies in the real file and in the excerpt.
#[derive(Debug)]
struct Line {
    /// 0-based line index in the real file.
    real_index: usize,
    /// The window, as bytes of the real file.
    real: Range<usize>,
    /// Where the window's first byte sits in the excerpt (after any leading ellipsis).
    at: usize,
}

/// A file's excerpt for one diagnostic.
#[derive(Debug)]
pub struct Excerpt<'a> {
    pub file: &'a SourceFile,
    /// The excerpt's text: its lines, one per line, windowed.
    pub text: String,
    lines: Vec<Line>,
    /// Byte offsets where the excerpt's lines start.
    starts: Vec<usize>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `file` showing `spans` (byte ranges of the real file).
    pub fn new(file: &'a SourceFile, spans: &[Range<usize>]) -> Excerpt<'a> {
        let len = file.text.len();
        // What each line must show: the pieces of the spans on it, as (from, to) bytes. A line
        // a span only passes through shows its start; the first line of a span spread over
        // several shows where it starts, the last where it ends.
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        for span in spans {
            let start = span.start.min(len);
            let end = span.end.min(len).max(start);
            let (first, last) = (file.line_index(start), file.line_index(end));
            for li in first..=last {
                let piece = match (li == first, li == last) {
                    (true, true) => (start, end),
                    (true, false) => (start, start),
                    (false, true) => (end, end),
                    (false, false) => {
                        let s = file.line_range(li).start;
                        (s, s)
                    }
                };
                pieces.push((li, piece.0, piece.1));
            }
        }
        pieces.sort_unstable();
        pieces.dedup();
        // Per line, the pieces that fit in one window together: a line with two labels far
        // apart is shown twice, once around each.
        let mut windows: Vec<(usize, usize, usize)> = Vec::new();
        for (li, lo, hi) in pieces {
            match windows.last_mut() {
                Some(w)
                    if w.0 == li
                        && count_chars_upto(&file.text, w.1..hi.max(w.2), MAX_COLUMNS + 1)
                            <= MAX_COLUMNS - LEAD =>
                {
                    w.2 = w.2.max(hi);
                }
                _ => windows.push((li, lo, hi)),
            }
        }
        // codespan shows the one line between two shown lines, and a break for more: the line
        // between joins the excerpt, and a longer gap becomes two empty lines there.
        let between: Vec<(usize, usize, usize)> = windows
            .windows(2)
            .filter(|w| w[1].0 == w[0].0 + 2)
            .map(|w| {
                let s = file.line_range(w[0].0 + 1).start;
                (w[0].0 + 1, s, s)
            })
            .collect();
        windows.extend(between);
        windows.sort_unstable();
        let mut excerpt = Excerpt {
            file,
            text: String::new(),
            lines: Vec::new(),
            starts: Vec::new(),
        };
        let mut previous: Option<usize> = None;
        for (li, lo, hi) in windows {
            if previous.is_some_and(|p| li > p + 1) {
                for _ in 0..2 {
                    excerpt.starts.push(excerpt.text.len());
                    excerpt.text.push('\n');
                    excerpt.lines.push(Line {
                        real_index: usize::MAX,
                        real: 0..0,
                        at: excerpt.text.len() - 1,
                    });
                }
            }
            previous = Some(li);
            let line = file.line_range(li);
            let window = window(&file.text, line.clone(), lo, hi);
            excerpt.starts.push(excerpt.text.len());
            if window.start > line.start {
                excerpt.text.push_str(ELLIPSIS);
            }
            let at = excerpt.text.len();
            excerpt.text.push_str(&file.text[window.clone()]);
            if window.end < line.end {
                excerpt.text.push_str(ELLIPSIS);
            }
            excerpt.text.push('\n');
            excerpt.lines.push(Line {
                real_index: li,
                real: window,
                at,
            });
        }
        excerpt
    }

    /// Where a byte offset of the real file is in the excerpt (clamped into its line's window).
    pub fn map(&self, offset: usize) -> usize {
        let li = self.file.line_index(offset.min(self.file.text.len()));
        // The window of its line that holds it, or else the nearest one.
        let distance = |l: &&Line| {
            if offset < l.real.start {
                l.real.start - offset
            } else {
                offset.saturating_sub(l.real.end)
            }
        };
        let Some(line) = self
            .lines
            .iter()
            .filter(|l| l.real_index == li)
            .min_by_key(distance)
        else {
            return 0;
        };
        let clamped = offset.clamp(line.real.start, line.real.end);
        line.at + (clamped - line.real.start)
    }

    /// Maps a range of the real file into the excerpt.
    pub fn map_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.map(range.start);
        start..self.map(range.end).max(start)
    }

    /// The excerpt line holding an excerpt offset.
    pub fn line_index(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The bytes of excerpt line `index`, without its line break.
    pub fn line_range(&self, index: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(index)?;
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |&e| e)
            .saturating_sub(1)
            .max(start);
        Some(start..end)
    }

    /// The real 1-based line number of excerpt line `index` (for a text numbered by paragraph,
    /// its paragraph's; gap lines borrow their neighbour's, plus one, which codespan never
    /// shows).
    pub fn line_number(&self, index: usize) -> usize {
        match self.lines.get(index) {
            Some(l) if l.real_index != usize::MAX => self.file.line_number(l.real_index),
            _ => self
                .lines
                .get(..index)
                .and_then(|ls| ls.iter().rev().find(|l| l.real_index != usize::MAX))
                .map_or(1, |l| self.file.line_number(l.real_index) + 1),
        }
    }

    /// The real 1-based line and column of an excerpt offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let Some(line) = self.lines.get(self.line_index(offset)) else {
            return (1, 1);
        };
        if line.real_index == usize::MAX {
            return (self.line_number(self.line_index(offset)), 1);
        }
        let real = line.real.start + offset.saturating_sub(line.at).min(line.real.len());
        self.file.position(real)
    }
}

/// The part of `line` to show: the whole line when it is short, otherwise at most
/// [`MAX_COLUMNS`] characters starting a little before `lo`, reaching `hi` when it fits.
fn window(text: &str, line: Range<usize>, lo: usize, hi: usize) -> Range<usize> {
    // A line of at most MAX_COLUMNS bytes has at most that many characters.
    if line.len() <= MAX_COLUMNS || chars_within(text, line.clone(), MAX_COLUMNS) {
        return line;
    }
    let lo = lo.clamp(line.start, line.end);
    let hi = hi.clamp(lo, line.end);
    // Start LEAD characters before the label, fewer when the label is wide.
    let span_chars = count_chars_upto(text, lo..hi, MAX_COLUMNS);
    let lead = LEAD.min(MAX_COLUMNS.saturating_sub(span_chars) / 2);
    let start = back(text, lo, lead, line.start);
    let end = forward(text, start, MAX_COLUMNS, line.end);
    if end == line.end {
        // The window reaches the line's end: fill it from there, so none of it is wasted.
        return back(text, line.end, MAX_COLUMNS, line.start)..end;
    }
    start..end
}

/// Whether `range` holds at most `max` characters (without counting past `max`).
fn chars_within(text: &str, range: Range<usize>, max: usize) -> bool {
    count_chars_upto(text, range, max + 1) <= max
}

fn count_chars_upto(text: &str, range: Range<usize>, max: usize) -> usize {
    text[range].chars().take(max).count()
}

/// The offset `n` characters before `from`, not before `floor`.
fn back(text: &str, from: usize, n: usize, floor: usize) -> usize {
    let mut at = from;
    for _ in 0..n {
        if at <= floor {
            break;
        }
        at -= 1;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
    }
    at
}

/// The offset `n` characters after `from`, not after `ceiling`.
fn forward(text: &str, from: usize, n: usize, ceiling: usize) -> usize {
    text[from..ceiling]
        .char_indices()
        .nth(n)
        .map_or(ceiling, |(i, _)| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        let file = SourceFile::new("t", "one\nThe JMCA met.\nthree\n");
        let at = file.text.find("JMCA").unwrap();
        let e = Excerpt::new(&file, std::slice::from_ref(&(at..at + 4)));
        assert_eq!(e.text, "The JMCA met.\n");
        assert_eq!(&e.text[e.map_range(&(at..at + 4))], "JMCA");
        assert_eq!(e.position(e.map(at)), (2, 5));
        assert_eq!(e.line_number(0), 2);
    }

    #[test]
    fn long_lines_are_cut_around_the_span_with_ellipses() {
        let line = format!("{}“JMCA” {}", "word ".repeat(100), "tail ".repeat(100));
        let file = SourceFile::new("t", &line);
        let at = file.text.find("JMCA").unwrap();
        let e = Excerpt::new(&file, std::slice::from_ref(&(at..at + 4)));
        let shown = e.text.trim_end_matches('\n');
        assert!(
            shown.starts_with(ELLIPSIS) && shown.ends_with(ELLIPSIS),
            "{shown}"
        );
        assert!(shown.chars().count() <= MAX_COLUMNS + 2);
        assert_eq!(&e.text[e.map_range(&(at..at + 4))], "JMCA");
        // The real column: 100 words of five characters and the opening quote before it.
        assert_eq!(e.position(e.map(at)), (1, 502));
    }

    #[test]
    fn distant_lines_keep_a_gap_and_their_numbers() {
        let text = "a JMAC b\nx\ny\nz\nthe JMCA here\n";
        let file = SourceFile::new("t", text);
        let (a, b) = (text.find("JMAC").unwrap(), text.find("JMCA").unwrap());
        let e = Excerpt::new(&file, &[b..b + 4, a..a + 4]);
        let last = e.line_index(e.map(b));
        assert_eq!(e.line_number(0), 1);
        assert_eq!(e.line_number(last), 5);
        assert!(last >= 2, "a gap between lines 1 and 5: {:?}", e.text);
    }
}
