//! The library part of the `leaflint` CLI: the `leaflint.toml` parser, shared by the binary and
//! the fuzz targets (`fuzz/`), so both read a config file the same way.

pub mod config;
