//! Building small `.docx` packages in tests: the least WordprocessingML Word itself opens
//! (`[Content_Types].xml`, the package and document relationships, `word/document.xml`, and
//! `word/footnotes.xml` when there are notes).
//!
//! Paragraph text is written as runs, one per line, with `<w:br/>` between the lines; the
//! markers `{fn:ID}` and `{en:ID}` in it become footnote and endnote references, `{del:TEXT}`
//! a tracked deletion and `{ins:TEXT}` a tracked insertion.

use std::io::Write;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn run(text: &str) -> String {
    format!(
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

/// The runs of one line, its markers made into references and tracked changes.
fn line_runs(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        let (kind, arg) = rest[i + 1..i + j].split_once(':').unwrap_or(("", ""));
        let element = match kind {
            "fn" => format!("<w:r><w:footnoteReference w:id=\"{arg}\"/></w:r>"),
            "en" => format!("<w:r><w:endnoteReference w:id=\"{arg}\"/></w:r>"),
            "del" => format!(
                "<w:del w:id=\"90\" w:author=\"A\"><w:r><w:delText>{}</w:delText></w:r></w:del>",
                escape(arg)
            ),
            "ins" => format!("<w:ins w:id=\"91\" w:author=\"A\">{}</w:ins>", run(arg)),
            _ => {
                out.push_str(&run(&rest[..i + 1]));
                rest = &rest[i + 1..];
                continue;
            }
        };
        if i > 0 {
            out.push_str(&run(&rest[..i]));
        }
        out.push_str(&element);
        rest = &rest[i + j + 1..];
    }
    if !rest.is_empty() {
        out.push_str(&run(rest));
    }
    out
}

/// One `w:p`, its lines joined by line breaks; `style` a paragraph style ("Heading1").
pub fn paragraph(text: &str, style: Option<&str>) -> String {
    let props = style.map_or(String::new(), |s| {
        format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
    });
    let runs: Vec<String> = text.split('\n').map(line_runs).collect();
    format!("<w:p>{props}{}</w:p>", runs.join("<w:r><w:br/></w:r>"))
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A `word/document.xml` holding these paragraphs (each already a `w:p`, or a `w:tbl`).
pub fn document_xml(body: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}<w:sectPr/></w:body></w:document>",
        body.concat()
    )
}

/// A `word/footnotes.xml` (or endnotes, with `tag` "endnote") with Word's two separators
/// and the notes given as (id, text).
pub fn notes_xml(tag: &str, notes: &[(&str, &str)]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:{tag}s {NS}>\
         <w:{tag} w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>\
         <w:{tag} w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>"
    );
    for (id, text) in notes {
        out.push_str(&format!(
            "<w:{tag} w:id=\"{id}\"><w:p><w:r><w:{tag}Ref/></w:r>{}</w:p></w:{tag}>",
            line_runs(&format!(" {text}"))
        ));
    }
    out.push_str(&format!("</w:{tag}s>"));
    out
}

/// The zip of the given parts (name, content), deflated.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        w.start_file(*name, options).expect("zip entry");
        w.write_all(content).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A whole `.docx`: the body's paragraphs (as `w:p` or `w:tbl` XML), its footnotes and
/// endnotes as (id, text).
pub fn package(body: &[String], footnotes: &[(&str, &str)], endnotes: &[(&str, &str)]) -> Vec<u8> {
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        <Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>\
        <Override PartName=\"/word/endnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let doc_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>\
        <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes\" Target=\"endnotes.xml\"/></Relationships>";
    let document = document_xml(body);
    let foot = notes_xml("footnote", footnotes);
    let end = notes_xml("endnote", endnotes);
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/footnotes.xml", foot.as_bytes()),
        ("word/endnotes.xml", end.as_bytes()),
    ])
}

/// The paragraphs of a plain text: its runs of lines between blank (or white-space) lines,
/// each paragraph's lines kept as they are.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}
