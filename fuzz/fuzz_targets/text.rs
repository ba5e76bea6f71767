//! Plain text: the whole check never panics, and the report's spans are exact.
#![no_main]
use leaflint::{Config, Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = leaflint_fuzz::text(data) {
        leaflint_fuzz::check_and_assert(&Document::parse(text, Format::Text), &Config::default());
    }
});
