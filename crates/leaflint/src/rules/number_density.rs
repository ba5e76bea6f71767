//! `number-density` (SPEC §5.16)
//!
//! **What it checks**: a sentence or fragment with more than `per-sentence` number expressions
//! (quantities, SPEC §3.8: `1 or 2` and `4 to 6` count once; dates, phone numbers and labels do
//! not count).
//!
//! **Why it matters to patients**: people who struggle with numbers lose track when several
//! come at once; one or two numbers per sentence, or a list, are easier.
//!
//! **Flagged example**: "Take 1 or 2 tablets every 4 to 6 hours, up to 8 tablets in 24 hours, for
//! no more than 3 days."
//!
//! **Plainer version**: the same facts as a list of 3 short items.
//!
//! **Fix**: none.
//!
//! **Source**: NHS numbers page (people who struggle with numbers); threshold ours†.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::numbers::{self, Nx};
use crate::text::UnitKind;

/// See the module documentation.
pub struct NumberDensity;

static META: RuleMeta = RuleMeta {
    id: "number-density",
    category: Category::Numeracy,
    summary: "Sentences with many numbers",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[Threshold { key: "per-sentence", values: [4.0, 4.0, 2.0], doc: "flag sentences with more numbers than this" }],
    why: "People who struggle with numbers lose track when several come at once. Split the sentence or use a list.",
    flagged: "Take 1 or 2 tablets every 4 to 6 hours, up to 8 tablets in 24 hours, for no more than 3 days.",
    plainer: "Take 1 or 2 tablets at a time.\n\nLeave 4 to 6 hours between doses.\n\nDo not take more than 8 tablets in 24 hours.",
    source: "NHS numbers guidance; threshold ours",
};

impl Rule for NumberDensity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let limit = nx.cx.threshold(&META, "per-sentence");
    for (u, unit) in nx.cx.analysis.units.iter().enumerate() {
        let n = nx.m.expressions_in(u);
        if unit.kind == UnitKind::Heading || n as f64 <= limit {
            continue;
        }
        out.push(
            Finding::new(&META, nx.severity(&META), unit.span, format!("This sentence has {n} numbers. Split it, or put them in a list."))
                .with_data("numbers", n)
                .with_data("limit", limit),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const R: &str = "number-density";

    #[test]
    fn spec_example() {
        let f = findings("Take 1 or 2 tablets every 4 to 6 hours, up to 8 tablets in 24 hours, for no more than 3 days.", R);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].data["numbers"], 5);
    }

    #[test]
    fn dates_phones_and_labels_do_not_count() {
        assert_clean("On 1 September 2023, call 0300 123 4567 or 111 about your type 2 diabetes, step 3, and 2 tablets.", R);
        let t = "Take 2 tablets 3 times a day for 5 days.";
        assert_clean(t, R);
        assert_eq!(findings_with(t, R, &Config::for_profile(Profile::EasyRead)).len(), 1);
    }
}
