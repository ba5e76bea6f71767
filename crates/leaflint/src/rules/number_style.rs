//! `number-style` (SPEC §5.14)
//!
//! **What it checks**: NHS number style, as sub-checks (`data.check`). nhs and easy-read run all
//! of them; us runs only `thousands`, `leading-zero`, `trailing-zero` and `per-cent`.
//!
//! | check | flagged → fix |
//! |---|---|
//! | `numerals` | `two tablets` → `2 tablets` (not `one of`, `one another`, counts before a number with a unit: `adjacent-numbers`) |
//! | `ordinals` | `the second dose` → `the 2nd dose` (second … tenth before dose, day, week …) |
//! | `thousands` | `1000 people` → `1,000 people` (not years, codes, phone numbers) |
//! | `unit-space` | `500 mg` → `500mg` |
//! | `temperature` | `38°C`, `38 degrees C` → `38C`; Fahrenheit: message only |
//! | `leading-zero` | `.5ml` → `0.5ml` |
//! | `trailing-zero` | `5.0mg` → `5mg`, `£75.00` → `£75` |
//! | `time` | `17:30`, `1730hrs` → `5.30pm`; `5.00pm` → `5pm`; `12pm` → `midday`; `00:00` → `midnight` |
//! | `date` | `6th August 2026` → `6 August 2026`; `Aug` → `August`; `06/08/2026` → `6 August 2026` (review) |
//! | `per-cent` | `50 per cent` → `50%` (only when `percentage` is off) |
//! | `microgram` | `50mcg` → `50 micrograms` (review) |
//!
//! **Why it matters to patients**: one consistent way of writing numbers is quicker to read;
//! numerals stand out in text, and `mcg` is easily confused with `mg`.
//!
//! **Flagged example**: "Take two tablets at 17:30."
//!
//! **Plainer version**: "Take 2 tablets at 5.30pm."
//!
//! **Source**: NHS digital service manual, numbers; NHS A–Z style (degrees, microgram, money); HSE.

use super::{Context, Rule, RuleMeta};
use crate::config::Profile;
use crate::finding::{Category, Finding, Fix, Severity};
use crate::numbers::style::{hits, ALL_PROFILES};
use crate::numbers::{self, lexicon as lx, Nx};

/// See the module documentation.
pub struct NumberStyle;

static META: RuleMeta = RuleMeta {
    id: "number-style",
    category: Category::Numeracy,
    summary: "NHS number style: numerals, 1,000, 250mg, 38C, 5.30pm",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Info)],
    thresholds: &[],
    why: "One consistent way of writing numbers is quicker to read. Numerals stand out, and 'mcg' is easily mistaken for 'mg'.",
    flagged: "Take two tablets at 17:30.",
    plainer: "Take 2 tablets at 5.30pm.",
    source: "NHS digital service manual (numbers); NHS A to Z style; HSE numbers guidance",
};

impl Rule for NumberStyle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let all = nx.cx.profile() != Profile::Us;
    let percentage_on = nx.cx.config.rule_enabled("percentage");
    for u in 0..nx.cx.analysis.units.len() {
        if nx.m.unit_lex[u] & (lx::NUMBER | lx::NUM | lx::ORD | lx::MONTH) == 0 {
            continue;
        }
        for h in hits(nx, u, all, percentage_on) {
            debug_assert!(all || ALL_PROFILES.contains(&h.check));
            let mut f = Finding::new(&META, nx.severity(&META), h.span, h.message).with_data("check", h.check);
            if let Some(r) = h.replacement {
                f = f.with_fix(Fix::replace(format!("Write '{r}'"), h.applicability, h.span, r));
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const R: &str = "number-style";

    #[track_caller]
    fn style(text: &str, expected: &str) {
        let f = findings(text, R);
        assert_eq!(crate::apply_fixes(text, f.iter().flat_map(|f| f.fixes.first())), expected, "{f:#?}");
    }

    #[test]
    fn spec_table_fixes_exactly() {
        style("Take two tablets three times a day.", "Take 2 tablets 3 times a day.");
        style("Take one or two tablets.", "Take 1 or 2 tablets.");
        style("Have the second dose after a week.", "Have the 2nd dose after a week.");
        style("About 1000 people and 2500kcal.", "About 1,000 people and 2,500kcal.");
        style("Take 500 mg.", "Take 500mg.");
        style("A temperature of 38°C or 38 °C or 38 degrees Celsius.", "A temperature of 38C or 38C or 38C.");
        style("Give .5ml.", "Give 0.5ml.");
        style("Take 5.0mg. It costs £75.00.", "Take 5mg. It costs £75.");
        style("Come at 17:30, 1730hrs, 5:30pm, 5.00pm, 12pm, 12 noon, 12am or 00:00.", "Come at 5.30pm, 5.30pm, 5.30pm, 5pm, midday, midday, midnight or midnight.");
        style("Open 8:30 a.m. to 10:30.", "Open 8.30am to 10.30am.");
        style("On 6th August 2026 or 6 Aug.", "On 6 August 2026 or 6 August.");
        style("Your appointment is on 06/08/2026.", "Your appointment is on 6 August 2026.");
        style("Take 50mcg or 1 mcg or 50µg.", "Take 50 micrograms or 1 microgram or 50 micrograms.");
        let f = findings("Set it to 100°F.", R);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
    }

    #[test]
    fn per_cent_only_when_percentage_is_off() {
        assert_clean("It affects 50 per cent of people.", R);
        let mut cfg = Config::default();
        cfg.set_enabled("percentage", false);
        let t = "It affects 50 per cent of people.";
        let f = findings_with(t, R, &cfg);
        assert_eq!(crate::apply_fixes(t, [&f[0].fixes[0]]), "It affects 50% of people.");
    }

    #[test]
    fn us_runs_only_the_basic_checks() {
        let t = "Take two tablets at 17:30 with 1000 ml of water and .5 mg.";
        let f = findings_with(t, R, &Config::for_profile(Profile::Us));
        let checks: Vec<&str> = f.iter().map(|f| f.data["check"].as_str().unwrap_or("")).collect();
        assert_eq!(checks, ["thousands", "leading-zero"]);
    }

    #[test]
    fn clean() {
        for t in [
            "Take 2 tablets at 5.30pm.",
            // tests/corpus/nhs-paracetamol-for-adults.md: counts before a dose are adjacent-numbers' words.
            "The usual dose of paracetamol is one or two 500mg tablets at a time.",
            "The total maximum dose of paracetamol for an adult is eight 500mg tablets in 24 hours.",
            "It spreads very easily from one person to another.",
            "Take them one at a time.",
            "One of the tablets is white.",
            "In 2023, call 0300 123 4567.",
            "Get a second opinion.",
            "Take the first dose today.",
            "A temperature of 38C or above.",
            "Your NHS number is 485 777 3456.",
            "One day you may feel better.",
            "120/80 mm Hg is normal.",
        ] {
            assert_clean(t, R);
        }
    }
}
