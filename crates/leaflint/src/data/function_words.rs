//! Function words (SPEC §2.4): our closed list of determiners, pronouns, prepositions,
//! conjunctions, auxiliaries and modals, forms of be/have/do, particles and `not`
//! (`data/function-words.txt`, ours). Everything else is a content word (numbers included).

use super::list_lines;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

static SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| list_lines(include_str!("../../data/function-words.txt")).collect());

/// True when `word_lower` (lower case, apostrophes folded to `'`) is a function word.
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
    fn closed_class() {
        assert!(super::len() > 200);
        for w in ["the", "your", "with", "not", "should", "don't"] {
            assert!(super::contains(w), "{w}");
        }
        for w in ["take", "tablets", "water"] {
            assert!(!super::contains(w), "{w}");
        }
    }
}
