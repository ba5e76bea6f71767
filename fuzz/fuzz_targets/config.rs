//! `leaflint.toml`: the CLI's parser gives settings or one error sentence, never a panic, and any
//! settings it accepts check a leaflet cleanly.
#![no_main]
use leaflint::{Document, Format};
use libfuzzer_sys::fuzz_target;

const LEAFLET: &str = "# Paracetamol\n\nTake 1 or 2 tablets every 4 to 6 hours. Do not take more than 8 tablets in 24 hours.\n\nThe risk of a rash is 1 in 1,000 (0.1%). Contact your GP if you feel unwell. Utilise the NHS 111 service.\n";

fuzz_target!(|data: &[u8]| {
    let Some(text) = leaflint_fuzz::text(data) else { return };
    match leaflint_cli::config::parse(text, "leaflint.toml") {
        Ok(settings) => {
            leaflint_fuzz::check_and_assert(&Document::parse(LEAFLET, Format::Markdown), &settings.config);
        }
        Err(msg) => assert!(!msg.is_empty() && !msg.contains("panicked"), "{msg}"),
    }
});
