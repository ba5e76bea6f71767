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
use crate::data::swaps::{self, Pos};
use crate::data::{jargon, phrases};
use crate::finding::{capitalise, match_case, Applicability, Category, Finding, Fix, Severity};
use crate::language::owners::Owner;
use crate::language::slot;
use crate::language::terms::{TermMatch, TermRef};
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
            let (term, source_alts, can_omit): (String, Vec<String>, bool) = match e.term {
                TermRef::Phrase(i) => {
                    let row = &phrases::rows()[i as usize];
                    (row.phrase.to_lowercase(), row.alternatives().into_iter().map(str::to_owned).collect(), row.can_omit)
                }
                TermRef::Jargon(i) => {
                    let row = &jargon::rows()[i as usize];
                    let alts = row.alternatives().into_iter().filter(|a| !a.eq_ignore_ascii_case(row.term)).collect();
                    (row.term.to_lowercase(), alts, false)
                }
                _ => continue,
            };
            // Rows off by default (`extended`) that have no row of their own swap only as written.
            let fallback;
            let swap = match swaps::lookup(&term) {
                Some(s) => s,
                None => {
                    fallback = swaps::Swap { term: "", pos: Pos::Phrase, alternatives: "", note: "" };
                    &fallback
                }
            };
            // The source list deletes a phrase only when it had nothing to swap in; a fitting
            // swap wins (`on a regular basis` → `regularly`, not deleted).
            let can_omit = can_omit && (!source_alts.is_empty() || swap.alternatives().is_empty());
            let listed: Vec<String> = if swap.term.is_empty() {
                source_alts.clone()
            } else {
                swap.alternatives().into_iter().map(str::to_owned).collect()
            };
            let span = lang.doc.blocks[m.block].span_of(m.range.clone());
            let mut fixes: Vec<Fix> = Vec::new();
            let written: Vec<String> = if swap.pos == Pos::ConjAdv {
                let Some(fix) = clause_swap(cx, m, text, listed.first().map(String::as_str)) else { continue };
                fixes.push(fix);
                listed.clone()
            } else {
                match slot::fit(lang, m, &term, swap.pos, &listed) {
                    slot::Fit::OtherSlot => continue,
                    slot::Fit::Use(w) => w,
                }
            };
            let message = match listed.first() {
                Some(a) => format!("'{text}' is wordy or formal. '{a}' is simpler."),
                None if can_omit => format!("'{text}' is wordy. You can usually leave it out."),
                None => format!("'{text}' is formal. Use a plainer word or explain it."),
            };
            let mut f = Finding::new(&META, cx.severity(&META), span, message)
                .with_data("phrase", text)
                .with_data("pos", swap.pos.name())
                .with_data("alternatives", listed.iter().take(3).cloned().collect::<Vec<_>>());
            if swap.pos != Pos::ConjAdv {
                if let Some(span) = cx.verbatim_span(m.block, m.range.clone()) {
                    for a in written.iter().take(3) {
                        fixes.push(Fix::replace(format!("Write '{a}'"), Applicability::Review, span, match_case(text, a)));
                    }
                }
            }
            for fix in fixes {
                f = f.with_fix(fix);
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

/// The swap of a conjunctive adverb (`however` → `but`), only at the start of a clause it can
/// join: `However, you …` → `But you …` and `…; however, you …` → `…, but you …`. Between commas
/// (`Some people, however, feel fine`) no swap fits and nothing is reported.
fn clause_swap(cx: &Context<'_>, m: &TermMatch, text: &str, alt: Option<&str>) -> Option<Fix> {
    let lang = cx.lang;
    let alt = alt?;
    let tokens = &lang.an.tokens;
    let (first, last) = (m.tokens.start, m.tokens.end - 1);
    let same = |i: usize| tokens.get(i).filter(|t| t.block as usize == m.block);
    same(last + 1).filter(|_| lang.tok(last + 1) == ",")?;
    let after = same(last + 2).filter(|t| t.is_word())?;
    // `but`, `so`, `yet` and `or` join without the comma; others keep it (`Also, you …`).
    let joins = matches!(alt, "but" | "so" | "yet" | "or");
    let label = format!("Write '{alt}'");
    if tokens[first].unit_start {
        if joins {
            let span = cx.verbatim_span(m.block, m.range.start..after.analysed.start)?;
            return Some(Fix::replace(label, Applicability::Review, span, format!("{} ", match_case(text, alt))));
        }
        let span = cx.verbatim_span(m.block, m.range.clone())?;
        return Some(Fix::replace(label, Applicability::Review, span, match_case(text, alt)));
    }
    let semi = first.checked_sub(1).and_then(|i| same(i).map(|t| (i, t)))?;
    if joins && lang.tok(semi.0) == ";" {
        let span = cx.verbatim_span(m.block, semi.1.analysed.start..after.analysed.start)?;
        return Some(Fix::replace(label, Applicability::Review, span, format!(", {alt} ")));
    }
    None
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

    #[test]
    fn verb_swaps_keep_tense_and_person() {
        assert_fix("If you require more help, call us.", ID, "If you need more help, call us.");
        assert_fix("The test requires a blood sample.", ID, "The test needs a blood sample.");
        // A passive before `to` needs a rewrite, not a swap (`be needed to fast` is not English).
        assert!(findings("You may be required to fast.", ID).iter().all(|f| f.fixes.is_empty()));
        // An adjective before a noun takes only an adjective (`in one place prostate cancer`).
        for f in findings("Men with localized prostate cancer were studied.", ID) {
            assert!(f.fixes.iter().all(|x| !x.edits[0].replacement.contains("one place")), "{f:?}");
        }
        assert_fix("Your nurse will provide a leaflet.", ID, "Your nurse will give a leaflet.");
        assert_fix("A leaflet is provided at the clinic.", ID, "A leaflet is given at the clinic.");
        assert_fix("Ask us to help you determine the dose.", ID, "Ask us to help you find out the dose.");
        assert_fix("Your GP will discontinue the tablets.", ID, "Your GP will stop the tablets.");
        // Never `must` before a noun.
        for t in ["If you require any further information, ask.", "Patients requiring surgery stay in."] {
            assert!(findings(t, ID).iter().all(|f| f.fixes.iter().all(|x| !x.edits[0].replacement.contains("must"))));
        }
    }

    #[test]
    fn swaps_only_in_their_slot() {
        // A verb term used as a noun: not reported.
        assert_clean("Please send us your request today.", ID);
        assert_clean("Make the request early.", ID);
        // `provided` as a conjunction.
        assert_clean("You can drive provided you feel well.", ID);
        // A noun term used as a verb.
        assert_clean("We aggregate the results each year.", ID);
        assert_fix("You request a copy from reception.", ID, "You ask for a copy from reception.");
        for t in ["Remaining tablets go back to the pharmacy.", "Your results were obtained last week."] {
            assert!(findings(t, ID).iter().all(|f| f.fixes.is_empty()), "{t}");
        }
        assert_fix("You need two adjustments.", ID, "You need two changes.");
        // Common words an NHS editor keeps (corpus review): no finding.
        assert_clean("You have two options. It contains iron. The test is accurate.", ID);
    }

    #[test]
    fn however_only_where_it_joins_a_clause() {
        assert_fix("However, you should rest.", ID, "But you should rest.");
        assert_fix("It is rare; however, it can be serious.", ID, "It is rare, but it can be serious.");
        assert_clean("Some people, however, feel fine.", ID);
        assert_clean("Drink water however you like.", ID);
        assert_fix("Therefore, rest at home.", ID, "So rest at home.");
        assert_fix("In addition, rest at home.", ID, "Also, rest at home.");
    }

    #[test]
    fn meaning_kept() {
        assert_fix("Take it on a regular basis.", ID, "Take it regularly.");
        let f = findings("Take it on a regular basis.", ID);
        assert_eq!(f[0].fixes.len(), 1, "not deleted");
        // Alternatives that change the meaning are gone.
        for (t, wrong) in [
            ("The indication for this medicine is asthma.", "sign"),
            ("Tests determine the cause.", "decide"),
            ("We advise you to rest.", "recommend"),
        ] {
            for f in findings(t, ID) {
                assert!(f.fixes.iter().all(|x| !x.edits[0].replacement.contains(wrong)), "{t}");
            }
        }
    }

    /// Every swap with its part of speech: every term the rule can report has a row in
    /// `data/swaps.tsv`, and no alternative is one an editor rejected.
    #[test]
    fn every_swap_has_a_part_of_speech() {
        use crate::config::Profile;
        use crate::data::swaps;
        use crate::language::owners::{owner, Owner};
        use crate::language::terms::TermRef;
        let mut missing = Vec::new();
        let active = |r: TermRef| {
            [Profile::Nhs, Profile::Us].iter().any(|&p| owner(r, p, |_| false) == Some(Owner::ComplexWord))
        };
        for (i, r) in crate::data::phrases::rows().iter().enumerate() {
            if active(TermRef::Phrase(i as u32)) && swaps::lookup(&r.phrase.to_lowercase()).is_none() {
                missing.push(r.phrase);
            }
        }
        for (i, r) in crate::data::jargon::rows().iter().enumerate() {
            if active(TermRef::Jargon(i as u32)) && swaps::lookup(&r.term.to_lowercase()).is_none() {
                missing.push(r.term);
            }
        }
        assert!(missing.is_empty(), "no part of speech for {missing:?}");
        let listed: Vec<String> =
            swaps::rows().iter().map(|s| format!("{} [{}] -> {}", s.term, s.pos.name(), s.alternatives)).collect();
        for bad in [
            "require [verb] -> must",
            "indication [noun] -> sign",
            "determine [verb] -> decide",
            "advise [verb] -> recommend",
            "reflux [noun] -> spit up",
            "anaphylaxis [noun] -> shock",
            "benefit from [verb] -> enjoy",
        ] {
            assert!(!listed.iter().any(|l| l.starts_with(bad)), "{bad}");
        }
        assert!(listed.len() > 450);
    }
}
