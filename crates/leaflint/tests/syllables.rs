//! Syllable counting (SPEC §2.3): required results, sources, numbers, spelling map, fallback
//! accuracy on a seeded CMUdict sample, and a rough speed check.

use leaflint::data::{cmudict, spelling};
use leaflint::text::syllables::{self, count, count_phone, fallback, number_syllables, NumberStyle, SyllableSource};

const B: NumberStyle = NumberStyle::British;
const US: NumberStyle = NumberStyle::American;

/// The repository copy of CMUdict (the fallback is scored against it).
const CMU_TSV: &str = include_str!("../data/cmudict-syllables.tsv");

#[track_caller]
fn assert_count(word: &str, style: NumberStyle, expected: u32) {
    let (n, source) = count(word, style);
    assert_eq!(n, expected, "{word:?} ({style:?}) counted {n} via {source:?}");
}

#[test]
fn spec_fixed_uk_list() {
    for (word, n) in [
        ("haemoglobin", 4),
        ("anaemia", 4),
        ("paracetamol", 5),
        ("co-codamol", 4),
        ("diarrhoea", 4),
        ("oesophagus", 4),
        ("ibuprofen", 4),
        ("NHS", 3),
        ("GP", 2),
        ("A&E", 3),
        ("250mg", 9),
        ("38C", 5),
        ("24", 3),
    ] {
        assert_count(word, B, n);
    }
}

#[test]
fn brief_required_list() {
    for (word, style, n) in [
        ("25", B, 3),
        ("250", B, 6),
        ("250", US, 5),
        ("2.5", B, 3),
        (".5", B, 2),
        ("2024", B, 5),
        ("1st", B, 1),
        ("21st", B, 3),
        ("1/2", B, 2),
        ("½", B, 2),
        ("999", B, 3),
        ("20%", B, 4),
        ("£4.50", B, 4),
        ("every", B, 3),
        ("hour", B, 2),
        ("HbA1c", B, 5),
        ("eGFR", B, 4),
        ("NICE", B, 1),
        ("COVID", B, 2),
        ("e.g.", B, 4),
        ("Dr", B, 2),
        ("bd", B, 3),
        ("don't", B, 1),
        ("GP's", B, 2),
        ("patients'", B, 2),
    ] {
        assert_count(word, style, n);
    }
}

#[test]
fn sources_are_the_spec_steps() {
    use SyllableSource::*;
    for (word, source) in [
        ("24", Number),
        ("250mg", Number),
        ("e.g.", Abbreviation),
        ("bd", Abbreviation),
        ("NHS", Initialism),
        ("HbA1c", Initialism),
        ("every", Dictionary),
        ("ibuprofen", Dictionary),
        ("NICE", Dictionary),
        ("haemoglobin", SpellingMap),
        ("anaemia", SpellingMap),
        // CMUdict happens to list the British "diarrhoea" itself, so step 4 finds it.
        ("diarrhoea", Dictionary),
        ("oesophagus", SpellingMap),
        ("co-codamol", Compound),
        ("COVID-19", Compound),
        // CMUdict does not list paracetamol, so its count comes from the rules.
        ("paracetamol", Rules),
        ("codamol", Rules),
    ] {
        assert_eq!(count(word, B).1, source, "{word}");
    }
}

#[test]
fn source_serialises_kebab_case() {
    let json = serde_json::to_string(&[SyllableSource::SpellingMap, SyllableSource::Rules]).expect("serialise");
    assert_eq!(json, r#"["spelling-map","rules"]"#);
    let back: SyllableSource = serde_json::from_str(r#""initialism""#).expect("deserialise");
    assert_eq!(back, SyllableSource::Initialism);
}

#[test]
fn numbers_as_spoken() {
    for (token, style, n) in [
        ("0", B, 2),
        ("7", B, 2),
        ("11", B, 3),
        ("70", B, 3),
        ("100", B, 3),       // one hundred
        ("101", B, 5),       // one hundred and one
        ("101", US, 4),      // one hundred one
        ("1,000", B, 3),     // one thousand
        ("1,005", B, 5),     // one thousand and five
        ("1,500", B, 6),     // one thousand five hundred
        ("2,000,000", B, 3), // two million
        ("1,2345", B, 0),    // not a number form: see below
        ("0.5", B, 3),       // nought point five
        ("0.5", US, 4),      // zero point five
        ("1.25", B, 4),      // one point two five
        ("1900", B, 4),      // nineteen hundred
        ("1905", B, 4),      // nineteen oh five
        ("2005", B, 5),      // two thousand and five
        ("2005", US, 4),     // two thousand five
        ("2010", B, 3),      // twenty ten
        ("1990s", B, 4),     // nineteen nineties
        ("2nd", B, 2),       // second
        ("3rd", B, 1),       // third
        ("12th", B, 1),      // twelfth
        ("20th", B, 3),      // twentieth
        ("100th", B, 3),     // one hundredth
        ("3/4", B, 3),       // three quarters
        ("1/3", B, 2),       // one third
        ("¾", B, 3),         // three quarters
        ("1½", B, 4),        // one and a half
        ("5ml", B, 5),       // five millilitres
        ("2pm", B, 3),       // two p m
        ("5.30pm", B, 5),    // five thirty p m
        ("10:30", B, 3),     // ten thirty
        ("10mg/kg", B, 8),   // ten milligrams per kilogram
        ("£4", B, 2),        // four pounds
        ("£0.50", B, 3),     // fifty pence
        ("$4.50", B, 5),     // four dollars fifty
        ("£1.5m", B, 6),     // one point five million pounds
        ("50p", B, 3),       // fifty p
        ("111", B, 3),       // NHS 111, digit by digit
        ("0300", B, 4),      // oh three oh oh
        ("116 123", B, 6),   // digit by digit
        ("+44", B, 3),       // plus four four
    ] {
        if n == 0 {
            assert_eq!(number_syllables(token, style), None, "{token}");
        } else {
            assert_eq!(number_syllables(token, style), Some(n), "{token} ({style:?})");
        }
    }
    assert_eq!(number_syllables("mg", B), None);
    assert_eq!(number_syllables("abc", B), None);
    assert_eq!(number_syllables("", B), None);
    assert_eq!(number_syllables("12xyz", B), None);
}

#[test]
fn phone_numbers_digit_by_digit() {
    assert_eq!(count_phone("999"), 3);
    assert_eq!(count_phone("0300 123 4567"), 12);
    assert_eq!(count_phone("116 123"), 6);
    assert_eq!(count_phone("+44 20 7946 0000"), 14);
    assert_eq!(count_phone("NHS"), 3);
    assert_eq!(count("0300 123 4567", B), (12, SyllableSource::Number));
}

#[test]
fn abbreviations_and_ordinary_words() {
    for (word, n) in [
        ("i.e.", 2),
        ("E.g.", 4),
        ("etc", 4),
        ("approx", 5),
        ("Approx.", 5),
        ("mg", 3),
        ("ml", 4),
        ("tds", 4),
        ("qds", 4),
        ("od", 3),
        ("prn", 3),
        ("nocte", 2),
        ("Mr", 2),
        ("Mrs", 2), // "missus", as CMUdict
        ("St", 1),  // "saint" or "street"
        // Ordinary words are not expanded.
        ("am", 1),
        ("no", 1),
        ("us", 1),
        ("bid", 1),
        ("stat", 1),
    ] {
        assert_count(word, B, n);
    }
}

#[track_caller]
fn assert_sorted_short(forms: &[&str]) {
    let mut sorted = forms.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(forms, &sorted[..], "table must be sorted by bytes and unique");
    assert!(forms.iter().all(|f| f.len() <= 8 && !f.is_empty()));
}

#[test]
fn tables_are_sorted_for_binary_search() {
    let abbreviations: Vec<&str> = syllables::ABBREVIATIONS.iter().map(|e| e.0).collect();
    assert_sorted_short(&abbreviations);
    let spoken: Vec<&str> = syllables::SPOKEN_ACRONYMS.iter().map(|e| e.0).collect();
    assert_sorted_short(&spoken);
    assert_sorted_short(syllables::SHOUTED_WORDS);
}

#[test]
fn initialisms() {
    for (word, n) in [
        ("WHO", 5), // double-u aitch oh
        ("GPs", 2),
        ("NHS's", 4),
        ("U.K.", 2),
        ("H1N1", 4),
        ("MRI", 3),
        ("PrEP", 1),
        ("CABG", 2),
        ("NSAIDs", 2),
        ("AIDS", 1),
        ("COVID-19", 4),
        // Unit ratios: "millimoles per litre".
        ("mmol/L", 6),
        ("mg/kg", 7),
        // Capitals for emphasis are still words.
        ("NOT", 1),
        ("DO", 1),
        ("URGENT", 2),
        ("CALL", 1),
    ] {
        assert_count(word, B, n);
    }
}

#[test]
fn spelling_map_and_respelling() {
    for (word, n) in [
        ("colour", 2),
        ("colours", 2),
        ("Haemoglobin", 4),
        ("paediatric", 4),
        ("oedema", 3),
        ("centre", 2),
        ("organise", 3),
        ("catalogue", 3),
        ("travelled", 2),
        ("œdema", 3),
        ("don’t", 1),
    ] {
        assert_count(word, B, n);
    }
    assert_eq!(spelling::uk_to_us("haemoglobin"), Some("hemoglobin"));
    assert_eq!(spelling::us_to_uk("hemoglobin"), Some("haemoglobin"));
    assert_eq!(spelling::us_to_uk("concertize"), Some("concertise"));
    assert_eq!(spelling::us_to_uk_all("concertize"), ["concertise", "concretise"]);
    assert_eq!(spelling::us_to_uk("color"), Some("colour"));
    assert_eq!(spelling::us_to_uk("colo"), None);
    assert_eq!(spelling::uk_to_us("colou"), None);
    assert_eq!(spelling::uk_to_us("hemoglobin"), None);
    let rows = spelling::rows();
    assert_eq!(rows.len(), 3539);
    let compiled = rows.iter().filter(|r| r.source == spelling::SpellingSource::Compiled).count();
    assert_eq!(compiled, 23);
    assert!(rows.windows(2).all(|w| w[0].uk < w[1].uk));
    // Every row is reachable through the index, both ways.
    for r in rows {
        assert_eq!(spelling::row(r.uk), Some(*r));
        assert!(spelling::us_to_uk_all(r.us).contains(&r.uk), "{}", r.us);
    }
    let anaemia = spelling::row("anaemia").expect("anaemia row");
    assert_eq!((anaemia.us, anaemia.scowl_level_uk, anaemia.scowl_level_us), ("anemia", Some(35), Some(35)));
    assert_eq!(spelling::row("haem").map(|r| r.scowl_level_uk), Some(None));
}

#[test]
fn compounds_and_affixes() {
    use SyllableSource::*;
    for (word, n, source) in [
        ("follow-up", 3, Dictionary),
        ("self-care", 2, Compound),
        ("pre-diabetes", 5, Compound),
        ("6-in-1", 3, Compound),
        ("non-insulin-dependent", 7, Compound),
        ("paracetamol's", 5, Compound),
        ("nurse's", 2, Dictionary),
        ("No.", 1, Dictionary),
        // CMUdict gives "hmm" no vowel phone; a word still counts one.
        ("hmm", 1, Dictionary),
        ("cocodamols", 4, Rules),
        ("reinfections", 4, Compound),
        ("ibuprofens", 4, Compound),
    ] {
        assert_eq!(count(word, B), (n, source), "{word}");
    }
}

#[test]
fn odd_tokens_do_not_panic() {
    for t in [
        "",
        " ",
        "'",
        "’",
        "-",
        "--",
        ".",
        "..",
        "£",
        "£.",
        "1/0",
        "½½",
        "0:",
        "12:",
        "99999999999999999999999",
        "1,000,000,000,000,000,000,000",
        "ÆØÅ",
        "日本",
        "a-",
        "-a",
        "'s",
        "x'",
        "𝔘𝔫𝔦",
        "é",
        "A&",
        "&&",
        "1st2nd",
        "2.",
        "3..4",
        "+",
        "+a",
        "££5",
        "5%%",
        "1/2/3",
    ] {
        let _ = count(t, B);
        let _ = count(t, US);
        let _ = fallback(t);
        let _ = number_syllables(t, B);
        let _ = count_phone(t);
    }
    let long = "a".repeat(200) + "bcdefg";
    assert!(count(&long, B).0 >= 1);
    assert_eq!(count("", B).0, 0);
}

#[test]
fn every_dictionary_spelling_counts() {
    // Every CMUdict key, as written and in capitals, goes through all steps without panicking.
    for line in CMU_TSV.lines().skip(1) {
        let Some((word, _)) = line.split_once('\t') else {
            continue;
        };
        assert!(count(word, B).0 >= 1, "{word}");
        let upper = word.to_uppercase();
        assert!(count(&upper, US).0 >= 1, "{upper}");
    }
}

#[test]
fn dictionary_lookup() {
    assert_eq!(cmudict::lookup("every"), Some(3));
    assert_eq!(cmudict::lookup("hour"), Some(2));
    assert_eq!(cmudict::lookup("haemoglobin"), None);
    // Rare words the rules count right are left out (tests/codegen.rs); every other entry is kept.
    assert!(cmudict::len() > 60_000);
}

// --- Fallback accuracy ------------------------------------------------------------------------

/// SplitMix64: a tiny seeded generator, so the sample is the same on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Alphabetic CMUdict words of ≥ 3 letters with their first syllable count.
fn alphabetic_words() -> Vec<(&'static str, u32)> {
    CMU_TSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (word, counts) = line.split_once('\t')?;
            let first = counts.split('|').next()?.parse().ok()?;
            (word.len() >= 3 && word.bytes().all(|b| b.is_ascii_lowercase())).then_some((word, first))
        })
        .collect()
}

/// A seeded random sample of `n` distinct words (partial Fisher–Yates shuffle).
fn sample(n: usize, seed: u64) -> Vec<(&'static str, u32)> {
    let mut all = alphabetic_words();
    let mut rng = SplitMix64(seed);
    let n = n.min(all.len());
    for i in 0..n {
        let j = i + (rng.next_u64() % (all.len() - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(n);
    all
}

fn accuracy(words: &[(&str, u32)]) -> f64 {
    let ok = words.iter().filter(|(w, n)| fallback(w) == *n).count();
    ok as f64 / words.len() as f64
}

#[test]
fn fallback_accuracy_on_seeded_cmudict_sample() {
    let s = sample(20_000, 0x1EAF_11A7);
    assert_eq!(s.len(), 20_000);
    let acc = accuracy(&s);
    let whole = accuracy(&alphabetic_words());
    println!(
        "fallback exact agreement with CMUdict first count: sample {acc:.4} (20,000 words), whole list {whole:.4}"
    );
    assert!(acc >= 0.93, "fallback accuracy {acc:.4} below SPEC's 0.93");
    // Other seeds stay above the target too (the rules are not tuned to one sample).
    for seed in [1, 2, 3] {
        let other = accuracy(&sample(20_000, seed));
        assert!(other >= 0.93, "seed {seed}: {other:.4}");
    }
}

#[test]
fn fallback_examples() {
    for (word, n) in [
        ("codamol", 3),
        ("likely", 2),
        ("bottles", 2),
        ("area", 3),
        ("being", 2),
        ("flying", 2),
        ("happier", 3),
        ("million", 2),
        ("criticism", 4),
        ("mcdonald", 3),
        ("people", 2),
        ("league", 1),
        ("centre", 2),
        ("whitewash", 2),
        ("nhs", 3),
    ] {
        assert_eq!(fallback(word), n, "{word}");
    }
}

/// Not a benchmark: a guard against accidental slow paths (e.g. an allocation per word).
#[test]
fn counting_is_fast_enough() {
    let words: Vec<&str> = "Take 2 tablets of paracetamol every 4 to 6 hours if you need to. \
        Do not take more than 8 tablets in 24 hours. Ask your GP or pharmacist, e.g. if your \
        haemoglobin is low or you have diarrhoea, 38C fever or anaemia. Call NHS 111 or 999."
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.' || c == '%'))
        .filter(|w| !w.is_empty())
        .collect();
    let rounds = 2_000;
    let start = std::time::Instant::now();
    let mut total = 0u64;
    for _ in 0..rounds {
        for w in &words {
            total += u64::from(count(w, B).0);
        }
    }
    let per_word = start.elapsed().as_nanos() as f64 / (rounds * words.len()) as f64;
    println!("count(): {per_word:.0} ns/word (debug-ish build; {total} syllables)");
    assert!(per_word < 20_000.0, "{per_word} ns per word");
}
