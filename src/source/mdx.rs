//! MDX (Docusaurus, Astro, Next.js docs): Markdown in which JavaScript is embedded.
//!
//! Not prose: `import`/`export` statements at the top level (ESM; a statement runs over lines
//! until its braces balance and a blank line ends it), `{expressions}` (balanced braces), and
//! JSX tags with their attributes (`<Tabs groupId="os">`, `<Chart data={rows} />`). Prose: the
//! text between JSX tags (`<Note>The PLA …</Note>`), which the component renders; except the
//! bodies of `<script>`, `<style>`, `<pre>`, `<code>`, `<kbd>` and `<samp>`, which are code.
//!
//! The JSX scanner is also used for the HTML blocks of plain Markdown that open with a
//! component (a capitalised tag such as `<Note>`): site generators render their text too.

use super::sitegen::Spans;
use std::ops::Range;

/// The longest `{expression}` read: one that does not close within it is not taken for one.
const MAX_EXPRESSION: usize = 8192;

/// Elements whose content is code, not prose.
const CODE_ELEMENTS: &[&str] = &["script", "style", "pre", "code", "kbd", "samp"];

/// The not-prose ranges of MDX's own syntax in `text`, outside `code`.
pub fn scan(text: &str, code: &Spans) -> Vec<Range<usize>> {
    let mut out = esm(text, code);
    let esm_spans = Spans::new(out.clone());
    let mut budget: usize = 1 << 22;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr2(b'{', b'<', &bytes[i..]) {
        let at = i + off;
        if code.contains(at) || esm_spans.contains(at) {
            i = at + 1;
            continue;
        }
        if bytes[at] == b'{' && budget == 0 {
            i = at + 1;
            continue;
        }
        let end = if bytes[at] == b'{' {
            balanced(text, at)
        } else {
            jsx_tag(text, at)
        };
        match end {
            Some(end) => {
                out.push(at..end);
                i = end;
            }
            // An expression that never closes is a syntax error to MDX: the rest of its line
            // is left as it is. Searches that fail share a budget, so that a page of them
            // costs a bounded time; past it, no more braces are read as expressions.
            None if bytes[at] == b'{' => {
                budget = budget.saturating_sub((at + MAX_EXPRESSION).min(bytes.len()) - at);
                i = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1)
            }
            None => i = at + 1,
        }
    }
    out
}

/// `import`/`export` statements that start a line at the top level.
fn esm(text: &str, code: &Spans) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut blank_before = true;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..line_end];
        let starts = ["import ", "import{", "export ", "export{"]
            .iter()
            .any(|k| line.starts_with(k));
        if starts && blank_before && !code.contains(pos) {
            // Until a blank line with the braces balanced.
            let mut depth = 0i64;
            let mut end = pos;
            for l in text[pos..].split_inclusive('\n') {
                if l.trim().is_empty() && depth <= 0 {
                    break;
                }
                depth += l.matches(['{', '(', '[']).count() as i64;
                depth -= l.matches(['}', ')', ']']).count() as i64;
                end += l.len();
            }
            out.push(pos..end);
            pos = end;
            blank_before = false;
            continue;
        }
        blank_before = line.trim().is_empty();
        pos = line_end;
    }
    out
}

/// The end of the `{…}` expression opening at `at`, its braces balanced (strings and template
/// literals skipped), or `None` when it never closes.
fn balanced(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = at;
    let limit = (at + MAX_EXPRESSION).min(bytes.len());
    while i < limit {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' | b'`' => quote = Some(b),
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    let close = memchr::memmem::find(&bytes[i + 2..limit], b"*/")?;
                    i += close + 3;
                }
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// The end of the JSX (or HTML) tag opening at `at`: `<Name attr="v" x={expr}>`, `</Name>`,
/// `<>`/`</>`, `<!-- … -->`; `None` when it is not one ("a < b").
pub fn jsx_tag(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    if rest.starts_with("<!--") {
        return rest.find("-->").map(|e| at + e + 3);
    }
    if rest.starts_with("<>") {
        return Some(at + 2);
    }
    if rest.starts_with("</>") {
        return Some(at + 3);
    }
    let bytes = text.as_bytes();
    let mut i = at + 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let limit = (at + 20_000).min(bytes.len());
    let mut quote: Option<u8> = None;
    while i < limit {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'{' => i = balanced(text, i)? - 1,
                b'>' => return Some(i + 1),
                b'<' => return None,
                b'\n' if bytes.get(i + 1) == Some(&b'\n') => return None,
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// The tag name of a tag's source (`<Note type="x">` → "Note"), empty for other text.
fn tag_name(tag: &str) -> &str {
    let t = tag.trim_start_matches('<').trim_start_matches('/');
    let end = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':')))
        .unwrap_or(t.len());
    &t[..end]
}

/// Whether an HTML block opens with a JSX component (a capitalised tag name): its text is
/// rendered, so it is prose.
pub fn opens_with_component(block: &str) -> bool {
    let t = block.trim_start();
    t.starts_with('<') && tag_name(t).starts_with(|c: char| c.is_ascii_uppercase())
}

/// The not-prose parts of an HTML block read as JSX: its tags, comments and expressions, and
/// the content of code elements.
pub fn block_not_prose(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = block.start;
    let mut open_code: Option<(String, usize)> = None;
    while i < block.end {
        let Some(off) = memchr::memchr2(b'<', b'{', &bytes[i..block.end]) else {
            break;
        };
        let at = i + off;
        let end = if bytes[at] == b'{' {
            balanced(text, at)
        } else {
            jsx_tag(text, at)
        };
        let Some(end) = end else {
            // As in `scan`: an unclosed brace leaves the rest of its line as it is.
            i = if bytes[at] == b'{' {
                memchr::memchr(b'\n', &bytes[at..block.end]).map_or(block.end, |n| at + n + 1)
            } else {
                at + 1
            };
            continue;
        };
        let end = end.min(block.end.max(at + 1));
        out.push(at..end);
        let tag = &text[at..end];
        let name = tag_name(tag).to_ascii_lowercase();
        if bytes[at] == b'<' && CODE_ELEMENTS.contains(&name.as_str()) {
            if tag.starts_with("</") {
                if let Some((n, start)) = open_code.take() {
                    if n == name {
                        out.push(start..at);
                    } else {
                        open_code = Some((n, start));
                    }
                }
            } else if open_code.is_none() && !tag.ends_with("/>") {
                open_code = Some((name, end));
            }
        }
        i = end;
    }
    if let Some((_, start)) = open_code {
        out.push(start..block.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        crate::source::blank_ranges(text, scan(text, &Spans::default()))
    }

    #[test]
    fn esm_expressions_and_tags_are_not_prose() {
        let t = "import Tabs from '@theme/Tabs';\nexport const meta = {\n\n  title: 'ABC',\n};\n\nThe <Note kind={x > 1 ? \"a\" : \"b\"}>PLA text</Note> and {props.count} items.\n";
        let k = kept(t);
        assert!(
            !k.contains("Tabs") && !k.contains("ABC") && !k.contains("props"),
            "{k}"
        );
        assert!(!k.contains("kind") && !k.contains("Note"), "{k}");
        assert!(k.contains("PLA text") && k.contains("items."), "{k}");
    }

    #[test]
    fn comparisons_are_not_tags() {
        let t = "If a < b and 3 <5 then.";
        assert_eq!(kept(t), t);
    }

    #[test]
    fn block_code_elements() {
        let t = "<Note>\nText <code>ABC</code> more\n</Note>\n";
        let r = block_not_prose(t, 0..t.len());
        let blanked: Vec<&str> = r.iter().map(|r| &t[r.clone()]).collect();
        assert!(blanked.contains(&"ABC"), "{blanked:?}");
        assert!(!blanked.iter().any(|s| s.contains("Text")));
    }

    #[test]
    fn unclosed_braces_cost_little() {
        let t = "{".repeat(100_000) + &"<a ".repeat(50_000) + &"x {\n".repeat(50_000);
        let start = std::time::Instant::now();
        let _ = kept(&t);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in [
            "{",
            "<",
            "<a",
            "<a {",
            "import {\n",
            "é<é{é",
            "<!--",
            "<a b='é>",
        ] {
            let _ = kept(t);
            let _ = block_not_prose(t, 0..t.len());
        }
    }
}
