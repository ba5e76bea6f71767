//! `mixed-number-formats` (SPEC §5.7)
//!
//! **What it checks**: a document that gives proportions or chances in more than one of:
//! percentage (`20%`), natural frequency (`1 in 3`), fraction (`1/3 of people`, `a third of`,
//! `half of all adults`). One finding at the first use of the second format; `related` marks the
//! first use of each format. EC/QRD band phrases, strengths, test results and fractions of a
//! dose (`half a tablet`) are not proportions.
//!
//! **Why it matters to patients**: switching between `20%`, `1 in 3` and `a third` makes readers
//! convert before they can compare.
//!
//! **Flagged example**: "About 20% of people get a headache. About 1 in 3 people feel sick."
//!
//! **Plainer version**: "About 20 in 100 people get a headache. About 33 in 100 people feel sick."
//!
//! **Fix**: none (`percentage` and `fraction` carry the conversions).
//!
//! **Source**: NHS statistics guidance (avoid mixing number formats); HSE; CDC CCI 17.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};
use crate::numbers::lexicon as lx;
use crate::numbers::{self, role, Kind, Nx, Quantity};

/// See the module documentation.
pub struct MixedNumberFormats;

static META: RuleMeta = RuleMeta {
    id: "mixed-number-formats",
    category: Category::Numeracy,
    summary: "Chances given as a mix of percentages, '1 in N' and fractions",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Info)],
    thresholds: &[],
    why: "Switching between '20%', '1 in 3' and 'a third' makes readers convert before they can compare.",
    flagged: "About 20% of people get a headache. About 1 in 3 people feel sick.",
    plainer: "About 20 in 100 people get a headache. About 33 in 100 people feel sick.",
    source: "NHS statistics guidance; HSE numbers guidance; CDC Clear Communication Index 17",
};

impl Rule for MixedNumberFormats {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// The proportion format of a quantity: 0 percentage, 1 natural frequency, 2 fraction.
fn format_of(nx: &Nx<'_>, q: &Quantity) -> Option<usize> {
    if nx.proportion_percentage(q) {
        return Some(0);
    }
    if nx.counted_frequency(q) {
        return Some(1);
    }
    if q.kind == Kind::Fraction && !q.any(role::DOSE | role::TEST) && q.measure.is_none() {
        // A share of a group: `a third of people`, `half of all adults`, `1/3 of them`.
        let w = nx.words(q.unit);
        let e = q.tokens.end;
        let group = w.is(e, "of")
            && (w.is_any(e + 1, &["all", "them", "us", "those", "these"])
                || w.has(e + 1, lx::PEOPLE | lx::EVENT)
                || w.is(e + 1, "the") && w.has(e + 2, lx::PEOPLE | lx::EVENT)
                || w.text(e + 1).starts_with(char::is_uppercase));
        if group || q.any(role::PEOPLE) && !w.is(e, "a") {
            return Some(2);
        }
    }
    None
}

const NAMES: [&str; 3] = ["a percentage", "a natural frequency", "a fraction"];

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let mut first: [Option<&Quantity>; 3] = [None; 3];
    let mut second: Option<(&Quantity, usize)> = None;
    for q in &nx.m.quantities {
        let Some(k) = format_of(nx, q) else { continue };
        if first[k].is_none() {
            if second.is_none() && first.iter().any(Option::is_some) {
                second = Some((q, k));
            }
            first[k] = Some(q);
        }
    }
    let Some((q, k)) = second else { return };
    let used: Vec<&str> = (0..3).filter(|&i| first[i].is_some()).map(|i| NAMES[i]).collect();
    let mut f = Finding::new(
        &META,
        nx.severity(&META),
        q.span,
        "This gives chances in more than one format. Use one format, such as 'N in 100', throughout.",
    )
    .with_data("formats", used);
    for (i, p) in first.iter().enumerate() {
        if let Some(p) = p {
            if i != k {
                f = f.with_related(p.span, format!("first use of {}", NAMES[i]));
            }
        }
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "mixed-number-formats";

    #[test]
    fn flags_the_second_format_once() {
        let t = "About 20% of people get a headache. About 1 in 3 people feel sick. Half of all people feel tired.";
        let f = findings(t, R);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span.slice(t), "1 in 3");
        assert_eq!(f[0].related.len(), 2);
        // tests/corpus/nhlbi-high-blood-pressure.md: half of all Americans … 1 in 3 U.S. adults.
        let t = "Half of all Americans have high blood pressure.\n\nAbout 1 in 3 U.S. adults with high blood pressure aren’t even aware they have it.";
        assert_flags(t, R, 1);
    }

    #[test]
    fn clean() {
        assert_clean("About 20 in 100 people get a headache. About 33 in 100 people feel sick.", R);
        assert_clean("Use 1% hydrocortisone cream. About 1 in 10 people get a rash.", R);
        assert_clean("Take half a tablet. About 1 in 10 people get a rash.", R);
        assert_clean("Common side effects may affect up to 1 in 10 people. About 20% of people stop taking it.", R);
    }
}
