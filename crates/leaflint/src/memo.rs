//! Answers of pure per-word tests remembered across checks, per thread.
//!
//! A re-check after one keystroke in the widget, or the next leaflet of a folder in the CLI,
//! meets mostly the words it met before, and each answer costs several dictionary look-ups
//! (stems, spellings, fst walks). Within one check the analysis already numbers distinct words;
//! these memos carry the answers over to the next check. Each table is bounded ([`MAX_WORDS`]
//! entries, then it starts again) and only ever holds answers of functions of the word and
//! fixed settings, so a remembered answer is the answer.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::thread::LocalKey;

/// Most words a table remembers (a few MB at most).
pub const MAX_WORDS: usize = 65_536;

/// Longest word a table remembers, in bytes. Longer tokens (a pasted run of letters, a URL) are
/// answered but not remembered, so a hostile text cannot fill the tables with long keys.
pub const MAX_KEY_BYTES: usize = 64;

/// One thread-local table: word (with a small key for the settings) → answer.
pub type Table<K, V> = RefCell<FxHashMap<K, FxHashMap<Box<str>, V>>>;

/// The remembered answer for `word` under `settings`, or `compute()` (remembered). The table is
/// not borrowed while `compute` runs, so it may use other memos (or this one).
pub fn get<K, V>(table: &'static LocalKey<Table<K, V>>, settings: K, word: &str, compute: impl FnOnce() -> V) -> V
where
    K: std::hash::Hash + Eq + Copy + 'static,
    V: Copy + 'static,
{
    if let Some(v) = table.with(|t| t.borrow().get(&settings).and_then(|m| m.get(word).copied())) {
        return v;
    }
    let v = compute();
    if word.len() > MAX_KEY_BYTES {
        return v;
    }
    table.with(|t| {
        let mut t = t.borrow_mut();
        let words = t.entry(settings).or_default();
        if words.len() >= MAX_WORDS {
            words.clear();
        }
        words.insert(word.into(), v);
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static T: Table<u8, u32> = RefCell::default();
    }

    #[test]
    fn remembers_per_setting_and_allows_nested_use() {
        let mut calls = 0;
        assert_eq!(
            get(&T, 1, "word", || {
                calls += 1;
                4
            }),
            4
        );
        assert_eq!(
            get(&T, 1, "word", || {
                calls += 1;
                5
            }),
            4
        );
        assert_eq!(calls, 1);
        assert_eq!(get(&T, 2, "word", || 6), 6, "another setting is another answer");
        // A computation may consult the same table (no borrow is held while it runs).
        assert_eq!(get(&T, 3, "outer", || get(&T, 3, "inner", || 7) + 1), 8);
    }

    #[test]
    fn long_words_are_answered_not_remembered() {
        let long = "x".repeat(MAX_KEY_BYTES + 1);
        let mut calls = 0;
        for _ in 0..2 {
            get(&T, 7, &long, || {
                calls += 1;
                1
            });
        }
        assert_eq!(calls, 2, "computed each time");
        let size = T.with(|t| t.borrow().get(&7).map_or(0, |m| m.len()));
        assert_eq!(size, 0);
    }

    #[test]
    fn bounded() {
        for i in 0..=MAX_WORDS {
            get(&T, 9, &i.to_string(), || 0);
        }
        let size = T.with(|t| t.borrow().get(&9).map_or(0, |m| m.len()));
        assert!(size <= MAX_WORDS, "{size}");
    }
}
