//! Development-time code generation, checked like typos' `tests/codegen.rs`.
//!
//! Every file under `data/generated/` is rebuilt here from its TSV source and compared byte for
//! byte with the committed copy. A mismatch fails the test; run with `LEAFLINT_REGENERATE=1` to
//! write the new bytes instead, then commit them:
//!
//! ```text
//! LEAFLINT_REGENERATE=1 cargo test -p leaflint --test codegen
//! ```

use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Builds the CMUdict fst: lower-cased spelling → syllable count of the first pronunciation.
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
    let mut builder = fst::MapBuilder::memory();
    for (word, n) in entries {
        builder.insert(word, n).expect("keys are sorted and unique");
    }
    builder.into_inner().expect("in-memory fst build")
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
    use leaflint::data::cmudict;
    assert_eq!(cmudict::lookup("every"), Some(3));
    assert_eq!(cmudict::lookup("hour"), Some(2));
    assert_eq!(cmudict::lookup("a.m."), Some(2));
    assert_eq!(cmudict::lookup("'bout"), Some(1));
    assert_eq!(cmudict::lookup("zzzz-not-a-word"), None);
    let tsv =
        std::fs::read_to_string(data_dir().join("cmudict-syllables.tsv")).expect("read data/cmudict-syllables.tsv");
    assert_eq!(cmudict::len(), tsv.lines().skip(1).filter(|l| !l.is_empty()).count());
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
            (word, leaflint::data::scowl::encode(level, f.next().unwrap_or("all")))
        })
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
