//! Words that describe people by a condition (SPEC §4.12, our list `data/condition-nouns.tsv`):
//! `diabetics`, `a diabetic`, `you are diabetic`. Adjectives before a noun (`diabetic eye
//! screening`, `epileptic seizure`) are fine.

use super::Lang;
use crate::data::condition_nouns;

/// True when `lower` is a condition noun or its plural (`diabetic`, `epileptics`).
pub fn is_condition_noun(lower: &str) -> bool {
    condition_nouns::condition(lower.strip_suffix('s').unwrap_or(lower)).is_some()
}

/// A person described by a condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionNoun {
    /// First and last token replaced (an article before a singular noun is included).
    pub tokens: std::ops::Range<usize>,
    /// The replacement (`people with diabetes`), if one fits.
    pub replacement: Option<String>,
    /// The condition (`diabetes`).
    pub condition: &'static str,
}

/// Be-forms that take `diabetic` as a description of a person, and what replaces `be + diabetic`.
const BE_HAVE: &[(&str, &str)] =
    &[("am", "have"), ("are", "have"), ("is", "has"), ("was", "had"), ("were", "had"), ("be", "have"), ("'re", "have")];

/// Every condition noun used of people in the document.
pub fn find(lang: &Lang<'_>) -> Vec<ConditionNoun> {
    let mut out = Vec::new();
    for i in 0..lang.an.tokens.len() {
        let lower = lang.lower(i);
        if lower.len() < 8 || !(lower.ends_with("ic") || lower.ends_with("ics")) {
            continue;
        }
        let text = lang.tok(i);
        let plural = lower.ends_with('s');
        let Some(condition) = condition_nouns::condition(lower.strip_suffix('s').unwrap_or(lower)) else { continue };
        let next = lang.word_after(i).map(str::to_ascii_lowercase);
        let prev = lang.word_before(i).map(str::to_ascii_lowercase);
        if plural {
            // `diabetics`, but not `diabetics' clinic`-style names (capitalised mid-sentence).
            if !lang.token(i).unit_start && text.starts_with(char::is_uppercase) {
                continue;
            }
            out.push(ConditionNoun {
                tokens: i..i + 1,
                replacement: Some(format!("people with {condition}")),
                condition,
            });
            continue;
        }
        // A singular noun: `a diabetic`, `the diabetic` with no noun after it.
        let noun_follows = next.as_deref().is_some_and(|n| {
            !matches!(n, "and" | "or" | "who" | "should" | "must" | "can" | "may" | "will" | "is" | "has")
        });
        match prev.as_deref() {
            Some("a" | "an" | "the") if !noun_follows => {
                let article = i - 1;
                out.push(ConditionNoun {
                    tokens: article..i + 1,
                    replacement: Some(format!(
                        "{} person who has {condition}",
                        if prev.as_deref() == Some("the") { "the" } else { "a" }
                    )),
                    condition,
                });
            }
            Some(be) if !noun_follows => {
                let before = lang.word_before(i).unwrap_or("");
                let (subject, be_key) = match before.strip_suffix("'re").or_else(|| before.strip_suffix("’re")) {
                    Some(subject) => (Some(subject), "'re"),
                    None => (None, be),
                };
                if let Some((_, have)) = BE_HAVE.iter().find(|(b, _)| *b == be_key) {
                    let replacement = match subject {
                        Some(s) => format!("{s} {have} {condition}"),
                        None => format!("{have} {condition}"),
                    };
                    out.push(ConditionNoun { tokens: i - 1..i + 1, replacement: Some(replacement), condition });
                }
            }
            _ => {}
        }
    }
    out
}
