//! English inflection for the words fixes write and the patterns matchers try: regular rules
//! plus the irregular verbs of `data/irregular-verbs.tsv`. Used by the term matcher (SPEC §4.4
//! "regular inflections"), passive rewrites (§4.3) and hidden-verb fixes (§4.11).

use crate::data::{frequency, scowl, verbs};

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// True for a short word ending consonant–vowel–consonant (`stop`, `plan`), whose final consonant
/// doubles before `-ed`/`-ing`.
pub fn doubles_final(base: &str) -> bool {
    let b = base.as_bytes();
    let n = b.len();
    if n < 3 || !base.is_ascii() {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let vowel_groups = b.windows(2).filter(|w| !is_vowel(w[0]) && is_vowel(w[1])).count() + usize::from(is_vowel(b[0]));
    !is_vowel(c1) && is_vowel(v) && !is_vowel(c2) && !matches!(c2, b'w' | b'x' | b'y') && vowel_groups == 1
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

fn sibilant(w: &str) -> bool {
    ["s", "x", "z", "ch", "sh"].iter().any(|s| w.ends_with(s))
}

/// Third person singular present (`decide` → `decides`, `carry` → `carries`, `have` → `has`).
pub fn third_person(base: &str) -> String {
    match base {
        "be" => return "is".into(),
        "have" => return "has".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    if ends_consonant_y(base) {
        format!("{}ies", &base[..base.len() - 1])
    } else if sibilant(base) || base.ends_with('o') {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

/// Regular `-ed` form, ignoring the irregular list.
fn regular_ed(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if ends_consonant_y(base) {
        format!("{}ied", &base[..base.len() - 1])
    } else if doubles_final(base) {
        format!("{base}{}ed", &base[base.len() - 1..])
    } else {
        format!("{base}ed")
    }
}

/// Simple past (`decide` → `decided`, `choose` → `chose`).
pub fn past(base: &str) -> String {
    verbs::by_base(base).map_or_else(|| regular_ed(base), |v| v.past[0].to_owned())
}

/// Past participle (`decide` → `decided`, `choose` → `chosen`).
pub fn participle(base: &str) -> String {
    verbs::by_base(base).map_or_else(|| regular_ed(base), |v| v.participle[0].to_owned())
}

/// Present participle (`decide` → `deciding`, `stop` → `stopping`, `see` → `seeing`).
pub fn ing(base: &str) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if base.len() > 2 && base.ends_with('e') && !base.ends_with("ee") && !base.ends_with("ye") && !base.ends_with("oe")
    {
        return format!("{}ing", &base[..base.len() - 1]);
    }
    if doubles_final(base) {
        return format!("{base}{}ing", &base[base.len() - 1..]);
    }
    format!("{base}ing")
}

/// Plural of a regular noun (`tablet` → `tablets`, `ovary` → `ovaries`, `virus` → `viruses`).
pub fn plural(noun: &str) -> String {
    if ends_consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if sibilant(noun) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Every inflected form a matcher should also try for `word` (`-s/-es`, `-ed`, `-ing`, with and
/// without a doubled final consonant, plus irregular past forms). May include forms that are not
/// words; they simply never match.
pub fn variants(word: &str) -> Vec<String> {
    let mut out = vec![plural(word), third_person(word), regular_ed(word), ing(word)];
    if word.ends_with('e') {
        out.push(format!("{word}s"));
    } else {
        out.push(format!("{word}ed"));
        out.push(format!("{word}ing"));
    }
    if let Some(v) = verbs::by_base(word) {
        out.extend(v.past.iter().chain(&v.participle).map(|s| (*s).to_owned()));
    }
    out.sort();
    out.dedup();
    out.retain(|v| v != word);
    out
}

fn known(w: &str) -> bool {
    frequency::lookup(w).is_some() || scowl::lookup(w).is_some()
}

/// The base form of a past participle (`given` → `give`, `checked` → `check`, `used` → `use`,
/// `stopped` → `stop`, `applied` → `apply`), if it is an irregular participle or a regular
/// `-ed` form whose stem is a known word. Prefers a stem in the frequency list.
pub fn participle_base(word_lower: &str) -> Option<String> {
    if let Some(v) = verbs::by_participle(word_lower) {
        return Some(v.base.to_owned());
    }
    let stem = word_lower.strip_suffix("ed")?;
    if stem.len() < 2 || !stem.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut candidates: Vec<String> = Vec::with_capacity(4);
    if let Some(s) = word_lower.strip_suffix("ied") {
        candidates.push(format!("{s}y"));
    }
    candidates.push(format!("{stem}e"));
    candidates.push(stem.to_owned());
    let b = stem.as_bytes();
    if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !is_vowel(b[b.len() - 1]) {
        candidates.push(stem[..stem.len() - 1].to_owned());
    }
    candidates
        .iter()
        .find(|c| c.len() >= 2 && frequency::lookup(c).is_some())
        .or_else(|| candidates.iter().find(|c| c.len() >= 3 && known(c)))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms() {
        assert_eq!(third_person("decide"), "decides");
        assert_eq!(third_person("carry"), "carries");
        assert_eq!(third_person("watch"), "watches");
        assert_eq!(past("decide"), "decided");
        assert_eq!(past("choose"), "chose");
        assert_eq!(past("stop"), "stopped");
        assert_eq!(past("apply"), "applied");
        assert_eq!(participle("choose"), "chosen");
        assert_eq!(ing("decide"), "deciding");
        assert_eq!(ing("see"), "seeing");
        assert_eq!(ing("stop"), "stopping");
        assert_eq!(ing("visit"), "visiting");
        assert_eq!(plural("ovary"), "ovaries");
        assert_eq!(plural("virus"), "viruses");
    }

    #[test]
    fn participle_bases() {
        for (p, b) in [
            ("given", "give"),
            ("checked", "check"),
            ("used", "use"),
            ("stopped", "stop"),
            ("applied", "apply"),
            ("caused", "cause"),
            ("tested", "test"),
            ("prescribed", "prescribe"),
            ("called", "call"),
            ("advised", "advise"),
        ] {
            assert_eq!(participle_base(p).as_deref(), Some(b), "{p}");
        }
        assert_eq!(participle_base("red"), None);
        assert_eq!(participle_base("proceed"), None);
    }

    #[test]
    fn matcher_variants() {
        let v = variants("persist");
        assert!(v.contains(&"persists".to_owned()) && v.contains(&"persisted".to_owned()));
        assert!(variants("seek").contains(&"sought".to_owned()));
        assert!(variants("nausea").contains(&"nauseas".to_owned()));
    }
}
