//! `large-number-unanchored` (SPEC §5.15)
//!
//! **What it checks**: a number of at least `min`, or `thousands/millions of`, followed within 3
//! words by a people or event noun (people, adults, children, patients, deaths, cases …) in a
//! unit with no anchor: `out of`, `in every`, `of all`, `per` before a number, a percentage or
//! natural frequency, `compared with`, `about the same as`, `about as many as`.
//!
//! **Why it matters to patients**: `48,000 people` is hard to picture on its own; a comparison
//! or `1 in N` says whether it is a lot.
//!
//! **Flagged example**: "Every year, 48,000 people in the UK die of sepsis."
//!
//! **Plainer version**: "Every year, 48,000 people in the UK die of sepsis, about as many as
//! live in a small town."
//!
//! **Fix**: none.
//!
//! **Source**: CDC CCI 16 (explain what numbers mean); lucid-lint.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::numbers::arith::show;
use crate::numbers::lexicon as lx;
use crate::numbers::{self, role, Kind, Nx};

/// See the module documentation.
pub struct LargeNumberUnanchored;

static META: RuleMeta = RuleMeta {
    id: "large-number-unanchored",
    category: Category::Numeracy,
    summary: "Large numbers of people with nothing to compare them with",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[Threshold { key: "min", values: [1000.0, 1000.0, 100.0], doc: "flag numbers of people at least this large" }],
    why: "A large number on its own is hard to picture. A comparison or '1 in N' shows whether it is a lot.",
    flagged: "Every year, 48,000 people in the UK die of sepsis.",
    plainer: "Every year, 48,000 people in the UK die of sepsis, about as many as live in a small town.",
    source: "CDC Clear Communication Index 16; lucid-lint",
};

impl Rule for LargeNumberUnanchored {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// The unit gives an anchor (SPEC §5.15).
fn anchored(nx: &Nx<'_>, u: usize) -> bool {
    let w = nx.words(u);
    nx.m.in_unit(u).iter().any(|q| q.kind == Kind::Frequency || nx.proportion_percentage(q))
        || w.find(&["out", "of"]).is_some()
        || w.find(&["in", "every"]).is_some()
        || w.find(&["of", "all"]).is_some()
        || w.find(&["compared", "with"]).is_some()
        || w.find(&["compared", "to"]).is_some()
        || w.find(&["the", "same", "as"]).is_some()
        || w.find(&["as", "many", "as"]).is_some()
        || w.range.clone().any(|i| w.is(i, "per") && w.has(i + 1, lx::NUMERIC))
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let min = nx.cx.threshold(&META, "min");
    for u in 0..nx.cx.analysis.units.len() {
        let ul = nx.m.unit_lex[u];
        if ul & (lx::PEOPLE | lx::EVENT) == 0 || ul & (lx::NUMBER | lx::SCALE) == 0 {
            continue;
        }
        let mut found: Vec<(crate::span::ByteSpan, String, Option<String>)> = Vec::new();
        for q in nx.m.in_unit(u) {
            let big = q.high.unwrap_or(q.low).max(q.low) >= min;
            if q.is_quantity() && big && q.has(role::PEOPLE) && matches!(q.kind, Kind::Integer | Kind::Decimal | Kind::Range) && !q.any(role::AGE) {
                found.push((q.span, nx.qtext(q).to_owned(), Some(show(q.low))));
            }
        }
        // thousands of people, millions of adults.
        let w = nx.words(u);
        for i in w.range.clone() {
            if w.has(i, lx::SCALE) && w.is_any(i, &["thousands", "millions", "billions"]) && w.is(i + 1, "of") && (i + 2..i + 5).any(|k| w.has(k, lx::PEOPLE | lx::EVENT)) {
                found.push((nx.tok(i).span, w.text(i).to_owned(), None));
            }
        }
        if found.is_empty() || anchored(nx, u) {
            continue;
        }
        for (span, n, value) in found {
            let mut f = Finding::new(&META, nx.severity(&META), span, format!("Help readers picture {n}: compare it with something familiar, or give it as '1 in N people'."));
            if let Some(v) = value {
                f = f.with_data("value", v);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const R: &str = "large-number-unanchored";

    #[test]
    fn flags_unanchored_numbers_of_people() {
        let f = findings("Every year, 48,000 people in the UK die of sepsis.", R);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "Help readers picture 48,000: compare it with something familiar, or give it as '1 in N people'.");
        // tests/corpus/cdc-sepsis.md
        assert_flags("Each year, at least 1.7 million adults in America develop sepsis.", R, 1);
        assert_flags("At least 350,000 adults who develop sepsis die during their hospitalization or are discharged to hospice.", R, 1);
        assert_flags("Thousands of people get it every winter.", R, 1);
    }

    #[test]
    fn clean() {
        for t in [
            "Every year, 48,000 people in the UK die of sepsis, about as many as live in a small town.",
            // tests/corpus/cdc-diabetes-quick-facts.md: anchored by '1 in 5' and '8 in 10'.
            "More than 37 million people in the United States have diabetes, and 1 in 5 of them don’t know they have it.",
            "96 million US adults—over a third—have prediabetes, and more than 8 in 10 of them don’t know they have it.",
            "Medical costs and lost work and wages for people with diagnosed diabetes total $327 billion yearly.",
            "About 500 people a year get it.",
            "It happens to 20 in every 100,000 people.",
        ] {
            assert_clean(t, R);
        }
        assert_eq!(findings_with("About 500 people get it.", R, &Config::for_profile(Profile::EasyRead)).len(), 1);
    }
}
