//! Medical and health words with plain alternatives (`data/jargon-plain.tsv`, SPEC §4.4, §4.5,
//! §4.12, §4.15): 1,101 rows of the CDC Plain Language Thesaurus (US public domain) and 115 rows
//! picked from the NHS digital service manual A to Z (OGL v3). The file is copied verbatim from
//! the shared data; see NOTICE.

use super::{fields, tsv_lines};
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "term\tplain_alternatives\tcategory_guess\tlocale\tsource\tnote";

/// What a row is about (`category_guess`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JargonCategory {
    /// A medical term (`medical-jargon`).
    Medical,
    /// A general wordy or formal word (`complex-word`, NHS rows: `nhs-style-words`).
    General,
    /// Language that is not inclusive (`inclusive-language`).
    Inclusive,
}

/// Where a row comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JargonSource {
    /// CDC Plain Language Thesaurus for Health Communications (2009), US spelling.
    Cdc,
    /// NHS digital service manual, A to Z of NHS health writing.
    Nhs,
}

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JargonRow {
    /// The term as the source writes it (`nausea`, `cat scan (CT scan)`, `inject/injection`).
    pub term: &'static str,
    /// CDC: comma-separated alternatives, sometimes with remarks; NHS: `; `-separated.
    pub alternatives: &'static str,
    /// The category guess.
    pub category: JargonCategory,
    /// The source.
    pub source: JargonSource,
    /// The NHS note (the A–Z heading and sense), or empty.
    pub note: &'static str,
}

impl JargonRow {
    /// The plain alternatives in order, with bracketed remarks removed and empty items dropped:
    /// CDC rows split on `,` and `;`, NHS rows on `; `. An instruction in brackets (`(name the
    /// place …)`) is kept whole so callers can see it is not a word to swap in.
    pub fn alternatives(&self) -> Vec<String> {
        let raw = self.alternatives.trim();
        if raw.starts_with('(') {
            return vec![raw.to_owned()];
        }
        let parts: Vec<&str> = match self.source {
            JargonSource::Nhs => raw.split("; ").collect(),
            JargonSource::Cdc => raw.split([',', ';']).collect(),
        };
        parts.into_iter().map(|p| strip_brackets(p).trim().to_owned()).filter(|p| !p.is_empty()).collect()
    }
}

/// `p` without bracketed remarks (`take tissue (usually for testing)` → `take tissue`).
pub fn strip_brackets(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut depth = 0u32;
    for c in p.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

static ROWS: LazyLock<Vec<JargonRow>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/jargon-plain.tsv"), HEADER, "jargon-plain.tsv")
        .map(|line| {
            let [term, alternatives, category, _locale, source, note] = fields::<6>(line);
            JargonRow {
                term,
                alternatives,
                category: match category {
                    "medical" => JargonCategory::Medical,
                    "general" => JargonCategory::General,
                    "inclusive" => JargonCategory::Inclusive,
                    other => panic!("jargon-plain.tsv: unknown category {other:?}"),
                },
                source: match source {
                    "CDC-PLT" => JargonSource::Cdc,
                    "NHS-SM" => JargonSource::Nhs,
                    other => panic!("jargon-plain.tsv: unknown source {other:?}"),
                },
                note,
            }
        })
        .collect()
});

/// Every row, in file order.
pub fn rows() -> &'static [JargonRow] {
    &ROWS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_alternatives() {
        assert!(rows().len() > 1200);
        let nausea = rows().iter().find(|r| r.term == "nausea").expect("nausea");
        assert_eq!(nausea.source, JargonSource::Nhs);
        assert_eq!(nausea.alternatives(), ["feeling sick"]);
        let biopsy = rows().iter().find(|r| r.term == "biopsy").expect("biopsy");
        assert_eq!(biopsy.alternatives(), ["take tissue"]);
        let triage = rows().iter().find(|r| r.term == "triage").expect("triage");
        assert!(triage.alternatives()[0].starts_with('('));
    }
}
