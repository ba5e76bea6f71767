//! `implied-calculation` (SPEC §5.11)
//!
//! **What it checks**: dosing instructions that leave the reader to do arithmetic, in six kinds
//! (`data.kind`):
//!
//! | kind | flags | fix / help |
//! |---|---|---|
//! | `interval-and-maximum` | `every N [to M] hours` and a daily maximum (`no more than K … in 24 hours`) in the same or an adjacent unit, with no `N times a day` | help computes "Take {dose} up to {doses} times in 24 hours. Leave at least {gap} hours between doses." |
//! | `every-n-hours` | `every N hours` (N of 2, 3, 4, 6, 8, 12), no daily count in the unit | insert ` (24/N times in 24 hours)` |
//! | `hours-apart` | `N hours apart`, `at least N hours between doses`, no daily count nearby | message |
//! | `unit-conversion` | a liquid strength (`125mg in 5ml`) and a later dose in mg only | insert ` (Nml)` when N is a multiple of 0.5ml† |
//! | `per-weight-dose` | `N mg per kg`, `mg/kg` | message |
//! | `time-before-event` | `N hours before your operation / appointment / procedure / test / scan` | message |
//!
//! **Why it matters to patients**: working out a dose schedule from an interval and a maximum is
//! a calculation; people who struggle with numbers get it wrong (Wolf et al. 2007).
//!
//! **Flagged example**: "Take 1 capsule every 8 hours."
//!
//! **Plainer version**: "Take 1 capsule 3 times a day."
//!
//! **Source**: CDC CCI 17; PEMAT 7 and 24; NHS dosage guidance; Wolf et al. 2007 (unverified).

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::phrases::per_day;
use crate::numbers::{self, arith, role, Kind, Nx, Quantity};
use crate::text::UnitKind;

/// See the module documentation.
pub struct ImpliedCalculation;

static META: RuleMeta = RuleMeta {
    id: "implied-calculation",
    category: Category::Numeracy,
    summary: "Dosing that leaves the reader to do arithmetic ('every 8 hours')",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[],
    why: "Working out how many doses a day from an interval and a maximum is a calculation. Many people get it wrong.",
    flagged: "Take 1 capsule every 8 hours.",
    plainer: "Take 1 capsule 3 times a day.",
    source: "CDC Clear Communication Index 17; PEMAT 7 and 24; NHS dosage guidance",
};

impl Rule for ImpliedCalculation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

const W: Severity = Severity::Warning;
const I: Severity = Severity::Info;
const E: Severity = Severity::Error;

fn hours(nx: &Nx<'_>, q: &Quantity) -> bool {
    q.kind == Kind::Duration && q.measure.is_some_and(|m| nx.words(q.unit).is_any(m, &["hours", "hour", "hrs", "hr"]))
}

/// `every N [to M] hours` or `N-hourly` in unit `u`: (first token, last token, N, M).
fn interval(nx: &Nx<'_>, u: usize) -> Option<(usize, usize, f64, Option<f64>)> {
    let w = nx.words(u);
    for q in nx.m.in_unit(u) {
        if hours(nx, q) && q.tokens.start > w.range.start && w.is(q.tokens.start - 1, "every") {
            return Some((q.tokens.start - 1, q.tokens.end - 1, q.low, q.high));
        }
    }
    if nx.m.unit_lex[u] & numbers::lexicon::HOURLY == 0 {
        return None;
    }
    w.range.clone().filter(|&i| w.has(i, numbers::lexicon::HOURLY)).find_map(|i| {
        let t = w.text(i);
        Some((i, i, t.split('-').next()?.parse::<f64>().ok()?, None))
    })
}

/// `N times a day`, `once a day`, `up to 4 times in 24 hours`: the daily count is given.
fn daily_count(nx: &Nx<'_>, u: usize) -> bool {
    let w = nx.words(u);
    per_day(&w) && w.range.clone().any(|i| w.is_any(i, &["times", "once", "twice", "doses", "dose"]))
}

/// A daily maximum in unit `u`: the quantity after `more than`, `maximum`, `up to` … with a
/// daily period in the unit.
fn maximum<'m>(nx: &'m Nx<'_>, u: usize) -> Option<&'m Quantity> {
    let w = nx.words(u);
    if !per_day(&w) {
        return None;
    }
    nx.m.in_unit(u).iter().find(|q| {
        let a = q.tokens.start;
        q.is_quantity()
            && (q.kind == Kind::Dose || q.any(role::DOSE))
            && (a.saturating_sub(4).max(w.range.start)..a).any(|k| w.is_any(k, &["more", "maximum", "max", "exceed", "up"]))
    })
}

/// The number of dose forms of a dose quantity (`1 or 2 tablets` → 2), and its text.
fn per_dose<'m>(nx: &'m Nx<'_>, u: usize) -> Option<&'m Quantity> {
    nx.m.in_unit(u).iter().find(|q| q.is_quantity() && (q.kind == Kind::Dose || q.any(role::DOSE)) && !q.any(role::STRENGTH))
}

/// A finding of one kind, at its severity for the profile.
fn finding(nx: &Nx<'_>, sev: [Severity; 3], span: crate::span::ByteSpan, kind: &str, message: &str) -> Finding {
    Finding::new(&META, sev[nx.cx.profile().index()], span, message).with_data("kind", kind)
}

fn adjacent(nx: &Nx<'_>, u: usize) -> impl Iterator<Item = usize> {
    let units = &nx.cx.analysis.units;
    let lo = if u > 0 && units[u].kind != UnitKind::Heading && units[u - 1].kind != UnitKind::Heading { u - 1 } else { u };
    let hi = if u + 1 < units.len() && units[u + 1].kind != UnitKind::Heading { u + 1 } else { u };
    lo..=hi
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let units = &nx.cx.analysis.units;
    let mut strength: Option<&Quantity> = None;
    let mut strengths_differ = false;
    for u in 0..units.len() {
        if nx.m.unit_lex[u] & numbers::lexicon::NUMERIC == 0 {
            continue;
        }
        let w = nx.words(u);
        let near_count = || adjacent(nx, u).any(|k| daily_count(nx, k));
        if let Some((a, b, n, m)) = interval(nx, u) {
            let span = nx.verbatim_tokens(a, b).unwrap_or(nx.tok(a).span);
            let max = adjacent(nx, u).find_map(|k| maximum(nx, k));
            if let Some(k) = max.filter(|_| !near_count()) {
                let mut f = finding(nx, [W, W, E], span, "interval-and-maximum", "Working out how many doses a day is a calculation. Say how many times a day, and the gap.")
                    .with_related(k.span, "the daily maximum");
                let dose = per_dose(nx, u).filter(|d| d.span != k.span);
                let help = dose.and_then(|d| {
                    let q = d.high.unwrap_or(d.low);
                    let doses = if nx.words(k.unit).is_any(k.measure?, &["doses", "dose"]) { k.low } else { (k.low / q).floor() };
                    (doses >= 1.0 && q > 0.0).then(|| {
                        format!(
                            "Say it directly, for example: 'Take {} up to {} times in 24 hours. Leave at least {} hours between doses.'",
                            nx.qtext(d),
                            arith::show(doses),
                            arith::show(n)
                        )
                    })
                });
                f = f.with_help(help.unwrap_or_else(|| "Say how many times a day, and how long to leave between doses.".to_owned()));
                out.push(f.with_data("interval", n).with_data("maximum", k.low));
            } else if m.is_none() && !daily_count(nx, u) && [2.0, 3.0, 4.0, 6.0, 8.0, 12.0].contains(&n) {
                let times = 24.0 / n;
                let text = format!(" ({} times in 24 hours)", arith::show(times));
                let mut f = finding(nx, [I, I, W], span, "every-n-hours", &format!("Say how many times a day: 'every {} hours' is {} times in 24 hours.", arith::show(n), arith::show(times)));
                if let Some(at) = nx.after_token(b) {
                    f = f.with_fix(Fix::replace(format!("Add '{}'", text.trim()), Applicability::Review, at, text));
                }
                out.push(f.with_data("interval", n));
            }
        }
        for q in nx.m.in_unit(u) {
            let e = q.tokens.end;
            // N hours apart, at least N hours between doses.
            if hours(nx, q) && (w.is(e, "apart") || (w.is(e, "between") && w.is_any(e + 1, &["doses", "dose", "each"]))) && !near_count() {
                out.push(finding(nx, [I, I, W], q.span, "hours-apart", "Say how many times a day, and suggest times such as morning, afternoon and bedtime."));
            }
            // N hours before your operation.
            if hours(nx, q) && w.is(e, "before") {
                let k = if w.is_any(e + 1, &["your", "the", "a", "an", "their"]) { e + 2 } else { e + 1 };
                if w.is_any(k, &["appointment", "operation", "procedure", "test", "scan", "surgery", "op", "colonoscopy"]) {
                    out.push(finding(nx, [I, I, W], q.span, "time-before-event", "Give a clock time if you can, for example 'Do not eat after 2am if your operation is at 8am'."));
                }
            }
            // mg per kg.
            if q.kind == Kind::Dose && (w.is_any(e, &["/", "per"]) && w.is_any(e + 1, &["kg", "kilogram", "kilo"])) {
                out.push(finding(nx, [W, W, E], q.span, "per-weight-dose", "Doses per kilogram need a calculation. Give the dose for each weight or age in a table."));
            }
            // Strengths, then doses in mg.
            if q.has(role::STRENGTH) {
                let alone = nx.m.in_unit(u).iter().filter(|o| o.kind == Kind::Dose).count() == 1;
                if strength.is_some_and(|s| (s.low, s.denominator) != (q.low, q.denominator)) {
                    strengths_differ = true;
                }
                strength = alone.then_some(q).or(strength);
                if !alone {
                    strengths_differ = true;
                }
                continue;
            }
            let ends = |t: &str, s: &str| t.len() >= s.len() && t.is_char_boundary(t.len() - s.len()) && t[t.len() - s.len()..].eq_ignore_ascii_case(s);
            let mg = q.kind == Kind::Dose && q.measure.is_some_and(|m| ends(nx.text(m), "mg"));
            if let (Some(s), false, true, None) = (strength, strengths_differ, mg, q.high) {
                let liquid_here = w.range.clone().any(|i| ends(nx.text(i), "ml"));
                if liquid_here || s.unit == u || nx.m.heading[s.unit] != nx.m.heading[u] || w.is_any(e, &["/", "per"]) {
                    continue;
                }
                let ml = q.low * s.denominator.unwrap_or(0.0) / s.low;
                let mut f = finding(nx, [W, W, E], q.span, "unit-conversion", "Readers must work out how much liquid this is. Give the dose in ml too.").with_related(s.span, "the strength");
                if (ml * 2.0).fract() == 0.0 && ml > 0.0 {
                    if let Some(at) = nx.after_token(e - 1) {
                        let text = format!(" ({}ml)", arith::show(ml));
                        f = f.with_fix(Fix::replace(format!("Add '{}'", text.trim()), Applicability::Review, at, text));
                    }
                }
                out.push(f.with_data("ml", ml));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "implied-calculation";

    #[test]
    fn interval_and_maximum_computes_the_help() {
        let t = "Take 1 or 2 tablets every 4 to 6 hours. Do not take more than 8 tablets in 24 hours.";
        let f = findings(t, R);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].data["kind"], "interval-and-maximum");
        assert_eq!(
            f[0].help.as_deref(),
            Some("Say it directly, for example: 'Take 1 or 2 tablets up to 4 times in 24 hours. Leave at least 4 hours between doses.'")
        );
        assert_eq!(f[0].span.slice(t), "every 4 to 6 hours");
    }

    #[test]
    fn every_n_hours_fix() {
        assert_fix("Take 1 capsule every 8 hours.", R, "Take 1 capsule every 8 hours (3 times in 24 hours).");
        assert_fix("Use 2 puffs every 4 hours if you need to.", R, "Use 2 puffs every 4 hours (6 times in 24 hours) if you need to.");
    }

    #[test]
    fn unit_conversion_fix() {
        assert_fix("The medicine contains 125mg in 5ml. Give your child 250mg.", R, "The medicine contains 125mg in 5ml. Give your child 250mg (10ml).");
        assert_fix("It contains 250mg/5ml. Give 125mg.", R, "It contains 250mg/5ml. Give 125mg (2.5ml).");
    }

    #[test]
    fn message_kinds() {
        let kind = |t: &str| findings(t, R).first().map(|f| f.data["kind"].as_str().unwrap_or("").to_owned());
        assert_eq!(kind("Take the doses 4 hours apart.").as_deref(), Some("hours-apart"));
        assert_eq!(kind("The dose is 15mg per kg of body weight.").as_deref(), Some("per-weight-dose"));
        assert_eq!(kind("Give 10mg/kg twice a day.").as_deref(), Some("per-weight-dose"));
        assert_eq!(kind("Do not eat for 6 hours before your operation.").as_deref(), Some("time-before-event"));
    }

    #[test]
    fn clean() {
        for t in [
            "Take 1 or 2 tablets up to 4 times in 24 hours. Leave at least 4 hours between doses.",
            // tests/corpus/nhs-paracetamol-for-adults.md and nhs-paracetamol-how-and-when.md
            "The usual dose for adults is one or two 500mg tablets up to 4 times in 24 hours. Always leave at least 4 hours between doses.",
            "Adults can take two, 500mg tablets, 4 times in 24 hours. You must wait at least 4 hours between doses.",
            "syrup you swallow (oral solution) – 120mg, 250mg or 500mg in 5ml\n\nThe usual dose for adults is either 500mg or 1g.",
            "Take 1 tablet 3 times a day, every 8 hours.",
            "Sit or lie still for about 15 minutes.",
        ] {
            assert_clean(t, R);
        }
    }
}
