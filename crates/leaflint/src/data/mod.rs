//! Word lists compiled into the engine (see `data/README.md` and NOTICE).
//!
//! Big lists are fst maps generated at development time; small lists are embedded text parsed
//! once on first use (`include_str!` + `LazyLock`). Each module owns one list.

pub mod a_to_z;
pub mod acronyms;
pub mod cmudict;
pub mod condition_nouns;
pub mod frequency;
pub mod function_words;
pub mod jargon;
pub mod medicine_stems;
pub mod nominalisations;
pub mod participles;
pub mod phrases;
pub mod scowl;
pub mod shorthand;
pub mod spelling;
pub mod style_words;
pub mod swaps;
pub mod verbs;

/// The data lines of an embedded TSV after checking its header (a wrong header is a build error
/// the data tests catch, hence the panic).
pub(crate) fn tsv_lines(text: &'static str, header: &str, file: &str) -> impl Iterator<Item = &'static str> {
    let mut lines = text.lines();
    let first = lines.next();
    assert_eq!(first, Some(header), "{file}: unexpected header");
    lines.filter(|l| !l.is_empty())
}

/// The first `N` tab-separated fields of a line; missing fields are empty.
pub(crate) fn fields<const N: usize>(line: &'static str) -> [&'static str; N] {
    let mut out = [""; N];
    for (slot, f) in out.iter_mut().zip(line.split('\t')) {
        *slot = f;
    }
    out
}

/// The entries of an embedded one-word-a-line list (`#` comments and blank lines skipped).
pub(crate) fn list_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}
