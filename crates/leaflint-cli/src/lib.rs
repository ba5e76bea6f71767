//! The library part of the `leaflint` CLI. `config` is the `leaflint.toml` parser, which lives
//! once in the `leaflint-config` crate and is shared by the binary, the language server
//! (`leaflint-lsp`) and the fuzz targets (`fuzz/`), so all of them read a config file the same way.

pub use leaflint_config as config;
