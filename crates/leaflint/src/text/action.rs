//! Action units (SPEC §6.1): does a unit tell the reader to do something?
//!
//! Used by the plain-text heading test, the structure rules, chunk-and-check and teach-back. The
//! verb list is ours (`data/action-verbs.txt`). [`action`] gives an action unit's details: its
//! verb, the object (SPEC §6.1: the head noun after the verb, lower case and singular), and the
//! condition, duration and "before your …" event that teach-back prompts use (SPEC §6.14).

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

static VERBS: LazyLock<rustc_hash::FxHashMap<&'static str, VerbClass>> = LazyLock::new(|| {
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
    if !could_be_action(unit) {
        return None;
    }
    let words: Vec<&str> = word_iter(unit).map(|w| w.1).collect();
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
    let (verb, negated) = you_modal(&words)?;
    if negated {
        return Some(VerbClass::Avoid);
    }
    Some(verb_class(words[verb]).unwrap_or(VerbClass::Other))
}

/// SPEC §6.1 (d): `you` + should / must / need to / have to / will need to / can / may want to /
/// are advised to (+ not) + a verb. Returns the verb's index and whether it is negated.
fn you_modal(words: &[&str]) -> Option<(usize, bool)> {
    const MODALS: [&[&str]; 10] = [
        &["should"],
        &["must"],
        &["need", "to"],
        &["needs", "to"],
        &["have", "to"],
        &["will", "need", "to"],
        &["can"],
        &["may", "want", "to"],
        &["are", "advised", "to"],
        &["might", "need", "to"],
    ];
    for (i, w) in words.iter().enumerate() {
        if !w.eq_ignore_ascii_case("you") {
            continue;
        }
        for m in MODALS {
            let rest = &words[i + 1..];
            if rest.len() > m.len() && m.iter().zip(rest).all(|(a, b)| a.eq_ignore_ascii_case(b)) {
                let mut v = i + 1 + m.len();
                let negated = words[v].eq_ignore_ascii_case("not");
                if negated {
                    v += 1;
                }
                let verb = *words.get(v)?;
                if verb.bytes().all(|b| b.is_ascii_alphabetic())
                    && !["also", "still", "usually", "often", "only", "be"].iter().any(|x| x.eq_ignore_ascii_case(verb))
                {
                    return Some((v, negated));
                }
                if negated {
                    return Some((v, true));
                }
            }
        }
    }
    None
}

/// A cheap first look with no allocation: an action unit starts (after openers) with a verb, `Do`,
/// `Don't`, `Never` or a clause opener, or it has `you` in it.
fn could_be_action(unit: &str) -> bool {
    let mut first = "";
    for (_, w) in word_iter(unit) {
        if !OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)) {
            first = w;
            break;
        }
    }
    if verb_class(first).is_some()
        || ["do", "don't", "don’t", "never", "as"].iter().any(|x| x.eq_ignore_ascii_case(first))
        || CLAUSE_OPENERS.iter().any(|x| x.eq_ignore_ascii_case(first))
    {
        return true;
    }
    // "you" in any case: jump from one y/Y to the next instead of testing every window.
    let b = unit.as_bytes();
    memchr::memchr2_iter(b'y', b'Y', b).any(|i| b.get(i + 1..i + 3).is_some_and(|w| w.eq_ignore_ascii_case(b"ou")))
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

/// An action unit's details (SPEC §6.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// The verb class.
    pub class: VerbClass,
    /// The verb in lower case, with its particle (`take`, `go to`, `come back`, `look out for`);
    /// after `Do not`/`Never`, the verb that follows.
    pub verb: String,
    /// Head noun of the object, lower case and singular (`tablet`), if any.
    pub object: Option<String>,
    /// The object phrase as written (`your GP`, `NHS 111`, `1 tablet`).
    pub phrase: Option<String>,
    /// The unit has a condition (`If …,`, `… if …`, `when`, `unless`).
    pub condition: bool,
    /// The unit has a duration (`for 24 hours`, `until …`).
    pub duration: bool,
    /// The event of `before your {event}`, as written.
    pub before: Option<String>,
}

/// Words that end an object phrase: prepositions, conjunctions, adverbs of time and manner.
const PHRASE_STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "and",
    "as",
    "at",
    "away",
    "before",
    "but",
    "by",
    "during",
    "every",
    "first",
    "for",
    "from",
    "if",
    "immediately",
    "in",
    "instead",
    "into",
    "later",
    "now",
    "of",
    "on",
    "once",
    "or",
    "over",
    "quickly",
    "regularly",
    "right",
    "so",
    "straight",
    "than",
    "that",
    "then",
    "till",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "until",
    "unless",
    "urgently",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "with",
    "within",
    "without",
    "you",
];
/// Words that never head an object.
const NOT_OBJECT: &[&str] = &[
    "a",
    "an",
    "the",
    "your",
    "my",
    "their",
    "his",
    "her",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "it",
    "them",
    "him",
    "me",
    "us",
    "yourself",
    "yourselves",
    "any",
    "some",
    "all",
    "each",
    "every",
    "more",
    "less",
    "much",
    "many",
    "enough",
    "well",
    "not",
    "too",
    "also",
    "only",
    "just",
    "whole",
    "extra",
    "other",
];
/// Quantity words that take `of` (`plenty of fluids`): the phrase goes on after `of`.
const OF_QUANTITY: &[&str] = &["plenty", "lots", "lot", "glass", "cup", "bit", "couple", "amount", "piece", "course"];
/// Verbs that take a particle into the verb (`go to`, `come back`, `look out for`).
const PARTICLE_VERBS: &[(&str, &str)] = &[
    ("go", "to"),
    ("go", "back"),
    ("come", "back"),
    ("come", "to"),
    ("speak", "to"),
    ("talk", "to"),
    ("write", "to"),
    ("look", "out"),
    ("look", "for"),
    ("cut", "down"),
    ("fill", "in"),
    ("sit", "down"),
    ("lie", "down"),
    ("get", "back"),
    ("check", "with"),
];
const TIME_UNITS: &[&str] = &["second", "minute", "hour", "day", "night", "week", "month", "year", "while"];
const NUMBER_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "a few", "few",
    "several", "some", "at", "up", "the", "half", "24", "48",
];

fn words_at(unit: &str) -> Vec<(usize, &str)> {
    word_iter(unit).collect()
}

/// The words of a unit with their byte offsets: the runs between white space and `,.;:!?()"“”`.
/// A byte loop (one test per ASCII byte) rather than `str::split` with a `char` predicate: this
/// runs on every unit of a document.
fn word_iter(unit: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = unit.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < b.len() {
            let (sep, len) = if b[i] < 0x80 {
                (matches!(b[i], b'\t'..=b'\r' | b' ' | b',' | b'.' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'"'), 1)
            } else {
                let c = unit[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace() || matches!(c, '“' | '”'), c.len_utf8())
            };
            match (sep, start) {
                (true, Some(s)) => return Some((s, &unit[s..i])),
                (false, None) => start = Some(i),
                _ => {}
            }
            i += len;
        }
        start.map(|s| (s, &unit[s..]))
    })
}

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Singular of a lower-case noun (`tablets` → `tablet`, `patches` → `patch`, `ointments`).
pub fn singular(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for end in ["sses", "shes", "ches", "xes"] {
        if w.ends_with(end) {
            return w[..w.len() - 2].to_owned();
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_owned();
    }
    w.to_owned()
}

/// The details of `unit` if it is an action unit (SPEC §6.1), else `None`.
///
/// ```
/// use leaflint::text::action::{action, VerbClass};
/// let a = action("Take 1 tablet 2 times a day.").unwrap();
/// assert_eq!((a.class, a.verb.as_str(), a.object.as_deref()), (VerbClass::Medicine, "take", Some("tablet")));
/// let a = action("Call 999 if you have chest pain.").unwrap();
/// assert_eq!((a.phrase.as_deref(), a.condition), (Some("999"), true));
/// ```
pub fn action(unit: &str) -> Option<Action> {
    let class = action_class(unit)?;
    let words = words_at(unit);
    let mut i = 0;
    while i < words.len() && OPENERS.iter().any(|o| eq(o, words[i].1)) {
        i += 1;
    }
    let first = words.get(i).map_or("", |w| w.1);
    // (c) an opening clause: the action is after its comma.
    if CLAUSE_OPENERS.iter().any(|o| eq(o, first)) || unit.starts_with("As soon as") {
        if let Some(comma) = unit.find(',') {
            if let Some(mut a) = action(&unit[comma + 1..]) {
                a.condition = true;
                a.before = a.before.or_else(|| before_event(&words));
                return Some(a);
            }
        }
    }
    let verb_at = if eq(first, "do") && words.get(i + 1).is_some_and(|w| eq(w.1, "not")) {
        i + 2
    } else if eq(first, "never") || eq(first, "don't") || eq(first, "don’t") {
        i + 1
    } else if verb_class(first).is_some() && imperative_at(&words.iter().map(|w| w.1).collect::<Vec<_>>(), i).is_some()
    {
        i
    } else {
        // (d) you + modal (+ to) + verb.
        let plain: Vec<&str> = words.iter().map(|w| w.1).collect();
        you_modal(&plain)?.0
    };
    let (mut vstart, mut v) = *words.get(verb_at)?;
    let mut verb = v.to_lowercase();
    let mut k = verb_at + 1;
    let mut class = class;
    // "Keep taking", "Continue to use": the medicine is the action.
    if matches!(verb.as_str(), "keep" | "continue" | "carry") {
        let mut j = k;
        if words.get(j).is_some_and(|w| eq(w.1, "to") || eq(w.1, "on")) {
            j += 1;
        }
        let base = match words.get(j).map(|w| w.1.to_lowercase()).as_deref() {
            Some("taking" | "take") => Some("take"),
            Some("using" | "use") => Some("use"),
            Some("applying" | "apply") => Some("apply"),
            _ => None,
        };
        if let Some(b) = base {
            class = VerbClass::Medicine;
            verb = b.to_owned();
            (vstart, v) = words[j];
            k = j + 1;
        }
    }
    let mut prev_end = vstart + v.len();
    while let Some(&(ps, p)) = words.get(k) {
        if PARTICLE_VERBS.iter().any(|(a, b)| verb.ends_with(a) && eq(b, p)) {
            verb.push(' ');
            verb.push_str(&p.to_lowercase());
            prev_end = ps + p.len();
            k += 1;
            if verb == "look out" && words.get(k).is_some_and(|w| eq(w.1, "for")) {
                verb.push_str(" for");
                prev_end = words[k].0 + 3;
                k += 1;
            }
        } else {
            break;
        }
    }
    // "Check with your doctor": a contact, not a check.
    if verb == "check with" {
        class = VerbClass::Contact;
    }
    // The object phrase: from after the verb to a stop word or punctuation.
    let mut phrase: Vec<&str> = Vec::new();
    let contact = class == VerbClass::Contact || verb.starts_with("come") || verb.starts_with("go");
    while let Some(&(s, w)) = words.get(k) {
        let gap = &unit[prev_end.min(s)..s];
        if gap.chars().any(|c| !c.is_whitespace()) {
            break;
        }
        let lw = w.to_lowercase();
        let digits = w.chars().filter(char::is_ascii_digit).count();
        if digits > 0 {
            // Phone and service numbers belong to whom to contact; other numbers are quantities.
            if contact && digits >= 3 && w.chars().all(|c| c.is_ascii_digit()) {
                phrase.push(w);
            } else if contact || !phrase.is_empty() {
                break;
            }
        } else if PHRASE_STOP.contains(&lw.as_str()) {
            if lw == "of" && phrase.last().is_some_and(|p| OF_QUANTITY.contains(&p.to_lowercase().as_str())) {
                phrase.push(w);
            } else {
                break;
            }
        } else {
            phrase.push(w);
        }
        prev_end = s + w.len();
        k += 1;
    }
    let object = phrase
        .iter()
        .rev()
        .map(|w| w.to_lowercase())
        .find(|w| {
            w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !NOT_OBJECT.contains(&w.as_str())
                && !w.ends_with("ly")
                && !OF_QUANTITY.contains(&w.as_str())
        })
        .map(|w| singular(&w));
    let lower = unit.to_ascii_lowercase();
    let after_verb = lower.get(vstart..).unwrap_or("");
    let tail = words_at(after_verb);
    let condition = tail.iter().any(|w| matches!(w.1, "if" | "when" | "unless" | "whenever"))
        || after_verb.contains(" as soon as ");
    let duration = tail.iter().any(|w| w.1 == "until" || w.1 == "till")
        || tail.iter().enumerate().any(|(n, w)| {
            w.1 == "for"
                && tail
                    .get(n + 1)
                    .is_some_and(|x| x.1.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&x.1))
                && tail[n + 1..].iter().take(3).any(|x| TIME_UNITS.iter().any(|t| x.1.trim_end_matches('s') == *t))
        });
    Some(Action {
        class,
        verb,
        object,
        phrase: (!phrase.is_empty()).then(|| phrase.join(" ")),
        condition,
        duration,
        before: before_event(&words),
    })
}

/// `before your {event}`: up to 3 words of letters after it.
fn before_event(words: &[(usize, &str)]) -> Option<String> {
    let at = words.windows(2).position(|w| eq(w[0].1, "before") && eq(w[1].1, "your"))?;
    let event: Vec<&str> = words[at + 2..]
        .iter()
        .map(|w| w.1)
        .take_while(|w| w.chars().all(char::is_alphabetic) && !PHRASE_STOP.contains(&w.to_lowercase().as_str()))
        .take(3)
        .collect();
    (!event.is_empty()).then(|| event.join(" ").to_lowercase())
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
        assert_eq!(action_class("You need to take it with food."), Some(VerbClass::Medicine));
        assert_eq!(action_class("You should not drive."), Some(VerbClass::Avoid));
        assert_eq!(action_class("You will need to bring your medicines."), Some(VerbClass::Prepare));
    }

    #[test]
    fn details() {
        let a = action("Take 1 tablet 2 times a day.").expect("action");
        assert_eq!((a.class, a.verb.as_str(), a.object.as_deref()), (VerbClass::Medicine, "take", Some("tablet")));
        assert!(!a.condition && !a.duration);
        let a = action("Call 999 if you have chest pain.").expect("action");
        assert_eq!((a.verb.as_str(), a.phrase.as_deref(), a.condition), ("call", Some("999"), true));
        let a = action("Do not drive for 24 hours.").expect("action");
        assert_eq!((a.class, a.verb.as_str(), a.duration), (VerbClass::Avoid, "drive", true));
        let a = action("If it gets worse, go to A&E.").expect("action");
        assert_eq!((a.verb.as_str(), a.phrase.as_deref(), a.condition), ("go to", Some("A&E"), true));
        let a = action("Drink plenty of fluids.").expect("action");
        assert_eq!(a.object.as_deref(), Some("fluid"));
        let a = action("Bring your medicines with you before your appointment.").expect("action");
        assert_eq!((a.object.as_deref(), a.before.as_deref()), (Some("medicine"), Some("appointment")));
        let a = action("Keep taking them until the course is finished.").expect("action");
        assert_eq!((a.class, a.verb.as_str(), a.duration), (VerbClass::Medicine, "take", true));
        let a = action("Do not take 2 doses to make up for a forgotten one.").expect("action");
        assert!(!a.duration);
        let a = action("Come back in 2 weeks.").expect("action");
        assert_eq!((a.verb.as_str(), a.object.as_deref()), ("come back", None));
        let a = action("You should apply the cream thinly.").expect("action");
        assert_eq!((a.verb.as_str(), a.object.as_deref()), ("apply", Some("cream")));
        let a = action("Call 999 or go to A&E if:").expect("action");
        assert_eq!((a.phrase.as_deref(), a.condition), (Some("999"), true));
        let a = action("Check with your doctor or pharmacist if you:").expect("action");
        assert_eq!(
            (a.class, a.verb.as_str(), a.phrase.as_deref(), a.condition),
            (VerbClass::Contact, "check with", Some("your doctor"), true)
        );
        let a = action("Phone NHS 111 now.").expect("action");
        assert_eq!(a.phrase.as_deref(), Some("NHS 111"));
        assert_eq!(singular("patches"), "patch");
        assert_eq!(singular("injections"), "injection");
    }

    #[test]
    fn not_actions() {
        assert!(!is_action("Swelling is common."));
        assert!(!is_action("Test results are usually ready in a week."));
        assert!(!is_action("Use of this medicine is rare."));
        assert!(!is_action("What it is for"));
        assert!(!is_action("you have severe stomach pain"));
        assert!(!is_action("You may feel sick at first."));
        assert!(!is_action("You will need a blood test."));
    }
}
