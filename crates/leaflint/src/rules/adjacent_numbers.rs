//! `adjacent-numbers` (SPEC §5.12)
//!
//! **What it checks**: two numerals with nothing but a space between them (`2 500mg tablets`,
//! `1 or 2 200mg tablets`, `At 65 2 in 10 people …`). Not phone numbers, dates, reference
//! numbers, clock times, thousands groups (`10 000`) or mixed numbers (`1 1/2`).
//!
//! **Why it matters to patients**: `2 500mg tablets` is easily read as 2,500mg; side-by-side
//! numbers run together.
//!
//! **Flagged example**: "Take 2 500mg tablets."
//!
//! **Plainer version**: "Take two 500mg tablets."
//!
//! **Fix** (safe) when the second number carries a unit: the counts before it in words (one to
//! ten): `1 or 2 200mg tablets` → `one or two 200mg tablets`. Other pairs: message only.
//! `number-style` does not flag these words.
//!
//! **Source**: NHS numbers page (dosage example); lucid-lint number runs.

use super::{Context, Rule, RuleMeta};
use crate::finding::{capitalise, Applicability, Category, Finding, Fix, Severity};
use crate::numbers::lexicon::{self as lx, PHONE};
use crate::numbers::parse::parse;
use crate::numbers::{self, Kind, Nx};
use crate::span::ByteSpan;

/// See the module documentation.
pub struct AdjacentNumbers;

static META: RuleMeta = RuleMeta {
    id: "adjacent-numbers",
    category: Category::Numeracy,
    summary: "Two numbers side by side ('2 500mg tablets')",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Warning)],
    thresholds: &[],
    why: "Numbers side by side run together: '2 500mg tablets' is easily read as 2,500mg.",
    flagged: "Take 2 500mg tablets.",
    plainer: "Take two 500mg tablets.",
    source: "NHS numbers guidance (dosage example); lucid-lint",
};

impl Rule for AdjacentNumbers {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        numbers::run(cx, &META, out, detect);
    }
}

/// True when token `i` is part of a number that is never checked here.
fn excluded(nx: &Nx<'_>, u: usize, i: usize) -> bool {
    nx.m.lex(i) & PHONE != 0
        || nx.m.at_token(u, i).is_some_and(|q| matches!(q.kind, Kind::Phone | Kind::Date | Kind::Reference | Kind::Name | Kind::ClockTime | Kind::Label))
}

fn detect(nx: &Nx<'_>, out: &mut Vec<Finding>) {
    for u in 0..nx.cx.analysis.units.len() {
        if nx.m.unit_lex[u] & lx::NUMBER == 0 {
            continue;
        }
        let w = nx.words(u);
        for i in w.range.clone() {
            let j = i + 1;
            if !(w.has(i, lx::NUMBER) && w.has(j, lx::NUMBER)) || excluded(nx, u, i) || excluded(nx, u, j) {
                continue;
            }
            let (Some(a), Some(b)) = (parse(w.text(i)), parse(w.text(j))) else { continue };
            let same = nx.m.at_token(u, i).is_some_and(|q| q.tokens.contains(&j));
            let thousands = a.bare_integer() && a.int_digits <= 3 && b.bare_integer() && b.int_digits == 3 && !b.commas;
            // `500mg 3 times a day`: a dose then a count reads fine; only bare pairs and counts
            // before a unit-bearing number run together.
            let first_unit = !a.suffix.is_empty() || a.currency.is_some();
            if same || thousands || first_unit {
                continue;
            }
            let unit = !b.suffix.is_empty() && lx::classify(b.suffix) & (lx::DOSE | lx::MEASURE) != 0;
            // The counts before the unit-bearing number: `2`, or `1 or 2`.
            let first = if i >= w.range.start + 2 && w.is_any(i - 1, &["or", "to"]) && w.has(i - 2, lx::NUMBER) { i - 2 } else { i };
            let counts: Vec<usize> = if first == i { vec![i] } else { vec![i - 2, i] };
            let span = nx.verbatim_tokens(first, j).unwrap_or(ByteSpan::new(nx.tok(first).span.start(), nx.tok(j).span.end()));
            let mut f = Finding::new(&META, nx.severity(&META), span, "Reword so the numbers are not side by side.");
            let words: Option<Vec<&str>> = counts
                .iter()
                .map(|&k| parse(w.text(k)).filter(|t| t.bare_integer() && t.value >= 1.0 && t.value <= 10.0).and_then(|t| lx::spell(t.value as u32)))
                .collect();
            if let (true, Some(words)) = (unit, words) {
                let mut text = if counts.len() == 2 { format!("{} {} {}", words[0], w.text(i - 1), words[1]) } else { words[0].to_owned() };
                if nx.starts_unit(first) {
                    text = capitalise(&text);
                }
                f.message = format!("Numbers side by side are easy to misread. Write '{text} {}'.", w.text(j));
                if let Some(s) = nx.verbatim_tokens(first, i) {
                    f = f.with_fix(Fix::replace(format!("Write '{text}'"), Applicability::Safe, s, text));
                }
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const R: &str = "adjacent-numbers";

    #[test]
    fn dose_counts_in_words() {
        assert_fix("Take 1 or 2 200mg tablets.", R, "Take one or two 200mg tablets.");
        assert_fix("Take 2 500mg tablets.", R, "Take two 500mg tablets.");
        assert_fix("Take 2 5ml spoonfuls.", R, "Take two 5ml spoonfuls.");
        assert_fix("2 500mg tablets a day.", R, "Two 500mg tablets a day.");
    }

    #[test]
    fn other_pairs_message_only() {
        let f = findings("At 65 2 in 10 people have it.", R);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert_eq!(f[0].message, "Reword so the numbers are not side by side.");
    }

    #[test]
    fn clean() {
        for t in [
            "Take one or two 500mg tablets.",
            "Call 0300 123 4567 or 111.",
            "Your NHS number is 485 777 3456.",
            "On 1 September 2023 the programme started.",
            "About 10 000 people.",
            "Take 1 1/2 tablets.",
            "Come between 8:30 a.m. and 5:00 p.m.",
            // tests/fixtures/amoxicillin-leaflet.docx (a dosing table)
            "Adults\t500mg 3 times a day",
            // tests/corpus/nhs-paracetamol-for-adults.md
            "The total maximum dose of paracetamol for an adult is eight 500mg tablets in 24 hours.",
        ] {
            assert_clean(t, R);
        }
    }
}
