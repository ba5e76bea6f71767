//! End-to-end tests live in `end_to_end.rs`; this crate has no library code.
