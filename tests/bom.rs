//! A file that starts with a UTF-8 byte-order mark: the loader keeps the mark out of the text,
//! but the byte offsets reported in JSON count it, and `--fix` writes it back.

mod common;

use common::factlint;
use std::fs;

const TEXT: &str =
    "Harbour Works Register\n\nThe embassy reported it on October, 25, 2012, late.\n";

#[test]
fn json_offsets_are_bytes_of_the_file_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    let bytes = [b"\xef\xbb\xbf".as_slice(), TEXT.as_bytes()].concat();
    fs::write(&path, &bytes).unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "DAT005")
        .expect("DAT005 on the malformed date");
    let (start, end) = (
        d["start"].as_u64().unwrap() as usize,
        d["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[start..end], b"October, 25, 2012");
    let fix = &d["fix"];
    let (fs_, fe) = (
        fix["start"].as_u64().unwrap() as usize,
        fix["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[fs_..fe], b"October, 25, 2012");
    // Lines and columns are those of the text: the mark is no character of line 3.
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 28);
}

#[test]
fn fix_keeps_the_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    fs::write(&path, format!("\u{feff}{TEXT}")).unwrap();
    factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    let after = fs::read(&path).unwrap();
    assert!(after.starts_with(b"\xef\xbb\xbf"), "the BOM was dropped");
    let after = String::from_utf8(after).unwrap();
    assert!(after.contains("on October 25, 2012, late."), "{after}");
}
