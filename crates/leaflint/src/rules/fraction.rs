//! `fraction` (SPEC §5.6)
//!
//! **What it checks**: numeric fractions `a/b` (b ≤ 12 or a power of ten), Unicode fractions
//! (`½ ⅓ ¾`), mixed numbers (`1½`, `1 1/2`) and suffixed forms (`2/3rds`). Not dates, `24/7`,
//! units (`mg/ml`), blood pressure (`120/80`), scores (`5/10` after score or scale) or the
//! clinical durations `N/7`, `N/52`, `N/12` (`clinical-shorthand` owns those).
//!
//! **Why it matters to patients**: written fractions are hard to read and to compare; words
//! (`a third`) or natural frequencies (`1 in 3 people`) are clearer.
//!
//! **Flagged example**: "Take ½ tablet at night."
//!
//! **Plainer version**: "Take half a tablet at night."
//!
//! **Fix** (review): a share of a group (`1/3 of people`) → `1 in 3 people` (and `a third of
//! people` as a second fix); before a singular noun `½ tablet` → `half a tablet`, `¼ teaspoon` →
//! `a quarter of a teaspoon`; mixed numbers `1½ tablets` → `1 and a half tablets`, `1½ hours` →
//! `1 hour 30 minutes`; otherwise words (`2/3` → `two-thirds`).
//!
//! **Source**: NHS numbers page (spell out common fractions); PEMAT 6; HSE.

use super::{Context, Rule, RuleMeta};
use crate::finding::{capitalise, Applicability, Category, Finding, Fix, Severity};
use crate::numbers::arith::commas;
use crate::numbers::lexicon as lx;
use crate::numbers::parse::{parse, Shape};
use crate::numbers::{self, role, Kind, Nx, Quantity};

/// See the module documentation.
pub struct Fraction;

static META: RuleMeta = RuleMeta {
    id: "fraction",
    category: Category::Numeracy,
    summary: "Written fractions ('1/3', '½') where words or '1 in 3' are clearer",
    default_severity: [Some(Severity::Warning), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[],
    why: "Written fractions are hard to read and compare. Words ('a third') or '1 in 3 people' are clearer.",
    flagged: "Take ½ tablet at night.",
    plainer: "Take half a tablet at night.",
    source: "NHS numbers guidance; PEMAT 6; HSE numbers guidance",
};

impl Rule for Fraction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// The ordinal name of a denominator (`3` → `third`).
fn part(d: u64) -> Option<&'static str> {
    Some(match d {
        2 => "half",
        3 => "third",
        4 => "quarter",
        5 => "fifth",
        6 => "sixth",
        7 => "seventh",
        8 => "eighth",
        9 => "ninth",
        10 => "tenth",
        11 => "eleventh",
        12 => "twelfth",
        100 => "hundredth",
        1000 => "thousandth",
        _ => return None,
    })
}

/// `n/d` in words: `half`, `a third`, `two-thirds`, `three-quarters`, `an eighth`.
pub(crate) fn words(n: u64, d: u64) -> Option<String> {
    let p = part(d)?;
    if n == 0 || n >= d {
        return None;
    }
    Some(match (n, d) {
        (1, 2) => "half".to_owned(),
        (1, _) => format!("{} {p}", if p.starts_with('e') { "an" } else { "a" }),
        _ => format!("{}-{}", lx::spell(n as u32)?, if d == 2 { "halves".to_owned() } else { format!("{p}s") }),
    })
}

fn a_or_an(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) || word.eq_ignore_ascii_case("hour") {
        "an"
    } else {
        "a"
    }
}

fn candidate(nx: &Nx<'_>, q: &Quantity) -> bool {
    if q.kind != Kind::Fraction || q.any(role::SPELLED | role::TEST | role::SCORE) {
        return false;
    }
    let Some(t) = parse(nx.text(q.tokens.start)) else { return false };
    let d = q.denominator.unwrap_or(0.0) as u64;
    let w = nx.words(q.unit);
    let a = q.tokens.start;
    let scored = (a.saturating_sub(4).max(w.range.start)..a).any(|k| w.is_any(k, &["score", "scored", "scale", "rate", "rated", "out"]));
    let slash = matches!(t.shape, Shape::Slash(..)) || q.tokens.len() > 1 && nx.text(a + 1).contains('/');
    !(scored || slash && matches!(d, 7 | 12 | 52)) && (d <= 12 || [100, 1000, 10_000].contains(&d))
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    for q in nx.m.quantities.iter().filter(|q| candidate(nx, q)) {
        let (total, d) = (q.low as u64, q.denominator.unwrap_or(1.0) as u64);
        let (whole, n) = (total / d.max(1), total % d.max(1));
        let w = nx.words(q.unit);
        let last = q.tokens.end - 1;
        let number_end = if q.measure == Some(last) && q.tokens.len() > 1 { last - 1 } else { last };
        let mut f = Finding::new(&META, nx.severity(&META), q.span, "Fractions are hard for many people.")
            .with_data("numerator", total)
            .with_data("denominator", d);
        let cap = |s: String| if nx.starts_unit(q.tokens.start) { capitalise(&s) } else { s };
        let mut fixes: Vec<(usize, usize, String)> = Vec::new(); // token range and replacement
        let mut of = number_end + 1;
        let share = w.is(of, "of") && {
            if w.is_any(of + 1, &["the", "all", "these", "those"]) {
                of += 1;
            }
            w.has(of + 1, lx::PEOPLE | lx::EVENT)
        };
        if share && whole == 0 {
            fixes.push((q.tokens.start, of, cap(format!("{} in {}", commas(n), commas(d)))));
            if let Some(words) = words(n, d) {
                fixes.push((q.tokens.start, number_end, cap(words)));
            }
        } else if whole > 0 && q.measure.is_some_and(|m| matches!(nx.text(m), "hour" | "hours")) && (n * 60) % d == 0 {
            let h = if whole == 1 { "1 hour".to_owned() } else { format!("{whole} hours") };
            fixes.push((q.tokens.start, last, format!("{h} {} minutes", n * 60 / d)));
        } else if let Some(words) = words(n, d) {
            let next = nx.text(number_end + 1);
            let singular = w.has(number_end + 1, lx::COUNTABLE | lx::DOSE | lx::MEASURE | lx::TIME) && !next.ends_with('s');
            let text = if whole > 0 {
                format!("{whole} and {}", if n * 2 == d { "a half".to_owned() } else { words })
            } else if singular && n * 2 == d {
                format!("half {}", a_or_an(next))
            } else if singular {
                format!("{words} of {}", a_or_an(next))
            } else {
                words
            };
            fixes.push((q.tokens.start, number_end, cap(text)));
        }
        for (a, b, text) in fixes {
            if let Some(span) = nx.verbatim_tokens(a, b) {
                if f.fixes.is_empty() {
                    f.message = format!("Fractions are hard for many people. Write '{text}'.");
                }
                f = f.with_fix(Fix::replace(format!("Write '{text}'"), Applicability::Review, span, text));
            }
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::words;
    use crate::rules::test_util::*;

    const R: &str = "fraction";

    #[test]
    fn spec_examples_fix_exactly() {
        assert_fix("Take ½ tablet.", R, "Take half a tablet.");
        assert_fix("About 1/3 of people get it.", R, "About 1 in 3 people get it.");
        let f = findings("About 1/3 of people get it.", R);
        assert_eq!(crate::apply_fixes("About 1/3 of people get it.", [&f[0].fixes[1]]), "About a third of people get it.");
        assert_fix("Add ¼ teaspoon of sugar.", R, "Add a quarter of a teaspoon of sugar.");
        assert_fix("Take 1½ tablets.", R, "Take 1 and a half tablets.");
        assert_fix("It takes 1½ hours.", R, "It takes 1 hour 30 minutes.");
        assert_fix("3/100 of people get a rash.", R, "3 in 100 people get a rash.");
        assert_fix("Fill it to 2/3 full.", R, "Fill it to two-thirds full.");
        assert_fix("Take 1 1/2 tablets.", R, "Take 1 and a half tablets.");
        assert_fix("About 2/3rds of the children improve.", R, "About 2 in 3 children improve.");
    }

    #[test]
    fn clean() {
        for t in [
            "two-thirds of children",
            "Your blood pressure should be below 120/80mmHg.",
            "A normal blood pressure is 120/80.",
            "Rate your pain with a score of 5/10.",
            "Come back in 2/52.",
            "The helpline is open 24/7.",
            "Your appointment is on 12/05/2024.",
            "Give 250mg/5ml of the liquid.",
            "Take half a tablet.",
        ] {
            assert_clean(t, R);
        }
    }

    #[test]
    fn words_for_fractions() {
        assert_eq!(words(1, 2).as_deref(), Some("half"));
        assert_eq!(words(1, 8).as_deref(), Some("an eighth"));
        assert_eq!(words(3, 8).as_deref(), Some("three-eighths"));
        assert_eq!(words(3, 4).as_deref(), Some("three-quarters"));
        assert_eq!(words(5, 4), None);
    }
}
