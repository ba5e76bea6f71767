//! Word classes built on the embedded lists (SPEC §2.4): familiar words, Zipf frequency with
//! inflections and British spellings folded.

use crate::data::{frequency, scowl, spelling};
use std::collections::HashSet;
use std::sync::LazyLock;

static EVERYDAY_HEALTH: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/everyday-health.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect()
});

/// True when `word_or_phrase` (any case) is on our everyday-health list (SPEC §2.4 †): health
/// words most patients know (`paracetamol`, `tummy`, `GP`, `side effect`), and every form a style
/// fix writes (`breastfeeding`, `dietitian`). Plural and British/US forms are tried too.
pub fn is_everyday_health(word_or_phrase: &str) -> bool {
    let w = fold(word_or_phrase);
    let w = w.as_ref();
    EVERYDAY_HEALTH.contains(w)
        || w.strip_suffix('s').is_some_and(|s| EVERYDAY_HEALTH.contains(s))
        || spelling::uk_to_us(w).is_some_and(|us| EVERYDAY_HEALTH.contains(us))
        || spelling::us_to_uk(w).is_some_and(|uk| EVERYDAY_HEALTH.contains(uk))
}

/// Number of entries on the everyday-health list (forces the load).
pub fn everyday_health_len() -> usize {
    EVERYDAY_HEALTH.len()
}

/// Familiar words: rank ≤ this in either frequency list (SPEC §2.4 †).
pub const FAMILIAR_MAX_RANK: u32 = 3000;
/// ... or this SCOWL level.
pub const FAMILIAR_SCOWL_LEVEL: u8 = 10;

/// Lower-case `word` and fold curly apostrophes, without allocating for plain lower-case ASCII.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-') {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase().replace(['’', 'ʼ'], "'"))
    }
}

fn base_familiar(w: &str) -> bool {
    frequency::lookup(w).is_some_and(|f| f.rank <= FAMILIAR_MAX_RANK)
        || scowl::lookup(w).is_some_and(|e| e.level <= FAMILIAR_SCOWL_LEVEL)
}

/// Candidate stems of an inflected form (`-s -es -ies→y -ed -d -ied→y -ing -er -est -ly -y`),
/// with a restored final `e` and undoubled consonant where English spelling drops or doubles them.
pub fn stems(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        if s.len() >= 2 {
            out.push(s.to_owned());
        }
    };
    for (suffix, repl) in [("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            push(&format!("{stem}{repl}"));
        }
    }
    for suffix in ["es", "s", "ed", "d", "ing", "er", "est", "ly", "y", "'s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            push(stem);
            if matches!(suffix, "ed" | "ing" | "er" | "est" | "y") {
                push(&format!("{stem}e"));
                let b = stem.as_bytes();
                if b.len() >= 3 && b[b.len() - 1].is_ascii() && b[b.len() - 1] == b[b.len() - 2] {
                    push(&stem[..stem.len() - 1]);
                }
            }
        }
    }
    out
}

/// Bytes of the longest word any compiled-in list can hold, with room for inflections (SCOWL's
/// longest entry has 45 letters). A longer token is in no list and is no compound of listed words,
/// so the per-word tests answer at once instead of trying every stem and split point of it (which
/// made a pasted run of a million letters quadratic in time and memory).
pub const LONGEST_LISTED_WORD: usize = 96;

/// True when `word` is too long to be in any list ([`LONGEST_LISTED_WORD`]).
pub fn beyond_lists(word: &str) -> bool {
    word.len() > LONGEST_LISTED_WORD
}

/// True when `word` (any case) is familiar: listed, an inflection of a listed word, or a closed
/// compound of two familiar words of ≥ 3 letters that the lists do not know as a whole (`eyedrops`). Names and numbers are decided by
/// the caller.
pub fn is_familiar(word: &str) -> bool {
    if beyond_lists(word) {
        return false;
    }
    thread_local! {
        static FAMILIAR: crate::memo::Table<(), bool> = std::cell::RefCell::default();
    }
    crate::memo::get(&FAMILIAR, (), word, || familiar(word))
}

fn familiar(word: &str) -> bool {
    let w = fold(word);
    let w = w.as_ref();
    if base_familiar(w) || stems(w).iter().any(|s| base_familiar(s)) {
        return true;
    }
    if let Some(us) = spelling::uk_to_us(w) {
        if base_familiar(us) {
            return true;
        }
    }
    if w.contains('-') {
        return w.split('-').all(|p| !p.is_empty() && (base_familiar(p) || p.bytes().all(|b| b.is_ascii_digit())));
    }
    // A closed compound counts only when the lists do not know the whole word: `moderate` is
    // listed (and unfamiliar), so it is not `mode` + `rate`.
    if frequency::lookup(w).is_some() || scowl::lookup(w).is_some() {
        return false;
    }
    let n = w.len();
    (3..n.saturating_sub(2)).any(|i| w.is_char_boundary(i) && base_familiar(&w[..i]) && base_familiar(&w[i..]))
}

/// The Zipf frequency of `word` (any case): the highest over the form itself, its US spelling and
/// its inflection stems (`populations` is as familiar as `population`); `None` when no form is in
/// the frequency list.
pub fn zipf(word: &str) -> Option<f32> {
    if beyond_lists(word) {
        return None;
    }
    thread_local! {
        static ZIPF: crate::memo::Table<(), Option<f32>> = std::cell::RefCell::default();
    }
    crate::memo::get(&ZIPF, (), word, || zipf_of(word))
}

fn zipf_of(word: &str) -> Option<f32> {
    let w = fold(word);
    let w = w.as_ref();
    let direct = |x: &str| frequency::lookup(x).map(|f| f.zipf);
    let own = direct(w).into_iter().chain(spelling::uk_to_us(w).and_then(direct));
    let from_stems =
        stems(w).into_iter().filter_map(|s| direct(&s).or_else(|| spelling::uk_to_us(&s).and_then(direct)));
    own.chain(from_stems).reduce(f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn familiar_words() {
        for w in ["the", "Taking", "used", "treat", "eyedrops", "bedsheet", "hours", "cause"] {
            assert!(is_familiar(w), "{w}");
        }
        for w in ["paracetamol", "mild", "moderate", "pharmacist", "persist", "toothbrush"] {
            assert!(!is_familiar(w), "{w}");
        }
    }

    #[test]
    fn everyday_health_words() {
        assert!(everyday_health_len() > 150);
        for w in ["Diabetes", "GP", "side effects", "inhalers", "diarrhea", "Paracetamol"] {
            assert!(is_everyday_health(w), "{w}");
        }
        assert!(!is_everyday_health("hydrochloride"));
    }

    #[test]
    fn zipf_folds_inflections() {
        assert!(zipf("information").is_some_and(|z| z >= 4.5));
        assert!(zipf("complications").is_some_and(|z| z < 4.5));
        assert!(zipf("gastroenteritis").is_none());
        assert!(zipf("populations") >= zipf("population").map(|z| z - 0.01));
    }
}
