//! Instructions written about the reader in the third person (SPEC §4.10, §6.1 (e)): at unit
//! start, or after an opening if/when/after/before clause, a subject such as `Patients` or
//! `People with diabetes` — without a quantifier — followed within 3 words by should, must,
//! need(s) to, will need to, can, may wish to, or are/is advised/asked/encouraged/required to.
//!
//! `the person` is left out of the subjects: first-aid text uses it for someone the reader is
//! helping (`Put the person on their side`), not for the reader.

use super::Lang;
use std::ops::Range;

/// Subjects, lower case (one or two words).
pub const SUBJECTS: &[&str] = &[
    "patients",
    "the patient",
    "service users",
    "the service user",
    "clients",
    "the client",
    "individuals",
    "the individual",
    "people",
    "users",
];
const QUANTIFIERS: &[&str] = &["most", "many", "some", "few", "all", "several", "older", "young", "younger"];
const CLAUSE_OPENERS: &[&str] = &["if", "when", "after", "before", "once", "while", "until"];

/// What follows the subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReaderVerb {
    /// should, must, can, may wish to, will need to: kept.
    Modal,
    /// `needs to` → `need to`.
    NeedsTo,
    /// `are/is advised|asked|encouraged|required to` → `should`.
    Advised,
}

/// One instruction addressed to "patients".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThirdPerson {
    /// Unit index.
    pub unit: usize,
    /// Subject tokens (`Patients`, `People with diabetes`).
    pub subject: Range<usize>,
    /// `with X` inside the subject: X's tokens.
    pub with: Option<Range<usize>>,
    /// The verb tokens replaced or kept (`should`, `are advised to`).
    pub verb: Range<usize>,
    /// Kind of verb.
    pub kind: ReaderVerb,
    /// The verb follows the subject (or `with X`) directly, so the pair can be rewritten.
    pub direct: bool,
}

fn lw(lang: &Lang<'_>, i: usize) -> String {
    lang.lower(i).to_owned()
}

/// First words of the subjects.
const SUBJECT_FIRST: &[&str] = &["patients", "the", "service", "clients", "individuals", "people", "users"];

/// True when `lower` can start a third-person instruction or the clause before one.
pub fn is_lead(lower: &str) -> bool {
    SUBJECT_FIRST.contains(&lower) || CLAUSE_OPENERS.contains(&lower)
}

/// The third-person instruction in unit `ui`, if any.
pub fn find_in_unit(lang: &Lang<'_>, ui: usize) -> Option<ThirdPerson> {
    let u = &lang.an.units[ui];
    let first = u.tokens.clone().find(|&i| lang.token(i).is_word())?;
    if lang.flags(first) & super::flags::READER_LEAD == 0 {
        return None;
    }
    let toks: Vec<usize> = u.tokens.clone().collect();
    let first_word = toks.iter().position(|&i| lang.token(i).is_word())?;
    let mut start = first_word;
    if CLAUSE_OPENERS.contains(&lw(lang, toks[start]).as_str()) {
        let comma = toks.iter().position(|&i| lang.tok(i) == ",")?;
        start = comma + 1;
    }
    let s0 = *toks.get(start)?;
    let w0 = lw(lang, s0);
    if QUANTIFIERS.contains(&w0.as_str()) {
        return None;
    }
    let two = format!("{w0} {}", toks.get(start + 1).map(|&i| lw(lang, i)).unwrap_or_default());
    let subj_len = if SUBJECTS.contains(&two.as_str()) {
        2
    } else if SUBJECTS.contains(&w0.as_str()) {
        1
    } else {
        return None;
    };
    let subj_end = start + subj_len; // index into toks
                                     // Within 3 words: the verb.
    for gap in 0..=3 {
        let v = subj_end + gap;
        let Some(&vi) = toks.get(v) else { break };
        if toks[subj_end..v].iter().any(|&i| !lang.token(i).is_word()) {
            break;
        }
        let w = lw(lang, vi);
        let w2 = toks.get(v + 1).map(|&i| lw(lang, i)).unwrap_or_default();
        let w3 = toks.get(v + 2).map(|&i| lw(lang, i)).unwrap_or_default();
        let (kind, len) = match (w.as_str(), w2.as_str(), w3.as_str()) {
            ("should" | "must" | "can", _, _) => (ReaderVerb::Modal, 1),
            ("need", "to", _) => (ReaderVerb::Modal, 2),
            ("needs", "to", _) => (ReaderVerb::NeedsTo, 2),
            ("will", "need", "to") => (ReaderVerb::Modal, 3),
            ("may", "wish", "to") => (ReaderVerb::Modal, 3),
            ("are" | "is", "advised" | "asked" | "encouraged" | "required", "to") => (ReaderVerb::Advised, 3),
            _ => continue,
        };
        let with = (gap >= 2 && lw(lang, toks[subj_end]) == "with").then(|| toks[subj_end + 1]..toks[v - 1] + 1);
        if gap > 0 && with.is_none() {
            // `Patients taking metformin should …`: flagged, but the subject is not rewritten.
            let verb = vi..toks[v + len - 1] + 1;
            return Some(ThirdPerson {
                unit: ui,
                subject: toks[start]..toks[v - 1] + 1,
                with: None,
                verb,
                kind,
                direct: false,
            });
        }
        let verb = vi..toks[v + len - 1] + 1;
        return Some(ThirdPerson {
            unit: ui,
            subject: toks[start]..toks[subj_end - 1] + 1,
            with,
            verb,
            kind,
            direct: true,
        });
    }
    None
}

/// Every third-person instruction, by unit.
pub fn find(lang: &Lang<'_>) -> Vec<ThirdPerson> {
    (0..lang.an.units.len()).filter_map(|u| find_in_unit(lang, u)).collect()
}
