//! `relative-risk` (SPEC §5.2)
//!
//! **What it checks**: a relative risk without the absolute numbers: `N times more/less likely`,
//! `N times higher/greater/lower risk`, `N-fold`, `twice as likely`, `doubles/halves/triples your
//! risk`, `reduces the risk of … by N%`, `N% lower/higher risk`, `N% more/less likely`, `relative
//! risk`, `risk ratio`, `odds ratio`, `hazard ratio` — unless two natural frequencies with the
//! same denominator are in the same or the next unit.
//!
//! **Why it matters to patients**: "halves your risk" sounds big whether the risk goes from 40 in
//! 100 to 20 in 100 or from 2 in 10,000 to 1 in 10,000; people need the numbers with and without.
//!
//! **Flagged example**: "Smoking doubles your risk of a stroke."
//!
//! **Plainer version**: "Smoking raises the chance of a stroke from 2 in 100 to 4 in 100."
//!
//! **Fix** (review), only with exactly one baseline natural frequency `N in D` in the same or the
//! previous unit: insert ` (from N' in D' to M' in D')` before the unit's end, where M = N × the
//! multiplier and D' is the first of D, 10D, 100D … that makes M whole within 5%.
//!
//! **Source**: NICE CG138 (absolute, not relative risk); NICE evidence review (SMD 0.66); PIF;
//! CDC CCI 20.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::arith::{commas, rescale};
use crate::numbers::lexicon as lx;
use crate::numbers::phrases::Words;
use crate::numbers::{self, Nx};
use crate::text::UnitKind;

/// See the module documentation.
pub struct RelativeRisk;

static META: RuleMeta = RuleMeta {
    id: "relative-risk",
    category: Category::Numeracy,
    summary: "Relative risks ('doubles your risk') without the absolute numbers",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    thresholds: &[],
    why: "Relative risks sound bigger than they are. People need the chance with and without, as numbers out of 100.",
    flagged: "Smoking doubles your risk of a stroke.",
    plainer: "Smoking raises the chance of a stroke from 2 in 100 to 4 in 100.",
    source: "NICE CG138; NICE evidence review on risk communication; PIF; CDC Clear Communication Index 20",
};

impl Rule for RelativeRisk {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// A match: tokens `a..=b`, the multiplier (if known) and whether it is a `k times` convention.
struct Hit {
    a: usize,
    b: usize,
    f: Option<f64>,
    times: bool,
}

const MORE: &[&str] = &["more", "higher", "greater", "bigger", "as", "increased"];
const LESS: &[&str] = &["less", "lower", "smaller", "fewer", "reduced"];

/// The number a token stands for: digits or a number word.
fn value(w: &Words<'_>, i: usize) -> Option<f64> {
    if w.has(i, lx::NUMBER) {
        numbers::parse::parse(w.text(i)).filter(|t| t.suffix.is_empty() || t.percent()).map(|t| t.value)
    } else if w.has(i, lx::NUM) {
        lx::number_word(w.text(i))
    } else {
        None
    }
}

fn hits(w: &Words<'_>) -> Vec<Hit> {
    let mut out = Vec::new();
    let risk = |k: usize| w.has(k, lx::RISK);
    for i in w.range.clone() {
        if !(w.has(i, lx::REL | lx::CHANGE | lx::PERCENT | lx::NUMBER | lx::NUM | lx::RISK) || w.has(i + 1, lx::REL)) {
            continue;
        }
        let t = w.text(i);
        let lower = t.to_ascii_lowercase();
        // N times more likely / N times higher risk / N times the risk.
        if w.is(i + 1, "times") {
            if let Some(k) = value(w, i) {
                let dir = if w.is_any(i + 2, MORE) { Some(k) } else if w.is_any(i + 2, LESS) { Some(1.0 / k) } else { None };
                let risk_before = (w.range.start..i).any(|j| risk(j) && !w.is(j, "odds"));
                if dir.is_some() && (w.is(i + 3, "likely") || risk(i + 3) || risk(i + 4)) {
                    out.push(Hit { a: i, b: i + 3, f: dir, times: true });
                } else if dir.is_some() && risk_before && !w.is_any(i + 2, &["as"]) {
                    // `the risk is 3 times higher`.
                    out.push(Hit { a: i, b: i + 2, f: dir, times: true });
                } else if w.is(i + 2, "the") && risk(i + 3) {
                    out.push(Hit { a: i, b: i + 3, f: Some(k), times: true });
                }
            }
        }
        // N-fold, threefold.
        if let Some(stem) = lower.strip_suffix("fold").map(|s| s.trim_end_matches('-')) {
            let k = numbers::parse::parse(stem).map(|t| t.value).or_else(|| lx::number_word(stem));
            if let Some(k) = k.filter(|k| *k > 1.0) {
                let f = if w.is_any(i + 1, &["increase", "higher", "greater", "rise"]) {
                    Some(k)
                } else if w.is_any(i + 1, &["reduction", "decrease", "lower", "fall", "drop"]) {
                    Some(1.0 / k)
                } else {
                    None
                };
                out.push(Hit { a: i, b: i, f, times: false });
            }
        }
        // twice/half as likely.
        if w.is_any(i, &["twice", "half"]) && w.is(i + 1, "as") && w.is(i + 2, "likely") {
            out.push(Hit { a: i, b: i + 2, f: Some(if w.is(i, "twice") { 2.0 } else { 0.5 }), times: false });
        }
        // doubles/halves/triples [your|the|this] risk.
        let verb = match lower.trim_end_matches(['s', 'd']) {
            "double" | "doubling" => Some(2.0),
            "halve" | "halving" => Some(0.5),
            "triple" | "tripling" => Some(3.0),
            _ => None,
        };
        if let Some(f) = verb {
            let k = if w.is_any(i + 1, &["your", "the", "this", "their", "its", "a", "his", "her"]) { i + 2 } else { i + 1 };
            if risk(k) {
                out.push(Hit { a: i, b: k, f: Some(f), times: false });
            }
        }
        // reduces [your] risk [of …] by N% (or by half); the risk goes up / falls by N%.
        let transitive = w.has(i, lx::CHANGE) && {
            let k = if w.is_any(i + 1, &["your", "the", "this", "their", "its", "a"]) { i + 2 } else { i + 1 };
            risk(k)
        };
        let intransitive = risk(i) && !w.is(i, "odds");
        // Only a change `by` something can follow (checked first: `risk` is a common word).
        let by_follows = (transitive || intransitive) && (i + 1..(i + 14).min(w.range.end)).any(|j| w.is(j, "by"));
        if by_follows {
            let up = ["increase", "raise"].iter().any(|v| lower.starts_with(v));
            let stop = |j: usize| w.is_any(j, &[".", ";", "if", "when", "because"]);
            let window: Vec<usize> = (i + 1..i + 14).take_while(|&j| j < w.range.end && !stop(j)).collect();
            // An intransitive change needs its verb: `goes up`, `rises`, `falls`, `is reduced`.
            let verb = window.iter().find(|&&j| {
                w.has(j, lx::CHANGE) || w.is_any(j, &["rises", "rise", "rose", "falls", "fall", "fell", "drops", "drop", "up", "down", "doubles", "halves"])
            });
            let up = up || verb.is_some_and(|&j| w.is_any(j, &["increases", "increased", "increase", "raised", "rises", "rise", "rose", "up"]));
            if transitive || verb.is_some() {
                if let Some(&by) = window.iter().find(|&&j| w.is(j, "by")) {
                    let share = if w.has(by + 1, lx::PERCENT) {
                        value(w, by + 1).map(|p| p / 100.0)
                    } else if w.is(by + 1, "half") {
                        Some(0.5)
                    } else if w.is_any(by + 1, &["a", "one"]) && w.has(by + 2, lx::FRAC) {
                        lx::fraction_word(w.text(by + 2)).map(|(n, d)| n / d)
                    } else {
                        lx::fraction_word(w.text(by + 1)).filter(|_| w.text(by + 1).contains('-')).map(|(n, d)| n / d)
                    };
                    if let Some(p) = share {
                        let end = if w.is_any(by + 1, &["a", "one"]) { by + 2 } else { by + 1 };
                        let f = if up { 1.0 + p } else { 1.0 - p };
                        out.push(Hit { a: i, b: end, f: Some(f).filter(|f| *f > 0.0), times: false });
                    }
                }
            }
        }
        // N% lower risk, N% more likely.
        if w.has(i, lx::PERCENT) {
            if let Some(p) = value(w, i) {
                let up = w.is_any(i + 1, &["higher", "greater", "increased", "more", "bigger"]);
                let down = w.is_any(i + 1, &["lower", "smaller", "reduced", "less", "fewer"]);
                if (up || down) && (risk(i + 2) || w.is(i + 2, "likely")) {
                    let f = if up { 1.0 + p / 100.0 } else { 1.0 - p / 100.0 };
                    out.push(Hit { a: i, b: i + 2, f: Some(f).filter(|f| *f > 0.0), times: false });
                }
            }
        }
        // relative risk, risk ratio, odds ratio, hazard ratio.
        if (w.is(i, "relative") && w.is_any(i + 1, &["risk", "risks"]))
            || (w.is_any(i, &["risk", "odds", "hazard"]) && w.is_any(i + 1, &["ratio", "ratios"]))
        {
            out.push(Hit { a: i, b: i + 1, f: None, times: false });
        }
    }
    out
}

/// Natural frequencies (not EC bands) of unit `u`.
fn frequencies<'m>(nx: &'m Nx<'_>, u: usize) -> impl Iterator<Item = &'m numbers::Quantity> + 'm {
    nx.m.in_unit(u).iter().filter(move |q| nx.counted_frequency(q) && q.high.is_none())
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let units = &nx.cx.analysis.units;
    for u in 0..units.len() {
        if nx.m.unit_lex[u] & (lx::REL | lx::CHANGE | lx::RISK | lx::LIKELY) == 0 {
            continue;
        }
        let w = nx.words(u);
        let found = hits(&w);
        if found.is_empty() {
            continue;
        }
        // Absolute numbers given: two frequencies with the same denominator here or next.
        let mut near: Vec<f64> = frequencies(nx, u).filter_map(|q| q.denominator).collect();
        if u + 1 < units.len() {
            near.extend(frequencies(nx, u + 1).filter_map(|q| q.denominator));
        }
        if near.iter().enumerate().any(|(i, d)| near[i + 1..].contains(d)) {
            continue;
        }
        // One baseline in this or the previous unit (not across a heading).
        let mut base: Vec<&numbers::Quantity> = frequencies(nx, u).collect();
        if u > 0 && units[u - 1].kind != UnitKind::Heading {
            base.extend(frequencies(nx, u - 1));
        }
        let mut used_fix = false;
        for h in found {
            let Some(span) = nx.verbatim_tokens(h.a, h.b).or_else(|| Some(nx.tok(h.a).span)) else { continue };
            let mut f = Finding::new(
                &META,
                nx.severity(&META),
                span,
                "Relative risks sound bigger than they are. Give the numbers with and without, for example 'from 2 in 100 to 4 in 100'.",
            );
            if h.times {
                f = f.with_help("By convention '3 times more likely' means 3 times as likely. Say the chance with and without.");
            }
            if let (Some(factor), [b], false) = (h.f, base.as_slice(), used_fix) {
                let (n, d) = (b.low as u64, b.denominator.unwrap_or(0.0) as u64);
                if let (Some((n2, m2, d2, rounded)), Some(at)) = (rescale(n, d, factor), nx.before_terminal(u)) {
                    let m = if rounded { format!("about {}", commas(m2)) } else { commas(m2) };
                    let text = format!(" (from {} in {} to {m} in {})", commas(n2), commas(d2), commas(d2));
                    f = f
                        .with_fix(Fix::replace("Add the numbers with and without", Applicability::Review, at, text))
                        .with_related(b.span, "the baseline chance")
                        .with_data("multiplier", factor)
                        .with_data("from", serde_json::json!({"numerator": n2, "denominator": d2}))
                        .with_data("to", serde_json::json!({"numerator": m2, "denominator": d2}));
                    used_fix = true;
                }
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "relative-risk";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix(
            "About 4 in 100 people have a second stroke within a year. Taking aspirin halves this risk.",
            R,
            "About 4 in 100 people have a second stroke within a year. Taking aspirin halves this risk (from 4 in 100 to 2 in 100).",
        );
        assert_fix(
            "Without treatment, 10 in 100 people have a fall. It reduces the risk by 30%.",
            R,
            "Without treatment, 10 in 100 people have a fall. It reduces the risk by 30% (from 10 in 100 to 7 in 100).",
        );
        assert_fix(
            "About 1 in 100 people get a clot. The pill makes a clot 3 times more likely.",
            R,
            "About 1 in 100 people get a clot. The pill makes a clot 3 times more likely (from 1 in 100 to 3 in 100).",
        );
    }

    #[test]
    fn flags_without_baseline_and_every_form() {
        let f = findings("Smoking doubles your risk of a stroke.", R);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert!(f[0].message.contains("from 2 in 100 to 4 in 100"));
        for t in [
            "You are 3 times more likely to get it.",
            "It gives a 30% lower risk of a stroke.",
            "Smokers are twice as likely to get gum disease.",
            "There was a threefold increase in cases.",
            "The odds ratio was 1.4.",
            "Statins lower the risk of a heart attack in older people by 25%.",
            "People who smoke are 2 times more likely to have a stroke.",
            "It is 50% more likely in older people.",
            "Having the vaccine cuts your chance of getting flu by half.",
            "The risk is 3 times higher if you have diabetes.",
            "Your risk of a stroke goes up by 20% for every 10 years over 55.",
        ] {
            assert_flags(t, R, 1);
        }
    }

    #[test]
    fn clean_with_absolute_numbers_or_no_risk() {
        assert_clean("Smoking raises the chance from 2 in 100 to 4 in 100.", R);
        assert_clean("Aspirin halves your risk of a stroke. Without it 4 in 100 people have a stroke; with it 2 in 100 do.", R);
        // tests/corpus/cdc-diabetes-quick-facts.md: doubled, but not a risk.
        assert_clean("In the last 20 years, the number of adults diagnosed with diabetes has more than doubled as the American population has aged.", R);
        assert_clean("Medical costs for people with diabetes are twice as high as for people who don't have diabetes.", R);
        assert_clean("Take 2 tablets 3 times a day.", R);
    }
}
