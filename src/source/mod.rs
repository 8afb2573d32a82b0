//! Sources: reading files, deciding what is prose, and walking directories.
//!
//! A [`Document`] keeps the text exactly as written and, beside it, a *prose mask*: a copy of the
//! same byte length in which everything that is not prose (Markdown code, raw HTML, link
//! destinations, front matter, bare URLs) is blanked with spaces, line breaks kept. Every later
//! stage reads the mask, so all offsets are byte offsets into the original text and line numbers
//! never drift.

mod asciidoc;
mod directives;
mod docx;
mod docx_xml;
mod file;
mod html;
mod load;
mod markdown;
mod mdx;
mod rst;
mod sitegen;
pub mod toml_entries;
mod urls;
mod walk;

pub use directives::{Directive, DirectiveKind};
pub use docx::{read_docx, read_docx_within, MAX_INFLATED};
pub use file::SourceFile;
pub use load::{
    load_path, load_stdin, read_limited, read_limited_path, read_path, read_settings_file,
    LoadError, MAX_SETTINGS_BYTES,
};
pub use walk::{expand_paths, expand_paths_filtered, Input, DOCUMENT_EXTENSIONS};

use std::ops::Range;
use std::sync::Arc;

/// The longest document factlint reads: token offsets are 32-bit.
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize;

/// How a document's text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// HTML: the body's text is prose, tags and code are not (see `html.rs`).
    Html,
    /// A Word draft (`.docx`): its paragraphs' text, read out of the package (see `docx.rs`).
    Docx,
    /// Markdown with JSX and JavaScript (`.mdx`).
    Mdx,
    /// reStructuredText (`.rst`).
    Rst,
    /// AsciiDoc (`.adoc`, `.asciidoc`).
    AsciiDoc,
}

impl Format {
    /// The format for a file name: by extension, plain text when none is known.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        let ext = |exts: &[&str]| exts.iter().any(|ext| lower.ends_with(ext));
        if ext(&[".mdx"]) {
            Format::Mdx
        } else if ext(&[".rst", ".rest"]) {
            Format::Rst
        } else if ext(&[".adoc", ".asciidoc", ".asc"]) {
            Format::AsciiDoc
        } else if ext(&[".md", ".markdown", ".mdown", ".mkd", ".mkdn"]) {
            Format::Markdown
        } else if ext(&[".html", ".htm"]) {
            Format::Html
        } else if ext(&[".docx"]) {
            Format::Docx
        } else {
            Format::Text
        }
    }

    /// Whether a document's structure (headings, notes, lost bullets) is read from its lines
    /// as in text copied out of a PDF: plain text, and the formats whose paragraphs carry no
    /// markup for it (a Word draft's, an HTML page's `<p>`s).
    pub fn guesses_structure(self) -> bool {
        matches!(self, Format::Text | Format::Html | Format::Docx)
    }

    /// Whether the file holds the text itself, so that `--fix` can write to it (a `.docx` is a
    /// zip package of XML: its text is read out of it, and is not the file).
    pub fn is_text_file(self) -> bool {
        self != Format::Docx
    }
}

/// What a line-based markup scanner (reStructuredText, AsciiDoc) found.
#[derive(Default, Debug)]
struct MarkupScan {
    /// Everything that is not prose.
    not_prose: Vec<Range<usize>>,
    /// Literal blocks, code and comments: not read at all (a URL or suppression comment in
    /// them is an example of one).
    literal: Vec<Range<usize>>,
    headings: Vec<Range<usize>>,
}

/// A footnote reference or definition written in Markdown syntax (`[^label]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkdownFootnote {
    pub label: String,
    pub range: Range<usize>,
}

/// A document ready for analysis.
#[derive(Debug)]
pub struct Document {
    pub file: Arc<SourceFile>,
    pub format: Format,
    /// Same length as `file.text`; non-prose bytes replaced by spaces (newlines kept).
    pub prose: String,
    /// Byte ranges of headings known from the markup (Markdown `#` and setext headings).
    pub headings: Vec<Range<usize>>,
    /// Byte ranges of Markdown links (their text is prose; a table of contents is made of them).
    pub links: Vec<Range<usize>>,
    /// Bare URLs and autolinks (their text is not prose, but dates in them are read by DAT006).
    pub urls: Vec<Range<usize>>,
    /// Markdown footnote references `[^1]`, in order of appearance.
    pub footnote_refs: Vec<MarkdownFootnote>,
    /// Markdown footnote definitions `[^1]: ...`.
    pub footnote_defs: Vec<MarkdownFootnote>,
    /// The suppression comments (`<!-- factlint-disable ... -->`), in order.
    pub directives: Vec<Directive>,
}

impl Document {
    /// Records that the file starts with a UTF-8 byte-order mark the text does not hold: byte
    /// offsets reported for it count the mark, and `--fix` writes it back.
    pub fn with_bom(mut self, bom: bool) -> Document {
        if let Some(file) = Arc::get_mut(&mut self.file) {
            file.bom = bom;
        }
        self
    }

    /// Builds a document from text, masking what is not prose.
    pub fn new(name: impl Into<String>, text: impl Into<String>, format: Format) -> Document {
        let file = Arc::new(SourceFile::new(name, text));
        let mut mask = Mask::new(&file.text);
        let mut headings = Vec::new();
        let mut links = Vec::new();
        let mut footnote_refs = Vec::new();
        let mut footnote_defs = Vec::new();
        let mut code: Vec<Range<usize>> = Vec::new();
        let mut literal: Vec<Range<usize>> = Vec::new();
        if matches!(format, Format::Markdown | Format::Mdx) {
            let md = markdown::scan(&file.text, format == Format::Mdx);
            code = md.code;
            literal = md.literal;
            for r in md.not_prose {
                mask.blank(r);
            }
            headings = md.headings;
            links = md.links;
            footnote_refs = md.footnote_refs;
            footnote_defs = md.footnote_defs;
        }
        if format == Format::Html {
            let h = html::scan(&file.text);
            for r in h.not_prose {
                mask.blank(r);
            }
            for (r, with) in h.references {
                mask.write(r, &with);
            }
            for at in h.breaks {
                mask.line_break(at);
            }
            code = h.code;
            literal = h.literal;
            headings = h.headings;
            links = h.links;
        }
        if matches!(format, Format::Rst | Format::AsciiDoc) {
            let scanned = if format == Format::Rst {
                rst::scan(&file.text)
            } else {
                asciidoc::scan(&file.text)
            };
            for r in scanned.not_prose {
                mask.blank(r);
            }
            code = scanned.literal.clone();
            literal = scanned.literal;
            headings = scanned.headings;
        }
        let mut urls = urls::find_urls(&file.text);
        for r in &urls {
            mask.blank(r.clone());
        }
        // A URL inside code is code: DAT006 and REF003 do not read it. Code spans can nest
        // (the lines of an HTML block inside it): merged into disjoint spans in order, each URL
        // is looked up by position.
        code.sort_by_key(|c| c.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(code.len());
        for c in code {
            match merged.last_mut() {
                Some(last) if c.start <= last.end => last.end = last.end.max(c.end),
                _ => merged.push(c),
            }
        }
        let code = merged;
        urls.retain(|u| {
            let i = code.partition_point(|c| c.start <= u.start);
            code[..i].last().is_none_or(|c| u.start >= c.end)
        });
        // Suppression comments are not prose. One written in code is an example of one (a
        // README showing how to suppress a rule): it suppresses nothing.
        let mut directives = directives::lex(&file);
        directives.retain(|d| {
            !literal
                .iter()
                .any(|l| l.start <= d.range.start && d.range.end <= l.end)
        });
        for d in &directives {
            mask.blank(d.range.clone());
        }
        if format == Format::Text {
            // Markup tags left in plain text ("<SECTION>", "<FN110>", "<br/>") are not prose.
            for r in urls::find_tags(&file.text) {
                mask.blank(r);
            }
        }
        Document {
            prose: mask.finish(),
            file,
            format,
            headings,
            links,
            urls,
            footnote_refs,
            footnote_defs,
            directives,
        }
    }

    /// A Word draft's document: its text (paragraphs joined by blank lines), numbered by
    /// paragraph, its note marks not prose and recorded as footnotes, its headings.
    fn from_docx(name: impl Into<String>, docx: docx::Docx) -> Document {
        let docx::Docx {
            text,
            paragraph_starts,
            headings,
            footnote_refs,
            footnote_defs,
            marks,
        } = docx;
        let mut doc = Document::new(name, text, Format::Docx);
        if let Some(file) = Arc::get_mut(&mut doc.file) {
            file.set_paragraphs(paragraph_starts);
        }
        let mut bytes = std::mem::take(&mut doc.prose).into_bytes();
        for r in marks {
            // The marks are ASCII ("[12]"): blanking them keeps the prose UTF-8.
            if let Some(b) = bytes.get_mut(r).filter(|b| b.is_ascii()) {
                b.fill(b' ');
            }
        }
        doc.prose = String::from_utf8(bytes).unwrap_or_else(|_| doc.file.text.clone());
        doc.headings = headings;
        doc.footnote_refs = footnote_refs;
        doc.footnote_defs = footnote_defs;
        doc
    }

    pub fn text(&self) -> &str {
        &self.file.text
    }

    pub fn name(&self) -> &str {
        &self.file.name
    }
}

/// Blanks byte ranges of a text while keeping its length and its line breaks.
struct Mask<'a> {
    text: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    fn new(text: &'a str) -> Mask<'a> {
        Mask {
            text,
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn blank(&mut self, range: Range<usize>) {
        // Widen to char boundaries so that only whole characters are replaced.
        let mut start = range.start.min(self.text.len());
        let mut end = range.end.min(self.text.len()).max(start);
        // A character written over a character reference (`Mask::write`) is whole too.
        let inside = |m: &Mask, i: usize| {
            !m.text.is_char_boundary(i) || m.bytes.get(i).is_some_and(|b| b & 0xC0 == 0x80)
        };
        while start > 0 && inside(self, start) {
            start -= 1;
        }
        while end < self.text.len() && inside(self, end) {
            end += 1;
        }
        for b in &mut self.bytes[start..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }

    /// Writes `with` (as long as `range`) over ASCII bytes of the text (an HTML character
    /// reference): what the analysis reads there instead.
    fn write(&mut self, range: Range<usize>, with: &str) {
        let ascii = self
            .text
            .as_bytes()
            .get(range.clone())
            .is_some_and(|b| b.is_ascii());
        if ascii && with.len() == range.len() {
            self.bytes[range].copy_from_slice(with.as_bytes());
        }
    }

    /// Makes the ASCII byte at `at` (a byte of a markup tag) a line break.
    fn line_break(&mut self, at: usize) {
        if self.text.as_bytes().get(at).is_some_and(u8::is_ascii) {
            self.bytes[at] = b'\n';
        }
    }

    fn finish(self) -> String {
        // Whole characters were replaced by ASCII spaces, so the bytes are still UTF-8.
        String::from_utf8(self.bytes).unwrap_or_else(|_| self.text.to_owned())
    }
}

/// `text` with `ranges` blanked as the prose mask blanks them (line breaks kept): what the
/// format scanners' tests read.
#[cfg(test)]
pub(crate) fn blank_ranges(text: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for r in ranges {
        for b in &mut bytes[r] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_in_code_and_html_are_not_read() {
        let text = "See http://a.org/2013/05/x here.\n\n`http://b.org/2014/01/y`\n\n<div>\n<p>http://c.org/2015/02/z</p>\n</div>\n\n```\nhttp://d.org/2016/03/w\n```\n\nAnd www.e.org/2017/04/v too.\n";
        let d = Document::new("t.md", text, Format::Markdown);
        let found: Vec<&str> = d.urls.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, vec!["http://a.org/2013/05/x", "www.e.org/2017/04/v"]);
    }

    #[test]
    fn mask_keeps_length_and_lines() {
        let d = Document::new(
            "t.md",
            "Use `PLA` here.\n\n```\nXYZ code\n```\nSee <https://x.org/ABC>.\n",
            Format::Markdown,
        );
        assert_eq!(d.prose.len(), d.text().len());
        assert!(!d.prose.contains("PLA"));
        assert!(!d.prose.contains("XYZ"));
        assert!(!d.prose.contains("ABC"));
        assert_eq!(
            d.prose.matches('\n').count(),
            d.text().matches('\n').count()
        );
        assert!(d.prose.contains("Use"));
    }
}
