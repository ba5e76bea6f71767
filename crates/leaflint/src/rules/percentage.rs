//! `percentage` (SPEC §5.1)
//!
//! **What it checks**: a percentage that states a proportion, chance or frequency (`20% of
//! people`, `a 2.5% risk`). Not strengths (`1% hydrocortisone cream`), test results (`HbA1c of
//! 6.5%`), `0%`, `100%`, relative changes (`by 30%`: `relative-risk`), `95% CI`, or shares of an
//! amount (`10% of your body weight`). `percentage points` get a message and no fix.
//!
//! **Why it matters to patients**: many people cannot turn a percentage into "how many people like
//! me"; natural frequencies (`20 in 100`) are understood better (NICE evidence review, SMD 0.69).
//!
//! **Flagged example**: "About 20% of people get a headache."
//!
//! **Plainer version**: "About 20 in 100 people get a headache."
//!
//! **Fix** (review): `P% of [the] X` → `n in D X`, any other `P%` → `n in D`; D is the document's
//! most used natural-frequency denominator when `P × D / 100` is within 5% of a whole number ≥ 1,
//! else the first such of 100, 1,000 … 1,000,000; `about` is added when rounded. `data` carries
//! `percentage`, `numerator` and `denominator`, and `picture`: the converted frequency as an icon
//! array descriptor (`crate::picture::Picture`; numbers and words, no SVG).
//!
//! **Source**: NICE CG138; NHS numbers page ("1 in 7 people" rather than "14.3% of people"); PIF;
//! CDC CCI 15; PEMAT 6.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::arith::{commas, percent_to_frequency};
use crate::numbers::{self, pictures, Nx};
use crate::span::ByteSpan;

/// See the module documentation.
pub struct Percentage;

static META: RuleMeta = RuleMeta {
    id: "percentage",
    category: Category::Numeracy,
    summary: "Percentages where a natural frequency ('20 in 100') is clearer",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[],
    why: "Many people cannot picture a percentage. '20 in 100 people' is easier to understand than '20% of people'.",
    flagged: "About 20% of people get a headache.",
    plainer: "About 20 in 100 people get a headache.",
    source: "NICE CG138; NHS numbers guidance; PIF; CDC Clear Communication Index 15; PEMAT 6",
};

const PRONOUNS: &[&str] = &["them", "us", "you", "those", "these", "which", "whom", "it", "this"];

impl Rule for Percentage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let preferred = nx.preferred_denominator();
    for q in nx.m.quantities.iter().filter(|q| q.kind == numbers::Kind::Percentage) {
        let severity = nx.severity(&META);
        if q.has(numbers::role::POINTS) {
            out.push(Finding::new(&META, severity, q.span, "Percentage points are hard to picture. Give the numbers before and after, for example 'from 20 in 100 to 25 in 100'.").with_data("percentage", q.low));
            continue;
        }
        if !nx.proportion_percentage(q) {
            continue;
        }
        let mut f = Finding::new(&META, severity, q.span, "Many people find percentages hard to picture.").with_data("percentage", q.low);
        // `90% effective`: a relative reduction, not a share of people; no conversion.
        let w = nx.words(q.unit);
        let relative = pictures::relative_percentage(nx, q);
        let conv = match q.high {
            _ if relative => None,
            None => percent_to_frequency(q.low, preferred).map(|c| (c, format!("{} in {}", commas(c.n), commas(c.d)))),
            // A range of whole percentages: `90% to 95%` → `90 to 95 in 100`.
            // After `between` the range keeps its `and` (`between 20 and 50 in 100`).
            Some(h) if q.low.fract() == 0.0 && h.fract() == 0.0 => {
                let join = if q.tokens.start > w.range.start && w.is(q.tokens.start - 1, "between") { "and" } else { "to" };
                percent_to_frequency(q.low, Some(100))
                    .filter(|c| c.d == 100)
                    .map(|c| (c, format!("{} {join} {} in 100", q.low, h)))
            }
            Some(_) => None,
        };
        let Some((c, written)) = conv else {
            out.push(f.with_help("Give it as a number of people out of 100 or 1,000, for example '20 in 100 people'."));
            continue;
        };
        let mut end = q.tokens.end - 1;
        // `P% of [all|the] X` → `n in D X`; keep `of` before a pronoun (`20 in 100 of them`).
        if w.is(end + 1, "of") && !w.is_any(end + 2, PRONOUNS) && w.class(end + 2).is_some() {
            end += 1;
            if w.is_any(end + 1, &["the", "all"]) && !w.is_any(end + 2, PRONOUNS) {
                end += 1;
            }
        }
        let text = nx.about(q, c.rounded, &written);
        f.message = format!("Many people find percentages hard to picture. Try '{text}'.");
        f = f.with_data("numerator", c.n).with_data("denominator", c.d).with_data("rounded", c.rounded);
        // The converted frequency as an icon array (numbers only: renderers draw it).
        let risk = pictures::is_risk_number(nx, q);
        if let Some(p) = risk.then(|| pictures::picture(nx, q, c.n, c.d, c.rounded, None)).flatten() {
            f = f.with_data("picture", serde_json::to_value(p).unwrap_or_default());
        }
        if let Some(span) = nx.verbatim_tokens(q.tokens.start, end) {
            let span = ByteSpan::new(span.start(), span.end());
            f = f.with_fix(Fix::replace(format!("Write '{text}'"), Applicability::Review, span, text));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::finding::Severity;
    use crate::rules::test_util::*;

    const R: &str = "percentage";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix("About 20% of people get a headache.", R, "About 20 in 100 people get a headache.");
        assert_fix("14.3% of adults have it.", R, "About 14 in 100 adults have it.");
        assert_fix("The chance is 0.5%.", R, "The chance is 5 in 1,000.");
        assert_fix("There is a 2.5% risk of bleeding.", R, "There is a 25 in 1,000 risk of bleeding.");
        assert_fix("Around 30% of the women in the study had a rash.", R, "Around 30 in 100 women in the study had a rash.");
        assert_fix("It affects 20% of them.", R, "It affects 20 in 100 of them.");
        assert_fix("It happens in between 20% and 50% of cases.", R, "It happens in between 20 and 50 in 100 cases.");
        assert_fix("It happens in 20% to 50% of cases.", R, "It happens in 20 to 50 in 100 cases.");
    }

    #[test]
    fn uses_the_documents_own_denominator() {
        let text = "About 1 in 10 people get a rash. About 20% of people get a headache.";
        assert_fix(text, R, "About 1 in 10 people get a rash. About 2 in 10 people get a headache.");
        let f = findings(text, R);
        assert_eq!(f[0].data["numerator"], 2);
        assert_eq!(f[0].data["denominator"], 10);
    }

    #[test]
    fn clean_strengths_tests_changes_and_frequencies() {
        for t in [
            "Use 1% hydrocortisone cream.",
            "about 20 in 100 people",
            "Your HbA1c of 6.5% means you have diabetes.",
            "Statins reduce your risk of a heart attack by 30%.",
            "It gives a 30% lower risk of a stroke.",
            "The risk fell (95% CI 0.65 to 0.81) in the trial.",
            "Try to lose 5% of your body weight.",
            "This is 100% safe.",
            "Beer with 5% alcohol.",
        ] {
            assert_clean(t, R);
        }
    }

    #[test]
    fn real_sentences() {
        // tests/corpus/cdc-diabetes-quick-facts.md: ranges of whole percentages.
        let t = "Type 2 diabetes accounts for approximately 90% to 95% of all diagnosed cases of diabetes; type 1 diabetes accounts for approximately 5-10%.";
        let f = findings(t, R);
        assert_eq!(f.len(), 2);
        assert_eq!(
            crate::apply_fixes(t, f.iter().flat_map(|f| f.fixes.first())),
            "Type 2 diabetes accounts for approximately 90 to 95 in 100 diagnosed cases of diabetes; type 1 diabetes accounts for approximately 5 to 10 in 100."
        );
        assert!(findings("About 2.5% to 3.5% of people.", R)[0].fixes.is_empty());
        assert_flags("The risk went up by 2 percentage points.", R, 1);
        assert_fix("About 50 per cent of people recover.", R, "About 50 in 100 people recover.");
        let f = findings("The vaccine is 90% effective at preventing severe illness.", R);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
    }

    #[test]
    fn easy_read_is_an_error() {
        let f = findings_with("About 20% of people get a headache.", R, &Config::for_profile(Profile::EasyRead));
        assert_eq!(f[0].severity, Severity::Error);
    }
}
