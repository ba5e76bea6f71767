//! `decimal` (SPEC §5.5)
//!
//! **What it checks**: a number with a decimal part, except doses (`0.5mg`), money (`£4.50`),
//! test results (`a BMI of 18.5`), measurements with a unit (`37.5C`, `2.5cm`)†, clock times
//! (`5.30pm`), labels (`version 2.1`), dates, percentages (`percentage` owns them) and ranges
//! whose other end is one of these.
//!
//! **Why it matters to patients**: many people misread decimals (`2.5 hours`, `3.2 days`); whole
//! numbers, or hours and minutes, are clearer.
//!
//! **Flagged example**: "The test takes 2.5 hours."
//!
//! **Plainer version**: "The test takes 2 hours 30 minutes."
//!
//! **Fix** (review): with hours, `H.5` → `H hours 30 minutes` (`.25` → 15, `.75` → 45, `0.5 hours`
//! → `30 minutes`, `1 hour` when H = 1); otherwise `about R`, R rounded half up, only when R ≥ 1
//! and it moves the value by no more than 10%†.
//!
//! **Source**: NHS numbers page ("6 hours 30 minutes", not "6.5hrs"); CDC CCI 15; PEMAT 6.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::arith::{show, whole_within, DECIMAL_TOLERANCE};
use crate::numbers::{self, role, Kind, Nx};

/// See the module documentation.
pub struct Decimal;

static META: RuleMeta = RuleMeta {
    id: "decimal",
    category: Category::Numeracy,
    summary: "Decimals that could be whole numbers or hours and minutes",
    default_severity: [Some(Severity::Warning), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[],
    why: "Many people misread decimals. Whole numbers, or hours and minutes, are easier to understand.",
    flagged: "The test takes 2.5 hours.",
    plainer: "The test takes 2 hours 30 minutes.",
    source: "NHS numbers guidance; CDC Clear Communication Index 15; PEMAT 6",
};

impl Rule for Decimal {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

const EXEMPT: u32 = role::DOSE | role::MONEY | role::TEST | role::TEMPERATURE | role::STRENGTH | role::AGE;

/// `H hours M minutes` for a decimal number of hours, when the minutes are whole.
fn hours_minutes(v: f64) -> Option<String> {
    let h = v.floor();
    let m = (v - h) * 60.0;
    if (m - m.round()).abs() > 1e-6 || m.round() == 0.0 {
        return None;
    }
    let m = m.round();
    Some(match h as u64 {
        0 => format!("{m} minutes"),
        1 => format!("1 hour {m} minutes"),
        h => format!("{} hours {m} minutes", show(h as f64)),
    })
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    for q in &nx.m.quantities {
        let exempt_kind = matches!(q.kind, Kind::Percentage | Kind::Dose | Kind::Money | Kind::Measure | Kind::Fraction | Kind::Ratio);
        if !q.is_quantity() || !q.any(role::DECIMAL) || exempt_kind || q.any(EXEMPT) {
            continue;
        }
        let mut f = Finding::new(&META, nx.severity(&META), q.span, "Decimals are hard for many people.").with_data("value", q.low);
        let unit = q.measure.map(|i| nx.text(i).to_ascii_lowercase());
        let hours = matches!(unit.as_deref(), Some("hours" | "hour" | "hrs" | "hr" | "h"));
        let first = q.tokens.start;
        let token = numbers::parse::parse(nx.text(first));
        let fix = if q.high.is_some() {
            None
        } else if hours {
            hours_minutes(token.map_or(q.low, |t| t.value)).and_then(|text| Some((nx.verbatim(q)?, text)))
        } else {
            token.and_then(|t| whole_within(t.value, DECIMAL_TOLERANCE)).and_then(|(r, _)| {
                let span = nx.verbatim_tokens(first, first)?;
                Some((span, nx.about(q, true, &show(r as f64))))
            })
        };
        match fix {
            Some((span, text)) => {
                f.message = format!("Decimals are hard for many people. Write '{text}'.");
                f = f.with_fix(Fix::replace(format!("Write '{text}'"), Applicability::Review, span, text));
            }
            None => f = f.with_help("Use a whole number if you can, or hours and minutes for times."),
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "decimal";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix("The test takes 2.5 hours.", R, "The test takes 2 hours 30 minutes.");
        assert_fix("Most people stay in hospital for 3.2 days.", R, "Most people stay in hospital for about 3 days.");
        assert_fix("It affects 4.8 million people.", R, "It affects about 5 million people.");
        assert_fix("It lasts 1.25 hours.", R, "It lasts 1 hour 15 minutes.");
        assert_fix("Wait 0.5 hours.", R, "Wait 30 minutes.");
        assert_fix("It takes about 6.75 hours.", R, "It takes about 6 hours 45 minutes.");
        assert_fix("2.9 weeks is the average.", R, "About 3 weeks is the average.");
    }

    #[test]
    fn flagged_without_fix_when_rounding_moves_it_too_far() {
        // tests/corpus/cdc-sepsis.md: 1.7 → 2 moves it by 18%.
        let f = findings("Each year, at least 1.7 million adults in America develop sepsis.", R);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert_flags("It happens in 0.3 cases a year.", R, 1);
    }

    #[test]
    fn clean_doses_money_tests_times_and_labels() {
        for t in [
            "Take 0.5mg once a day.",
            "Your BMI should be 18.5 to 24.9.",
            "A BMI of 18.5 or less means you are underweight.",
            "A prescription costs £9.90.",
            "Come at 5.30pm.",
            "You have a high temperature of 37.8C or above.",
            "This is version 2.1 of the leaflet.",
            "About 2.5% of people get it.",
            "The lump was 2.5cm across.",
            "Give 2.5ml of the liquid.",
            "Your HbA1c of 6.5 is high.",
        ] {
            assert_clean(t, R);
        }
    }
}
