//! Wordy and complex words and phrases with simpler alternatives (`data/complex-phrases.tsv`,
//! SPEC §4.5): plainlanguage.gov (public domain), retext-simplify (MIT) and the GOV.UK style guide
//! (OGL v3). Copied verbatim from the shared data; see NOTICE.

use super::{fields, tsv_lines};
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "phrase\tplain_alternatives\tcan_omit\tsource\tnote";

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseRow {
    /// The phrase (`in order to`).
    pub phrase: &'static str,
    /// Alternatives separated by `; ` (may be empty).
    pub alternatives: &'static str,
    /// Deleting the phrase is also a fix.
    pub can_omit: bool,
    /// Sources joined by `+`.
    pub source: &'static str,
    /// A sense note (`unless it is for a meeting`), or empty.
    pub note: &'static str,
}

impl PhraseRow {
    /// The alternatives in order.
    pub fn alternatives(&self) -> Vec<&'static str> {
        self.alternatives.split("; ").map(str::trim).filter(|a| !a.is_empty()).collect()
    }
}

static ROWS: LazyLock<Vec<PhraseRow>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/complex-phrases.tsv"), HEADER, "complex-phrases.tsv")
        .map(|line| {
            let [phrase, alternatives, can_omit, source, note] = fields::<5>(line);
            PhraseRow { phrase, alternatives, can_omit: can_omit == "yes", source, note }
        })
        .collect()
});

/// Every row, in file order (sorted by phrase).
pub fn rows() -> &'static [PhraseRow] {
    &ROWS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_load() {
        let r = rows().iter().find(|r| r.phrase == "commence").expect("commence");
        assert_eq!(r.alternatives(), ["begin", "start"]);
        assert!(rows().iter().find(|r| r.phrase == "very").is_some_and(|r| r.can_omit));
    }
}
