//! `complex-word` (SPEC §4.5)
//!
//! **What it checks**: wordy or formal words and phrases (`data/complex-phrases.tsv`, and CDC
//! thesaurus `general` rows whose words are not common), longest match first. Rows whose sense
//! depends on context (`address`, `key`, `monitor` …) are off unless `extended` is 1.
//!
//! **Why it matters to patients**: formal words make a leaflet slower to read and feel distant;
//! the everyday word is understood by more people.
//!
//! **Flagged example**: "Do this in order to stop the bleeding."
//!
//! **Plainer version**: "Do this to stop the bleeding." (`prior to your appointment` → `before`,
//! `Commence treatment` → `Begin treatment`.)
//!
//! **Source**: plainlanguage.gov simple words; retext-simplify; GOV.UK words to avoid; CDC Plain
//! Language Thesaurus; Hemingway's simpler alternatives.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::data::{jargon, phrases};
use crate::finding::{capitalise, match_case, Applicability, Category, Finding, Fix, Severity};
use crate::language::owners::Owner;
use crate::language::terms::TermRef;
use crate::span::ByteSpan;

/// See the module documentation.
pub struct ComplexWord;

static META: RuleMeta = RuleMeta {
    id: "complex-word",
    category: Category::Words,
    summary: "Wordy or formal words with a simpler alternative",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[Threshold {
        key: "extended",
        values: [0.0, 0.0, 0.0],
        doc: "1: also report words whose sense depends on context (address, key, monitor, type …)",
    }],
    why: "Formal words make a leaflet slower to read and feel distant. The everyday word is understood by more people.",
    flagged: "Do this in order to stop the bleeding.",
    plainer: "Do this to stop the bleeding.",
    source: "plainlanguage.gov; retext-simplify; GOV.UK words to avoid; CDC Plain Language Thesaurus; Hemingway",
};

/// A fix deleting tokens `r` and one adjacent space; at unit start the next word is capitalised.
pub(crate) fn delete_fix(cx: &Context<'_>, r: std::ops::Range<usize>, label: &str) -> Option<Fix> {
    let lang = cx.lang;
    let (block, range, _) = lang.tokens_span(r.clone());
    let text = &lang.doc.blocks[block].analysed;
    let next = lang.an.tokens.get(r.end).filter(|t| t.block as usize == block);
    let Some(next) = next else {
        // At the end of the block: delete the phrase and the space before it.
        text.get(..range.start)?.ends_with(' ').then_some(())?;
        let span = cx.verbatim_span(block, range.start - 1..range.end)?;
        return Some(Fix::replace(label, Applicability::Review, span, ""));
    };
    if lang.token(r.start).unit_start {
        if !next.is_word() {
            return None;
        }
        let word = lang.tok(r.end);
        let span = cx.verbatim_span(block, range.start..next.analysed.end)?;
        return Some(Fix::replace(label, Applicability::Review, span, capitalise(word)));
    }
    let after = text.get(range.end..)?;
    if after.starts_with(' ') {
        let span = cx.verbatim_span(block, range.start..range.end + 1)?;
        return Some(Fix { label: label.into(), applicability: Applicability::Review, edits: vec![crate::finding::Edit::new(span, "")] });
    }
    let before = text.get(..range.start)?;
    before.ends_with(' ').then_some(())?;
    let span: ByteSpan = cx.verbatim_span(block, range.start - 1..range.end)?;
    Some(Fix::replace(label, Applicability::Review, span, ""))
}

impl Rule for ComplexWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        for (m, e) in lang.hits(Owner::ComplexWord) {
            let text = lang.match_text(m);
            if cx.config.allows_word(text) {
                continue;
            }
            let (alts, can_omit): (Vec<String>, bool) = match e.term {
                TermRef::Phrase(i) => {
                    let row = &phrases::rows()[i as usize];
                    (row.alternatives().into_iter().map(str::to_owned).collect(), row.can_omit)
                }
                TermRef::Jargon(i) => {
                    let row = &jargon::rows()[i as usize];
                    (row.alternatives().into_iter().filter(|a| !a.eq_ignore_ascii_case(row.term)).collect(), false)
                }
                _ => continue,
            };
            let span = lang.doc.blocks[m.block].span_of(m.range.clone());
            let message = match alts.first() {
                Some(a) => format!("'{text}' is wordy or formal. '{a}' is simpler."),
                None => format!("'{text}' is wordy. You can usually leave it out."),
            };
            let mut f = Finding::new(&META, cx.severity(&META), span, message)
                .with_data("phrase", text)
                .with_data("alternatives", alts.iter().take(3).cloned().collect::<Vec<_>>());
            if let Some(a) = alts.first() {
                if !e.inflected {
                    if let Some(span) = cx.verbatim_span(m.block, m.range.clone()) {
                        f = f.with_fix(Fix::replace(format!("Write '{a}'"), Applicability::Review, span, match_case(text, a)));
                    }
                }
            }
            if can_omit {
                if let Some(fix) = delete_fix(cx, m.tokens.clone(), &format!("Leave out '{text}'")) {
                    f = f.with_fix(fix);
                }
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::test_util::*;

    const ID: &str = "complex-word";

    #[test]
    fn spec_examples() {
        assert_fix("Do this in order to stop the bleeding.", ID, "Do this to stop the bleeding.");
        assert_fix("Come in prior to your appointment.", ID, "Come in before your appointment.");
        assert_fix("Commence treatment today.", ID, "Begin treatment today.");
        let f = findings("Commence treatment today.", ID);
        assert_eq!(f[0].data["alternatives"], serde_json::json!(["begin", "start"]));
        assert_clean("Do this to stop the bleeding.", ID);
    }

    #[test]
    fn case_is_kept_and_omission_offered() {
        assert_fix("In order to rest, lie down.", ID, "To rest, lie down.");
        let us = Config::for_profile(crate::config::Profile::Us);
        let f = findings_with("IN ORDER TO rest, lie down.", ID, &us);
        assert_eq!(crate::apply_fixes("IN ORDER TO rest, lie down.", [&f[0].fixes[0]]), "TO rest, lie down.");
        let f = findings("You can currently get it free.", ID);
        assert_eq!(f.len(), 1);
        assert_eq!(crate::apply_fixes("You can currently get it free.", [&f[0].fixes[1]]), "You can get it free.");
        let f = findings("In the process of healing, rest.", ID);
        assert_eq!(crate::apply_fixes("In the process of healing, rest.", [&f[0].fixes[0]]), "Healing, rest.");
    }

    #[test]
    fn context_words_are_off_unless_extended() {
        assert_clean("Your nurse will monitor your blood pressure.", ID);
        let mut cfg = Config::default();
        cfg.set_threshold(ID, "extended", 1.0);
        assert_eq!(findings_with("Your nurse will monitor your blood pressure.", ID, &cfg).len(), 1);
    }
}
