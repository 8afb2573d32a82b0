//! What in an HTML file is prose, read with html5gum's tokenizer (byte spans on every token).
//!
//! Prose is the text of the body, as a reader sees it. Not prose: every tag (with its attribute
//! values: an `alt`, `title` or `href` is not read as part of a sentence), comments, the
//! doctype, the whole `head` (its `title` too: it repeats the page's heading with the site's
//! name, and an acronym there would be "used" before the body defines it), and the contents of
//! elements that hold code or machine text rather than sentences: `script`, `style`, `code`,
//! `pre`, `kbd`, `samp`, `var`, `tt`, `template`, `noscript`, `textarea`, `svg`, `math` and
//! the like. A `<sup>` holding only a footnote number is a marker, not a number in the text.
//! Anything the tokenizer does not hand back as text (an unterminated tag at the end of the
//! file) is not prose either: precision first.
//!
//! Block elements (`p`, `div`, `li`, `h1`–`h6`, `td`, `tr`, `br`, ...) end a block: the first
//! and last byte of each such tag become line breaks in the mask, a blank line between them,
//! so `<li>Two items</li><li>Three</li>` is two blocks, as two paragraphs of text are.
//! Character references are read as what they stand for where that fits in their bytes
//! (`&amp;` is "&" and four spaces, `&#8217;` "’" and four): offsets never move. The ones that
//! stand for white space (`&nbsp;`, `&thinsp;`, ...) are spaces; one followed by letters splits
//! its word there, which is the price of keeping every offset.

use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::ops::Range;

/// The result of scanning an HTML text once.
#[derive(Default, Debug)]
pub struct HtmlScan {
    /// Everything that is not prose (the complement of the text the tokenizer read as prose).
    pub not_prose: Vec<Range<usize>>,
    /// Where a URL is not a citation's: tags other than `<a>`, comments, the head and code.
    pub code: Vec<Range<usize>>,
    /// The contents of code elements: a suppression comment there is an example of one.
    pub literal: Vec<Range<usize>>,
    /// Offsets of bytes (ASCII, inside tags) that become line breaks in the mask.
    pub breaks: Vec<usize>,
    /// Character references: their bytes, and what the mask holds there instead.
    pub references: Vec<(Range<usize>, String)>,
    /// `h1`–`h6` elements, start tag to end tag.
    pub headings: Vec<Range<usize>>,
    /// `a` elements, start tag to end tag.
    pub links: Vec<Range<usize>>,
}

/// Elements whose contents are not prose.
const NOT_PROSE: &[&[u8]] = &[
    b"script",
    b"style",
    b"code",
    b"pre",
    b"kbd",
    b"samp",
    b"var",
    b"tt",
    b"template",
    b"noscript",
    b"textarea",
    b"title",
    b"svg",
    b"math",
    b"iframe",
    b"object",
    b"canvas",
    b"select",
    b"datalist",
    b"xmp",
    b"plaintext",
    b"noembed",
    b"noframes",
];

/// Elements that start a new block of text where they open or close.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"option",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"title",
    b"tr",
    b"ul",
];

/// Elements that may stand in the head: any other start tag there ends it, as in a browser.
const IN_HEAD: &[&[u8]] = &[
    b"title",
    b"meta",
    b"link",
    b"style",
    b"script",
    b"base",
    b"noscript",
    b"template",
];

fn is_heading(name: &[u8]) -> bool {
    name.len() == 2 && name[0] == b'h' && (b'1'..=b'6').contains(&name[1])
}

/// What is open while the tokens go by.
#[derive(Default)]
struct State {
    /// Per element of [`NOT_PROSE`], how many are open.
    skipped: Vec<usize>,
    in_head: bool,
    heading: Option<usize>,
    links: Vec<usize>,
    /// An open `<sup>`: its text so far, and the spans of that text.
    sup: Option<(String, Vec<Range<usize>>)>,
    /// Where the contents of the outermost open code element start.
    literal_from: Option<usize>,
}

impl State {
    fn skipping(&self) -> bool {
        self.in_head || self.skipped.iter().any(|&n| n > 0)
    }
}

/// Scans an HTML text: see the module documentation for what is prose.
pub fn scan(text: &str) -> HtmlScan {
    let mut out = HtmlScan::default();
    let mut st = State {
        skipped: vec![0; NOT_PROSE.len()],
        ..State::default()
    };
    // The text the tokenizer hands back as prose, in order.
    let mut prose: Vec<Range<usize>> = Vec::new();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let clamp = |s: usize, e: usize| s.min(text.len())..e.min(text.len()).max(s.min(text.len()));
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let span = clamp(tag.span.start, tag.span.end);
                let name = tag.name.as_slice();
                if name == b"head" {
                    st.in_head = true;
                } else if st.in_head && (name == b"body" || !IN_HEAD.contains(&name)) {
                    st.in_head = false;
                }
                if name != b"a" {
                    out.code.push(span.clone());
                }
                if BLOCKS.contains(&name) {
                    block_break(&mut out, &span);
                }
                if let Some(i) = NOT_PROSE.iter().position(|n| *n == name) {
                    if !st.skipping() {
                        st.literal_from = Some(span.end);
                    }
                    st.skipped[i] += 1;
                }
                // A heading whose end tag is missing ends where the next block starts.
                if BLOCKS.contains(&name) && name != b"br" {
                    if let Some(start) = st.heading.take() {
                        out.headings.push(start..span.start);
                    }
                }
                if is_heading(name) {
                    st.heading = Some(span.start);
                }
                match name {
                    b"a" => st.links.push(span.start),
                    b"sup" => st.sup = Some((String::new(), Vec::new())),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let span = clamp(tag.span.start, tag.span.end);
                let name = tag.name.as_slice();
                out.code.push(span.clone());
                if BLOCKS.contains(&name) {
                    block_break(&mut out, &span);
                }
                if name == b"head" {
                    st.in_head = false;
                }
                if let Some(i) = NOT_PROSE.iter().position(|n| *n == name) {
                    st.skipped[i] = st.skipped[i].saturating_sub(1);
                    if !st.skipping() {
                        if let Some(from) = st.literal_from.take() {
                            out.literal.push(from..span.start.max(from));
                        }
                    }
                }
                if is_heading(name) {
                    if let Some(start) = st.heading.take() {
                        out.headings.push(start..span.end);
                    }
                }
                match name {
                    b"a" => {
                        if let Some(start) = st.links.pop() {
                            out.links.push(start..span.end);
                        }
                    }
                    b"sup" => {
                        if let Some((inner, spans)) = st.sup.take() {
                            // Its text is the last prose read: dropped from the end.
                            let tail = prose.len().saturating_sub(spans.len());
                            if is_marker(&inner) && prose[tail..] == spans[..] {
                                prose.truncate(tail);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Token::String(s) => {
                let span = clamp(s.span.start, s.span.end);
                if st.skipping() || span.is_empty() {
                    continue;
                }
                if let Some((inner, spans)) = st.sup.as_mut() {
                    inner.push_str(&String::from_utf8_lossy(&s.value.0));
                    spans.push(span.clone());
                }
                references(text, span.clone(), &mut out.references);
                prose.push(span);
            }
            Token::Comment(c) => out.code.push(clamp(c.span.start, c.span.end)),
            Token::Doctype(d) => out.code.push(clamp(d.span.start, d.span.end)),
            Token::Error(_) => {}
        }
    }
    if let Some(start) = st.heading {
        out.headings.push(start..text.len());
    }
    if let Some(from) = st.literal_from {
        out.literal.push(from..text.len());
    }
    // Everything between the prose is not prose.
    let mut at = 0;
    for p in &prose {
        if p.start > at {
            out.not_prose.push(at..p.start);
        }
        at = at.max(p.end);
    }
    if at < text.len() {
        out.not_prose.push(at..text.len());
    }
    out.headings.sort_by_key(|h| h.start);
    out.links.sort_by_key(|l| l.start);
    out
}

/// A block tag's first and last byte become line breaks: a blank line in the mask between.
fn block_break(out: &mut HtmlScan, span: &Range<usize>) {
    if span.len() >= 2 {
        out.breaks.push(span.start);
        out.breaks.push(span.end - 1);
    }
}

/// Whether the text of a `<sup>` is a footnote marker: a small number or a note symbol.
fn is_marker(inner: &str) -> bool {
    let t = inner.trim().trim_start_matches('[').trim_end_matches(']');
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        || matches!(t, "*" | "†" | "‡")
}

/// The character references in `span` of `text` (terminated by ';'), each with what the mask
/// holds in its place: what it stands for, padded with spaces to its length, or spaces.
fn references(text: &str, span: Range<usize>, out: &mut Vec<(Range<usize>, String)>) {
    let bytes = text.as_bytes();
    let mut i = span.start;
    while let Some(k) = memchr::memchr(b'&', &bytes[i..span.end]) {
        let start = i + k;
        i = start + 1;
        let rest = &bytes[start + 1..span.end];
        let body = match rest.first() {
            Some(b'#') => {
                let hex = matches!(rest.get(1), Some(b'x' | b'X'));
                let digits = &rest[if hex { 2 } else { 1 }..];
                let n = digits
                    .iter()
                    .take_while(|b| {
                        if hex {
                            b.is_ascii_hexdigit()
                        } else {
                            b.is_ascii_digit()
                        }
                    })
                    .count();
                (n > 0 && n <= 8).then_some(n + if hex { 2 } else { 1 })
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let n = rest
                    .iter()
                    .take(40)
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                Some(n)
            }
            _ => None,
        };
        let Some(len) = body else { continue };
        if rest.get(len) != Some(&b';') {
            continue;
        }
        let end = start + 1 + len + 1;
        let source = &text[start..end];
        let decoded = decode(source);
        if decoded == source {
            continue;
        }
        let replacement = if decoded
            .chars()
            .all(|c| c.is_whitespace() || is_invisible(c))
        {
            " ".repeat(source.len())
        } else if decoded.len() <= source.len() {
            format!("{decoded}{}", " ".repeat(source.len() - decoded.len()))
        } else {
            " ".repeat(source.len())
        };
        out.push((start..end, replacement));
        i = end;
    }
}

/// Characters that take no room in the text: read as spaces.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{fffd}'
    ) || c.is_control()
}

/// What one character reference stands for, decoded by the tokenizer itself (the HTML
/// standard's table and its rules for numbers).
fn decode(reference: &str) -> String {
    let mut out = String::new();
    for token in Tokenizer::new(reference).flatten() {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s.value.0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> String {
        let s = scan(text);
        let mut bytes = text.as_bytes().to_vec();
        for r in s.not_prose {
            for b in &mut bytes[r] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        String::from_utf8(bytes)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn body_text_is_prose_and_code_head_and_attributes_are_not() {
        let t = "<!doctype html><html><head><title>PLA page</title><style>p{x:1}</style></head>\
                 <body><p title=\"ABC\">The JMAC met.</p><script>var XYZ = 1 < 2;</script>\
                 <pre>QQQ</pre><p>Use <code>RRR</code> and <kbd>SSS</kbd>.<!-- TTT --></p></body></html>";
        assert_eq!(prose(t), "The JMAC met. Use and .");
    }

    #[test]
    fn a_head_without_its_end_tag_ends_at_the_body() {
        let t = "<html><head><title>ASISMA</title><meta charset=utf-8><p>AFISMA here</p>";
        assert_eq!(prose(t), "AFISMA here");
    }

    #[test]
    fn block_tags_break_and_headings_and_links_are_recorded() {
        let t = "<h2>The Plan</h2><ul><li>Two</li><li>Three</li></ul><p>See <a href=\"https://x.org\">it</a>.</p>";
        let s = scan(t);
        assert_eq!(s.headings, vec![0..t.find("<ul>").unwrap()]);
        assert_eq!(s.links.len(), 1);
        assert_eq!(&t[s.links[0].clone()], "<a href=\"https://x.org\">it</a>");
        let li = t.find("<li>").unwrap();
        // Without its end tag, a heading ends where the next block starts.
        let open = scan("<h1>Title<p>Text.</p>").headings;
        assert_eq!(open, vec![0..9]);
        assert!(s.breaks.contains(&li) && s.breaks.contains(&(li + 3)));
    }

    #[test]
    fn references_are_read_as_what_they_stand_for_in_their_bytes() {
        let t = "<p>R&amp;D, the PLA&#8217;s&nbsp;units &eacute;&bogus; &copy</p>";
        let refs = scan(t).references;
        let got: Vec<(&str, &str)> = refs
            .iter()
            .map(|(r, s)| (&t[r.clone()], s.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("&amp;", "&    "),
                ("&#8217;", "’    "),
                ("&nbsp;", "      "),
                ("&eacute;", "é      "),
            ]
        );
        for (r, s) in refs {
            assert_eq!(r.len(), s.len());
        }
    }

    #[test]
    fn footnote_superscripts_and_unterminated_tags_are_not_prose() {
        assert_eq!(
            prose("<p>The PKOs,<sup>7</sup> grew.</p>"),
            "The PKOs, grew."
        );
        assert_eq!(prose("<p>In <sup>2</sup>nd</p>"), "In nd");
        assert_eq!(prose("<p>x<sup>10<sup>3</sup></sup></p>"), "x 10");
        assert_eq!(prose("<p>Fine.</p><p title=\"ASISMA"), "Fine.");
    }
}
