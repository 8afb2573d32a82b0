//! Tokens: words, numbers and punctuation, read once from the prose mask.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, or letters and digits ("PLA's", "G20", "African").
    Word,
    /// Digits with internal separators ("1,650", "2000.8", "50").
    Number,
    /// Any other non-space character.
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// Whether white space (or the start of the text) comes right before this token.
    pub space_before: bool,
}

/// Tokens read against their prose by index, for the scanners that look a few tokens ahead
/// and behind; an index past the end reads as an empty token.
#[derive(Clone, Copy)]
pub struct TokenView<'a> {
    pub prose: &'a str,
    pub tokens: &'a [Token],
}

impl<'a> TokenView<'a> {
    /// The text of token `i`, or "" past the end.
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.prose[t.range.clone()])
    }

    /// Whether token `i` follows the one before with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Whether token `i` is `word`, ignoring ASCII case (no allocation: scanners ask this of
    /// nearly every token).
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(word)
    }

    /// Whether token `i` is one of `words` (written in lower case), ignoring ASCII case.
    pub fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        super::words::is_one_of(self.text(i), words)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits prose into tokens. A word keeps an internal apostrophe followed by a letter
/// ("PLA's", "China’s"); a number keeps a '.' or ',' between digits.
pub fn tokenize(prose: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(prose.len() / 5);
    let mut chars = prose.char_indices().peekable();
    let mut space_before = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut has_letter = c.is_alphabetic();
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    has_letter |= d.is_alphabetic();
                    end = i + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Internal apostrophe or separator: look one character further.
                let rest = &prose[i + d.len_utf8()..];
                let next = rest.chars().next();
                let prev = prose[..i].chars().next_back();
                let keep = if is_apostrophe(d) {
                    has_letter
                        && prev.is_some_and(char::is_alphabetic)
                        && next.is_some_and(char::is_alphabetic)
                } else if d == '.' || d == ',' {
                    !has_letter
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                } else {
                    false
                };
                if !keep {
                    break;
                }
                chars.next();
                end = i + d.len_utf8();
            }
            tokens.push(Token {
                range: start..end,
                kind: if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
                space_before,
            });
        } else {
            tokens.push(Token {
                range: start..start + c.len_utf8(),
                kind: TokenKind::Punct,
                space_before,
            });
        }
        space_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(&str, TokenKind)> {
        tokenize(t)
            .into_iter()
            .map(|k| (&t[k.range], k.kind))
            .collect()
    }

    #[test]
    fn possessives_and_numbers() {
        use TokenKind::*;
        assert_eq!(
            words("PLA’s 1,650 (MINUSMA),1 in 2000.8"),
            vec![
                ("PLA’s", Word),
                ("1,650", Number),
                ("(", Punct),
                ("MINUSMA", Word),
                (")", Punct),
                (",", Punct),
                ("1", Number),
                ("in", Word),
                ("2000.8", Number),
            ]
        );
    }

    #[test]
    fn trailing_apostrophe_and_period_are_punctuation() {
        let w = words("the states' end.");
        assert_eq!(w[1].0, "states");
        assert_eq!(w[2].0, "'");
        assert_eq!(w[4].0, ".");
    }

    #[test]
    fn hyphen_splits_words() {
        let w = words("African-led");
        assert_eq!(w.len(), 3);
    }
}
