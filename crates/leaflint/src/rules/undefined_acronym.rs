//! `undefined-acronym` (SPEC §4.8)
//!
//! **What it checks**: the first use of an acronym that is not defined at that use: not `Full
//! Name (ABC)`, `ABC (full name)`, `ABC stands for / means …` or a glossary entry. Well-known
//! acronyms of the profile (`NHS`, `GP`, `A&E` …) and `allow-acronyms` are exempt. A use in a
//! heading is skipped when the acronym is defined before the next heading. In easy-read
//! (`allow-defined` = 0) every acronym that is not well known is reported. Later uses are related
//! places.
//!
//! **Why it matters to patients**: an unexplained abbreviation is a word the reader cannot
//! sound out or look up; several in a leaflet make it fail PEMAT.
//!
//! **Flagged example**: "COPD makes it hard to breathe."
//!
//! **Plainer version**: "Chronic obstructive pulmonary disease (COPD) makes it hard to breathe."
//! A fix writes the expansion (used once) or `expansion (ABC)` (used again), only when the
//! abbreviation has one meaning.
//!
//! **Source**: NHS A to Z and formatting guidance; CDC Clear Communication Index 7; PEMAT 3;
//! GOV.UK easy read; SHeLL (acronyms count as complex language).

use super::{Context, Rule, RuleMeta, Threshold};
use crate::data::acronyms as table;
use crate::finding::{capitalise, Applicability, Category, Finding, Fix, Severity};
use crate::language::acronyms::{heading_use_defined_soon, is_exempt};
use crate::language::owners::{self, Owner};
use crate::language::terms::TermRef;

/// See the module documentation.
pub struct UndefinedAcronym;

static META: RuleMeta = RuleMeta {
    id: "undefined-acronym",
    category: Category::Words,
    summary: "Abbreviations not written out at first use",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[Threshold {
        key: "allow-defined",
        values: [1.0, 1.0, 0.0],
        doc: "1: an acronym written out at its first use is fine; 0: report every acronym that is not well known",
    }],
    why: "An unexplained abbreviation is a word the reader cannot sound out or look up.",
    flagged: "COPD makes it hard to breathe.",
    plainer: "Chronic obstructive pulmonary disease (COPD) makes it hard to breathe. COPD is common.",
    source: "NHS A to Z (explain at first use unless well known); CDC Clear Communication Index 7; PEMAT 3; GOV.UK easy read",
};

/// The meanings of an acronym and whether it has exactly one (no `ambiguous` note, no ` or `
/// outside brackets).
fn meanings(key: &str) -> (Vec<String>, bool) {
    let rows: Vec<&table::AcronymRow> = table::lookup(key).collect();
    let mut list: Vec<String> = rows.iter().map(|r| r.expansion_plain()).collect();
    if let [row] = rows.as_slice() {
        if let Some(other) = row.note.strip_prefix("ambiguous: also ") {
            list.push(other.to_owned());
        }
    }
    let single = rows.len() == 1
        && !rows[0].note.starts_with("ambiguous")
        && !list[0].contains(" or ");
    (list, single)
}

/// True when another rule owns the acronym as a word (`BAME`, `SMS`: SPEC §1.3 exception).
fn owned_elsewhere(cx: &Context<'_>, key: &str) -> bool {
    crate::data::jargon::rows().iter().enumerate().any(|(i, r)| {
        r.term == key
            && matches!(
                owners::owner(TermRef::Jargon(i as u32), cx.profile(), |_| false),
                Some(Owner::Inclusive | Owner::NhsStyle)
            )
    })
}

impl Rule for UndefinedAcronym {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let allow_defined = cx.threshold(&META, "allow-defined") > 0.0;
        let acr = lang.acronyms();
        for (key, info) in acr.keys.iter().zip(&acr.info) {
            if is_exempt(lang, key) || owned_elsewhere(cx, key) {
                continue;
            }
            let Some(&first) = info.uses.iter().find(|&&u| !heading_use_defined_soon(lang, u, info)) else { continue };
            if allow_defined && (info.definitions.contains(&first) || lang.explained().in_glossary(key)) {
                continue;
            }
            let (list, single) = meanings(key);
            let message = if !single && list.len() > 1 {
                format!("'{key}' can mean {}. Write out what you mean the first time.", list.join(" or "))
            } else {
                format!("'{key}' is an abbreviation many people will not know. Write it out in full the first time.")
            };
            let t = lang.token(first);
            let mut f = Finding::new(&META, cx.severity(&META), t.span, message)
                .with_data("acronym", key.as_str())
                .with_data("meanings", list.clone());
            let written = lang.tok(first);
            let defined_here = info.definitions.contains(&first);
            if defined_here {
                // easy-read reports defined acronyms too: `Full Name (ABC)` → `Full Name`.
                let bracketed = first > 0 && lang.tok(first - 1) == "(" && lang.an.tokens.get(first + 1).is_some_and(|_| lang.tok(first + 1) == ")");
                if bracketed {
                    let (block, range, _) = lang.tokens_span(first - 1..first + 2);
                    let text = &lang.doc.blocks[block].analysed;
                    if range.start > 0 && text[..range.start].ends_with(' ') {
                        if let Some(span) = cx.verbatim_span(block, range.start - 1..range.end) {
                            f = f.with_fix(Fix::replace(format!("Leave out '({key})'"), Applicability::Review, span, ""));
                        }
                    }
                }
            } else if single && written == key {
                let expansion = &list[0];
                let used_again = info.uses.len() > 1 && allow_defined;
                let mut text = if used_again { format!("{expansion} ({key})") } else { expansion.clone() };
                if t.unit_start {
                    text = capitalise(&text);
                }
                if let Some(span) = cx.verbatim_span(t.block as usize, t.analysed.clone()) {
                    f = f.with_fix(Fix::replace(format!("Write '{text}'"), Applicability::Review, span, text));
                }
            }
            for &u in info.uses.iter().filter(|&&u| u != first) {
                f = f.with_related(lang.token(u).span, "also used here");
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const ID: &str = "undefined-acronym";

    #[test]
    fn spec_examples() {
        assert_fix("COPD makes it hard to breathe.", ID, "Chronic obstructive pulmonary disease makes it hard to breathe.");
        assert_fix(
            "If you have COPD, stop smoking. COPD gets worse with smoking.",
            ID,
            "If you have chronic obstructive pulmonary disease (COPD), stop smoking. COPD gets worse with smoking.",
        );
        assert_clean("Chronic obstructive pulmonary disease (COPD) makes it hard to breathe. COPD is common.", ID);
        assert_clean("COPD (chronic obstructive pulmonary disease) makes it hard to breathe.", ID);
        assert_clean("You may need a CT scan. Your GP or the NHS can help. Go to A&E.", ID);
    }

    #[test]
    fn definitions_in_their_common_shapes() {
        for t in [
            "The UK National Screening Committee (UK NSC) advises ministers. The NSC meets twice a year.",
            "You may have TB (tuberculosis). TB spreads in the air.",
            "The National Institute on Aging (NIA) funds research. NIA is a federal body.",
            "People with HIV can live long lives. There is a test for AIDS.",
        ] {
            assert_clean(t, ID);
        }
        // A bracket that does not spell the letters is no definition.
        assert_eq!(findings("You may have TB (coughing). TB spreads.", ID).len(), 1);
    }

    #[test]
    fn ambiguous_acronyms_get_no_fix() {
        let f = findings("Go to the ED now.", ID);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert!(f[0].message.contains("emergency department"), "{}", f[0].message);
    }

    #[test]
    fn emphasis_and_shorthand_are_not_acronyms() {
        assert_clean("DO NOT take more than 8 tablets. DANGER: keep away from children.", ID);
        assert_clean("Take 1 tablet bd.", ID);
        assert_clean("That is OK.", ID);
    }

    #[test]
    fn headings_defined_soon_and_profiles() {
        assert_clean("What is COPD?\n\nChronic obstructive pulmonary disease (COPD) is a lung condition.", ID);
        let us = Config::for_profile(Profile::Us);
        assert_eq!(findings_with("Your NHS trust will write.", ID, &us).len(), 1);
        let easy = Config::for_profile(Profile::EasyRead);
        let t = "Chronic obstructive pulmonary disease (COPD) is common.";
        let f = findings_with(t, ID, &easy);
        assert_eq!(f.len(), 1);
        assert_eq!(crate::apply_fixes(t, [&f[0].fixes[0]]), "Chronic obstructive pulmonary disease is common.");
        let t = "If you have COPD, stop smoking. COPD gets worse.";
        let f = findings_with(t, ID, &easy);
        assert_eq!(crate::apply_fixes(t, [&f[0].fixes[0]]), "If you have chronic obstructive pulmonary disease, stop smoking. COPD gets worse.");
        assert_eq!(findings_with("You may need an MRI scan.", ID, &easy).len(), 1);
    }
}
