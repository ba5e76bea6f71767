//! Number fixes keep what numbers say (issue 15), on every text of `tests/corpus` (or the folder
//! in `LEAFLINT_CORPUS`) and on generated sentences:
//!
//! - `--fix=review` (every rule) changes no measurement, statistic, citation, worked example,
//!   format pairing or threshold: the same texts, in the same number, before and after;
//! - every chance keeps its value: the chances before and after, in order, are as many and each
//!   within 10% (exact unless the fix says `about`);
//! - fixing reaches a fixed point: a second `--fix=review` run changes nothing.

use leaflint::autofix::{fix_text, FixMode, FixOptions};
use leaflint::numbers::safety::values;
use leaflint::numbers::Meaning;
use leaflint::{segments, Config, Document, Format};
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus() -> Vec<(String, Format, String)> {
    let dir = std::env::var("LEAFLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus"));
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    paths.sort();
    for p in paths {
        // The corpus's own documentation and generated pages are not corpus texts.
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if matches!(name, "README.md" | "SOURCES.md" | "fixes.md") {
            continue;
        }
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = match ext {
            "md" => Format::Markdown,
            "txt" => Format::Text,
            "html" | "htm" => Format::Html,
            _ => continue,
        };
        if let Ok(text) = std::fs::read_to_string(&p) {
            out.push((p.file_name().unwrap_or_default().to_string_lossy().into_owned(), format, text));
        }
    }
    out
}

/// Rules whose fixes write numbers.
const NUMBER_RULES: &[&str] = &[
    "adjacent-numbers",
    "dash-range",
    "decimal",
    "fraction",
    "implied-calculation",
    "mixed-denominators",
    "number-style",
    "one-in-x-varying",
    "one-sided-framing",
    "percentage",
    "relative-risk",
    "verbal-probability",
];

fn review() -> FixOptions {
    FixOptions { mode: FixMode::Review, ..FixOptions::default() }
}

/// (meaning, text) of every number of a text.
fn numbers(text: &str, format: Format) -> Vec<(Meaning, String)> {
    let doc = Document::parse(text, format);
    segments(&doc, &Config::default()).into_iter().flat_map(|u| u.numbers).map(|n| (n.meaning, n.text)).collect()
}

fn fixed_kinds(ns: &[(Meaning, String)]) -> Vec<(Meaning, String)> {
    let mut v: Vec<(Meaning, String)> = ns
        .iter()
        .filter(|n| {
            matches!(
                n.0,
                Meaning::Measurement
                    | Meaning::Statistic
                    | Meaning::Citation
                    | Meaning::Example
                    | Meaning::Paired
                    | Meaning::Threshold
            )
        })
        .map(|n| match n.0 {
            // A measurement may be re-punctuated (`120–129` → `120 to 129`), never re-valued.
            Meaning::Measurement => (n.0, format!("{:?}", values(&n.1).iter().map(|v| v.value).collect::<Vec<_>>())),
            _ => n.clone(),
        })
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1).then(format!("{:?}", a.0).cmp(&format!("{:?}", b.0))));
    v
}

fn chance_values(ns: &[(Meaning, String)]) -> Vec<f64> {
    ns.iter()
        .filter(|n| matches!(n.0, Meaning::Chance | Meaning::Paired))
        .flat_map(|n| values(&n.1))
        .map(|v| v.value)
        .collect()
}

/// Problems of one text after `--fix=review`, empty when the invariants hold.
fn problems(name: &str, format: Format, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let cfg = Config::default();
    let first = fix_text(text, format, name, &cfg, &review());
    let (before, after) = (numbers(text, format), numbers(&first.text, format));
    let (fb, fa) = (fixed_kinds(&before), fixed_kinds(&after));
    for n in &fb {
        if !fa.contains(n) {
            out.push(format!("{name}: {:?} '{}' changed by a fix", n.0, n.1));
        }
    }
    // Every chance keeps its value: each one before is matched by one after within 10%
    // (insertions such as `, and 97 in 100 do not` add chances; none may be lost or moved).
    // After the fix a chance may be read in another role (`rate was 18 in 1,000` reads as a rate):
    // its value must still be there, whatever the role.
    let mut ca: Vec<f64> = after.iter().flat_map(|n| values(&n.1)).map(|v| v.value).collect();
    for x in chance_values(&before) {
        match ca.iter().position(|y| (x - y).abs() <= 0.10 * x.abs() + 1e-9) {
            Some(k) => {
                ca.remove(k);
            }
            None => out.push(format!("{name}: the chance {x} has no match after the fix")),
        }
    }
    let second = fix_text(&first.text, format, name, &cfg, &review());
    // Number fixes reach a fixed point (word and layout rules are outside this issue).
    let numeric: Vec<String> = second
        .applied
        .iter()
        .filter(|a| NUMBER_RULES.contains(&a.rule.as_str()))
        .map(|a| format!("{} ({})", a.rule, a.label))
        .collect();
    if !numeric.is_empty() {
        out.push(format!("{name}: a second --fix=review run changed numbers again: {}", numeric.join("; ")));
    }
    out
}

#[test]
fn fix_review_keeps_numbers_and_reaches_a_fixed_point_on_the_corpus() {
    let texts = corpus();
    assert!(!texts.is_empty(), "no corpus texts found");
    let all: Vec<String> = texts.iter().flat_map(|(n, f, t)| problems(n, *f, t)).collect();
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

/// Sentences with numbers no fix may touch, and chances that must keep their values.
#[test]
fn hostile_sentences_keep_their_numbers() {
    for t in [
        "Your HbA1c target is 48 mmol/mol (6.5%). Most people have a 1 in 10 chance of a rash.",
        "An oxygen saturation of 94% or lower needs checking. About 20% of people get a headache.",
        "Use 1% hydrocortisone cream. Blood alcohol of 0.08% is the limit. Body fat 30% is high.",
        "The mean was 61 ± 10.4 (95% CI 1.2 to 3.4, p = 0.03, n = 120). 14.3% of adults have it.",
        "Side effects are common.12 It was studied [3]. 3-5% of people get a headache.",
        "A higher chance result means a chance greater than 1 in 150. 1 in 4 people get worse.",
        "A '1 in 100' chance means 1 person in every 100 gets it. 3 in 100 people get a rash.",
        "About 1 in 10 (10%) people get a rash. 1 in 20 people get a headache.",
        "1 in 3 people has a rash. 2 in 10 people have a headache.",
    ] {
        let p = problems("sentence", Format::Text, t);
        assert!(p.is_empty(), "{t}: {p:?}");
    }
}

#[test]
fn the_range_bug_cannot_happen() {
    let t = "3-5% of people get a headache. About 1 in 10 people get a rash.";
    let out = fix_text(t, Format::Text, "t", &Config::default(), &review());
    assert!(!out.text.contains("50 in 1,000"), "{}", out.text);
    assert!(problems("t", Format::Text, t).is_empty());
}

#[test]
fn non_chances_are_never_converted() {
    for (t, kept) in [
        ("Your HbA1c of 6.5% means you have diabetes.", "6.5%"),
        ("Keep your oxygen saturation above 94%.", "94%"),
        ("The mean score was 61.3 ± 10.2 points.", "61.3 ± 10.2"),
        ("Side effects are common.12 Rashes happen.", "common.12"),
        ("You have a higher chance if your risk is greater than 1 in 150.", "1 in 150"),
        ("A '1 in 100' chance means 1 person in every 100 gets it.", "'1 in 100'"),
        ("Use 1% hydrocortisone cream twice a day.", "1%"),
    ] {
        let out = fix_text(t, Format::Text, "t", &Config::default(), &review());
        assert!(out.text.contains(kept), "{t} became {}", out.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A generated sentence with a chance as a percentage, a frequency or a range: after
    /// `--fix=review` every chance keeps its value and a second run changes nothing.
    #[test]
    fn generated_chances_keep_their_values(
        p in 1u32..999,
        n in 1u32..20,
        d in prop::sample::select(vec![3u32, 4, 7, 10, 20, 50, 100, 150, 1000]),
        lo in 1u32..40,
        span in 1u32..10,
        form in 0usize..4,
    ) {
        let pct = p as f64 / 10.0;
        let n = n.min(d - 1).max(1);
        let text = match form {
            0 => format!("About {pct}% of people get a rash. {n} in {d} people get a headache."),
            1 => format!("{lo}-{}% of people get a rash. {n} in {d} people has a headache.", lo + span),
            2 => format!("{n} in {d} people get a rash. {pct}% of people get a headache. 1 in 7 people feel sick."),
            _ => format!("Your HbA1c target is {pct}%. {n} out of {d} people get a rash in a year."),
        };
        let p = problems("generated", Format::Text, &text);
        prop_assert!(p.is_empty(), "{}: {:?}", text, p);
    }
}
