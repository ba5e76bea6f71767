//! Hidden verbs (`data/nominalisations.tsv`, ours; SPEC §4.11): a light verb with a noun made from
//! a verb, and the verb to use instead (`make a decision about` → `decide on`).

use super::{fields, tsv_lines};
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "light_verb\tnoun\tpreposition\tverb\tverb_preposition";

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nominalisation {
    /// The light verb in its base form, with any particle (`make`, `carry out`, `be in`); empty
    /// for a fixed phrase without one (`the administration of`).
    pub light_verb: &'static str,
    /// The noun (`decision`), or the whole fixed phrase when there is no light verb.
    pub noun: &'static str,
    /// The preposition after the noun that the row replaces (`about`), or empty.
    pub preposition: &'static str,
    /// The verb to write, base form (`decide`); already inflected when there is no light verb.
    pub verb: &'static str,
    /// The preposition to write after the verb (`on`), or empty.
    pub verb_preposition: &'static str,
}

static ROWS: LazyLock<Vec<Nominalisation>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/nominalisations.tsv"), HEADER, "nominalisations.tsv")
        .map(|line| {
            let [light_verb, noun, preposition, verb, verb_preposition] = fields::<5>(line);
            Nominalisation { light_verb, noun, preposition, verb, verb_preposition }
        })
        .collect()
});

/// Every row, sorted by light verb then noun.
pub fn rows() -> &'static [Nominalisation] {
    &ROWS
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_load() {
        let rows = super::rows();
        assert!(rows.len() >= 25);
        assert!(rows.iter().any(|r| r.light_verb == "make" && r.noun == "decision" && r.verb == "decide"));
    }
}
