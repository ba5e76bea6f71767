//! `hard-sentence` (SPEC §4.2)
//!
//! **What it checks**: a unit of at least `min-words` words whose own ARI level (Automated
//! Readability Index with one sentence) is at least `hard-grade` (hard) or `very-hard-grade`
//! (very hard).
//!
//! **Why it matters to patients**: long words packed into a long sentence make a grade level
//! far above what most readers manage, even when the document as a whole is easy.
//!
//! **Flagged example**: "Metformin contains the active substance metformin hydrochloride, which
//! belongs to a group of medicines called biguanides." (ARI 17: very hard)
//!
//! **Plainer version**: "Ask your doctor or nurse if you have questions."
//!
//! **Source**: Hemingway Editor behaviour as reproduced by public clones (unverified); ARI (Smith
//! & Senter 1967).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 9 of 156 findings (most
//! were long sentences already reported by long-sentence, which now says both); a checker that is
//! wrong that often gets ignored (`leaflint rules --precision`). Turn it on under `[rules.hard-
//! sentence]` with `enabled = true`.

use super::{long_sentence, Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::metrics::formulas::unit_ari_level;
use crate::text::token_text;

/// See the module documentation.
pub struct HardSentence;

static META: RuleMeta = RuleMeta {
    id: "hard-sentence",
    category: Category::Readability,
    summary: "Sentences whose own grade level is high",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[
        Threshold { key: "min-words", values: [14.0, 14.0, 10.0], doc: "only units with at least this many words" },
        Threshold { key: "hard-grade", values: [10.0, 10.0, 8.0], doc: "ARI level from which a sentence is hard" },
        Threshold { key: "very-hard-grade", values: [14.0, 14.0, 12.0], doc: "ARI level from which it is very hard" },
    ],
    why: "Long words in a long sentence push its reading level far above what most people manage.",
    flagged: "Metformin contains the active substance metformin hydrochloride, which belongs to a group of medicines called biguanides.",
    plainer: "Ask your doctor or nurse if you have questions.",
    source: "Hemingway Editor behaviour (public clones, unverified); ARI, Smith and Senter 1967",
};

impl Rule for HardSentence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // One sentence, one finding: a sentence long-sentence reports carries the grade there.
        let long_words =
            if cx.config.rule_enabled("long-sentence") { cx.config.threshold("long-sentence", "words") } else { f64::INFINITY };
        for u in &cx.analysis.units {
            if f64::from(u.words) > long_words {
                continue;
            }
            let Some(h) = hardness(cx, u) else { continue };
            let mut help = h.words_help;
            if let Some((span, _)) = long_sentence::split_point(cx, u) {
                if !help.is_empty() {
                    help.push(' ');
                }
                help.push_str("You could split it at '");
                help.push_str(span.slice(&cx.doc.text).trim_start_matches([',', ';']).trim());
                help.push_str("'.");
            }
            let mut f = Finding::new(
                &META,
                h.severity,
                u.span,
                format!("This sentence is {} to read (grade {}). Use shorter words or split it.", h.how, h.level),
            )
            .with_data("grade", h.level)
            .with_data("level", h.how);
            if !help.is_empty() {
                f = f.with_help(help);
            }
            out.push(f);
        }
    }
}

/// How hard a unit is, when hard-sentence would report it.
pub(crate) struct Hardness {
    /// The unit's ARI level.
    pub level: u32,
    /// `hard` or `very hard`.
    pub how: &'static str,
    /// The severity hard-sentence gives it.
    pub severity: Severity,
    /// `Try shorter words for 'a', 'b'.` (or empty).
    pub words_help: String,
}

/// The hardness of unit `u` if hard-sentence is on and the unit is hard (shared with
/// long-sentence, which reports both in one finding).
pub(crate) fn hardness(cx: &Context<'_>, u: &crate::text::Unit) -> Option<Hardness> {
    if !cx.config.rule_enabled(META.id) {
        return None;
    }
    let min_words = cx.threshold(&META, "min-words");
    let hard = cx.threshold(&META, "hard-grade");
    let very_hard = cx.threshold(&META, "very-hard-grade");
    if !u.counted || f64::from(u.words) < min_words {
        return None;
    }
    let mut chars = 0usize;
    for t in cx.analysis.unit_words(u) {
        chars += t.chars.alphanumeric as usize;
    }
    let level = unit_ari_level(chars as f64, f64::from(u.words))?;
    let level_f = level as f64;
    if level_f < hard {
        return None;
    }
    // The long words are gathered only for a sentence that is flagged.
    let mut long: Vec<(&str, u32)> = Vec::new();
    for t in cx.analysis.unit_words(u) {
        let s = token_text(cx.doc, t);
        if t.syllables >= 3
            && t.class == crate::text::tokens::TokenClass::Word
            && !long.iter().any(|(w, _)| w.eq_ignore_ascii_case(s))
        {
            long.push((s, t.syllables));
        }
    }
    let base = cx.severity(&META);
    let (severity, how) = if level_f >= very_hard {
        (if base == Severity::Info { Severity::Warning } else { Severity::Error }, "very hard")
    } else {
        (base, "hard")
    };
    long.sort_by_key(|w| std::cmp::Reverse(w.1));
    let mut words_help = String::with_capacity(128); // one allocation: the help is up to ~120 bytes
    if !long.is_empty() {
        words_help.push_str("Try shorter words for ");
        for (k, (w, _)) in long.iter().take(3).enumerate() {
            if k > 0 {
                words_help.push_str(", ");
            }
            words_help.push('\'');
            words_help.push_str(w);
            words_help.push('\'');
        }
        words_help.push('.');
    }
    Some(Hardness { level: level as u32, how, severity, words_help })
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::test_util::*;

    #[test]
    fn hard_and_very_hard() {
        let hard = "If you have any further questions about this medicine, ask your doctor, pharmacist or diabetes nurse before you take it.";
        let f = findings(hard, "hard-sentence");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert_eq!(f[0].data["grade"], 12);
        let very = "Metformin contains the active substance metformin hydrochloride, which belongs to a group of medicines called biguanides.";
        let f = findings(very, "hard-sentence");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].data["level"], "very hard");
        assert!(f[0].help.as_deref().unwrap_or("").contains("hydrochloride"), "{:?}", f[0].help);
    }

    #[test]
    fn short_units_are_clean() {
        assert_clean("Ask your doctor or nurse if you have questions.", "hard-sentence");
        assert_clean("You can take it with food or on its own, and you can take it at any time of day.", "hard-sentence");
    }

    #[test]
    fn a_long_hard_sentence_is_one_finding() {
        let t = "Metformin hydrochloride belongs to a group of medicines called biguanides, which lower the amount of glucose that your liver releases into your bloodstream every day and night.";
        assert!(findings(t, "hard-sentence").is_empty());
        // With hard-sentence on (easy-read, or turned on), long-sentence says both.
        let mut cfg = crate::Config::default();
        cfg.set_enabled("hard-sentence", true);
        let f = findings_with(t, "long-sentence", &cfg);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("hard to read"), "{}", f[0].message);
        assert!(f[0].data.contains_key("grade"));
    }
}
