//! The words the number model and the numeracy rules know, as bit flags ([`Lex`]), loaded once
//! from `data/number-words.tsv` (ours†: word, comma-separated classes, value).
//!
//! Every word token of a document is classified once ([`classify`]); rules then test flags
//! instead of comparing strings, and skip units whose flags cannot match.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A set of word classes.
pub type Lex = u64;

macro_rules! classes {
    ($($name:ident = $bit:expr, $key:literal, $doc:literal;)*) => {
        $(#[doc = $doc] pub const $name: Lex = 1 << $bit;)*
        /// The class of a name in the data file.
        fn class_of(name: &str) -> Option<Lex> {
            match name { $($key => Some($name),)* _ => None }
        }
    };
}

classes! {
    NUM = 0, "num", "A number word: `one` … `ninety`, `hundred`, `thousand`, `million`, `dozen`.";
    SCALE = 1, "scale", "`hundred`, `thousand`, `million`, `billion` (and plurals).";
    FRAC = 2, "frac", "A fraction word: `half`, `third`, `quarter`, `fifth`, `tenth`.";
    ORD = 3, "ord", "An ordinal word: `first` … `tenth`.";
    TIME = 4, "time", "A time unit: `hours`, `days`, `weeks`, `years` …";
    DOSE = 5, "dose", "A dose unit or form: `mg`, `ml`, `tablets`, `puffs` (SPEC §5 dose context).";
    MEASURE = 6, "measure", "A unit of measurement: `kg`, `cm`, `litres`, `degrees`, `kcal`.";
    MONEY = 7, "money", "A money word after a number: `pence`, `cents`, `dollars`.";
    PEOPLE = 8, "people", "A people noun: `people`, `adults`, `women`, `babies` …";
    EVENT = 9, "event", "An event noun: `deaths`, `cases`, `infections`, `admissions` …";
    OUTCOME = 10, "outcome", "An outcome noun: `side effects`, `symptoms`, `complications` …";
    MONTH = 11, "month", "A month name or its abbreviation.";
    WEEKDAY = 12, "weekday", "A weekday name or its abbreviation.";
    LABEL = 13, "label", "A label before a number: `section`, `step`, `type`, `stage`, `page` …";
    AGE = 14, "age", "An age word: `aged`, `age`, `turning`, `birthday`.";
    APPROX = 15, "approx", "A one-word approximator: `about`, `around`, `nearly`, `over` …";
    AMPM = 16, "ampm", "`am`, `pm`, `a.m.`, `noon`, `o'clock` …";
    RISK = 17, "risk", "`risk`, `chance`, `odds`, `likelihood`.";
    FORMULATION = 18, "formulation", "A formulation word (a percentage before it is a strength).";
    TEST = 19, "test", "A test name: `BMI`, `HbA1c`, `cholesterol`, `blood pressure` …";
    EC = 20, "ec", "An EC frequency term: `common`, `uncommon`, `rare`.";
    QUANT = 21, "quant", "A vague quantifier: `most`, `many`, `some`, `few`, `majority`, `minority`.";
    ADVERB = 22, "adverb", "A vague frequency adverb: `often`, `sometimes`, `rarely` …";
    LIKELY = 23, "likely", "`likely`, `unlikely`.";
    SIZE = 24, "size", "`small`, `low`, `high`, `slight`, `tiny` (before risk or chance).";
    REL = 25, "rel", "Relative-risk words: `times`, `twice`, `double`, `halves`, `threefold`, `ratio`.";
    CHANGE = 26, "change", "Change verbs: `reduce`, `lower`, `cut`, `increase`, `raise` …";
    INCIDENCE = 27, "incidence", "Incidence verbs: `get`, `develop`, `die`, `catch`, `diagnosed`.";
    OUTCOME_VERB = 28, "outcome-verb", "Outcome verbs: `get`, `have`, `develop`, `need`, `recover` …";
    COUNTABLE = 29, "countable", "A countable noun, unit or time word a number can stand before.";
    FRAME = 30, "frame", "A word of a time frame without a time unit: `lifetime`, `during`, `daily`, `while` …";
}

/// Flags of number tokens (set by the model, not the data file): any number token.
pub const NUMBER: Lex = 1 << 40;
/// Number tokens that are phone numbers.
pub const PHONE: Lex = 1 << 41;
/// A number token with a decimal point.
pub const DECIMAL: Lex = 1 << 42;
/// A number token with `%`.
pub const PERCENT: Lex = 1 << 43;
/// A number token with `/` or a vulgar fraction.
pub const SLASH: Lex = 1 << 44;
/// A dash or hyphen token (`-`, `–`, `—`).
pub const DASH: Lex = 1 << 45;
/// A hyphenated word whose parts are weekdays or months (`Monday-Friday`).
pub const DAY_RANGE: Lex = 1 << 46;
/// `4-hourly`: a dosing interval.
pub const HOURLY: Lex = 1 << 47;
/// Anything that can start or be a number expression: digits, number or fraction words.
pub const NUMERIC: Lex = NUMBER | NUM | FRAC;

struct Entry {
    lex: Lex,
    value: u32,
}

/// A quick filter before the hash look-up: for each length and first letter, a bit per last
/// letter present on the list (most words of a text are rejected without hashing).
static FILTER: LazyLock<Box<[[u32; 27]; MAX_LEN + 1]>> = LazyLock::new(|| {
    let mut f = Box::new([[0u32; 27]; MAX_LEN + 1]);
    for w in WORDS.keys() {
        let b = w.as_bytes();
        if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            f[b.len().min(MAX_LEN)][slot(first)] |= 1 << slot(last);
        }
    }
    f
});

/// 0–25 for a–z, 26 for anything else.
fn slot(b: u8) -> usize {
    if b.is_ascii_lowercase() {
        usize::from(b - b'a')
    } else {
        26
    }
}

/// True when `lower` may be on the list (false: it is certainly not); `classify` inlines it.
#[cfg(test)]
fn may_be_listed(lower: &str) -> bool {
    let b = lower.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => FILTER[b.len().min(MAX_LEN)][slot(first)] & (1 << slot(last)) != 0,
        _ => false,
    }
}

static WORDS: LazyLock<FxHashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for line in include_str!("../../data/number-words.tsv").lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let mut cols = line.split('\t');
        let (Some(word), Some(classes)) = (cols.next(), cols.next()) else { continue };
        let value = cols.next().and_then(|v| v.parse().ok()).unwrap_or(0);
        let lex = classes.split(',').filter_map(class_of).fold(0, |a, b| a | b);
        m.insert(word, Entry { lex, value });
    }
    m
});

/// Longest word on the list, in bytes (longer words are never looked up).
const MAX_LEN: usize = 24;

/// Lower-case an ASCII word into `buf`; `None` if it is not ASCII or too long.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_LEN]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > MAX_LEN || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = if *s == b'\'' { b'\'' } else { s.to_ascii_lowercase() };
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// False when `word` is certainly on no list (most words of a text): a check on its length and
/// first and last letters, before any lower-casing or hashing.
#[allow(clippy::manual_contains)] // `contains` calls `memchr`: slower on words of a few bytes
pub fn may_classify(word: &str) -> bool {
    let b = word.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    b.len() <= MAX_LEN
        && (FILTER[b.len()][slot(first.to_ascii_lowercase())] & (1 << slot(last.to_ascii_lowercase())) != 0
            || b.iter().any(|&c| c == b'-'))
}

/// The classes of a word (any case; curly apostrophes are not folded).
pub fn classify(word: &str) -> Lex {
    // Most words are rejected here, before lower-casing and hashing.
    if !may_classify(word) {
        return 0;
    }
    let hyphen = word.contains('-');
    let mut buf = [0u8; MAX_LEN];
    let Some(l) = lower(word, &mut buf) else { return 0 };
    let mut lex = WORDS.get(l).map_or(0, |e| e.lex);
    if lex == 0 && hyphen {
        // Hyphenated number and fraction words: twenty-five, two-thirds, three-quarters.
        if let Some((a, b)) = l.split_once('-') {
            if number_word(a).is_some() && (number_word(b).is_some() || fraction_word(b).is_some()) {
                lex = if fraction_word(b).is_some() { FRAC } else { NUM };
            } else if (is(a, MONTH) && is(b, MONTH)) || (is(a, WEEKDAY) && is(b, WEEKDAY)) {
                lex = DAY_RANGE;
            } else if b == "fold"
                && (number_word(a).is_some() || (!a.is_empty() && a.bytes().all(|c| c.is_ascii_digit())))
            {
                lex = REL; // 3-fold, two-fold
            } else if b == "hourly" && !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) {
                lex = HOURLY;
            }
        }
    }
    lex
}

fn is(lower: &str, class: Lex) -> bool {
    WORDS.get(lower).is_some_and(|e| e.lex & class != 0)
}

/// The value of a number word (`one` → 1, `twenty-five` → 25, `dozen` → 12); any case.
pub fn number_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; MAX_LEN];
    let l = lower(word, &mut buf)?;
    if let Some(e) = WORDS.get(l).filter(|e| e.lex & NUM != 0) {
        return Some(f64::from(e.value));
    }
    let (a, b) = l.split_once('-')?;
    let (ta, ub) = (WORDS.get(a)?, WORDS.get(b)?);
    (ta.lex & NUM != 0 && ub.lex & NUM != 0 && ta.value >= 20 && ta.value <= 90 && ta.value % 10 == 0 && ub.value < 10)
        .then(|| f64::from(ta.value + ub.value))
}

/// A fraction word as (numerator, denominator): `half` (1, 2), `a third` is the caller's job,
/// `two-thirds` (2, 3), `three-quarters` (3, 4); any case.
pub fn fraction_word(word: &str) -> Option<(f64, f64)> {
    let mut buf = [0u8; MAX_LEN];
    let l = lower(word, &mut buf)?;
    if let Some(e) = WORDS.get(l).filter(|e| e.lex & FRAC != 0) {
        return Some((1.0, f64::from(e.value)));
    }
    let (a, b) = l.split_once('-')?;
    let n = WORDS.get(a).filter(|e| e.lex & NUM != 0)?.value;
    let d = WORDS.get(b).filter(|e| e.lex & FRAC != 0)?.value;
    Some((f64::from(n), f64::from(d)))
}

/// The value of an ordinal word (`second` → 2); any case.
pub fn ordinal_word(word: &str) -> Option<u32> {
    let mut buf = [0u8; MAX_LEN];
    let l = lower(word, &mut buf)?;
    WORDS.get(l).filter(|e| e.lex & ORD != 0).map(|e| e.value)
}

/// Number of words on the list (forces the load).
pub fn len() -> usize {
    WORDS.len()
}

/// Spelled numbers one to twenty, then tens, as fixes write them (SPEC §5.12: `one` … `ten`).
pub fn spell(n: u32) -> Option<&'static str> {
    const W: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    W.get(n as usize).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_canonical_and_loads() {
        let text = include_str!("../../data/number-words.tsv");
        let rows: Vec<&str> = text.lines().skip_while(|l| l.starts_with('#')).skip(1).collect();
        let words: Vec<&str> = rows.iter().map(|r| r.split('\t').next().unwrap_or("")).collect();
        let mut sorted = words.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(words, sorted, "number-words.tsv must be sorted without duplicates");
        for r in &rows {
            let classes = r.split('\t').nth(1).unwrap_or("");
            for c in classes.split(',') {
                assert!(class_of(c).is_some(), "unknown class {c:?} in {r:?}");
            }
            assert_eq!(r.trim_matches(' '), *r);
        }
        assert_eq!(len(), rows.len());
    }

    #[test]
    fn words_and_values() {
        assert_eq!(number_word("Twenty-five"), Some(25.0));
        assert_eq!(number_word("twenty-twelve"), None);
        assert_eq!(number_word("hundred"), Some(100.0));
        assert_eq!(fraction_word("two-thirds"), Some((2.0, 3.0)));
        assert_eq!(fraction_word("half"), Some((1.0, 2.0)));
        assert_eq!(ordinal_word("Second"), Some(2));
        assert_ne!(classify("Tablets") & DOSE, 0);
        assert_ne!(classify("Monday-Friday") & DAY_RANGE, 0);
        assert_eq!(classify("café"), 0);
        assert_ne!(classify("three-quarters") & FRAC, 0);
        assert_ne!(classify("4-hourly") & HOURLY, 0);
        // The filter never hides a listed word.
        for w in WORDS.keys() {
            assert!(may_be_listed(w), "{w}");
        }
    }
}
