//! End-to-end tests of the engine: hand-worked scores, Unicode offsets, real leaflets.

use leaflint::{check, check_document, Config, Document, Format, Profile};
use proptest::prelude::*;

/// SPEC §3.1 worked text: counts and every formula as worked by hand in SPEC §3.2–§3.6.
#[test]
fn worked_text_scores() {
    let text = "Paracetamol is used to treat mild to moderate pain. The maximum dose is 4 grams in 24 hours. \
                Taking more than this can cause serious liver damage. Consult your pharmacist if symptoms persist.";
    let r = check(text, &Config::default());
    let c = &r.scores.counts;
    assert_eq!(
        (c.formula_sentences, c.words, c.syllables, c.polysyllables, c.letters, c.characters),
        (4, 33, 54, 6, 152, 155)
    );
    let rd = &r.scores.readability;
    let near = |x: Option<f64>, want: f64| (x.expect("score") - want).abs() < 0.05;
    assert!(near(rd.smog.grade, 10.1), "{:?}", rd.smog.grade);
    assert_eq!(rd.smog.confidence, "low");
    assert!(near(rd.flesch_reading_ease, 60.0));
    assert!(near(rd.flesch_kincaid_grade, 6.9));
    assert!(near(rd.gunning_fog, 10.6), "{:?}", rd.gunning_fog);
    assert!(near(rd.coleman_liau, 7.7));
    assert!(near(rd.ari, 4.8));
    assert_eq!(rd.familiar_word_grade, Some(9.5));
    assert!(near(rd.consensus_grade, 8.6), "{:?}", rd.consensus_grade);
    assert!(near(rd.reading_age, 13.6));
    assert_eq!(rd.target_grade_source, "consensus");
    assert_eq!(r.targets[0].status, leaflint::report::TargetStatus::Acceptable);
}

/// SPEC §1.5 example: `• Take 2 tablets bd.`
#[test]
fn spec_example_counts() {
    let r = check("• Take 2 tablets bd.", &Config::default());
    let c = &r.scores.counts;
    assert_eq!(
        (c.words, c.units, c.syllables, c.polysyllables, c.letters, c.characters, c.list_items),
        (4, 1, 7, 1, 13, 14, 1)
    );
}

#[test]
fn leaflet_units() {
    let units = |t: &str| leaflint::segments(&Document::parse(t, Format::Text), &Config::default()).len();
    assert_eq!(units("Call 999. Do not drive. Take 1 tablet. Rest."), 4);
    assert_eq!(units("Take 0.5mg at 5.30pm."), 1);
    assert_eq!(units("See your GP, e.g. if it gets worse. Rest."), 2);
    assert_eq!(units("The risk fell (95% CI 0.65 to 0.81) in the trial."), 1);
    assert_eq!(units("You may have:\n\n• a rash\n• a cough\n• a fever\n• a headache\n• sore eyes\n"), 6);
    assert_eq!(units("3. How to take metformin\n\nTake it with food. Drink water."), 3);
}

#[test]
fn markdown_and_text_agree_on_words() {
    let md = "# Metformin\n\nTake **1 tablet** with food.\n\n- Rest\n- Drink water\n";
    let txt = "Metformin\n\nTake 1 tablet with food.\n\n• Rest\n• Drink water\n";
    let a = check_document(&Document::parse(md, Format::Markdown), "a.md", &Config::default());
    let b = check_document(&Document::parse(txt, Format::Text), "a.txt", &Config::default());
    assert_eq!(a.scores.counts, b.scores.counts);
}

fn leafletish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "Take",
        "1",
        "tablet",
        "2.5mg",
        "😀",
        "e\u{301}",
        "中文",
        "\r\n",
        "\n\n",
        "• ",
        "- ",
        "1. ",
        "\u{feff}",
        "café",
        "NHS",
        "GP's",
        "co-codamol",
        "4-6",
        "20%",
        "£4.50",
        ". ",
        "? ",
        ", ",
        "; ",
        "(",
        ")",
        "\"",
        "’",
        "…",
        "https://nhs.uk/a.b",
        " ",
        "Dr. ",
        "complications",
        "approximately",
        "👩‍⚕️",
        "\t",
        "|",
        "#",
        "**",
        "Call 0300 123 4567",
        "a.m.",
        "U.S.",
        "Zoë",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Every span lies on char boundaries of the source, and every UTF-16 span is what
    /// JavaScript's `text.slice(start, end)` would take.
    #[test]
    fn spans_are_on_char_boundaries_and_utf16_matches_js(text in leafletish(), md in any::<bool>(), p in 0usize..3) {
        let format = if md { Format::Markdown } else { Format::Text };
        let mut cfg = Config::for_profile([Profile::Nhs, Profile::Us, Profile::EasyRead][p]);
        cfg.explain = true;
        let r = check_document(&Document::parse(&text, format), "p", &cfg);
        let js: Vec<u16> = text.encode_utf16().collect();
        let check_span = |s: leaflint::ByteSpan, u: leaflint::span::Utf16Span| {
            prop_assert!(s.end() <= text.len() && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()), "{s:?}");
            prop_assert_eq!(String::from_utf16_lossy(&js[u.start..u.end]), s.slice(&text).to_owned());
            Ok(())
        };
        for f in &r.findings {
            check_span(f.span, f.utf16)?;
            for rel in &f.related {
                check_span(rel.span, rel.utf16)?;
            }
            for e in f.fixes.iter().flat_map(|x| &x.edits) {
                check_span(e.span, e.utf16)?;
            }
        }
        for u in r.units.iter().flatten() {
            prop_assert!(text.is_char_boundary(u.span.start()) && text.is_char_boundary(u.span.end()));
        }
        for u in leaflint::segments(&Document::parse(&text, format), &cfg) {
            for t in &u.tokens {
                prop_assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
                prop_assert!(t.span.start() >= u.span.start() && t.span.end() <= u.span.end());
            }
        }
    }

    /// Any bytes that are valid UTF-8 never panic and give finite scores.
    #[test]
    fn any_text_is_checked(text in "\\PC{0,400}") {
        let r = check(&text, &Config::default());
        if let Some(g) = r.scores.readability.consensus_grade { prop_assert!(g.is_finite()); }
    }
}
