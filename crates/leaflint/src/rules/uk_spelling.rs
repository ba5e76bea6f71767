//! `uk-spelling` (SPEC §4.14; nhs and easy-read)
//!
//! **What it checks**: an American spelling (`hemoglobin`, `color`, `organize`, `center`): the
//! `us` form of a pair in `data/uk-us-spelling.tsv` whose British form has SCOWL level ≤ 60 (or is
//! a compiled medical pair), when SCOWL does not list the American form for British English.
//! Words valid in both varieties (`license`, `program`, `meter`) are never flagged; nor are NHS
//! house forms (`fetus`, `fetal`) or words inside a name (`World Health Organization`).
//!
//! **Why it matters to patients**: UK readers trip over unfamiliar spellings, and search for
//! the spelling they know.
//!
//! **Flagged example**: "Your hemoglobin level is low."
//!
//! **Plainer version**: "Your haemoglobin level is low. Use a blood glucose meter."
//!
//! **Source**: NHS A to Z (British spelling, -ise; fetus); SCOWL/VarCon data.

use super::{Context, Rule, RuleMeta};
use crate::data::{scowl, spelling};
use crate::finding::{match_case, Applicability, Category, Finding, Fix, Severity};

/// See the module documentation.
pub struct UkSpelling;

static META: RuleMeta = RuleMeta {
    id: "uk-spelling",
    category: Category::Style,
    summary: "American spellings in a UK leaflet",
    default_severity: [Some(Severity::Info), None, Some(Severity::Info)],
    thresholds: &[],
    why: "UK readers trip over unfamiliar spellings, and search for the spelling they know.",
    flagged: "Your hemoglobin level is low.",
    plainer: "Your haemoglobin level is low. Use a blood glucose meter.",
    source: "NHS A to Z (British spelling, -ise; fetus); SCOWL/VarCon",
};

/// Highest SCOWL level of the word to respell (SPEC §4.14).
pub const MAX_SCOWL_LEVEL: u8 = 60;
/// NHS house forms that keep their US-looking spelling (SPEC §4.14).
pub const HOUSE_FORMS: &[&str] = &["fetus", "fetal", "fetuses"];

/// The respelling of `lower` into the other variety (`to_uk`: US → UK), or `Some(None)` when it
/// is flagged but has several forms.
pub(crate) fn respell(lower: &str, to_uk: bool) -> Option<Option<&'static str>> {
    if !lower.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'') {
        return None;
    }
    if to_uk {
        // Most words are valid British spellings: one fst look-up rules them out.
        if HOUSE_FORMS.contains(&lower) || scowl::lookup(lower).is_some_and(|e| e.in_gb()) {
            return None;
        }
        let all = spelling::us_to_uk_all(lower);
        let first = *all.first()?;
        let level_ok = spelling::row(first).is_some_and(|r| r.scowl_level_uk.is_none_or(|l| l <= MAX_SCOWL_LEVEL));
        level_ok.then_some((all.len() == 1).then_some(first))
    } else {
        if scowl::lookup(lower).is_some_and(|e| e.in_us()) {
            return None;
        }
        let row = spelling::row(lower)?;
        let level_ok = row.scowl_level_uk.is_none_or(|l| l <= MAX_SCOWL_LEVEL);
        level_ok.then_some(Some(row.us))
    }
}

/// Shared by `uk-spelling` and `us-spelling`.
pub(crate) fn check_variety(cx: &Context<'_>, meta: &'static RuleMeta, to_uk: bool, out: &mut Vec<Finding>) {
    let lang = cx.lang;
    let words = lang.words();
    let mut cache: Vec<Option<Option<Option<&'static str>>>> = vec![None; words.lower.len()];
    for (i, t) in lang.an.tokens.iter().enumerate() {
        if t.class != crate::text::tokens::TokenClass::Word {
            continue;
        }
        let id = words.id[i] as usize;
        let hit = *cache[id].get_or_insert_with(|| respell(&words.lower[id], to_uk));
        let Some(target) = hit else { continue };
        let text = lang.tok(i);
        if lang.in_name(i) || cx.config.allows_word(text) {
            continue;
        }
        let variety = if to_uk { "UK" } else { "US" };
        let mut f = Finding::new(meta, cx.severity(meta), t.span, format!("'{text}' is not the {variety} spelling."))
            .with_data("word", text);
        if let Some(target) = target {
            let r = match_case(text, target);
            f = f.with_data("spelling", r.as_str());
            if let Some(span) = cx.verbatim_span(t.block as usize, t.analysed.clone()) {
                f = f.with_fix(Fix::replace(format!("Write '{r}'"), Applicability::Safe, span, r));
            }
        }
        out.push(f);
    }
}

impl Rule for UkSpelling {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        check_variety(cx, &META, true, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const ID: &str = "uk-spelling";

    #[test]
    fn spec_examples() {
        assert_fix("Your hemoglobin level is low.", ID, "Your haemoglobin level is low.");
        assert_fix("Pick a color.", ID, "Pick a colour.");
        assert_fix("Organize your tablets.", ID, "Organise your tablets.");
        assert_fix("See a pediatric nurse.", ID, "See a paediatric nurse.");
        assert_fix("Go to the center.", ID, "Go to the centre.");
        assert_clean("Use a blood glucose meter. Get a license. Join the program. It is good practice.", ID);
        assert_clean("The fetus grows. Ask the World Health Organization or the Centers for Disease Control.", ID);
    }
}
