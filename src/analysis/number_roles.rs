//! What a written number is when it is not an amount or a date: a reference number ("Section
//! 2013", "p. 8"), a year, or a group of a telephone number. Both the date scanner and the
//! quantity scanner ask, so the answers live below both.

use std::ops::Range;

/// Words after which a four-digit number is a reference, not a year ("Section 2013").
pub const REFERENCE_WORDS: &[&str] = &[
    "p",
    "pp",
    "No",
    "no",
    "Nos",
    "Article",
    "Art",
    "art",
    "Section",
    "Sec",
    "sec",
    "Title",
    "Figure",
    "Fig",
    "Table",
    "Chapter",
    "Resolution",
    "Volume",
    "Vol",
    "vol",
    "Part",
    "Rule",
    "Annex",
    "Appendix",
    "Division",
    "Paragraph",
    "para",
    "Clause",
    "cl",
    "Amendment",
    "Exhibit",
    // Label words: "Listing 4-2" names the second listing of chapter 4; it starts no range.
    "Listing",
    "Example",
    "Examples",
    "Figures",
    "Tables",
    "Listings",
    "Equation",
    "Eq",
    "Chart",
    "Map",
    "Plate",
    "Slide",
    "Lesson",
    "Module",
    "Exercise",
    "Problem",
    "Question",
    "Schedule",
    "Sections",
    "Chapters",
    "Attachment",
    "Enclosure",
    "Tab",
    "Op",
    "Item",
    "Box",
    "Step",
    "Phase",
    "Report",
    "Order",
    "Case",
    "Docket",
    "Form",
    "Publication",
    "Pub",
    "R",
    "S",
    "H",
    "L",
    "§",
    "§§",
    "C",
    "Reg",
    "Stat",
];

pub use super::token_class::year_value;

/// Whether `range` lies inside a telephone number.
pub fn is_phone_at(prose: &str, range: &Range<usize>) -> bool {
    let t = range;
    // A phone number's groups are digits, four at most, or joined by dots ("202.555.0143"):
    // "1,650" or a word is never part of one.
    let token = &prose[t.clone()];
    if token.is_empty()
        || !token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || (token.len() > 4 && !token.contains('.'))
    {
        return false;
    }
    let start = t.start.saturating_sub(16);
    let end = (t.end + 14).min(prose.len());
    let mut a = start;
    while !prose.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = end;
    while !prose.is_char_boundary(b) {
        b += 1;
    }
    // Every form has nine digits or more: most windows have fewer, and need no pattern.
    if prose.as_bytes()[a..b]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .nth(8)
        .is_none()
    {
        return false;
    }
    static PHONE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // ASCII digits: Unicode's \d is a large class, and compiling it cost more than a brief.
        regex::Regex::new(r"(\([0-9]{3}\)\s?[0-9]{3}[-.\s][0-9]{4})|(\b[0-9]{3}[-.][0-9]{3}[-.][0-9]{4}\b)|(\+[0-9]{1,3}[\s.-][0-9]{2,4}[\s.-][0-9]{3,4}[\s.-][0-9]{3,4})")
            .expect("phone pattern compiles")
    });
    PHONE
        .find_iter(&prose[a..b])
        .any(|m| a + m.start() <= t.start && t.end <= a + m.end())
}
