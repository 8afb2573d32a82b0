//! WordprocessingML, read with quick-xml: the paragraphs of one part of a Word package (the
//! body, the footnotes or the endnotes), in document order.
//!
//! A paragraph's text is the text of its runs (`w:t`), tabs and line breaks included, as Word
//! shows it with tracked changes accepted: insertions (`w:ins`, `w:moveTo`) are in, deletions
//! (`w:del`, `w:delText`, `w:moveFrom`) are out. Not text: field instructions (`w:instrText`,
//! the `HYPERLINK "..."` of a field; its result is text), the fallback copy of alternate
//! content (`mc:Fallback`, a duplicate of the text box it stands for), properties. Comments
//! live in a part of their own, which is not read: they are a reviewer's, not the draft's.
//! A note reference is written into the text as its mark, `[1]` (footnotes are numbered from
//! 1 in the order they are referred to, endnotes `[i]`, `[ii]`, ... as Word numbers them).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoteKind {
    Footnote,
    Endnote,
}

/// One paragraph of a part.
#[derive(Default, Debug)]
pub struct Para {
    pub text: String,
    /// Styled as a heading or a title (`Heading1`, `Title`, or an outline level).
    pub heading: bool,
    /// The note marks written into `text` (references in the body, a note's own mark in a
    /// note), with the note's label.
    pub marks: Vec<(Range<usize>, String)>,
    /// In a notes part: the note this paragraph belongs to (its kind, and its label).
    pub note: Option<(NoteKind, String)>,
    /// Whether `text` holds the note's own mark (`w:footnoteRef`).
    pub has_own_mark: bool,
}

/// The labels of the notes, given as their references are met in the body.
#[derive(Default)]
pub struct Labels {
    footnotes: u32,
    endnotes: u32,
    /// (kind, id) → (label, order of reference).
    by_id: HashMap<(NoteKind, String), (String, u32)>,
}

impl Labels {
    fn refer(&mut self, kind: NoteKind, id: &str, custom: bool) -> String {
        if let Some((label, _)) = self.by_id.get(&(kind, id.to_string())) {
            return label.clone();
        }
        let (label, n) = match (kind, custom) {
            // A custom mark ("*") is written by the run that follows: its label is its own.
            (_, true) => (format!("{}{id}", kind_letter(kind)), u32::MAX),
            (NoteKind::Footnote, false) => {
                self.footnotes += 1;
                (self.footnotes.to_string(), self.footnotes)
            }
            (NoteKind::Endnote, false) => {
                self.endnotes += 1;
                (roman(self.endnotes), self.endnotes)
            }
        };
        self.by_id
            .insert((kind, id.to_string()), (label.clone(), n));
        label
    }

    /// The order in which the note labelled `label` was referred to (`u32::MAX`: never).
    pub fn order_of_label(&self, kind: NoteKind, label: &str) -> u32 {
        self.by_id
            .iter()
            .find(|((k, _), (l, _))| *k == kind && l == label)
            .map_or(u32::MAX, |(_, (_, n))| *n)
    }

    /// The label of a note and the order it was referred to in (`u32::MAX`: never, or by a
    /// custom mark): a note nothing refers to is labelled by its id.
    pub fn of(&self, kind: NoteKind, id: &str) -> (String, u32) {
        self.by_id
            .get(&(kind, id.to_string()))
            .cloned()
            .unwrap_or_else(|| (format!("{}{id}", kind_letter(kind)), u32::MAX))
    }
}

fn kind_letter(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Footnote => "f",
        NoteKind::Endnote => "e",
    }
}

/// Lower-case roman numerals, as Word numbers endnotes.
fn roman(mut n: u32) -> String {
    const DIGITS: &[(u32, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(v, s) in DIGITS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Elements whose whole content is not the draft's text.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"delText",
    b"instrText",
    b"delInstrText",
    b"Fallback",
];

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn is_on(v: Option<String>) -> bool {
    v.is_some_and(|v| matches!(v.as_str(), "1" | "true" | "on"))
}

/// Text as a paragraph holds it: line breaks and other control characters (which Word shows
/// as spaces, if at all) are spaces; paragraph and line breaks come from the markup only.
fn push_text(para: &mut Para, s: &str) {
    para.text.extend(
        s.chars()
            .map(|c| if c.is_control() && c != '\t' { ' ' } else { c }),
    );
}

/// The paragraphs of one part. `notes`: the kind of note this part holds (`None` for the
/// body); `labels` are given in the body and read in the notes parts.
pub fn paragraphs(
    xml: &[u8],
    notes: Option<NoteKind>,
    labels: &mut Labels,
) -> Result<Vec<Para>, String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut out = Vec::new();
    let mut open: Vec<Para> = Vec::new();
    let mut skip = 0usize;
    let mut runs = 0usize;
    let mut in_text = false;
    // In a notes part: the note being read (None for separators).
    let mut note: Option<(NoteKind, String)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.error_position()))?;
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(_) | Event::Empty(_) => {
                let (e, empty) = match event {
                    Event::Start(e) => (e, false),
                    Event::Empty(e) => (e, true),
                    _ => continue,
                };
                let local = e.local_name();
                let name = local.as_ref();
                if SKIPPED.contains(&name) {
                    if !empty {
                        skip = 1;
                    }
                    continue;
                }
                match name {
                    b"p" => {
                        let para = Para {
                            note: note.clone(),
                            ..Para::default()
                        };
                        if empty {
                            out.push(para);
                        } else {
                            open.push(para);
                        }
                    }
                    b"r" if !empty => runs += 1,
                    b"t" if !empty => in_text = true,
                    b"footnote" | b"endnote" if notes.is_some() && !empty => {
                        let kind = notes.unwrap_or(NoteKind::Footnote);
                        let separator = attr(&e, b"type").is_some_and(|t| t != "normal");
                        note = match (separator, attr(&e, b"id")) {
                            (false, Some(id)) => Some((kind, labels.of(kind, &id).0)),
                            _ => None,
                        };
                        if note.is_none() {
                            skip = 1;
                        }
                    }
                    b"pStyle" => {
                        let style = attr(&e, b"val").unwrap_or_default().to_ascii_lowercase();
                        if style.starts_with("heading") || style == "title" {
                            if let Some(p) = open.last_mut() {
                                p.heading = true;
                            }
                        }
                    }
                    b"outlineLvl" => {
                        let level: Option<u32> = attr(&e, b"val").and_then(|v| v.parse().ok());
                        if let (Some(p), Some(0..=8)) = (open.last_mut(), level) {
                            p.heading = true;
                        }
                    }
                    _ if runs == 0 => {}
                    b"tab" | b"ptab" => {
                        if let Some(p) = open.last_mut() {
                            p.text.push('\t');
                        }
                    }
                    b"br" | b"cr" => {
                        if let Some(p) = open.last_mut() {
                            p.text.push('\n');
                        }
                    }
                    b"noBreakHyphen" => {
                        if let Some(p) = open.last_mut() {
                            p.text.push('-');
                        }
                    }
                    b"footnoteReference" | b"endnoteReference" => {
                        let kind = if name == b"footnoteReference" {
                            NoteKind::Footnote
                        } else {
                            NoteKind::Endnote
                        };
                        let custom = is_on(attr(&e, b"customMarkFollows"));
                        let id = attr(&e, b"id").unwrap_or_default();
                        let label = labels.refer(kind, &id, custom);
                        if let Some(p) = open.last_mut() {
                            let start = p.text.len();
                            if !custom {
                                p.text.push_str(&format!("[{label}]"));
                            }
                            p.marks.push((start..p.text.len(), label));
                        }
                    }
                    b"footnoteRef" | b"endnoteRef" => {
                        if let (Some(p), Some((_, label))) = (open.last_mut(), &note) {
                            let start = p.text.len();
                            p.text.push_str(&format!("[{label}]"));
                            p.marks.push((start..p.text.len(), label.clone()));
                            p.has_own_mark = true;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => {
                    if let Some(p) = open.pop() {
                        out.push(p);
                    }
                }
                b"r" => runs = runs.saturating_sub(1),
                b"t" => in_text = false,
                b"footnote" | b"endnote" => note = None,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let (Some(p), Ok(s)) = (open.last_mut(), t.xml10_content()) {
                    push_text(p, &s);
                }
            }
            Event::CData(t) if in_text => {
                if let Some(p) = open.last_mut() {
                    push_text(p, &String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(p), Some(c)) = (open.last_mut(), c) {
                    push_text(p, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // Paragraphs left open by a truncated part still hold text.
    out.extend(open.into_iter().rev());
    Ok(out)
}

/// The `Target` of the first relationship whose `Type` ends with `/{kind}`, in a `.rels` part.
pub fn relationship(rels: &[u8], kind: &str) -> Option<String> {
    let mut reader = Reader::from_reader(rels);
    let suffix = format!("/{kind}");
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship"
                    && attr(&e, b"Type").is_some_and(|t| t.ends_with(&suffix)) =>
            {
                return attr(&e, b"Target");
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn body(inner: &str) -> Vec<Para> {
        let xml = format!("<w:document {W}><w:body>{inner}</w:body></w:document>");
        paragraphs(xml.as_bytes(), None, &mut Labels::default()).unwrap()
    }

    #[test]
    fn runs_tabs_breaks_and_tracked_changes() {
        let p = body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:tabs><w:tab w:val=\"left\"/></w:tabs></w:pPr>\
             <w:r><w:t>The</w:t></w:r><w:ins><w:r><w:t xml:space=\"preserve\"> AFISMA</w:t></w:r></w:ins>\
             <w:del><w:r><w:delText>ASISMA</w:delText></w:r></w:del><w:r><w:tab/><w:t>R&amp;D</w:t><w:br/><w:t>x</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"u\"</w:instrText></w:r></w:p>\
             <w:p/>",
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "The AFISMA\tR&D\nx");
        assert!(p[0].heading);
        assert_eq!(p[1].text, "");
    }

    #[test]
    fn note_references_are_numbered_in_order() {
        let mut labels = Labels::default();
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>A.</w:t></w:r><w:r><w:footnoteReference w:id=\"5\"/></w:r>\
             <w:r><w:t> B.</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r>\
             <w:r><w:footnoteReference w:id=\"3\"/></w:r></w:p></w:body></w:document>"
        );
        let p = paragraphs(xml.as_bytes(), None, &mut labels).unwrap();
        assert_eq!(p[0].text, "A.[1] B.[i][2]");
        let got: Vec<&str> = p[0].marks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(got, vec!["1", "i", "2"]);
        let notes = format!(
            "<w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:t>SEP</w:t></w:r></w:p></w:footnote>\
             <w:footnote w:id=\"3\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Second.</w:t></w:r></w:p></w:footnote>\
             <w:footnote w:id=\"5\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>First.</w:t></w:r></w:p></w:footnote></w:footnotes>"
        );
        let n = paragraphs(notes.as_bytes(), Some(NoteKind::Footnote), &mut labels).unwrap();
        let texts: Vec<&str> = n.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["[2] Second.", "[1]First."]);
        assert_eq!(n[0].note, Some((NoteKind::Footnote, "2".into())));
        assert!(n[0].has_own_mark);
    }

    #[test]
    fn malformed_xml_is_an_error_and_relationships_are_read() {
        assert!(paragraphs(b"<w:p><w:t>x</w:p>", None, &mut Labels::default()).is_err());
        let rels = br#"<Relationships><Relationship Id="r1" Type="http://x/officeDocument" Target="word/doc.xml"/></Relationships>"#;
        assert_eq!(
            relationship(rels, "officeDocument").as_deref(),
            Some("word/doc.xml")
        );
        assert_eq!(relationship(rels, "footnotes"), None);
        assert_eq!(roman(14), "xiv");
    }
}
