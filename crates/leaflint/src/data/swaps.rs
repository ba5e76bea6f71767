//! Part of speech and fitting alternatives for every word swap (`data/swaps.tsv`, ours): one row
//! per term of the complex-word lists (and the medical CDC rows whose thesaurus alternative
//! changes the meaning). The source lists stay verbatim; this table decides which of their
//! alternatives fit the term's slot in a sentence (`require` → `need`, never `must`), drops the
//! ones that change the meaning (`indication` → `sign`, `determine` → `decide`) and gives the part
//! of speech the fix inflects by (`requires` → `needs`).

use super::{fields, tsv_lines};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The header the parser expects.
pub const HEADER: &str = "term\tpos\talternatives\tnote";

/// The part of speech of a term and of its alternatives (they share the slot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pos {
    /// A noun (`option` → `choice`; plurals follow).
    Noun,
    /// A verb: alternatives are inflected like the term (`requires` → `needs`); a phrasal
    /// alternative keeps its particle (`speeds up`).
    Verb,
    /// An adjective.
    Adj,
    /// An adverb.
    Adv,
    /// A subordinating conjunction (`whereas` → `while`).
    Conj,
    /// A conjunctive adverb (`however` → `but`): swapped only at the start of a clause it can join.
    ConjAdv,
    /// A preposition (`prior to` → `before`); a noun or `-ing` form follows.
    Prep,
    /// A determiner (`a number of` → `some`).
    Det,
    /// A modal verb (`shall`).
    Modal,
    /// A fixed phrase, swapped only as written.
    Phrase,
}

impl Pos {
    fn parse(s: &str) -> Pos {
        match s {
            "noun" => Pos::Noun,
            "verb" => Pos::Verb,
            "adj" => Pos::Adj,
            "adv" => Pos::Adv,
            "conj" => Pos::Conj,
            "conj-adv" => Pos::ConjAdv,
            "prep" => Pos::Prep,
            "det" => Pos::Det,
            "modal" => Pos::Modal,
            "phrase" => Pos::Phrase,
            other => panic!("swaps.tsv: unknown part of speech {other:?}"),
        }
    }
    /// The name used in the data file.
    pub fn name(self) -> &'static str {
        match self {
            Pos::Noun => "noun",
            Pos::Verb => "verb",
            Pos::Adj => "adj",
            Pos::Adv => "adv",
            Pos::Conj => "conj",
            Pos::ConjAdv => "conj-adv",
            Pos::Prep => "prep",
            Pos::Det => "det",
            Pos::Modal => "modal",
            Pos::Phrase => "phrase",
        }
    }
}

/// One row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    /// The term, lower case, as the source list writes it.
    pub term: &'static str,
    /// Its part of speech.
    pub pos: Pos,
    /// Alternatives that fit the same slot, `; `-separated (empty: no swap fits).
    pub alternatives: &'static str,
    /// Why an alternative was dropped, or empty.
    pub note: &'static str,
}

impl Swap {
    /// The alternatives in order.
    pub fn alternatives(&self) -> Vec<&'static str> {
        self.alternatives.split("; ").map(str::trim).filter(|a| !a.is_empty()).collect()
    }
}

static ROWS: LazyLock<Vec<Swap>> = LazyLock::new(|| {
    tsv_lines(include_str!("../../data/swaps.tsv"), HEADER, "swaps.tsv")
        .map(|line| {
            let [term, pos, alternatives, note] = fields::<4>(line);
            Swap { term, pos: Pos::parse(pos), alternatives, note }
        })
        .collect()
});

static INDEX: LazyLock<FxHashMap<&'static str, usize>> =
    LazyLock::new(|| ROWS.iter().enumerate().map(|(i, r)| (r.term, i)).collect());

/// Every row, sorted by term.
pub fn rows() -> &'static [Swap] {
    &ROWS
}

/// The row for a lower-case term.
pub fn lookup(term_lower: &str) -> Option<&'static Swap> {
    INDEX.get(term_lower).map(|&i| &ROWS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_load() {
        let r = lookup("require").expect("require");
        assert_eq!((r.pos, r.alternatives()), (Pos::Verb, vec!["need"]));
        assert_eq!(lookup("however").map(|r| r.pos), Some(Pos::ConjAdv));
        assert!(lookup("indication").is_some_and(|r| r.alternatives().is_empty()));
    }
}
