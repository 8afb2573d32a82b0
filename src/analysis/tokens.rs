//! Tokens: words, numbers and punctuation, read once from the prose mask, each with its
//! [`Class`] (month name, number word, year, capitals...) decided as it is read.

pub use super::token_class::Class;
use super::token_class::{classify_number, classify_punct, classify_word};
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

/// One token, in eight bytes: a large document has a token for every five or six bytes of
/// text, so the token list is the largest part of the analysis.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's start. Documents are at most [`MAX_DOCUMENT_BYTES`].
    offset: u32,
    /// The length in bytes (low bits), the class, the kind (two bits) and whether white
    /// space comes before (top bit).
    packed: u32,
}

pub use crate::source::MAX_DOCUMENT_BYTES;

/// The longest token: a run of letters longer than this (no word is) is cut into tokens of
/// this length, glued together.
const MAX_TOKEN_BYTES: usize = (1 << LEN_BITS) - 1;
const LEN_BITS: u32 = 32 - 1 - 2 - Class::BITS;
const CLASS_SHIFT: u32 = LEN_BITS;
const KIND_SHIFT: u32 = CLASS_SHIFT + Class::BITS;
const SPACE_BIT: u32 = 1 << 31;

impl Token {
    pub fn new(range: Range<usize>, kind: TokenKind, class: Class, space_before: bool) -> Token {
        debug_assert!(range.end <= MAX_DOCUMENT_BYTES && range.len() <= MAX_TOKEN_BYTES);
        let kind = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        Token {
            offset: range.start as u32,
            packed: range.len() as u32
                | ((class.bits() as u32) << CLASS_SHIFT)
                | (kind << KIND_SHIFT)
                | if space_before { SPACE_BIT } else { 0 },
        }
    }

    /// The token's byte range in the prose.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn start(&self) -> usize {
        self.offset as usize
    }

    pub fn end(&self) -> usize {
        self.start() + self.len()
    }

    pub fn len(&self) -> usize {
        (self.packed & MAX_TOKEN_BYTES as u32) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn kind(&self) -> TokenKind {
        match (self.packed >> KIND_SHIFT) & 0b11 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    /// What the token is, beyond its kind: see [`Class`].
    pub fn class(&self) -> Class {
        Class::from_bits((self.packed >> CLASS_SHIFT) as u16)
    }

    /// Whether the token is of any of the classes in `class`.
    pub fn is_a(&self, class: Class) -> bool {
        self.class().any(class)
    }

    /// Whether white space (or the start of the text) comes right before this token.
    pub fn space_before(&self) -> bool {
        self.packed & SPACE_BIT != 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("range", &self.range())
            .field("kind", &self.kind())
            .field("class", &self.class())
            .field("space_before", &self.space_before())
            .finish()
    }
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
        self.tokens.get(i).map_or("", |t| &self.prose[t.range()])
    }

    /// Whether token `i` follows the one before with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before())
    }

    /// Whether token `i` is of any of the classes in `class` (false past the end).
    pub fn is_a(&self, i: usize, class: Class) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_a(class))
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

/// The character at byte `i` and its length; plain ASCII without decoding.
fn char_at(prose: &str, i: usize) -> Option<(char, usize)> {
    let b = *prose.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = prose[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits prose into tokens. A word keeps an internal apostrophe followed by a letter
/// ("PLA's", "China’s"); a number keeps a '.' or ',' between digits.
///
/// Text past [`MAX_DOCUMENT_BYTES`] is not read (loading refuses such documents).
pub fn tokenize(prose: &str) -> Vec<Token> {
    let mut limit = prose.len().min(MAX_DOCUMENT_BYTES);
    while !prose.is_char_boundary(limit) {
        limit -= 1;
    }
    let prose = &prose[..limit];
    let bytes = prose.as_bytes();
    let mut tokens = Vec::with_capacity(prose.len() / 5);
    let mut space_before = true;
    let mut i = 0;
    while i < bytes.len() {
        // Most text is ASCII: its bytes are told apart without decoding a character.
        let b = bytes[i];
        let Some((c, n)) = char_at(prose, i) else {
            break;
        };
        let alphanumeric = if b.is_ascii() {
            if b.is_ascii_whitespace() || b == 0x0b {
                space_before = true;
                i += 1;
                continue;
            }
            b.is_ascii_alphanumeric()
        } else {
            if c.is_whitespace() {
                space_before = true;
                i += n;
                continue;
            }
            c.is_alphanumeric()
        };
        if !alphanumeric {
            let class = classify_punct(&prose[i..i + n]);
            tokens.push(Token::new(i..i + n, TokenKind::Punct, class, space_before));
            space_before = false;
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        let mut has_letter = c.is_alphabetic();
        let mut prev = c;
        // A run longer than a token can hold goes on as a glued token.
        while end - start < MAX_TOKEN_BYTES - 8 {
            let Some(&d) = bytes.get(end) else {
                break;
            };
            if d.is_ascii_alphanumeric() {
                has_letter |= d.is_ascii_alphabetic();
                prev = d as char;
                end += 1;
                continue;
            }
            let Some((d, dn)) = char_at(prose, end) else {
                break;
            };
            if !d.is_alphanumeric() {
                // Internal apostrophe or separator: look one character further.
                let next = || char_at(prose, end + dn).map(|(c, _)| c);
                let keep = if is_apostrophe(d) {
                    has_letter && prev.is_alphabetic() && next().is_some_and(char::is_alphabetic)
                } else if d == '.' || d == ',' {
                    !has_letter
                        && prev.is_ascii_digit()
                        && next().is_some_and(|n| n.is_ascii_digit())
                } else {
                    false
                };
                if !keep {
                    break;
                }
            }
            has_letter |= d.is_alphabetic();
            prev = d;
            end += dn;
        }
        let text = &prose[start..end];
        let (kind, class) = if has_letter {
            (TokenKind::Word, classify_word(text))
        } else {
            (TokenKind::Number, classify_number(text))
        };
        tokens.push(Token::new(start..end, kind, class, space_before));
        space_before = false;
        i = end;
    }
    tokens.shrink_to_fit();
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(&str, TokenKind)> {
        tokenize(t)
            .into_iter()
            .map(|k| (&t[k.range()], k.kind()))
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
