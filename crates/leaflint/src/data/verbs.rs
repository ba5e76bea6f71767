//! Irregular English verbs (`data/irregular-verbs.tsv`, ours): base form, simple past and past
//! participle, alternatives joined by `|` with the preferred form first (`got|gotten`). Used to
//! find passives (SPEC §4.3) and to inflect the verbs that fixes write (§4.3, §4.11).

use super::{fields, tsv_lines};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "base\tpast\tpast_participle";

/// One irregular verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IrregularVerb {
    /// Base form (`give`).
    pub base: &'static str,
    /// Simple past forms, preferred first (`gave`).
    pub past: Vec<&'static str>,
    /// Past participles, preferred first (`given`).
    pub participle: Vec<&'static str>,
}

struct Table {
    verbs: Vec<IrregularVerb>,
    by_base: HashMap<&'static str, usize>,
    by_participle: HashMap<&'static str, usize>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let verbs: Vec<IrregularVerb> =
        tsv_lines(include_str!("../../data/irregular-verbs.tsv"), HEADER, "irregular-verbs.tsv")
            .map(|line| {
                let [base, past, participle] = fields::<3>(line);
                IrregularVerb { base, past: past.split('|').collect(), participle: participle.split('|').collect() }
            })
            .collect();
    let mut by_base = HashMap::default();
    let mut by_participle = HashMap::default();
    for (i, v) in verbs.iter().enumerate() {
        by_base.insert(v.base, i);
        for p in &v.participle {
            by_participle.entry(*p).or_insert(i);
        }
    }
    Table { verbs, by_base, by_participle }
});

/// The irregular verb with this base form.
pub fn by_base(base: &str) -> Option<&'static IrregularVerb> {
    let t: &'static Table = &TABLE;
    t.by_base.get(base).map(|&i| &t.verbs[i])
}

/// The irregular verb with this past participle (`given` → give).
pub fn by_participle(participle: &str) -> Option<&'static IrregularVerb> {
    let t: &'static Table = &TABLE;
    t.by_participle.get(participle).map(|&i| &t.verbs[i])
}

/// Every verb, sorted by base form.
pub fn all() -> &'static [IrregularVerb] {
    &TABLE.verbs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert!(all().len() > 150);
        assert_eq!(by_participle("given").map(|v| v.base), Some("give"));
        assert_eq!(by_participle("gotten").map(|v| v.base), Some("get"));
        assert_eq!(by_base("see").map(|v| v.past[0]), Some("saw"));
        assert!(by_base("check").is_none());
    }
}
