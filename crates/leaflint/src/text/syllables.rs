//! TEMPORARY naive syllables (replaced by the real one from the `syllables` branch).
/// Source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SyllableSource {
    /// a
    Number,
    /// a
    Abbreviation,
    /// a
    Initialism,
    /// a
    Dictionary,
    /// a
    SpellingMap,
    /// a
    Compound,
    /// a
    Rules,
}
/// Style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// b
    #[default]
    British,
    /// a
    American,
}
/// Count.
pub fn count(word: &str, _style: NumberStyle) -> (u32, SyllableSource) {
    (fallback(word), SyllableSource::Rules)
}
/// Phone.
pub fn count_phone(token: &str) -> u32 {
    token.bytes().filter(u8::is_ascii_digit).count() as u32
}
/// Fallback.
pub fn fallback(word: &str) -> u32 {
    let mut n = 0;
    let mut prev = false;
    for c in word.chars() {
        let v = "aeiouy".contains(c.to_ascii_lowercase());
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    n.max(1)
}
