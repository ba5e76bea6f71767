//! Benchmark fixtures, shared by the benches and by a test that keeps them realistic.
//!
//! - `short`: the sample leaflet (samples/metformin-leaflet.txt, ~1.7 KB).
//! - `leaflet_10k`: a ~10 KB leaflet made of real NHS and US federal pages from tests/corpus
//!   (see tests/corpus/README.md for sources and licences), cut to size.
//! - `text_1mb`: `leaflet_10k` repeated to ~1 MB (whole-document throughput).
//! - `unicode`: text heavy in accents, combining marks, emoji, CJK and curly quotes.
//! - `one_sentence_50k`: one 50 KB sentence with commas and no full stop (worst case for
//!   segmentation and split-point search).

/// The sample leaflet.
pub const SHORT: &str = include_str!("../samples/metformin-leaflet.txt");
/// A ~10 KB leaflet.
pub const LEAFLET_10K: &str = include_str!("fixtures/leaflet-10k.txt");
/// A Unicode-heavy text.
pub const UNICODE: &str = include_str!("fixtures/unicode.txt");

/// `leaflet_10k` repeated to at least `bytes` bytes, paragraphs kept apart.
pub fn repeated(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + LEAFLET_10K.len());
    while s.len() < bytes {
        s.push_str(LEAFLET_10K);
        s.push_str("\n\n");
    }
    s
}

/// One sentence of about `bytes` bytes: clauses joined by commas, no full stop.
pub fn one_sentence(bytes: usize) -> String {
    let clause = "take the tablets with food and a glass of water, ";
    let mut s = String::from("You should ");
    while s.len() < bytes {
        s.push_str(clause);
    }
    s
}
