//! Which rule owns each row of the term lists in each profile (SPEC §4.4, §4.5, §4.12, §4.15),
//! and the context rules that decide whether a match is a use of the row. The rules and the
//! complex-language score both read the hits from here, so they always agree.

use super::terms::{self, TermMatch, TermRef};
use super::Lang;
use crate::config::Profile;
use crate::data::jargon::{JargonCategory, JargonSource};
use crate::data::{frequency, jargon, phrases, scowl, style_words};
use crate::lexicon;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The rule a term-list row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// `medical-jargon` (SPEC §4.4).
    MedicalJargon,
    /// `complex-word` (§4.5).
    ComplexWord,
    /// `inclusive-language` (§4.12).
    Inclusive,
    /// `nhs-style-words` (§4.15).
    NhsStyle,
}

/// Who owns a row, per profile group, and whether it is off unless `extended` is set.
#[derive(Clone, Copy, Debug, Default)]
struct RowOwner {
    uk: Option<Owner>,
    us: Option<Owner>,
    off_by_default: bool,
}

/// Complex phrases off by default (SPEC §4.5): their sense depends on context and health texts
/// mostly use the other sense. `very` and `literally` belong to `vague-qualifier`, `assess` to
/// `nominalisation`.
pub const PHRASES_OFF: &[&str] = &[
    "address",
    "assess",
    "benefit",
    "combined",
    "deliver",
    "drive",
    "effect",
    "forward",
    "function",
    "impact",
    "it is",
    "key",
    "land",
    "literally",
    "monitor",
    "operate",
    "overall",
    "progress",
    "promote",
    "said",
    "state",
    "subject",
    "such",
    "there are",
    "there is",
    "type",
    "very",
    // Ours: dose limits are written this way on every medicine label and in NHS guidance
    // ("the maximum dose"); "greatest dose" and "least dose" are not plainer.
    "maximum",
    "minimum",
];

/// NHS medical and inclusive rows off by default (SPEC §4.4, §4.12): common senses that are fine.
pub const NHS_OFF: &[&str] = &["gas", "passing", "urine"];

/// NHS A to Z rows that state a house preference for a public audience (`chance` for `risk`):
/// `nhs-style-words` at info in the UK profiles, not `medical-jargon`.
pub const NHS_PREFERENCES: &[&str] = &["risk"];

/// Words the NHS A to Z uses itself (`being sick (vomiting)`, `bacteria`, `vaccinated`), so the
/// US thesaurus rows for them are off in the UK profiles (ours, from the A to Z text).
pub const NHS_USES: &[&str] =
    &["bacteria", "bacterium", "glucose", "vaccinate", "vaccinated", "vaccination", "vaccine", "vomit", "vomiting"];

/// A CDC `general` row is a thesaurus entry, not a hard word: we keep it only when one of its
/// words is rarer than this Zipf frequency (and not SCOWL level ≤ 20)†.
pub const CDC_GENERAL_MAX_ZIPF: f32 = 4.0;

fn acronymish(term: &str) -> bool {
    let letters: Vec<char> = term.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().filter(|c| c.is_uppercase()).count() * 2 >= letters.len()
        || crate::text::tokens::acronym_shape(term)
}

fn rare_word(w: &str) -> bool {
    let level = scowl::lookup(w).map_or(99, |e| e.level);
    let zipf = frequency::lookup(w).map_or(0.0, |f| f.zipf);
    level >= 35 && zipf < CDC_GENERAL_MAX_ZIPF
}

struct Owners {
    jargon: Vec<RowOwner>,
    phrases: Vec<RowOwner>,
}

static OWNERS: LazyLock<Owners> = LazyLock::new(|| {
    let rows = jargon::rows();
    let nhs_terms: HashSet<String> =
        rows.iter().filter(|r| r.source == JargonSource::Nhs).map(|r| r.term.to_lowercase()).collect();
    let phrase_terms: HashSet<String> = phrases::rows().iter().map(|r| r.phrase.to_lowercase()).collect();
    let style_terms: HashSet<&str> = style_words::rows().iter().map(|r| r.flagged).collect();
    let jargon = rows
        .iter()
        .map(|r| {
            let lower = r.term.to_lowercase();
            let mut o = RowOwner::default();
            match r.source {
                JargonSource::Nhs => {
                    o.off_by_default = NHS_OFF.contains(&lower.as_str());
                    o.uk = match r.category {
                        // A house preference for the public, not a word readers do not know.
                        JargonCategory::Medical if NHS_PREFERENCES.contains(&lower.as_str()) => Some(Owner::NhsStyle),
                        JargonCategory::Medical => Some(Owner::MedicalJargon),
                        JargonCategory::Inclusive if super::inclusive::is_condition_noun(&lower) => None,
                        JargonCategory::Inclusive => Some(Owner::Inclusive),
                        JargonCategory::General if style_terms.contains(lower.as_str()) => None,
                        JargonCategory::General => Some(Owner::NhsStyle),
                    };
                }
                JargonSource::Cdc => {
                    let forms = terms::base_forms(r.term, true);
                    let everyday = forms.iter().any(|f| lexicon::is_everyday_health(f));
                    let level10 = !lower.contains(' ')
                        && scowl::lookup(&lower).is_some_and(|e| e.level <= lexicon::FAMILIAR_SCOWL_LEVEL);
                    let abbreviation =
                        crate::data::acronyms::rows().iter().any(|a| a.acronym.eq_ignore_ascii_case(r.term));
                    // `Centers for Disease Control and Prevention` → `CDC`: a name, not jargon.
                    let names_an_acronym = r.alternatives().first().is_some_and(|a| acronymish(a));
                    if everyday || level10 || acronymish(r.term) || abbreviation || names_an_acronym {
                        return o;
                    }
                    let owner = match r.category {
                        JargonCategory::Medical => Some(Owner::MedicalJargon),
                        JargonCategory::General
                            if !phrase_terms.contains(&lower)
                                && forms.iter().any(|f| f.split([' ', '-']).any(rare_word)) =>
                        {
                            Some(Owner::ComplexWord)
                        }
                        _ => None,
                    };
                    o.us = owner;
                    // The NHS A to Z owns its words in the UK profiles: a CDC row is dropped
                    // where the A to Z has a row or an entry for the word, or uses it.
                    let nhs_uses =
                        NHS_USES.contains(&lower.as_str()) || crate::data::a_to_z::guidance(&lower).is_some();
                    o.uk = if nhs_terms.contains(&lower) || nhs_uses { None } else { owner };
                }
            }
            o
        })
        .collect();
    let phrases = phrases::rows()
        .iter()
        .map(|r| {
            let note = r.note;
            let alts = r.alternatives();
            let off = PHRASES_OFF.contains(&r.phrase)
                || ["unless", "as a verb", "legalese sense only", "pattern:"].iter().any(|p| note.starts_with(p))
                || (r.source.contains("GOV.UK") && alts.is_empty())
                || r.phrase.contains('/')
                || alts.iter().any(|a| a.contains(['…', '(', '_']) || *a == "x" || *a == "remove");
            RowOwner { uk: Some(Owner::ComplexWord), us: Some(Owner::ComplexWord), off_by_default: off }
        })
        .collect();
    Owners { jargon, phrases }
});

/// The rule that owns a row under `profile`; `extended` turns on the rows that are off by default.
pub fn owner(r: TermRef, profile: Profile, extended: impl Fn(Owner) -> bool) -> Option<Owner> {
    let o = match r {
        TermRef::Jargon(i) => OWNERS.jargon.get(i as usize).copied()?,
        TermRef::Phrase(i) => OWNERS.phrases.get(i as usize).copied()?,
        TermRef::Style(_) => RowOwner { uk: Some(Owner::NhsStyle), us: None, off_by_default: false },
        TermRef::Extra(_) => return Some(Owner::MedicalJargon),
        TermRef::Expansion(_) => return None,
    };
    let owner = if profile.is_uk() { o.uk } else { o.us }?;
    (!o.off_by_default || extended(owner)).then_some(owner)
}

/// Number of jargon rows active for `owner` in `profile` (default settings; forces the tables).
pub fn active_rows(owner_of: Owner, profile: Profile) -> usize {
    (0..jargon::rows().len() as u32)
        .filter(|&i| owner(TermRef::Jargon(i), profile, |_| false) == Some(owner_of))
        .count()
}

const DETERMINERS: &[&str] = &["the", "this", "that", "a", "an", "your", "their", "his", "her", "its"];
const APPLY_BEFORE: &[&str] = &["cream", "gel", "ointment", "lotion", "it", "a"];
const ORAL_BEFORE: &[&str] =
    &["medicine", "medicines", "tablets", "tablet", "contraceptive", "contraceptives", "cancer"];
const NAMED_FEVER: &[&str] =
    &["scarlet", "hay", "glandular", "yellow", "rheumatic", "typhoid", "dengue", "lassa", "q", "valley", "spotted"];
const ILLEGAL: &[&str] = &["illegal", "recreational", "street", "illicit", "party"];
const NAME_LINKS: &[&str] = &["and", "of", "on", "for", "the", "in", "&"];
/// Terms with a sense rule in [`in_context`].
const SENSE_TERMS: &[&str] =
    &["acute", "chronic", "disease", "disorder", "apply", "oral", "fever", "vomiting", "drugs", "alternative"];

/// Per jargon row: its term is one of [`SENSE_TERMS`] (a flag per row, not string compares per match).
static SENSE_ROWS: std::sync::LazyLock<Vec<bool>> =
    std::sync::LazyLock::new(|| jargon::rows().iter().map(|r| SENSE_TERMS.contains(&r.term)).collect());

fn is(word: Option<&str>, list: &[&str]) -> bool {
    word.is_some_and(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// Context rules for NHS rows with sense notes (SPEC §4.4) and names: is this match a use?
fn in_context(lang: &Lang<'_>, m: &TermMatch, r: TermRef, all: &[TermMatch]) -> bool {
    let text = lang.match_text(m);
    let capital = !lang.token(m.tokens.start).unit_start && text.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    let special = match r {
        TermRef::Jargon(i) => SENSE_ROWS.get(i as usize).copied().unwrap_or(false),
        _ => false,
    };
    if !capital && !special {
        return true;
    }
    let prev = lang.word_before(m.tokens.start);
    let next = lang.word_after(m.tokens.end - 1);
    // A capitalised term inside a name (`Joint Committee on Vaccination and Immunisation`).
    if capital && !text.chars().skip(1).all(char::is_uppercase) {
        let mut k = m.tokens.start;
        let mut before = None;
        while let Some(w) = lang.word_before(k) {
            if !NAME_LINKS.contains(&w) {
                before = Some(w);
                break;
            }
            k -= 1;
        }
        if before.is_some_and(|p| p.starts_with(char::is_uppercase))
            || next.is_some_and(|n| n.starts_with(char::is_uppercase))
        {
            return false;
        }
    }
    let TermRef::Jargon(i) = r else { return true };
    let row = &jargon::rows()[i as usize];
    match (row.source, row.term) {
        (_, "acute" | "chronic") => {
            // Matches come by block, then by end: only this block's can contain `m`.
            let from = all.partition_point(|o| o.block < m.block);
            let to = all.partition_point(|o| o.block <= m.block);
            let inside = all[from..to].iter().any(|o| {
                o.block == m.block
                    && o.tokens.start <= m.tokens.start
                    && o.tokens.end >= m.tokens.end
                    && o.tokens.len() > m.tokens.len()
                    && o.entries.iter().any(|e| matches!(e.term, TermRef::Jargon(_) | TermRef::Expansion(_)))
            });
            // A condition name: the next word is capitalised or itself uncommon (`acute
            // lymphoblastic leukaemia`).
            let name_next = next.is_some_and(|n| {
                n.starts_with(char::is_uppercase)
                    || super::common::is_uncommon_word(n, crate::text::tokens::TokenClass::Word, false, 50.0, None)
            });
            !inside && !name_next
        }
        (JargonSource::Nhs, "disease" | "disorder") => is(prev, DETERMINERS),
        (JargonSource::Nhs, "apply") => {
            let after = lang.words_after(m.tokens.end - 1, 3);
            let mut w = after.split(' ');
            let (w1, w2) = (w.next().unwrap_or(""), w.next().unwrap_or(""));
            let object = if matches!(w1, "the" | "this" | "your" | "some" | "more") { w2 } else { w1 };
            APPLY_BEFORE.contains(&object) && (object != "a" || after.ends_with("thin layer"))
        }
        (JargonSource::Nhs, "oral") => is(next, ORAL_BEFORE),
        (JargonSource::Nhs, "fever") => {
            !is(prev, NAMED_FEVER)
                && !prev
                    .is_some_and(|p| p.starts_with(char::is_uppercase) && !lang.an.tokens[m.tokens.start].unit_start)
        }
        (JargonSource::Nhs, "vomiting") => !is(next, &["blood"]),
        (JargonSource::Nhs, "drugs") => !is(prev, ILLEGAL),
        (_, "alternative") => !lang.words_before(m.tokens.start, 2).eq_ignore_ascii_case("complementary and"),
        _ => true,
    }
}

/// Index of an owner in per-owner arrays.
pub fn index(o: Owner) -> usize {
    match o {
        Owner::MedicalJargon => 0,
        Owner::ComplexWord => 1,
        Owner::Inclusive => 2,
        Owner::NhsStyle => 3,
    }
}

/// The matches each owner reports under the current configuration (indexed by [`index`]): rows
/// it owns, context rules applied, longest first, in document order. One pass over the matches.
pub fn hits(lang: &Lang<'_>) -> [Vec<(TermMatch, terms::Entry)>; 4] {
    let profile = lang.cfg.profile;
    // The `extended` settings, read once (a config look-up per match would dominate).
    let ext = ["medical-jargon", "complex-word", "inclusive-language", "nhs-style-words"]
        .map(|id| lang.cfg.threshold(id, "extended") > 0.0);
    let extended = |o: Owner| ext[index(o)];
    let all = lang.terms();
    let extra = lang.extra_terms();
    let mut chosen: [Vec<(TermMatch, terms::Entry)>; 4] = Default::default();
    for m in all.iter().chain(extra) {
        let mut best: [Option<terms::Entry>; 4] = [None; 4];
        for e in m.entries {
            let Some(o) = owner(e.term, profile, extended) else { continue };
            let b = &mut best[index(o)];
            if b.is_none_or(|b| b.inflected && !e.inflected) {
                *b = Some(*e);
            }
        }
        for (k, e) in best.into_iter().enumerate() {
            if let Some(e) = e {
                if in_context(lang, m, e.term, all) {
                    chosen[k].push((m.clone(), e));
                }
            }
        }
    }
    chosen.map(|c| {
        let mut c = terms::longest_first(c, |(m, _)| m);
        c.sort_by_key(|(m, _)| m.tokens.start);
        c
    })
}
