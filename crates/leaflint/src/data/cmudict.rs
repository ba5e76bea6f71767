//! TEMPORARY stub (replaced by the `syllables` branch).
/// Lookup.
pub fn lookup(_word_lower: &str) -> Option<u32> {
    None
}
