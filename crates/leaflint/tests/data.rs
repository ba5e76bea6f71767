//! Keeps every small data file canonical and forces every loader.
//!
//! * Our own lists (`.txt`, one entry a line after `#` comments; `.tsv` with a header) must be
//!   sorted (byte order) with no duplicate entries or keys, so diffs stay readable.
//! * Files copied verbatim from the shared data (`jargon-plain.tsv`, `complex-phrases.tsv`,
//!   `acronyms.tsv`, `nhs-style-a-to-z.tsv`) stay byte-identical to their source so they can be
//!   refreshed by copying; they are checked for a known header, well-formed rows and no
//!   duplicate keys instead of being re-sorted (`complex-phrases.tsv` happens to be sorted and
//!   is checked for that too).
//! * The big lists (`word-frequency.tsv`, `word-commonness-scowl.tsv`, `cmudict-syllables.tsv`)
//!   are checked by `tests/codegen*.rs`, which rebuild their fst indexes from them.
//!
//! Every loader in `leaflint::data` (and the word lists behind `lexicon`, `text::action` and the
//! term matcher) is forced here, so a malformed line fails this test rather than a user's check.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn data(name: &str) -> String {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Entries of a one-a-line list (comments and blank lines skipped).
fn entries(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect()
}

fn assert_sorted_unique(name: &str, keys: &[String]) {
    for w in keys.windows(2) {
        assert!(w[0].as_bytes() < w[1].as_bytes(), "{name}: {:?} must sort before {:?} (and appear once)", w[0], w[1]);
    }
}

fn assert_unique(name: &str, keys: &[String]) {
    let mut seen = HashSet::new();
    for k in keys {
        assert!(seen.insert(k.clone()), "{name}: duplicate key {k:?}");
    }
}

/// Rows of a TSV after checking its header and column count.
fn tsv<'a>(name: &str, text: &'a str, header: &str) -> Vec<Vec<&'a str>> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(header), "{name}: header");
    let cols = header.split('\t').count();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), cols, "{name}: {cols} columns expected in {l:?}");
            assert!(f.iter().all(|x| x.trim() == *x), "{name}: stray whitespace in {l:?}");
            f
        })
        .collect()
}

#[test]
fn our_word_lists_are_sorted_and_unique() {
    for name in ["function-words.txt", "adjectival-participles.txt", "medicine-stems.txt", "everyday-health.txt"] {
        let text = data(name);
        let list: Vec<String> = entries(&text).into_iter().map(str::to_owned).collect();
        assert!(!list.is_empty(), "{name} is empty");
        for e in &list {
            assert_eq!(e, &e.to_lowercase(), "{name}: lower case expected: {e:?}");
            assert_eq!(e.trim(), e, "{name}: stray whitespace: {e:?}");
        }
        assert_sorted_unique(name, &list);
    }
    let verbs = data("action-verbs.txt");
    let keys: Vec<String> = entries(&verbs).iter().map(|l| l.split('\t').next().unwrap_or("").to_owned()).collect();
    assert_sorted_unique("action-verbs.txt", &keys);
}

#[test]
fn our_tables_are_sorted_by_key_and_unique() {
    let cases: [(&str, &str, usize); 6] = [
        ("irregular-verbs.tsv", leaflint::data::verbs::HEADER, 1),
        ("nominalisations.tsv", leaflint::data::nominalisations::HEADER, 3),
        ("nhs-style-words.tsv", leaflint::data::style_words::HEADER, 1),
        ("clinical-shorthand.tsv", leaflint::data::shorthand::HEADER, 1),
        ("condition-nouns.tsv", leaflint::data::condition_nouns::HEADER, 1),
        ("swaps.tsv", leaflint::data::swaps::HEADER, 1),
    ];
    for (name, header, key_cols) in cases {
        let text = data(name);
        let rows = tsv(name, &text, header);
        let keys: Vec<String> = rows.iter().map(|r| r[..key_cols].join("\t")).collect();
        assert_sorted_unique(name, &keys);
    }
}

#[test]
fn copied_tables_have_unique_keys() {
    let text = data("jargon-plain.tsv");
    let rows = tsv("jargon-plain.tsv", &text, leaflint::data::jargon::HEADER);
    // The CDC thesaurus lists `clinical` twice with different alternatives: the key is the whole
    // (term, source, alternatives) triple.
    let keys: Vec<String> = rows.iter().map(|r| format!("{}\t{}\t{}", r[0].to_lowercase(), r[4], r[1])).collect();
    assert_unique("jargon-plain.tsv", &keys);

    let text = data("complex-phrases.tsv");
    let rows = tsv("complex-phrases.tsv", &text, leaflint::data::phrases::HEADER);
    let keys: Vec<String> = rows.iter().map(|r| r[0].to_owned()).collect();
    assert_sorted_unique("complex-phrases.tsv", &keys);

    let text = data("acronyms.tsv");
    let rows = tsv("acronyms.tsv", &text, leaflint::data::acronyms::HEADER);
    let keys: Vec<String> = rows.iter().map(|r| format!("{}\t{}", r[0], r[1])).collect();
    assert_unique("acronyms.tsv", &keys);

    let text = data("nhs-style-a-to-z.tsv");
    let rows = tsv("nhs-style-a-to-z.tsv", &text, leaflint::data::a_to_z::HEADER);
    let keys: Vec<String> = rows.iter().map(|r| r[0].to_owned()).collect();
    assert_unique("nhs-style-a-to-z.tsv", &keys);

    let text = data("uk-us-spelling.tsv");
    let rows = tsv("uk-us-spelling.tsv", &text, leaflint::data::spelling::HEADER);
    let keys: Vec<String> = rows.iter().map(|r| r[0].to_owned()).collect();
    assert_sorted_unique("uk-us-spelling.tsv", &keys);
}

#[test]
fn every_loader_loads() {
    use leaflint::data::*;
    assert!(jargon::rows().len() > 1200);
    assert!(phrases::rows().len() > 400);
    assert!(acronyms::rows().len() > 190);
    assert!(a_to_z::len() > 280);
    assert!(function_words::len() > 200);
    assert!(verbs::all().len() > 150);
    assert!(participles::len() > 50);
    assert!(nominalisations::rows().len() > 25);
    assert!(shorthand::rows().len() > 20);
    assert!(style_words::rows().len() > 60);
    assert!(condition_nouns::rows().len() == 3);
    assert!(medicine_stems::len() > 40);
    assert!(frequency::len() > 12_000);
    assert!(scowl::len() > 75_000);
    assert!(spelling::rows().len() > 3_500);
    assert!(cmudict::lookup("every").is_some());
    assert!(leaflint::lexicon::everyday_health_len() > 200);
    assert!(leaflint::text::action::verb_class("take").is_some());
    assert!(leaflint::language::terms::pattern_count() > 5_000);
    for p in leaflint::Profile::ALL {
        assert!(leaflint::language::owners::active_rows(leaflint::language::owners::Owner::MedicalJargon, p) > 300);
    }
}

#[test]
fn every_table_row_is_usable() {
    use leaflint::data::*;
    // Every style row names an A to Z heading that exists.
    for r in style_words::rows() {
        assert!(a_to_z::guidance(r.a_to_z).is_some(), "nhs-style-words.tsv: no A to Z heading {:?}", r.a_to_z);
    }
    // Every nominalisation verb and every shorthand meaning is there.
    for r in nominalisations::rows() {
        assert!(!r.verb.is_empty() && !r.noun.is_empty(), "{r:?}");
    }
    for r in shorthand::rows() {
        assert!(
            !r.replacement.is_empty() || acronyms::rows().iter().any(|a| a.acronym.eq_ignore_ascii_case(r.written)),
            "clinical-shorthand.tsv: {:?} has neither a fix nor a meaning in acronyms.tsv",
            r.written
        );
    }
    // Every irregular participle maps back to its verb.
    for v in verbs::all() {
        for p in &v.participle {
            assert!(verbs::by_participle(p).is_some(), "{p}");
        }
    }
}
