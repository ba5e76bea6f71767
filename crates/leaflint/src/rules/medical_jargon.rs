//! `medical-jargon` (SPEC §4.4)
//!
//! **What it checks**: medical terms from the CDC Plain Language Thesaurus and the NHS A to Z
//! (`data/jargon-plain.tsv`; NHS rows replace CDC rows in the UK profiles; CDC rows only when the
//! term is not among the most common words or on the everyday-health list), in UK or US spelling
//! and with regular inflections, longest match first, plus terms from the `jargon` config table.
//! A term explained where it is used (`feeling sick (nausea)`, `nausea, which means …`, a
//! glossary) is not reported, there or later. One finding per term at its first unexplained use,
//! later uses as related places (every use in easy-read).
//!
//! **Why it matters to patients**: people who do not know a word cannot act on the sentence,
//! and many will not ask.
//!
//! **Flagged example**: "Nausea is common."
//!
//! **Plainer version**: "You may feel sick (nausea). Nausea usually passes in a few days."
//! Fixes: `Feeling sick (nausea)` (explain, then name) and `Feeling sick` (replace).
//!
//! **Source**: NHS service manual "How we write" and A to Z; PIF; CDC Clear Communication Index 7;
//! PEMAT 4; CDC Plain Language Thesaurus; SHeLL jargon feature.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::data::jargon::{self, JargonSource};
use crate::finding::{match_case, Applicability, Category, Finding, Fix, Severity};
use crate::language::explain::{explained_at, plan};
use crate::language::owners::Owner;
use crate::language::terms::{TermMatch, TermRef};
use rustc_hash::FxHashMap as HashMap;

/// See the module documentation.
pub struct MedicalJargon;

static META: RuleMeta = RuleMeta {
    id: "medical-jargon",
    category: Category::Words,
    summary: "Medical words that many patients do not know",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[
        Threshold { key: "every-occurrence", values: [0.0, 0.0, 1.0], doc: "1: report every unexplained use, not just the first" },
        Threshold { key: "extended", values: [0.0, 0.0, 0.0], doc: "1: also report terms off by default (gas, urine)" },
    ],
    why: "People who do not know a word cannot act on the sentence, and many will not ask what it means.",
    flagged: "Nausea is common.",
    plainer: "You may feel sick (nausea). Nausea usually passes in a few days.",
    source: "NHS service manual A to Z; PIF; CDC Clear Communication Index 7; PEMAT 4; CDC Plain Language Thesaurus",
};

/// The row's term, its plain alternatives (those equal to the term dropped), whether
/// explain-then-name comes first and whether it is an NHS A to Z preference.
fn row_info(cx: &Context<'_>, r: TermRef) -> (String, Vec<String>, bool, bool) {
    match r {
        TermRef::Jargon(i) => {
            let row = &jargon::rows()[i as usize];
            let term = row.term.to_lowercase();
            // A CDC alternative that changes the meaning (`reflux` → `spit up`) is replaced by
            // the fitting ones of `data/swaps.tsv`.
            let alts: Vec<String> = match crate::data::swaps::lookup(&term).filter(|_| row.source == JargonSource::Cdc) {
                Some(s) => s.alternatives().into_iter().map(str::to_owned).collect(),
                None => row.alternatives().into_iter().filter(|a| !a.eq_ignore_ascii_case(&term)).collect(),
            };
            let explain_first = row.source == JargonSource::Cdc || row.note.contains("bracket");
            (term, alts, explain_first, row.source == JargonSource::Nhs)
        }
        TermRef::Extra(i) => {
            let (term, alts) = cx.config.jargon.iter().nth(i as usize).map(|(k, v)| (k.clone(), v.clone())).unwrap_or_default();
            let alts = alts.split(';').map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()).collect();
            (term.to_lowercase(), alts, false, false)
        }
        _ => (String::new(), Vec::new(), false, false),
    }
}

/// Nouns that an adjective-like term modifies (`antiviral drugs`, `anti-inflammatory medicine`,
/// `cardiovascular disease`): the term's alternatives are nouns, so no swap fits there.
const HEAD_NOUNS: &[&str] = &[
    "agent", "agents", "care", "condition", "conditions", "cream", "creams", "disease", "diseases", "drug", "drugs",
    "effect", "effects", "infection", "infections", "medication", "medications", "medicine", "medicines", "problem",
    "problems", "reaction", "reactions", "system", "tablet", "tablets", "test", "tests", "therapy", "treatment",
    "treatments",
];

/// Alternatives longer than this many words are explanations, not words to swap in before
/// another word (`cardiovascular disease`)†.
pub const MAX_SWAP_WORDS: usize = 3;

/// True when swapping `alt` in for the term at `m` would break the sentence: the term modifies
/// the next word and the alternative is a long explanation or ends with that word (`antiviral
/// medicine` → `medicine medicine`), or the term is part of a longer named condition.
fn swap_breaks(cx: &Context<'_>, m: &TermMatch, alt: &str) -> bool {
    let lang = cx.lang;
    let inside_name = lang.terms().iter().any(|o| {
        o.block == m.block
            && o.tokens.start <= m.tokens.start
            && o.tokens.end >= m.tokens.end
            && o.tokens.len() > m.tokens.len()
            && o.entries.iter().any(|e| matches!(e.term, TermRef::Expansion(_)))
    });
    let Some(next) = lang.word_after(m.tokens.end - 1) else { return inside_name };
    let next = next.to_lowercase();
    let last = alt.rsplit(' ').next().unwrap_or(alt).to_lowercase();
    inside_name
        || alt.split(' ').count() > MAX_SWAP_WORDS && !crate::data::function_words::contains(&next)
        || last == next
        || format!("{last}s") == next
        || HEAD_NOUNS.contains(&next.as_str())
}

/// The term as it goes in brackets: lower-cased when it is capitalised only because it starts
/// the unit.
pub(crate) fn bracketed(original: &str, unit_start: bool) -> String {
    let rest_lower = original.chars().skip(1).all(|c| !c.is_uppercase());
    if unit_start && rest_lower {
        original.to_lowercase()
    } else {
        original.to_owned()
    }
}

impl Rule for MedicalJargon {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let every = cx.threshold(&META, "every-occurrence") > 0.0;
        let mut uses: HashMap<TermRef, Vec<(&TermMatch, bool)>> = HashMap::default();
        let mut order: Vec<TermRef> = Vec::new();
        for (m, e) in lang.hits(Owner::MedicalJargon) {
            uses.entry(e.term).or_insert_with(|| {
                order.push(e.term);
                Vec::new()
            });
            if let Some(v) = uses.get_mut(&e.term) {
                v.push((m, e.inflected));
            }
        }
        for r in order {
            let list = &uses[&r];
            let (term, alts, explain_first, nhs) = row_info(cx, r);
            let lower_alts: Vec<String> = alts.iter().map(|a| a.to_lowercase()).collect();
            if lang.explained().in_glossary(&term) || cx.config.allows_word(&term) {
                continue;
            }
            let explained: Vec<bool> = list.iter().map(|(m, _)| explained_at(lang, m.tokens.clone(), &lower_alts)).collect();
            for p in plan(&explained, every) {
                let (m, inflected) = list[p.at];
                let text = lang.match_text(m);
                let span = lang.doc.blocks[m.block].span_of(m.range.clone());
                let severity = if p.explained_later { Severity::Info } else { cx.severity(&META) };
                let message = match (p.explained_later, alts.first()) {
                    (true, _) => format!("'{text}' is explained later. Explain it the first time you use it."),
                    (false, Some(a)) if nhs && !a.starts_with('(') => {
                        format!("Write '{a}' instead of '{text}'. More people know it (NHS A to Z).")
                    }
                    (false, Some(a)) if !a.starts_with('(') => {
                        format!("'{text}' is a medical word many people do not know. Use '{a}', or explain it.")
                    }
                    _ => format!("'{text}' is a medical word many people do not know. Explain it, or use a plainer word."),
                };
                let mut f = Finding::new(&META, severity, span, message)
                    .with_data("term", term.clone())
                    .with_data("alternatives", alts.iter().take(3).cloned().collect::<Vec<_>>());
                if let Some(a) = alts.first().filter(|a| !a.starts_with('(')) {
                    if !inflected && term != "risk" && !swap_breaks(cx, m, a) {
                        if let Some(span) = cx.verbatim_span(m.block, m.range.clone()) {
                            let unit_start = lang.token(m.tokens.start).unit_start;
                            let plain = match_case(text, a);
                            let explain = Fix::replace(
                                format!("Write '{a} ({})'", bracketed(text, unit_start)),
                                Applicability::Review,
                                span,
                                format!("{plain} ({})", bracketed(text, unit_start)),
                            );
                            let replace = Fix::replace(format!("Write '{a}'"), Applicability::Review, span, plain);
                            let (first, second) = if explain_first { (explain, replace) } else { (replace, explain) };
                            f = f.with_fix(first).with_fix(second);
                        }
                    }
                } else if alts.first().is_some_and(|a| a.starts_with('(')) {
                    f = f.with_help(alts[0].trim_matches(['(', ')']).to_owned());
                }
                for k in p.related {
                    let (o, _) = list[k];
                    f = f.with_related(lang.doc.blocks[o.block].span_of(o.range.clone()), "also used here");
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const ID: &str = "medical-jargon";

    #[test]
    fn spec_examples_and_fixes() {
        assert_flags("Nausea is common.", ID, 1);
        assert_fix("Nausea is common.", ID, "Feeling sick (nausea) is common.");
        let f = findings("Nausea is common.", ID);
        assert_eq!(crate::apply_fixes("Nausea is common.", [&f[0].fixes[1]]), "Feeling sick is common.");
        let t = "Tell us if you have hypertension.";
        assert_fix(t, ID, "Tell us if you have high blood pressure (hypertension).");
        assert_clean("You may feel sick (nausea). Nausea usually passes in a few days.", ID);
        assert_clean("You may have oedema (swelling).", ID);
    }

    #[test]
    fn one_finding_per_term_with_later_uses_related() {
        let f = findings("Nausea is common. The nausea passes. Some nausea lasts longer.", ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].related.len(), 2);
        let f = findings_with("Nausea is common. The nausea passes.", ID, &Config::for_profile(Profile::EasyRead));
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn explained_later_is_info() {
        let f = findings("Nausea is common. If you feel sick (nausea), rest.", ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::finding::Severity::Info);
    }

    #[test]
    fn uk_and_us_spellings_and_inflections() {
        let us = Config::for_profile(Profile::Us);
        assert_eq!(findings_with("You may have edema in your legs.", ID, &us).len(), 1);
        assert_eq!(findings_with("You may have oedema in your legs.", ID, &us).len(), 1);
        let f = findings_with("It aggravated the pain.", ID, &us);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty(), "no fix on an inflected match");
    }

    #[test]
    fn sense_rules() {
        assert_flags("This disease can spread.", ID, 1);
        assert_clean("Heart disease is common.", ID);
        assert_flags("Apply the cream twice a day.", ID, 1);
        assert_flags("Apply it twice a day.", ID, 1);
        assert_clean("Apply for a blue badge.", ID);
        assert_clean("Your child has scarlet fever.", ID);
        assert_clean("Call 999 if you are vomiting blood.", ID);
        assert_clean("You may need acute lymphoblastic leukaemia treatment.", ID);
        assert_clean("Go to the Acute Medical Unit.", ID);
    }

    #[test]
    fn everyday_words_are_not_jargon() {
        for t in ["Take this medicine with food.", "See a pharmacist.", "Your kidneys filter blood.", "Tell us about your symptoms."] {
            assert_clean(t, ID);
        }
    }

    #[test]
    fn no_fix_that_breaks_the_sentence() {
        let us = Config::for_profile(Profile::Us);
        let f = findings_with("Ask about antiviral medicine.", ID, &us);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty(), "{:?}", f[0].fixes);
        let f = findings_with("It lowers your risk of cardiovascular disease.", ID, &us);
        assert!(f.iter().all(|f| f.fixes.is_empty()), "{f:?}");
    }

    #[test]
    fn configured_terms() {
        let mut cfg = Config::default();
        cfg.jargon.insert("tachycardia".into(), "fast heartbeat".into());
        let f = findings_with("You may have tachycardia.", ID, &cfg);
        assert_eq!(f.len(), 1);
        assert_eq!(crate::apply_fixes("You may have tachycardia.", [&f[0].fixes[0]]), "You may have fast heartbeat.");
    }
}
