//! The numeracy rules and the numeracy-load score end to end: the SPEC §3.8 worked example,
//! before/after rewrites with natural frequencies, and real sentences from tests/corpus where
//! dates, phone numbers, doses, test results, times, years and ages must never be flagged as
//! hard numbers.

use leaflint::{apply_fixes, check, Applicability, Config, Profile, Report};

/// Rules that say a number is hard to understand (not the style rules).
const HARD: &[&str] = &[
    "percentage",
    "relative-risk",
    "mixed-denominators",
    "one-in-x-varying",
    "decimal",
    "fraction",
    "missing-time-frame",
    "one-sided-framing",
    "large-number-unanchored",
    "adjacent-numbers",
];

/// 123 words with no numbers and nothing for the numeracy rules.
const FILLER: &str = "Paracetamol is a painkiller. You can buy it from a pharmacy or a shop. It helps with pain and a high temperature. \
Read the leaflet that comes with your medicine before you start. Swallow the tablets whole with a drink of water. \
You can take them with or without food. Do not take other medicines that contain paracetamol at the same time. \
Ask a pharmacist for advice if you are not quite sure. Talk to your doctor \
before you take it if you have liver or kidney problems. Tell your doctor if you are pregnant or breastfeeding. \
Keep the medicine in a safe place where children cannot see or reach it. Stop taking it and call your doctor if you get a rash.";

fn numeracy(r: &Report) -> &leaflint::numbers::load::Numeracy {
    let n = r.scores.numeracy_detail.as_ref().expect("numeracy score");
    assert_eq!(r.scores.numeracy.as_ref(), Some(&n.to_value()), "the JSON is the typed score");
    n
}

fn load(text: &str) -> f64 {
    numeracy(&check(text, &Config::default())).load
}

/// SPEC §3.8: 7.3 high → 3.8 moderate.
#[test]
fn worked_example() {
    let before = format!("{FILLER} Take 1 or 2 tablets every 4 to 6 hours. Do not take more than 8 tablets in 24 hours. About 20% of people get a headache.");
    let r = check(&before, &Config::default());
    assert_eq!(r.scores.counts.words, 150);
    let n = numeracy(&r);
    assert_eq!(n.expressions, 5);
    assert_eq!(n.points, 11.0, "{n:?}");
    assert_eq!(
        n.components.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(),
        [("implied-calculation", 3.0), ("missing-time-frame", 1.0), ("one-sided-framing", 1.0), ("percentage", 1.0)]
    );
    assert!((n.load - 11.0 * 100.0 / 150.0).abs() < 1e-9);
    assert_eq!(n.band, "high");
    assert!((n.per_100_words.unwrap_or(0.0) - 5.0 * 100.0 / 150.0).abs() < 1e-9);
    let t = r.targets.iter().find(|t| t.metric == "numeracy_load").expect("target");
    assert_eq!(t.status, leaflint::report::TargetStatus::Fail);

    let after = format!(
        "{FILLER} Take 1 or 2 tablets up to 4 times in 24 hours. Leave at least 4 hours between doses. \
         About 20 in 100 people get a headache while taking it, and 80 in 100 do not."
    );
    let r = check(&after, &Config::default());
    assert_eq!(r.scores.counts.words, 159);
    let n = numeracy(&r);
    assert_eq!((n.expressions, n.points), (6, 6.0), "{n:?}");
    assert!((n.load - 6.0 * 100.0 / 159.0).abs() < 1e-9);
    assert_eq!(n.band, "moderate");
    assert_eq!(
        r.targets.iter().find(|t| t.metric == "numeracy_load").map(|t| t.status),
        Some(leaflint::report::TargetStatus::Pass)
    );
    // The JSON carries every part.
    let v = serde_json::to_value(&r.scores).expect("json");
    for key in ["expressions", "per_100_words", "points", "load", "band", "components"] {
        assert!(v["numeracy"].get(key).is_some(), "scores.numeracy.{key}");
    }
}

/// A text rewritten with natural frequencies scores lower than the original.
#[test]
fn rewrites_with_natural_frequencies_score_lower() {
    let pairs = [
        (
            "Statins reduce your risk of a heart attack by 30% over 10 years.",
            "Over 10 years, statins lower the chance of a heart attack from 10 in 100 to 7 in 100.",
        ),
        ("About 14.3% of adults get shingles.", "About 14 in 100 adults get shingles at some point in their life, and 86 in 100 do not."),
        ("1 in 20 people get a rash. 1 in 10 people get a headache.", "5 in 100 people get a rash while taking it. 10 in 100 people get a headache while taking it."),
        ("Common side effects affect 0.5% of people. Take 1 capsule every 8 hours.", "Side effects may affect up to 5 in 1,000 people. Take 1 capsule 3 times a day."),
        ("Smoking doubles your risk of a stroke.", "Smoking raises the chance of a stroke from 2 in 100 to 4 in 100."),
        (
            "Without treatment, 1 in 4 people get worse. With treatment, 3 in 100 people get worse. Most people recover.",
            "Over a year, 25 in 100 people get worse without treatment and 3 in 100 get worse with it.",
        ),
    ];
    for (before, after) in pairs {
        let (b, a) = (load(before), load(after));
        assert!(a < b, "{after:?} ({a}) should score below {before:?} ({b})");
    }
}

#[test]
fn clinical_shorthand_points_are_added_after_the_rules() {
    // SPEC §1.5: `• Take 2 tablets bd.` has 1 expression in 4 words.
    let r = check("• Take 2 tablets bd.", &Config::default());
    let n = numeracy(&r);
    assert_eq!(n.expressions, 1);
    assert_eq!(n.per_100_words, Some(25.0));
    let shorthand = r.findings.iter().filter(|f| f.rule == "clinical-shorthand").count() as f64;
    assert_eq!(n.points, 1.0 + 2.0 * shorthand);
}

/// Dates, phone numbers, NHS numbers, doses, test results, times, years and ages.
const NEVER_HARD: &[&str] = &[
    "Call 999 if you have chest pain.",
    "Call 111 or 0300 123 4567 for advice.",
    "Your NHS number is 485 777 3456.",
    "Take 0.5mg once a day.",
    "Take 1 or 2 tablets at a time.",
    "Your HbA1c was 48 mmol/mol.",
    "A BMI of 18.5 or less means you are underweight.",
    "Take it at 8am with breakfast.",
    "Do not have more than 4 doses in 24 hours.",
    "Your appointment is on 6 August 2026 at 2.30pm.",
    "The programme started in 2023.",
    "People aged 65 years and over can have the vaccine.",
    "You can have it until your 80th birthday.",
    "Give your child 2.5ml of the liquid.",
    "A temperature of 37.8C or above is high.",
    "Your blood pressure should be below 140/90mmHg.",
];

#[test]
fn never_flagged_as_hard_numbers() {
    for profile in Profile::ALL {
        let cfg = Config::for_profile(profile);
        for t in NEVER_HARD {
            let f: Vec<_> = check(t, &cfg).findings.into_iter().filter(|f| HARD.contains(&f.rule.as_str())).collect();
            assert!(f.is_empty(), "{profile}: {t:?}: {f:#?}");
        }
    }
}

/// tests/corpus/sentences.tsv: no hard-number finding touches a date, phone number, dose, test
/// result, time, year or age in the real sentences.
#[test]
fn corpus_sentences_protected_numbers() {
    let protected = [
        "0800 707 60 60",
        "1-800-222-2225",
        "1 September 2023",
        "31 August 2023",
        "February 2011",
        "January 2004",
        "2023",
        "2028",
        "2033",
        "500mg",
        "1g",
        "120mg",
        "250mg",
        "60mg",
        "5ml",
        "50kg",
        "8 stone",
        "38C",
        "120/80 mm Hg",
        "130 mm Hg",
        "80 mm Hg",
        "120 mm Hg",
        "8:30 a.m.",
        "5:00 p.m.",
        "24 hours",
        "4 hours",
        "aged 65",
        "over 50",
        "age 60",
        "65 years",
        "80th",
        "65th",
        "60 and 74",
        "50 and 74",
        "age 15",
        "14 units",
        "1 sachet",
        "8 tablets",
        "No 6",
        "No. 26",
        "type 2",
        "COVID-19",
        "10 years",
        "over 60",
        "turning 60",
        "turning 65",
        "turn 70",
        "3 months",
    ];
    let tsv = include_str!("../../../tests/corpus/sentences.tsv");
    for profile in Profile::ALL {
        let cfg = Config::for_profile(profile);
        for line in tsv.lines().skip(1) {
            let s = line.split('\t').next().unwrap_or("");
            let r = check(s, &cfg);
            for f in r.findings.iter().filter(|f| HARD.contains(&f.rule.as_str())) {
                for p in protected {
                    for (at, _) in s.match_indices(p) {
                        let (a, b) = (at, at + p.len());
                        let overlaps = f.span.start() < b && a < f.span.end();
                        assert!(!overlaps, "{profile}: {} flags {p:?} in {s:?}", f.rule);
                    }
                }
            }
        }
    }
}

/// Every safe numeracy fix on the corpus texts leaves nothing for the same rule to flag.
#[test]
fn safe_fixes_settle_on_the_corpus() {
    let texts = [
        include_str!("../../../tests/corpus/nhlbi-high-blood-pressure.md"),
        include_str!("../../../tests/corpus/nhs-paracetamol-how-and-when.md"),
        include_str!("../../../tests/corpus/cdc-diabetes-quick-facts.md"),
        include_str!("../../../tests/corpus/nia-older-hispanics-high-blood-pressure.md"),
        include_str!("../../../tests/corpus/nhs-shingles.md"),
    ];
    let cfg = Config::default();
    let rules = ["dash-range", "number-style", "adjacent-numbers"];
    let safe_fixes = |text: &str| -> Vec<leaflint::Fix> {
        check(text, &cfg)
            .findings
            .into_iter()
            .filter(|f| rules.contains(&f.rule.as_str()))
            .filter_map(|f| f.fixes.into_iter().next())
            .filter(|x| x.applicability == Applicability::Safe)
            .collect()
    };
    for t in texts {
        // SPEC §1.4: apply, re-check, repeat up to 3 passes.
        let mut fixed = t.to_owned();
        for _ in 0..3 {
            let fixes = safe_fixes(&fixed);
            fixed = apply_fixes(&fixed, &fixes);
        }
        assert!(safe_fixes(&fixed).is_empty(), "after fixing:\n{fixed}");
    }
    let t = "Take it every 4-6 hours at 17:30. Take 2 500mg tablets with 1000 ml of water and .5 mg. It costs £75.00.";
    let mut fixed = t.to_owned();
    for _ in 0..3 {
        fixed = apply_fixes(&fixed, &safe_fixes(&fixed));
    }
    assert_eq!(
        fixed,
        "Take it every 4 to 6 hours at 5.30pm. Take two 500mg tablets with 1,000ml of water and 0.5mg. It costs £75."
    );
}

/// The icon-array feature reads the numbers of each natural frequency and percentage.
#[test]
fn findings_carry_the_numbers() {
    let r = check("About 20% of people get a headache.", &Config::default());
    let p = r.findings.iter().find(|f| f.rule == "percentage").expect("percentage");
    assert_eq!((p.data["numerator"].as_u64(), p.data["denominator"].as_u64()), (Some(20), Some(100)));
    let o = r.findings.iter().find(|f| f.rule == "one-sided-framing").expect("one-sided-framing");
    assert_eq!((o.data["numerator"].as_u64(), o.data["denominator"].as_u64()), (Some(20), Some(100)));
}

/// Each chunk reports its own number expressions and numeracy points (SPEC §6.2).
#[test]
fn chunks_carry_their_numeracy() {
    let text = "How to take it\n\nTake 1 capsule every 8 hours.\n\nSide effects\n\nAbout 20% of people get a headache. Call 999 if you faint.";
    let r = check(text, &Config::default());
    let c: Vec<(Option<u32>, Option<f64>)> =
        r.chunks.iter().map(|c| (c.number_expressions, c.numeracy_points)).collect();
    // `1 capsule` and `8 hours`, plus implied-calculation (weight 3); `20%`, plus percentage and
    // one-sided-framing (1 each; missing-time-frame does not apply under a side-effects heading);
    // `999` is not a quantity.
    assert_eq!(c, [(Some(2), Some(5.0)), (Some(1), Some(3.0))], "{:#?}", r.findings);
}

/// Found by the end-to-end property test: a fraction as the last token of a document.
#[test]
fn lone_fraction_at_the_end() {
    for profile in Profile::ALL {
        for t in ["¼", "Take ½", "1/3", "2 500mg", "4-", "every 8 hours", "by 30%", "common"] {
            let _ = check(t, &Config::for_profile(profile));
        }
    }
}

mod property {
    use super::*;
    use proptest::prelude::*;

    fn numeric_text() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "1",
            "2",
            "10",
            "100",
            "1,000",
            "2.5",
            "0.5",
            ".5",
            "20%",
            "14.3%",
            "½",
            "1½",
            "1/3",
            "2/3rds",
            "£4.50",
            "250mg",
            "5ml",
            "38°C",
            "17:30",
            "5.00pm",
            "8am",
            "2023",
            "999",
            "0300 123 4567",
            "485 777 3456",
            "in",
            "out",
            "of",
            "every",
            "or",
            "to",
            "-",
            "–",
            "per",
            "cent",
            "percent",
            "a",
            "day",
            "hours",
            "hour",
            "weeks",
            "by",
            "risk",
            "chance",
            "doubles",
            "halves",
            "times",
            "more",
            "less",
            "likely",
            "common",
            "rare",
            "very",
            "side",
            "effects",
            "most",
            "some",
            "people",
            "women",
            "get",
            "will",
            "not",
            "do",
            "the",
            "take",
            "tablets",
            "mg",
            "mcg",
            "degrees",
            "C",
            "one",
            "two",
            "third",
            "half",
            "September",
            "Monday",
            "Friday",
            "aged",
            "type",
            "step",
            "No",
            ".",
            ",",
            ":",
            "(",
            ")",
            "\n\n",
            "• ",
            "# ",
            "**",
            "é",
            "中",
            "😀",
            "3-fold",
            "4-hourly",
            "apart",
            "before",
            "your",
            "operation",
            "contains",
            "Give",
        ]);
        prop::collection::vec(atoms, 0..60).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// No panic on number-heavy text in any profile; every fix edit is in bounds and applies.
        #[test]
        fn numeric_text_never_panics(text in numeric_text(), p in 0usize..3) {
            let cfg = Config::for_profile(Profile::ALL[p]);
            let r = check(&text, &cfg);
            prop_assert!(r.scores.numeracy_detail.as_ref().is_some_and(|n| n.load.is_finite() && n.points >= n.expressions as f64));
            for f in &r.findings {
                prop_assert!(f.span.end() <= text.len() && text.is_char_boundary(f.span.start()) && text.is_char_boundary(f.span.end()));
                for fix in &f.fixes {
                    for e in &fix.edits {
                        prop_assert!(e.span.end() <= text.len() && text.is_char_boundary(e.span.start()) && text.is_char_boundary(e.span.end()));
                    }
                    let _ = apply_fixes(&text, [fix]);
                }
            }
            let md = leaflint::check_document(&leaflint::Document::parse(&text, leaflint::Format::Markdown), "t.md", &cfg);
            prop_assert!(md.scores.numeracy.is_some());
        }
    }
}
