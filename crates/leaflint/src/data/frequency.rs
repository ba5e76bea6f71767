//! Word frequency from Google Books Ngram v3 (2010–2019), via orgtre's lists (CC BY 3.0; see
//! NOTICE): rank and Zipf value of the ~12,900 most frequent English words.
//!
//! Lookups are case-insensitive: where a word has several cased forms (`God`, `god`) the most
//! frequent counts. British spellings are not mapped here; callers try the US form themselves.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Frequency facts for one word form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frequency {
    /// Best (lowest) rank in either list (books or fiction).
    pub rank: u32,
    /// Highest Zipf value in either list (log10 of occurrences per billion words).
    pub zipf: f32,
}

static TABLE: LazyLock<HashMap<String, Frequency>> = LazyLock::new(|| {
    let mut map: HashMap<String, Frequency> = HashMap::with_capacity(13_000);
    for line in include_str!("../../data/word-frequency.tsv").lines().skip(1) {
        let mut f = line.split('\t');
        let (Some(word), Some(rank_b), _, Some(zipf_b), rank_f, zipf_f) =
            (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let num = |s: Option<&str>| s.and_then(|s| s.parse::<f32>().ok());
        let rank = [num(Some(rank_b)), num(rank_f)].into_iter().flatten().fold(f32::MAX, f32::min) as u32;
        let zipf = [num(Some(zipf_b)), num(zipf_f)].into_iter().flatten().fold(f32::MIN, f32::max);
        let key = word.to_lowercase();
        map.entry(key)
            .and_modify(|e| {
                e.rank = e.rank.min(rank);
                e.zipf = e.zipf.max(zipf);
            })
            .or_insert(Frequency { rank, zipf });
    }
    map
});

/// Frequency of a word (any case), if it is in the list.
pub fn lookup(word: &str) -> Option<Frequency> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        TABLE.get(word.to_lowercase().as_str()).copied()
    } else {
        TABLE.get(word).copied()
    }
}

/// Number of distinct lower-case forms (forces the load; used by tests and the cold-start bench).
pub fn len() -> usize {
    TABLE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_folds_case() {
        assert!(len() > 12_000);
        let the = lookup("The").expect("the");
        assert_eq!(the.rank, 1);
        assert!(the.zipf > 7.5);
        let mild = lookup("mild").expect("mild");
        assert!(mild.rank > 3000 && mild.zipf < 4.5);
        assert!(lookup("antiemetic").is_none());
    }
}
