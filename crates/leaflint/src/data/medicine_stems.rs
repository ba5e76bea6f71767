//! Endings of medicine names (`data/medicine-stems.txt`, ours; after the WHO INN stems):
//! `-statin`, `-pril`, `-arin` … A word with one is the name of a medicine, which a leaflet must
//! use, so the word rules treat it as a name (SPEC §4.6 exempts names).

use super::list_lines;
use std::sync::LazyLock;

static STEMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| list_lines(include_str!("../../data/medicine-stems.txt")).collect());

/// Shortest word we treat as a medicine name (so `vir` alone or `olive` are not).
pub const MIN_LEN: usize = 6;

/// True when `word_lower` looks like a medicine name (`atorvastatin`, `naproxen`, `warfarin`).
pub fn is_medicine_name(word_lower: &str) -> bool {
    word_lower.len() >= MIN_LEN
        && word_lower.bytes().all(|b| b.is_ascii_lowercase())
        && STEMS.iter().any(|s| word_lower.len() >= s.len() + 2 && word_lower.ends_with(s))
}

/// Number of stems (forces the load).
pub fn len() -> usize {
    STEMS.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names() {
        for w in ["atorvastatin", "warfarin", "naproxen", "omeprazole", "ramipril", "metformin", "amoxicillin"] {
            assert!(super::is_medicine_name(w), "{w}");
        }
        for w in ["statin", "parent", "olive", "level"] {
            assert!(!super::is_medicine_name(w), "{w}");
        }
    }
}
