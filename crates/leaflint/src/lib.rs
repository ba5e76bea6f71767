//! leaflint: a health-literacy checker for patient information.
#![cfg_attr(not(test), warn(clippy::print_stdout, clippy::print_stderr))]

pub mod data;
pub mod text;
