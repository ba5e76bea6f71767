//! Development-time code generation, checked like typos' `tests/codegen.rs`.
//!
//! Every file under `data/generated/` is rebuilt here from its TSV source and compared byte for
//! byte with the committed copy. A mismatch fails the test; run with `LEAFLINT_REGENERATE=1` to
//! write the new bytes instead, then commit them:
//!
//! ```text
//! LEAFLINT_REGENERATE=1 cargo test -p leaflint --test codegen
//! ```

use leaflint::data::cmudict;
use leaflint::text::syllables::SyllableSource;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Whether the embedded dictionary keeps a CMUdict entry. Every word the other lists know (SCOWL,
/// word frequency: the words of real leaflets) is kept; a word neither list knows (mostly names)
/// is kept only when the steps after the dictionary (SPEC §2.3 steps 5–7, with the whole
/// dictionary) would not give its count by the rules, or when its spelling sends it through
/// other steps (apostrophes, hyphens, dots, digits). The rest are counted exactly as before, at a
/// third of the size in the browser widget; `pruned_dictionary_counts_every_cmudict_word_as_before`
/// checks that for every word. Call inside [`cmudict::with_full_dictionary`].
fn keep_cmudict(word: &str, n: u64) -> bool {
    use leaflint::data::{frequency, scowl};
    scowl::lookup(word).is_some()
        || frequency::lookup(word).is_some()
        || !word.bytes().all(|b| b.is_ascii_lowercase())
        || leaflint::text::syllables::count_unlisted(word) != (n as u32, SyllableSource::Rules)
}

/// Builds the CMUdict fst: lower-cased spelling → syllable count of the first pronunciation, for
/// the entries [`keep_cmudict`] keeps.
fn build_cmudict(tsv: &str) -> Vec<u8> {
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("word\tsyllables"), "unexpected header");
    let mut entries: Vec<(&str, u64)> = lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (word, counts) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in {line:?}"));
            assert_eq!(word, word.to_lowercase(), "key not lower-cased: {line:?}");
            assert!(!word.contains(['’', 'ʼ']), "apostrophe not folded: {line:?}");
            let first = counts.split('|').next().unwrap_or(counts);
            let n: u64 = first.parse().unwrap_or_else(|_| panic!("bad count in {line:?}"));
            (word, n)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let before = entries.len();
    entries.dedup_by(|a, b| a.0 == b.0);
    assert_eq!(before, entries.len(), "duplicate spellings in the TSV");
    let full: &'static fst::Map<Vec<u8>> =
        Box::leak(Box::new(fst::Map::from_iter(entries.iter().copied()).expect("sorted unique keys")));
    let kept: Vec<(&str, u64)> =
        cmudict::with_full_dictionary(full, || entries.into_iter().filter(|&(w, n)| keep_cmudict(w, n)).collect());
    fst::Map::from_iter(kept).expect("sorted unique keys").into_fst().into_inner()
}

/// Compares `fresh` with the committed file, or writes it when `LEAFLINT_REGENERATE=1`.
fn check_or_write(path: &Path, fresh: &[u8]) {
    if std::env::var_os("LEAFLINT_REGENERATE").is_some_and(|v| v == "1") {
        std::fs::write(path, fresh).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("wrote {} ({} bytes)", path.display(), fresh.len());
        return;
    }
    let committed = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert!(
        committed == fresh,
        "{} is out of date with its TSV source ({} bytes committed, {} fresh); \
         rerun with LEAFLINT_REGENERATE=1 and commit the result",
        path.display(),
        committed.len(),
        fresh.len()
    );
}

#[test]
fn cmudict_fst_is_up_to_date() {
    let tsv =
        std::fs::read_to_string(data_dir().join("cmudict-syllables.tsv")).expect("read data/cmudict-syllables.tsv");
    let fresh = build_cmudict(&tsv);
    check_or_write(&data_dir().join("generated/cmudict.fst"), &fresh);
}

/// Builds the spelling index: `<uk` → row offset and `>us\0{preference}uk` → row offset (see
/// `src/data/spelling.rs`).
fn build_spelling(tsv: &'static str) -> Vec<u8> {
    use leaflint::data::spelling::{parse_row, HEADER, UK_KEY, US_KEY};
    assert!(tsv.starts_with(HEADER), "unexpected header");
    let mut entries: Vec<(Vec<u8>, u64)> = Vec::new();
    let mut offset = 0usize;
    for line in tsv.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches('\n');
        if start == 0 || text.is_empty() {
            continue;
        }
        let row = parse_row(text);
        let at = u64::try_from(start).expect("offset fits u64");
        let mut uk = vec![UK_KEY];
        uk.extend_from_slice(row.uk.as_bytes());
        entries.push((uk, at));
        let mut us = vec![US_KEY];
        us.extend_from_slice(row.us.as_bytes());
        us.push(0);
        us.push(row.preference());
        us.extend_from_slice(row.uk.as_bytes());
        entries.push((us, at));
    }
    entries.sort_unstable();
    let before = entries.len();
    entries.dedup_by(|a, b| a.0 == b.0);
    assert_eq!(before, entries.len(), "duplicate British spellings in the TSV");
    let mut builder = fst::MapBuilder::memory();
    for (key, at) in entries {
        builder.insert(key, at).expect("keys are sorted and unique");
    }
    builder.into_inner().expect("in-memory fst build")
}

#[test]
fn spelling_fst_is_up_to_date() {
    let on_disk = std::fs::read_to_string(data_dir().join("uk-us-spelling.tsv")).expect("read data/uk-us-spelling.tsv");
    let embedded = leaflint::data::spelling::tsv();
    assert_eq!(on_disk, embedded, "rebuild the crate: the embedded TSV is stale");
    let fresh = build_spelling(embedded);
    check_or_write(&data_dir().join("generated/spelling.fst"), &fresh);
}

#[test]
fn embedded_cmudict_matches_tsv() {
    // The library embeds the committed bytes; check a few entries through its public API.
    assert_eq!(cmudict::lookup("every"), Some(3));
    assert_eq!(cmudict::lookup("hour"), Some(2));
    assert_eq!(cmudict::lookup("a.m."), Some(2));
    assert_eq!(cmudict::lookup("'bout"), Some(1));
    assert_eq!(cmudict::lookup("zzzz-not-a-word"), None);
    let tsv =
        std::fs::read_to_string(data_dir().join("cmudict-syllables.tsv")).expect("read data/cmudict-syllables.tsv");
    let kept = fst::Map::new(build_cmudict(&tsv)).expect("fst").len();
    assert_eq!(cmudict::len(), kept);
    assert!(kept > 60_000, "every word of the other lists is kept");
}

/// CMUdict words the pipeline reads differently from their dictionary count, with the full
/// dictionary as with the pruned one: abbreviations read as words (`mg` = "milligrams"), vowel-less
/// interjections (counted 1, not 0) and dropped-g or possessive forms the apostrophe rules read.
const READ_DIFFERENTLY: &[&str] = &[
    "bein'",
    "congress'",
    "corestates'",
    "doin'",
    "e.g.",
    "fs",
    "goin'",
    "hm",
    "hmm",
    "hmmm",
    "hours'",
    "issuers'",
    "jefferies'",
    "kcal",
    "mg",
    "mm",
    "oz",
    "sh",
    "shh",
    "superpowers'",
    "tel",
    "texas'",
    "thomas'",
    "ths",
    "tryin'",
];

#[test]
fn pruned_dictionary_counts_every_cmudict_word_as_before() {
    use leaflint::text::syllables::{count, NumberStyle};
    let tsv =
        std::fs::read_to_string(data_dir().join("cmudict-syllables.tsv")).expect("read data/cmudict-syllables.tsv");
    let mut differ = Vec::new();
    let mut rows = 0;
    for line in tsv.lines().skip(1).filter(|l| !l.is_empty()) {
        let (word, counts) = line.split_once('\t').expect("tab");
        let n: u32 = counts.split('|').next().and_then(|c| c.parse().ok()).expect("count");
        rows += 1;
        if count(word, NumberStyle::American).0 != n {
            differ.push(word);
        }
    }
    assert!(rows > 120_000, "the whole dictionary is checked");
    assert_eq!(differ, READ_DIFFERENTLY);
}

/// Builds the SCOWL fst: word as written → level | variety bits << 8 (`leaflint::data::scowl::encode`).
fn build_scowl(tsv: &str) -> Vec<u8> {
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("word\tscowl_level\tvariety"), "unexpected header");
    let mut rows: Vec<(&str, u64)> = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let word = f.next().unwrap_or_else(|| panic!("no word in {l:?}"));
            let level: u8 = f.next().and_then(|x| x.parse().ok()).unwrap_or_else(|| panic!("bad level in {l:?}"));
            (word, level, leaflint::data::scowl::encode(level, f.next().unwrap_or("all")))
        })
        .filter(|&(_, level, _)| level <= leaflint::data::scowl::MAX_LEVEL)
        .map(|(word, _, value)| (word, value))
        .collect();
    rows.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let before = rows.len();
    rows.dedup_by(|a, b| a.0 == b.0);
    assert_eq!(before, rows.len(), "duplicate words in the SCOWL TSV");
    fst::Map::from_iter(rows).expect("sorted unique keys").into_fst().into_inner()
}

#[test]
fn scowl_fst_is_up_to_date() {
    let tsv = std::fs::read_to_string(data_dir().join("word-commonness-scowl.tsv")).expect("read scowl tsv");
    check_or_write(&data_dir().join("generated/scowl.fst"), &build_scowl(&tsv));
}

#[test]
fn frequency_fst_is_up_to_date() {
    let tsv = std::fs::read_to_string(data_dir().join("word-frequency.tsv")).expect("read data/word-frequency.tsv");
    let rows = leaflint::data::frequency::rows_from_tsv(&tsv);
    assert!(rows.len() > 12_000, "the whole list is read");
    let fresh = fst::Map::from_iter(rows).expect("sorted unique keys").into_fst().into_inner();
    check_or_write(&data_dir().join("generated/frequency.fst"), &fresh);
}
