//! Where a word swap fits (issue 16): rules over the tokens around a match that find the slot
//! a term fills (a verb after a subject or modal, a noun after a determiner) and the form it
//! takes (`requires`, `required`, `requiring`), so a swap is offered only in the slot its
//! alternatives fit and in the same form (`requires` → `needs`; never `the most enjoy`). No
//! tagger model: the word lists already give each term's part of speech (`data/swaps.tsv`), and
//! the few words next to a match decide the rest.

use super::inflect;
use super::terms::TermMatch;
use super::Lang;
use crate::data::swaps::Pos;

/// The form of the inflecting word of a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// As listed.
    Base,
    /// `-s`: a plural noun or a third-person verb.
    S,
    /// `-ed`: a past tense or past participle.
    Ed,
    /// `-ing`.
    Ing,
}

/// Words before a noun: after them a verb term is being used as a noun (`the most benefit`).
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "your", "my", "his", "its", "our", "their", "any", "no", "each",
    "every", "another", "such",
];
/// Quantifiers that sit between a determiner and a noun (`the most benefit`).
const QUANTIFIERS: &[&str] = &["more", "most", "less", "least", "much", "little", "extra", "same", "first", "main"];
/// Words before a verb: after them a noun term is being used as a verb (`you request`).
pub const VERB_LEADS: &[&str] = &[
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "you",
    "we",
    "they",
    "i",
    "please",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "didn't",
    "didn’t",
    "do",
    "does",
    "did",
    "cannot",
];
/// Auxiliaries after which an `-ed` form is a participle (`has been given`).
const PARTICIPLE_LEADS: &[&str] =
    &["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "get", "gets", "got", "not"];
/// Subjects after which an `-ed` form is a past tense (`you gave`).
const PAST_LEADS: &[&str] = &["i", "you", "we", "they", "he", "she", "it"];

fn is(word: Option<&str>, list: &[&str]) -> bool {
    word.is_some_and(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// The form of `word` as an inflection of `base` (both lower case), if it is one.
pub fn form_of(word: &str, base: &str) -> Option<Form> {
    if word == base {
        return Some(Form::Base);
    }
    if word == inflect::third_person(base) || word == inflect::plural(base) || word == format!("{base}s") {
        return Some(Form::S);
    }
    if word == inflect::ing(base) || word == format!("{base}ing") {
        return Some(Form::Ing);
    }
    if word == inflect::past(base) || word == inflect::participle(base) || word == format!("{base}ed") {
        return Some(Form::Ed);
    }
    None
}

/// What a swap can do at a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The term is used in another slot than the one its alternatives fill (a verb term used as a
    /// noun): not a use of the row.
    OtherSlot,
    /// A use of the row, with the alternatives written in the form the slot needs, best first
    /// (empty when none can be written safely).
    Use(Vec<String>),
}

/// `alt` in `form` (its first word inflected: `speed up` → `speeds up`); an `-ed` form is a
/// participle when `participle` is `Some(true)`, a past when `Some(false)`, and written only
/// where both agree when `None`.
fn verb_form(alt: &str, form: Form, participle: Option<bool>) -> Option<String> {
    let (first, rest) = alt.split_once(' ').map_or((alt, ""), |(a, b)| (a, b));
    if !first.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let word = match form {
        Form::Base => first.to_owned(),
        Form::S => inflect::third_person(first),
        Form::Ing => inflect::ing(first),
        Form::Ed => {
            if first == "get" && participle != Some(false) {
                return None; // `were obtained` → `were got` is not English
            }
            let (past, part) = (inflect::past(first), inflect::participle(first));
            match participle {
                Some(true) => part,
                Some(false) => past,
                None if past == part => past,
                None => return None,
            }
        }
    };
    Some(if rest.is_empty() { word } else { format!("{word} {rest}") })
}

/// How the alternatives `alts` of a term (lower case, with part of speech `pos`) fit the match `m`.
pub fn fit(lang: &Lang<'_>, m: &TermMatch, term: &str, pos: Pos, alts: &[String]) -> Fit {
    let text = lang.match_text(m).to_lowercase().replace('’', "'");
    let words: Vec<&str> = text.split(' ').collect();
    let tw: Vec<&str> = term.split(' ').collect();
    let prev = lang.word_before(m.tokens.start);
    let prev2 = prev.and_then(|_| lang.word_before(m.tokens.start - 1));
    let next = lang.word_after(m.tokens.end - 1);
    let same_len = words.len() == tw.len();
    match pos {
        Pos::Verb => {
            let form = if text == term {
                Some(Form::Base)
            } else if same_len && words[1..] == tw[1..] {
                form_of(words[0], tw[0])
            } else {
                None
            };
            let noun_slot = is(prev, DETERMINERS) || (is(prev, QUANTIFIERS) && is(prev2, DETERMINERS));
            if noun_slot && form != Some(Form::Ed) {
                return Fit::OtherSlot;
            }
            // `provided (that) you …` is a conjunction.
            if words[0] == "provided" && !is(prev, PARTICIPLE_LEADS) {
                return Fit::OtherSlot;
            }
            let Some(form) = form else { return Fit::Use(Vec::new()) };
            // An `-ing` form that starts a noun phrase is an adjective (`Remaining doses`, `the
            // remaining tablets`): `staying` does not fit.
            if form == Form::Ing && (prev.is_none() || noun_slot) {
                return Fit::Use(Vec::new());
            }
            let participle = if is(prev, PARTICIPLE_LEADS) {
                Some(true)
            } else if is(prev, PAST_LEADS) {
                Some(false)
            } else if (prev.is_none() || noun_slot) && next.is_some() {
                Some(true) // before a noun: `elevated levels` → `raised levels`
            } else {
                None
            };
            // `be required to fast` → `be needed to fast` is not English: a passive with `to`
            // after it needs a rewrite (`need to fast`), not a swap.
            if form == Form::Ed && participle == Some(true) && is(next, &["to"]) && is(prev, PARTICIPLE_LEADS) {
                return Fit::Use(Vec::new());
            }
            Fit::Use(alts.iter().filter_map(|a| verb_form(a, form, participle)).collect())
        }
        Pos::Noun => {
            if is(prev, VERB_LEADS) {
                return Fit::OtherSlot;
            }
            if text == term {
                return Fit::Use(alts.to_vec());
            }
            let plural = same_len
                && words[..words.len() - 1] == tw[..tw.len() - 1]
                && form_of(words.last().copied().unwrap_or(""), tw.last().copied().unwrap_or("")) == Some(Form::S);
            if !plural {
                return Fit::Use(Vec::new());
            }
            Fit::Use(
                alts.iter()
                    .filter_map(|a| {
                        let (head, tail) = a.rsplit_once(' ').unwrap_or(("", a.as_str()));
                        if tail.ends_with("ing") || tail.ends_with('s') || !tail.bytes().all(|b| b.is_ascii_lowercase())
                        {
                            return None;
                        }
                        let p = inflect::plural(tail);
                        Some(if head.is_empty() { p } else { format!("{head} {p}") })
                    })
                    .collect(),
            )
        }
        // Before a noun (`localized prostate cancer`) an adjective's place takes only an
        // adjective: a phrase (`in one place`, `without oxygen`, `needs oxygen`) fits only after
        // the noun or a verb (`the cancer is localized`).
        Pos::Adj if text == term && next.is_some_and(|n| !is(Some(n), AFTER_PREDICATIVE)) => Fit::Use(
            alts.iter()
                .filter(|a| {
                    a.split_once(' ')
                        .is_none_or(|(first, _)| ["very", "most", "more", "less", "quite"].contains(&first))
                })
                .cloned()
                .collect(),
        ),
        _ if text == term => Fit::Use(alts.to_vec()),
        _ => Fit::Use(Vec::new()),
    }
}

/// Words that may follow a predicative adjective (`localized to the breast`, `hazardous and`).
const AFTER_PREDICATIVE: &[&str] = &[
    "to", "in", "at", "on", "by", "for", "with", "from", "than", "and", "or", "but", "as", "if", "when", "because",
    "so", "enough", "until", "unless", "of",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(form_of("requires", "require"), Some(Form::S));
        assert_eq!(form_of("required", "require"), Some(Form::Ed));
        assert_eq!(form_of("requiring", "require"), Some(Form::Ing));
        assert_eq!(form_of("options", "option"), Some(Form::S));
        assert_eq!(form_of("reqs", "require"), None);
        assert_eq!(verb_form("speed up", Form::S, None).as_deref(), Some("speeds up"));
        assert_eq!(verb_form("give", Form::Ed, Some(true)).as_deref(), Some("given"));
        assert_eq!(verb_form("give", Form::Ed, Some(false)).as_deref(), Some("gave"));
        assert_eq!(verb_form("give", Form::Ed, None), None);
        assert_eq!(verb_form("need", Form::Ed, None).as_deref(), Some("needed"));
        assert_eq!(verb_form("get", Form::Ed, Some(true)), None);
    }
}
