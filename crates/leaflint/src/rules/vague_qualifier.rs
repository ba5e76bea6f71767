//! `vague-qualifier` (SPEC §4.13)
//!
//! **What it checks**: intensifiers and softeners that add nothing: very, really, quite, fairly,
//! rather, somewhat, extremely, basically, actually, literally, simply, totally. Never the words
//! that state uncertainty honestly (may, might, could, possibly, probably, likely, usually), nor
//! `rather than`, `would rather`, `not quite` or `very much`.
//!
//! **Why it matters to patients**: every extra word is one more to read; "very important" says
//! no more than "important".
//!
//! **Flagged example**: "It is very important to take it."
//!
//! **Plainer version**: "It is important to take it." (`You may feel sick.` is never flagged.)
//!
//! **Source**: Hemingway qualifiers; write-good weasel words; the health carve-out is ours.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};

/// See the module documentation.
pub struct VagueQualifier;

static META: RuleMeta = RuleMeta {
    id: "vague-qualifier",
    category: Category::Words,
    summary: "Intensifiers such as 'very' and 'really' that add nothing",
    default_severity: [None, None, Some(Severity::Info)],
    thresholds: &[],
    why: "Every extra word is one more to read. 'Very important' says no more than 'important'.",
    flagged: "It is very important to take it.",
    plainer: "It is important to take it. You may feel sick.",
    source: "Hemingway qualifiers; write-good weasel words; health carve-out ours",
};

/// The qualifiers (SPEC §4.13).
pub const QUALIFIERS: &[&str] =
    &["very", "really", "quite", "fairly", "rather", "somewhat", "extremely", "basically", "actually", "literally", "simply", "totally"];

impl Rule for VagueQualifier {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        for (i, t) in lang.an.tokens.iter().enumerate() {
            if !t.is_word() || t.analysed.len() > 9 {
                continue;
            }
            let text = lang.tok(i);
            // No lower-cased copy per word: most words fail on their length or first letter.
            let Some(&lower) = QUALIFIERS.iter().find(|q| q.len() == text.len() && q.eq_ignore_ascii_case(text)) else {
                continue;
            };
            let next = lang.word_after(i).map(str::to_ascii_lowercase);
            let prev = lang.word_before(i).map(str::to_ascii_lowercase);
            let keep = match lower {
                "rather" => next.as_deref() == Some("than") || prev.as_deref() == Some("would"),
                "quite" => prev.as_deref() == Some("not"),
                "very" => matches!(next.as_deref(), Some("much" | "few" | "little" | "first" | "last" | "same")),
                _ => false,
            };
            if keep || next.is_none() {
                continue;
            }
            let mut f = Finding::new(&META, cx.severity(&META), t.span, format!("'{text}' adds little. Leave it out."))
                .with_data("word", text);
            if let Some(fix) = super::complex_word::delete_fix(cx, i..i + 1, &format!("Leave out '{text}'")) {
                f = f.with_fix(fix);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const ID: &str = "vague-qualifier";

    #[test]
    fn spec_examples() {
        assert_fix("It is very important to take it.", ID, "It is important to take it.");
        assert_clean("You may feel sick. It will probably pass.", ID);
        assert_fix("Simply take it with water.", ID, "Take it with water.");
    }

    #[test]
    fn off_by_default_except_easy_read_and_phrases_kept() {
        assert!(crate::check("It is very important.", &Config::default()).findings.iter().all(|f| f.rule != ID));
        let easy = Config::for_profile(Profile::EasyRead);
        assert!(crate::check("It is very important.", &easy).findings.iter().any(|f| f.rule == ID));
        assert_clean("Walk rather than drive. Thank you very much. It is not quite right.", ID);
    }
}
