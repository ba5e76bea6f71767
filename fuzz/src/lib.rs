//! Checks shared by the fuzz targets: a report's spans and fixes are exact, whatever the input.

use leaflint::span::Utf16Span;
use leaflint::{ByteSpan, Config, Document, Report};

/// Inputs longer than this are cut: libFuzzer finds bugs in small inputs, and the doubling tests
/// in `crates/leaflint/tests/hostile.rs` cover size.
pub const MAX_LEN: usize = 64 * 1024;

/// Check `doc` and assert what every report must hold; returns the report.
pub fn check_and_assert(doc: &Document, config: &Config) -> Report {
    let report = leaflint::check_document(doc, "fuzz", config);
    assert_report(&doc.text, &report);
    report
}

/// Every span of `report` lies on char boundaries of `text`, and each UTF-16 span takes the same
/// characters (as JavaScript's `text.slice`).
pub fn assert_report(text: &str, report: &Report) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let exact = |what: &str, s: ByteSpan, u: Utf16Span| {
        assert!(
            s.start() <= s.end()
                && s.end() <= text.len()
                && text.is_char_boundary(s.start())
                && text.is_char_boundary(s.end()),
            "{what}: {s:?} is not on char boundaries of a {}-byte text",
            text.len()
        );
        assert!(u.start <= u.end && u.end <= utf16.len(), "{what}: UTF-16 {u:?} outside the text");
        assert_eq!(String::from_utf16_lossy(&utf16[u.start..u.end]), &text[s.start()..s.end()], "{what}: UTF-16 span");
    };
    assert!(report.findings.len() <= leaflint::MAX_FINDINGS);
    for f in &report.findings {
        exact(&f.rule, f.span, f.utf16);
        for r in &f.related {
            exact(&f.rule, r.span, r.utf16);
        }
        for e in f.fixes.iter().flat_map(|x| &x.edits) {
            exact(&f.rule, e.span, e.utf16);
        }
    }
}

/// `bytes` as text: cut to [`MAX_LEN`] at a char boundary; `None` if not UTF-8.
pub fn text(bytes: &[u8]) -> Option<&str> {
    let bytes = &bytes[..bytes.len().min(MAX_LEN)];
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}
