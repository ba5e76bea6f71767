//! Sentence segmentation (SPEC §2.1): every example of the SPEC and the brief, leaflet sentences,
//! linear time on long texts, and range invariants on arbitrary Unicode.

use leaflint::text::segment::{sentences, sentences_into};
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn units(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|r| &text[r]).collect()
}

fn count(text: &str) -> usize {
    sentences(text).len()
}

// ----- SPEC §2.1 examples ---------------------------------------------------------------------

#[test]
fn short_imperatives_are_sentences() {
    assert_eq!(
        units("Call 999. Do not drive. Take 1 tablet. Rest."),
        ["Call 999.", "Do not drive.", "Take 1 tablet.", "Rest."]
    );
}

#[test]
fn decimals_and_times_are_not_boundaries() {
    assert_eq!(units("Take 0.5mg at 5.30pm."), ["Take 0.5mg at 5.30pm."]);
    assert_eq!(count("Your eGFR is 1.73 or above. Take .5 of a tablet."), 2);
    assert_eq!(count("She has $100.00 in her bag."), 1);
    assert_eq!(count("The dose is 2.5 ml. Give it twice a day."), 2);
}

#[test]
fn eg_before_lower_case_is_not_a_boundary() {
    assert_eq!(units("See your GP, e.g. if it gets worse. Rest."), ["See your GP, e.g. if it gets worse.", "Rest."]);
    assert_eq!(count("Use a painkiller, i.e. paracetamol. Rest."), 2);
    assert_eq!(count("Use a painkiller, eg. paracetamol or ibuprofen."), 1);
}

#[test]
fn confidence_interval_never_split() {
    assert_eq!(count("95% CI 0.65 to 0.81"), 1);
    assert_eq!(count("The risk fell (95% CI 0.65 to 0.81). This is small."), 2);
}

#[test]
fn abbreviations() {
    assert_eq!(count("Mr. Smith saw Dr. Jones at 10 a.m. He was fine."), 2);
    assert_eq!(units("Mr. Smith saw Dr. Jones at 10 a.m. He was fine.")[1], "He was fine.");
    for text in [
        "Ask Prof. Khan about it.",
        "Mrs. Patel and Ms. Jones are nurses.",
        "The clinic is on St. Mary's Road.",
        "Take approx. 5 ml each time.",
        "Paracetamol vs. ibuprofen: which is best?",
        "See fig. 3 for the dose.",
        "Ref. No. 12345 is on your letter.",
        "Costs incl. VAT are shown.",
        "Tel. 0300 123 4567 for advice.",
        "Take max. 8 tablets in 24 hours.",
        "Leave at least min. 4 hours between doses.",
        "Your appointment is on Jan. 5 at the clinic.",
        "Ask Pitt, Briggs & Co. Ltd. for details.",
        "Please turn to p. 55 of the booklet.",
        "Room No. 4 is on the left.",
        "Your next appointment is on Mon. 5 Jan. at 10.30am.",
        "The usual dose is 1 x 500mg tablet 3 times a day (approx. every 8 hrs.).",
        "The study (Smith et al. 2019) found no harm.",
    ] {
        assert_eq!(count(text), 1, "{text}");
    }
}

#[test]
fn abbreviation_before_a_sentence_starter_ends_the_sentence() {
    assert_eq!(count("They closed the deal with Pitt, Briggs & Co. It closed yesterday."), 2);
    assert_eq!(count("Speak to your Dr. They can help."), 2);
    assert_eq!(count("The answer is no. Take it with food."), 2);
    assert_eq!(count("Dr. A. Smith will see you."), 1);
}

#[test]
fn etc_before_a_capital_ends_the_sentence() {
    assert_eq!(
        units("Symptoms include: a high temperature, a cough, etc. Most people recover."),
        ["Symptoms include: a high temperature, a cough, etc.", "Most people recover."]
    );
    assert_eq!(count("Bring tablets, inhalers, etc. and your letter."), 1);
}

#[test]
fn initials_and_multi_period_abbreviations() {
    assert_eq!(count("My name is Jonas E. Smith."), 1);
    assert_eq!(count("Dr. J. R. Evans leads the clinic."), 1);
    assert_eq!(count("I visited the U.S.A. last year."), 1);
    assert_eq!(count("I work for the U.S. Government in Virginia."), 1);
    assert_eq!(count("I live in the U.S. How about you?"), 2);
    assert_eq!(count("Take it at 8 a.m. Take the second dose at 8 p.m."), 2);
    assert_eq!(count("Take it at 8 a.m. and 8 p.m. with food."), 1);
    assert_eq!(count("Take 2 tablets at 8 a.m. and 2 at 8 p.m. Swallow them whole."), 2);
    assert_eq!(count("Open 9 a.m. to 5 p.m. Monday to Friday."), 1);
    assert_eq!(count("We make a good team, you and I. Did you see Albert I. Jones?"), 2);
    // A single capital after a lower-case word is a word, not an initial.
    assert_eq!(count("Eat foods with vitamin C. Oranges are a good source."), 2);
    assert_eq!(count("You may need a vaccine against hepatitis B. Ask your GP."), 2);
}

#[test]
fn urls_emails_and_file_names() {
    assert_eq!(count("Call 111 or go to 111.nhs.uk."), 1);
    assert_eq!(count("Call 111 or go to 111.nhs.uk. Do not wait."), 2);
    assert_eq!(count("Go to www.nhs.uk. Then follow the advice."), 2);
    assert_eq!(count("Read https://www.nhs.uk/conditions/flu/. It explains more."), 2);
    assert_eq!(count("Email help@nhs.net. We reply within 2 days."), 2);
    assert_eq!(count("Her email is Jane.Doe@example.com. I sent her an email."), 2);
    assert_eq!(count("Download Leaflet.Pdf from our site."), 1);
    assert_eq!(count("Open the file leaflet.pdf and print it."), 1);
}

#[test]
fn brackets_and_quotes() {
    assert_eq!(count("He teaches science (He worked as an engineer.) at the University."), 1);
    assert_eq!(count("She said, 'This is great.' she smiled."), 1);
    assert_eq!(count("He said “Stop.” Then he left."), 2);
    assert_eq!(count("(Take it with food.) Then rest."), 2);
    assert_eq!(count("Ring 0300 123 4567 (Mon–Fri, 9am to 5pm)."), 1);
}

#[test]
fn ellipses() {
    assert_eq!(count("Don't wait... Call now."), 2);
    assert_eq!(count("I was… well, fine."), 1);
    assert_eq!(count("I was… Then it stopped."), 2);
    assert_eq!(count("I wasn’t really ... well, what I mean...see . . . what I'm saying."), 1);
    assert_eq!(count("\"Bohr [...] used the analogy [...]\" (Smith 55)."), 1);
}

#[test]
fn colons_semicolons_dashes_are_not_boundaries() {
    assert_eq!(count("Before you start: read this; it matters – really — it does."), 1);
}

#[test]
fn question_and_exclamation_marks() {
    assert_eq!(units("Is it serious? Call 999!"), ["Is it serious?", "Call 999!"]);
    assert_eq!(count("Hello!? Is that you?"), 2);
    assert_eq!(count("She works at Yahoo! in the accounting department."), 1);
}

#[test]
fn all_capital_words_are_acronyms_not_abbreviations() {
    assert_eq!(count("You have MS. Most people with MS live a normal life."), 2);
    assert_eq!(count("Breathe in CO. Get out of the room."), 2);
}

#[test]
fn leaflet_sentences_are_one_unit() {
    for text in [
        "Take 1 or 2 tablets every 4 to 6 hours.",
        "Ring 0300 123 4567 (Mon–Fri, 9am to 5pm).",
        "Your HbA1c should be below 48 mmol/mol.",
        "Do not take more than 8 tablets (4g) in 24 hours.",
        "Call 999 if you have chest pain, or go to A&E.",
        "Children aged 6 to 11 can take 5ml to 10ml.",
    ] {
        assert_eq!(units(text), [text], "{text}");
    }
}

#[test]
fn glued_sentences() {
    assert_eq!(
        units("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot."),
        ["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."]
    );
}

// ----- lists and stray numerals -----------------------------------------------------------------

#[test]
fn stray_list_numerals_never_make_tiny_units() {
    for text in [
        "1. Take one tablet.",
        "1. Take one tablet. 2. Drink water.",
        "Step 1. Wash your hands. Step 2. Dry them.",
        "• 9. The first item • 10. The second item",
        "a. The first item b. The second item",
        "1. ",
        ". . .",
        "Rest . . Then sleep.",
        "? ! .",
        "Rest. .",
    ] {
        let got = units(text);
        assert!(!got.is_empty(), "{text}");
        for u in &got {
            assert!(u.chars().count() >= 2 || got.len() == 1, "{text}: tiny unit {u:?} in {got:?}");
            assert!(u.chars().any(char::is_alphanumeric) || got.len() == 1, "{text}: {got:?}");
        }
    }
    assert_eq!(units("1. Take one tablet. 2. Drink water."), ["1. Take one tablet.", "2. Drink water."]);
    assert_eq!(units("1. Take one tablet"), ["1. Take one tablet"]);
}

#[test]
fn inline_lists() {
    assert_eq!(
        units("• a high temperature • a cough • a sore throat • a headache • tiredness"),
        ["• a high temperature", "• a cough", "• a sore throat", "• a headache", "• tiredness"]
    );
    assert_eq!(units("1) Rest 2) Drink fluids 3) Take paracetamol").len(), 3);
    assert_eq!(units("You should: 1. rest 2. drink fluids"), ["You should:", "1. rest", "2. drink fluids"]);
    // A list may start after a sentence.
    assert_eq!(
        units("WHAT IS IN THIS LEAFLET. 1. What paracetamol is 2. Before you take it 3. How to take it"),
        ["WHAT IS IN THIS LEAFLET.", "1. What paracetamol is", "2. Before you take it", "3. How to take it"]
    );
    assert_eq!(units("Mon.–Fri. 9am–5pm. Sat. 10am–1pm."), ["Mon.–Fri. 9am–5pm.", "Sat. 10am–1pm."]);
    // A lone marker with no sequence is not a list.
    assert_eq!(count("1. Rest and drink fluids 3. times a day"), 1);
}

#[test]
fn newlines() {
    // Blocks normally arrive with lines joined; a newline inside punctuated text is a space.
    assert_eq!(count("This is a sentence\ncut off in the middle because pdf."), 1);
    // Unpunctuated lines are a list.
    assert_eq!(
        units("features\ncontact manager\nevents, activities\n"),
        ["features", "contact manager", "events, activities"]
    );
    assert_eq!(units("Take care\r\nStay well"), ["Take care", "Stay well"]);
}

// ----- ranges ---------------------------------------------------------------------------------

#[test]
fn ranges_are_trimmed_and_empty_text_has_none() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\t\u{a0}\u{feff} ").is_empty());
    assert_eq!(units("  Rest.   Drink water.  "), ["Rest.", "Drink water."]);
    assert_eq!(units("\u{feff}Hello there"), ["Hello there"]);
    assert_eq!(units("no punctuation at all"), ["no punctuation at all"]);
}

#[test]
fn sentences_into_appends() {
    let mut buf = Vec::with_capacity(4);
    buf.push(100..101);
    sentences_into("Rest. Drink.", &mut buf);
    assert_eq!(buf, [100..101, 0..5, 6..12]);
}

// ----- speed ------------------------------------------------------------------------------------

fn assert_fast(label: &str, text: &str) {
    let start = Instant::now();
    let n = sentences(text).len();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(2), "{label}: {took:?} for {} bytes ({n} units)", text.len());
}

#[test]
fn long_texts_take_linear_time() {
    let words = "take the tablets with water ".repeat(2_000); // ~56 KB, one sentence
    assert_eq!(count(&words), 1);
    assert_fast("no punctuation", &words.repeat(8));
    assert_fast("commas", &"a, ".repeat(150_000));
    assert_fast("glued dots", &"a.b".repeat(150_000));
    assert_fast("glued dots caps", &"ab.Cd".repeat(100_000));
    assert_fast("spaced dots", &". ".repeat(200_000));
    assert_fast("dots", &".".repeat(400_000));
    assert_fast("ellipses", &"…".repeat(100_000));
    assert_fast("abbreviations", &"Dr. ".repeat(100_000));
    assert_fast("initials", &"A. ".repeat(100_000));
    assert_fast("list numbers", &"1. ".repeat(100_000));
    assert_fast("numbered list", &(1..30_000).map(|i| format!("{i}. item ")).collect::<String>());
    assert_fast("bullets", &"• x ".repeat(100_000));
    assert_fast("restarting lists", &"1. A. ".repeat(100_000));
    assert_fast("many lists", &"1. x 2. y. ".repeat(50_000));
    assert_fast("colon", &format!("Note: 1. {}", "x ".repeat(200_000)));
    assert_fast("long token", &format!("{}. Next", "x".repeat(400_000)));
    assert_fast("url-ish", &"a@b.Cd".repeat(60_000));
    assert_fast("spaces", &format!("a.{}B", " ".repeat(400_000)));
    assert_fast("questions", &"? 1".repeat(100_000));
}

// ----- invariants -------------------------------------------------------------------------------

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn check_ranges(text: &str) -> Result<(), TestCaseError> {
    let rs = sentences(text);
    let mut prev_end = 0;
    for r in &rs {
        prop_assert!(r.start < r.end, "empty range {r:?}");
        prop_assert!(r.start >= prev_end, "overlap or disorder at {r:?}");
        prop_assert!(r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let u = &text[r.clone()];
        prop_assert!(!u.starts_with(is_space) && !u.ends_with(is_space), "untrimmed {u:?}");
        // Only whitespace between units.
        prop_assert!(text[prev_end..r.start].chars().all(is_space), "lost text before {r:?}");
        prev_end = r.end;
    }
    prop_assert!(text[prev_end..].chars().all(is_space), "lost text at the end");
    prop_assert_eq!(rs.is_empty(), text.chars().all(is_space));
    Ok(())
}

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'b', 'E', 'I', 'T', 'S', 'e', 'g', 'i', 'm', 'p', '1', '9', '0', ' ', ' ', ' ', '.', '.', '.',
            '?', '!', '…', ',', ':', ';', '-', '–', '"', '\'', '’', '“', '”', '(', ')', '[', ']', '•', '⁃',
            '@', '/', '\n', '\r', '\t', '\u{a0}', '\u{feff}', '\u{301}', '\u{200d}', 'é', '日', '😀', '🏽',
            '🇬', '🇧', '°', '£', '½', 'ʼ',
        ]),
        1 => any::<char>(),
    ]
}

proptest! {
    // Failures are turned into named unit tests rather than saved regression files.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn ranges_are_sound_for_arbitrary_unicode(text in any::<String>()) {
        check_ranges(&text)?;
    }

    #[test]
    fn ranges_are_sound_for_tricky_text(chars in prop::collection::vec(tricky_char(), 0..120)) {
        let text: String = chars.into_iter().collect();
        check_ranges(&text)?;
    }

    #[test]
    fn ranges_are_sound_for_word_salad(words in prop::collection::vec(prop::sample::select(vec![
        "Dr.", "Mr.", "e.g.", "U.S.", "a.m.", "etc.", "I.", "A.", "1.", "2.", "3)", "a.", "b.", "•",
        "no.", "5", "2.5", "Take", "the", "tablet.", "Call", "999.", "www.nhs.uk.", "...", ". . .",
        "“Stop.”", "(see", "p.", "55).", "Rest!", "Why?", ":", "x@y.com.", "\n",
    ]), 0..40)) {
        let text = words.join(" ");
        check_ranges(&text)?;
    }
}
