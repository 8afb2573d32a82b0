use super::spoken;
use crate::analysis::PartialDate;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Reports a citation whose date disagrees with the date in the URL it cites
    /// (".../2012/10/26/..." after "October 25, 2012"). The URL must follow the full date
    /// directly, with only punctuation between, as in a citation; the URL's date must be a full
    /// date in its path, and not under a folder of uploaded files ("/wp-content/uploads/",
    /// "/files/"), whose dates are upload dates. A date after "updated", "revised", "accessed"
    /// or "retrieved" is not the publication date and is not compared; nor is one that differs
    /// from the URL's in more than one part and by more than three days (an update or a later
    /// edition whose URL kept the first date, not a retyped digit).
    ///
    /// ## Why is this bad?
    /// One of the two is wrong, and a reader looking for the source on the given date may not
    /// find it.
    ///
    /// ## Example
    /// ```text
    /// Jane Perlez, The New York Times, October 25, 2012. http://www.nytimes.com/2012/10/26/world/...
    /// ```
    /// Use instead the date of the article as published ("October 26, 2012"), or note both
    /// the print and the online date.
    ///
    /// ## How to silence it
    /// Correct the date, or ignore the rule with `--ignore DAT006`.
    pub struct CitationDateMismatch {
        code: "DAT006",
        name: "citation-date-mismatch",
        severity: Warning,
        fix: None,
        summary: "a citation's date disagrees with the date in its URL",
    }
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:/|\b)((?:19|20)[0-9]{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12][0-9]|3[01]))?(?:/|\b)",
    )
    .expect("URL date pattern compiles")
});

/// How far before a URL the citation's date may stand.
const REACH: usize = 400;

/// Whether a URL has "19dd" or "20dd" before a '/' or '-': the cheap test before the pattern.
fn has_year_path(url: &[u8]) -> bool {
    url.windows(5).any(|w| {
        matches!(&w[..2], b"19" | b"20")
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && matches!(w[4], b'/' | b'-')
    })
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let a = cx.analysis;
    let text = cx.doc.text();
    for (ui, url) in cx.doc.urls.iter().enumerate() {
        if !has_year_path(text[url.clone()].as_bytes()) {
            continue;
        }
        let Some(c) = URL_DATE.captures(&text[url.clone()]) else {
            continue;
        };
        let (Some(y), Some(m)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // A day-precision date in the path, not under a folder of uploaded files (whose
        // dates are upload dates, not publication dates).
        if c.get(3).is_none() {
            continue;
        }
        let path_before = text[url.start..url.start + y.start()].to_lowercase();
        let uploads = [
            "upload",
            "/files/",
            "/docs/",
            "/sites/",
            "/media/",
            "/assets/",
            "/images/",
            "/content/",
        ];
        if uploads.iter().any(|f| path_before.contains(f)) {
            continue;
        }
        let url_date = PartialDate::new(
            y.as_str().parse().unwrap_or(0),
            m.as_str().parse().ok(),
            c.get(3).and_then(|d| d.as_str().parse().ok()),
        );
        let date_span = url.start + y.start()..url.start + c.get(3).map_or(m.end(), |d| d.end());
        // The nearest full date before the URL, in the same block, with no URL between.
        let block = a.block_at(url.start);
        let prev_url_end = ui.checked_sub(1).map_or(0, |p| cx.doc.urls[p].end);
        // The citation's date: right before the URL with only punctuation between
        // ("October 25, 2012. http://..."), or right after a linked title, separated only by
        // the publication's name ("[Title](url) The Nairobi Ledger, June 25, 2024").
        let next_url_start = cx.doc.urls.get(ui + 1).map_or(usize::MAX, |u| u.start);
        // Dates are in document order: read back from the URL to the one before it.
        let dates = &a.dates.dates;
        let before = dates[..dates.partition_point(|d| d.range.start < url.start)]
            .iter()
            .rev()
            .take_while(|d| d.range.start >= prev_url_end)
            .find(|d| {
                d.range.end <= url.start
                    && url.start - d.range.end <= REACH
                    && d.date.day.is_some()
                    && block.is_none_or(|b| b.range.start <= d.range.start)
                    && {
                        let gap = &text[d.range.end..url.start];
                        !gap.contains("](")
                            && gap
                                .trim()
                                .chars()
                                .all(|ch| matches!(ch, '.' | ',' | ';' | ':' | '(' | '<'))
                    }
            });
        let after = || {
            dates[dates.partition_point(|d| d.range.start < url.end)..]
                .iter()
                .take_while(|d| d.range.start - url.end <= 200)
                .find(|d| {
                    d.range.end <= next_url_start
                        && d.range.start - url.end <= 200
                        && d.date.day.is_some()
                        && {
                            let gap = &text[url.end..d.range.start];
                            // Only a publication's name between: capitalised words.
                            let words: Vec<&str> = gap
                                .split_whitespace()
                                .filter(|w| w.chars().any(char::is_alphabetic))
                                .collect();
                            words.len() <= 6
                                && words.iter().all(|w| {
                                    w.trim_start_matches(|c: char| !c.is_alphanumeric())
                                        .starts_with(char::is_uppercase)
                                })
                                && !gap.contains(". ")
                                && !gap.contains("\n\n")
                        }
                })
        };
        let Some(d) = before.or_else(after) else {
            continue;
        };
        if d.date
            .compare_at(&url_date, d.date.common_precision(&url_date))
            .is_eq()
        {
            continue;
        }
        // A retyped date differs from its URL's in one part ("2012" for "2013", "25" for
        // "26"), or by a day or two (a print edition, a time zone). Dates far apart in
        // several parts are an update or a later edition whose URL kept the first date.
        let parts_differ = [
            d.date.year != url_date.year,
            d.date.month != url_date.month,
            d.date.day != url_date.day,
        ]
        .iter()
        .filter(|&&x| x)
        .count();
        let days_apart = match (d.date.to_civil(), url_date.to_civil()) {
            (Some(x), Some(y)) => (x - y).get_days().abs(),
            _ => i32::MAX,
        };
        if parts_differ > 1 && days_apart > 3 {
            continue;
        }
        let word_before = text[..d.range.start]
            .trim_end_matches([' ', ',', ':'])
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if matches!(
            word_before.as_str(),
            "updated" | "revised" | "accessed" | "retrieved" | "modified" | "viewed" | "amended"
        ) {
            continue;
        }
        out.push(
            Finding::new(
                d.range.clone(),
                format!(
                    "the citation is dated {} but its URL says {}",
                    spoken(&d.date),
                    spoken(&url_date)
                ),
            )
            .with_label("citation date")
            .with_secondary(date_span, "date in the URL")
            .with_help("check the source: one of the two dates is wrong"),
        );
    }
}
