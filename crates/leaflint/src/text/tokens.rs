//! TEMPORARY naive tokenizer (replaced by the real one from the `segment` branch).
use unicode_segmentation::UnicodeSegmentation;
/// Token class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenClass {
    /// w
    Word,
    /// n
    Number,
    /// a
    Acronym,
    /// u
    Url,
    /// p
    Punct,
    /// s
    Symbol,
}
impl TokenClass {
    /// words
    pub fn is_word(self) -> bool {
        matches!(self, TokenClass::Word | TokenClass::Number | TokenClass::Acronym)
    }
}
/// A token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawToken {
    /// r
    pub range: std::ops::Range<usize>,
    /// c
    pub class: TokenClass,
    /// p
    pub phone: bool,
}
/// Tokenise.
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<RawToken>) {
    for (i, w) in text.split_word_bound_indices() {
        if w.trim().is_empty() {
            continue;
        }
        let c = w.chars().next().unwrap_or(' ');
        let class = if c.is_ascii_digit() {
            TokenClass::Number
        } else if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) {
            TokenClass::Acronym
        } else if c.is_alphabetic() {
            TokenClass::Word
        } else {
            TokenClass::Punct
        };
        out.push(RawToken { range: base + i..base + i + w.len(), class, phone: false });
    }
}
