//! Machine-checkable NHS style words (`data/nhs-style-words.tsv`, ours; SPEC §4.15): what is
//! flagged, what a fix writes, whether the fix is safe, how case is treated, a context condition,
//! and the NHS A–Z heading the rule comes from (`data/nhs-style-a-to-z.tsv`).

use super::{fields, tsv_lines};
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "flagged\treplacement\tapplicability\tcase\tcondition\ta_to_z";

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleWord {
    /// Lower-case form matched case-insensitively (`x-ray`, `don't`).
    pub flagged: &'static str,
    /// What a fix writes; empty: message only.
    pub replacement: &'static str,
    /// `safe`, `review` or `none` (message only).
    pub applicability: &'static str,
    /// The replacement is written exactly (`X-ray`, `COVID`) rather than in the case of the text.
    pub exact_case: bool,
    /// A context condition (`contraction`, `not-unit-start`, `mucous`, `noun`, `before-colon`) or empty.
    pub condition: &'static str,
    /// The NHS A–Z heading.
    pub a_to_z: &'static str,
}

static ROWS: LazyLock<Vec<StyleWord>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/nhs-style-words.tsv"), HEADER, "nhs-style-words.tsv")
        .map(|line| {
            let [flagged, replacement, applicability, case, condition, a_to_z] = fields::<6>(line);
            assert!(matches!(applicability, "safe" | "review" | "none"), "nhs-style-words.tsv: {line:?}");
            StyleWord { flagged, replacement, applicability, exact_case: case == "exact", condition, a_to_z }
        })
        .collect()
});

/// Every row, sorted by the flagged form.
pub fn rows() -> &'static [StyleWord] {
    &ROWS
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_load() {
        let rows = super::rows();
        assert!(rows.iter().any(|r| r.flagged == "x-ray" && r.replacement == "X-ray" && r.exact_case));
        assert!(
            rows.iter().all(|r| super::super::a_to_z::guidance(r.a_to_z).is_some()),
            "every row names an A-Z heading"
        );
    }
}
