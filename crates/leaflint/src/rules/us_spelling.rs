//! `us-spelling` (SPEC §4.14; us profile)
//!
//! **What it checks**: a British spelling (`haemoglobin`, `colour`, `organise`) in a US text:
//! the `uk` form of a pair in `data/uk-us-spelling.tsv` (SCOWL level ≤ 60, or a compiled medical
//! pair) that SCOWL does not list for American English. It mirrors `uk-spelling`.
//!
//! **Why it matters to patients**: US readers trip over unfamiliar spellings, and search for the
//! spelling they know.
//!
//! **Flagged example**: "Your haemoglobin level is low."
//!
//! **Plainer version**: "Your hemoglobin level is low."
//!
//! **Source**: SCOWL/VarCon data.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};

/// See the module documentation.
pub struct UsSpelling;

static META: RuleMeta = RuleMeta {
    id: "us-spelling",
    category: Category::Style,
    summary: "British spellings in a US leaflet",
    default_severity: [None, Some(Severity::Info), None],
    thresholds: &[],
    why: "US readers trip over unfamiliar spellings, and search for the spelling they know.",
    flagged: "Your haemoglobin level is low.",
    plainer: "Your hemoglobin level is low.",
    source: "SCOWL/VarCon",
};

impl Rule for UsSpelling {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        super::uk_spelling::check_variety(cx, &META, false, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const ID: &str = "us-spelling";

    #[test]
    fn mirrors_uk_spelling() {
        let us = Config::for_profile(Profile::Us);
        let f = findings_with("Your haemoglobin level is low. Pick a colour.", ID, &us);
        assert_eq!(f.len(), 2);
        let fixed = crate::apply_fixes("Your haemoglobin level is low. Pick a colour.", f.iter().flat_map(|f| &f.fixes));
        assert_eq!(fixed, "Your hemoglobin level is low. Pick a color.");
        assert!(findings_with("Your hemoglobin level is low.", ID, &us).is_empty());
        assert!(crate::check("Pick a colour.", &Config::default()).findings.iter().all(|f| f.rule != ID));
    }
}
