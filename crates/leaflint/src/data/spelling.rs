//! TEMPORARY stub (replaced by the `syllables` branch).
/// UK → US.
pub fn uk_to_us(_word_lower: &str) -> Option<&'static str> {
    None
}
