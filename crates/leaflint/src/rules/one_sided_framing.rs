//! `one-sided-framing` (SPEC §5.10)
//!
//! **What it checks**: a natural frequency or percentage with an outcome verb (get, have, had,
//! develop, die, need, are affected, recover, survive) when the other side (`97 in 100 do not`,
//! `the other 97`, `most people do not`) is not in the same or the next unit. The verb is the
//! frequency's own (the first verb after it, past a `who …` clause): `1 in 5 of them don't know
//! they have it` is not flagged.
//!
//! **Why it matters to patients**: "3 in 100 get a rash" and "97 in 100 do not" are the same
//! fact, but the framing changes how big the risk feels; giving both is balanced.
//!
//! **Flagged example**: "3 in 100 people get a rash."
//!
//! **Plainer version**: "3 in 100 people get a rash, and 97 in 100 do not."
//!
//! **Fix** (review): insert `, and {D−N} in {D} {neg}` at the end of the clause (a percentage
//! uses the `percentage` conversion, so no new percentage is added; `, and {100−P}% {neg}` only
//! when `percentage` is off); neg: present `do not`, will `will not`, past `did not`, are/is `are
//! not`, may/might/could `will not`.
//!
//! **Source**: NICE CG138 (positive and negative framing); PIF; CDC CCI 19.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::numbers::arith::{commas, percent_to_frequency};
use crate::numbers::lexicon as lx;
use crate::numbers::phrases::Words;
use crate::numbers::{self, Kind, Nx, Quantity};
use crate::span::ByteSpan;

/// See the module documentation.
pub struct OneSidedFraming;

static META: RuleMeta = RuleMeta {
    id: "one-sided-framing",
    category: Category::Numeracy,
    summary: "A chance given only one way ('3 in 100 get it', not '97 in 100 do not')",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Info)],
    thresholds: &[],
    why: "Saying only who gets an outcome makes the risk feel bigger. Saying who does not as well is balanced.",
    flagged: "3 in 100 people get a rash.",
    plainer: "3 in 100 people get a rash, and 97 in 100 do not.",
    source: "NICE CG138; PIF; CDC Clear Communication Index 19",
};

impl Rule for OneSidedFraming {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

const PAST: &[&str] = &["got", "had", "developed", "died", "needed", "recovered", "survived"];
const STOP: &[&str] = &[
    "do", "does", "did", "don't", "doesn't", "didn't", "don’t", "doesn’t", "didn’t", "know", "knew", "think", "say", "said",
    "take", "took", "use", "used", "can", "can't", "cannot", "should", "must", "would", "won't", "aren't", "isn't", "aren’t",
    "isn’t", "were", "was", "is", "are", "be",
];

/// The negation for the frequency's outcome verb, and where its clause ends (token index).
fn outcome(w: &Words<'_>, from: usize) -> Option<(&'static str, usize)> {
    let mut skip_verb = false;
    let mut found = None;
    let mut i = from;
    while i < w.range.end && i < from + 14 {
        let t = w.text(i);
        if w.punct(i) && !matches!(t, "-" | "’" | "'") {
            if found.is_some() {
                return found.map(|n| (n, i));
            }
            return None;
        }
        if found.is_some() && w.is_any(i, &["but", "and", "so", "because", "although", "while"]) {
            return found.map(|n| (n, i));
        }
        if found.is_none() {
            if w.is_any(i, &["who", "that", "which"]) {
                skip_verb = true;
            } else if let Some(neg) = verb(w, i) {
                if skip_verb {
                    skip_verb = false;
                } else if neg.is_empty() {
                    return None;
                } else {
                    found = Some(neg);
                }
            }
        }
        i += 1;
    }
    found.map(|n| (n, w.range.end))
}

/// The negation of the verb at `i` ("" for a verb that is not an outcome), or `None` for a
/// word that is not a verb we know.
fn verb(w: &Words<'_>, i: usize) -> Option<&'static str> {
    let t = w.text(i);
    if w.is_any(i, &["will", "may", "might", "could"]) {
        return Some(if w.has(i + 1, lx::OUTCOME_VERB) && !w.is(i + 2, "to") { "will not" } else { "" });
    }
    if w.is_any(i, &["are", "is", "were", "was"]) {
        return Some(if w.is(i + 1, "affected") { if w.is_any(i, &["were", "was"]) { "were not" } else { "are not" } } else { "" });
    }
    if w.has(i, lx::OUTCOME_VERB) && !w.is(i, "affected") {
        if w.is(i + 1, "to") {
            return Some("");
        }
        return Some(if PAST.iter().any(|p| t.eq_ignore_ascii_case(p)) { "did not" } else { "do not" });
    }
    w.is_any(i, STOP).then_some("")
}

/// The complement is already given: `{D−N} in {D}`, `the other …`, `most … do not`, `the rest`.
fn complement_given(nx: &Nx<'_>, q: &Quantity, n: u64, d: u64) -> bool {
    let units = &nx.cx.analysis.units;
    [q.unit, q.unit + 1].into_iter().filter(|&u| u < units.len()).any(|u| {
        let w = nx.words(u);
        let other = nx.m.in_unit(u).iter().any(|o| {
            o.span != q.span
                && o.kind == Kind::Frequency && o.denominator == Some(d as f64) && o.low as u64 + n == d
                    || (o.span != q.span && q.kind == Kind::Percentage && o.kind == Kind::Percentage && (o.low + q.low - 100.0).abs() < 1e-9)
        });
        other
            || w.find(&["the", "other"]).is_some()
            || w.find(&["the", "rest"]).is_some()
            || w.range.clone().any(|i| w.is(i, "most") && (i + 1..i + 4).any(|k| w.is_any(k, &["not", "don't", "don’t", "won't", "won’t", "didn't", "didn’t"])))
    })
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    let pct_on = nx.cx.config.rule_enabled("percentage");
    for q in &nx.m.quantities {
        let freq = nx.counted_frequency(q);
        if !(freq || nx.proportion_percentage(q)) || q.high.is_some() {
            continue;
        }
        let w = nx.words(q.unit);
        let Some((neg, clause_end)) = outcome(&w, q.tokens.end) else { continue };
        // A negative outcome (`have no symptoms`) would make the complement a double negative.
        let negative = (q.tokens.end..clause_end).any(|k| {
            let t = w.text(k);
            w.is_any(k, &["no", "not", "never", "without", "none"]) || t.ends_with("n't") || t.ends_with("n’t")
        });
        if negative {
            continue;
        }
        let (n, d) = if freq {
            (q.low as u64, q.denominator.unwrap_or(0.0) as u64)
        } else {
            percent_to_frequency(q.low, nx.preferred_denominator()).map_or((0, 0), |f| (f.n, f.d))
        };
        if d == 0 || n >= d || complement_given(nx, q, n, d) {
            continue;
        }
        let text = if freq || pct_on {
            format!(", and {} in {} {neg}", commas(d - n), commas(d))
        } else {
            format!(", and {}% {neg}", numbers::arith::show(100.0 - q.low))
        };
        let mut f = Finding::new(&META, nx.severity(&META), q.span, format!("Say the other side too: '{}'.", text.trim_start_matches(", and ")))
            .with_data("numerator", n)
            .with_data("denominator", d)
            .with_data("complement", d - n);
        let at = if clause_end > q.tokens.end { nx.after_token(clause_end - 1) } else { None };
        if let Some(at) = at {
            let at = ByteSpan::empty(at.start());
            f = f.with_fix(Fix::replace("Add the other side", Applicability::Review, at, text));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::test_util::*;

    const R: &str = "one-sided-framing";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix("3 in 100 people get a rash.", R, "3 in 100 people get a rash, and 97 in 100 do not.");
        // The percentage is restated first; the other side is computed from the restated number
        // in the next pass (issue 15: passes never stack two versions of one complement).
        let opts = crate::autofix::FixOptions { mode: crate::autofix::FixMode::Review, ..Default::default() };
        let out = crate::autofix::fix_text("About 20% of people get a headache.", crate::Format::Text, "t", &Config::default(), &opts);
        assert_eq!(out.text, "About 20 in 100 people get a headache, and 80 in 100 do not.");
        assert_fix("1 in 10 people will get a rash.", R, "1 in 10 people will get a rash, and 9 in 10 will not.");
        assert_fix("In the trial, 2 in 100 people died.", R, "In the trial, 2 in 100 people died, and 98 in 100 did not.");
        assert_fix("About 5 in 100 people are affected.", R, "About 5 in 100 people are affected, and 95 in 100 are not.");
        assert_clean("Up to 50% of people have no symptoms.", R);
        assert_fix("3 in 100 people get a rash, but it soon goes away.", R, "3 in 100 people get a rash, and 97 in 100 do not, but it soon goes away.");
        assert_fix(
            "1 in 3 people who die in hospital had sepsis.",
            R,
            "1 in 3 people who die in hospital had sepsis, and 2 in 3 did not.",
        );
        let mut cfg = Config::default();
        cfg.set_enabled("percentage", false);
        let f = findings_with("About 20% of people get a headache.", R, &cfg);
        assert_eq!(crate::apply_fixes("About 20% of people get a headache.", [&f[0].fixes[0]]), "About 20% of people get a headache, and 80% do not.");
    }

    #[test]
    fn clean() {
        for t in [
            "3 in 100 people had this side effect. 97 in 100 did not.",
            "About 20 in 100 people get a headache while taking it, and 80 in 100 do not.",
            "3 in 100 people get a rash. Most people do not.",
            // tests/corpus/cdc-diabetes-quick-facts.md, nhlbi-high-blood-pressure.md
            "More than 37 million people in the United States have diabetes, and 1 in 5 of them don’t know they have it.",
            "About 1 in 3 U.S. adults with high blood pressure aren’t even aware they have it.",
            "Common side effects may affect up to 1 in 10 people.",
            "Use 1% hydrocortisone cream.",
            "5 in 10 people get it, and 5 in 10 do not.",
        ] {
            assert_clean(t, R);
        }
    }
}
