//! What in a Markdown file is prose, read with pulldown-cmark's offset iterator.
//!
//! Prose: paragraphs, headings, list items, table cells, block quotes (GitHub alerts' bodies
//! too), footnote definitions' text, link text, definition lists, and the text of HTML blocks
//! that open with a component (`<Note>…</Note>`). Not prose: code (fenced, indented, inline),
//! front matter, raw HTML, link destinations and link-reference definitions (`[x]: url`, the
//! `[TODO]: <> (…)` comment idiom too), alert markers (`[!TIP]`), math (`$…$`, `$$…$$`),
//! heading attributes, and the site generators' templating that [`super::sitegen`] finds.
//! pulldown-cmark decides wherever it knows the syntax (its math, GFM, footnote, definition
//! list and heading attribute options); only what it does not know is scanned by hand.

use super::{mdx, sitegen, MarkdownFootnote};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The result of scanning a Markdown text once.
#[derive(Default)]
pub struct MarkdownScan {
    /// Code blocks and spans, raw HTML, front matter, link destinations, footnote labels.
    pub not_prose: Vec<Range<usize>>,
    /// Code blocks and spans, raw HTML and front matter: nothing in them is read at all.
    pub code: Vec<Range<usize>>,
    /// Code blocks and spans, front matter and math: text written as a literal, where even a
    /// suppression comment is only an example of one.
    pub literal: Vec<Range<usize>>,
    pub headings: Vec<Range<usize>>,
    /// Whole links, text and destination.
    pub links: Vec<Range<usize>>,
    pub footnote_refs: Vec<MarkdownFootnote>,
    pub footnote_defs: Vec<MarkdownFootnote>,
}

/// Scans Markdown; with `mdx`, MDX's JavaScript (ESM, expressions, JSX) is not prose either.
pub fn scan(text: &str, mdx: bool) -> MarkdownScan {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut out = MarkdownScan::default();
    let admonitions = sitegen::Spans::new(sitegen::admonition_bodies(text));
    let mut parser = Parser::new_ext(text, options).into_offset_iter();
    // Link-reference definitions: no event of their own, but the parser keeps their spans.
    for (_, def) in parser.reference_definitions().iter() {
        out.not_prose.push(def.span.clone());
    }
    // Inside an HTML block read as JSX: its lines (`Event::Html`) are not blanked whole.
    let mut in_jsx = false;
    for (event, range) in parser.by_ref() {
        match event {
            Event::End(TagEnd::HtmlBlock) => in_jsx = false,
            Event::Html(_) if in_jsx => {}
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))
                if admonitions.contains(range.start) =>
            {
                // The body of an MkDocs admonition, indented after a blank line: prose.
            }
            Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::MetadataBlock(_))
            | Event::Code(_) => {
                out.literal.push(range.clone());
                out.code.push(range.clone());
                out.not_prose.push(range);
            }
            Event::Start(Tag::HtmlBlock)
                if mdx || mdx::opens_with_component(&text[range.clone()]) =>
            {
                // A component's (or, in MDX, any element's) text is rendered: only its tags,
                // comments and expressions are not prose.
                in_jsx = true;
                for r in mdx::block_not_prose(text, range) {
                    out.code.push(r.clone());
                    out.not_prose.push(r);
                }
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => {
                out.code.push(range.clone());
                out.not_prose.push(range);
            }
            Event::Start(Tag::BlockQuote(Some(_))) => {
                // A GitHub alert: its marker ("[!TIP]") is not prose, its body is.
                let src = &text[range.clone()];
                if let (Some(open), Some(close)) = (src.find("[!"), src.find(']')) {
                    if open < close {
                        out.not_prose
                            .push(range.start + open..range.start + close + 1);
                    }
                }
            }
            Event::Start(Tag::Link { link_type, .. })
            | Event::Start(Tag::Image { link_type, .. }) => match link_type {
                LinkType::Autolink | LinkType::Email => out.not_prose.push(range),
                _ => {
                    if let Some(dest) = destination_part(&text[range.clone()]) {
                        out.not_prose.push(range.start + dest..range.end);
                    }
                    out.links.push(range);
                }
            },
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) => {
                if id.is_some() || !classes.is_empty() || !attrs.is_empty() {
                    // "# Title {#id .class}": the attributes are not prose.
                    let src = &text[range.clone()];
                    let line = src.find('\n').map_or(src, |i| &src[..i]);
                    if let Some(open) = line.rfind('{') {
                        out.not_prose
                            .push(range.start + open..range.start + line.len());
                    }
                }
                out.headings.push(range)
            }
            Event::Start(Tag::Emphasis)
            | Event::Start(Tag::Strong)
            | Event::Start(Tag::Strikethrough) => {
                // The delimiter runs ("**", "_", "~~") at both ends are markup, not prose.
                let src = &text[range.clone()];
                let lead = src.len() - src.trim_start_matches(['*', '_', '~']).len();
                let trail = src.len() - src.trim_end_matches(['*', '_', '~']).len();
                out.not_prose.push(range.start..range.start + lead);
                out.not_prose.push(range.end - trail..range.end);
            }
            Event::FootnoteReference(label) => {
                out.not_prose.push(range.clone());
                out.footnote_refs.push(MarkdownFootnote {
                    label: label.to_string(),
                    range,
                });
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                // Blank the "[^label]:" that opens the definition; its text is prose.
                let src = &text[range.clone()];
                if let Some(close) = src.find("]:") {
                    out.not_prose.push(range.start..range.start + close + 2);
                }
                out.footnote_defs.push(MarkdownFootnote {
                    label: label.to_string(),
                    range,
                });
            }
            _ => {}
        }
    }
    drop(parser);
    if text.contains('$') {
        for r in math(text, options) {
            out.literal.push(r.clone());
            out.code.push(r.clone());
            out.not_prose.push(r);
        }
    }
    let code = sitegen::Spans::new(out.code.clone());
    let mut hand = sitegen::scan(text, &code);
    if mdx {
        hand.extend(mdx::scan(text, &code));
    }
    out.not_prose.extend(hand);
    undefined_references(text, &mut out);
    out
}

/// Math, `$…$` and `$$…$$`, as pulldown-cmark's math option reads it, less what is money:
/// Pandoc's rule (no digit right after the closing `$`: "$5-$10") and no link inside. A parse
/// of its own: a `$` read as math where it is money would break the links around it, so the
/// main parse does not read math.
fn math(text: &str, options: Options) -> Vec<Range<usize>> {
    Parser::new_ext(text, options | Options::ENABLE_MATH)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::InlineMath(m)
                if text[range.end..].starts_with(|c: char| c.is_ascii_digit())
                    || m.contains("](") =>
            {
                None
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => Some(range),
            _ => None,
        })
        .collect()
}

/// `[^3]` references that pulldown-cmark leaves as text because no note defines them: still
/// footnote markers, and not prose.
fn undefined_references(text: &str, out: &mut MarkdownScan) {
    static REF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\[\^([^\]\s]+)\]").expect("footnote pattern compiles")
    });
    for m in REF.captures_iter(text) {
        let (Some(all), Some(label)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let r = all.range();
        let known = out
            .footnote_refs
            .iter()
            .chain(&out.footnote_defs)
            .any(|f| f.range.start <= r.start && r.start < f.range.end)
            || out
                .not_prose
                .iter()
                .any(|n| n.start <= r.start && r.start < n.end);
        if !known {
            out.not_prose.push(r.clone());
            out.footnote_refs.push(MarkdownFootnote {
                label: label.as_str().to_string(),
                range: r,
            });
        }
    }
    out.footnote_refs.sort_by_key(|f| f.range.start);
}

/// Offset, within a link's source, of the destination part: the `(url "title")` of an inline
/// link or the `[ref]` of a reference link.
fn destination_part(src: &str) -> Option<usize> {
    if !src.ends_with(')') && !src.ends_with(']') {
        return None;
    }
    src.rfind("](").or_else(|| src.rfind("][")).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> Vec<&str> {
        scan(text, false)
            .not_prose
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn link_text_is_prose_destination_is_not() {
        let t = "See [the PLA report](https://x.org/PLA \"T\") now.";
        assert_eq!(blanked(t), vec!["(https://x.org/PLA \"T\")"]);
    }

    #[test]
    fn front_matter_code_and_html_are_not_prose() {
        let t = "---\ntitle: ABC\n---\n\nText `XYZ` and <b>QQQ</b>.\n\n    indented CODE\n";
        let b = blanked(t);
        assert!(b.iter().any(|s| s.contains("title: ABC")));
        assert!(b.contains(&"`XYZ`"));
        assert!(b.contains(&"<b>"));
        assert!(b.iter().any(|s| s.contains("indented CODE")));
    }

    #[test]
    fn component_bodies_are_prose_their_tags_are_not() {
        let t =
            "Intro.\n\n<Note type=\"x\">\nThe VXPL plugin.\n</Note>\n\n<div>\nHTML ZZZ\n</div>\n";
        let b = blanked(t).join("|");
        assert!(
            b.contains("<Note type=\"x\">") && b.contains("</Note>"),
            "{b}"
        );
        assert!(!b.contains("VXPL") && b.contains("ZZZ"), "{b}");
    }

    #[test]
    fn money_is_not_math_but_math_is() {
        let t = "Costs $5 and $10, or $40-$25, and $x^2$ here.\n\n$$\nABC\n$$\n";
        let b = blanked(t).join("|");
        assert!(
            !b.contains('5') && !b.contains("10") && !b.contains("40"),
            "{b}"
        );
        assert!(b.contains("$x^2$") && b.contains("ABC"), "{b}");
    }

    #[test]
    fn link_reference_definitions_alerts_and_heading_attributes() {
        let t = "# Title {#QQQ .x}\n\n> [!TIP]\n> Body PLA.\n\n[TODO]: <> (ABC 2021)\n[x]: https://x.org \"T\"\n\n[^1]: A note NATO.\n\nText.[^1]\n";
        let b = blanked(t).join("|");
        assert!(b.contains("{#QQQ .x}") && b.contains("[!TIP]"), "{b}");
        assert!(
            b.contains("[TODO]: <> (ABC 2021)") && b.contains("[x]: https://x.org"),
            "{b}"
        );
        assert!(
            !b.contains("PLA") && !b.contains("NATO") && !b.contains("Title"),
            "{b}"
        );
    }

    #[test]
    fn footnotes_are_recorded() {
        let s = scan("Text.[^1]\n\n[^1]: The note.\n", false);
        assert_eq!(s.footnote_refs.len(), 1);
        assert_eq!(s.footnote_refs[0].label, "1");
        assert_eq!(s.footnote_defs.len(), 1);
    }
}
