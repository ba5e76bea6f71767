//! `missing-time-frame` (SPEC §5.9)
//!
//! **What it checks**: a natural frequency or percentage whose unit uses an incidence verb (get,
//! develop, die, catch, will have, will get, are diagnosed, go on to, need treatment or surgery)
//! after it, with no time frame in that or the previous unit (`in the next 10 years`, `each
//! year`, `during their lifetime`, `by age 80`, `while taking it` …). Not side-effect frequencies
//! (the unit or its heading mentions side effects: the period is "while taking it") and not
//! prevalence (`have`, `are living with`).
//!
//! **Why it matters to patients**: "1 in 8 women get breast cancer" means very different things
//! over a year and over a lifetime; cumulative risk is hard to judge without the period.
//!
//! **Flagged example**: "1 in 8 women get breast cancer."
//!
//! **Plainer version**: "1 in 8 women get breast cancer at some point in their life."
//!
//! **Fix**: none (only the author knows the period).
//!
//! **Source**: NICE CG138 (state the time period).

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};
use crate::numbers::lexicon as lx;
use crate::numbers::phrases::Words;
use crate::numbers::{self, context, Kind, Nx};

/// See the module documentation.
pub struct MissingTimeFrame;

static META: RuleMeta = RuleMeta {
    id: "missing-time-frame",
    category: Category::Numeracy,
    summary: "Chances of getting something with no time period ('1 in 8 get it')",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Warning)],
    thresholds: &[],
    why: "A chance of getting something means little without the period: in a year and in a lifetime are very different.",
    flagged: "1 in 8 women get breast cancer.",
    plainer: "1 in 8 women get breast cancer at some point in their life.",
    source: "NICE CG138 (state the time period)",
};

impl Rule for MissingTimeFrame {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// An incidence verb in tokens `from..` of the unit (SPEC §5.9).
pub(crate) fn incidence_after(w: &Words<'_>, from: usize) -> bool {
    (from..w.range.end).any(|i| {
        let t = w.text(i);
        if t.eq_ignore_ascii_case("diagnosed") {
            return i > w.range.start && w.is_any(i - 1, &["are", "is", "were", "was", "be", "been", "get", "gets", "got"]);
        }
        (w.has(i, lx::INCIDENCE) && !w.is(i + 1, "to"))
            || (w.is(i, "will") && w.is_any(i + 1, &["have", "get"]))
            || (w.is_any(i, &["go", "goes", "went", "going"]) && w.phrase(i + 1, &["on", "to"]))
            || (w.is_any(i, &["need", "needs", "needed"])
                && (i + 1..i + 4).any(|k| w.is_any(k, &["treatment", "surgery", "operation", "hospital"]))
                && !w.is(i + 1, "to"))
    })
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    for q in &nx.m.quantities {
        let chance = (q.kind == Kind::Frequency && nx.counted_frequency(q)) || nx.proportion_percentage(q);
        if !chance || q.context & (context::SIDE_EFFECT | context::TIME_FRAME) != 0 {
            continue;
        }
        let w = nx.words(q.unit);
        if !incidence_after(&w, q.tokens.end) {
            continue;
        }
        // A time frame in the previous unit of the same block counts too.
        let units = &nx.cx.analysis.units;
        if q.unit > 0 && units[q.unit - 1].block == q.block && numbers::phrases::time_frame(&nx.words(q.unit - 1)) {
            continue;
        }
        out.push(
            Finding::new(&META, nx.severity(&META), q.span, "Over what time? For example 'in the next 10 years' or 'during their lifetime'.")
                .with_data("kind", if q.kind == Kind::Frequency { "frequency" } else { "percentage" }),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "missing-time-frame";

    #[test]
    fn flags_incidence_without_period() {
        assert_flags("1 in 8 women get breast cancer.", R, 1);
        assert_flags("About 20% of people get a headache.", R, 1);
        assert_flags("About 3 in 100 people will go on to need surgery.", R, 1);
        assert_flags("Around 1 in 50 people are diagnosed with it.", R, 1);
        assert_flags("1 in 4 people will get shingles.", R, 1);
    }

    #[test]
    fn clean_with_a_period_prevalence_or_side_effects() {
        for t in [
            "1 in 8 women get breast cancer at some point in their life.",
            "About 20 in 100 people get a headache while taking it, and 80 in 100 do not.",
            "About 4 in 100 people have a second stroke within a year.",
            "About 1 in 3 adults have high blood pressure.",
            "Common side effects: about 1 in 10 people get a headache.",
            "Over the next 10 years: 1 in 8 women get breast cancer.",
            "About 1 in 10 people get a headache when they start taking this medicine.",
            "About 20% of people who have the test will need a second one.",
            // tests/corpus/cdc-sepsis.md and cdc-diabetes-quick-facts.md
            "1 in 3 people who dies in a hospital had sepsis during that hospitalization.",
            "More than 37 million people in the United States have diabetes, and 1 in 5 of them don’t know they have it.",
        ] {
            assert_clean(t, R);
        }
        assert_clean("Side effects\n\nAbout 1 in 10 people get a headache.", R);
    }
}
