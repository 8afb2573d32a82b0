//! Word drafts (`.docx`): the text of a WordprocessingML package, read out of its zip.
//!
//! Prose is what a reader of the draft reads: the body's paragraphs in order (a table's cells
//! are paragraphs too), then the footnotes, then the endnotes, each note a paragraph or more
//! (see `docx_xml.rs` for what counts as a paragraph's text: tracked insertions in, deletions
//! out, comments left out). Not prose: the note marks, written into the text as `[1]` and
//! recorded as footnote references and definitions, so that REF001 and REF002 read them as
//! they read Markdown's `[^1]`. Headers, footers and text boxes' fallbacks are not read.
//!
//! The document's text is the paragraphs joined by blank lines (a paragraph break is a block
//! break for the analysis; a line break inside a paragraph is a line break), and its positions
//! count paragraphs: `line` is the paragraph's number, body first, then the notes, and
//! `column` the character within it ([`SourceFile::with_paragraphs`]).
//!
//! The package is untrusted: its sizes are checked as it is inflated, and the XML read from it
//! is capped at [`MAX_INFLATED`] bytes in all, so a zip bomb is refused rather than unpacked.

use super::docx_xml::{self, Labels, NoteKind, Para};
use super::{Document, LoadError, MarkdownFootnote, MAX_DOCUMENT_BYTES};
use std::io::{Cursor, Read};
use std::ops::Range;
use std::path::Path;

/// The most XML factlint inflates out of one package, all parts together: a draft of a
/// thousand pages holds a few tens of megabytes.
pub const MAX_INFLATED: u64 = 256 << 20;
const MAX_INFLATED_TEXT: &str = "256 MiB in all";

/// The start of an OLE compound file: an encrypted (password-protected) Word file, or a
/// Word 97–2003 `.doc` renamed.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A Word draft's text, with what the markup said about it.
#[derive(Debug, Default)]
pub struct Docx {
    pub text: String,
    /// Where each paragraph starts.
    pub paragraph_starts: Vec<usize>,
    pub headings: Vec<Range<usize>>,
    pub footnote_refs: Vec<MarkdownFootnote>,
    pub footnote_defs: Vec<MarkdownFootnote>,
    /// The note marks written into the text: not prose.
    pub marks: Vec<Range<usize>>,
}

/// Reads the `.docx` at `path` as a document named `display`.
pub fn load(path: &Path, display: &str) -> Result<Document, LoadError> {
    let bytes = super::load::read_binary_path(path, MAX_DOCUMENT_BYTES)?;
    let docx = read(&bytes, MAX_INFLATED).map_err(LoadError::Io)?;
    Ok(Document::from_docx(display, docx))
}

/// Reads a `.docx` package from its bytes as a document named `name` (for tests, fuzzing and
/// editors: [`load`] reads it from a file).
pub fn read_docx(name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    read_docx_within(name, bytes, MAX_INFLATED)
}

/// [`read_docx`], inflating at most `limit` bytes of XML (tests use a small one).
pub fn read_docx_within(name: &str, bytes: &[u8], limit: u64) -> Result<Document, LoadError> {
    read(bytes, limit)
        .map(|d| Document::from_docx(name, d))
        .map_err(LoadError::Io)
}

/// Reads a `.docx` package from its bytes, inflating at most `limit` bytes of XML; the error
/// says, in a sentence, what is wrong.
pub fn read(bytes: &[u8], limit: u64) -> Result<Docx, String> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(
            "an encrypted (password-protected) Word document, or a Word 97-2003 file \
                    renamed .docx: it is not a zip package; remove the password or save it as \
                    .docx to check it"
                .into(),
        );
    }
    if !bytes.starts_with(b"PK") {
        return Err("not a Word .docx file: it is not a zip package".into());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("a corrupt or truncated .docx (its zip package: {e})"))?;
    let mut budget = limit;
    let rels = part(&mut zip, "_rels/.rels", &mut budget)?;
    let main = rels
        .as_deref()
        .and_then(|r| docx_xml::relationship(r, "officeDocument"))
        .map(|t| t.trim_start_matches('/').to_string())
        .unwrap_or_else(|| "word/document.xml".into());
    let Some(document) = part(&mut zip, &main, &mut budget)? else {
        return Err(format!(
            "not a Word document: its zip package has no {main} (the document's text)"
        ));
    };
    // The notes parts, named by the main part's relationships (beside it), or by convention.
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let doc_rels = part(
        &mut zip,
        &format!("{folder}/_rels/{file}.rels"),
        &mut budget,
    )?;
    let notes_part = |kind: &str| {
        let target = doc_rels
            .as_deref()
            .and_then(|r| docx_xml::relationship(r, kind))
            .unwrap_or_else(|| format!("{kind}.xml"));
        match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None if dir.is_empty() => target,
            None => format!("{dir}/{target}"),
        }
    };
    let (foot_name, end_name) = (notes_part("footnotes"), notes_part("endnotes"));
    let footnotes = part(&mut zip, &foot_name, &mut budget)?;
    let endnotes = part(&mut zip, &end_name, &mut budget)?;

    let mut labels = Labels::default();
    let at = |name: &String| {
        let name = name.clone();
        move |e: String| format!("{name}: {e}")
    };
    let body = docx_xml::paragraphs(&document, None, &mut labels).map_err(at(&main))?;
    let mut notes = Vec::new();
    for (xml, kind, name) in [
        (footnotes, NoteKind::Footnote, &foot_name),
        (endnotes, NoteKind::Endnote, &end_name),
    ] {
        if let Some(xml) = xml {
            notes.extend(docx_xml::paragraphs(&xml, Some(kind), &mut labels).map_err(at(name))?);
        }
    }
    Ok(assemble(body, notes, &labels))
}

/// One part of the package, inflated within the budget; `None` if the package has no such
/// part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, String> {
    let mut entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(m)) => {
            return Err(format!(
                "the .docx's {name} cannot be read ({m}): an encrypted or unusual zip package"
            ))
        }
        Err(e) => return Err(format!("a corrupt .docx: its {name} cannot be read ({e})")),
    };
    let bomb = || {
        format!(
            "the .docx inflates to more XML than factlint reads ({MAX_INFLATED_TEXT}): a zip bomb?"
        )
    };
    // The declared size is the package's word, not a fact: checked first, then enforced.
    if entry.size() > *budget {
        return Err(bomb());
    }
    let mut out = Vec::new();
    (&mut entry)
        .take(*budget + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("a corrupt .docx: its {name} does not inflate ({e})"))?;
    if out.len() as u64 > *budget {
        return Err(bomb());
    }
    *budget -= out.len() as u64;
    Ok(Some(out))
}

/// The text of the paragraphs, body then notes (footnotes, then endnotes, each in the order
/// they are referred to; notes nothing refers to last), joined by blank lines.
fn assemble(body: Vec<Para>, notes: Vec<Para>, labels: &Labels) -> Docx {
    // Notes are grouped by note (a note may have several paragraphs), then put in order.
    let mut groups: Vec<((NoteKind, u32, usize), Vec<Para>)> = Vec::new();
    for p in notes {
        let Some((kind, label)) = p.note.clone() else {
            continue;
        };
        match groups.last_mut() {
            Some((_, ps))
                if ps.last().and_then(|l| l.note.as_ref()) == Some(&(kind, label.clone())) =>
            {
                ps.push(p)
            }
            _ => {
                let order = labels.order_of_label(kind, &label);
                let n = groups.len();
                groups.push(((kind, order, n), vec![p]));
            }
        }
    }
    groups.sort_by_key(|(key, _)| *key);
    let mut out = Docx::default();
    let push = |out: &mut Docx, p: &Para| -> Range<usize> {
        if !out.paragraph_starts.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.paragraph_starts.push(start);
        out.text.push_str(&p.text);
        start..out.text.len()
    };
    for p in &body {
        let r = push(&mut out, p);
        if p.heading {
            out.headings.push(r.clone());
        }
        for (m, label) in &p.marks {
            let range = r.start + m.start..r.start + m.end;
            out.marks.push(range.clone());
            out.footnote_refs.push(MarkdownFootnote {
                label: label.clone(),
                range,
            });
        }
    }
    for (_, mut ps) in groups {
        let Some((_, label)) = ps[0].note.clone() else {
            continue;
        };
        if !ps[0].has_own_mark {
            // A note without its mark (made by another tool): the mark is written for it.
            let mark = format!("[{label}] ");
            ps[0].text.insert_str(0, &mark);
            for (m, _) in &mut ps[0].marks {
                *m = m.start + mark.len()..m.end + mark.len();
            }
            ps[0].marks.insert(0, (0..mark.len() - 1, label.clone()));
        }
        let mut range = 0..0;
        for (i, p) in ps.iter().enumerate() {
            let r = push(&mut out, p);
            if i == 0 {
                range.start = r.start;
            }
            range.end = r.end;
            for (m, _) in &p.marks {
                out.marks.push(r.start + m.start..r.start + m.end);
            }
        }
        out.footnote_defs.push(MarkdownFootnote { label, range });
    }
    if out.paragraph_starts.is_empty() {
        out.paragraph_starts.push(0);
    }
    out
}
