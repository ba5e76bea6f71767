//! The Carnegie Mellon Pronouncing Dictionary as a compact syllable table (SPEC §2.3 step 4).
//!
//! Owns one thing: the map from a lower-cased CMUdict spelling (apostrophes as `'`, hyphens and
//! dotted forms such as `a.m.` kept as the dictionary writes them) to the syllable count of its
//! **first** listed pronunciation (`every` → 3, `hour` → 2).
//!
//! The map is an [`fst::Map`] built at development time from `data/cmudict-syllables.tsv` and
//! committed as `data/generated/cmudict.fst`; it is embedded with `include_bytes!`, so loading it
//! parses nothing (the first call only reads the fst header). `tests/codegen.rs` rebuilds the file
//! from the TSV and fails when the bytes differ (`LEAFLINT_REGENERATE=1` rewrites it).
//!
//! This module does no case folding or spelling normalisation: callers (see
//! [`crate::text::syllables`]) lower-case the word and fold `’`/`ʼ` to `'` first.
//!
//! Data: The Carnegie Mellon Pronouncing Dictionary, © 1993–2015 Carnegie Mellon University,
//! BSD-2-Clause-style licence; the notice ships in `data/LICENSES/CMUdict-LICENSE.txt`.

use std::cell::Cell;
use std::sync::LazyLock;

use fst::Map;

/// The generated fst (see the module docs for how it is made and checked).
static FST_BYTES: &[u8] = include_bytes!("../../data/generated/cmudict.fst");

static MAP: LazyLock<Map<&'static [u8]>> = LazyLock::new(|| {
    Map::new(FST_BYTES).expect("embedded data/generated/cmudict.fst is not a valid fst map; rerun tests/codegen.rs")
});

/// Syllable count of the first CMUdict pronunciation of `word_lower`, or `None` if the dictionary
/// does not list it.
///
/// `word_lower` must already be lower-cased with apostrophes folded to `'` (U+0027).
///
/// ```
/// use leaflint::data::cmudict;
/// assert_eq!(cmudict::lookup("every"), Some(3));
/// assert_eq!(cmudict::lookup("hour"), Some(2));
/// assert_eq!(cmudict::lookup("don't"), Some(1));
/// assert_eq!(cmudict::lookup("haemoglobin"), None); // British spellings are absent
/// ```
#[inline]
pub fn lookup(word_lower: &str) -> Option<u32> {
    lookup_bytes(word_lower.as_bytes())
}

/// As [`lookup`], for a key already held as bytes (the syllable counter's stack buffer).
#[inline]
pub fn lookup_bytes(word_lower: &[u8]) -> Option<u32> {
    // Counts are small (≤ 20), so the narrowing cannot lose information.
    match FULL.with(Cell::get) {
        Some(full) => full.get(word_lower),
        None => MAP.get(word_lower),
    }
    .map(|n| n as u32)
}

thread_local! {
    /// The whole dictionary, while the development-time builder decides which entries the
    /// embedded one needs (see [`with_full_dictionary`]).
    static FULL: Cell<Option<&'static Map<Vec<u8>>>> = const { Cell::new(None) };
}

/// True while [`with_full_dictionary`] runs (answers then are not remembered across checks).
#[doc(hidden)]
pub fn overridden() -> bool {
    FULL.with(|c| c.get().is_some())
}

/// Run `f` with lookups answered by `full` (every CMUdict entry) instead of the embedded,
/// pruned map. `tests/codegen.rs` uses it so that which entries are kept does not depend on the
/// previously committed file.
#[doc(hidden)]
pub fn with_full_dictionary<R>(full: &'static Map<Vec<u8>>, f: impl FnOnce() -> R) -> R {
    FULL.with(|c| c.set(Some(full)));
    let r = f();
    FULL.with(|c| c.set(None));
    r
}

/// Number of distinct spellings in the embedded dictionary.
pub fn len() -> usize {
    MAP.len()
}

/// The embedded map itself, for streaming over every entry (tests and tools).
pub fn map() -> &'static Map<&'static [u8]> {
    &MAP
}

/// Size in bytes of the embedded fst.
pub fn fst_size() -> usize {
    FST_BYTES.len()
}
