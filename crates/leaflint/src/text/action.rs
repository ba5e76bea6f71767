//! Action units (SPEC §6.1): does a unit tell the reader to do something?
//!
//! Used by the plain-text heading test now, and by chunk-and-check and teach-back later. The verb
//! list is ours (`data/action-verbs.txt`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// The verb class of an action (SPEC §6.1), used for key messages and teach-back prompts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerbClass {
    /// Take, use, apply a medicine.
    Medicine,
    /// Call, see, contact someone.
    Contact,
    /// Do not, avoid, stop.
    Avoid,
    /// Check, watch, measure.
    Monitor,
    /// Rest, drink, eat.
    SelfCare,
    /// Bring, book, arrive.
    Prepare,
    /// Any other action.
    Other,
}

static VERBS: LazyLock<HashMap<&'static str, VerbClass>> = LazyLock::new(|| {
    include_str!("../../data/action-verbs.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (verb, class) = l.split_once('\t')?;
            let class = match class.trim() {
                "medicine" => VerbClass::Medicine,
                "contact" => VerbClass::Contact,
                "avoid" => VerbClass::Avoid,
                "monitor" => VerbClass::Monitor,
                "self-care" => VerbClass::SelfCare,
                "prepare" => VerbClass::Prepare,
                _ => VerbClass::Other,
            };
            Some((verb, class))
        })
        .collect()
});

const OPENERS: [&str; 7] = ["please", "also", "then", "now", "always", "only", "just"];
const FINITE: [&str; 16] = [
    "is", "are", "was", "were", "will", "can", "may", "might", "should", "could", "would", "must", "has", "have",
    "had", "does",
];
const CLAUSE_OPENERS: [&str; 6] = ["if", "when", "after", "before", "until", "once"];
const YOU_MODALS: [&str; 8] = ["should", "must", "need", "needs", "have", "will", "can", "may"];

/// The class of the verb `word` (any case) if it is on the action-verb list.
pub fn verb_class(word: &str) -> Option<VerbClass> {
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[..bytes.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..bytes.len()]).ok().and_then(|w| VERBS.get(w).copied())
}

/// The verb class of `unit` if it is an action unit (SPEC §6.1 (a)–(d)), else `None`.
pub fn action_class(unit: &str) -> Option<VerbClass> {
    let words: Vec<&str> = unit
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '“' | '”')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while i < words.len() && OPENERS.iter().any(|o| o.eq_ignore_ascii_case(words[i])) {
        i += 1;
    }
    if let Some(c) = imperative_at(&words, i) {
        return Some(c);
    }
    // (c) an opening If/When/... clause, then an imperative after its comma.
    if words.get(i).is_some_and(|w| CLAUSE_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)))
        || unit.starts_with("As soon as")
    {
        if let Some(comma) = unit.find(',') {
            if let Some(c) = action_class(&unit[comma + 1..]) {
                return Some(c);
            }
        }
    }
    // (d) you + should/must/need to/... + verb.
    for w in words.windows(3) {
        if w[0].eq_ignore_ascii_case("you") && YOU_MODALS.iter().any(|m| m.eq_ignore_ascii_case(w[1])) {
            if w[2].eq_ignore_ascii_case("not") {
                return Some(VerbClass::Avoid);
            }
            return Some(verb_class(w[2]).unwrap_or(VerbClass::Other));
        }
    }
    None
}

/// True when `unit` is an action unit (SPEC §6.1).
pub fn is_action(unit: &str) -> bool {
    action_class(unit).is_some()
}

fn imperative_at(words: &[&str], i: usize) -> Option<VerbClass> {
    let first = *words.get(i)?;
    let next = words.get(i + 1).copied();
    if first.eq_ignore_ascii_case("do") && next.is_some_and(|w| w.eq_ignore_ascii_case("not")) {
        return Some(VerbClass::Avoid);
    }
    if first.eq_ignore_ascii_case("never") || first.eq_ignore_ascii_case("don't") || first.eq_ignore_ascii_case("don’t")
    {
        return Some(VerbClass::Avoid);
    }
    if first.len() > 12 || !first.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let class = verb_class(first)?;
    // "Use of …", "Test results are …": a noun, not a command.
    if next.is_some_and(|w| ["of", "is", "are", "was", "were"].iter().any(|x| x.eq_ignore_ascii_case(w))) {
        return None;
    }
    if words.iter().skip(i + 1).take(3).any(|w| FINITE.iter().any(|f| f.eq_ignore_ascii_case(w))) {
        return None;
    }
    Some(class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions() {
        assert_eq!(action_class("Take 1 tablet 2 times a day."), Some(VerbClass::Medicine));
        assert_eq!(action_class("Rest."), Some(VerbClass::SelfCare));
        assert_eq!(action_class("Please call 111."), Some(VerbClass::Contact));
        assert_eq!(action_class("Do not drive for 24 hours."), Some(VerbClass::Avoid));
        assert_eq!(action_class("If you feel dizzy, sit down."), Some(VerbClass::SelfCare));
        assert_eq!(action_class("You should bring your medicines."), Some(VerbClass::Prepare));
        assert!(is_action("Call 999 if you have chest pain"));
    }

    #[test]
    fn not_actions() {
        assert!(!is_action("Swelling is common."));
        assert!(!is_action("Test results are usually ready in a week."));
        assert!(!is_action("Use of this medicine is rare."));
        assert!(!is_action("What it is for"));
    }
}
