//! Numbers and quantities in prose: digits with separators and decimals ("1,650", "1.2"), scale
//! words ("1.2 billion"), number words ("fifteen", "twenty-two", "a dozen"), ranges ("50-75",
//! "two to three", "between 5 and 8"), qualifiers ("approximately", "more than", "up to"),
//! percentages, and the words that follow ("1,650 peacekeepers", "four cargo aircraft").
//! Years, dates, ordinals, footnote markers, references ("p. 8", "Article 2"), identifiers
//! ("COVID-19", "1.2.3") and phone numbers are not quantities.

mod context;
mod numerals;

use super::dates::Dates;
use super::footnotes::Footnotes;
use super::tokens::{Token, TokenKind, TokenView};
use context::{is_phone, is_quantity_context};
use numerals::{lookup, may_start_number, number_at, NumberWord};
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

/// The token view the quantity scanner reads.
type Scan<'a> = TokenView<'a>;

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
        if !may_start_number(&s, i) || used(i) || footnotes.marker_in_token(i).is_some() {
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
    fn not_quantities() {
        assert!(q("See p. 8, Article 2, Section 1512(c)(2), COVID-19, version 1.2.3, call (202) 555-0143, at 8:22 a.m., one of the few, no one, one-way drones, in 2013.").is_empty());
    }
}
