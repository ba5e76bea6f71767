//! `verbal-probability` (SPEC §5.8)
//!
//! **What it checks**: a chance or frequency said in words with no number: the EC terms (very
//! common, common, uncommon, rare, very rare) and most, many, some, a few, a small number of, the
//! majority, a minority, often, frequently, sometimes, occasionally, seldom, rarely, commonly,
//! likely, unlikely, small/low/high/slight chance or risk — only where they say how often an
//! outcome happens: before an outcome noun (`common side effects`), before people (`most
//! people`), after a form of *be* (`this is rare`, `you are unlikely to`), or a frequency adverb
//! next to an outcome (`it rarely happens`). Not flagged when a number (natural frequency,
//! percentage, `N people`) is in the same unit, its heading, or the lead-in of its list; nor
//! `common cold`, `common sense`, `in common`, comparatives (`more common`, `more likely`) or
//! instructions (`some people should not take it`).
//!
//! **Why it matters to patients**: people greatly overestimate what "common" and "rare" mean
//! (Webster et al. 2017); a number next to the word fixes the meaning.
//!
//! **Flagged example**: "Common side effects include headaches."
//!
//! **Plainer version**: "Common side effects (may affect up to 1 in 10 people) include headaches."
//!
//! **Fix** (review; nhs and easy-read, `mapping` = 1): for EC terms where the unit or its heading
//! mentions side effects, insert the EC/QRD band after the noun phrase or the term. Other words:
//! message only.
//!
//! **Source**: PIF; HSE; EC frequency bands and EU package-leaflet (QRD) wording (template text
//! unverified); Webster et al. 2017; CDC CCI 20.
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 13 of 45 findings
//! (headings such as "Common side effects", words with the number beside them, and figures the text
//! does not give); a checker that is wrong that often gets ignored (`leaflint rules --precision`).
//! Turn it on under `[rules.verbal-probability]` with `enabled = true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::document::BlockKind;
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::lexicon as lx;
use crate::numbers::phrases::Words;
use crate::numbers::{self, role, Nx};

/// See the module documentation.
pub struct VerbalProbability;

static META: RuleMeta = RuleMeta {
    id: "verbal-probability",
    category: Category::Numeracy,
    summary: "Chances in words ('common', 'rare', 'most people') with no number",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[Threshold {
        key: "mapping",
        values: [1.0, 0.0, 1.0],
        doc: "1: suggest the EC/QRD frequency bands for side effects; 0: message only",
    }],
    why: "People read words like 'common' and 'rare' very differently. A number next to the word fixes the meaning.",
    flagged: "Common side effects include headaches.",
    plainer: "Common side effects (may affect up to 1 in 10 people) include headaches.",
    source: "PIF; HSE; EC frequency bands (QRD wording); Webster et al. 2017; CDC Clear Communication Index 20",
};

impl Rule for VerbalProbability {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// The EC/QRD band of an EC term (SPEC §5.8).
fn band(very: bool, term: &str) -> Option<&'static str> {
    Some(match (very, term) {
        (true, "common") => "may affect more than 1 in 10 people",
        (false, "common") => "may affect up to 1 in 10 people",
        (_, "uncommon") => "may affect up to 1 in 100 people",
        (false, "rare") => "may affect up to 1 in 1,000 people",
        (true, "rare") => "may affect up to 1 in 10,000 people",
        _ => return None,
    })
}

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "becomes", "become", "seems", "seem", "'s", "’s"];
const DEGREE: &[&str] = &["very", "quite", "fairly", "extremely", "really", "pretty"];
const COMPARE: &[&str] = &["more", "less", "most", "least", "the"];
const NOT_OUTCOME: &[&str] = &["cold", "colds", "sense", "law", "ground", "name", "names", "practice", "room", "knowledge", "cause", "causes", "condition", "type", "form", "forms"];
const INSTRUCTION: &[&str] = &["should", "shouldn't", "must", "can", "cannot", "can't", "need", "needs", "may", "might", "will"];
const HAPPEN: &[&str] = &["happen", "happens", "occur", "occurs", "cause", "causes", "come", "comes", "return", "returns", "spread", "spreads", "lead", "leads", "affect", "affects", "feel", "feels", "result", "results"];
/// Verbs after `most people`, `some people` … that say what happens to them (an outcome).
const PEOPLE_VERBS: &[&str] = &[
    "feel", "feels", "notice", "experience", "improve", "improves", "respond", "go", "goes", "clear", "clears", "become",
    "becomes", "are", "is", "were", "will", "may", "might", "don't", "don’t", "do", "does", "doesn't", "doesn’t",
];

/// What may follow a predicative term: the end, punctuation or a word that starts a phrase
/// (`common in older people`, `rare, but`), not a noun (`common medications`).
fn predicate_end(w: &Words<'_>, i: usize) -> bool {
    i >= w.range.end
        || w.punct(i)
        || w.is_any(i, &["in", "among", "for", "after", "with", "but", "and", "during", "at", "when", "if", "so", "because", "though", "although", "nowadays", "now", "today", "to"])
}

const PREPOSITIONS: &[&str] = &["for", "to", "with", "in", "among", "of", "from", "by", "on", "at", "than", "about"];

/// A form of *be* just before token `i` (after degree words), as a token or a contraction.
fn be_before(w: &Words<'_>, mut i: usize) -> bool {
    while i > w.range.start && w.is_any(i - 1, DEGREE) {
        i -= 1;
    }
    i > w.range.start && {
        let p = w.text(i - 1);
        w.is_any(i - 1, BE) || p.ends_with("'re") || p.ends_with("’re") || p.ends_with("'s") || p.ends_with("’s")
    }
}

/// A hit: tokens `a..=b` flagged, the insertion token for a band and the band.
struct Hit {
    a: usize,
    b: usize,
    insert_after: usize,
    band: Option<&'static str>,
}

fn hits(w: &Words<'_>) -> Vec<Hit> {
    let mut out = Vec::new();
    for i in w.range.clone() {
        let l = w.lx(i);
        if l & (lx::EC | lx::QUANT | lx::ADVERB | lx::LIKELY | lx::SIZE) == 0 {
            continue;
        }
        let lower = w.text(i).to_ascii_lowercase();
        let very = i > w.range.start && w.is(i - 1, "very");
        let a = if very { i - 1 } else { i };
        let prev_compare = a > w.range.start && w.is_any(a - 1, COMPARE);
        let in_common = lower == "common" && a > w.range.start && w.is(a - 1, "in");
        if l & lx::EC != 0 && !prev_compare && !in_common {
            if w.is_any(i + 1, NOT_OUTCOME) {
                continue;
            }
            let head = (i + 1..i + 4).take_while(|&k| w.class(k) == Some(crate::text::tokens::TokenClass::Word)).find(|&k| w.has(k, lx::OUTCOME));
            let cases = w.is_any(i + 1, &["cases", "instances", "occasions"]);
            if let Some(h) = head {
                out.push(Hit { a, b: i, insert_after: h, band: band(very, &lower) });
            } else if cases || (be_before(w, a) && predicate_end(w, i + 1)) {
                out.push(Hit { a, b: i, insert_after: i, band: band(very, &lower).filter(|_| !cases) });
            }
            continue;
        }
        if l & lx::QUANT != 0 {
            // `for most adults`, `suitable for some people`: not a frequency.
            if a > w.range.start && w.is_any(a - 1, PREPOSITIONS) {
                continue;
            }
            // most/many/some people, a few people, a small number of people, the majority of people.
            let (start, noun) = if lower == "number" || w.phrase(i, &["small", "number", "of"]) {
                (i, i + 3)
            } else if matches!(lower.as_str(), "majority" | "minority") && w.is(i + 1, "of") {
                (i, if w.is(i + 2, "the") { i + 3 } else { i + 2 })
            } else if lower == "few" && !(i > w.range.start && w.is_any(i - 1, &["a", "very"])) {
                continue;
            } else {
                (i, i + 1)
            };
            let start = if i > w.range.start && w.is_any(i - 1, &["a", "the"]) && !matches!(lower.as_str(), "most" | "many" | "some") { i - 1 } else { start };
            let noun = if w.has(noun, lx::PEOPLE) { Some(noun) } else if !w.punct(noun) && w.has(noun + 1, lx::PEOPLE) && !w.has(noun, lx::NUMERIC) { Some(noun + 1) } else { None };
            if let Some(n) = noun {
                // Not an instruction: `some people should not take it`.
                // The people's verb says what happens to them (`most people recover`), not an
                // instruction (`some people should not take it`) or an opinion (`many people find`).
                let verb = (n + 1..n + 6).find(|&k| {
                    w.is_any(k, INSTRUCTION) || w.has(k, lx::OUTCOME_VERB | lx::INCIDENCE) || w.is_any(k, HAPPEN) || w.is_any(k, PEOPLE_VERBS)
                });
                let instruction = verb.is_some_and(|k| w.is_any(k, INSTRUCTION) && !w.is_any(k, &["may", "might", "will"]) || w.is(k + 1, "to"));
                if verb.is_some() && !instruction && !prev_compare {
                    out.push(Hit { a: start, b: n, insert_after: n, band: None });
                }
            }
            continue;
        }
        if l & lx::ADVERB != 0 {
            if a > w.range.start && w.is_any(a - 1, &["how", "as", "more", "less", "most", "least"]) {
                continue;
            }
            let near = |k: usize| w.has(k, lx::OUTCOME_VERB | lx::INCIDENCE | lx::OUTCOME) || w.is_any(k, HAPPEN);
            let outcome = (i.saturating_sub(2).max(w.range.start)..i).any(near) || (i + 1..i + 6).any(near);
            if outcome && !w.is(i + 1, "to") {
                out.push(Hit { a, b: i, insert_after: i, band: None });
            }
            continue;
        }
        if l & lx::LIKELY != 0 {
            if !prev_compare && be_before(w, a) && (w.is(i + 1, "to") || w.is_any(i + 1, &[".", "that", ","])) {
                out.push(Hit { a, b: i, insert_after: i, band: None });
            }
            continue;
        }
        if l & lx::SIZE != 0 && w.has(i + 1, lx::RISK) && !w.is(i + 1, "odds") && !prev_compare {
            out.push(Hit { a, b: i + 1, insert_after: i + 1, band: None });
        } else if l & lx::SIZE != 0 && be_before(w, a) && predicate_end(w, i + 1) && (w.range.start..a).any(|k| w.has(k, lx::RISK) && !w.is(k, "odds")) {
            // `the risk … is very small`.
            out.push(Hit { a, b: i, insert_after: i, band: None });
        }
    }
    out
}

/// Whether unit `u` (or its heading, or its list's lead-in) gives a number of people.
fn has_number(nx: &Nx<'_>, u: usize) -> bool {
    let numeric = |u: usize| {
        nx.m.in_unit(u).iter().any(|q| {
            q.kind == numbers::Kind::Frequency || nx.proportion_percentage(q) || (q.is_quantity() && q.any(role::PEOPLE))
        })
    };
    if numeric(u) || nx.m.heading[u].is_some_and(numeric) {
        return true;
    }
    // A heading whose first sentence gives the number.
    let units = &nx.cx.analysis.units;
    if units[u].kind == crate::text::UnitKind::Heading && u + 1 < units.len() && numeric(u + 1) {
        return true;
    }
    // The lead-in of a list: the unit before its first item, if it ends with a colon.
    let is_item = |u: usize| matches!(nx.cx.doc.blocks[units[u].block].kind, BlockKind::ListItem { .. });
    if !is_item(u) {
        return false;
    }
    let mut k = u;
    while k > 0 && is_item(k - 1) {
        k -= 1;
    }
    k > 0 && nx.cx.unit_text(&units[k - 1]).trim_end().ends_with(':') && numeric(k - 1)
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let mapping = nx.cx.threshold(&META, "mapping") >= 0.5;
    for u in 0..nx.cx.analysis.units.len() {
        if nx.m.unit_lex[u] & (lx::EC | lx::QUANT | lx::ADVERB | lx::LIKELY | lx::SIZE) == 0 {
            continue;
        }
        let w = nx.words(u);
        let found = hits(&w);
        if found.is_empty() || has_number(nx, u) {
            continue;
        }
        let side_effects = nx.m.in_unit(u).first().map_or_else(
            || numbers::phrases::side_effects(&w) || nx.m.heading[u].is_some_and(|h| numbers::phrases::side_effects(&nx.words(h))),
            |q| q.context & numbers::context::SIDE_EFFECT != 0,
        );
        for h in found {
            let Some(span) = nx.verbatim_tokens(h.a, h.b).or_else(|| Some(nx.tok(h.a).span)) else { continue };
            let term = nx.cx.doc.blocks[nx.tok(h.a).block as usize].analysed[nx.tok(h.a).analysed.start..nx.tok(h.b).analysed.end].to_owned();
            let mut f = Finding::new(&META, nx.severity(&META), span, "How many? Give a number, for example '9 in 10 people'.")
                .with_data("term", term.clone());
            if let Some(b) = h.band {
                f.message = format!("'{term}' means different things to different people. Say how many, for example '{b}'.");
                f = f.with_data("band", b);
                if let (true, true, Some(at)) = (mapping, side_effects, nx.after_token(h.insert_after)) {
                    f = f.with_fix(Fix::replace(format!("Add '{b}'"), Applicability::Review, at, format!(" ({b})")));
                }
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const R: &str = "verbal-probability";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix("Common side effects include headaches.", R, "Common side effects (may affect up to 1 in 10 people) include headaches.");
        assert_fix("Rare side effects are listed below.", R, "Rare side effects (may affect up to 1 in 1,000 people) are listed below.");
        assert_fix("Serious side effects are very rare.", R, "Serious side effects are very rare (may affect up to 1 in 10,000 people).");
        let f = findings("Most people recover within a week.", R);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert_eq!(f[0].message, "How many? Give a number, for example '9 in 10 people'.");
    }

    #[test]
    fn flags_other_forms() {
        for t in [
            "Many people with type 2 diabetes have no symptoms at all.",
            "You are unlikely to get this.",
            "There is a small risk of bleeding.",
            "This rarely happens.",
            "The rash sometimes comes back.",
            "Complications are rare.",
            "In rare cases, it causes liver damage.",
            "It's rare to have serious side effects.",
            "Rarely, it can cause liver damage.",
            "The risk of getting cancer from a CT scan is very small.",
            "A few people get a rash.",
        ] {
            assert_flags(t, R, 1);
        }
        // tests/corpus/medlineplus-chickenpox.md, nhs-atorvastatin.md
        assert_flags("Chickenpox can sometimes cause serious problems.", R, 1);
        assert_flags("Most people with high cholesterol don't have any symptoms.", R, 1);
        // tests/corpus/nhs-statins.md
        assert_flags("your personal and family medical history suggests you're likely to develop CVD at some point over the next 10 years", R, 1);
    }

    #[test]
    fn clean() {
        for t in [
            "About 9 in 10 people recover within a week.",
            "Common side effects (may affect up to 1 in 10 people) include headaches.",
            "You have a common cold.",
            "Use common sense.",
            "They have a lot in common.",
            "Older people are more likely to get it.",
            "Some people should not take ibuprofen.",
            "Metformin is a medicine used to treat type 2 diabetes and sometimes polycystic ovary syndrome (PCOS).",
            "It is commonly used to treat pain.",
            "Most cases are in children under age 15, but older children and adults can get it.",
            "How often should I take it?",
            "Some medicines can affect the way it works.",
            "Many people find it helps to keep a diary.",
            // tests/corpus/nhs-atorvastatin.md, fda-consumer-otc-pain-campaign-2004.md, nhlbi-high-blood-pressure.md
            "Atorvastatin isn't suitable for some people.",
            "NSAIDs are common medications that are used to relieve fever and minor aches and pains.",
            "For most adults, a normal blood pressure is less than 120 over 80 millimeters of mercury (mm Hg).",
        ] {
            assert_clean(t, R);
        }
        // The heading or the lead-in gives the number.
        assert_clean("Common side effects\n\nThese happen in more than 1 in 100 people:\n\n• headache\n• rare rashes\n", R);
    }

    #[test]
    fn us_profile_gives_no_band_fix() {
        let f = findings_with("Common side effects include headaches.", R, &Config::for_profile(Profile::Us));
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
    }
}
