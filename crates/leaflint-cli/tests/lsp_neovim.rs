//! `leaflint lsp` in a real editor: Neovim headless with its built-in LSP client
//! (`tests/data/lsp_neovim.lua`). Skipped with a message when `nvim` is not installed, unless
//! `LEAFLINT_REQUIRE_NEOVIM=1` (set by `scripts/test.sh` after it installs Debian's `neovim`).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn neovim_shows_diagnostics_and_applies_a_quick_fix() {
    let has_nvim = Command::new("nvim").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    if !has_nvim {
        assert!(std::env::var_os("LEAFLINT_REQUIRE_NEOVIM").is_none(), "nvim is required but not installed");
        eprintln!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("leaflet.txt");
    std::fs::write(&file, "Your new medicine\n\nTake 2 tabs each morning with food.\n").expect("write");
    let out = dir.path().join("result");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lsp_neovim.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", &format!("luafile {script}")])
        .env("LEAFLINT_BIN", env!("CARGO_BIN_EXE_leaflint"))
        .env("LEAFLINT_FILE", &file)
        .env("LEAFLINT_OUT", &out)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn nvim");
    let end = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if Instant::now() > end {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let result = std::fs::read_to_string(&out).unwrap_or_else(|_| "no result written".to_owned());
    assert_eq!(result, "ok", "Neovim: {result} (status {status:?})");
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
    let saved = std::fs::read_to_string(&file).expect("read");
    assert!(saved.contains("2 tabs"), "the file on disk is untouched (the buffer was not saved)");
}
