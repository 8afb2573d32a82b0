//! Custom rules written in TOML, and the rule packs built into the binary.
//!
//! ```toml
//! [[rule]]
//! id = "house.approximator-order"      # namespaced: "pack.name"
//! severity = "warning"                 # error | warning | info (default warning)
//! kind = "pattern"                     # pattern (default) | substitution | require | consistency | limit
//! message = "'{1}' is separated from its number by '{2}'"   # {0} whole match, {N}, {name}
//! pattern = '\b(about|approximately|around) ([A-Z]{2,}) \d'
//! scope = "text"                       # text (default) | sentence | paragraph | heading | document
//! ignore-case = false
//! description = "..."                  # shown by `factlint explain house.approximator-order`
//! link = "https://..."
//! [[rule.example]]                     # run by `factlint test`
//! text = "a unit of about PLA 50 infantry"
//! expect = 1
//! fixed = "..."                        # optional: the text after the rule's fixes
//! ```
//! Kinds, after Vale's extension points:
//! - `pattern`: the regex must not occur;
//! - `substitution`: `swap = { "wrong" = "right" }` (literal, or regex keys with `regex = true`),
//!   each a safe fix;
//! - `require`: when `if` occurs, `then` must occur too (`position = "before"` the first `if`
//!   match, or `"anywhere"` in the document);
//! - `consistency`: `either = [["per cent", "percent"], ...]`: a document uses one spelling of
//!   each set; the less frequent spelling is reported;
//! - `limit`: `pattern` may occur at most `max` times per `scope` (sentence or document).

mod files;
mod load;
pub mod packs;
mod run;

pub use files::{load_rules, rule_files, run_examples, ExampleResult, ExampleRun};
pub use load::{load_rule_file, parse_rules, RuleFile};
pub use run::{apply_fixes, run_example, CustomRules};

use crate::diagnostic::Severity;
use regex::Regex;
use std::ops::Range;
use std::sync::Arc;

/// Where a rule looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// All prose (the default).
    Text,
    /// A match must lie inside one sentence; `limit` counts per sentence.
    Sentence,
    /// A match must lie inside one paragraph (block).
    Paragraph,
    /// Only headings.
    Heading,
    /// The whole document (for `limit` and `require`).
    Document,
}

#[derive(Debug)]
pub enum Kind {
    Pattern {
        regex: Regex,
        ignore_case: bool,
    },
    Substitution {
        swaps: Vec<(Regex, String)>,
    },
    Require {
        when: Regex,
        then: Regex,
        before: bool,
    },
    Consistency {
        sets: Vec<Vec<(String, Regex)>>,
    },
    Limit {
        regex: Regex,
        max: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub expect: usize,
    pub fixed: Option<String>,
    /// The example's span in its rule file.
    pub span: Range<usize>,
}

/// A compiled custom rule.
#[derive(Debug)]
pub struct CustomRule {
    pub id: String,
    pub severity: Severity,
    pub message: String,
    pub kind: Kind,
    pub scope: Scope,
    pub description: Option<String>,
    pub link: Option<String>,
    pub examples: Vec<Example>,
    /// The rule file it came from.
    pub file: Arc<crate::source::SourceFile>,
    /// Span of the `[[rule]]` table.
    pub span: Range<usize>,
}

impl CustomRule {
    /// The message with `{0}`, `{N}` and `{name}` filled from a match.
    pub fn render(&self, caps: Option<&regex::Captures>) -> String {
        let Some(caps) = caps else {
            return self.message.clone();
        };
        let mut out = String::new();
        let mut rest = self.message.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let key = &after[..close];
                    let value = key
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| caps.get(n))
                        .or_else(|| caps.name(key))
                        .map_or("", |m| m.as_str());
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }
}
