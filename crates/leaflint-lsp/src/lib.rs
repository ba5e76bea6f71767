//! `leaflint lsp`: the language-server adapter over the leaflint engine.
//!
//! Built on `lsp-server` + `lsp-types` (the crates rust-analyzer uses): a synchronous message loop
//! on one thread, no async runtime. A check of a 20 KB leaflet takes a few milliseconds, so
//! there is nothing to gain from concurrency, and a single loop keeps the order of edits and
//! checks obvious.
//!
//! What the server does, in LSP terms:
//! - diagnostics pushed on open and after each change (incremental sync, short debounce), from
//!   the text in the editor, not the file on disk;
//! - positions in UTF-16, or UTF-8 when the client offers it;
//! - code actions: each fix as a quick fix, "turn off RULE on this line", "allow WORD" (written
//!   to the nearest `leaflint.toml` by the server) and "apply all safe fixes";
//! - hover: the rule's own docs; code lens and `leaflint.scores`: the document's scores;
//! - the nearest `leaflint.toml` above each file, re-read when it changes, plus client settings.
//!
//! A check never takes the server down: the adapter does no unchecked indexing (positions are
//! clamped, see [`position`]), the engine promises not to panic on any input (its hostile-text
//! tests) and reads the text with the command line's stated limits, and each check, like each
//! message handler, runs inside `catch_unwind` (the release profile unwinds too), so a panic is
//! one diagnostic on that document or one error response, and the server goes on.

pub mod position;
mod server;

pub use server::{serve, Options};

/// Serve on standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io) = lsp_server::Connection::stdio();
    let options = Options { test_panic: std::env::var_os("LEAFLINT_LSP_TEST_PANIC").is_some(), ..Options::default() };
    serve(connection, options)?;
    io.join().map_err(|e| format!("language server input/output: {e}"))
}
