//! Common and uncommon words (SPEC §2.4 "common word", §4.6).
//!
//! A word is **common** when it is in the frequency list in any inflection, or its SCOWL level is
//! below `uncommon-word.scowl-level` (itself, a stem, or its US spelling), or it is on the
//! everyday-health list. The `uncommon-word` rule and the complex-language score use
//! [`is_uncommon_word`], which also exempts numbers, acronyms, names (capitalised, not at unit
//! start), contractions and dotted abbreviations, and hyphenated words whose parts are common.

use crate::data::{scowl, spelling};
use crate::lexicon;
use crate::text::tokens::TokenClass;

fn scowl_level(w: &str) -> Option<u8> {
    let direct = |x: &str| scowl::lookup(x).map(|e| e.level);
    direct(w)
        .or_else(|| spelling::uk_to_us(w).and_then(direct))
        .or_else(|| lexicon::stems(w).iter().filter_map(|s| direct(s)).min())
}

/// Common by the lists, trying the word, its stems and the stems of those (`relievers` →
/// `reliever` → `relieve`).
fn listed(w: &str, scowl_max: f64) -> bool {
    let ok = |x: &str| lexicon::zipf(x).is_some() || scowl_level(x).is_some_and(|l| f64::from(l) < scowl_max);
    ok(w) || lexicon::stems(w).iter().any(|s| lexicon::stems(s).iter().any(|s2| ok(s2)))
}

/// A closed compound of two common words of at least 3 letters (`helpline`, `underactive`).
fn compound(w: &str, scowl_max: f64) -> bool {
    let n = w.len();
    n >= 7
        && w.is_ascii()
        && (3..=n - 3).any(|i| {
            let (a, b) = w.split_at(i);
            lexicon::zipf(a).is_some_and(|z| z >= COMPOUND_PART_ZIPF)
                && listed(b, scowl_max)
                && lexicon::zipf(b).is_some()
        })
}

/// The first part of a closed compound must be at least this frequent (`under`, `help`, `eye`),
/// so rare prefixes (`anti`, `lipo`) do not make a compound†.
pub const COMPOUND_PART_ZIPF: f32 = 4.5;

/// Units written as words in health texts (lower case), never uncommon words.
pub const UNITS: &[&str] = &[
    "mmol", "mol", "mcg", "kcal", "bpm", "mmhg", "hg", "dl", "iu", "ml", "mg", "kg", "cm", "mm", "km", "lb", "lbs",
    "oz", // abbreviations read as words; their style is nhs-style-words' business:
    "etc", "approx",
];

/// True when `word` (any case, one word) is common (SPEC §2.4). `min_zipf` (easy-read) also
/// requires that frequency.
pub fn is_common(word: &str, scowl_max: f64, min_zipf: Option<f64>) -> bool {
    if lexicon::beyond_lists(word) {
        return false;
    }
    let w = lexicon::fold(word);
    let w = w.as_ref();
    if lexicon::is_everyday_health(w) {
        return true;
    }
    let zipf = lexicon::zipf(w);
    if let Some(min) = min_zipf {
        if zipf.is_none_or(|z| f64::from(z) < min) {
            return false;
        }
    }
    zipf.is_some() || listed(w, scowl_max) || (min_zipf.is_none() && (compound(w, scowl_max) || prefixed(w, scowl_max)))
}

/// Prefixes that leave a word as easy as its stem (`untreated`, `reheat`, `overdose`)†.
pub const PREFIXES: &[&str] = &["un", "re", "non", "over", "under", "pre", "mis"];

/// A common word with one of [`PREFIXES`] (the stem at least 4 letters and in the frequency list).
fn prefixed(w: &str, scowl_max: f64) -> bool {
    PREFIXES.iter().any(|p| {
        w.strip_prefix(p)
            .map(|s| s.trim_start_matches('-'))
            .is_some_and(|s| s.len() >= 4 && lexicon::zipf(s).is_some() && listed(s, scowl_max))
    })
}

thread_local! {
    /// Answers of [`is_uncommon_word`] across checks, per (start of unit, thresholds).
    static UNCOMMON: crate::memo::Table<(bool, u64, u64), bool> = std::cell::RefCell::default();
}

/// The §4.6 word test for one token: not common and not exempt.
pub fn is_uncommon_word(
    text: &str,
    class: TokenClass,
    unit_start: bool,
    scowl_max: f64,
    min_zipf: Option<f64>,
) -> bool {
    if class != TokenClass::Word {
        return false;
    }
    let settings = (unit_start, scowl_max.to_bits(), min_zipf.map_or(u64::MAX, f64::to_bits));
    crate::memo::get(&UNCOMMON, settings, text, || uncommon_word(text, unit_start, scowl_max, min_zipf))
}

fn uncommon_word(text: &str, unit_start: bool, scowl_max: f64, min_zipf: Option<f64>) -> bool {
    if text.contains(['\'', '’', 'ʼ', '.']) {
        return false;
    }
    if !text.chars().any(char::is_alphabetic) || text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if !unit_start && text.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = text.to_lowercase();
    if text.chars().count() <= 2
        || UNITS.contains(&lower.as_str())
        || crate::data::medicine_stems::is_medicine_name(&lower)
    {
        return false; // units (`mm`, `mmol`) and medicine names (`warfarin`) are names, not words to replace
    }
    if lexicon::is_everyday_health(text) {
        return false;
    }
    if text.contains(['-', '‐', '‑']) {
        return !text.split(['-', '‐', '‑']).all(|p| {
            p.is_empty() || p.chars().all(|c| c.is_ascii_digit()) || p.len() <= 2 || is_common(p, scowl_max, min_zipf)
        });
    }
    !is_common(text, scowl_max, min_zipf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_uncommon() {
        let un = |w: &str| is_uncommon_word(w, TokenClass::Word, false, 50.0, None);
        for w in ["antiemetic", "hyperglycaemia", "norovirus"] {
            assert!(un(w), "{w}");
        }
        for w in [
            "tummy",
            "medicine",
            "paediatric",
            "prescribe",
            "follow-up",
            "don't",
            "Addenbrooke",
            "taking",
            "persists",
            "relievers",
            "untreated",
            "etc",
            "helpline",
            "underactive",
            "warfarin",
            "mm",
        ] {
            assert!(!un(w), "{w}");
        }
        assert!(!is_uncommon_word("Antiemetic", TokenClass::Acronym, false, 50.0, None));
    }
}
