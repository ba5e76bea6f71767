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
            let (word, counts) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("no tab in {line:?}"));
            assert_eq!(word, word.to_lowercase(), "key not lower-cased: {line:?}");
            assert!(
                !word.contains(['’', 'ʼ']),
                "apostrophe not folded: {line:?}"
            );
            let first = counts.split('|').next().unwrap_or(counts);
            let n: u64 = first
                .parse()
                .unwrap_or_else(|_| panic!("bad count in {line:?}"));
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
    let tsv = std::fs::read_to_string(data_dir().join("cmudict-syllables.tsv"))
        .expect("read data/cmudict-syllables.tsv");
    let fresh = build_cmudict(&tsv);
    check_or_write(&data_dir().join("generated/cmudict.fst"), &fresh);
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
    let tsv = std::fs::read_to_string(data_dir().join("cmudict-syllables.tsv"))
        .expect("read data/cmudict-syllables.tsv");
    assert_eq!(
        cmudict::len(),
        tsv.lines().skip(1).filter(|l| !l.is_empty()).count()
    );
}
