//! `one-in-x-varying` (SPEC §5.4)
//!
//! **What it checks**: two or more natural frequencies in scope, all of the form `1 in X`, with
//! different X (EC/QRD band phrases are not counted). One finding per frequency whose X is not the
//! common denominator.
//!
//! **Why it matters to patients**: with `1 in X` a bigger number means a smaller chance, which
//! many people read the wrong way round, and `1 in X` sounds more alarming than the same chance
//! written `N in D` (the 1-in-X effect).
//!
//! **Flagged example**: "1 in 20 people get a rash. 1 in 10 people get a headache."
//!
//! **Plainer version**: "5 in 100 people get a rash. 10 in 100 people get a headache."
//!
//! **Fix** (review): as `mixed-denominators`, the common denominator (`1 in 20` → `5 in 100`).
//!
//! **Source**: NICE CG138 (its own example); Pighin et al. (1-in-X effect, meta-analysis of 11
//! comparisons, g = 0.42); CDC CCI 17.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::numbers::denominators::{check, Which};
use crate::numbers::{self, Nx};

/// See the module documentation.
pub struct OneInXVarying;

static META: RuleMeta = RuleMeta {
    id: "one-in-x-varying",
    category: Category::Numeracy,
    summary: "Several '1 in X' chances with different X ('1 in 20' and '1 in 10')",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[Threshold {
        key: "scope",
        values: [1.0, 1.0, 1.0],
        doc: "1: compare frequencies across the whole document; 0: within each section",
    }],
    why: "With '1 in X' a bigger number means a smaller chance, which is easy to read the wrong way round.",
    flagged: "1 in 20 people get a rash. 1 in 10 people get a headache.",
    plainer: "5 in 100 people get a rash. 10 in 100 people get a headache.",
    source: "NICE CG138; Pighin et al. (1-in-X effect); CDC Clear Communication Index 17",
};

impl Rule for OneInXVarying {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    check(nx, &META, Which::OneInX, out);
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "one-in-x-varying";

    #[test]
    fn nice_example_fixes_both() {
        let t = "1 in 20 people get a rash. 1 in 10 people get a headache.";
        let f = findings(t, R);
        assert_eq!(f.len(), 2);
        let fixed = crate::apply_fixes(t, f.iter().flat_map(|f| f.fixes.first()));
        assert_eq!(fixed, "5 in 100 people get a rash. 10 in 100 people get a headache.");
        assert_eq!(f[0].data["common_denominator"], 100);
    }

    #[test]
    fn one_stays_when_it_is_the_common_denominator() {
        let t = "About 1 in 100 women get it. About 1 in 1,000 men get it.";
        assert_fix(t, R, "About 10 in 1,000 women get it. About 1 in 1,000 men get it.");
        assert_flags(t, R, 1);
    }

    #[test]
    fn clean() {
        assert_clean("5 in 100 people get a rash. 10 in 100 people get a headache.", R);
        assert_clean("1 in 10 people get a rash. 1 in 10 people get a headache.", R);
        assert_clean("1 in 4 people get worse. 3 in 100 people get worse with treatment.", R);
        // EC bands are a convention.
        assert_clean("Common: may affect up to 1 in 10 people. Rare: may affect up to 1 in 1,000 people.", R);
        // tests/corpus/cdc-sepsis.md: one frequency only.
        assert_clean("1 in 3 people who dies in a hospital had sepsis during that hospitalization.", R);
    }
}
