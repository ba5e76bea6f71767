//! Word tokenisation (SPEC §2.2): every example of the SPEC and the brief, leaflet sentences,
//! linear time on long texts, and range invariants on arbitrary Unicode.

use leaflint::text::tokens::{acronym_shape, tokenize, tokenize_into, RawToken, TokenClass};
use proptest::prelude::*;
use std::collections::HashSet;
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;
use TokenClass::{Acronym, Number, Punct, Symbol, Url, Word};

fn toks(text: &str) -> Vec<(&str, TokenClass)> {
    tokenize(text).into_iter().map(|t| (&text[t.range], t.class)).collect()
}

fn texts(text: &str) -> Vec<&str> {
    toks(text).into_iter().map(|(s, _)| s).collect()
}

fn words(text: &str) -> Vec<&str> {
    toks(text).into_iter().filter(|(_, c)| c.is_word()).map(|(s, _)| s).collect()
}

fn class_of(text: &str, token: &str) -> TokenClass {
    toks(text)
        .into_iter()
        .find(|(s, _)| *s == token)
        .map(|(_, c)| c)
        .unwrap_or_else(|| panic!("no token {token:?} in {:?}", texts(text)))
}

fn phones(text: &str) -> Vec<&str> {
    tokenize(text).into_iter().filter(|t| t.phone).map(|t| &text[t.range]).collect()
}

// ----- apostrophes ------------------------------------------------------------------------------

#[test]
fn apostrophes_inside_words_keep_them_whole() {
    assert_eq!(words("don't you’re GP's o'clock weʼll"), ["don't", "you’re", "GP's", "o'clock", "weʼll"]);
}

#[test]
fn trailing_possessive_apostrophe_is_not_part_of_the_word() {
    assert_eq!(toks("patients’ notes"), [("patients", Word), ("’", Punct), ("notes", Word)]);
    assert_eq!(texts("nurses' station"), ["nurses", "'", "station"]);
    assert_eq!(texts("patientsʼ notes"), ["patients", "ʼ", "notes"]);
    assert_eq!(texts("'Take care'"), ["'", "Take", "care", "'"]);
}

// ----- hyphens and ranges -----------------------------------------------------------------------

#[test]
fn hyphenated_words_are_one_word() {
    for w in [
        "co-codamol",
        "follow-up",
        "non-insulin-dependent",
        "6-in-1",
        "24-hour",
        "X-ray",
        "re\u{2010}enter",
        "e\u{2011}mail",
    ] {
        assert_eq!(toks(w), [(w, Word)], "{w}");
    }
    assert_eq!(toks("COVID-19"), [("COVID-19", Acronym)]);
}

#[test]
fn dash_between_numbers_is_a_range() {
    assert_eq!(toks("4-6"), [("4", Number), ("-", Punct), ("6", Number)]);
    assert_eq!(toks("4–6"), [("4", Number), ("–", Punct), ("6", Number)]);
    assert_eq!(words("9am-5pm"), ["9am", "5pm"]);
    assert_eq!(words("£4-£6"), ["£4", "£6"]);
    assert_eq!(words("Mon–Fri"), ["Mon", "Fri"]);
    assert_eq!(words("well - done"), ["well", "done"]);
}

// ----- numbers ----------------------------------------------------------------------------------

#[test]
fn numbers_are_one_token() {
    for n in [
        "1,000",
        "10,000,000",
        "2.5",
        ".5",
        "0.65",
        "1,000.50",
        "250mg",
        "38C",
        "5ml",
        "2pm",
        "20%",
        "£4.50",
        "$5",
        "€10",
        "$100.00",
        "1st",
        "21st",
        "1/2",
        "½",
        "1½",
        "8am",
        "5.30pm",
        "38°C",
        "0.5mg",
        "24/7",
        "12/05/2024",
        "10:30",
        "9:00am",
        "1990s",
    ] {
        assert_eq!(toks(n), [(n, Number)], "{n}");
    }
}

#[test]
fn number_edge_cases() {
    assert_eq!(toks("250 mg"), [("250", Number), ("mg", Word)]);
    assert_eq!(words("1,00"), ["1", "00"]); // not a thousands group
    assert_eq!(words("1,2,3"), ["1", "2", "3"]);
    assert_eq!(texts("Take 2."), ["Take", "2", "."]);
    assert_eq!(texts("(95% CI 0.65 to 0.81)"), ["(", "95%", "CI", "0.65", "to", "0.81", ")"]);
    assert_eq!(toks("£"), [("£", Symbol)]);
    assert_eq!(toks("1.5.6"), [("1.5", Number), (".", Punct), ("6", Number)]);
}

// ----- phone numbers ----------------------------------------------------------------------------

#[test]
fn uk_phone_numbers_are_one_token() {
    for p in [
        "0300 123 4567",
        "020 7946 0000",
        "+44 20 7946 0000",
        "+44 (0)20 7946 0000",
        "(020) 7946 0000",
        "01632 960000",
        "03001234567",
        "0800 123 456",
    ] {
        let text = format!("Ring {p} today.");
        assert_eq!(phones(&text), [p], "{text}");
        let t = tokenize(&text).into_iter().find(|t| t.phone).expect("phone");
        assert_eq!(t.class, Number);
    }
}

#[test]
fn north_american_phone_numbers_are_one_token() {
    assert_eq!(
        phones("Call 1-800-232-4636 or (800) 222-1222 or 800.222.1222."),
        ["1-800-232-4636", "(800) 222-1222", "800.222.1222"]
    );
}

#[test]
fn service_numbers_in_context() {
    assert_eq!(phones("Call 999 now."), ["999"]);
    assert_eq!(phones("In an emergency, dial 112."), ["112"]);
    assert_eq!(phones("Phone 911 if you are in the US."), ["911"]);
    assert_eq!(phones("Ring NHS 111."), ["111"]);
    assert_eq!(phones("Text 111 for help."), ["111"]);
    assert_eq!(phones("Use 111 online."), ["111"]);
    assert_eq!(phones("Call 116 123 any time."), ["116 123"]);
    assert_eq!(phones("Call 111 or 999."), ["111", "999"]);
    // Not in context: plain numbers.
    assert!(phones("There are 999 beds and 111 nurses.").is_empty());
    assert!(phones("Take 112 steps.").is_empty());
    assert_eq!(texts("Call 116 now."), ["Call", "116", "now", "."]);
}

#[test]
fn numbers_that_are_not_phones() {
    assert!(phones("Take 2 tablets 4 times a day for 10 days.").is_empty());
    assert!(phones("In 2023 1,000 people and 0.5 mg.").is_empty());
    assert!(phones("Scores of 0 10 20 30 40 50").is_empty());
    assert!(phones("0800 1111").is_empty()); // 8 digits
    assert!(phones("Years 2019-2020").is_empty());
}

// ----- URLs and e-mail --------------------------------------------------------------------------

#[test]
fn urls_emails_and_file_names_are_not_words() {
    let text = "See https://www.nhs.uk/conditions/flu/ or www.nhs.uk or nhs.uk/conditions or 111.nhs.uk, email help@nhs.net or read leaflet.pdf.";
    let urls: Vec<&str> = toks(text).into_iter().filter(|(_, c)| *c == Url).map(|(s, _)| s).collect();
    assert_eq!(
        urls,
        [
            "https://www.nhs.uk/conditions/flu/",
            "www.nhs.uk",
            "nhs.uk/conditions",
            "111.nhs.uk",
            "help@nhs.net",
            "leaflet.pdf"
        ]
    );
    assert_eq!(words(text), ["See", "or", "or", "or", "email", "or", "read"]);
    assert_eq!(texts("(www.nhs.uk)."), ["(", "www.nhs.uk", ")", "."]);
    assert_eq!(texts("Jane.Doe@example.com."), ["Jane.Doe@example.com", "."]);
    assert_eq!(texts("https://example.org/a_(b)"), ["https://example.org/a_(b)"]);
}

#[test]
fn and_or_is_two_words() {
    assert_eq!(toks("and/or"), [("and", Word), ("/", Punct), ("or", Word)]);
    assert_eq!(words("48 mmol/mol"), ["48", "mmol", "mol"]);
}

// ----- acronyms ---------------------------------------------------------------------------------

#[test]
fn acronym_shape_per_spec() {
    for a in ["NHS", "GP", "GPs", "A&E", "HbA1c", "eGFR", "COVID", "U.S.", "AT&T"] {
        assert!(acronym_shape(a), "{a}");
    }
    for w in ["Mr", "Dr", "mg", "mL", "Hello", "ABCDEFG", "I", "a"] {
        assert!(!acronym_shape(w), "{w}");
    }
}

#[test]
fn acronyms() {
    let text = "Ask your GP or go to A&E. The NHS checks HbA1c and eGFR. GP's advice: COVID-19 jabs.";
    for a in ["GP", "A&E", "NHS", "HbA1c", "eGFR", "GP's", "COVID-19"] {
        assert_eq!(class_of(text, a), Acronym, "{a}");
    }
    assert_eq!(class_of("Ask your GP.", "Ask"), Word);
}

#[test]
fn shouting_is_not_an_acronym() {
    assert_eq!(toks("DO NOT TAKE"), [("DO", Word), ("NOT", Word), ("TAKE", Word)]);
    assert_eq!(class_of("Do NOT drive.", "NOT"), Word);
    assert_eq!(class_of("DO NOT USE IF SEAL BROKEN", "SEAL"), Word);
    assert_eq!(class_of("DO NOT USE IF SEAL BROKEN", "BROKEN"), Word);
    // Acronyms next to each other, or next to one shouted word, stay acronyms.
    assert_eq!(toks("NHS GP"), [("NHS", Acronym), ("GP", Acronym)]);
    assert_eq!(toks("CALL NHS 111"), [("CALL", Word), ("NHS", Acronym), ("111", Number)]);
    assert_eq!(class_of("You have MS.", "MS"), Acronym);
}

#[test]
fn roman_numerals_after_type_are_words() {
    assert_eq!(class_of("Type II diabetes", "II"), Word);
    assert_eq!(class_of("stage IV cancer", "IV"), Word);
    assert_eq!(class_of("grade III", "III"), Word);
    assert_eq!(class_of("an IV drip", "IV"), Acronym);
}

#[test]
fn units_are_not_acronyms() {
    assert_eq!(class_of("1,000 IU daily", "IU"), Word);
}

#[test]
fn dotted_abbreviations() {
    assert_eq!(toks("e.g. i.e. a.m. p.m."), [("e.g.", Word), ("i.e.", Word), ("a.m.", Word), ("p.m.", Word)]);
    assert_eq!(toks("U.S.A."), [("U.S.A.", Acronym)]);
    assert_eq!(texts("etc."), ["etc", "."]);
}

// ----- symbols, emoji, scripts ------------------------------------------------------------------

#[test]
fn symbols_and_emoji() {
    assert_eq!(toks("😀 👍🏽 🇬🇧 👩‍⚕️"), [("😀", Symbol), ("👍🏽", Symbol), ("🇬🇧", Symbol), ("👩‍⚕️", Symbol)]);
    assert_eq!(toks("+ = °"), [("+", Symbol), ("=", Symbol), ("°", Symbol)]);
    assert_eq!(toks("• – … “ ”"), [("•", Punct), ("–", Punct), ("…", Punct), ("“", Punct), ("”", Punct)]);
}

#[test]
fn other_scripts() {
    assert_eq!(words("café naïve Ærø"), ["café", "naïve", "Ærø"]);
    // Letter + combining acute accent stays one word.
    assert_eq!(words("cafe\u{301} au lait"), ["cafe\u{301}", "au", "lait"]);
    // Each ideograph is a word (UAX #29).
    assert_eq!(words("日本語"), ["日", "本", "語"]);
    assert_eq!(words("Здравствуйте мир"), ["Здравствуйте", "мир"]);
}

#[test]
fn tokens_never_split_grapheme_clusters() {
    assert_eq!(texts("5\u{301} cm"), ["5\u{301}", "cm"]);
    assert_eq!(texts("1\u{fe0f}\u{20e3} done"), ["1\u{fe0f}\u{20e3}", "done"]);
    assert_eq!(texts("nhs.uk\u{301}"), ["nhs.uk\u{301}"]);
    assert_eq!(toks("a \u{301}b"), [("a", Word), (" \u{301}", Symbol), ("b", Word)]);
}

#[test]
fn whitespace_and_bom_make_no_tokens() {
    assert!(tokenize(" \t\r\n\u{a0}\u{feff}\u{2009}").is_empty());
    assert_eq!(texts("\u{feff}Hello\r\nthere"), ["Hello", "there"]);
}

#[test]
fn is_word() {
    assert!(Word.is_word() && Number.is_word() && Acronym.is_word());
    assert!(!Url.is_word() && !Punct.is_word() && !Symbol.is_word());
    assert_eq!(serde_json::to_string(&Acronym).expect("serialise"), "\"acronym\"");
}

#[test]
fn base_offsets_and_appending() {
    let mut out = vec![RawToken { range: 0..1, class: Word, phone: false }];
    tokenize_into("Rest now", 100, &mut out);
    assert_eq!(out[1..].iter().map(|t| t.range.clone()).collect::<Vec<_>>(), [100..104, 105..108]);
}

// ----- leaflet sentences ------------------------------------------------------------------------

#[test]
fn leaflet_sentences() {
    assert_eq!(
        words("Take 1 or 2 tablets every 4 to 6 hours."),
        ["Take", "1", "or", "2", "tablets", "every", "4", "to", "6", "hours"]
    );
    assert_eq!(
        toks("Call 111 or go to 111.nhs.uk."),
        [("Call", Word), ("111", Number), ("or", Word), ("go", Word), ("to", Word), ("111.nhs.uk", Url), (".", Punct)]
    );
    assert_eq!(phones("Call 111 or go to 111.nhs.uk."), ["111"]);
    assert_eq!(
        texts("Ring 0300 123 4567 (Mon–Fri, 9am to 5pm)."),
        ["Ring", "0300 123 4567", "(", "Mon", "–", "Fri", ",", "9am", "to", "5pm", ")", "."]
    );
    assert_eq!(
        toks("Your HbA1c should be below 48 mmol/mol."),
        [
            ("Your", Word),
            ("HbA1c", Acronym),
            ("should", Word),
            ("be", Word),
            ("below", Word),
            ("48", Number),
            ("mmol", Word),
            ("/", Punct),
            ("mol", Word),
            (".", Punct),
        ]
    );
    assert_eq!(
        words("Mr. Smith saw Dr. Jones at 10 a.m. He was fine."),
        ["Mr", "Smith", "saw", "Dr", "Jones", "at", "10", "a.m.", "He", "was", "fine"]
    );
    assert_eq!(
        words("Symptoms include: a high temperature, a cough, etc. Most people recover."),
        ["Symptoms", "include", "a", "high", "temperature", "a", "cough", "etc", "Most", "people", "recover"]
    );
    assert_eq!(
        words("Don't take more than 8 tablets (4g) in 24 hours – that's 2 doses."),
        ["Don't", "take", "more", "than", "8", "tablets", "4g", "in", "24", "hours", "that's", "2", "doses"]
    );
    assert_eq!(
        words("Children aged 6 to 11: give 5ml–10ml."),
        ["Children", "aged", "6", "to", "11", "give", "5ml", "10ml"]
    );
}

// ----- speed ------------------------------------------------------------------------------------

fn assert_fast(label: &str, text: &str) {
    let start = Instant::now();
    let n = tokenize(text).len();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(3), "{label}: {took:?} for {} bytes ({n} tokens)", text.len());
}

#[test]
fn long_texts_take_linear_time() {
    assert_fast("words", &"take the tablets with water ".repeat(10_000));
    assert_fast("one long word", &"a".repeat(300_000));
    assert_fast("dotted", &"a.b.".repeat(75_000));
    assert_fast("dotted letters", &"ab.".repeat(100_000));
    assert_fast("hyphens", &"a-".repeat(150_000));
    assert_fast("numbers", &"1,000".repeat(60_000));
    assert_fast("decimals", &"1.2.".repeat(75_000));
    assert_fast("at signs", &"a@".repeat(150_000));
    assert_fast("url", &format!("https://{}", "a/".repeat(150_000)));
    assert_fast("zeros", &"0 ".repeat(150_000));
    assert_fast("phones", &"0300 123 4567 ".repeat(20_000));
    assert_fast("parens", &"(".repeat(300_000));
    assert_fast("plus", &"+4 ".repeat(100_000));
    assert_fast("apostrophes", &"a'".repeat(150_000));
    assert_fast("caps", &"NHS GP DO ".repeat(30_000));
    assert_fast("combining", &format!("e{}", "\u{301}".repeat(100_000)));
    assert_fast("emoji", &"👩‍⚕️".repeat(30_000));
    assert_fast("ideographs", &"日本".repeat(50_000));
    assert_fast("ampersands", &"A&".repeat(150_000));
    assert_fast("dates", &"1/".repeat(150_000));
}

// ----- invariants -------------------------------------------------------------------------------

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn check_tokens(text: &str) -> Result<(), TestCaseError> {
    let base = 7;
    let mut out = Vec::new();
    tokenize_into(text, base, &mut out);
    let clusters: HashSet<usize> = text.grapheme_indices(true).map(|(k, _)| k).chain([text.len()]).collect();
    let mut prev_end = 0;
    for t in &out {
        let (s, e) = (t.range.start - base, t.range.end - base);
        prop_assert!(s < e, "empty token {:?}", t);
        prop_assert!(s >= prev_end, "overlap or disorder at {:?}", t);
        prop_assert!(e <= text.len());
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "not on char boundaries: {:?}", t);
        // Only whitespace is left out.
        prop_assert!(text[prev_end..s].chars().all(is_space), "lost text before {:?}", t);
        prop_assert!(clusters.contains(&s) && clusters.contains(&e), "token splits a grapheme cluster: {:?}", t);
        prop_assert!(!t.phone || t.class == Number);
        prev_end = e;
    }
    prop_assert!(text[prev_end..].chars().all(is_space), "lost text at the end");
    Ok(())
}

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'b', 'E', 'I', 'T', 'S', 'N', 'H', 'e', 'g', 'm', 'p', '1', '9', '0', '0', ' ', ' ', ' ', '.',
            '?', '!', '…', ',', ':', ';', '-', '–', '\u{2010}', '\u{2011}', '"', '\'', '’', 'ʼ', '“', '(', ')',
            '&', '@', '/', '%', '+', '$', '£', '°', '½', '\n', '\r', '\t', '\u{a0}', '\u{feff}', '\u{301}',
            '\u{200d}', '\u{ad}', 'é', '日', 'あ', '😀', '🏽', '🇬', '🇧', '_',
        ]),
        1 => any::<char>(),
    ]
}

proptest! {
    // Failures are turned into named unit tests rather than saved regression files.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_sound_for_arbitrary_unicode(text in any::<String>()) {
        check_tokens(&text)?;
    }

    #[test]
    fn tokens_are_sound_for_tricky_text(chars in prop::collection::vec(tricky_char(), 0..120)) {
        let text: String = chars.into_iter().collect();
        check_tokens(&text)?;
    }

    #[test]
    fn tokens_are_sound_for_word_salad(words in prop::collection::vec(prop::sample::select(vec![
        "Call", "999", "111", "116", "123", "0300", "4567", "+44", "(0)20", "7946", "0000", "online", "NHS",
        "nhs.uk", "www.", "https://", "a@b.com", "co-codamol", "4-6", "–", "£4.50", "1,000", "2.5", ".5",
        "e.g.", "DO", "NOT", "Type", "II", "A&E", "GP's", "patients’", "and/or", "😀", "1/2", "(800)", "222-1222",
    ]), 0..30)) {
        let text = words.join(" ");
        check_tokens(&text)?;
    }
}
