//! Words that describe a person by their condition (`data/condition-nouns.tsv`, ours; SPEC §4.12):
//! `diabetic` → people with `diabetes`.

use super::{fields, tsv_lines};
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "noun\tcondition";

static ROWS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/condition-nouns.tsv"), HEADER, "condition-nouns.tsv")
        .map(|line| {
            let [noun, condition] = fields::<2>(line);
            (noun, condition)
        })
        .collect()
});

/// Every (noun, condition) pair (`diabetic`, `diabetes`).
pub fn rows() -> &'static [(&'static str, &'static str)] {
    &ROWS
}

/// The condition of a singular noun (`epileptic` → `epilepsy`).
pub fn condition(noun_lower: &str) -> Option<&'static str> {
    ROWS.iter().find(|(n, _)| *n == noun_lower).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn pairs() {
        assert_eq!(super::condition("diabetic"), Some("diabetes"));
        assert_eq!(super::rows().len(), 3);
    }
}
