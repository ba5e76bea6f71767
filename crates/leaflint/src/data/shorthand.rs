//! Latin and clinical dosing shorthand with our fix wording (`data/clinical-shorthand.tsv`, ours;
//! SPEC §4.9). Meanings come from `acronyms.tsv`; this table says what a fix writes and whether
//! the abbreviation needs a dose nearby before it is read as shorthand.

use super::{fields, tsv_lines};
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "written\treplacement\treplacement_us\tdose_context\tcase";

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shorthand {
    /// The abbreviation without full stops (`bd`, `NBM`).
    pub written: &'static str,
    /// What a fix writes (`2 times a day`); empty: message only (reword).
    pub replacement: &'static str,
    /// The `us` profile's wording when it differs (`right away`), or empty.
    pub replacement_us: &'static str,
    /// Only shorthand within a few words of a dose (`od`, `stat`, `PO`).
    pub needs_dose_context: bool,
    /// Matched in any case (Latin dosing) or only as written (`SOB`, `Rx`).
    pub any_case: bool,
}

static ROWS: LazyLock<Vec<Shorthand>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/clinical-shorthand.tsv"), HEADER, "clinical-shorthand.tsv")
        .map(|line| {
            let [written, replacement, replacement_us, dose, case] = fields::<5>(line);
            Shorthand {
                written,
                replacement,
                replacement_us,
                needs_dose_context: dose == "yes",
                any_case: match case {
                    "any" => true,
                    "exact" => false,
                    other => panic!("clinical-shorthand.tsv: unknown case {other:?}"),
                },
            }
        })
        .collect()
});

/// Every row, sorted by abbreviation.
pub fn rows() -> &'static [Shorthand] {
    &ROWS
}

static BY_LOWER: LazyLock<std::collections::HashMap<String, Vec<usize>>> = LazyLock::new(|| {
    let mut map: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, r) in ROWS.iter().enumerate() {
        map.entry(r.written.to_ascii_lowercase()).or_default().push(i);
    }
    map
});

/// The row for `word` (full stops removed; `any_case` rows match case-insensitively).
pub fn lookup(word: &str) -> Option<&'static Shorthand> {
    if word.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[..word.len()].make_ascii_lowercase();
    let key = std::str::from_utf8(&buf[..word.len()]).ok()?;
    let rows: &'static [Shorthand] = &ROWS;
    BY_LOWER.get(key)?.iter().map(|&i| &rows[i]).find(|r| r.any_case || r.written == word)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lookups() {
        assert_eq!(super::lookup("BD").map(|r| r.replacement), Some("2 times a day"));
        assert!(super::lookup("sob").is_none());
        assert!(super::lookup("SOB").is_some_and(|r| r.replacement.is_empty()));
        assert!(super::lookup("od").is_some_and(|r| r.needs_dose_context));
    }
}
