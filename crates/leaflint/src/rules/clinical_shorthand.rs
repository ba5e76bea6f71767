//! `clinical-shorthand` (SPEC §4.9)
//!
//! **What it checks**: Latin and clinical dosing shorthand (`bd`, `tds`, `prn`, `nocte`, `q4h`,
//! `6/52`, `2 tabs`, `NBM` …; our table `data/clinical-shorthand.tsv`, meanings from
//! `acronyms.tsv`), in any case and with or without full stops. Words that are also ordinary
//! words (`od`, `stat`, `PO`, `bid`, `ac`, `pc`, `mane`) count only within 4 words of a number,
//! dose word or dosing verb.
//!
//! **Why it matters to patients**: misread dosing instructions cause under- and overdoses;
//! shorthand on a label is read wrongly by many patients.
//!
//! **Flagged example**: "Take 1 tablet bd."
//!
//! **Plainer version**: "Take 1 tablet 2 times a day." (`Review in 6/52.` → `Review in 6 weeks.`)
//!
//! **Source**: `acronyms.tsv`; dosing-instruction misunderstanding (Wolf et al. 2007, via
//! secondary citation, unverified); NHS style (numerals, "3 times a day").

use super::{Context, Rule, RuleMeta};
use crate::config::Profile;
use crate::data::{acronyms, shorthand};
use crate::finding::{capitalise, Applicability, Category, Finding, Fix, Severity};
use crate::text::tokens::TokenClass;

/// See the module documentation.
pub struct ClinicalShorthand;

static META: RuleMeta = RuleMeta {
    id: "clinical-shorthand",
    category: Category::Words,
    summary: "Prescribing shorthand such as bd, tds, prn",
    default_severity: [Some(Severity::Error), Some(Severity::Error), Some(Severity::Error)],
    thresholds: &[],
    why: "Misread dosing instructions cause under- and overdoses. Many patients read shorthand on a label wrongly.",
    flagged: "Take 1 tablet bd.",
    plainer: "Take 1 tablet 2 times a day. The OD team will call you.",
    source: "acronyms.tsv; Wolf et al. 2007 (dosing instructions, via secondary citation); NHS style",
};

/// Words within this many words of shorthand that make it dosing (SPEC §4.9).
pub const DOSE_WINDOW: usize = 4;
const DOSE_WORDS: &[&str] = &[
    "mg", "mcg", "g", "ml", "microgram", "micrograms", "milligram", "milligrams", "units", "tablet", "tablets", "capsule",
    "capsules", "dose", "doses", "puff", "puffs", "drop", "drops", "spoonful", "spoonfuls", "take", "give", "use",
    "apply", "inhale", "inject",
];

fn dose_context(cx: &Context<'_>, i: usize) -> bool {
    let lang = cx.lang;
    let u = &lang.an.units[lang.unit_of(i)];
    let words: Vec<usize> = u.tokens.clone().filter(|&k| lang.token(k).is_word()).collect();
    let Some(pos) = words.iter().position(|&k| k == i) else { return false };
    let lo = pos.saturating_sub(DOSE_WINDOW);
    let hi = (pos + DOSE_WINDOW + 1).min(words.len());
    words[lo..hi].iter().filter(|&&k| k != i).any(|&k| {
        lang.token(k).class == TokenClass::Number && !lang.token(k).phone
            || DOSE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(lang.tok(k)))
    })
}

/// `q4h` → `every 4 hours`.
fn every_n_hours(w: &str) -> Option<String> {
    let n = w.strip_prefix(['q', 'Q'])?.strip_suffix(['h', 'H'])?;
    let n: u32 = n.parse().ok()?;
    Some(if n == 1 { "every hour".to_owned() } else { format!("every {n} hours") })
}

/// `6/52` after for/in/after/within/every → `6 weeks`.
fn period(w: &str, prev: Option<&str>) -> Option<String> {
    let (n, d) = w.split_once('/')?;
    let n: u32 = n.parse().ok()?;
    let unit = match d {
        "7" => "day",
        "52" => "week",
        "12" => "month",
        _ => return None,
    };
    let after = ["for", "in", "after", "within", "every"];
    prev.filter(|p| after.iter().any(|a| a.eq_ignore_ascii_case(p)))?;
    Some(if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") })
}

impl Rule for ClinicalShorthand {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let words = lang.words();
        // Which distinct words could be shorthand at all, decided once each.
        let candidate: Vec<bool> = words
            .lower
            .iter()
            .map(|w| {
                let bare: String = w.chars().filter(|&c| c != '.').collect();
                (2..=6).contains(&w.len())
                    && (shorthand::rows().iter().any(|r| r.written.eq_ignore_ascii_case(&bare))
                        || every_n_hours(&bare).is_some()
                        || w.contains('/')
                        || matches!(bare.as_str(), "tab" | "tabs" | "cap" | "caps"))
            })
            .collect();
        for (i, t) in lang.an.tokens.iter().enumerate() {
            if !t.is_word() || !candidate[words.id[i] as usize] {
                continue;
            }
            if t.analysed.len() > 6 || t.analysed.len() < 2 {
                continue;
            }
            let text = lang.tok(i);
            let bare: std::borrow::Cow<'_, str> =
                if text.contains('.') { text.chars().filter(|&c| c != '.').collect::<String>().into() } else { text.into() };
            let prev = lang.word_before(i);
            let (replacement, meaning): (Option<String>, String) = if let Some(row) = shorthand::lookup(&bare) {
                if row.needs_dose_context && !dose_context(cx, i) || lang.word_after(i).is_some_and(|n| n == "Box") {
                    continue;
                }
                let meaning = acronyms::rows()
                    .iter()
                    .find(|r| r.acronym.eq_ignore_ascii_case(row.written) && r.is_shorthand_or_unit())
                    .map_or_else(|| row.replacement.to_owned(), |r| r.expansion_plain());
                let repl = if cx.profile() == Profile::Us && !row.replacement_us.is_empty() { row.replacement_us } else { row.replacement };
                ((!repl.is_empty()).then(|| repl.to_owned()), meaning)
            } else if let Some(r) = every_n_hours(&bare) {
                (Some(r.clone()), r)
            } else if let Some(r) = period(text, prev) {
                (Some(r.clone()), r)
            } else if ["tab", "tabs", "cap", "caps"].iter().any(|w| w.eq_ignore_ascii_case(&bare))
                && i > 0
                && lang.an.tokens[i - 1].class == TokenClass::Number
                && lang.word_before(i).is_some()
            {
                let one = lang.tok(i - 1) == "1";
                let noun = if bare[..1].eq_ignore_ascii_case("t") { "tablet" } else { "capsule" };
                let r = if one { noun.to_owned() } else { format!("{noun}s") };
                (Some(r.clone()), r)
            } else {
                continue;
            };
            let mut f = Finding::new(
                &META,
                cx.severity(&META),
                t.span,
                format!("'{text}' is prescribing shorthand that many people do not know. Write it out."),
            )
            .with_data("abbreviation", text)
            .with_data("meaning", meaning.as_str());
            match replacement {
                Some(r) => {
                    let mut r = if t.unit_start { capitalise(&r) } else { r };
                    let unit = &lang.an.units[lang.unit_of(i)];
                    if text.ends_with('.') && i + 1 == unit.tokens.end {
                        r.push('.'); // `B.D.` closing the sentence keeps its full stop
                    }
                    if let Some(span) = cx.verbatim_span(t.block as usize, t.analysed.clone()) {
                        f = f.with_fix(Fix::replace(format!("Write '{r}'"), Applicability::Safe, span, r));
                    }
                }
                None => {
                    f = f.with_help(format!("Say it in words: '{meaning}'. For example, 'Do not eat or drink from …'."));
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

    const ID: &str = "clinical-shorthand";

    #[test]
    fn spec_examples() {
        assert_fix("Take 1 tablet bd.", ID, "Take 1 tablet 2 times a day.");
        let t = "Take 2 tablets tds prn.";
        let f = findings(t, ID);
        assert_eq!(f.len(), 2);
        assert_eq!(crate::apply_fixes(t, f.iter().flat_map(|f| &f.fixes)), "Take 2 tablets 3 times a day when needed.");
        assert_fix("Review in 6/52.", ID, "Review in 6 weeks.");
        assert_clean("The OD team will call you.", ID);
        assert_clean("Take 1 tablet 2 times a day.", ID);
    }

    #[test]
    fn case_dots_context_and_profiles() {
        assert_fix("Take 1 tablet B.D.", ID, "Take 1 tablet 2 times a day.");
        assert_fix("Take 2 tablets stat.", ID, "Take 2 tablets straight away.");
        let us = Config::for_profile(Profile::Us);
        let f = findings_with("Take 2 tablets stat.", ID, &us);
        assert_eq!(crate::apply_fixes("Take 2 tablets stat.", [&f[0].fixes[0]]), "Take 2 tablets right away.");
        assert_fix("Use 2 drops q4h.", ID, "Use 2 drops every 4 hours.");
        assert_fix("Take 2 tabs at night.", ID, "Take 2 tablets at night.");
        assert_clean("Write to PO Box 12.", ID);
        let f = findings("You will be NBM from midnight.", ID);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert_clean("I sob when I am sad.", ID);
    }
}
