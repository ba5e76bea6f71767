//! Word frequency from Google Books Ngram v3 (2010–2019), via orgtre's lists (CC BY 3.0; see
//! NOTICE): rank and Zipf value of the ~12,900 most frequent English words.
//!
//! Lookups are case-insensitive: where a word has several cased forms (`God`, `god`) the most
//! frequent counts. British spellings are not mapped here; callers try the US form themselves.
//!
//! The source list is `data/word-frequency.tsv`; the library embeds only what it reads, an fst
//! map built from it at development time (`data/generated/frequency.fst`, rebuilt and checked by
//! `tests/codegen.rs`): lower-cased word → best rank `<< 16` | highest Zipf × 1000. That is a
//! quarter of the TSV's size in the browser widget, and loading it parses nothing.

use std::sync::LazyLock;

static MAP: LazyLock<fst::Map<&'static [u8]>> = LazyLock::new(|| {
    fst::Map::new(&include_bytes!("../../data/generated/frequency.fst")[..])
        .expect("data/generated/frequency.fst is a valid fst map; rerun tests/codegen.rs")
});

/// Frequency facts for one word form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frequency {
    /// Best (lowest) rank in either list (books or fiction).
    pub rank: u32,
    /// Highest Zipf value in either list (log10 of occurrences per billion words), to 3 decimals.
    pub zipf: f32,
}

/// The TSV's rows folded to lower case, sorted, with their fst values (for `tests/codegen.rs`).
/// Each row gives its best rank and highest Zipf value over the books and fiction columns;
/// cased forms of one word merge the same way.
pub fn rows_from_tsv(tsv: &str) -> Vec<(String, u64)> {
    let mut map: std::collections::BTreeMap<String, (u32, f32)> = std::collections::BTreeMap::new();
    for line in tsv.lines().skip(1) {
        let mut f = line.split('\t');
        let (Some(word), Some(rank_b), _, Some(zipf_b), rank_f, zipf_f) =
            (f.next(), f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let num = |s: Option<&str>| s.and_then(|s| s.parse::<f32>().ok());
        let rank = [num(Some(rank_b)), num(rank_f)].into_iter().flatten().fold(f32::MAX, f32::min) as u32;
        let zipf = [num(Some(zipf_b)), num(zipf_f)].into_iter().flatten().fold(f32::MIN, f32::max);
        map.entry(word.to_lowercase()).and_modify(|e| *e = (e.0.min(rank), e.1.max(zipf))).or_insert((rank, zipf));
    }
    map.into_iter().map(|(w, (rank, zipf))| (w, encode(rank, zipf))).collect()
}

fn encode(rank: u32, zipf: f32) -> u64 {
    (u64::from(rank) << 16) | (f64::from(zipf) * 1000.0).round().clamp(0.0, 65_535.0) as u64
}

fn decode(v: u64) -> Frequency {
    Frequency { rank: (v >> 16) as u32, zipf: ((v & 0xffff) as f64 / 1000.0) as f32 }
}

/// Frequency of a word (any case), if it is in the list.
pub fn lookup(word: &str) -> Option<Frequency> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        MAP.get(word.to_lowercase()).map(decode)
    } else {
        MAP.get(word).map(decode)
    }
}

/// Number of distinct lower-case forms (forces the load; used by tests and the cold-start bench).
pub fn len() -> usize {
    MAP.len()
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

    #[test]
    fn values_round_trip() {
        let f = decode(encode(12_345, 4.567));
        assert_eq!(f.rank, 12_345);
        assert!((f.zipf - 4.567).abs() < 1e-6);
    }
}
