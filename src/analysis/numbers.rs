//! Numbers and quantities in prose: digits with separators and decimals ("1,650", "1.2"), scale
//! words ("1.2 billion"), number words ("fifteen", "twenty-two", "a dozen"), ranges ("50-75",
//! "two to three", "between 5 and 8"), qualifiers ("approximately", "more than", "up to"),
//! percentages, and the words that follow ("1,650 peacekeepers", "four cargo aircraft").
//! Years, dates, ordinals, footnote markers, references ("p. 8", "Article 2"), identifiers
//! ("COVID-19", "1.2.3") and phone numbers are not quantities.

use super::dates::Dates;
use super::footnotes::Footnotes;
use super::number_roles::{is_phone_at, year_value, REFERENCE_WORDS};
use super::tokens::{Token, TokenKind, TokenView};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Approximately,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Nearly,
    Exactly,
}

impl Qualifier {
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Approximately => "approximately",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Nearly => "nearly",
            Qualifier::Exactly => "exactly",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The number as written, with its scale word, percent sign and range ("1.2 billion").
    pub range: Range<usize>,
    pub value: f64,
    /// The upper end of a range.
    pub high: Option<f64>,
    pub qualifier: Option<(Qualifier, Range<usize>)>,
    pub percent: bool,
    /// Written in words ("fifteen").
    pub in_words: bool,
    /// Significant figures as written ("22,000" has 2, "1,650" 3, "1.20" 3); None for words.
    pub significant: Option<u32>,
    /// Token index range of the number itself.
    pub tokens: Range<usize>,
}

/// Qualifier phrases, longest first, lower case, as word sequences.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::Approximately),
    (&["more", "than"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["approximately"], Qualifier::Approximately),
    (&["about"], Qualifier::Approximately),
    (&["around"], Qualifier::Approximately),
    (&["roughly"], Qualifier::Approximately),
    (&["some"], Qualifier::Approximately),
    (&["circa"], Qualifier::Approximately),
    (&["approx"], Qualifier::Approximately),
    (&["~"], Qualifier::Approximately),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["exactly"], Qualifier::Exactly),
    (&["precisely"], Qualifier::Exactly),
];

/// What a number word is: a unit ("seven"), a multiple of ten ("forty") or a scale
/// ("million", "dozen").
#[derive(Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    Unit,
    Ten,
    Scale,
}

/// The value and class of a number word, any case. Asked of nearly every word, so it is one
/// `match` on a lower-case copy kept on the stack, not a scan of word tables.
fn number_word(w: &str) -> Option<(f64, NumberWord)> {
    let b = w.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    let mut lower = [0u8; 9];
    for (d, c) in lower.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    use NumberWord::*;
    Some(match &lower[..b.len()] {
        b"zero" => (0.0, Unit),
        b"one" => (1.0, Unit),
        b"two" => (2.0, Unit),
        b"three" => (3.0, Unit),
        b"four" => (4.0, Unit),
        b"five" => (5.0, Unit),
        b"six" => (6.0, Unit),
        b"seven" => (7.0, Unit),
        b"eight" => (8.0, Unit),
        b"nine" => (9.0, Unit),
        b"ten" => (10.0, Unit),
        b"eleven" => (11.0, Unit),
        b"twelve" => (12.0, Unit),
        b"thirteen" => (13.0, Unit),
        b"fourteen" => (14.0, Unit),
        b"fifteen" => (15.0, Unit),
        b"sixteen" => (16.0, Unit),
        b"seventeen" => (17.0, Unit),
        b"eighteen" => (18.0, Unit),
        b"nineteen" => (19.0, Unit),
        b"twenty" => (20.0, Ten),
        b"thirty" => (30.0, Ten),
        b"forty" => (40.0, Ten),
        b"fifty" => (50.0, Ten),
        b"sixty" => (60.0, Ten),
        b"seventy" => (70.0, Ten),
        b"eighty" => (80.0, Ten),
        b"ninety" => (90.0, Ten),
        b"dozen" => (12.0, Scale),
        b"hundred" => (100.0, Scale),
        b"thousand" => (1e3, Scale),
        b"million" => (1e6, Scale),
        b"billion" => (1e9, Scale),
        b"trillion" => (1e12, Scale),
        _ => return None,
    })
}

/// Words after which "one" is not a count ("no one", "the one").
const ONE_BLOCKERS_BEFORE: &[&str] = &[
    "no", "any", "each", "every", "the", "this", "that", "which", "someone", "anyone",
];
const ONE_BLOCKERS_AFTER: &[&str] = &[
    "of", "another", "or", "and", "who", "that", "which", "in", "on", "at", "to", "with", "by",
    "for", "is", "was", "would", "could", "should", "may", "might", "can", "will", "has", "had",
    "must", "day", "time", "way", "hand",
];

fn lookup(class: NumberWord, w: &str) -> Option<f64> {
    number_word(w).filter(|&(_, c)| c == class).map(|(v, _)| v)
}

/// The token view the quantity scanner reads.
type Scan<'a> = TokenView<'a>;

/// Value of a digits token ("1,650" → 1650, "1.2" → 1.2) and its significant figures.
fn digits_value(s: &str) -> Option<(f64, u32)> {
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
fn words_value(s: &Scan, i: usize) -> Option<(f64, usize)> {
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

/// The qualifier ending right before token `i`.
fn qualifier_before(s: &Scan, i: usize) -> Option<(Qualifier, Range<usize>)> {
    for (phrase, q) in QUALIFIERS {
        let n = phrase.len();
        if i < n {
            continue;
        }
        let start = i - n;
        if (0..n).all(|k| s.is(start + k, phrase[k])) {
            return Some((*q, s.tokens[start].start()..s.tokens[i - 1].end()));
        }
    }
    None
}

/// Whether a number can start at token `i`: digits, a currency sign, a number word or the "a"
/// of "a dozen". The cheap test that spares most tokens the full reading.
fn may_start_number(s: &Scan, i: usize) -> bool {
    let w = s.text(i);
    match s.tokens[i].kind() {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(w, "$" | "€" | "£"),
        TokenKind::Word => {
            w.eq_ignore_ascii_case("a")
                || matches!(
                    number_word(w),
                    Some((_, NumberWord::Unit | NumberWord::Ten))
                )
        }
    }
}

/// One number as written: currency sign, digits or words, scale word, percent.
struct Written {
    start: usize,
    value: f64,
    significant: Option<u32>,
    in_words: bool,
    percent: bool,
    /// Token index after the number (and its scale word and percent).
    end: usize,
    /// Token index after the digits or words alone.
    number_end: usize,
    /// The scale word's factor ("billion"), 1 when there is none.
    scale: f64,
}

fn written_at(s: &Scan, i: usize) -> Option<Written> {
    let mut start = i;
    let mut j = i;
    if matches!(s.text(j), "$" | "€" | "£") && s.glued(j + 1) {
        j += 1;
    } else if i > 0 && matches!(s.text(i - 1), "$" | "€" | "£") && s.glued(i) {
        start = i - 1;
    }
    let (mut value, significant, in_words, number_end) = number_at(s, j)?;
    let mut end = number_end;
    let mut scale = 1.0;
    if !in_words {
        if let Some(sc) = lookup(NumberWord::Scale, s.text(end)).filter(|&sc| sc >= 1e3) {
            value *= sc;
            scale = sc;
            end += 1;
        }
    }
    let mut percent = false;
    if (s.text(end) == "%" && s.glued(end)) || s.is(end, "percent") {
        percent = true;
        end += 1;
    } else if s.is(end, "per") && s.is(end + 1, "cent") {
        percent = true;
        end += 2;
    }
    Some(Written {
        start,
        value,
        significant,
        in_words,
        percent,
        end,
        number_end,
        scale,
    })
}

/// Time words after which "over" means "during" ("over six days").
const TIME_UNITS: &[&str] = &[
    "day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "decade",
    "decades", "minute", "minutes",
];

/// Finds the quantities among the tokens, skipping those used by dates and periods.
pub fn find_quantities(
    prose: &str,
    tokens: &[Token],
    footnotes: &Footnotes,
    dates: &Dates,
) -> Vec<Quantity> {
    let s = Scan { prose, tokens };
    // Tokens taken by dates and periods, one flag per token.
    let mut taken = vec![false; tokens.len() + 2];
    for r in (dates.dates.iter().map(|d| &d.tokens))
        .chain(dates.periods.iter().map(|p| &p.tokens))
        .chain(&dates.undated)
    {
        taken[r.clone()].fill(true);
    }
    let used = |i: usize| taken.get(i).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if used(i) || footnotes.marker_in_token(i).is_some() || !may_start_number(&s, i) {
            i += 1;
            continue;
        }
        let Some(first) = written_at(&s, i) else {
            i += 1;
            continue;
        };
        let digits_at = if s.text(i).starts_with(['$', '€', '£']) {
            i + 1
        } else {
            i
        };
        if !is_quantity_context(&s, digits_at, first.number_end, first.in_words) {
            // Skip a rejected number's range continuation too ("pp. 12-14", "P.L. 116-92").
            let mut next = first.number_end;
            while matches!(s.text(next), "-" | "–")
                && s.glued(next)
                && s.tokens
                    .get(next + 1)
                    .is_some_and(|t| t.kind() == TokenKind::Number && !t.space_before())
            {
                next += 2;
            }
            i = next.max(i + 1);
            continue;
        }
        let mut q = Quantity {
            range: tokens[first.start].start()..tokens[first.end - 1].end(),
            value: first.value,
            high: None,
            qualifier: None,
            percent: first.percent,
            in_words: first.in_words,
            significant: first.significant,
            tokens: digits_at..first.number_end,
        };
        let mut end = first.end;
        // Ranges: "50-75", "50–75", "two to three", "$1.5 billion to $2 billion", "5% to 8%".
        let joiner = s.text(end);
        let dash = matches!(joiner, "-" | "–" | "—") && s.glued(end) && s.glued(end + 1);
        let spaced_dash = joiner == "–" && !used(end + 1);
        if (dash || spaced_dash || joiner == "to") && !used(end + 1) && !is_phone(&s, digits_at) {
            if let Some(second) = written_at(&s, end + 1) {
                if second.in_words == first.in_words {
                    // "1.5 to 2 billion": the second's scale word applies to both.
                    if first.scale == 1.0 {
                        q.value *= second.scale;
                    }
                    q.high = Some(second.value);
                    q.percent |= second.percent;
                    end = second.end;
                }
            }
        }
        // "between 5 and 8"
        let between = i > 0 && s.is(i - 1, "between");
        if between && s.text(end) == "and" {
            if let Some(second) = written_at(&s, end + 1) {
                q.high = Some(second.value);
                q.range.start = tokens[i - 1].start();
                q.percent |= second.percent;
                end = second.end;
            }
        }
        q.range.end = tokens[end - 1].end();
        if !between {
            q.qualifier = qualifier_before(&s, first.start);
            // "over six days": a span of time, not a lower bound.
            let over = q
                .qualifier
                .as_ref()
                .is_some_and(|(k, r)| *k == Qualifier::MoreThan && &prose[r.clone()] == "over");
            // The word before "over" ("for over 30 years" is a bound; "witnesses over six
            // days" a span of time): the token right before the qualifier.
            let for_over = over && {
                let before_over = q.qualifier.as_ref().map_or(0, |(_, r)| r.start);
                let k = s.tokens.partition_point(|t| t.end() <= before_over);
                k.checked_sub(1).is_some_and(|p| {
                    s.is_one_of(p, &["for", "in", "of", "with", "to", "by", "from", "after"])
                })
            };
            if over && !for_over && s.is_one_of(end, TIME_UNITS) {
                q.qualifier = None;
            }
        }
        out.push(q);
        i = end;
    }
    out
}

/// A number at token `i`: (value, significant figures, in words, index after it).
fn number_at(s: &Scan, i: usize) -> Option<(f64, Option<u32>, bool, usize)> {
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

/// Whether the number at `i..next` is a quantity in its context.
fn is_quantity_context(s: &Scan, i: usize, next: usize, in_words: bool) -> bool {
    let prev = if i > 0 { s.text(i - 1) } else { "" };
    let prev_word = if prev == "." && i > 1 {
        s.text(i - 2)
    } else {
        prev
    };
    if !in_words {
        let text = s.text(i);
        // References: "p. 8", "Article 2", "§ 1030", "H.R. 1119".
        if REFERENCE_WORDS.contains(&prev_word) || REFERENCE_WORDS.contains(&prev) {
            return false;
        }
        // Identifiers: "COVID-19", "F-35", "R46949" (one token), "SM-6", "4-1" after Table.
        if s.glued(i) && matches!(prev, "-" | "/" | "_" | "#" | ".") && i > 1 {
            let before = &s.tokens[i - 2];
            if before.kind() == TokenKind::Word || !s.glued(i - 1) || prev == "." {
                return false;
            }
        }
        // "1512(c)(2)": a number in parentheses glued to what precedes them.
        if prev == "(" && s.glued(i) && s.glued(i - 1) {
            return false;
        }
        // "1512(c)", "3166-1", "8:22", "116-92" after P.L. handled above.
        if s.glued(next) && matches!(s.text(next), "(" | ":" | "/" | "_") {
            return false;
        }
        if i > 0 && prev == ":" && s.glued(i) {
            return false; // times "8:22", ratios handled by NUM rules later
        }
        if is_phone(s, i) {
            return false;
        }
        // A bare year that the date scanner did not take (e.g. inside a reference) is not a
        // quantity unless it counts something.
        if year_value(text).is_some() {
            let next_word = s.text(next);
            let counted = s
                .tokens
                .get(next)
                .is_some_and(|t| t.kind() == TokenKind::Word)
                && next_word.chars().all(|c| c.is_lowercase())
                && next_word.len() > 2;
            if !counted {
                return false;
            }
        }
        // A "+1" country code and the like.
        if prev == "+" && s.glued(i) {
            return false;
        }
        // "18 U.S.C. § 1030", "40 C.F.R. 98", "125 Stat. 1": a title number before a code.
        let after = &s.prose[s.tokens[i].end()..];
        let after = after.trim_start();
        if [
            "U.S.C", "C.F.R", "Stat.", "U.S.", "F.3d", "F.2d", "S. Ct", "Fed. Reg",
        ]
        .iter()
        .any(|c| after.starts_with(c))
        {
            return false;
        }
        // "ISO 3166-1", "DD 214-1": a standard's number after an acronym.
        let acronym_before = i > 0
            && s.tokens[i - 1].kind() == TokenKind::Word
            && prev.len() >= 2
            && prev.chars().all(|c| c.is_ascii_uppercase());
        if acronym_before && s.glued(next) && matches!(s.text(next), "-" | ":") {
            return false;
        }
        // ZIP+4 "20540-7500".
        if text.len() == 5 && s.text(next) == "-" && s.glued(next) && s.text(next + 1).len() == 4 {
            return false;
        }
        // A numbered-list marker at the start of a line: "1. China deployed".
        let line_start = i == 0
            || s.prose[..s.tokens[i].start()]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n');
        if line_start
            && s.glued(next)
            && matches!(s.text(next), "." | ")")
            && s.tokens.get(next + 1).is_none_or(|t| t.space_before())
        {
            return false;
        }
        return true;
    }
    // Words: "one" needs care; "a dozen" is fine.
    if s.is(i, "one") && next == i + 1 {
        if i > 0 && s.is_one_of(i - 1, ONE_BLOCKERS_BEFORE) {
            return false;
        }
        if s.is_one_of(next, ONE_BLOCKERS_AFTER)
            || !s
                .tokens
                .get(next)
                .is_some_and(|t| t.kind() == TokenKind::Word)
        {
            return false;
        }
        // "one-way"
        if s.text(next) == "-" && s.glued(next) {
            return false;
        }
    }
    // "one-way", "two-thirds", "three-year": a number word glued to a hyphen and a word is an
    // adjective compound, still a number for "three-year" but not for "one-way".
    if s.text(next) == "-" && s.glued(next) && s.is(next + 1, "way") {
        return false;
    }
    true
}

/// "(202) 555-0143", "202-555-0143", "+1 202 555 0143".
fn is_phone(s: &Scan, i: usize) -> bool {
    is_phone_at(s.prose, &s.tokens[i].range())
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::source::{Document, Format};

    pub(super) fn q(text: &str) -> Vec<(String, f64, Option<f64>, Option<&'static str>)> {
        let d = Document::new("t", text, Format::Text);
        let a = Analysis::new(&d);
        a.quantities
            .iter()
            .map(|q| {
                (
                    d.text()[q.range.clone()].to_string(),
                    q.value,
                    q.high,
                    q.qualifier.as_ref().map(|(q, _)| q.name()),
                )
            })
            .collect()
    }

    #[test]
    fn worked_example_numbers() {
        assert_eq!(
            q("China today has 1,650 peacekeepers participating in UN PKOs,7 more than\nfifteen times as many as it had in 2000.8 China has deployed approximately 22,000 troops"),
            vec![
                ("1,650".into(), 1650.0, None, None),
                ("fifteen".into(), 15.0, None, Some("more_than")),
                ("22,000".into(), 22000.0, None, Some("approximately")),
            ]
        );
        assert_eq!(
            q("it probably will consist of two to three infantry platoons (approximately 50-75 personnel)"),
            vec![("two to three".into(), 2.0, Some(3.0), None), ("50-75".into(), 50.0, Some(75.0), Some("approximately"))]
        );
    }

    #[test]
    fn scale_percent_and_words() {
        assert_eq!(
            q("It spent $2.1 billion, up 40% from twenty-two missions and a dozen ships."),
            vec![
                ("$2.1 billion".into(), 2.1e9, None, None),
                ("40%".into(), 40.0, None, None),
                ("twenty-two".into(), 22.0, None, None),
                ("a dozen".into(), 12.0, None, None),
            ]
        );
    }

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
            assert_eq!(
                super::digits_value(text),
                Some((value, significant)),
                "{text}"
            );
        }
        assert_eq!(super::digits_value("1,65"), None);
        assert_eq!(super::digits_value("1.2.3"), None);
    }

    #[test]
    fn not_quantities() {
        assert!(q("See p. 8, Article 2, Section 1512(c)(2), COVID-19, version 1.2.3, call (202) 555-0143, at 8:22 a.m., one of the few, no one, one-way drones, in 2013.").is_empty());
    }
}
