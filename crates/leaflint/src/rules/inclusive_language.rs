//! `inclusive-language` (SPEC §4.12)
//!
//! **What it checks**: the NHS A to Z `inclusive` rows of `data/jargon-plain.tsv` (UK profiles;
//! `passing` only when `extended` is 1): `suffering from`, `the homeless`, `passed away`, `BAME`
//! …; and people described by a condition (our list `data/condition-nouns.tsv`, every profile):
//! `diabetics`, `a diabetic`, `you are diabetic`. Adjectives (`diabetic eye screening`) are fine.
//!
//! **Why it matters to patients**: labels and euphemisms can upset people and make them feel
//! the leaflet is not for them.
//!
//! **Flagged example**: "Diabetics should check their feet."
//!
//! **Plainer version**: "People with diabetes should check their feet." (`suffering from` →
//! `having`, `the homeless` → `people who are homeless`, `passed away` → `died`.)
//!
//! **Source**: NHS A to Z (inclusive content: diabetic, epileptic, suffering from, death,
//! unplanned).

use super::{Context, Rule, RuleMeta, Threshold};
use crate::data::jargon;
use crate::finding::{match_case, Applicability, Category, Finding, Fix, Severity};
use crate::language::inclusive;
use crate::language::owners::Owner;
use crate::language::terms::TermRef;

/// See the module documentation.
pub struct InclusiveLanguage;

static META: RuleMeta = RuleMeta {
    id: "inclusive-language",
    category: Category::Voice,
    summary: "Labels and euphemisms that can upset or exclude people",
    default_severity: [Some(Severity::Warning), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[Threshold { key: "extended", values: [0.0, 0.0, 0.0], doc: "1: also report 'passing' (as a euphemism for death)" }],
    why: "Labels and euphemisms can upset people and make them feel the leaflet is not for them.",
    flagged: "Diabetics should check their feet.",
    plainer: "People with diabetes should check their feet. Book your diabetic eye screening.",
    source: "NHS A to Z (inclusive content: diabetic, epileptic, suffering from, death, unplanned)",
};

/// Rows whose alternative is a different part of speech, so a swap would break the sentence.
const NO_FIX: &[&str] = &["deceased"];

impl Rule for InclusiveLanguage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        for (m, e) in lang.hits(Owner::Inclusive) {
            let TermRef::Jargon(i) = e.term else { continue };
            let row = &jargon::rows()[i as usize];
            let text = lang.match_text(m);
            let alts = row.alternatives();
            let span = lang.doc.blocks[m.block].span_of(m.range.clone());
            let message = match alts.first() {
                Some(a) => format!("'{text}' can upset or exclude people. Write '{a}' instead."),
                None => format!("'{text}' can upset or exclude people. Reword it."),
            };
            let mut f = Finding::new(&META, cx.severity(&META), span, message)
                .with_data("term", row.term)
                .with_data("alternatives", alts.iter().take(3).cloned().collect::<Vec<_>>());
            if !e.inflected && !NO_FIX.contains(&row.term) {
                if let Some(span) = cx.verbatim_span(m.block, m.range.clone()) {
                    for a in alts.iter().take(2) {
                        f = f.with_fix(Fix::replace(format!("Write '{a}'"), Applicability::Review, span, match_case(text, a)));
                    }
                }
            }
            out.push(f);
        }
        for c in inclusive::find(lang) {
            let (block, range, span) = lang.tokens_span(c.tokens.clone());
            let text = lang.tokens_text(c.tokens.clone());
            let mut f = Finding::new(
                &META,
                cx.severity(&META),
                span,
                format!("'{text}' describes people by their condition. Put the person first: people with {}.", c.condition),
            )
            .with_data("condition", c.condition);
            if let (Some(r), Some(span)) = (&c.replacement, cx.verbatim_span(block, range)) {
                let r = match_case(text, r);
                f = f.with_fix(Fix::replace(format!("Write '{r}'"), Applicability::Review, span, r));
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const ID: &str = "inclusive-language";

    #[test]
    fn spec_examples() {
        assert_fix("If you are suffering from pain, rest.", ID, "If you are having pain, rest.");
        let f = findings("If you are suffering from pain, rest.", ID);
        assert_eq!(crate::apply_fixes("If you are suffering from pain, rest.", [&f[0].fixes[1]]), "If you are living with pain, rest.");
        assert_fix("Help for the homeless is available.", ID, "Help for people who are homeless is available.");
        assert_fix("Her father passed away last year.", ID, "Her father died last year.");
        assert_fix("Diabetics should check their feet.", ID, "People with diabetes should check their feet.");
        assert_clean("Book your diabetic eye screening.", ID);
        assert_clean("Support for people with epilepsy.", ID);
    }

    #[test]
    fn condition_nouns_used_of_people() {
        assert_fix("If you are diabetic, check your feet.", ID, "If you have diabetes, check your feet.");
        assert_fix("He is an epileptic.", ID, "He is a person who has epilepsy.");
        assert_clean("You may have an epileptic seizure.", ID);
        let us = Config::for_profile(Profile::Us);
        assert_eq!(findings_with("Asthmatics should carry an inhaler.", ID, &us).len(), 1);
        assert!(findings_with("If you are suffering from pain, rest.", ID, &us).is_empty());
    }
}
