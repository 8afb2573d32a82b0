//! Site generators' templating in Markdown, which pulldown-cmark reads as text: none of it is
//! prose, since it is an instruction to the generator and not words a reader sees.
//!
//! - Hugo shortcodes `{{< name >}}` and `{{% name %}}`, and the raw body between a
//!   `{{< name >}}` and its `{{< /name >}}` (Hugo hands it to the shortcode unrendered: code,
//!   HTML, TOML). The body of a `{{% name %}}` is Markdown, rendered: prose. Nested shortcodes
//!   decide by the innermost pair.
//! - Liquid and Go templates: every `{% … %}` and `{{ … }}` tag, and the bodies of
//!   `{% comment %}`, `{% raw %}`, `{% highlight %}` and `{% codeblock %}`.
//! - MDX comments `{/* … */}`; TeX math written `\[ … \]` or `\( … \)`.
//! - Emoji shortcodes (`:dog2:`, `:+1:`), strictly: no spaces, lower case, not glued to a word
//!   or a colon, so "10:30:00" and "Note:foo:" stay prose.
//! - kramdown attribute lists `{: .class}`, `{#id .class key="v"}`, whose every token must look
//!   like an attribute.
//! - The markers of admonitions (`:::note`, `!!! note`); their bodies are prose.
//!
//! Each scanner is strict on purpose: blanking real prose would hide real claims from every
//! rule, which is worse than the occasional finding in templating.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The longest tag read: anything longer is not taken for one.
const MAX_TAG: usize = 4096;

/// What the scanners found: ranges that are not prose.
pub fn scan(text: &str, code: &Spans) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if text.contains("{{") || text.contains("{%") {
        shortcodes(text, code, &mut out);
        liquid(text, code, &mut out);
    }
    if text.contains("{/*") {
        for m in MDX_COMMENT.find_iter(text) {
            out.push(m.range());
        }
    }
    if text.contains("\\[") || text.contains("\\(") {
        for m in TEX_MATH.find_iter(text) {
            if !code.contains(m.start()) {
                out.push(m.range());
            }
        }
    }
    emoji(text, &mut out);
    attribute_lists(text, &mut out);
    admonition_markers(text, &mut out);
    out
}

/// Byte ranges, sorted and merged, asked whether a position lies in one of them by binary
/// search (a document may hold many thousands of code spans).
#[derive(Default)]
pub struct Spans(Vec<Range<usize>>);

impl Spans {
    pub fn new(mut ranges: Vec<Range<usize>>) -> Spans {
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Spans(merged)
    }

    /// Whether `pos` lies inside one of the ranges.
    pub fn contains(&self, pos: usize) -> bool {
        let i = self.0.partition_point(|r| r.start <= pos);
        i > 0 && pos < self.0[i - 1].end
    }
}

static MDX_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{/\*.*?\*/\}").expect("pattern compiles"));
static TEX_MATH: LazyLock<Regex> = LazyLock::new(|| {
    // Display math may span lines but not a blank line; inline math stays on its line. (The
    // `\n?` before a closer: the line-break alternative would swallow its first character.)
    Regex::new(r"\\\[(?:[^\n]|\n[^\n])+?\n?\\\]|\\\([^\n]+?\\\)").expect("pattern compiles")
});

/// One Hugo shortcode tag.
struct Shortcode {
    range: Range<usize>,
    /// `<` (raw body) or `%` (Markdown body).
    kind: u8,
    name: String,
    closing: bool,
    self_closing: bool,
}

fn shortcode_tags(text: &str) -> Vec<Shortcode> {
    let bytes = text.as_bytes();
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"{{").map(|i| i + from) {
        from = i + 2;
        let Some(&kind) = bytes.get(i + 2) else { break };
        if kind != b'<' && kind != b'%' {
            continue;
        }
        let window = &text[i..floor(text, (i + MAX_TAG).min(text.len()))];
        // The escaped form, shown as an example in docs: `{{</* name */>}}`.
        if window[3..].starts_with("/*") {
            let close = if kind == b'<' { "*/>}}" } else { "*/%}}" };
            if let Some(end) = window[5..].find(close).map(|e| e + 5) {
                tags.push(Shortcode {
                    range: i..i + end + close.len(),
                    kind,
                    name: String::new(),
                    closing: false,
                    self_closing: true,
                });
                from = i + end + close.len();
            }
            continue;
        }
        let close = if kind == b'<' { ">}}" } else { "%}}" };
        // After the opener: in "{{%}}" the '%' of "{{%" is not the start of "%}}".
        let Some(end) = window[3..].find(close).map(|e| e + 3) else {
            continue;
        };
        let inner = window[3..end].trim_start();
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/').trim_start();
        let name: String = inner
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
            .collect();
        if name.is_empty() || window[..end].contains("\n\n") {
            continue;
        }
        tags.push(Shortcode {
            range: i..i + end + close.len(),
            kind,
            name,
            closing,
            self_closing: window[..end].trim_end().ends_with('/'),
        });
        from = i + end + close.len();
    }
    tags
}

/// The largest char boundary at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn shortcodes(text: &str, code: &Spans, out: &mut Vec<Range<usize>>) {
    let tags: Vec<Shortcode> = shortcode_tags(text)
        .into_iter()
        .filter(|t| !code.contains(t.range.start))
        .collect();
    // Pairs by a stack: a closing tag closes the nearest open one of its name; open tags it
    // skips over had no closing tag (they stand alone).
    let mut stack: Vec<usize> = Vec::new();
    let mut bodies: Vec<(Range<usize>, u8)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        out.push(t.range.clone());
        if t.self_closing || t.name.is_empty() {
            continue;
        }
        if !t.closing {
            stack.push(i);
            continue;
        }
        // Looked for among the innermost few: no page nests shortcodes deeper, and a page of
        // unclosed ones must not cost a search of all of them at each closing tag.
        let lowest = stack.len().saturating_sub(64);
        if let Some(k) = stack[lowest..]
            .iter()
            .rposition(|&o| tags[o].name == t.name)
            .map(|k| k + lowest)
        {
            let open = &tags[stack[k]];
            bodies.push((open.range.end..t.range.start, open.kind));
            stack.truncate(k);
        }
    }
    // The innermost pair decides: a sweep over the bodies' ends, with a stack of kinds.
    let mut events: Vec<(usize, bool, usize, u8)> = Vec::new(); // (pos, is_start, len, kind)
    for (r, kind) in &bodies {
        events.push((r.start, true, r.len(), *kind));
        events.push((r.end, false, r.len(), *kind));
    }
    // Ends before starts at one position; outer starts (longer) before inner ones.
    events.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(if a.1 { b.2.cmp(&a.2) } else { a.2.cmp(&b.2) })
    });
    let mut kinds: Vec<u8> = Vec::new();
    let mut last = 0;
    for (pos, start, _, kind) in events {
        if kinds.last() == Some(&b'<') && pos > last {
            out.push(last..pos);
        }
        if start {
            kinds.push(kind);
        } else {
            kinds.pop();
        }
        last = pos;
    }
}

static LIQUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*([A-Za-z_]\w*)?(?:[^%\n]|%[^}\n]|\n[^\n])*?\n?-?%\}|\{\{(?:[^}\n]|\}[^}\n]|\n[^\n])*?\n?\}\}")
        .expect("liquid pattern compiles")
});

/// Liquid blocks whose bodies are not rendered as prose.
const RAW_BLOCKS: &[&str] = &["comment", "raw", "highlight", "codeblock"];

fn liquid(text: &str, code: &Spans, out: &mut Vec<Range<usize>>) {
    let tags: Vec<(Range<usize>, String)> = LIQUID
        .captures_iter(text)
        .filter_map(|c| {
            let all = c.get(0)?;
            // Hugo shortcodes are read above.
            if all.len() > MAX_TAG
                || all.as_str().starts_with("{{<")
                || all.as_str().starts_with("{{%")
            {
                return None;
            }
            let name = c.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
            Some((all.range(), name))
        })
        .collect();
    let mut i = 0;
    // Blocks with no closing tag after some point have none after any later point either.
    let mut unclosed: Vec<&str> = Vec::new();
    while i < tags.len() {
        let (range, name) = &tags[i];
        out.push(range.clone());
        if RAW_BLOCKS.contains(&name.as_str())
            && !code.contains(range.start)
            && !unclosed.contains(&name.as_str())
        {
            let end_name = format!("end{name}");
            if let Some(j) = (i + 1..tags.len()).find(|&j| tags[j].1 == end_name) {
                out.push(range.start..tags[j].0.end);
                i = j + 1;
                continue;
            }
            unclosed.push(name);
        }
        i += 1;
    }
}

static EMOJI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":[a-z0-9_+\-]{1,40}:").expect("emoji pattern compiles"));

fn emoji(text: &str, out: &mut Vec<Range<usize>>) {
    if memchr::memchr(b':', text.as_bytes()).is_none() {
        return;
    }
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == ':' || c == '_');
    let mut from = 0;
    while let Some(m) = EMOJI.find_at(text, from) {
        let word = &m.as_str()[1..m.len() - 1];
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let wordy = word.bytes().any(|b| b.is_ascii_lowercase()) || word == "+1" || word == "-1";
        if wordy && !glued(before) && !glued(after) && !word.starts_with(['-', '_']) {
            out.push(m.range());
            from = m.end();
        } else {
            // The closing colon may open the next one ("a:b: :dog:").
            from = m.end() - 1;
        }
    }
}

static IAL: LazyLock<Regex> = LazyLock::new(|| {
    let token = r#"(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[\w-]+))"#;
    Regex::new(&format!(
        r#"(?m)\{{:[ \t]*(?:[\w-]+:[ \t]*)?(?:{token}(?:[ \t]+{token})*)?[ \t]*\}}|(?:^|[ \t])(\{{[ \t]*[#.][\w-]+(?:[ \t]+{token})*[ \t]*\}})[ \t]*$"#
    ))
    .expect("attribute list pattern compiles")
});

/// kramdown inline attribute lists: `{: .class}` anywhere, `{#id .class}` at a line's end.
fn attribute_lists(text: &str, out: &mut Vec<Range<usize>>) {
    if !text.contains("{:") && !text.contains("{#") && !text.contains("{.") {
        return;
    }
    for c in IAL.captures_iter(text) {
        if let Some(m) = c.get(1).or_else(|| c.get(0)) {
            out.push(m.range());
        }
    }
}

static ADMONITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?::::+[ \t]*[\w-]*|(?:!!!|\?\?\?\+?)[ \t]+[\w-]+)")
        .expect("admonition pattern compiles")
});

/// `:::note`, `:::` and `!!! note` markers (Docusaurus, MkDocs): the marker is not prose.
fn admonition_markers(text: &str, out: &mut Vec<Range<usize>>) {
    if !text.contains(":::") && !text.contains("!!!") && !text.contains("???") {
        return;
    }
    for m in ADMONITION.find_iter(text) {
        out.push(m.range());
    }
}

/// The indented bodies of MkDocs admonitions (`!!! note` then lines indented by four): prose,
/// though CommonMark would read a body after a blank line as an indented code block.
pub fn admonition_bodies(text: &str) -> Vec<Range<usize>> {
    static OPEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+[^\n]*\n").expect("pattern compiles")
    });
    let mut out = Vec::new();
    if !text.contains("!!!") && !text.contains("???") {
        return out;
    }
    for m in OPEN.find_iter(text) {
        let mut end = m.end();
        let mut last_content = end;
        for line in text[m.end()..].split_inclusive('\n') {
            if line.trim().is_empty() {
                end += line.len();
            } else if line.starts_with("    ") || line.starts_with('\t') {
                end += line.len();
                last_content = end;
            } else {
                break;
            }
        }
        if last_content > m.end() {
            out.push(m.end()..last_content);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(text: &str) -> String {
        crate::source::blank_ranges(text, scan(text, &Spans::default()))
    }

    #[test]
    fn raw_shortcode_bodies_are_blanked_markdown_bodies_are_not() {
        let t = "A {{< highlight go >}}X ABC{{< /highlight >}} B {{% note %}}Y PLA{{% /note %}} C";
        let b = blanked(t);
        assert!(!b.contains("ABC") && !b.contains("highlight"), "{b}");
        assert!(b.contains("Y PLA") && !b.contains("note"), "{b}");
        assert!(b.starts_with("A ") && b.ends_with(" C"));
    }

    #[test]
    fn nested_shortcodes_follow_the_innermost() {
        let t = "{{< tabs >}}RAW1{{% tab %}}PROSE{{< code >}}RAW2{{< /code >}}MORE{{% /tab %}}RAW3{{< /tabs >}}";
        let b = blanked(t);
        assert!(b.contains("PROSE") && b.contains("MORE"), "{b}");
        assert!(!b.contains("RAW"), "{b}");
    }

    #[test]
    fn unclosed_and_self_closing_and_escaped_tags() {
        let t = "Use {{< param x >}} and {{< figure src=\"a\" />}} and {{</* foo */>}} here ABC.";
        let b = blanked(t);
        assert!(b.contains("here ABC."), "{b}");
        assert!(!b.contains("param") && !b.contains("figure") && !b.contains("foo"));
    }

    #[test]
    fn liquid_blocks_and_tags() {
        let t = "A {% raw %}{{ X }} ABC{% endraw %} B {% comment %}PLA{% endcomment %} C {{ page.title }} D {% include x.html %} E";
        let b = blanked(t);
        for gone in ["ABC", "PLA", "page", "include", "raw"] {
            assert!(!b.contains(gone), "{gone}: {b}");
        }
        for kept in ["A ", " B ", " C ", " D ", " E"] {
            assert!(b.contains(kept), "{kept}: {b}");
        }
    }

    #[test]
    fn emoji_are_strict() {
        let b = blanked("Nice :dog2: and :+1: but 10:30:00 and Note:foo: and a : b: stay.");
        assert!(!b.contains("dog2") && !b.contains("+1"), "{b}");
        assert!(b.contains("10:30:00") && b.contains("Note:foo:") && b.contains("a : b:"));
    }

    #[test]
    fn attribute_lists_and_math_and_comments() {
        let t = "# Title {#intro .big}\n\nText here.\n{: .note key=\"v\"}\n\nSee \\[x = ABC\\] and {/* PLA */} and {not an ial}.\n";
        let b = blanked(t);
        assert!(!b.contains("intro") && !b.contains("note") && !b.contains("ABC"));
        assert!(!b.contains("PLA"));
        assert!(b.contains("# Title") && b.contains("{not an ial}"), "{b}");
    }

    #[test]
    fn closers_at_the_start_of_a_line() {
        let t = "\\[\n\\begin{x}\nKL = 1\n\\]\n\n{% if a\n%}B{{ c\n}}D\n";
        let b = blanked(t);
        assert!(!b.contains("KL") && !b.contains('c'), "{b}");
        assert!(b.contains('B') && b.contains('D'), "{b}");
    }

    #[test]
    fn many_unclosed_tags_cost_little() {
        let t =
            "{{< a >}}".repeat(20_000) + &"{{< /b >}}".repeat(20_000) + &"{% raw %}".repeat(20_000);
        let start = std::time::Instant::now();
        let _ = blanked(&t);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn no_panic_on_multibyte_text() {
        let t = "é{{<é".repeat(200) + "{{%“" + &"ü".repeat(3000) + ":é:{: é}";
        let _ = blanked(&t);
        let _ = admonition_bodies("!!! note\n    é\n");
        for t in [
            "{{%}}",
            "{{<>}}",
            "{{</*/>}}",
            "{{%/*/%}}",
            "{{< />}}",
            "{{%%}}x{{% /%}}",
        ] {
            let _ = blanked(t);
        }
    }
}
