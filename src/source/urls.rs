//! Bare URLs are not prose: their capitals are not acronyms and their digits are not numbers.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\x22“”]+").expect("URL pattern compiles")
});

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[A-Za-z][A-Za-z0-9_:-]*(?:\s[^<>\n]*)?/?>").expect("tag pattern compiles")
});

/// Byte ranges of markup tags in plain text: "<SECTION>", "</p>", "<FN110>".
pub fn find_tags(text: &str) -> Vec<Range<usize>> {
    TAG.find_iter(text).map(|m| m.range()).collect()
}

/// Byte ranges of bare URLs, including a URL hard-wrapped across a line break in text copied
/// from a PDF (".../china-names-new-military-leaders-as-" / "transition-nears.html").
pub fn find_urls(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in URL.find_iter(text) {
        let mut end = m.end();
        // Trailing sentence punctuation is not part of the URL.
        while end > m.start() {
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
        let mut range = m.start()..end;
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

    #[test]
    fn wrapped_url_does_not_swallow_prose() {
        let t = "at http://x.org/a-\nthe next line.";
        assert_eq!(urls(t), vec!["http://x.org/a-"]);
    }
}
