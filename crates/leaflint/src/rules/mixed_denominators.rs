//! `mixed-denominators` (SPEC §5.3)
//!
//! **What it checks**: natural frequencies in the document (`scope` = 1) or in each section
//! (`scope` = 0) with two or more different denominators, where at least one numerator is not 1
//! (all `1 in X` is `one-in-x-varying`). EC/QRD band phrases (`may affect up to 1 in 10 people`)
//! are a fixed convention and are not counted. One finding per frequency whose denominator is
//! not the common one; `related` lists the others.
//!
//! **Why it matters to patients**: comparing `1 in 4` with `3 in 100` needs a calculation most
//! people cannot do in their head; the same "out of" number makes the comparison visible.
//!
//! **Flagged example**: "Without treatment, 1 in 4 people get worse. With treatment, 3 in 100
//! people get worse."
//!
//! **Plainer version**: "Without treatment, 25 in 100 people get worse. With treatment, 3 in 100
//! people get worse."
//!
//! **Fix** (review): the common denominator T (`numbers::arith::common_denominator`: the smallest
//! power of ten that makes every numerator whole, else whole within 5%, else the lcm up to 100);
//! the connector (`in`, `out of`, `in every`) is kept, `about` added when rounded.
//!
//! **Source**: CDC CCI 17 (same denominator throughout); NICE CG138; PIF.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::numbers::denominators::{check, Which};
use crate::numbers::{self, Nx};

/// See the module documentation.
pub struct MixedDenominators;

static META: RuleMeta = RuleMeta {
    id: "mixed-denominators",
    category: Category::Numeracy,
    summary: "Chances given out of different numbers ('1 in 4' and '3 in 100')",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[Threshold {
        key: "scope",
        values: [1.0, 1.0, 1.0],
        doc: "1: compare frequencies across the whole document (CDC CCI 17); 0: within each section",
    }],
    why: "Comparing '1 in 4' with '3 in 100' needs a calculation. Using the same 'out of' number makes the comparison easy.",
    flagged: "Without treatment, 1 in 4 people get worse. With treatment, 3 in 100 people get worse.",
    plainer: "Without treatment, 25 in 100 people get worse. With treatment, 3 in 100 people get worse.",
    source: "CDC Clear Communication Index 17; NICE CG138; PIF",
};

impl Rule for MixedDenominators {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    check(nx, &META, Which::Mixed, out);
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::test_util::*;

    const R: &str = "mixed-denominators";

    #[test]
    fn spec_examples_fix_exactly() {
        let t = "Without treatment, 1 in 4 people get worse. With treatment, 3 in 100 people get worse.";
        assert_flags(t, R, 1);
        assert_fix(t, R, "Without treatment, 25 in 100 people get worse. With treatment, 3 in 100 people get worse.");
        let f = findings(t, R);
        assert_eq!(f[0].message, "These chances use different 'out of' numbers (4 and 100). Use the same one.");
        assert_eq!(f[0].related.len(), 1);
        // 1 in 3 and 2 in 10 → about 33 in 100 and 20 in 100.
        let t = "1 in 3 people had a rash. 2 in 10 people had a headache.";
        let f = findings(t, R);
        assert_eq!(f.len(), 2);
        let fixed = crate::apply_fixes(t, f.iter().flat_map(|f| f.fixes.first()));
        assert_eq!(fixed, "About 33 in 100 people had a rash. 20 in 100 people had a headache.");
    }

    #[test]
    fn keeps_the_connector() {
        let t = "Before, 3 out of 10 women had pain. After, 5 out of 100 women did.";
        assert_fix(t, R, "Before, 30 out of 100 women had pain. After, 5 out of 100 women did.");
    }

    #[test]
    fn clean_same_denominator_ec_bands_and_all_ones() {
        assert_clean("25 in 100 people get worse. 3 in 100 people get worse with treatment.", R);
        assert_clean("Common side effects may affect up to 1 in 10 people. About 3 in 100 people stop taking it.", R);
        assert_clean("1 in 20 people get a rash. 1 in 10 people get a headache.", R);
        // tests/corpus/cdc-diabetes-quick-facts.md: 1 in 5 and 8 in 10 in one paragraph.
        let t = "More than 37 million people in the United States have diabetes, and 1 in 5 of them don’t know they have it.\n\n96 million US adults—over a third—have prediabetes, and more than 8 in 10 of them don’t know they have it.";
        assert_fix(t, R, &t.replace("1 in 5", "2 in 10"));
    }

    #[test]
    fn section_scope() {
        let t = "Stroke\n\n1 in 4 people get worse.\n\nFalls\n\n3 in 100 people fall.";
        assert_flags(t, R, 1);
        let mut cfg = Config::default();
        cfg.set_threshold(R, "scope", 0.0);
        assert_eq!(findings_with(t, R, &cfg).len(), 0);
    }
}
