//! Passive voice (SPEC §4.3): a form of *be* or *get*, up to 2 adverbs, then a past participle
//! (irregular from our verb list, or a regular `-ed` form whose stem is a known word). Not
//! passive: adjectival participles (`tired`, `worried`, `closed`), `used to` + noun or `-ing`,
//! *get* idioms (`get married`, `get better`), imperative `Get tested`, participles of verbs that
//! take no object (`gone`), and `'s` unless a `by` agent follows (it is often *has*).
//!
//! [`rewrite`] turns `Subject + be + participle + by + Agent (+ rest)` into `Agent + verb +
//! object (+ rest)` when every part is simple enough to do safely.

use super::inflect;
use super::Lang;
use crate::data::{participles, verbs};
use std::ops::Range;

/// Adverbs allowed between the auxiliary and the participle.
pub const ADVERBS: &[&str] = &[
    "not",
    "also",
    "usually",
    "often",
    "always",
    "never",
    "only",
    "just",
    "now",
    "still",
    "already",
    "then",
    "sometimes",
    "probably",
];
const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being"];
const GET: &[&str] = &["get", "gets", "got", "gotten", "getting"];
const GET_IDIOMS: &[&str] = &[
    "married", "dressed", "lost", "tired", "better", "worse", "started", "used", "changed", "involved", "rid",
    "engaged", "bored", "worried", "upset", "drunk", "hurt",
];
const INTRANSITIVE: &[&str] =
    &["come", "become", "gone", "arisen", "fallen", "risen", "lain", "been", "sat", "stood", "fled", "grown"];
const NOT_VERB_AFTER_TO: &[&str] = &[
    "the", "a", "an", "it", "this", "that", "them", "him", "her", "me", "us", "you", "my", "your", "their", "his",
    "its", "our", "being", "having", "some", "any",
];
const IMPERATIVE_LEAD: &[&str] =
    &["please", "do", "not", "don't", "don’t", "never", "always", "also", "then", "now", "just"];
const MODALS: &[&str] = &["will", "would", "can", "could", "may", "might", "must", "should", "shall"];
const CONJUNCTIONS: &[&str] = &["before", "after", "when", "if", "because", "until", "but", "while", "so"];
/// Words that end an agent noun phrase and start the rest of the unit (`by a nurse at the clinic`).
const AGENT_END: &[&str] = &[
    "at",
    "in",
    "on",
    "for",
    "with",
    "from",
    "to",
    "into",
    "during",
    "within",
    "today",
    "tomorrow",
    "tonight",
    "now",
    "soon",
    "later",
    "again",
    "first",
    "yesterday",
    "every",
    "each",
    "as",
    "about",
    "instead",
];
/// After `found`, words that make it a place (`is found in`), not a passive action.
const FOUND_STATE: &[&str] =
    &["in", "on", "at", "inside", "near", "throughout", "mainly", "mostly", "only", "naturally"];
/// Words an agent may start with for a safe rewrite: a determiner or possessive (`by your nurse`,
/// `by a doctor`), or an object pronoun.
const AGENT_LEADS: &[&str] = &[
    "the", "a", "an", "your", "their", "his", "her", "our", "my", "its", "this", "that", "these", "those", "each",
    "some", "me", "you", "us", "them", "him",
];
/// Agent heads that name a means, not someone who acts (`by the same method`, `by direct
/// contact`): the sentence has no doer to put first.
const MEANS: &[&str] = &[
    "method",
    "methods",
    "way",
    "ways",
    "means",
    "contact",
    "hand",
    "mouth",
    "post",
    "email",
    "phone",
    "injection",
    "drip",
    "route",
    "process",
    "use",
    "amount",
    "number",
    "time",
    "end",
    "rest",
];
const PRONOUN_SUBJECTS: &[&str] = &["you", "we", "they", "he", "she", "it", "i", "then", "there"];
const SUBJECT_STOP: &[&str] = &[
    "if", "when", "after", "before", "because", "until", "while", "as", "although", "so", "and", "but", "or", "then",
    "there", "that", "which", "who", "what", "how", "where",
];

/// One passive construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passive {
    /// Unit index.
    pub unit: usize,
    /// The be/get token.
    pub aux: usize,
    /// The participle token.
    pub participle: usize,
    /// A *get* passive (`got infected`).
    pub get: bool,
}

/// A form of *be*, or a `'re`/`'s` contraction (lower case).
pub fn is_be(w: &str) -> bool {
    BE.contains(&w) || (w.len() > 2 && (w.ends_with("'re") || w.ends_with("'s")))
}

/// A form of *get* (lower case).
pub fn is_get(w: &str) -> bool {
    GET.contains(&w)
}

fn lower<'l>(lang: &'l Lang<'_>, i: usize) -> &'l str {
    lang.lower(i)
}

fn is_participle(w: &str) -> bool {
    if INTRANSITIVE.contains(&w) || participles::contains(w) {
        return false;
    }
    verbs::by_participle(w).is_some() || (w.len() >= 4 && w.ends_with("ed") && inflect::participle_base(w).is_some())
}

/// Every passive in the document, in order.
pub fn find(lang: &Lang<'_>) -> Vec<Passive> {
    let mut out = Vec::new();
    let interned = lang.words();
    // is_participle per distinct word: 0 unknown, 1 no, 2 yes.
    let mut participle = vec![0u8; interned.lower.len()];
    let mut words: Vec<usize> = Vec::new();
    for (ui, u) in lang.an.units.iter().enumerate() {
        let has_aux = u.tokens.clone().any(|i| lang.flags(i) & (super::flags::BE | super::flags::GET) != 0);
        if !has_aux {
            continue;
        }
        words.clear();
        words.extend(u.tokens.clone().filter(|&i| lang.token(i).is_word()));
        for (k, &i) in words.iter().enumerate() {
            let w = lower(lang, i);
            let contracted_s = w.len() > 2 && w.ends_with("'s");
            let is_be = BE.contains(&w) || (w.len() > 3 && w.ends_with("'re")) || contracted_s;
            let is_get = GET.contains(&w);
            if !is_be && !is_get {
                continue;
            }
            // Up to 2 adverbs, then the participle (directly adjacent words only).
            let mut j = k + 1;
            while j < words.len() && j - k <= 2 && ADVERBS.contains(&lower(lang, words[j])) {
                j += 1;
            }
            let Some(&p) = words.get(j) else { continue };
            if p - i != j - k {
                continue; // punctuation between the auxiliary and the participle
            }
            let pw = lower(lang, p);
            let pid = interned.id[p] as usize;
            if participle[pid] == 0 {
                participle[pid] = if is_participle(pw) { 2 } else { 1 };
            }
            if participle[pid] == 1 {
                continue;
            }
            let next = words.get(j + 1).map(|&n| lower(lang, n));
            if pw == "used" && next == Some("to") {
                let after = words.get(j + 2).map(|&n| lower(lang, n)).unwrap_or_default();
                if after.is_empty() || after.ends_with("ing") || NOT_VERB_AFTER_TO.contains(&after) {
                    continue;
                }
            }
            if contracted_s && next != Some("by") {
                continue;
            }
            // A name or a reputation, not an action: `is known as GORD`, `is known for`. `It is not
            // known whether …` and `is known to cause …` hide who knows: passive.
            if pw == "known" && matches!(next, Some("as" | "for")) {
                continue;
            }
            // A place, not an action: `is found in the gut`, `are found on the skin`.
            if pw == "found" && next.is_some_and(|n| FOUND_STATE.contains(&n)) {
                continue;
            }
            if is_get {
                if GET_IDIOMS.contains(&pw) {
                    continue;
                }
                if words[..k].iter().all(|&b| IMPERATIVE_LEAD.contains(&lower(lang, b))) {
                    continue;
                }
            }
            out.push(Passive { unit: ui, aux: i, participle: p, get: is_get });
        }
    }
    out
}

fn singular_agent(agent: &[String]) -> Option<bool> {
    if agent.iter().any(|w| w == "and") {
        return Some(false);
    }
    let head = agent.last()?;
    if agent.len() == 1 {
        return Some(match head.to_lowercase().as_str() {
            "he" | "she" | "it" | "him" | "her" => true,
            "i" | "me" | "you" | "we" | "us" | "they" | "them" => false,
            h => !h.ends_with('s') || h.ends_with("ss") || h.ends_with("us") || h.ends_with("is"),
        });
    }
    let h = head.as_str();
    let plural =
        (h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us") && !h.ends_with("is")) || h.ends_with("ren");
    Some(!plural)
}

fn agent_subject(agent: &[String]) -> String {
    if agent.len() == 1 {
        let m = match agent[0].to_lowercase().as_str() {
            "me" => Some("I"),
            "you" => Some("You"),
            "us" => Some("We"),
            "them" => Some("They"),
            "him" => Some("He"),
            "her" => Some("She"),
            "it" => Some("It"),
            _ => None,
        };
        if let Some(m) = m {
            return m.to_owned();
        }
    }
    crate::finding::capitalise(&agent.join(" "))
}

fn object(subject: &[String]) -> String {
    if subject.len() == 1 {
        let m = match subject[0].to_lowercase().as_str() {
            "i" => Some("me"),
            "we" => Some("us"),
            "he" => Some("him"),
            "she" => Some("her"),
            "they" => Some("them"),
            "you" => Some("you"),
            "it" => Some("it"),
            _ => None,
        };
        if let Some(m) = m {
            return m.to_owned();
        }
    }
    let mut s = subject.join(" ");
    let first = &subject[0];
    if first.chars().skip(1).all(|c| c.is_lowercase() || !c.is_alphabetic()) {
        let mut c = s.chars();
        if let Some(f) = c.next() {
            s = f.to_lowercase().collect::<String>() + c.as_str();
        }
    }
    s
}

/// The active rewrite of a passive (SPEC §4.3 fix): tokens replaced and their replacement.
pub fn rewrite(lang: &Lang<'_>, p: &Passive) -> Option<(Range<usize>, String)> {
    if p.get || lang.lower(p.participle + 1) != "by" {
        return None; // no agent, no rewrite
    }
    let u = &lang.an.units[p.unit];
    let words: Vec<usize> = u.tokens.clone().filter(|&i| lang.token(i).is_word()).collect();
    let pos = |t: usize| words.iter().position(|&w| w == t);
    let (ai, pi) = (pos(p.aux)?, pos(p.participle)?);
    let lw: Vec<String> = words.iter().map(|&i| lower(lang, i).to_owned()).collect();
    // Auxiliary chain: subject words, then [modal | has/have/had | is/are/was/were/am] [adverbs] [be/been/being].
    let mut chain_start = ai;
    let aux_word = lw[ai].as_str();
    if matches!(aux_word, "be" | "been" | "being") {
        let mut k = ai;
        while k > 0 && ADVERBS.contains(&lw[k - 1].as_str()) {
            k -= 1;
        }
        k = k.checked_sub(1)?;
        let lead = lw[k].as_str();
        let ok = match aux_word {
            "be" => MODALS.contains(&lead),
            "been" => matches!(lead, "has" | "have" | "had"),
            _ => matches!(lead, "is" | "are" | "am"),
        };
        if !ok {
            return None;
        }
        chain_start = k;
    } else if !matches!(aux_word, "is" | "are" | "am" | "was" | "were") {
        return None;
    }
    if chain_start == 0 || chain_start > 4 {
        return None;
    }
    // The words of the unit so far must be contiguous words (no punctuation).
    let first_tok = words[0];
    if words[pi] - first_tok != pi || lw[0].is_empty() || SUBJECT_STOP.contains(&lw[0].as_str()) {
        return None;
    }
    let subject: Vec<String> = words[..chain_start].iter().map(|&i| lang.tok(i).to_owned()).collect();
    if subject.len() > 1 && PRONOUN_SUBJECTS.contains(&lw[0].as_str())
        || lw[..chain_start]
            .iter()
            .any(|w| BE.contains(&w.as_str()) || MODALS.contains(&w.as_str()) || SUBJECT_STOP.contains(&w.as_str()))
        || matches!(lw[0].as_str(), "there" | "then")
    {
        return None;
    }
    // by + agent (≤ 5 words) ending at punctuation, a conjunction or the unit end.
    if lw.get(pi + 1).map(String::as_str) != Some("by") || words[pi + 1] != words[pi] + 1 {
        return None;
    }
    let agent_start = pi + 2;
    let mut end = agent_start;
    while end < words.len() && words[end] == words[agent_start] + (end - agent_start) {
        let w = lw[end].as_str();
        if CONJUNCTIONS.contains(&w) || AGENT_END.contains(&w) {
            break;
        }
        if matches!(w, "and" | "or") {
            let next = lw.get(end + 1).map(String::as_str).unwrap_or("");
            if PRONOUN_SUBJECTS.contains(&next) {
                break;
            }
        }
        end += 1;
    }
    let agent_len = end - agent_start;
    if agent_len == 0 || agent_len > 5 {
        return None;
    }
    let last_agent_tok = words[end - 1];
    let after = last_agent_tok + 1;
    let stops_clean = end < words.len()
        && (CONJUNCTIONS.contains(&lw[end].as_str()) || AGENT_END.contains(&lw[end].as_str()))
        || (end < words.len() && matches!(lw[end].as_str(), "and" | "or"))
        || (after < u.tokens.end && matches!(lang.tok(after), "," | "." | ";" | ":" | "!" | "?" | "—" | "–"))
        || after >= u.tokens.end;
    if !stops_clean {
        return None;
    }
    let agent: Vec<String> = words[agent_start..end].iter().map(|&i| lang.tok(i).to_owned()).collect();
    if agent.iter().any(|a| ["who", "which", "that"].contains(&a.to_lowercase().as_str())) {
        return None;
    }
    // Only a named doer moves to the front: `by your nurse`, `by Dr Patel`, not `by direct
    // contact`, `by carefully removing …` or `by the same method`.
    let lead = &lw[agent_start];
    let named = words[agent_start] > u.tokens.start && agent[0].starts_with(char::is_uppercase);
    let bare_plural = end - agent_start == 1 && lead.ends_with('s') && !lead.ends_with("ss");
    if !(AGENT_LEADS.contains(&lead.as_str()) || named || bare_plural)
        || lw[agent_start..end].iter().any(|w| w.ends_with("ing") || w.ends_with("ly") || MEANS.contains(&w.as_str()))
        || lw[..chain_start].iter().any(|w| w.ends_with("ly") || ADVERBS.contains(&w.as_str()))
    {
        return None;
    }
    let base = inflect::participle_base(&lw[pi])?;
    let singular = singular_agent(&agent)?;
    let agent_is_i = agent.len() == 1 && agent[0].eq_ignore_ascii_case("me");
    let advs: Vec<&str> = lw[chain_start + 1..pi].iter().map(String::as_str).filter(|w| ADVERBS.contains(w)).collect();
    let has_not = advs.contains(&"not");
    let other_advs: Vec<&str> = advs.iter().copied().filter(|a| *a != "not").collect();
    let lead = lw[chain_start].as_str();
    let mut verb: Vec<String> = Vec::new();
    let adv_then = |v: &mut Vec<String>, a: &[&str]| v.extend(a.iter().map(|s| (*s).to_owned()));
    match (lead, aux_word) {
        (m, "be") if MODALS.contains(&m) => {
            verb.push(m.to_owned());
            adv_then(&mut verb, &advs);
            verb.push(base.clone());
        }
        (h, "been") => {
            verb.push(if h == "had" {
                "had".into()
            } else if singular {
                "has".into()
            } else {
                "have".into()
            });
            adv_then(&mut verb, &advs);
            verb.push(lw[pi].clone());
        }
        (_, "being") => {
            verb.push(if agent_is_i {
                "am".into()
            } else if singular {
                "is".into()
            } else {
                "are".into()
            });
            adv_then(&mut verb, &advs);
            verb.push(inflect::ing(&base));
        }
        ("was" | "were", _) => {
            if has_not {
                verb.push("did not".into());
                adv_then(&mut verb, &other_advs);
                verb.push(base.clone());
            } else {
                adv_then(&mut verb, &other_advs);
                verb.push(inflect::past(&base));
            }
        }
        _ => {
            if has_not {
                verb.push(if singular && !agent_is_i { "does not".into() } else { "do not".into() });
                adv_then(&mut verb, &other_advs);
                verb.push(base.clone());
            } else {
                adv_then(&mut verb, &other_advs);
                verb.push(if singular && !agent_is_i { inflect::third_person(&base) } else { base.clone() });
            }
        }
    }
    let text = format!("{} {} {}", agent_subject(&agent), verb.join(" "), object(&subject));
    Some((first_tok..last_agent_tok + 1, text))
}
