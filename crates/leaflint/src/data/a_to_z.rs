//! The NHS "A to Z of NHS health writing" (`data/nhs-style-a-to-z.tsv`, OGL v3): one row per
//! heading with its guidance as published. `nhs-style-words` quotes the guidance of the entry a
//! finding comes from. Copied verbatim from the shared data; see NOTICE.

use super::{fields, tsv_lines};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "heading\tguidance";

static TABLE: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/nhs-style-a-to-z.tsv"), HEADER, "nhs-style-a-to-z.tsv")
        .map(|line| {
            let [heading, guidance] = fields::<2>(line);
            (heading, guidance)
        })
        .collect()
});

/// The guidance under an A–Z heading (exact heading text), if any.
pub fn guidance(heading: &str) -> Option<&'static str> {
    TABLE.get(heading).copied()
}

/// Number of headings (forces the load).
pub fn len() -> usize {
    TABLE.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn headings() {
        assert!(super::len() > 280);
        assert_eq!(super::guidance("dietitian"), Some("Not dietician."));
    }
}
