//! Plain-language detectors shared by the word and voice rules (SPEC §4) and the language scores
//! (SPEC §3.7): one implementation each, so a score and the rule behind it always agree.
//!
//! * [`terms`]: one Aho–Corasick matcher over every term list (jargon, complex phrases, NHS
//!   style words), with inflections and British/American spellings; [`owners`] says which rule
//!   owns each row in each profile and applies the sense rules.
//! * [`explain`]: terms explained in the text (`feeling sick (nausea)`, glossaries).
//! * [`acronyms`]: acronym uses, the well-known lists and definitions (SPEC §2.4, §4.8).
//! * [`common`]: the common-word test behind `uncommon-word` (SPEC §2.4, §4.6).
//! * [`passive`]: passive constructions and their active rewrites (SPEC §4.3).
//! * [`reader`]: instructions about "patients" instead of to "you" (SPEC §4.10, §6.1 (e)).
//! * [`lexical`]: function words, lexical density, TTR and MTLD (SPEC §3.7).
//! * [`inflect`]: verb and noun forms for matchers and fixes.
//!
//! [`Lang`] holds a document's detector results, each computed on first use and shared by the
//! scores and every rule of one check.

pub mod acronyms;
pub mod common;
pub mod explain;
pub mod inclusive;
pub mod inflect;
pub mod lexical;
pub mod owners;
pub mod passive;
pub mod reader;
pub mod slot;
pub mod terms;

use crate::config::Config;
use crate::document::Document;
use crate::span::ByteSpan;
use crate::text::{token_text, Analysis, Token};
use owners::Owner;
use std::cell::OnceCell;
use std::ops::Range;
use terms::{Entry, TermMatch};

/// Detector results for one document under one configuration, computed lazily.
pub struct Lang<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its units and tokens.
    pub an: &'a Analysis,
    /// The configuration.
    pub cfg: &'a Config,
    terms: OnceCell<Vec<TermMatch>>,
    extra: OnceCell<Vec<TermMatch>>,
    hits: OnceCell<[Vec<(TermMatch, Entry)>; 4]>,
    explained: OnceCell<explain::Explanations>,
    acronyms: OnceCell<acronyms::Acronyms>,
    passives: OnceCell<Vec<passive::Passive>>,
    words: OnceCell<Words>,
    uncommon: OnceCell<Vec<bool>>,
    complex: OnceCell<Vec<bool>>,
    structure: OnceCell<crate::structure::Structure>,
}

/// Word tokens interned by their text, each with its folded lower-case form, so detectors
/// compare words without allocating.
#[derive(Debug, Default)]
pub struct Words {
    /// Per token: the id of its text, or `u32::MAX` for a token that is not a word.
    pub id: Vec<u32>,
    /// Per id: the lower-cased text with curly apostrophes folded to `'`.
    pub lower: Vec<String>,
    /// Per id: word-class bits ([`flags`]), so detectors test a token without comparing strings.
    pub flags: Vec<u16>,
}

/// Word-class bits of an interned word ([`Words::flags`]).
pub mod flags {
    /// A form of *be* (or a `'re`/`'s` contraction).
    pub const BE: u16 = 1;
    /// A form of *get*.
    pub const GET: u16 = 1 << 1;
    /// A function word (SPEC §2.4).
    pub const FUNCTION: u16 = 1 << 2;
    /// The first word of a third-person subject or an opening clause (SPEC §4.10).
    pub const READER_LEAD: u16 = 1 << 6;
    /// A capital letter after the first character (`GPs`, `COPD`, `AFib`).
    pub const INNER_CAPITAL: u16 = 1 << 7;

    /// The bits of one word, from its text and its lower-case form.
    pub fn of(text: &str, lower: &str) -> u16 {
        let mut f = 0;
        if super::passive::is_be(lower) {
            f |= BE;
        }
        if super::passive::is_get(lower) {
            f |= GET;
        }
        if crate::data::function_words::contains(lower) {
            f |= FUNCTION;
        }
        if super::reader::is_lead(lower) {
            f |= READER_LEAD;
        }
        if text.chars().skip(1).any(char::is_uppercase) {
            f |= INNER_CAPITAL;
        }
        f
    }
}

impl<'a> Lang<'a> {
    /// Nothing is computed until asked for.
    pub fn new(doc: &'a Document, an: &'a Analysis, cfg: &'a Config) -> Lang<'a> {
        Lang {
            doc,
            an,
            cfg,
            terms: OnceCell::new(),
            extra: OnceCell::new(),
            hits: OnceCell::new(),
            explained: OnceCell::new(),
            acronyms: OnceCell::new(),
            passives: OnceCell::new(),
            words: OnceCell::new(),
            uncommon: OnceCell::new(),
            complex: OnceCell::new(),
            structure: OnceCell::new(),
        }
    }

    /// Action units and chunks (SPEC §6.1–§6.2), shared with the structure rules.
    pub fn structure(&self) -> &crate::structure::Structure {
        self.structure.get_or_init(|| crate::structure::Structure::new(self.doc, self.an))
    }

    /// Per token: counts as complex language (SPEC §3.7); see [`complex_tokens`].
    pub fn complex(&self) -> &[bool] {
        self.complex.get_or_init(|| complex_tokens(self))
    }

    /// Per token: the §4.6 word test (`uncommon-word` thresholds of the configuration), shared by
    /// the rule and the complex-language score.
    pub fn uncommon(&self) -> &[bool] {
        self.uncommon.get_or_init(|| {
            let level = self.cfg.threshold("uncommon-word", "scowl-level");
            let min_zipf = Some(self.cfg.threshold("uncommon-word", "min-zipf")).filter(|z| *z > 0.0);
            let mut cache = WordCache::new(self);
            self.an
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    t.class == crate::text::tokens::TokenClass::Word
                        && cache.get(i, |text| common::is_uncommon_word(text, t.class, t.unit_start, level, min_zipf))
                })
                .collect()
        })
    }

    /// The interned words of the document.
    pub fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            // The analysis numbered the distinct word texts in order of first use: a word id one
            // past the last seen is a new word.
            let mut words =
                Words { id: Vec::with_capacity(self.an.tokens.len()), lower: Vec::new(), flags: Vec::new() };
            for t in &self.an.tokens {
                if !t.is_word() || t.word_id == u32::MAX {
                    words.id.push(u32::MAX);
                    continue;
                }
                if t.word_id as usize >= words.lower.len() {
                    let text = token_text(self.doc, t);
                    let lower = crate::lexicon::fold(text).into_owned();
                    words.flags.push(flags::of(text, &lower));
                    words.lower.push(lower);
                }
                words.id.push(t.word_id);
            }
            words
        })
    }

    /// The word-class bits of token `i` (0 for a token that is not a word).
    pub fn flags(&self, i: usize) -> u16 {
        let w = self.words();
        match w.id.get(i) {
            Some(&id) if id != u32::MAX => w.flags[id as usize],
            _ => 0,
        }
    }

    /// Token `i` in lower case with apostrophes folded (`""` for a token that is not a word).
    pub fn lower(&self, i: usize) -> &str {
        let w = self.words();
        match w.id.get(i) {
            Some(&id) if id != u32::MAX => &w.lower[id as usize],
            _ => "",
        }
    }

    /// Every match of the built-in term lists (ordered by where they end).
    pub fn terms(&self) -> &[TermMatch] {
        self.terms.get_or_init(|| terms::find(self.doc, self.an))
    }

    /// Matches of the configured extra jargon terms.
    pub fn extra_terms(&self) -> &[TermMatch] {
        self.extra.get_or_init(|| {
            if self.cfg.jargon.is_empty() {
                return Vec::new();
            }
            let keys: Vec<&str> = self.cfg.jargon.keys().map(String::as_str).collect();
            terms::find_extra(&terms::extra_matcher(&keys), self.doc, self.an)
        })
    }

    /// The matches `owner` reports (rows it owns in this profile, sense rules applied, longest
    /// first), in document order.
    pub fn hits(&self, owner: Owner) -> &[(TermMatch, Entry)] {
        &self.hits.get_or_init(|| owners::hits(self))[owners::index(owner)]
    }

    /// Explained terms and glossary entries.
    pub fn explained(&self) -> &explain::Explanations {
        self.explained.get_or_init(|| explain::Explanations::new(self))
    }

    /// Acronym uses and definitions.
    pub fn acronyms(&self) -> &acronyms::Acronyms {
        self.acronyms.get_or_init(|| acronyms::Acronyms::new(self))
    }

    /// Passive constructions, in document order.
    pub fn passives(&self) -> &[passive::Passive] {
        self.passives.get_or_init(|| passive::find(self))
    }

    /// The analysed text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        token_text(self.doc, &self.an.tokens[i])
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> &'a Token {
        &self.an.tokens[i]
    }

    /// The analysed text a match covers.
    pub fn match_text(&self, m: &TermMatch) -> &'a str {
        self.doc.blocks[m.block].analysed.get(m.range.clone()).unwrap_or("")
    }

    /// The word token directly before token `i` in its block (none across punctuation).
    pub fn word_before(&self, i: usize) -> Option<&'a str> {
        let t = self.an.tokens.get(i.checked_sub(1)?)?;
        (t.block == self.an.tokens[i].block && t.is_word()).then(|| token_text(self.doc, t))
    }

    /// The word token directly after token `i` in its block (none across punctuation).
    pub fn word_after(&self, i: usize) -> Option<&'a str> {
        let t = self.an.tokens.get(i + 1)?;
        (t.block == self.an.tokens[i].block && t.is_word()).then(|| token_text(self.doc, t))
    }

    /// The words directly after token `i` in its block, lower case, up to the first token that
    /// is not a word.
    pub fn next_words(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        let block = self.an.tokens.get(i).map(|t| t.block);
        (i + 1..self.an.tokens.len())
            .take_while(move |&j| Some(self.an.tokens[j].block) == block && self.an.tokens[j].is_word())
            .map(|j| self.lower(j))
    }

    /// The words directly before token `i` in its block, nearest first, lower case.
    pub fn prev_words(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        let block = self.an.tokens.get(i).map(|t| t.block);
        (0..i)
            .rev()
            .take_while(move |&j| Some(self.an.tokens[j].block) == block && self.an.tokens[j].is_word())
            .map(|j| self.lower(j))
    }

    /// Up to `n` words directly after token `i` (stopping at punctuation), lower case, spaced.
    pub fn words_after(&self, i: usize, n: usize) -> String {
        self.next_words(i).take(n).collect::<Vec<_>>().join(" ")
    }

    /// Up to `n` words directly before token `i` (stopping at punctuation), lower case, spaced.
    pub fn words_before(&self, i: usize, n: usize) -> String {
        let mut v: Vec<&str> = self.prev_words(i).take(n).collect();
        v.reverse();
        v.join(" ")
    }

    /// The block, analysed byte range and source span of a token range.
    pub fn tokens_span(&self, r: Range<usize>) -> (usize, Range<usize>, ByteSpan) {
        let (a, z) = (&self.an.tokens[r.start], &self.an.tokens[r.end - 1]);
        let block = a.block as usize;
        let range = a.analysed.start..z.analysed.end;
        (block, range.clone(), self.doc.blocks[block].span_of(range))
    }

    /// The analysed text of a token range.
    pub fn tokens_text(&self, r: Range<usize>) -> &'a str {
        let (block, range, _) = self.tokens_span(r);
        self.doc.blocks[block].analysed.get(range).unwrap_or("")
    }

    /// True when token `i` is a capitalised word inside a multi-word name (`World Health
    /// Organization`, `Centers for Disease Control`): not at unit start, with a capitalised word
    /// before or after it (skipping `and`, `of`, `for`, `the`, `on`, `in`).
    pub fn in_name(&self, i: usize) -> bool {
        const LINKS: &[&str] = &["and", "of", "on", "for", "the", "in", "&"];
        if self.an.tokens[i].unit_start || !self.tok(i).starts_with(char::is_uppercase) {
            return false;
        }
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        let before = self.prev_words_raw(i).find(|w| !LINKS.contains(&w.to_lowercase().as_str()));
        let after = self.next_words_raw(i).find(|w| !LINKS.contains(&w.to_lowercase().as_str()));
        before.is_some_and(capital) || after.is_some_and(capital)
    }

    fn next_words_raw(&self, i: usize) -> impl Iterator<Item = &'a str> + '_ {
        let block = self.an.tokens[i].block;
        (i + 1..self.an.tokens.len())
            .take_while(move |&j| self.an.tokens[j].block == block && self.an.tokens[j].is_word())
            .map(|j| self.tok(j))
    }

    fn prev_words_raw(&self, i: usize) -> impl Iterator<Item = &'a str> + '_ {
        let block = self.an.tokens[i].block;
        (0..i)
            .rev()
            .take_while(move |&j| self.an.tokens[j].block == block && self.an.tokens[j].is_word())
            .map(|j| self.tok(j))
    }

    /// The unit index of token `i` (binary search over units).
    pub fn unit_of(&self, i: usize) -> usize {
        self.an.units.partition_point(|u| u.tokens.end <= i).min(self.an.units.len().saturating_sub(1))
    }
}

/// A per-document memo of a yes/no word test, by interned word and whether the token starts its
/// unit (the only context the word tests look at).
pub struct WordCache<'l, 'a> {
    lang: &'l Lang<'a>,
    memo: Vec<u8>,
}

impl<'l, 'a> WordCache<'l, 'a> {
    /// An empty memo for `lang`'s words.
    pub fn new(lang: &'l Lang<'a>) -> Self {
        let n = lang.words().lower.len();
        WordCache { lang, memo: vec![2; n * 2] }
    }
    /// The test's answer for token `i` (a word token), computing it once per distinct word.
    pub fn get(&mut self, i: usize, test: impl FnOnce(&'a str) -> bool) -> bool {
        let id = self.lang.words().id[i];
        if id == u32::MAX {
            return test(self.lang.tok(i));
        }
        let k = id as usize * 2 + usize::from(self.lang.token(i).unit_start);
        if self.memo[k] == 2 {
            self.memo[k] = u8::from(test(self.lang.tok(i)));
        }
        self.memo[k] == 1
    }
}

/// The language scores of SPEC §3.7 that come from these detectors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanguageScores {
    /// SHeLL-compatible complex-language percentage.
    pub complex_language_pct: Option<f64>,
    /// Passives in counted units.
    pub passive_count: u64,
    /// Counted units with a passive ÷ counted units.
    pub passive_share: Option<f64>,
    /// Action units addressed to the reader ÷ action units.
    pub second_person_share: Option<f64>,
    /// Lexical density, TTR, MTLD.
    pub lexical: lexical::Lexical,
    /// Distinct acronyms not well known.
    pub acronym_count: u64,
}

/// Tokens of the document that count as complex language (SPEC §3.7): inside an active
/// jargon-list match of `medical-jargon`, `complex-word` or `nhs-style-words` (explained or
/// not), uncommon (§4.6 word test), or an acronym that is not well known.
pub fn complex_tokens(lang: &Lang<'_>) -> Vec<bool> {
    let mut complex = vec![false; lang.an.tokens.len()];
    for owner in [Owner::MedicalJargon, Owner::ComplexWord, Owner::NhsStyle] {
        for (m, e) in lang.hits(owner) {
            if matches!(e.term, terms::TermRef::Jargon(_) | terms::TermRef::Extra(_)) {
                complex[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    let acr = lang.acronyms();
    for (_, info) in acr.not_well_known(lang) {
        for &i in &info.uses {
            complex[i] = true;
        }
    }
    for (c, u) in complex.iter_mut().zip(lang.uncommon()) {
        *c |= *u;
    }
    complex
}

/// Complex-language percentage and passive count of a range of units (a chunk's body, SPEC
/// §6.2), with the document scores' definitions.
pub fn unit_range_scores(lang: &Lang<'_>, units: Range<usize>) -> (Option<f64>, u32) {
    let complex = lang.complex();
    let (mut words, mut hard) = (0usize, 0usize);
    for u in &lang.an.units[units.clone()] {
        for i in u.tokens.clone() {
            if lang.an.tokens[i].is_word() {
                words += 1;
                hard += usize::from(complex[i]);
            }
        }
    }
    // Passives are in unit order: take the chunk's slice.
    let all = lang.passives();
    let passives = all.partition_point(|p| p.unit < units.end) - all.partition_point(|p| p.unit < units.start);
    ((words > 0).then(|| 100.0 * hard as f64 / words as f64), passives as u32)
}

/// Compute the detector-based language scores.
pub fn scores(lang: &Lang<'_>) -> LanguageScores {
    let words_total: usize = lang.an.units.iter().map(|u| u.words as usize).sum();
    let complex = lang.complex();
    let n_complex = lang.an.tokens.iter().zip(complex).filter(|(t, c)| **c && t.is_word()).count();
    let counted: Vec<bool> = lang.an.units.iter().map(|u| u.counted).collect();
    let s = counted.iter().filter(|c| **c).count();
    let passives = lang.passives();
    let passive_count = passives.iter().filter(|p| counted[p.unit]).count();
    let mut with_passive: Vec<usize> = passives.iter().filter(|p| counted[p.unit]).map(|p| p.unit).collect();
    with_passive.dedup();
    // Action units (SPEC §6.1 (a)–(d), the structure's own) are addressed to the reader; the
    // third-person instructions of §4.10 are actions (e) that are not.
    let structure = lang.structure();
    let (mut addressed, mut actions) = (0usize, 0usize);
    for (ui, u) in lang.an.units.iter().enumerate() {
        if u.kind == crate::text::UnitKind::Heading {
            continue;
        }
        if structure.is_action(ui) {
            addressed += 1;
            actions += 1;
        } else if reader::find_in_unit(lang, ui).is_some() {
            actions += 1;
        }
    }
    LanguageScores {
        complex_language_pct: (words_total > 0).then(|| 100.0 * n_complex as f64 / words_total as f64),
        passive_count: passive_count as u64,
        passive_share: (s > 0).then(|| with_passive.len() as f64 / s as f64),
        second_person_share: (actions > 0).then(|| addressed as f64 / actions as f64),
        lexical: lexical::scores(lang),
        acronym_count: lang.acronyms().not_well_known(lang).count() as u64,
    }
}
