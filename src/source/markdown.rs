//! What in a Markdown file is prose, read with pulldown-cmark's offset iterator.

use super::MarkdownFootnote;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
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

pub fn scan(text: &str) -> MarkdownScan {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out = MarkdownScan::default();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::MetadataBlock(_))
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {
                out.literal.push(range.clone());
                out.code.push(range.clone());
                out.not_prose.push(range);
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => {
                out.code.push(range.clone());
                out.not_prose.push(range);
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
            Event::Start(Tag::Heading { .. }) => out.headings.push(range),
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
    undefined_references(text, &mut out);
    out
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
        scan(text).not_prose.into_iter().map(|r| &text[r]).collect()
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
    fn footnotes_are_recorded() {
        let s = scan("Text.[^1]\n\n[^1]: The note.\n");
        assert_eq!(s.footnote_refs.len(), 1);
        assert_eq!(s.footnote_refs[0].label, "1");
        assert_eq!(s.footnote_defs.len(), 1);
    }
}
