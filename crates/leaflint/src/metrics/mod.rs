//! Document scores (SPEC §3): counts, readability formulas, consensus grade and reading age,
//! sentence statistics and reading time. The JSON keys are stable (SPEC §1.5); a score that
//! cannot be computed is `null`.

pub mod formulas;

use crate::config::{Config, Profile};
use crate::document::{BlockKind, Document};
use crate::lexicon;
use crate::text::tokens::TokenClass;
use crate::text::{token_text, Analysis, UnitKind};
use formulas::Counts;
use serde::Serialize;

/// Counts over the document (SPEC §1.5 `scores.counts`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CountScores {
    /// W: words in counted units.
    pub words: u64,
    /// Words in all units, headings included.
    pub words_total: u64,
    /// Units of every kind.
    pub units: u64,
    /// S: counted units.
    pub formula_sentences: u64,
    /// S plus SMOG semicolon splits.
    pub smog_sentences: u64,
    /// Syllables in counted units.
    pub syllables: u64,
    /// Words of ≥ 3 syllables in counted units.
    pub polysyllables: u64,
    /// Letters in counted units.
    pub letters: u64,
    /// Letters and digits in counted units.
    pub characters: u64,
    /// Heading blocks.
    pub headings: u64,
    /// Paragraph blocks.
    pub paragraphs: u64,
    /// List items.
    pub list_items: u64,
}

/// SMOG with its reliability.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Smog {
    /// The grade (unrounded), `null` without sentences.
    pub grade: Option<f64>,
    /// `normal` (≥ 30 sentences), `reduced` (10–29), `low` (< 10).
    pub confidence: &'static str,
    /// SMOG sentences counted.
    pub sentences: u64,
}

/// Readability scores (SPEC §3.2–§3.6).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Readability {
    /// SMOG grade (McLaughlin 1969).
    pub smog: Smog,
    /// Flesch Reading Ease (not a grade).
    pub flesch_reading_ease: Option<f64>,
    /// Flesch's band for the reading ease.
    pub flesch_band: Option<&'static str>,
    /// Flesch–Kincaid grade.
    pub flesch_kincaid_grade: Option<f64>,
    /// Gunning Fog index.
    pub gunning_fog: Option<f64>,
    /// Coleman–Liau index.
    pub coleman_liau: Option<f64>,
    /// Automated Readability Index.
    pub ari: Option<f64>,
    /// Familiar-word grade (an approximation of Dale–Chall with our own word list).
    pub familiar_word_grade: Option<f64>,
    /// Median of the six grades.
    pub consensus_grade: Option<f64>,
    /// Lowest and highest of the six grades.
    pub grade_spread: Option<[f64; 2]>,
    /// UK reading age: the target grade + 5.
    pub reading_age: Option<f64>,
    /// Which grade the target uses: `smog` (≥ 10 SMOG sentences) or `consensus`.
    pub target_grade_source: &'static str,
}

/// Sentence-length statistics over counted units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceLength {
    /// Mean words per counted unit.
    pub mean: Option<f64>,
    /// Most words in one counted unit.
    pub max: u64,
    /// Share of counted units longer than `long-sentence.words`.
    pub long_share: Option<f64>,
}

/// Language scores (SPEC §3.7). Scores of rules not yet run are `null`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Language {
    /// SHeLL-compatible complex-language percentage.
    pub complex_language_pct: Option<f64>,
    /// Passive constructions.
    pub passive_count: Option<u64>,
    /// Counted units with a passive ÷ S.
    pub passive_share: Option<f64>,
    /// 1 − passive share.
    pub active_share: Option<f64>,
    /// Action units addressed to the reader ÷ action units.
    pub second_person_share: Option<f64>,
    /// Content words ÷ words.
    pub lexical_density: Option<f64>,
    /// Type–token ratio.
    pub ttr: Option<f64>,
    /// Measure of textual lexical diversity.
    pub mtld: Option<f64>,
    /// Sentence lengths.
    pub sentence_length: SentenceLength,
    /// Distinct acronyms not on the well-known list.
    pub acronym_count: Option<u64>,
    /// `ceiling` or `short text` when MTLD needs a caveat (reported as a note, not a score).
    #[serde(skip)]
    pub mtld_note: Option<&'static str>,
}

/// Reading time (SPEC §3.9, Brysbaert 2019).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadingTime {
    /// Silent reading at 238 words a minute.
    pub silent_seconds: f64,
    /// Reading aloud at 183 words a minute.
    pub aloud_seconds: f64,
}

/// All document scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// Counts.
    pub counts: CountScores,
    /// Readability formulas.
    pub readability: Readability,
    /// Language scores.
    pub language: Language,
    /// Numeracy load (SPEC §3.8): `expressions`, `per_100_words`, `points`, `load`, `band`,
    /// `components` (the JSON of [`Scores::numeracy_detail`]).
    pub numeracy: Option<serde_json::Value>,
    /// The numeracy load typed, with the number model and the numeracy findings of the score's
    /// pass (not in the JSON).
    #[serde(skip)]
    pub numeracy_detail: Option<crate::numbers::load::Numeracy>,
    /// Reading time.
    pub reading_time: ReadingTime,
}

/// Silent reading speed, words a minute (Brysbaert 2019).
pub const SILENT_WPM: f64 = 238.0;
/// Reading-aloud speed, words a minute (Brysbaert 2019).
pub const ALOUD_WPM: f64 = 183.0;
/// SMOG sentences needed before SMOG drives the target (SPEC §1.6).
pub const SMOG_TARGET_MIN_SENTENCES: u64 = 10;

/// The formula counts of a document, plus the count scores.
pub fn count(doc: &Document, an: &Analysis) -> (Counts, CountScores) {
    let mut c = Counts::default();
    let mut cs = CountScores::default();
    // Familiarity of each distinct word form, looked up once (the lists are the slow part).
    let mut familiar = crate::text::WordMemo::default();
    for b in &doc.blocks {
        match b.kind {
            BlockKind::Heading { .. } => cs.headings += 1,
            BlockKind::Paragraph => cs.paragraphs += 1,
            BlockKind::ListItem { .. } => cs.list_items += 1,
            _ => {}
        }
    }
    for u in &an.units {
        cs.units += 1;
        cs.words_total += u64::from(u.words);
        if !u.counted {
            continue;
        }
        cs.formula_sentences += 1;
        cs.smog_sentences += 1 + u64::from(u.smog_extra);
        for t in an.unit_words(u) {
            let text = token_text(doc, t);
            cs.words += 1;
            cs.syllables += u64::from(t.syllables);
            let (letters, digits) = (u64::from(t.chars.alphabetic), u64::from(t.chars.digits));
            cs.letters += letters;
            cs.characters += letters + digits;
            if t.syllables >= 3 {
                cs.polysyllables += 1;
                if is_fog_complex(text, t.unit_start, t.syllables) {
                    c.fog_complex += 1.0;
                }
            }
            let fam = if t.class == TokenClass::Number || (!t.unit_start && text.starts_with(char::is_uppercase)) {
                true
            } else {
                familiar.get(t, || lexicon::is_familiar(text))
            };
            if !fam {
                c.unfamiliar += 1.0;
            }
        }
    }
    c.words = cs.words as f64;
    c.sentences = cs.formula_sentences as f64;
    c.smog_sentences = cs.smog_sentences as f64;
    c.syllables = cs.syllables as f64;
    c.polysyllables = cs.polysyllables as f64;
    c.letters = cs.letters as f64;
    c.characters = cs.characters as f64;
    (c, cs)
}

/// Gunning's complex word: a polysyllable that is not capitalised mid-unit (a name or acronym), not
/// hyphenated, and not 3 syllables only through `-es`, `-ed` or `-ing` (SPEC §2.4).
pub fn is_fog_complex(text: &str, unit_start: bool, syllables: u32) -> bool {
    if syllables < 3 {
        return false;
    }
    if !unit_start && text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if text.contains(['-', '‐', '‑']) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if syllables == 3 && (lower.ends_with("es") || lower.ends_with("ed") || lower.ends_with("ing")) {
        return false;
    }
    true
}

/// Familiar for the familiar-word grade: numbers, names (capitalised, not at unit start), and the
/// familiar-word list with its inflections (SPEC §2.4).
pub fn is_familiar_token(text: &str, class: TokenClass, unit_start: bool) -> bool {
    if class == TokenClass::Number {
        return true;
    }
    if !unit_start && text.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    lexicon::is_familiar(text)
}

/// Compute every score this crate knows.
pub fn scores(doc: &Document, an: &Analysis, cfg: &Config) -> Scores {
    scores_with(&crate::language::Lang::new(doc, an, cfg))
}

/// Compute every score, sharing the plain-language detectors of `lang` with the rules.
pub fn scores_with(lang: &crate::language::Lang<'_>) -> Scores {
    let (doc, an, cfg) = (lang.doc, lang.an, lang.cfg);
    let lx = crate::language::scores(lang);
    let (c, counts) = count(doc, an);
    let readability = readability_of(&c, &counts);
    let long_words = cfg.threshold("long-sentence", "words");
    let counted: Vec<u32> =
        an.units.iter().filter(|u| u.counted && u.kind != UnitKind::Heading).map(|u| u.words).collect();
    let n = counted.len() as f64;
    let sentence_length = SentenceLength {
        mean: (n > 0.0).then(|| counted.iter().map(|&w| f64::from(w)).sum::<f64>() / n),
        max: counted.iter().copied().max().unwrap_or(0).into(),
        long_share: (n > 0.0).then(|| counted.iter().filter(|&&w| f64::from(w) > long_words).count() as f64 / n),
    };
    let words_total = counts.words_total as f64;
    let mut scores = Scores {
        readability,
        language: Language {
            complex_language_pct: lx.complex_language_pct,
            passive_count: Some(lx.passive_count),
            passive_share: lx.passive_share,
            active_share: lx.passive_share.map(|p| 1.0 - p),
            second_person_share: lx.second_person_share,
            lexical_density: lx.lexical.density,
            ttr: lx.lexical.ttr,
            mtld: lx.lexical.mtld,
            sentence_length,
            acronym_count: Some(lx.acronym_count),
            mtld_note: lx.lexical.mtld_note,
        },
        numeracy: None,
        numeracy_detail: None,
        reading_time: ReadingTime {
            silent_seconds: words_total / SILENT_WPM * 60.0,
            aloud_seconds: words_total / ALOUD_WPM * 60.0,
        },
        counts,
    };
    let numeracy = crate::numbers::load::compute(lang, &scores);
    scores.numeracy = Some(numeracy.to_value());
    scores.numeracy_detail = Some(numeracy);
    scores
}

/// The readability scores of a document alone, with its counts: the formulas' part of [`scores`]
/// without the plain-language detectors, numeracy or rules (for adapters that only want the
/// formulas, such as the Python package's textstat-compatible functions). Equal to
/// `scores(..).counts` and `scores(..).readability`.
///
/// ```
/// use leaflint::{metrics, Config, Document, Format, Profile};
/// let text = "Take 2 tablets a day. Do not drive if you feel drowsy after taking them.";
/// let (counts, readability) = metrics::readability(&Document::parse(text, Format::Text), Profile::Nhs);
/// let report = leaflint::check(text, &Config::default());
/// assert_eq!(counts, report.scores.counts);
/// assert_eq!(readability, report.scores.readability);
/// ```
pub fn readability(doc: &Document, profile: Profile) -> (CountScores, Readability) {
    let an = Analysis::new(doc, number_style(profile));
    let (c, counts) = count(doc, &an);
    let readability = readability_of(&c, &counts);
    (counts, readability)
}

fn readability_of(c: &Counts, counts: &CountScores) -> Readability {
    let smog = formulas::smog(c);
    let fk = formulas::flesch_kincaid_grade(c);
    let fog = formulas::gunning_fog(c);
    let cli = formulas::coleman_liau(c);
    let ari = formulas::ari(c);
    let fwg = formulas::familiar_word_raw(c).map(formulas::familiar_word_grade);
    let fre = formulas::flesch_reading_ease(c);
    let grades: Vec<f64> = [smog, fk, fog, cli, ari, fwg].into_iter().flatten().collect();
    let consensus = formulas::consensus(&grades);
    let use_smog = counts.smog_sentences >= SMOG_TARGET_MIN_SENTENCES;
    let target_grade = if use_smog { smog } else { consensus.map(|c| c.0) };
    let confidence = match counts.smog_sentences {
        n if n >= 30 => "normal",
        n if n >= 10 => "reduced",
        _ => "low",
    };
    Readability {
        smog: Smog { grade: smog, confidence, sentences: counts.smog_sentences },
        flesch_reading_ease: fre,
        flesch_band: fre.map(formulas::flesch_band),
        flesch_kincaid_grade: fk,
        gunning_fog: fog,
        coleman_liau: cli,
        ari,
        familiar_word_grade: fwg,
        consensus_grade: consensus.map(|c| c.0),
        grade_spread: consensus.map(|c| c.1),
        reading_age: target_grade.map(formulas::reading_age),
        target_grade_source: if use_smog { "smog" } else { "consensus" },
    }
}

/// The number style for spoken numbers in a profile (SPEC §1.6: British says "and").
pub fn number_style(profile: Profile) -> crate::text::syllables::NumberStyle {
    if profile.is_uk() {
        crate::text::syllables::NumberStyle::British
    } else {
        crate::text::syllables::NumberStyle::American
    }
}
