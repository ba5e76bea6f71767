//! Raw bytes as a Word file: the zip and XML readers refuse or read them, never panic, and a
//! document they read checks cleanly.
#![no_main]
use leaflint::{Config, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = leaflint::input::decode(data, Some(Format::Docx), Some("fuzz.docx")) {
        leaflint_fuzz::check_and_assert(&doc, &Config::default());
    }
});
