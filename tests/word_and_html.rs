//! Word drafts and HTML pages: the example brief saved as `.docx` (built here, from the
//! `.txt`'s paragraphs) and as `.html` gives the findings the `.txt` gives, at the same words;
//! a broken, encrypted or bomb-like package gets a clear error and the run goes on.

mod common;

use common::docx::{package, paragraph, text_paragraphs};
use factlint::diagnostic::Diagnostic;
use factlint::engine::{check_document_with_facts, Selection};
use factlint::settings::Settings;
use factlint::source::{load_path, read_docx, Document};
use std::path::Path;

const BRIEF: &str = "fixtures/example-brief.txt";

fn check(doc: &Document) -> Vec<Diagnostic> {
    let facts = common::sidecar_facts(BRIEF);
    check_document_with_facts(doc, &Settings::default(), &Selection::all(), &facts).diagnostics
}

fn brief() -> String {
    std::fs::read_to_string(BRIEF).expect("the example brief")
}

/// (rule, message, the text of the span) of each finding.
fn findings(diags: &[Diagnostic]) -> Vec<(String, String, String)> {
    diags
        .iter()
        .map(|d| {
            (
                d.rule.clone(),
                d.finding.message.clone(),
                d.file.text[d.finding.range.clone()].to_string(),
            )
        })
        .collect()
}

/// The brief's paragraph number and the column within it of a byte offset of the `.txt`.
fn paragraph_position(text: &str, offset: usize) -> (usize, usize) {
    let mut number = 0;
    let mut start = 0;
    let mut at = 0;
    let mut blank = true;
    for line in text.split_inclusive('\n') {
        if at > offset {
            break;
        }
        if line.trim().is_empty() {
            blank = true;
        } else {
            if blank {
                number += 1;
                start = at + (line.len() - line.trim_start_matches('\u{feff}').len());
            }
            blank = false;
        }
        at += line.len();
    }
    (number, text[start..offset].chars().count() + 1)
}

#[test]
fn the_brief_as_docx_gives_the_txt_findings_by_paragraph() {
    let text = brief();
    let txt = check(&load_path(Path::new(BRIEF), BRIEF).unwrap());
    let body: Vec<String> = text_paragraphs(&text)
        .iter()
        .map(|p| paragraph(p, None))
        .collect();
    let doc = read_docx("brief.docx", &package(&body, &[], &[])).expect("the package reads");
    let docx = check(&doc);
    assert_eq!(findings(&docx), findings(&txt));
    assert_eq!(txt.len(), 7);
    for (d, t) in docx.iter().zip(&txt) {
        let expected = paragraph_position(&text, t.finding.range.start);
        assert_eq!(
            d.file.position(d.finding.range.start),
            expected,
            "{}",
            d.rule
        );
    }
    // A few by hand: the misspelt acronym and the malformed date.
    let acr = docx.iter().find(|d| d.rule == "ACR003").unwrap();
    assert_eq!(&doc.text()[acr.finding.range.clone()], "EUNAFVOR");
    let (p, c) = acr.file.position(acr.finding.range.start);
    let para = &doc.text()[..acr.finding.range.start];
    assert_eq!(p, para.matches("\n\n").count() + 1);
    assert!(c > 1);
    let human = factlint::report::human::render(&docx);
    assert!(human.contains(&format!("brief.docx:{p}:{c}")), "{human}");
    assert!(
        human.contains(&format!("{p} │ ")) && human.contains("alongside EUNAFVOR"),
        "the paragraph's number and text are shown: {human}"
    );
}

fn html_of(text: &str) -> String {
    // One `<p>` per paragraph, the lines kept where they are: the .txt's line numbers hold.
    let mut out = String::from(
        "<!DOCTYPE html><html><head><title>EUNAFVOR ASISMA brief</title>\
        <style>p { margin: 0 } /* ECCAS 6–3 */</style></head><body>",
    );
    let mut open = false;
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let blank = line.trim().is_empty();
        if !blank && !open {
            out.push_str("<p>");
            open = true;
        }
        out.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
        let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        if open && next_blank {
            out.push_str("</p>");
            open = false;
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    out.push_str("<script>var note = \"ECCAS was founded on Thursday, March 8, 2024\";</script></body></html>\n");
    out
}

#[test]
fn the_brief_as_html_gives_the_txt_findings_on_its_lines() {
    let text = brief();
    let txt = check(&load_path(Path::new(BRIEF), BRIEF).unwrap());
    let html = html_of(&text);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.html");
    std::fs::write(&path, &html).unwrap();
    let doc = load_path(&path, "brief.html").unwrap();
    let got = check(&doc);
    assert_eq!(findings(&got), findings(&txt));
    for (h, t) in got.iter().zip(&txt) {
        let (hl, _) = h.file.position(h.finding.range.start);
        let (tl, _) = t.file.position(t.finding.range.start);
        assert_eq!(hl, tl, "{}", h.rule);
    }
}

#[test]
fn the_brief_as_html_without_blank_lines_breaks_at_its_paragraphs() {
    // `<p>...</p><p>...</p>`: the block elements, not blank lines, end the paragraphs.
    let text = brief();
    let txt = check(&load_path(Path::new(BRIEF), BRIEF).unwrap());
    let mut html = String::from("<html><body>");
    for p in text_paragraphs(&text) {
        html.push_str(&format!("<p>{p}</p>"));
    }
    html.push_str("</body></html>");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.htm");
    std::fs::write(&path, &html).unwrap();
    let got = check(&load_path(&path, "brief.htm").unwrap());
    assert_eq!(findings(&got), findings(&txt));
}

/// A small draft with the brief's misspelt acronym, a footnote and an endnote.
fn small_draft() -> Vec<u8> {
    package(
        &[
            paragraph("Naval Operations", Some("Heading1")),
            paragraph(
                "The European Union Naval Force (EUNAVFOR) escorts ships.{fn:7} It works with\nthe coastal states.{en:3}",
                None,
            ),
            paragraph("A new mission sails alongside EUNAFVOR in 2022.{fn:8}", None),
        ],
        &[("7", "Council decision, 2008."), ("8", "Council decision, 2022.")],
        &[("3", "See the annex.")],
    )
}

#[test]
fn a_draft_reads_paragraphs_notes_and_headings() {
    let doc = read_docx("d.docx", &small_draft()).unwrap();
    let paragraphs: Vec<&str> = doc.text().split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "Naval Operations",
            "The European Union Naval Force (EUNAVFOR) escorts ships.[1] It works with\nthe coastal states.[i]",
            "A new mission sails alongside EUNAFVOR in 2022.[2]",
            "[1] Council decision, 2008.",
            "[2] Council decision, 2022.",
            "[i] See the annex.",
        ]
    );
    assert_eq!(doc.headings.len(), 1);
    let refs: Vec<&str> = doc.footnote_refs.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(refs, vec!["1", "i", "2"]);
    let defs: Vec<&str> = doc.footnote_defs.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(defs, vec!["1", "2", "i"]);
    assert!(!doc.prose.contains("[1]") && !doc.prose.contains("[i]"));
    let diags = check(&doc);
    let got: Vec<(&str, (usize, usize))> = diags
        .iter()
        .map(|d| (d.rule.as_str(), d.file.position(d.finding.range.start)))
        .collect();
    // The typo in paragraph 3, character 31; the notes all have their markers.
    assert_eq!(got, vec![("ACR003", (3, 31))], "{diags:?}");
    let rdjsonl = factlint::report::rdjsonl::render(&diags);
    assert!(
        rdjsonl.contains(r#""start":{"column":31,"line":3}"#),
        "{rdjsonl}"
    );
}

#[test]
fn a_note_without_its_marker_and_a_marker_without_a_note_are_reported() {
    let draft = package(
        &[
            paragraph("First claim.{fn:2} Second claim.{fn:4}", None),
            paragraph("Third claim.{fn:5}", None),
        ],
        &[
            ("2", "A source."),
            ("5", "Another source."),
            ("9", "An orphan."),
        ],
        &[],
    );
    let doc = read_docx("d.docx", &draft).unwrap();
    let messages: Vec<String> = check(&doc)
        .iter()
        .filter(|d| d.rule == "REF002")
        .map(|d| d.finding.message.clone())
        .collect();
    assert_eq!(
        messages,
        vec![
            "footnote 2 has no note",
            "note f9 has no marker in the text"
        ]
    );
}

#[test]
fn tracked_changes_are_read_accepted_and_table_cells_are_paragraphs() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", paragraph(t, None));
    let table = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell("Two items"),
        cell("Three")
    );
    let draft = package(
        &[
            paragraph("The mission{del: ASISMA}{ins: AFISMA} took over.", None),
            table,
        ],
        &[],
        &[],
    );
    let doc = read_docx("d.docx", &draft).unwrap();
    assert_eq!(
        doc.text(),
        "The mission AFISMA took over.\n\nTwo items\n\nThree"
    );
    assert_eq!(doc.file.position(doc.text().find("Three").unwrap()), (3, 1));
}

fn error_of(bytes: &[u8]) -> String {
    match read_docx("bad.docx", bytes) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("read as a draft"),
    }
}

#[test]
fn broken_encrypted_and_bomb_packages_get_clear_errors() {
    let good = small_draft();
    assert!(error_of(b"plain text, not a zip").contains("not a zip package"));
    assert!(error_of(&good[..good.len() / 2]).contains("corrupt or truncated"));
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0; 504]);
    assert!(error_of(&ole).contains("encrypted (password-protected)"));
    let empty = common::docx::zip(&[("readme.txt", b"hi")]);
    assert!(error_of(&empty).contains("has no word/document.xml"));
    // Damage inside the compressed document part: an error, not a panic or garbage.
    let at = good
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap();
    let mut damaged = good.clone();
    for b in &mut damaged[at + 40..at + 90] {
        *b ^= 0x5A;
    }
    let e = error_of(&damaged);
    assert!(e.contains("corrupt"), "{e}");
    // A part that inflates past the limit: refused by its declared size, and by what it
    // inflates to when the size it declares is a lie.
    let xml = common::docx::document_xml(&[paragraph(&" ".repeat(300_000), None)]);
    let bomb = common::docx::zip(&[("word/document.xml", xml.as_bytes())]);
    let bomb_error =
        |bytes: &[u8]| match factlint::source::read_docx_within("b.docx", bytes, 100_000) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("a bomb was read"),
        };
    assert!(bomb_error(&bomb).contains("zip bomb"));
    let mut lying = bomb.clone();
    let size = (xml.len() as u32).to_le_bytes();
    let small = 1000u32.to_le_bytes();
    for i in 0..lying.len() - 4 {
        if lying[i..i + 4] == size {
            lying[i..i + 4].copy_from_slice(&small);
        }
    }
    let e = bomb_error(&lying);
    assert!(e.contains("zip bomb") || e.contains("corrupt"), "{e}");
}

#[test]
fn a_broken_draft_is_an_io_error_of_its_own_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.docx"), b"PK\x03\x04 truncated").unwrap();
    std::fs::write(dir.path().join("good.docx"), small_draft()).unwrap();
    let out = common::factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let by = |rule: &str| diags.iter().find(|d| d["rule"] == rule).unwrap().clone();
    assert!(by("io")["path"].as_str().unwrap().ends_with("bad.docx"));
    assert!(by("io")["message"]
        .as_str()
        .unwrap()
        .contains("corrupt or truncated .docx"));
    let typo = by("ACR003");
    assert!(typo["path"].as_str().unwrap().ends_with("good.docx"));
    assert_eq!(
        (typo["line"].as_u64(), typo["column"].as_u64()),
        (Some(3), Some(31))
    );
    assert_eq!(v["summary"]["files"], 2);
}

#[test]
fn fix_refuses_a_draft_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.docx");
    let draft = small_draft();
    std::fs::write(&path, &draft).unwrap();
    common::factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not fixed in place"))
        .stdout(predicates::str::contains("error[ACR003]"));
    assert_eq!(std::fs::read(&path).unwrap(), draft);
    common::factlint()
        .args(["check", "--no-config", "--diff"])
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicates::str::contains("no diff for"));
}

#[test]
fn fix_writes_to_the_html_bytes_it_was_computed_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.html");
    let before = std::fs::read_to_string("fixtures/html/DAT003_fire.html").unwrap();
    std::fs::write(&path, &before).unwrap();
    common::factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&path)
        .assert()
        .stderr(predicates::str::contains("fixed 1 finding"));
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        before.replacen("<td>Thursday, March 8", "<td>Friday, March 8", 1)
    );
}

/// HTML-like text: tags of every kind, references, comments, code and multi-byte text.
fn html() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<li>Two items</li><li>Three</li>".to_string()),
        Just("<h2>The PLA</h2>".to_string()),
        Just("<script>if (a < b) { x = \"</p>\"; }</script>".to_string()),
        Just("<style>p{}</style>".to_string()),
        Just("<pre>QQQ".to_string()),
        Just("</pre>".to_string()),
        Just("<code>".to_string()),
        Just("<head><title>T</title>".to_string()),
        Just("<a href=\"http://x.org/2012/10/26/a\">it</a>".to_string()),
        Just("<sup>7</sup>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<!-- factlint-disable ACR001 -->".to_string()),
        Just("<br>".to_string()),
        Just("<td title=\"ASISMA".to_string()),
        Just("&amp;&#8217;&nbsp;&#x1F600;&bogus;&#99999999;&".to_string()),
        Just("PKOs,7 in 2000.8 ".to_string()),
        Just("African-led International Support Mission (AFISMA) ".to_string()),
        Just("October, 25, 2012. Tuesday, July 1, 2013 75-50 ".to_string()),
        Just("é ß 中文 “China’s” ".to_string()),
        Just("\n\n".to_string()),
        "[ -~]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn assert_checked(doc: &Document) {
    let text = doc.text();
    assert_eq!(doc.prose.len(), text.len());
    for d in check(doc) {
        let r = &d.finding.range;
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let _ = d.file.position(r.end);
    }
    let _ = factlint::report::human::render(&check(doc));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    #[test]
    fn any_html_is_checked_without_a_panic(text in html()) {
        let doc = Document::new("p.html", text.as_str(), factlint::source::Format::Html);
        // Line breaks are only ever added, where a tag was.
        proptest::prop_assert!(doc.prose.matches('\n').count() >= text.matches('\n').count());
        assert_checked(&doc);
    }

    #[test]
    fn a_damaged_package_is_an_error_or_a_document(
        flips in proptest::collection::vec((0usize..4096, proptest::prelude::any::<u8>()), 0..8),
        cut in 0usize..5000,
    ) {
        let mut bytes = small_draft();
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] ^= b;
        }
        // Half the cases cut the package short too.
        if cut % 2 == 0 {
            bytes.truncate(cut.max(1));
        }
        if let Ok(doc) = factlint::source::read_docx_within("d.docx", &bytes, 1 << 20) {
            assert_checked(&doc);
        }
    }
}

#[test]
fn a_draft_on_words_own_template_reads_as_written() {
    // Made by scripts/make-draft-docx.py on python-docx's default template, which Word wrote.
    let path = "fixtures/docx/draft.docx";
    let doc = load_path(Path::new(path), path).unwrap();
    let paragraphs: Vec<&str> = doc.text().split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "Naval Operations in the Gulf of Guinea",
            "The European Union Naval Force (EUNAVFOR) has escorted food aid \nshipments off Somalia since 2008.",
            "A new mission now sails alongside EUNAFVOR in the Gulf of Guinea.",
            "Sails",
            "Ends",
            "Thursday",
            "March 8, 2024",
        ]
    );
    assert_eq!(doc.headings.len(), 1);
    // The reviewer's comment (misspelling it again) is not read.
    assert!(!doc.text().contains("ASISMA"));
    let got: Vec<(String, (usize, usize))> = check(&doc)
        .iter()
        .map(|d| (d.rule.clone(), d.file.position(d.finding.range.start)))
        .collect();
    assert_eq!(got, vec![("ACR003".to_string(), (3, 35))]);
}
