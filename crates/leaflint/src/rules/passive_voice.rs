//! `passive-voice` (SPEC §4.3)
//!
//! **What it checks**: a form of *be* or *get*, up to 2 adverbs, then a past participle — regular
//! (`are advised`) or irregular (`will be given`), with modals and perfect forms (`has been
//! prescribed`, `got infected`). States are not passives (`You are tired`, `is closed on
//! Sundays`, `be worried`), nor `Get tested`. The detector is shared with the passive-share score
//! ([`crate::language::passive`]).
//!
//! **Why it matters to patients**: a passive sentence hides who does what; readers must work
//! out whether they or the clinic must act.
//!
//! **Flagged example**: "Your medicine will be checked by a pharmacist before you leave."
//!
//! **Plainer version**: "A pharmacist will check your medicine before you leave." The fix is
//! offered only when the agent is named (`You will be given a leaflet.` is flagged with no fix).
//!
//! **Source**: SHeLL (passive count); CDC Clear Communication Index 6; PEMAT 5; NHS A to Z
//! (active voice); Hemingway (about 1 in 5 sentences).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 14 of 174 findings
//! (states, set phrases and easy-read's standard "You will be asked" were noise; most real passives
//! were not worth an edit); a checker that is wrong that often gets ignored (`leaflint rules
//! --precision`). Turn it on under `[rules.passive-voice]` with `enabled = true`.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::config::Profile;
use crate::language::passive::{rewrite, ADVERBS};
use crate::language::Lang;

const MODALS: &[&str] = &["will", "would", "can", "could", "may", "might", "must", "should", "shall", "'ll", "’ll"];

/// True when the subject of the auxiliary at token `aux` is `you` (`You will be asked`,
/// `you may be given`).
fn subject_is_you(lang: &Lang<'_>, aux: usize) -> bool {
    lang.prev_words(aux)
        .find(|w| !MODALS.contains(w) && !ADVERBS.contains(w) && !matches!(*w, "be" | "been" | "have" | "has"))
        .is_some_and(|w| w == "you" || w == "you'll" || w == "you're" || w == "you’ll" || w == "you’re")
}

/// See the module documentation.
pub struct PassiveVoice;

static META: RuleMeta = RuleMeta {
    id: "passive-voice",
    category: Category::Voice,
    summary: "Passive voice that hides who does what",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[],
    why: "A passive sentence hides who does what. Readers must work out whether they or the clinic must act.",
    flagged: "Your medicine will be checked by a pharmacist before you leave.",
    plainer: "A pharmacist will check your medicine before you leave. You may feel tired. Get tested every year.",
    source: "SHeLL (passive count); CDC Clear Communication Index 6; PEMAT 5; NHS A to Z (active voice)",
};

impl Rule for PassiveVoice {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let easy_read = cx.config.profile == Profile::EasyRead;
        for p in lang.passives() {
            let (_, _, span) = lang.tokens_span(p.aux..p.participle + 1);
            let phrase = lang.tokens_text(p.aux..p.participle + 1);
            let by_agent = lang.lower(p.participle + 1) == "by";
            // Easy read writes `You will be asked …` on purpose: the reader is the one it
            // happens to, and the doer is told nearby.
            if easy_read && !by_agent && subject_is_you(lang, p.aux) {
                continue;
            }
            let rewritten = rewrite(lang, p);
            let message = match (&rewritten, by_agent) {
                (Some((_, text)), _) => format!("'{phrase}' is passive. Put who does it first: '{text}'."),
                (None, true) => format!("'{phrase}' is passive. Put who does it (after 'by') first, if you can."),
                (None, false) => {
                    format!("'{phrase}' is passive: it does not say who does it. Put who acts first, if you can.")
                }
            };
            let mut f = Finding::new(&META, cx.severity(&META), span, message).with_data("passive", phrase);
            match rewritten {
                Some((tokens, text)) => {
                    let (block, range, _) = lang.tokens_span(tokens);
                    if let Some(span) = cx.verbatim_span(block, range) {
                        f = f.with_fix(Fix::replace("Rewrite in the active voice", Applicability::Review, span, text));
                    }
                }
                None if by_agent => {}
                None => f = f.with_help("Say who does it: 'We will give you …', 'Your nurse will …'."),
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const ID: &str = "passive-voice";

    #[test]
    fn spec_examples() {
        assert_fix(
            "Your medicine will be checked by a pharmacist before you leave.",
            ID,
            "A pharmacist will check your medicine before you leave.",
        );
        assert_fix("You will be seen by a nurse.", ID, "A nurse will see you.");
        let f = findings("You will be given a leaflet.", ID);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        for clean in ["You may feel tired.", "You are worried about it.", "Get tested every year.", "The surgery is closed on Sundays."] {
            assert_clean(clean, ID);
        }
    }

    #[test]
    fn regular_irregular_modal_and_perfect_forms() {
        for t in [
            "You are advised to rest.",
            "It has been prescribed for you.",
            "You got infected at work.",
            "Metformin is used to treat diabetes.",
            "Your results were sent to your GP.",
        ] {
            assert_flags(t, ID, 1);
        }
        for t in ["You are used to the taste.", "Do not get tired.", "It's best to rest.", "You're going home.", "This is called sepsis."] {
            assert_clean(t, ID);
        }
    }

    #[test]
    fn rewrites() {
        assert_fix("Metformin can be taken by adults.", ID, "Adults can take metformin.");
        assert_fix("The test is done by a nurse.", ID, "A nurse does the test.");
        assert_fix("The tests are not done by your GP.", ID, "Your GP does not do the tests.");
        assert_fix("Your letter was sent by the clinic.", ID, "The clinic sent your letter.");
        assert_fix("Your dose has been changed by your doctors.", ID, "Your doctors have changed your dose.");
        assert_fix("You are being seen by a nurse today.", ID, "A nurse is seeing you today.");
        // The agent runs into a bracket: no safe rewrite.
        let t = "Diarrhoea and vomiting is usually caused by a stomach bug (like norovirus) or food poisoning.";
        assert!(findings(t, ID)[0].fixes.is_empty());
    }

    #[test]
    fn states_are_not_passive() {
        for t in [
            "Your movement may be limited for a few weeks.",
            "The clinic is closed at weekends.",
            "Tell us when your baby is born.",
            "Pinworms are found in the gut.",
            "This is linked to smoking.",
            "You will be protected for life.",
            "This condition is known as reflux.",
            "The clinic is known for its short waits.",
        ] {
            assert_clean(t, ID);
        }
        // Who knows is hidden: passive.
        assert_flags("It is not known whether screening saves lives.", ID, 1);
        assert_flags("Smoking is known to cause cancer.", ID, 1);
    }

    #[test]
    fn agent_rewrites_only_with_a_named_doer() {
        let f = findings("The test is done by your nurse.", ID);
        assert_eq!(f[0].message, "'is done' is passive. Put who does it first: 'Your nurse does the test'.");
        for t in [
            "Repeated infections should be treated by the same method.",
            "The scabies mite usually is spread by direct contact.",
            "This can be done by carefully removing the mite.",
        ] {
            let f = findings(t, ID);
            assert_eq!(f.len(), 1, "{t}");
            assert!(f[0].fixes.is_empty(), "{t}: {:?}", f[0].fixes);
            assert!(!f[0].message.contains("does not say who"), "{t}");
        }
    }

    #[test]
    fn easy_read_keeps_you_will_be_asked() {
        let er = crate::config::Config::for_profile(crate::config::Profile::EasyRead);
        assert!(findings_with("You will be asked some questions.", ID, &er).is_empty());
        assert_eq!(findings_with("Your blood will be taken.", ID, &er).len(), 1);
        assert_eq!(findings("You will be asked some questions.", ID).len(), 1);
    }
}
