//! Bare URLs are not prose: their capitals are not acronyms and their digits are not numbers.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[A-Za-z][A-Za-z0-9_:-]*(?:\s[^<>\n]*)?/?>").expect("tag pattern compiles")
});

/// Byte ranges of markup tags in plain text: "<SECTION>", "</p>", "<FN110>".
pub fn find_tags(text: &str) -> Vec<Range<usize>> {
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return Vec::new();
    }
    TAG.find_iter(text).map(|m| m.range()).collect()
}

/// Where each bare URL starts and where its run of URL characters ends, in order: "http://",
/// "https://" or "ftp://" (any case), or "www.", after a word boundary, then one or more
/// characters that are not white space, '<', '>' or a quotation mark. Found by searching for
/// "://" and "www." rather than by a pattern: most documents have few URLs or none, and
/// compiling the pattern cost more than checking a brief.
fn url_matches(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // The word boundary of the regex crate's `\b`: its own definition of a word character
    // (letters, digits, marks, connector punctuation, joiners).
    let boundary_before = |i: usize| {
        !text[..i]
            .chars()
            .next_back()
            .is_some_and(regex_syntax::is_word_character)
    };
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (start, end of the prefix)
    for p in memchr::memmem::find_iter(bytes, b"://") {
        // Up to five characters before "://", last first, folded as the pattern's (?i)
        // folds them: the 's' of "https" also matches 'ſ' (long s).
        let mut back = [('\0', 0usize); 5];
        let mut n = 0;
        for (i, c) in text[..p].char_indices().rev().take(5) {
            back[n] = (
                if c == 'ſ' {
                    's'
                } else {
                    c.to_ascii_lowercase()
                },
                i,
            );
            n += 1;
        }
        // "xhttp://" has no boundary before "http"; the regex would not take it either.
        for scheme in ["https", "http", "ftp"] {
            let len = scheme.len();
            let spelled = len <= n && scheme.chars().rev().zip(&back).all(|(s, &(c, _))| s == c);
            if spelled && boundary_before(back[len - 1].1) {
                starts.push((back[len - 1].1, p + 3));
                break;
            }
        }
    }
    for i in memchr::memchr2_iter(b'w', b'W', bytes) {
        if bytes
            .get(i..i + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
            && boundary_before(i)
        {
            starts.push((i, i + 4));
        }
    }
    starts.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::new();
    for (start, prefix_end) in starts {
        if out.last().is_some_and(|last| start < last.end) {
            continue;
        }
        let rest = &text[prefix_end..];
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”'))
            .unwrap_or(rest.len());
        if len > 0 {
            out.push(start..prefix_end + len);
        }
    }
    out
}

/// Byte ranges of bare URLs, including a URL hard-wrapped across a line break in text copied
/// from a PDF (".../china-names-new-military-leaders-as-" / "transition-nears.html").
pub fn find_urls(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in url_matches(text) {
        // A ')' without its '(' closes the parentheses around the URL, as a Markdown link's
        // "(https://...).1" does: what follows it is text (there, a footnote marker).
        let mut depth = 0i32;
        let unbalanced = text[m.clone()].char_indices().find(|&(_, c)| {
            depth += match c {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            depth < 0
        });
        let mut end = unbalanced.map_or(m.end, |(i, _)| m.start + i);
        // Trailing sentence punctuation is not part of the URL.
        while end > m.start {
            let c = text[..end].chars().next_back().unwrap_or(' ');
            if matches!(
                c,
                '.' | ',' | ';' | ':' | ')' | ']' | '\'' | '’' | '!' | '?'
            ) {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        let mut range = m.start..end;
        if let Some(last) = out.last() {
            if range.start < last.end {
                continue;
            }
        }
        // A URL that ends a line with '-' or '/' continues on the next line when that line
        // starts with more URL characters (no space before the first '/', '.' or '?').
        if matches!(text.as_bytes().get(range.end), Some(b'\n') | Some(b'\r'))
            && text[..range.end].ends_with(['-', '/', '_', '='])
        {
            let mut next = range.end;
            while matches!(text.as_bytes().get(next), Some(b'\n') | Some(b'\r')) {
                next += 1;
            }
            let rest = &text[next..];
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..word_len];
            if word.contains(['/', '.', '?', '=']) && !word.starts_with(['(', '“', '"']) {
                let trimmed = word.trim_end_matches(['.', ',', ';', ':', ')']);
                range.end = next + trimmed.len();
            }
        }
        out.push(range);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(t: &str) -> Vec<&str> {
        find_urls(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn trailing_punctuation_is_not_url() {
        assert_eq!(
            urls("See http://www.nytimes.com/2012/10/26/world/a.html?_r=0. Next"),
            vec!["http://www.nytimes.com/2012/10/26/world/a.html?_r=0"]
        );
    }

    #[test]
    fn hard_wrapped_url_continues() {
        let t = "Times. http://www.x.com/2012/names-as-\ntransition-nears.html?_r=0.\nNext";
        assert_eq!(
            urls(t),
            vec!["http://www.x.com/2012/names-as-\ntransition-nears.html?_r=0"]
        );
    }

    #[test]
    fn tags() {
        let t = "<SECTION>Title <FN12> and a < b > c";
        let found: Vec<&str> = find_tags(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, vec!["<SECTION>", "<FN12>"]);
    }

    /// The scan finds what the pattern it replaces finds.
    #[test]
    fn scan_agrees_with_the_url_pattern() {
        let re = Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\x22“”]+").unwrap();
        let pieces = [
            "http://",
            "HTTPS://",
            "ftp://",
            "www.",
            "WwW.",
            "xhttp://",
            "_www.",
            "éwww.",
            "a",
            "b.c",
            "/",
            " ",
            "\n",
            "<",
            ">",
            "\"",
            "“",
            "”",
            "(",
            ")",
            ".",
            "://",
            "é",
            "\u{a0}",
            "2012/10",
            "?q=1",
            "hTTp",
            "s://",
            "e\u{301}",
            "\u{200d}",
            "‿",
            "³",
            "½",
            "ſ",
            "httpſ://",
            "Ⅻ",
        ];
        // Word characters by the regex crate's definition, and the long s that (?i) folds.
        for t in [
            "e\u{301}www.x.com",
            "a\u{200d}www.x.com",
            "‿www.x.com",
            "³https://x.org/a",
            "½www.x.com",
            "httpſ://x.org",
            "xhttps://x.org",
            "(https://x.org)",
        ] {
            let want: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(url_matches(t), want, "{t:?}");
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let want: Vec<_> = re.find_iter(&t).map(|m| m.range()).collect();
            assert_eq!(url_matches(&t), want, "{t:?}");
        }
    }

    #[test]
    fn wrapped_url_does_not_swallow_prose() {
        let t = "at http://x.org/a-\nthe next line.";
        assert_eq!(urls(t), vec!["http://x.org/a-"]);
    }
}
