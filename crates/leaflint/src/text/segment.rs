//! TEMPORARY naive segmenter (replaced by the real one from the `segment` branch).
use std::ops::Range;
/// Split into sentence ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'?' | b'!') && (i + 1 == b.len() || b[i + 1] == b' ') {
            let r = super::super::document::trim_range_pub(text, start..i + 1);
            if !r.is_empty() {
                out.push(r);
            }
            start = i + 1;
        }
    }
    let r = super::super::document::trim_range_pub(text, start..text.len());
    if !r.is_empty() {
        out.push(r);
    }
    out
}
