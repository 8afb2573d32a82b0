//! The rule packs in the top-level `rules/` folder, built into the binary and selected by name
//! (`packs = ["estimative"]` in factlint.toml, or `--pack estimative`).

use super::load::{parse_rules, RuleFile};

/// Every built-in pack: (name, file name, TOML).
pub const PACKS: &[(&str, &str, &str)] = &[
    (
        "brief-hygiene",
        "rules/brief-hygiene.toml",
        include_str!("../../rules/brief-hygiene.toml"),
    ),
    (
        "estimative",
        "rules/estimative.toml",
        include_str!("../../rules/estimative.toml"),
    ),
    (
        "numbers-style",
        "rules/numbers-style.toml",
        include_str!("../../rules/numbers-style.toml"),
    ),
];

/// The pack of this name, parsed.
pub fn pack(name: &str) -> Option<RuleFile> {
    PACKS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, file, text)| parse_rules(file, text))
}

pub fn names() -> Vec<&'static str> {
    PACKS.iter().map(|(n, _, _)| *n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pack_parses_and_its_examples_pass() {
        for (name, _, _) in PACKS {
            let f = pack(name).unwrap();
            let problems: Vec<&String> = f.problems.iter().map(|d| &d.finding.message).collect();
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert!(!f.rules.is_empty(), "{name} has no rules");
            for r in &f.rules {
                assert!(!r.examples.is_empty(), "{} has no examples", r.id);
                assert!(
                    r.id.starts_with(&format!("{name}.")),
                    "{} is not in the {name} namespace",
                    r.id
                );
            }
            let rules = super::super::CustomRules::new(f.rules);
            for rule in &rules.rules {
                for (n, e) in rule.examples.iter().enumerate() {
                    let why = super::super::run_example(&rules, rule, e);
                    assert!(
                        why.is_empty(),
                        "{} example {}: {}",
                        rule.id,
                        n + 1,
                        why.join("; ")
                    );
                }
            }
        }
    }
}
