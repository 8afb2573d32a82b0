//! What a token is, decided once, by the tokenizer: a month or weekday name, a number word, a
//! year, a capitalised word, a word in capitals, a word that opens a period.
//!
//! Every scanner of the analysis (dates, quantities, acronyms, definitions) asks these
//! questions of nearly every token. Asked once and kept as bits in the token, they cost one
//! comparison of the word's text per token instead of one per scanner and per look-ahead; a
//! scanner then passes over the tokens that cannot start anything it reads by testing a bit.
//!
//! The closed word classes the bits stand for (month and weekday names, number words) live here
//! too, so that the tokenizer and the scanners read the same lists.

/// The classes a token belongs to: a set of bits (see the constants).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Class(u16);

impl Class {
    /// A word whose first character is an ASCII capital ("Congress", "NATO", "July").
    pub const CAPITAL: Class = Class(1);
    /// A word whose first character is an ASCII lower-case letter.
    pub const LOWER: Class = Class(1 << 1);
    /// A word whose first character is a digit ("3rd", "1990s", "G20" does not).
    pub const DIGIT: Class = Class(1 << 2);
    /// A capitalised word with at least two capitals: what an acronym needs ("NATO", "PKOs").
    pub const CAPITALS: Class = Class(1 << 3);
    /// A month name, full or abbreviated, as [`month_of`] reads it.
    pub const MONTH: Class = Class(1 << 4);
    /// A weekday name, full or abbreviated, as [`weekday_of`] reads it.
    pub const WEEKDAY: Class = Class(1 << 5);
    /// A number word of any kind, as [`number_word`] reads it ("seven", "Forty", "million").
    pub const NUMBER_WORD: Class = Class(1 << 6);
    /// A word that opens a period: "from", "between", "since", "until", "through" (lower case
    /// or capitalised).
    pub const PERIOD_INTRO: Class = Class(1 << 7);
    /// A number of four digits that reads as a year, as [`year_value`] reads it.
    pub const YEAR: Class = Class(1 << 8);
    /// A quotation mark: `"`, `“` or `”`.
    pub const QUOTE: Class = Class(1 << 9);

    /// How many bits a class takes.
    pub const BITS: u32 = 10;

    pub const fn bits(self) -> u16 {
        self.0
    }

    pub const fn from_bits(bits: u16) -> Class {
        Class(bits & ((1 << Self::BITS) - 1))
    }

    /// Whether any of the classes in `other` is in this one.
    pub const fn any(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn union(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

impl std::ops::BitOr for Class {
    type Output = Class;
    fn bitor(self, other: Class) -> Class {
        self.union(other)
    }
}

/// The classes of a word token (letters, or letters and digits).
pub fn classify_word(word: &str) -> Class {
    let b = word.as_bytes();
    let Some(&first) = b.first() else {
        return Class::default();
    };
    let mut class = Class::default();
    if first.is_ascii_uppercase() {
        class = class | Class::CAPITAL;
        if b[1..].iter().any(u8::is_ascii_uppercase) {
            class = class | Class::CAPITALS;
        }
        if month_of(word).is_some() {
            class = class | Class::MONTH;
        }
        if weekday_of(word).is_some() {
            class = class | Class::WEEKDAY;
        }
    } else if first.is_ascii_lowercase() {
        class = class | Class::LOWER;
    } else if first.is_ascii_digit() {
        class = class | Class::DIGIT;
    }
    if number_word(word).is_some() {
        class = class | Class::NUMBER_WORD;
    }
    if matches!(first | 0x20, b'f' | b'b' | b's' | b'u' | b't')
        && matches!(
            word,
            "from"
                | "From"
                | "between"
                | "Between"
                | "since"
                | "Since"
                | "until"
                | "Until"
                | "through"
                | "Through"
        )
    {
        class = class | Class::PERIOD_INTRO;
    }
    class
}

/// The classes of a number token (digits with internal separators).
pub fn classify_number(number: &str) -> Class {
    if year_value(number).is_some() {
        Class::YEAR
    } else {
        Class::default()
    }
}

/// The classes of a punctuation token (one character).
pub fn classify_punct(punct: &str) -> Class {
    if matches!(punct, "\"" | "“" | "”") {
        Class::QUOTE
    } else {
        Class::default()
    }
}

/// A four-digit year, 1000–2199.
pub fn year_value(s: &str) -> Option<i16> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1000..=2199).contains(y))
}

/// The month a name stands for: "January" or "Jan" (no full stop), 1–12. Case matters: "may"
/// is a verb.
pub fn month_of(word: &str) -> Option<i8> {
    Some(match word {
        "January" | "Jan" => 1,
        "February" | "Feb" => 2,
        "March" | "Mar" => 3,
        "April" | "Apr" => 4,
        "May" => 5,
        "June" | "Jun" => 6,
        "July" | "Jul" => 7,
        "August" | "Aug" => 8,
        "September" | "Sep" | "Sept" => 9,
        "October" | "Oct" => 10,
        "November" | "Nov" => 11,
        "December" | "Dec" => 12,
        _ => return None,
    })
}

/// The weekday a name stands for: "Tuesday", "Tue", "Tues" or "Tu".
pub fn weekday_of(word: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday::*;
    Some(match word {
        "Monday" | "Mon" => Monday,
        "Tuesday" | "Tue" | "Tues" | "Tu" => Tuesday,
        "Wednesday" | "Wed" => Wednesday,
        "Thursday" | "Thu" | "Thur" | "Thurs" => Thursday,
        "Friday" | "Fri" => Friday,
        "Saturday" | "Sat" => Saturday,
        "Sunday" | "Sun" => Sunday,
        _ => return None,
    })
}

/// What a number word is: a unit ("seven"), a multiple of ten ("forty") or a scale
/// ("million", "dozen").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberWord {
    Unit,
    Ten,
    Scale,
}

/// The value and class of a number word, any case: one `match` on a lower-case copy kept on
/// the stack, not a scan of word tables.
pub fn number_word(w: &str) -> Option<(f64, NumberWord)> {
    let b = w.as_bytes();
    if !(3..=9).contains(&b.len())
        || NUMBER_WORD_INITIALS[b.len()] & initial_bit(b[0].to_ascii_lowercase()) == 0
    {
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

/// Every number word [`number_word`] knows, for the table below.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
];

/// The bit of a lower-case ASCII letter (none for anything else).
const fn initial_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// For each word length, the first letters of the number words of that length: a word whose
/// length and first letter match none is no number word, and most words are refused here
/// without their lower-case copy.
const NUMBER_WORD_INITIALS: [u32; 10] = {
    let mut table = [0u32; 10];
    let mut k = 0;
    while k < NUMBER_WORDS.len() {
        let w = NUMBER_WORDS[k].as_bytes();
        table[w.len()] |= initial_bit(w[0]);
        k += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_classed_once() {
        let july = classify_word("July");
        assert!(july.any(Class::MONTH) && july.any(Class::CAPITAL));
        assert!(!july.any(Class::CAPITALS | Class::WEEKDAY | Class::LOWER));
        assert!(classify_word("PKOs").any(Class::CAPITALS));
        assert!(!classify_word("Pkos").any(Class::CAPITALS));
        assert!(classify_word("Tues").any(Class::WEEKDAY));
        assert!(classify_word("Forty").any(Class::NUMBER_WORD));
        assert!(classify_word("3rd").any(Class::DIGIT));
        assert!(classify_word("Since").any(Class::PERIOD_INTRO));
        assert!(!classify_word("may").any(Class::MONTH));
        assert!(classify_number("2013").any(Class::YEAR));
        assert!(!classify_number("2013.5").any(Class::YEAR));
        assert!(classify_punct("“").any(Class::QUOTE));
    }

    #[test]
    fn every_number_word_passes_the_initials_table() {
        for w in NUMBER_WORDS {
            assert!(number_word(w).is_some(), "{w}");
            let upper = w.to_ascii_uppercase();
            assert!(number_word(&upper).is_some(), "{upper}");
        }
        assert!(number_word("tree").is_none());
    }

    #[test]
    fn the_classes_fit_their_bits() {
        let all = Class::from_bits(u16::MAX);
        assert_eq!(all.bits(), (1 << Class::BITS) - 1);
        assert!(all.any(Class::QUOTE));
    }
}
