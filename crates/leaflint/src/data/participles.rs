//! Adjectival participles (`data/adjectival-participles.txt`, ours): after a form of be or get
//! they describe a state, not a passive action (SPEC §4.3: `You are tired`, `The surgery is
//! closed on Sundays`, `This is called sepsis`).

use super::list_lines;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

static SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| list_lines(include_str!("../../data/adjectival-participles.txt")).collect());

/// True when `word_lower` is on the list.
pub fn contains(word_lower: &str) -> bool {
    SET.contains(word_lower)
}

/// Number of entries (forces the load).
pub fn len() -> usize {
    SET.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn states() {
        assert!(super::len() > 50);
        assert!(super::contains("tired") && super::contains("worried") && super::contains("closed"));
        assert!(!super::contains("given"));
    }
}
