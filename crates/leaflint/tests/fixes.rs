//! No rule flags the words of its own fix (issue 4): for each text and profile, apply the first
//! (then the second) fix of every finding of a rule — review fixes included — with
//! `leaflint::apply_fixes`, check the new text again and require that the same rule reports
//! nothing overlapping the replaced text.

use leaflint::{apply_fixes, check, Config, Document, Finding, Fix, Format, Profile};
use std::ops::Range;

/// Texts with findings of every rule of SPEC §4 (their flagged examples and more).
const TEXTS: &[&str] = &[
    "Nausea is common. The nausea passes. Tell us if you have hypertension.",
    "You may have edema. Apply the cream twice a day. Your child has a fever and is vomiting.",
    "Do this in order to stop the bleeding. Come in prior to your appointment. Commence treatment today.",
    "You can currently get it free. In the process of healing, rest. It is very important to take it.",
    "Your GP may prescribe an antiemetic. Metformin can cause lactic acidosis.",
    "COPD makes it hard to breathe. If you have COPD, stop smoking. Go to the ED. Your PSA test is due.",
    "Take 1 tablet bd. Take 2 tablets tds prn. Review in 6/52. Use 2 drops q4h. Take 2 tabs stat.",
    "Your medicine will be checked by a pharmacist before you leave. You will be seen by a nurse.",
    "Metformin can be taken by adults. The tests are not done by your GP. Your letter was sent by the clinic.",
    "Patients should bring their medicines to the appointment. Patients are advised to fast for 6 hours.",
    "People with diabetes should check their feet every day. The patient needs to fast.",
    "We will carry out an assessment of your needs. The doctor will make a decision about your treatment.",
    "She made a decision yesterday. Make use of the spacer. The administration of the vaccine is quick.",
    "If you are suffering from pain, rest. Help for the homeless is available. Diabetics should check their feet.",
    "If you are diabetic, check your feet. He is an epileptic. Her father passed away last year.",
    "Your hemoglobin level is low. Pick a color. Organize your tablets. Go to the center.",
    "Healthy aging matters. You need an x-ray. Get your Covid-19 vaccine. Long Covid can last months.",
    "Don't take it with food. You can’t drive. Go to ear, nose & throat. Take fruit, e.g. apples.",
    "You can normally go home. Seek advice from a pharmacist. Ask a dietician. Call your mob: 07700 900000",
    "Simply take it with water. It is really quite simple. Basically, rest.",
    include_str!("../../../samples/metformin-leaflet.txt"),
];

/// Real leaflets (Markdown).
const CORPUS: &[&str] = &[
    include_str!("../../../tests/corpus/nhs-metformin.md"),
    include_str!("../../../tests/corpus/nhs-sickness-and-diarrhoea.md"),
    include_str!("../../../tests/corpus/nhs-statins.md"),
    include_str!("../../../tests/corpus/nhs-atorvastatin.md"),
    include_str!("../../../tests/corpus/nhs-paracetamol-for-adults.md"),
    include_str!("../../../tests/corpus/govuk-bowel-screening-colonoscopy-guidelines.md"),
    include_str!("../../../tests/corpus/fda-consumer-otc-pain-campaign-2004.md"),
    include_str!("../../../tests/corpus/medlineplus-type-2-diabetes.md"),
    include_str!("../../../tests/corpus/cdc-sepsis.md"),
];

/// The word and voice rules of SPEC §4 that offer fixes.
const RULES: &[&str] = &[
    "clinical-shorthand",
    "complex-word",
    "inclusive-language",
    "medical-jargon",
    "nhs-style-words",
    "nominalisation",
    "not-addressed-to-reader",
    "passive-voice",
    "uk-spelling",
    "undefined-acronym",
    "us-spelling",
    "vague-qualifier",
];

fn run(text: &str, format: Format, cfg: &Config) -> Vec<Finding> {
    leaflint::check_document(&Document::parse(text, format), "t", cfg).findings
}

/// Apply `fixes` like `apply_fixes` and return where each replacement landed in the new text.
fn applied_regions(text: &str, fixes: &[&Fix]) -> (String, Vec<Range<usize>>) {
    let fixed = apply_fixes(text, fixes.iter().copied());
    let mut sorted: Vec<&Fix> = fixes.to_vec();
    sorted.sort_by_key(|f| f.edits.iter().map(|e| e.span.start()).min().unwrap_or(0));
    let mut taken: Vec<leaflint::ByteSpan> = Vec::new();
    let mut edits = Vec::new();
    for f in sorted {
        if f.edits.iter().all(|e| !taken.iter().any(|t| t.overlaps(&e.span))) {
            for e in &f.edits {
                taken.push(e.span);
                edits.push(e);
            }
        }
    }
    edits.sort_by_key(|e| e.span.start());
    let mut delta: isize = 0;
    let mut regions = Vec::new();
    for e in edits {
        let start = (e.span.start() as isize + delta) as usize;
        regions.push(start..start + e.replacement.len());
        delta += e.replacement.len() as isize - e.span.len() as isize;
    }
    (fixed, regions)
}

fn check_text(text: &str, format: Format, profile: Profile) {
    let mut cfg = Config::for_profile(profile);
    for r in RULES {
        cfg.set_enabled(r, true);
    }
    let before = run(text, format, &cfg);
    for rule in RULES {
        for k in 0..2 {
            let fixes: Vec<&Fix> = before.iter().filter(|f| f.rule == *rule).filter_map(|f| f.fixes.get(k)).collect();
            if fixes.is_empty() {
                continue;
            }
            let (fixed, regions) = applied_regions(text, &fixes);
            for f in run(&fixed, format, &cfg).iter().filter(|f| f.rule == *rule) {
                let hit = regions.iter().any(|r| f.span.start() < r.end && r.start < f.span.end());
                assert!(
                    !hit,
                    "{rule} ({profile}) flags its own fix {k}: {:?} in\n{fixed}\n(from {text:?})",
                    f.span.slice(&fixed)
                );
            }
        }
    }
}

#[test]
fn no_rule_flags_its_own_fix_on_examples() {
    for p in Profile::ALL {
        for t in TEXTS {
            check_text(t, Format::Text, p);
        }
    }
}

#[test]
fn no_rule_flags_its_own_fix_on_real_leaflets() {
    for p in Profile::ALL {
        for t in CORPUS {
            check_text(t, Format::Markdown, p);
        }
    }
}

/// Random sentences from the tokens the fixes write and rewrite: the round trip holds there too.
#[test]
fn no_rule_flags_its_own_fix_on_token_soup() {
    const VOCAB: &[&str] = &[
        "(",
        ")",
        ",",
        ".",
        ";",
        "COPD",
        "GP",
        "bd",
        "tds",
        "od",
        "stat",
        "6/52",
        "q4h",
        "2",
        "tablets",
        "is",
        "are",
        "be",
        "been",
        "being",
        "was",
        "given",
        "seen",
        "checked",
        "by",
        "a",
        "the",
        "nurse",
        "Patients",
        "People",
        "with",
        "should",
        "needs",
        "to",
        "you",
        "You",
        "their",
        "nausea",
        "feeling",
        "sick",
        "means",
        "called",
        "in",
        "order",
        "prior",
        "make",
        "a decision",
        "about",
        "suffering",
        "from",
        "diabetic",
        "very",
        "Don't",
        "can’t",
        "x-ray",
        "e.g.",
        "&",
        "colour",
        "organize",
        "Covid",
        "antiemetic",
        "which",
        "A&E",
        "hypertension",
        "high",
        "blood",
        "pressure",
        "Take",
        "Call",
        "If",
        "when",
        "it",
        "tummy",
        "acute",
        "chronic",
        "disease",
        "apply",
        "cream",
        "mob",
        "telephone",
        "us",
        "simply",
        "really",
    ];
    let mut seed: u64 = 0x5eed_1ea7;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let n = 1 + (next() % 20) as usize;
        let mut text = String::new();
        for k in 0..n {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(VOCAB[(next() % VOCAB.len() as u64) as usize]);
        }
        text.push('.');
        for p in Profile::ALL {
            check_text(&text, Format::Text, p);
        }
    }
}

#[test]
fn fixes_apply_cleanly_everywhere() {
    // Every offered fix applies on its own and leaves the rest of the text as it was.
    let cfg = Config::default();
    for t in TEXTS {
        for f in check(t, &cfg).findings {
            for fix in &f.fixes {
                let fixed = apply_fixes(t, [fix]);
                assert_ne!(&fixed, t, "{} fix {fix:?} changes nothing", f.rule);
                let first = fix.edits.iter().map(|e| e.span.start()).min().unwrap_or(0);
                assert_eq!(&fixed[..first], &t[..first], "{}: text before the fix changed", f.rule);
            }
        }
    }
}
