//! Sources: reading files, deciding what is prose, and walking directories.
//!
//! A [`Document`] keeps the text exactly as written and, beside it, a *prose mask*: a copy of the
//! same byte length in which everything that is not prose (Markdown code, raw HTML, link
//! destinations, front matter, bare URLs) is blanked with spaces, line breaks kept. Every later
//! stage reads the mask, so all offsets are byte offsets into the original text and line numbers
//! never drift.

mod directives;
mod file;
mod load;
mod markdown;
pub mod toml_entries;
mod urls;
mod walk;

pub use directives::{Directive, DirectiveKind};
pub use file::SourceFile;
pub use load::{
    load_path, load_stdin, read_limited, read_limited_path, read_path, read_settings_file,
    LoadError, MAX_SETTINGS_BYTES,
};
pub use walk::{expand_paths, Input, DOCUMENT_EXTENSIONS};

use std::ops::Range;
use std::sync::Arc;

/// The longest document factlint reads: token offsets are 32-bit.
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize;

/// How a document's text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// The format for a file name: Markdown by extension, plain text otherwise.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdown", ".mkd", ".mkdn"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            Format::Markdown
        } else {
            Format::Text
        }
    }
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
        if format == Format::Markdown {
            let md = markdown::scan(&file.text);
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
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        for b in &mut self.bytes[start..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }

    fn finish(self) -> String {
        // Whole characters were replaced by ASCII spaces, so the bytes are still UTF-8.
        String::from_utf8(self.bytes).unwrap_or_else(|_| self.text.to_owned())
    }
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
