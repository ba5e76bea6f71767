//! Abbreviations in UK and US patient information with their expansions (`data/acronyms.tsv`,
//! SPEC §2.4, §4.8, §4.9). Compiled facts; rows marked `NHS-SM+compiled` paraphrase NHS service
//! manual notes (OGL v3). Copied verbatim from the shared data; see NOTICE.

use super::{fields, tsv_lines};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "acronym\texpansion\tregion\twell_known\tcategory\tsource\tnote";

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcronymRow {
    /// The acronym, case as written (`COPD`, `eGFR`, `bd`).
    pub acronym: &'static str,
    /// Its expansion, maybe with a gloss in brackets.
    pub expansion: &'static str,
    /// `UK`, `US` or `both`.
    pub region: &'static str,
    /// Well known: the NHS does not spell it out.
    pub well_known: bool,
    /// `condition`, `test`, `prescribing`, `unit` …
    pub category: &'static str,
    /// A usage note, or empty (`ambiguous: …` marks a second meaning).
    pub note: &'static str,
}

impl AcronymRow {
    /// The expansion without its bracketed gloss.
    pub fn expansion_plain(&self) -> String {
        super::jargon::strip_brackets(self.expansion)
    }
    /// True for dosing shorthand and units, which are not acronyms for SPEC §4.8.
    pub fn is_shorthand_or_unit(&self) -> bool {
        matches!(self.category, "prescribing" | "clinical shorthand" | "unit")
    }
}

struct Table {
    rows: Vec<AcronymRow>,
    by_acronym: HashMap<&'static str, Vec<usize>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let rows: Vec<AcronymRow> = tsv_lines(include_str!("../../data/acronyms.tsv"), HEADER, "acronyms.tsv")
        .map(|line| {
            let [acronym, expansion, region, well_known, category, _source, note] = fields::<7>(line);
            AcronymRow { acronym, expansion, region, well_known: well_known == "yes", category, note }
        })
        .collect();
    let mut by_acronym: HashMap<&'static str, Vec<usize>> = HashMap::default();
    for (i, r) in rows.iter().enumerate() {
        by_acronym.entry(r.acronym).or_default().push(i);
    }
    Table { rows, by_acronym }
});

/// Every row, in file order.
pub fn rows() -> &'static [AcronymRow] {
    &TABLE.rows
}

/// The rows for an acronym written exactly so (case-sensitive), in file order.
pub fn lookup(acronym: &str) -> impl Iterator<Item = &'static AcronymRow> {
    let table: &'static Table = &TABLE;
    table.by_acronym.get(acronym).into_iter().flatten().map(move |&i| &table.rows[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_case_sensitive() {
        assert!(rows().len() > 190);
        assert_eq!(lookup("COPD").count(), 1);
        assert_eq!(lookup("CNS").count(), 2);
        assert_eq!(lookup("copd").count(), 0);
        assert!(lookup("NHS").all(|r| r.well_known));
        assert_eq!(lookup("DVT").next().map(AcronymRow::expansion_plain).as_deref(), Some("deep vein thrombosis"));
        assert!(lookup("bd").all(AcronymRow::is_shorthand_or_unit));
    }
}
