//! Reading a numeral as written: digits with separators and decimals ("1,650", "1.2") and their
//! significant figures, and number words ("fifteen", "twenty-two", "two hundred", "a dozen").
//! What the number stands for is the scanner's business, not this module's.

pub(super) use crate::analysis::token_class::{number_word, NumberWord};
use crate::analysis::tokens::{Class, TokenKind, TokenView};

pub(super) fn lookup(class: NumberWord, w: &str) -> Option<f64> {
    number_word(w).filter(|&(_, c)| c == class).map(|(v, _)| v)
}

/// Value of a digits token ("1,650" → 1650, "1.2" → 1.2) and its significant figures.
pub(super) fn digits_value(s: &str) -> Option<(f64, u32)> {
    if s.matches('.').count() > 1 {
        return None; // a version or a section number: "1.2.3"
    }
    // Thousands separators must group by three.
    if s.contains(',') {
        let int = s.split('.').next()?;
        let groups: Vec<&str> = int.split(',').collect();
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    // Most numbers have no separator: parse them in place.
    let v: f64 = if s.contains(',') {
        s.replace(',', "").parse().ok()?
    } else {
        s.parse().ok()?
    };
    // Significant figures: the digits from the first non-zero one, and without a decimal
    // point not the trailing zeros either ("22,000" has two, "2.50" three).
    let digits = || s.bytes().filter(u8::is_ascii_digit);
    let leading = digits().take_while(|&d| d == b'0').count();
    let total = digits().count();
    let significant = if s.contains('.') {
        total - leading
    } else {
        let trailing = digits().rev().take_while(|&d| d == b'0').count();
        total.saturating_sub(leading + trailing)
    };
    Some((v, significant.max(1) as u32))
}

/// Parses number words starting at `i` ("twenty-two", "two hundred", "a dozen").
fn words_value(s: &TokenView, i: usize) -> Option<(f64, usize)> {
    let w = s.text(i);
    if w.eq_ignore_ascii_case("a") && s.text(i + 1).eq_ignore_ascii_case("dozen") {
        return Some((12.0, i + 2));
    }
    if s.tokens.get(i)?.kind() != TokenKind::Word {
        return None;
    }
    let mut total = 0.0;
    let mut current = match number_word(w) {
        Some((v, NumberWord::Unit)) => v,
        Some((v, NumberWord::Ten)) => {
            // "twenty-two"
            if s.text(i + 1) == "-" && s.glued(i + 1) && s.glued(i + 2) {
                if let Some(u) =
                    lookup(NumberWord::Unit, s.text(i + 2)).filter(|&u| (1.0..10.0).contains(&u))
                {
                    let mut j = i + 3;
                    let mut cur = v + u;
                    while let Some(sc) = lookup(NumberWord::Scale, s.text(j)) {
                        cur *= sc;
                        j += 1;
                    }
                    return Some((cur, j));
                }
            }
            v
        }
        _ => return None,
    };
    let mut j = i + 1;
    while let Some(sc) = lookup(NumberWord::Scale, s.text(j)) {
        if sc < 1e3 {
            current *= sc;
        } else {
            total += current * sc;
            current = 0.0;
        }
        j += 1;
    }
    total += current;
    Some((total, j))
}

/// Whether a number can start at token `i`: digits, a currency sign, a number word or the "a"
/// of "a dozen". The cheap test that spares most tokens the full reading.
#[inline]
pub(super) fn may_start_number(s: &TokenView, i: usize) -> bool {
    let t = &s.tokens[i];
    match t.kind() {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(s.text(i), "$" | "€" | "£"),
        TokenKind::Word if t.len() == 1 => s.text(i).eq_ignore_ascii_case("a"),
        TokenKind::Word => {
            t.is_a(Class::NUMBER_WORD)
                && matches!(
                    number_word(s.text(i)),
                    Some((_, NumberWord::Unit | NumberWord::Ten))
                )
        }
    }
}

/// A number at token `i`: (value, significant figures, in words, index after it).
pub(super) fn number_at(s: &TokenView, i: usize) -> Option<(f64, Option<u32>, bool, usize)> {
    let t = s.tokens.get(i)?;
    match t.kind() {
        TokenKind::Number => {
            let (v, sig) = digits_value(s.text(i))?;
            Some((v, Some(sig), false, i + 1))
        }
        TokenKind::Word => {
            let (v, next) = words_value(s, i)?;
            Some((v, None, true, next))
        }
        TokenKind::Punct => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_figures() {
        for (text, value, significant) in [
            ("22,000", 22000.0, 2),
            ("1,650", 1650.0, 3), // a trailing zero without a decimal point is not counted
            ("2.50", 2.5, 3),
            ("0.05", 0.05, 1),
            ("100", 100.0, 1),
            ("0", 0.0, 1),
            ("1,000.50", 1000.5, 6),
        ] {
            assert_eq!(digits_value(text), Some((value, significant)), "{text}");
        }
        assert_eq!(digits_value("1,65"), None);
        assert_eq!(digits_value("1.2.3"), None);
    }
}
