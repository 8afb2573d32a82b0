//! Bad input gets a clear result or error, never a panic or a hang; and properties that hold
//! for any text: spans on char boundaries inside the file, output in a deterministic order.

mod common;

use common::factlint;
use factlint::engine::{check_document, Selection};
use factlint::settings::Settings;
use factlint::source::{Document, Format};
use predicates::prelude::*;
use proptest::prelude::*;
use std::fs;

#[test]
fn empty_whitespace_and_many_short_lines() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("blank.md"), " \n\t\n   \n").unwrap();
    fs::write(dir.path().join("lines.txt"), "a b\n".repeat(1_000_000)).unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "checked 3 files: 0 errors, 0 warnings, 0 infos",
        ));
}

#[test]
fn one_very_long_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = "The Joint Mission Analysis Centre (JMAC) met in 2013 with 1,650 peacekeepers. "
        .repeat(64 * 1024);
    fs::write(dir.path().join("long.txt"), &line).unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(dir.path().join("long.txt"))
        .assert()
        .code(0);
}

/// A file over the 4 GiB limit is refused before it is read (the test file is sparse: it
/// takes no disk space), and the other files still run.
#[test]
fn a_file_over_four_gib_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let huge = fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(5 << 30).unwrap();
    fs::write(dir.path().join("ok.txt"), "Text.\n").unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "too large to check (5.0 GiB; factlint reads documents up to 4 GiB)",
        ))
        .stdout(predicate::str::contains("checked 2 files"));
}

#[test]
fn bom_and_crlf_keep_positions_right() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.txt");
    fs::write(&path, "\u{feff}First line.\r\nThe XYZQ unit moved.\r\n").unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(
        (
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["end_column"].as_u64()
        ),
        (Some(2), Some(5), Some(9))
    );
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/a.md"), "Text.\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("docs/loop")).unwrap();
    factlint()
        .args(["check", "--no-config"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("checked 1 file"));
}

#[test]
fn a_pathological_regex_in_a_custom_rule_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    fs::write(
        &rules,
        "[[rule]]\nid = \"house.huge\"\nmessage = \"m\"\npattern = '(\\w{100}){100}'\n",
    )
    .unwrap();
    fs::write(dir.path().join("b.txt"), "Text.\n").unwrap();
    factlint()
        .args(["check", "--no-config", "--rules"])
        .arg(&rules)
        .arg(dir.path().join("b.txt"))
        .assert()
        .code(2)
        .stdout(predicate::str::contains("invalid regex"))
        .stdout(predicate::str::contains("r.toml:4:11"));
}

fn check(text: &str, format: Format) -> Vec<(String, usize, usize)> {
    let name = match format {
        Format::Markdown => "p.md",
        Format::Mdx => "p.mdx",
        Format::Rst => "p.rst",
        Format::AsciiDoc => "p.adoc",
        _ => "p.txt",
    };
    let doc = Document::new(name, text, format);
    let diags = check_document(&doc, &Settings::default(), &Selection::all());
    for d in &diags {
        let r = &d.finding.range;
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{r:?} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} off a char boundary"
        );
        for l in &d.finding.labels {
            let t = l.file.as_ref().map_or(text, |f| f.text.as_str());
            assert!(
                t.is_char_boundary(l.range.start) && t.is_char_boundary(l.range.end.min(t.len()))
            );
        }
        if let Some(f) = &d.finding.fix {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }
    diags
        .iter()
        .map(|d| (d.rule.clone(), d.finding.range.start, d.finding.range.end))
        .collect()
}

/// Prose-like text: words, acronyms, numbers, dates, markers, punctuation, Markdown, and
/// multi-byte characters.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("PLA ".to_string()),
        Just("PKOs,7 ".to_string()),
        Just("(AFISMA) ".to_string()),
        Just("African-led International Support Mission (AFISMA) ".to_string()),
        Just("in 2000.8 ".to_string()),
        Just("July 1, 2013 ".to_string()),
        Just("October, 25, 2012. ".to_string()),
        Just("Tuesday, July 1, 2013 ".to_string()),
        Just("from 2011 to 2007 ".to_string()),
        Just("75-50 ".to_string()),
        Just("40% ".to_string()),
        Just("rose 40% from 50 to 80 ".to_string()),
        Just("the following three factors:\n- a\n- b\n".to_string()),
        Just("“China’s” ".to_string()),
        Just("é ß 中文 ".to_string()),
        Just("`code ASX` ".to_string()),
        Just("[link](http://x.org/2012/10/26/a) ".to_string()),
        Just("http://x.org/2012/10/26/a\n".to_string()),
        Just("[^1] ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("# Heading\n".to_string()),
        Just("| a | b |\n".to_string()),
        // Site generators' templating, MDX, reStructuredText and AsciiDoc markup.
        prop::sample::select(vec![
            "{{< x >}}",
            "{{%}}",
            "{{<",
            ">}}",
            "{{< /x >}}",
            "{{% n %}}",
            "{{% /n %}}",
            "{{</* y */>}}",
            "{% raw %}",
            "{% endraw %}",
            "{{ .T }}",
            "$5 ",
            "$x$ ",
            "$$\n",
            "\\[",
            "\\]",
            ":dog2: ",
            "{: .c}",
            "{#id}\n",
            "> [!TIP]\n",
            "[x]: <> (y)\n",
            "<Note>",
            "</Note>",
            "import x from 'y'\n",
            "{a}",
            "{/* c */}",
            ".. note::\n",
            "::\n\n    ",
            ".. code-block:: x\n",
            "----\n",
            "[source]\n",
            "``x`` ",
            ":ref:`a` ",
            "|s| ",
            "+x+ ",
            "`m` ",
            ":attr: v\n",
            "  ",
        ])
        .prop_map(str::to_string),
        "[ -~]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_on_char_boundaries_and_order_is_deterministic(text in prose()) {
        for format in [Format::Text, Format::Markdown, Format::Mdx, Format::Rst, Format::AsciiDoc] {
            let first = check(&text, format);
            let second = check(&text, format);
            prop_assert_eq!(&first, &second);
            let mut sorted = first.clone();
            sorted.sort_by_key(|(_, s, e)| (*s, *e));
            prop_assert_eq!(first.iter().map(|x| x.1).collect::<Vec<_>>(), sorted.iter().map(|x| x.1).collect::<Vec<_>>());
        }
    }
}
