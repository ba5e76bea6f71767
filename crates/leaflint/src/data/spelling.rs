//! British ↔ American spelling pairs (SPEC §2.3 step 5, §2.4, §4.14).
//!
//! Owns the table `data/uk-us-spelling.tsv` (3,539 pairs such as `haemoglobin` → `hemoglobin`),
//! embedded as text with `include_str!`, plus an index built at development time,
//! `data/generated/spelling.fst`, embedded with `include_bytes!`. The index maps
//!
//! * `<` + British form → byte offset of its row in the TSV, and
//! * `>` + American form + `\0` + preference + British form → the same offset,
//!
//! so the look-ups ([`uk_to_us`], [`us_to_uk`], [`us_to_uk_all`], [`row`]) parse nothing at
//! start-up: they find an offset and split that one line. Only [`rows`] parses the whole table,
//! once, on first use (well under a millisecond). `tests/codegen.rs` rebuilds the index from the
//! TSV and fails if it is stale.
//!
//! The table does not invent spellings: respelling by rule (`-our` → `-or`, …) for words it lacks
//! belongs to the syllable counter ([`crate::text::syllables`]).
//!
//! Data: derived from SCOWL/VarCon, © 2000–2016 Kevin Atkinson and others (notice in
//! `data/LICENSES/SCOWL-Copyright.txt`), plus 23 compiled medical pairs.

use std::sync::LazyLock;

use fst::{IntoStreamer, Map, Streamer};

static TSV: &str = include_str!("../../data/uk-us-spelling.tsv");

static FST_BYTES: &[u8] = include_bytes!("../../data/generated/spelling.fst");

static INDEX: LazyLock<Map<&'static [u8]>> = LazyLock::new(|| {
    Map::new(FST_BYTES).expect("embedded data/generated/spelling.fst is not a valid fst map; rerun tests/codegen.rs")
});

static ROWS: LazyLock<Vec<SpellingRow>> = LazyLock::new(|| {
    let mut lines = TSV.lines();
    assert_eq!(lines.next(), Some(HEADER), "uk-us-spelling.tsv: unexpected header");
    lines.filter(|l| !l.is_empty()).map(parse_row).collect()
});

/// The TSV header the parser expects.
pub const HEADER: &str = "uk\tus\tchange\tscowl_level_uk\tscowl_level_us\tsource";

/// Key prefix of British → row entries in `spelling.fst`.
pub const UK_KEY: u8 = b'<';
/// Key prefix of American → row entries in `spelling.fst`.
pub const US_KEY: u8 = b'>';

/// Where a spelling pair comes from (the `source` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SpellingSource {
    /// Paired from SCOWL's British-only and American word lists.
    Scowl,
    /// Compiled for leaflint (medical pairs missing from SCOWL ≤ 70).
    Compiled,
}

/// One row of `data/uk-us-spelling.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpellingRow {
    /// British spelling, lower case (`haemoglobin`).
    pub uk: &'static str,
    /// American spelling, lower case (`hemoglobin`).
    pub us: &'static str,
    /// The edit from `uk` to `us` as the table writes it (`a>` deletes an "a", `s>z`, `>e;e>`).
    pub change: &'static str,
    /// SCOWL size level of the British form (10 = most common … 70 = rare); `None` for compiled rows.
    pub scowl_level_uk: Option<u8>,
    /// SCOWL size level of the American form; `None` for compiled rows.
    pub scowl_level_us: Option<u8>,
    /// Where the pair comes from.
    pub source: SpellingSource,
}

impl SpellingRow {
    /// How strongly this British form is preferred for its American form: the number of edits
    /// in `change` (fewer is better). Used to order [`us_to_uk_all`] and by the index builder.
    pub fn preference(&self) -> u8 {
        u8::try_from(self.change.split(';').count()).unwrap_or(u8::MAX)
    }
}

fn parse_level(field: &str, line: &str) -> Option<u8> {
    if field.is_empty() {
        None
    } else {
        Some(field.parse().unwrap_or_else(|_| panic!("uk-us-spelling.tsv: bad SCOWL level in {line:?}")))
    }
}

/// Parses one data line of the table (embedded data: a malformed line is a build error that
/// the tests catch, hence the panics).
pub fn parse_row(line: &'static str) -> SpellingRow {
    let mut f = line.split('\t');
    let mut next = || f.next().unwrap_or_else(|| panic!("uk-us-spelling.tsv: too few columns in {line:?}"));
    let (uk, us, change, lvl_uk, lvl_us, source) = (next(), next(), next(), next(), next(), next());
    let source = match source {
        "SCOWL" => SpellingSource::Scowl,
        "compiled" => SpellingSource::Compiled,
        other => panic!("uk-us-spelling.tsv: unknown source {other:?}"),
    };
    SpellingRow {
        uk,
        us,
        change,
        scowl_level_uk: parse_level(lvl_uk, line),
        scowl_level_us: parse_level(lvl_us, line),
        source,
    }
}

/// The TSV line starting at `offset` (an index value).
fn line_at(offset: u64) -> &'static str {
    let rest = usize::try_from(offset)
        .ok()
        .and_then(|o| TSV.get(o..))
        .expect("spelling.fst offset outside the embedded TSV; rerun tests/codegen.rs");
    rest.split('\n').next().unwrap_or(rest)
}

/// The `n`th tab-separated field of a TSV line.
fn field(line: &'static str, n: usize) -> &'static str {
    line.split('\t').nth(n).unwrap_or("")
}

/// Runs `f` with `prefix` + `word` (+ `suffix`) as one key, on the stack for ordinary words.
fn with_key<R>(prefix: u8, word: &str, suffix: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    let len = 1 + word.len() + suffix.len();
    let mut buf = [0u8; 64];
    if len <= buf.len() {
        buf[0] = prefix;
        buf[1..=word.len()].copy_from_slice(word.as_bytes());
        buf[1 + word.len()..len].copy_from_slice(suffix);
        f(&buf[..len])
    } else {
        let mut v = Vec::with_capacity(len);
        v.push(prefix);
        v.extend_from_slice(word.as_bytes());
        v.extend_from_slice(suffix);
        f(&v)
    }
}

/// American spelling of a British word from the table (`haemoglobin` → `hemoglobin`), or `None`.
///
/// `word_lower` must be lower case. Words the table lacks are not respelled by rule here.
///
/// ```
/// use leaflint::data::spelling;
/// assert_eq!(spelling::uk_to_us("anaemia"), Some("anemia"));
/// assert_eq!(spelling::uk_to_us("color"), None);
/// ```
pub fn uk_to_us(word_lower: &str) -> Option<&'static str> {
    uk_offset(word_lower).map(|o| field(line_at(o), 1))
}

fn uk_offset(word_lower: &str) -> Option<u64> {
    with_key(UK_KEY, word_lower, b"", |key| INDEX.get(key))
}

/// The full table row whose British form is `word_lower`, if any.
pub fn row(word_lower: &str) -> Option<SpellingRow> {
    uk_offset(word_lower).map(|o| parse_row(line_at(o)))
}

/// The preferred British spelling of an American word (`color` → `colour`), or `None`.
///
/// When several British forms map to one American form, the one with the simplest edit wins
/// (fewest edits in `change`, then alphabetical); [`us_to_uk_all`] lists them all.
pub fn us_to_uk(word_lower: &str) -> Option<&'static str> {
    let mut first = None;
    us_rows(word_lower, |uk| {
        first = Some(uk);
        false
    });
    first
}

/// Every British spelling the table gives for an American word, preferred first; empty if none.
///
/// ```
/// use leaflint::data::spelling;
/// assert_eq!(spelling::us_to_uk_all("hemoglobin"), ["haemoglobin"]);
/// assert!(spelling::us_to_uk_all("haemoglobin").is_empty());
/// ```
pub fn us_to_uk_all(word_lower: &str) -> Vec<&'static str> {
    let mut all = Vec::new();
    us_rows(word_lower, |uk| {
        all.push(uk);
        true
    });
    all
}

/// Calls `f` with each British form of `us`, preferred first, while it returns `true`.
fn us_rows(us: &str, mut f: impl FnMut(&'static str) -> bool) {
    with_key(US_KEY, us, b"\0", |start| {
        let mut end = start.to_vec();
        if let Some(last) = end.last_mut() {
            *last = 1;
        }
        let mut stream = INDEX.range().ge(start).lt(&end).into_stream();
        while let Some((_, offset)) = stream.next() {
            if !f(field(line_at(offset), 0)) {
                break;
            }
        }
    });
}

/// All rows of the table, in the file's order (sorted by British spelling). Parsed on first
/// call.
pub fn rows() -> &'static [SpellingRow] {
    &ROWS
}

/// The embedded TSV text (for the index builder in `tests/codegen.rs`).
pub fn tsv() -> &'static str {
    TSV
}
