//! Tests of the number model on the SPEC's examples and real sentences (tests/corpus).

use super::*;
use crate::document::Format;

fn model(text: &str) -> (Document, NumberModel) {
    let doc = Document::parse(text, Format::Text);
    let an = Analysis::new(&doc, crate::text::syllables::NumberStyle::British);
    let m = NumberModel::new(&doc, &an);
    (doc, m)
}

/// `text → [(kind, text)]` of every number found.
fn kinds(text: &str) -> Vec<(Kind, String)> {
    let (doc, m) = model(text);
    m.quantities.iter().map(|q| (q.kind, doc.blocks[q.block].analysed[q.analysed.clone()].to_owned())).collect()
}

#[track_caller]
fn assert_kinds(text: &str, want: &[(Kind, &str)]) {
    let got = kinds(text);
    let got: Vec<(Kind, &str)> = got.iter().map(|(k, s)| (*k, s.as_str())).collect();
    assert_eq!(got, want, "{text}");
}

use Kind::*;

#[test]
fn spec_expressions_are_grouped() {
    // SPEC §3.8 worked example: 5 expressions.
    assert_kinds(
        "Take 1 or 2 tablets every 4 to 6 hours. Do not take more than 8 tablets in 24 hours. About 20% of people get a headache.",
        &[(Dose, "1 or 2 tablets"), (Duration, "4 to 6 hours"), (Dose, "8 tablets"), (Duration, "24 hours"), (Percentage, "20%")],
    );
    assert_kinds(
        "About 20 in 100 people, and 80 in 100 do not.",
        &[(Frequency, "20 in 100"), (Frequency, "80 in 100")],
    );
    assert_kinds(
        "3 out of 100 women, 1 in every 5 men, one in ten babies",
        &[(Frequency, "3 out of 100"), (Frequency, "1 in every 5"), (Frequency, "one in ten")],
    );
    assert_kinds(
        "1/3 of people, ½ tablet, 1½ hours, a third of adults, two-thirds",
        &[
            (Fraction, "1/3"),
            (Fraction, "½ tablet"),
            (Fraction, "1½ hours"),
            (Fraction, "third"),
            (Fraction, "two-thirds"),
        ],
    );
    assert_kinds(
        "It costs £4.50 or 50p, and $327 billion.",
        &[(Money, "£4.50"), (Money, "50p"), (Money, "$327 billion")],
    );
    assert_kinds("Use a ratio of 1:1000.", &[(Ratio, "1:1000")]);
    assert_kinds("the 2nd dose", &[(Ordinal, "2nd")]);
    assert_kinds("It affects 4.8 million people.", &[(Decimal, "4.8 million")]);
}

#[test]
fn non_quantities() {
    assert_kinds(
        "Call 999, 111 or 0300 123 4567. Your NHS number is 485 777 3456.",
        &[(Phone, "999"), (Phone, "111"), (Phone, "0300 123 4567"), (Reference, "485 777 3456")],
    );
    assert_kinds(
        "On 1 September 2023, on 12/05/2024, on 2023-09-01, in 2028.",
        &[(Date, "1 September 2023"), (Date, "12/05/2024"), (Date, "2023-09-01"), (Year, "2028")],
    );
    assert_kinds("Come at 8am, 5.30pm or 10:30.", &[(ClockTime, "8am"), (ClockTime, "5.30pm"), (ClockTime, "10:30")]);
    assert_kinds(
        "type 2 diabetes, step 3, COVID-19, 5 A Day, the 6-in-1 vaccine, open 24/7, SW1A 1AA",
        &[(Label, "2"), (Label, "3"), (Name, "5 A Day"), (Name, "24/7"), (Reference, "SW1A 1AA")],
    );
    // tests/corpus/govuk-bowel-screening-colonoscopy-guidelines.md
    assert_kinds(
        "These guidelines replace Quality Assurance Guidelines NHS BCSP Publication No 6 published in February 2011.",
        &[(Label, "6"), (Year, "2011")],
    );
    assert_kinds("## 1. Colonoscopy in the NHS BCSP", &[(Label, "1")]);
    let (_, m) = model("Call 999 on 1 September 2023 about type 2 diabetes.");
    assert_eq!(m.expressions(), 0);
}

#[test]
fn doses_tests_times_and_ages_have_their_roles() {
    let roles = |t: &str| -> Vec<u32> { model(t).1.quantities.iter().map(|q| q.roles).collect() };
    assert!(roles("Take 0.5mg.")[0] & role::DOSE != 0);
    assert!(roles("Your HbA1c is 48 mmol/mol.")[0] & role::TEST != 0);
    assert!(roles("A BMI of 18.5 is healthy.")[0] & role::TEST != 0);
    assert!(roles("High blood pressure affects 30% of adults.")[0] & role::TEST == 0);
    assert!(roles("People aged 75 years and over.")[0] & role::AGE != 0);
    assert!(roles("until your 80th birthday")[0] & role::AGE != 0);
    assert!(roles("children from 10 years of age")[0] & role::AGE != 0);
    assert!(roles("It contains 125mg in 5ml.")[0] & role::STRENGTH != 0);
    assert!(roles("May affect up to 1 in 10 people.")[0] & role::EC_BAND != 0);
    assert!(roles("About 20% of people")[0] & role::APPROX != 0);
    // tests/corpus/nhlbi-high-blood-pressure.md
    let (_, m) = model("systolic: 130 mm Hg or higher");
    assert!(m.quantities[0].has(role::TEST));
}

#[test]
fn context_words() {
    let (_, m) = model("Statins lower the risk of a heart attack in the next 10 years. Take 1 tablet a day.");
    assert_eq!(context::names(m.quantities[0].context), ["risk", "time frame"]);
    assert!(m.quantities[1].context & context::PER_DAY != 0);
    let (_, m) = model("Side effects\n\nAbout 1 in 10 people get a headache.");
    assert!(m.quantities[0].context & context::SIDE_EFFECT != 0);
    assert_eq!(m.quantities[0].share(), Some(0.1));
}

#[test]
fn spelled_one_is_a_number_only_when_it_counts() {
    assert_kinds("It spreads very easily from one person to another.", &[]);
    assert_kinds("One of the tablets is white. Take them one at a time.", &[]);
    assert_kinds("babies less than one month old", &[(Duration, "one month")]);
    assert_kinds("Take one or two tablets.", &[(Dose, "one or two tablets")]);
}

/// Every sentence of tests/corpus/sentences.tsv: the model never panics, and phone numbers,
/// dates and years in them are never quantities.
#[test]
fn corpus_sentences() {
    let tsv = include_str!("../../../../tests/corpus/sentences.tsv");
    let mut quantities = 0;
    for line in tsv.lines().skip(1) {
        let s = line.split('\t').next().unwrap_or("");
        let (doc, m) = model(s);
        quantities += m.expressions();
        for q in &m.quantities {
            let t = &doc.blocks[q.block].analysed[q.analysed.clone()];
            for never in [
                "0800 707 60 60",
                "1-800-222-2225",
                "1 September 2023",
                "31 August 2023",
                "2023",
                "2028",
                "2033",
                "2004",
                "8:30 a.m.",
            ] {
                if t.contains(never) {
                    assert!(!q.is_quantity(), "{t:?} in {s:?} is a {:?}", q.kind);
                }
            }
        }
    }
    assert!(quantities > 60, "{quantities}");
}
