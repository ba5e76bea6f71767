//! `dash-range` (SPEC §5.13)
//!
//! **What it checks**: a hyphen, en dash or em dash (spaced or not) between two numbers (with the
//! same unit or am/pm), two weekdays or two months. Not `6-in-1`, `COVID-19`, `24-hour`, phone
//! numbers or ISO dates.
//!
//! **Why it matters to patients**: a dash can be read as a minus sign or skipped; `to` is read
//! the same way by everyone, and screen readers say it.
//!
//! **Flagged example**: "Take it every 4-6 hours."
//!
//! **Plainer version**: "Take it every 4 to 6 hours."
//!
//! **Fix** (safe): the dash and the spaces round it → ` to `.
//!
//! **Source**: NHS numbers page (ranges use "to", not hyphens or dashes).

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::lexicon as lx;
use crate::numbers::parse::parse;
use crate::numbers::{self, Kind, Nx};
use crate::span::ByteSpan;

/// See the module documentation.
pub struct DashRange;

static META: RuleMeta = RuleMeta {
    id: "dash-range",
    category: Category::Numeracy,
    summary: "Ranges written with a dash ('4-6 hours') instead of 'to'",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[],
    why: "A dash can be misread as a minus sign or missed. 'To' is read the same way by everyone.",
    flagged: "Take it every 4-6 hours.",
    plainer: "Take it every 4 to 6 hours.",
    source: "NHS numbers guidance (ranges use 'to')",
};

impl Rule for DashRange {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

const MESSAGE: &str = "Use 'to' for a range, not a dash.";

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    for u in 0..nx.cx.analysis.units.len() {
        let ul = nx.m.unit_lex[u];
        if ul & (lx::DASH | lx::DAY_RANGE) == 0 {
            continue;
        }
        let w = nx.words(u);
        for i in w.range.clone() {
            if w.has(i, lx::DAY_RANGE) {
                // Monday-Friday: one token.
                let t = w.text(i);
                if let (Some(h), Some(span)) = (t.find('-'), nx.verbatim_tokens(i, i)) {
                    let edit = ByteSpan::new(span.start() + h, span.start() + h + 1);
                    out.push(Finding::new(&META, nx.severity(&META), span, MESSAGE).with_fix(Fix::replace("Write 'to'", Applicability::Safe, edit, " to ")));
                }
                continue;
            }
            if !w.has(i, lx::DASH) || i == w.range.start {
                continue;
            }
            let (p, n) = (i - 1, i + 1);
            let numbers = w.has(p, lx::NUMBER) && w.has(n, lx::NUMBER) && !w.has(p, lx::PHONE) && !w.has(n, lx::PHONE);
            let days = (w.has(p, lx::WEEKDAY) && w.has(n, lx::WEEKDAY)) || (w.has(p, lx::MONTH) && w.has(n, lx::MONTH));
            if !(numbers || days) {
                continue;
            }
            if numbers {
                let skip = |k: usize| nx.m.at_token(u, k).is_some_and(|q| matches!(q.kind, Kind::Date | Kind::Reference | Kind::Phone | Kind::Name));
                let (a, b) = (parse(w.text(p)), parse(w.text(n)));
                // 2023-24 (a financial year) and dates are not ranges to rewrite here.
                let year_pair = a.is_some_and(|a| a.int_digits == 4) && b.is_some_and(|b| b.int_digits == 2);
                if skip(p) || skip(n) || year_pair || w.has(n + 1, lx::DASH) || (p > w.range.start && w.has(p - 1, lx::DASH)) {
                    continue;
                }
            }
            let (tp, tn) = (nx.tok(p), nx.tok(n));
            let Some(edit) = nx.cx.verbatim_span(tp.block as usize, tp.analysed.end..tn.analysed.start) else { continue };
            let span = ByteSpan::new(tp.span.start(), tn.span.end());
            out.push(Finding::new(&META, nx.severity(&META), span, MESSAGE).with_fix(Fix::replace("Write 'to'", Applicability::Safe, edit, " to ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "dash-range";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix("Take it every 4-6 hours.", R, "Take it every 4 to 6 hours.");
        assert_fix("Take 250mg–500mg.", R, "Take 250mg to 500mg.");
        assert_fix("Open 2pm-6pm.", R, "Open 2pm to 6pm.");
        assert_fix("Open Monday–Friday.", R, "Open Monday to Friday.");
        assert_fix("Open Monday-Friday.", R, "Open Monday to Friday.");
        assert_fix("A healthy BMI is 18.5-24.9.", R, "A healthy BMI is 18.5 to 24.9.");
        assert_fix("It takes 4 – 6 weeks.", R, "It takes 4 to 6 weeks.");
        // tests/corpus/nhlbi-high-blood-pressure.md
        assert_fix("systolic: 120–129 mm Hg", R, "systolic: 120 to 129 mm Hg");
        // tests/corpus/cdc-diabetes-quick-facts.md: `percentage` owns the span (SPEC §1.3) unless off.
        let t = "type 1 diabetes accounts for approximately 5-10%.";
        assert_clean(t, R);
        let mut cfg = crate::config::Config::default();
        cfg.set_enabled("percentage", false);
        let f = findings_with(t, R, &cfg);
        assert_eq!(crate::apply_fixes(t, [&f[0].fixes[0]]), "type 1 diabetes accounts for approximately 5 to 10%.");
    }

    #[test]
    fn clean() {
        for t in [
            "You can have the 6-in-1 vaccine.",
            "COVID-19 is an infection.",
            "Use a 24-hour clock.",
            "Call 1-800-222-2225 weekdays.",
            "The date was 2023-09-01.",
            "Take it every 4 to 6 hours.",
            "The 2023-24 programme.",
        ] {
            assert_clean(t, R);
        }
    }
}
