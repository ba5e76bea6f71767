//! HTML: reading (through `decode`, with its limits) and the check never panic, and the report's
//! spans are exact in the source.
#![no_main]
use leaflint::{Config, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let data = &data[..data.len().min(leaflint_fuzz::MAX_LEN)];
    if let Ok(doc) = leaflint::input::decode(data, Some(Format::Html), None) {
        leaflint_fuzz::check_and_assert(&doc, &Config::default());
    }
});
