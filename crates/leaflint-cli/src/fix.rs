//! Writing fixed texts back (`--fix`) and showing what would change (`--diff`).
//!
//! A file is written through a temporary file in the same folder, given the original's
//! permissions, flushed to disk and renamed over the original, so the original is either wholly
//! replaced or left byte for byte as it was. Read-only files are refused, not overwritten.

use std::io::Write;
use std::path::Path;

/// Set `LEAFLINT_FAULT_INJECT=write` to make every write fail after the temporary file is
/// written and before the rename: tests use it to show a failure leaves the original intact.
const FAULT_VAR: &str = "LEAFLINT_FAULT_INJECT";

/// Replace the file at `path` with `text`, atomically.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: cannot read its permissions ({e})."))?;
    if meta.permissions().readonly() {
        return Err(format!("{name} is read-only: leaflint did not change it."));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".leaflint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("{name}: cannot write next to it ({e}); the file is unchanged."))?;
    let fail = |e: std::io::Error| format!("{name}: writing failed ({e}); the file is unchanged.");
    tmp.write_all(text.as_bytes()).map_err(fail)?;
    tmp.as_file().set_permissions(meta.permissions()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    if std::env::var(FAULT_VAR).is_ok_and(|v| v == "write") {
        // The temporary file is removed when `tmp` drops.
        return Err(fail(std::io::Error::other("fault injected for testing")));
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Write `text` to `path` through a temporary file in the same folder renamed over it, so a
/// reader never sees half a file: an existing file is replaced as [`write_atomic`] does (keeping
/// its permissions), a new one is created.
pub fn write_new_atomic(path: &Path, text: &str) -> Result<(), String> {
    if path.exists() {
        return write_atomic(path, text);
    }
    let name = path.display();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".leaflint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("{name}: cannot write it ({e})."))?;
    let fail = |e: std::io::Error| format!("{name}: writing failed ({e}).");
    tmp.write_all(text.as_bytes()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    if std::env::var(FAULT_VAR).is_ok_and(|v| v == "write") {
        return Err(fail(std::io::Error::other("fault injected for testing")));
    }
    // Files made by leaflint get the usual permissions (the temporary file is private).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(fail)?;
    }
    tmp.persist_noclobber(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A unified diff of `old` → `new` for the file `name`.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_keeps_permissions() {
        let d = tempfile::tempdir().expect("tmp");
        let p = d.path().join("a.txt");
        std::fs::write(&p, "old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        write_atomic(&p, "new").expect("written");
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777, 0o640);
        }
        assert_eq!(std::fs::read_dir(d.path()).expect("dir").count(), 1, "no temporary file left");
    }

    #[test]
    fn read_only_is_refused() {
        let d = tempfile::tempdir().expect("tmp");
        let p = d.path().join("a.txt");
        std::fs::write(&p, "old").expect("write");
        let mut perm = std::fs::metadata(&p).expect("meta").permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(&p, perm).expect("chmod");
        let e = write_atomic(&p, "new").expect_err("read-only");
        assert!(e.contains("read-only"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "old");
    }

    #[test]
    fn diff_shows_changed_lines() {
        let d = unified_diff("a.txt", "one\ntwo\n", "one\n2\n");
        assert!(d.contains("--- a/a.txt") && d.contains("-two") && d.contains("+2"), "{d}");
    }
}
