//! `--fix` keeps what a file is (issue 16): the inode behind a symlink or a hard link, the
//! byte-order mark, the line endings, the mode; a read-only file is refused; a write that fails
//! is an error in the summary and exit 2; no temporary file is left behind.

mod common;
use common::factlint;
use std::fs;
use std::path::Path;

const RULE: &str = "[[rule]]\nid = \"house.per-cent\"\nkind = \"substitution\"\n\
                    swap = { \"per cent\" = \"percent\" }\n";

/// A folder with the substitution rule, and the command to fix `file` in it.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rule.toml"), RULE).unwrap();
    dir
}

fn fix(dir: &Path, file: &str) -> assert_cmd::assert::Assert {
    factlint()
        .current_dir(dir)
        .args([
            "check",
            "--no-config",
            "--no-cache",
            "--rules",
            "rule.toml",
            "--fix",
            file,
        ])
        .assert()
}

/// No `.NAME.factlint-tmp-*` file is left in `dir`.
fn no_temp_files(dir: &Path) {
    let left: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(factlint::fix::TEMP_INFIX))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn bom_and_crlf_are_kept() {
    let dir = setup();
    let p = dir.path().join("a.txt");
    fs::write(
        &p,
        "\u{feff}Line one rose 4 per cent.\r\nLine two, 5 per cent.\r\n",
    )
    .unwrap();
    fix(dir.path(), "a.txt").success();
    assert_eq!(
        fs::read(&p).unwrap(),
        "\u{feff}Line one rose 4 percent.\r\nLine two, 5 percent.\r\n".as_bytes()
    );
    no_temp_files(dir.path());
}

#[cfg(unix)]
#[test]
fn a_symlink_stays_a_symlink_and_its_target_is_fixed() {
    let dir = setup();
    fs::write(dir.path().join("real.txt"), "It rose 4 per cent.\n").unwrap();
    std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).unwrap();
    fix(dir.path(), "link.txt").success();
    let link = dir.path().join("link.txt");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(dir.path().join("real.txt")).unwrap(),
        "It rose 4 percent.\n"
    );
    no_temp_files(dir.path());
}

#[cfg(unix)]
#[test]
fn a_hard_link_stays_linked_and_mode_is_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = setup();
    let a = dir.path().join("a.txt");
    fs::write(&a, "It rose 4 per cent.\n").unwrap();
    fs::set_permissions(&a, fs::Permissions::from_mode(0o604)).unwrap();
    fs::hard_link(&a, dir.path().join("b.txt")).unwrap();
    fix(dir.path(), "a.txt").success();
    assert_eq!(
        fs::read_to_string(dir.path().join("b.txt")).unwrap(),
        "It rose 4 percent.\n"
    );
    let m = fs::metadata(&a).unwrap();
    assert_eq!(m.nlink(), 2);
    assert_eq!(m.permissions().mode() & 0o777, 0o604);
    no_temp_files(dir.path());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_with_an_error_and_exit_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup();
    let p = dir.path().join("ro.txt");
    fs::write(&p, "It rose 4 per cent.\n").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
    fix(dir.path(), "ro.txt")
        .code(2)
        .stdout(predicates::str::contains("could not write the fixes"))
        .stdout(predicates::str::contains("read-only"))
        .stdout(predicates::str::contains("1 error"));
    assert_eq!(fs::read_to_string(&p).unwrap(), "It rose 4 per cent.\n");
    assert_eq!(
        fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o444
    );
    no_temp_files(dir.path());
}

/// A write that fails half-way (the file-size limit, which binds root too): exit 2, an error
/// in the JSON summary, the original intact, no temporary file.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_an_error_in_the_summary() {
    let dir = setup();
    let p = dir.path().join("big.txt");
    let text = "It rose 4 per cent.\n".repeat(2000);
    fs::write(&p, &text).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("factlint");
    let script = format!(
        "trap '' XFSZ; ulimit -f 8; exec '{}' check --no-config --no-cache --rules rule.toml \
         --fix --format json big.txt",
        bin.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 1);
    let io = &json["diagnostics"][0];
    assert_eq!(io["rule"], "io");
    assert!(io["message"]
        .as_str()
        .unwrap()
        .contains("could not write the fixes"));
    assert_eq!(fs::read_to_string(&p).unwrap(), text);
    no_temp_files(dir.path());
}

/// A read-only folder: the temporary file cannot be created (root writes anyway: skipped).
#[cfg(unix)]
#[test]
fn a_read_only_folder_is_an_error_in_the_summary() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup();
    let sub = dir.path().join("ro");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("a.txt"), "It rose 4 per cent.\n").unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(sub.join("probe"), "").is_ok() {
        fs::remove_file(sub.join("probe")).unwrap();
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    fix(dir.path(), "ro/a.txt")
        .code(2)
        .stdout(predicates::str::contains("could not write the fixes"));
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        fs::read_to_string(sub.join("a.txt")).unwrap(),
        "It rose 4 per cent.\n"
    );
}

/// A temporary file a `kill -9` left behind is removed by the next `--fix` run.
#[test]
fn stale_temporary_files_are_removed_by_the_next_run() {
    let dir = setup();
    fs::write(dir.path().join("a.txt"), "It rose 4 per cent.\n").unwrap();
    // pid 0 is never a factlint run; the file is older than the run that finds it.
    let stale = dir.path().join(".a.txt.factlint-tmp-0-XyZ123");
    fs::write(&stale, "partial").unwrap();
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(then)
        .unwrap();
    fix(dir.path(), "a.txt")
        .success()
        .stderr(predicates::str::contains("removed 1 temporary file"));
    assert!(!stale.exists());
}

/// A new baseline file gets the permissions the umask leaves, not 0600.
#[cfg(unix)]
#[test]
fn a_new_baseline_respects_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup();
    fs::write(dir.path().join("a.txt"), "It rose 4 per cent.\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("factlint");
    let script = format!(
        "umask 022; exec '{}' check --no-config --no-cache --rules rule.toml \
         --write-baseline base.json a.txt",
        bin.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mode = fs::metadata(dir.path().join("base.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}
