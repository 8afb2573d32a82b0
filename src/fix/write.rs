//! Writing a file that already exists (or a new baseline) without losing what it is: the same
//! inode behind a symlink or a hard link, its mode and owner, and never a partial file in the
//! common case.
//!
//! The common case — a regular file with one link — is written to a temporary file beside the
//! (resolved) target, flushed to disk, given the target's mode and owner, and renamed over it:
//! an interruption leaves the old content or the new, never a mix. A hard-linked file cannot be
//! renamed over without breaking the link, so it is rewritten in place from the fully prepared
//! bytes (one write, then the length set, then a flush): the link is kept, at the price of a
//! short window in which a `kill -9` can leave that file partial.
//!
//! Temporary files are named `.NAME.factlint-tmp-PID-XXXXXX`, registered while they exist so
//! that a SIGINT or SIGTERM handler can remove them ([`remove_registered_temps`]), and removed
//! on every error path. One a `kill -9` left behind is removed by the next run that fixes files
//! in its folder ([`remove_stale_temps`]) once it is older than that run and its process is gone.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

/// The infix every temporary file factlint writes beside a document carries.
pub const TEMP_INFIX: &str = ".factlint-tmp-";

/// The temporary files being written now, for the signal handler.
static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// When this process started (as near as the library can tell: the first time it asked).
static STARTED: OnceLock<SystemTime> = OnceLock::new();

/// Records the start of the process, for [`remove_stale_temps`]. The binary calls it first
/// thing; the library calls it before any write otherwise.
pub fn mark_process_start() -> SystemTime {
    *STARTED.get_or_init(SystemTime::now)
}

/// Removes the temporary files being written now. For a signal handler: it takes the lock
/// without waiting, so that it never blocks on a thread the signal interrupted.
pub fn remove_registered_temps() -> usize {
    let Ok(mut temps) = TEMPS.try_lock() else {
        return 0;
    };
    let n = temps.len();
    for p in temps.drain(..) {
        let _ = fs::remove_file(p);
    }
    n
}

fn register(path: &Path) {
    if let Ok(mut t) = TEMPS.lock() {
        t.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut t) = TEMPS.lock() {
        t.retain(|p| p != path);
    }
}

/// A registered temporary file, removed when dropped unless it was renamed into place.
struct Temp {
    path: PathBuf,
    file: Option<File>,
}

impl Temp {
    /// Creates `.NAME.factlint-tmp-PID-XXXXXX` beside `target` with `mode` (new files: the
    /// umask applies, as for any file a program creates).
    fn create(target: &Path, mode: Option<u32>) -> io::Result<Temp> {
        let dir = parent_dir(target);
        let name = target
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(short_name(&name));
        prefix.push(format!("{TEMP_INFIX}{}-", std::process::id()));
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).rand_bytes(6);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(mode.unwrap_or(0o666)));
        }
        #[cfg(not(unix))]
        let _ = mode;
        let (file, path) = builder.tempfile_in(dir)?.keep().map_err(|e| e.error)?;
        register(&path);
        Ok(Temp {
            path,
            file: Some(file),
        })
    }

    fn persist(mut self, target: &Path) -> io::Result<()> {
        drop(self.file.take());
        fs::rename(&self.path, target)?;
        unregister(&self.path);
        self.path = PathBuf::new();
        Ok(())
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            drop(self.file.take());
            let _ = fs::remove_file(&self.path);
            unregister(&self.path);
        }
    }
}

/// A file name cut to at most 100 bytes (at a char boundary where it is UTF-8), so that the
/// temporary file's longer name still fits the 255 bytes a name may have.
fn short_name(name: &std::ffi::OsStr) -> std::ffi::OsString {
    const MAX: usize = 100;
    let bytes = name.as_encoded_bytes();
    if bytes.len() <= MAX {
        return name.to_os_string();
    }
    let s = name.to_string_lossy();
    let mut end = MAX.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].into()
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The file a path names, symlinks followed (a dangling link or a new file: the path itself,
/// its last symlink resolved as far as it goes).
pub fn resolve(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Why a file is not to be rewritten, or `None`: a read-only file is refused, not replaced.
pub fn refuse(meta: &fs::Metadata) -> Option<String> {
    if meta.permissions().readonly() {
        return Some("the file is read-only; make it writable to fix it".into());
    }
    if !meta.is_file() {
        return Some("not a regular file".into());
    }
    None
}

/// Replaces the content of the file at `path` (through any symlink), keeping its inode's
/// links, mode and owner: see the module documentation.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    mark_process_start();
    let target = resolve(path);
    let meta = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &meta {
        if let Some(why) = refuse(m) {
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, why));
        }
        if links(m) > 1 {
            return write_in_place(&target, bytes);
        }
    }
    let mode = meta.as_ref().map(mode_of);
    let mut tmp = Temp::create(&target, mode)?;
    let file = tmp.file.as_mut().expect("open until persisted");
    file.write_all(bytes)?;
    if let Some(m) = &meta {
        // Exactly the target's mode (creation went through the umask), then its owner: the
        // group when this user is in it, the user too when running as root.
        file.set_permissions(m.permissions())?;
        keep_owner(&tmp.path, m);
    }
    file.sync_all()?;
    tmp.persist(&target)?;
    sync_dir(parent_dir(&target));
    Ok(())
}

/// A hard-linked file, rewritten in place so that every link sees the fixed text.
fn write_in_place(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).open(target)?;
    f.write_all(bytes)?;
    f.set_len(bytes.len() as u64)?;
    f.sync_all()
}

#[cfg(unix)]
fn links(m: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(m)
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

#[cfg(unix)]
fn mode_of(m: &fs::Metadata) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o7777
}

#[cfg(not(unix))]
fn mode_of(_: &fs::Metadata) -> u32 {
    0o666
}

#[cfg(unix)]
fn keep_owner(tmp: &Path, m: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Root may give the file back to its owner; anyone may keep a group they belong to.
    // Whatever cannot be kept is left as the system decides (the file is still written).
    if std::os::unix::fs::chown(tmp, Some(m.uid()), Some(m.gid())).is_err() {
        let _ = std::os::unix::fs::chown(tmp, None, Some(m.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &fs::Metadata) {}

fn sync_dir(dir: &Path) {
    // The rename is durable once the folder is flushed; where a folder cannot be opened as a
    // file (not on Unix), the rename is as durable as the system makes it.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes the temporary files that a killed run left in `dir`: named as [`Temp`] names them,
/// last changed before this process started, and written by a process that no longer runs
/// (where the system says: `/proc` on Linux). Returns how many were removed.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let started = mark_process_start();
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(pid) = stale_temp_pid(&name) else {
            continue;
        };
        if pid == std::process::id() || process_runs(pid) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < started);
        if old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in a temporary file's name (`.NAME.factlint-tmp-PID-XXXXXX`).
fn stale_temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, rest) = name.rsplit_once(TEMP_INFIX)?;
    let (pid, _) = rest.split_once('-')?;
    pid.parse().ok()
}

fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && proc.join(pid.to_string()).exists()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_file(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_hard_link_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        fs::write(&a, "old text, longer than the new").unwrap();
        fs::hard_link(&a, &b).unwrap();
        let ino = fs::metadata(&a).unwrap().ino();
        write_file(&a, b"new").unwrap();
        assert_eq!(fs::read_to_string(&b).unwrap(), "new");
        assert_eq!(fs::metadata(&a).unwrap().ino(), ino);
        assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
    }

    #[test]
    fn mode_is_kept_and_a_read_only_file_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.txt");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&p, b"new").unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
        let e = write_file(&p, b"newer").unwrap_err();
        assert!(e.to_string().contains("read-only"), "{e}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.txt");
        fs::write(&p, "old").unwrap();
        // A file where the folder should be: the temporary file cannot be created.
        let e = write_file(&p.join("below.txt"), b"x");
        assert!(e.is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_owner_is_kept_when_running_as_root() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("o.txt");
        fs::write(&p, "old").unwrap();
        if fs::metadata(&p).unwrap().uid() != 0 {
            return; // Only root may give a file to another user.
        }
        std::os::unix::fs::chown(&p, Some(12345), Some(23456)).unwrap();
        write_file(&p, b"new").unwrap();
        let m = fs::metadata(&p).unwrap();
        assert_eq!((m.uid(), m.gid()), (12345, 23456));
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn a_long_name_still_gets_a_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(format!("{}.txt", "n".repeat(240)));
        fs::write(&p, "old").unwrap();
        write_file(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn stale_temps_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // pid 0 never runs a user process; the file is older than this process once its
        // time is set back.
        let stale = dir.path().join(".a.txt.factlint-tmp-0-abcdef");
        let mine = dir
            .path()
            .join(format!(".a.txt.factlint-tmp-{}-abcdef", std::process::id()));
        let other = dir.path().join(".a.txt.other");
        for p in [&stale, &mine, &other] {
            fs::write(p, "x").unwrap();
        }
        let then = SystemTime::now() - std::time::Duration::from_secs(3600);
        mark_process_start();
        for p in [&stale, &mine, &other] {
            File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(then)
                .unwrap();
        }
        assert_eq!(remove_stale_temps(dir.path()), 1);
        assert!(!stale.exists() && mine.exists() && other.exists());
        assert_eq!(stale_temp_pid(".x.md.factlint-tmp-42-Ab3dEf"), Some(42));
    }
}
