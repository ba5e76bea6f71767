//! Acronyms (SPEC §2.4, §4.8): which tokens are acronyms, which are well known in a profile, and
//! where each is defined.
//!
//! An acronym is a token of acronym shape (SPEC §2.3 step 3, [`TokenClass::Acronym`]) or a
//! word written exactly as a row of `acronyms.tsv` — but not dosing shorthand or a unit (those
//! are `clinical-shorthand`'s), not emphasis (an all-capital common word such as `DANGER`), and
//! not `OK`/`TV`. Its key drops full stops and a plural or possessive ending (`GPs`, `GP's` →
//! `GP`; `U.S.` → `US`).
//!
//! Definitions: `Full Name (ABC)` — the words before the bracket match the letters by initials
//! (and/of/the/for/in/to ignored, hyphen parts counted, one letter may be skipped) or equal the
//! expansion in `acronyms.tsv`; `ABC (full name)` — ≥ 2 words in brackets; `ABC stands for /
//! means / is short for …`; a glossary entry.

use super::explain::{bracket_after, text_of, words_in};
use super::Lang;
use crate::config::Profile;
use crate::data::acronyms as table;
use crate::document::BlockKind;
use crate::lexicon;
use crate::text::tokens::TokenClass;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Well known in every UK profile's list (SPEC §1.6), as written.
pub const EASY_READ_WELL_KNOWN: &[&str] = &["NHS", "GP", "A&E", "UK"];
/// Added to the `nhs` list: the form SPEC §4.15 writes (`long COVID`).
/// `US` and `PDF` are known as words are (an NHS editor would not spell them out).
pub const NHS_EXTRA: &[&str] = &["COVID", "US", "USA", "PDF"];
/// Added to the `us` list.
pub const US_EXTRA: &[&str] = &["US", "USA"];
/// All-capital tokens that are words, not acronyms.
pub const NOT_ACRONYMS: &[&str] = &["OK", "TV", "AM", "PM", "I", "MD", "PhD", "BSc", "MSc", "MBA", "MPH"];
/// Words skipped when matching initials.
const SKIP_WORDS: &[&str] = &["and", "of", "the", "for", "in", "to", "&", "on", "at", "with", "by", "a", "an"];

/// True when `key` is well known in `profile` (before `allow-acronyms`).
pub fn well_known(key: &str, profile: Profile) -> bool {
    match profile {
        Profile::EasyRead => EASY_READ_WELL_KNOWN.contains(&key),
        Profile::Nhs => NHS_EXTRA.contains(&key) || table::lookup(key).any(|r| r.well_known),
        Profile::Us => US_EXTRA.contains(&key) || table::lookup(key).any(|r| r.well_known && r.region == "both"),
    }
}

/// The key of an acronym-looking word (`GPs` → `GP`, `U.S.` → `US`).
pub fn key(text: &str) -> String {
    let t = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")).unwrap_or(text);
    let t: String = t.chars().filter(|&c| c != '.').collect();
    if table::lookup(&t).next().is_some() {
        return t;
    }
    match t.strip_suffix('s') {
        Some(base) if base.chars().last().is_some_and(char::is_uppercase) => base.to_owned(),
        _ => t,
    }
}

/// The acronym key of token `i`, if the token is an acronym (see the module docs).
pub fn acronym_at(lang: &Lang<'_>, i: usize) -> Option<String> {
    let t = lang.token(i);
    if !matches!(t.class, TokenClass::Acronym | TokenClass::Word) {
        return None;
    }
    let text = lang.tok(i);
    if t.class == TokenClass::Word && !text.chars().skip(1).any(char::is_uppercase) {
        return None; // rows of acronyms.tsv that are not acronym-shaped have a capital inside
    }
    let k = key(text);
    let rows: Vec<_> = table::lookup(&k).collect();
    if rows.iter().any(|r| r.is_shorthand_or_unit()) || NOT_ACRONYMS.contains(&k.as_str()) {
        return None;
    }
    if t.class == TokenClass::Word && rows.is_empty() {
        return None;
    }
    let letters = k.chars().filter(|c| c.is_alphabetic()).count();
    if rows.is_empty() && letters >= 4 && k.chars().all(|c| !c.is_lowercase()) {
        let lower = k.to_lowercase();
        if lexicon::is_everyday_health(&lower) || lexicon::zipf(&lower).is_some() {
            return None; // emphasis: `DANGER`, `SEPSIS`
        }
    }
    Some(k)
}

/// One acronym: its uses and what the text does with it.
#[derive(Debug, Default)]
pub struct AcronymInfo {
    /// Token indices of every use, in order.
    pub uses: Vec<usize>,
    /// Token indices of the uses that define it.
    pub definitions: Vec<usize>,
}

/// Acronyms of a document, by key.
#[derive(Debug, Default)]
pub struct Acronyms {
    /// Keys in order of first use.
    pub keys: Vec<String>,
    /// Uses and definitions, parallel to `keys`.
    pub info: Vec<AcronymInfo>,
}

impl Acronyms {
    /// Find every acronym use and definition.
    pub fn new(lang: &Lang<'_>) -> Acronyms {
        const UNKNOWN: u32 = u32::MAX - 1;
        const NONE: u32 = u32::MAX;
        let mut out = Acronyms::default();
        let words = lang.words();
        let mut index: HashMap<String, u32> = HashMap::default();
        // acronym_at depends on the token's text and class only: memo (key index) by word and class.
        let mut memo: Vec<u32> = vec![UNKNOWN; words.lower.len() * 2];
        for (i, t) in lang.an.tokens.iter().enumerate() {
            let id = words.id[i];
            if id == u32::MAX
                || !matches!(t.class, TokenClass::Word | TokenClass::Acronym)
                || (t.class == TokenClass::Word && words.flags[id as usize] & super::flags::INNER_CAPITAL == 0)
            {
                continue;
            }
            let slot = id as usize * 2 + usize::from(t.class == TokenClass::Acronym);
            if memo[slot] == UNKNOWN {
                memo[slot] = match acronym_at(lang, i) {
                    None => NONE,
                    Some(k) => *index.entry(k.clone()).or_insert_with(|| {
                        out.keys.push(k);
                        out.info.push(AcronymInfo::default());
                        (out.keys.len() - 1) as u32
                    }),
                };
            }
            let k = memo[slot];
            if k == NONE {
                continue;
            }
            let info = &mut out.info[k as usize];
            info.uses.push(i);
            if defines(lang, i, &out.keys[k as usize]) {
                info.definitions.push(i);
            }
        }
        out
    }

    /// The uses and definitions of `key`.
    pub fn get(&self, key: &str) -> Option<&AcronymInfo> {
        self.keys.iter().position(|k| k == key).map(|i| &self.info[i])
    }

    /// Keys (with their uses) not well known in the profile nor allowed by the configuration.
    pub fn not_well_known<'s>(
        &'s self,
        lang: &'s Lang<'_>,
    ) -> impl Iterator<Item = (&'s String, &'s AcronymInfo)> + 's {
        self.keys.iter().zip(&self.info).filter(move |(k, _)| !is_exempt(lang, k))
    }
}

/// Well known in the profile or on `allow-acronyms`.
pub fn is_exempt(lang: &Lang<'_>, key: &str) -> bool {
    well_known(key, lang.cfg.profile) || lang.cfg.allow_acronyms.iter().any(|a| a == key)
}

/// Lower-case letters of an acronym (`A&E` → `ae`, `eGFR` → `egfr`).
fn letters(key: &str) -> Vec<char> {
    key.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect()
}

/// True when the words' initials spell `letters`, allowing one skipped letter.
pub fn initials_match(words: &[String], letters: &[char]) -> bool {
    let initials: Vec<char> = words
        .iter()
        .flat_map(|w| w.split(['-', '‐']))
        .filter(|w| !w.is_empty() && !SKIP_WORDS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    if initials.is_empty() || initials.len() > letters.len() {
        return false;
    }
    if initials == letters {
        return true;
    }
    // One letter of the acronym has no word (`cardiopulmonary resuscitation (CPR)`).
    initials.len() + 1 == letters.len()
        && initials[0] == letters[0]
        && (0..letters.len()).any(|skip| {
            letters.iter().enumerate().filter(|(j, _)| *j != skip).map(|(_, c)| *c).eq(initials.iter().copied())
        })
}

/// Words (as written) of the token range, lower case.
fn words_of(lang: &Lang<'_>, r: Range<usize>) -> Vec<String> {
    r.filter(|&k| lang.token(k).is_word()).map(|k| lang.tok(k).to_lowercase()).collect()
}

/// True when the text around the use at token `i` defines `key`.
fn defines(lang: &Lang<'_>, i: usize, key: &str) -> bool {
    let tok_is = |j: usize, s: &str| lang.an.tokens.get(j).is_some_and(|_| lang.tok(j) == s);
    let next = lang.lower(i + 1);
    let bracket = tok_is(i + 1, "(") || (i > 0 && tok_is(i - 1, "(")) || (i > 1 && tok_is(i - 2, "("));
    if !bracket && !matches!(next, "stands" | "means" | "is") {
        return false;
    }
    let want = letters(key);
    let expansions: Vec<String> = table::lookup(key).map(|r| r.expansion_plain().to_lowercase()).collect();
    // ABC (full name)
    if let Some(inner) = bracket_after(lang, i + 1) {
        if words_in(lang, inner.clone()) >= 2 {
            return true;
        }
        // `TB (tuberculosis)`: one word that holds the letters in order, from its first.
        let w = words_of(lang, inner);
        if w.len() == 1 && w[0].len() > want.len() && w[0].starts_with(want[0]) && {
            let mut cs = w[0].chars();
            want.iter().all(|c| cs.any(|x| x == *c))
        } {
            return true;
        }
    }
    // Full Name (ABC), also with a qualifier inside the bracket: `Committee (UK NSC)`.
    let open = if i >= 1 && lang.tok(i - 1) == "(" {
        Some(i - 1)
    } else if i >= 2
        && lang.tok(i - 2) == "("
        && lang.token(i - 1).is_word()
        && lang.tok(i - 1).chars().all(|c| c.is_ascii_uppercase())
    {
        Some(i - 2)
    } else {
        None
    };
    if let Some(open) = open.filter(|&o| o >= 1 && lang.an.tokens.get(i + 1).is_some_and(|_| lang.tok(i + 1) == ")")) {
        let i = open + 1;
        let block = lang.token(i).block;
        let mut start = i - 1;
        while start > 0 && lang.token(start - 1).block == block && lang.token(start - 1).is_word() && i - start < 16 {
            start -= 1;
        }
        let words = words_of(lang, start..i - 1);
        let before = text_of(lang, start..i - 1).to_lowercase();
        if expansions.iter().any(|e| before.ends_with(e.as_str())) {
            return true;
        }
        if (1..=words.len()).any(|n| initials_match(&words[words.len() - n..], &want)) {
            return true;
        }
    }
    let after = lang.words_after(i, 3);
    after.starts_with("stands for") || after.starts_with("means") || after.starts_with("is short for")
}

/// True when the use at token `i` is in a heading and the acronym is defined before the next
/// heading (SPEC §4.8: such a heading use is ignored).
pub fn heading_use_defined_soon(lang: &Lang<'_>, i: usize, info: &AcronymInfo) -> bool {
    let b = lang.token(i).block as usize;
    if !matches!(lang.doc.blocks[b].kind, BlockKind::Heading { .. }) {
        return false;
    }
    let next_heading = (b + 1..lang.doc.blocks.len())
        .find(|&k| matches!(lang.doc.blocks[k].kind, BlockKind::Heading { .. }))
        .unwrap_or(usize::MAX);
    info.definitions.iter().any(|&d| {
        let db = lang.token(d).block as usize;
        db > b && db < next_heading
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn initials() {
        assert!(initials_match(&w("chronic obstructive pulmonary disease"), &letters("COPD")));
        assert!(initials_match(&w("cardiopulmonary resuscitation"), &letters("CPR")));
        assert!(initials_match(&w("polycystic ovary syndrome"), &letters("PCOS")));
        assert!(initials_match(&w("accident and emergency"), &letters("A&E")));
        assert!(initials_match(&w("gastro-oesophageal reflux disease"), &letters("GORD")));
        assert!(!initials_match(&w("the body"), &letters("COPD")));
    }

    #[test]
    fn keys_and_lists() {
        assert_eq!(key("GPs"), "GP");
        assert_eq!(key("GP's"), "GP");
        assert_eq!(key("U.S."), "US");
        assert_eq!(key("NSAIDs"), "NSAID");
        assert!(well_known("NHS", Profile::Nhs) && well_known("COVID", Profile::Nhs));
        assert!(well_known("MRI", Profile::Us) && well_known("USA", Profile::Us) && !well_known("NHS", Profile::Us));
        assert!(!well_known("MRI", Profile::EasyRead) && well_known("A&E", Profile::EasyRead));
    }
}
