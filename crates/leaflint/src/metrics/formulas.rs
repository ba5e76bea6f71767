//! The readability formulas (SPEC §3.2–§3.6) as pure functions of counts, each with its source.
//! All return `None` when there are no words or no sentences. Values are unrounded.

/// Counts the formulas need (SPEC §3 notation).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// W: words in counted units.
    pub words: f64,
    /// S: counted units.
    pub sentences: f64,
    /// S_smog: counted units plus semicolon splits.
    pub smog_sentences: f64,
    /// Sy: syllables.
    pub syllables: f64,
    /// P: polysyllables (≥ 3 syllables).
    pub polysyllables: f64,
    /// Gunning's complex words.
    pub fog_complex: f64,
    /// L: letters.
    pub letters: f64,
    /// C: letters and digits.
    pub characters: f64,
    /// Words not on the familiar-word list.
    pub unfamiliar: f64,
}

impl Counts {
    fn ok(&self) -> bool {
        self.words > 0.0 && self.sentences > 0.0
    }
}

/// SMOG grade, McLaughlin (1969): `1.0430 × √(P × 30 / S_smog) + 3.1291`; the 30/S factor is the
/// published short-text method. Never clamped.
pub fn smog(c: &Counts) -> Option<f64> {
    (c.ok() && c.smog_sentences > 0.0).then(|| 1.0430 * (c.polysyllables * 30.0 / c.smog_sentences).sqrt() + 3.1291)
}

/// Flesch Reading Ease, Flesch (1948): `206.835 − 1.015 × W/S − 84.6 × Sy/W`.
pub fn flesch_reading_ease(c: &Counts) -> Option<f64> {
    c.ok().then(|| 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words)
}

/// Flesch's band name for a reading-ease score (each band runs up to the next band's lower bound).
pub fn flesch_band(fre: f64) -> &'static str {
    match fre {
        x if x >= 90.0 => "very easy",
        x if x >= 80.0 => "easy",
        x if x >= 70.0 => "fairly easy",
        x if x >= 60.0 => "standard",
        x if x >= 50.0 => "fairly difficult",
        x if x >= 30.0 => "difficult",
        _ => "very difficult",
    }
}

/// Flesch–Kincaid grade, Kincaid et al. (1975): `0.39 × W/S + 11.8 × Sy/W − 15.59`.
pub fn flesch_kincaid_grade(c: &Counts) -> Option<f64> {
    c.ok().then(|| 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59)
}

/// Gunning Fog index, Gunning (1952): `0.4 × (W/S + 100 × complex/W)`.
pub fn gunning_fog(c: &Counts) -> Option<f64> {
    c.ok().then(|| 0.4 * (c.words / c.sentences + 100.0 * c.fog_complex / c.words))
}

/// Coleman–Liau index, Coleman & Liau (1975): `0.0588 × L₁₀₀ − 0.296 × S₁₀₀ − 15.8`, with L₁₀₀
/// letters and S₁₀₀ sentences per 100 words.
pub fn coleman_liau(c: &Counts) -> Option<f64> {
    c.ok().then(|| 0.0588 * (c.letters * 100.0 / c.words) - 0.296 * (c.sentences * 100.0 / c.words) - 15.8)
}

/// Automated Readability Index, Smith & Senter (1967): `4.71 × C/W + 0.5 × W/S − 21.43`.
pub fn ari(c: &Counts) -> Option<f64> {
    c.ok().then(|| 4.71 * c.characters / c.words + 0.5 * c.words / c.sentences - 21.43)
}

/// Raw Dale–Chall (1948) score with our familiar-word list: `0.1579 × PDW + 0.0496 × W/S`, plus
/// 3.6365 when PDW (percentage of unfamiliar words) is above 5.
pub fn familiar_word_raw(c: &Counts) -> Option<f64> {
    c.ok().then(|| {
        let pdw = 100.0 * c.unfamiliar / c.words;
        let raw = 0.1579 * pdw + 0.0496 * c.words / c.sentences;
        if pdw > 5.0 {
            raw + 3.6365
        } else {
            raw
        }
    })
}

/// Dale–Chall's band table as a number for the consensus (SPEC §3.5 †): ≤ 4.9 → 4, 5.0–5.9 →
/// 5.5, 6.0–6.9 → 7.5, 7.0–7.9 → 9.5, 8.0–8.9 → 11.5, 9.0–9.9 → 14, ≥ 10 → 16.
pub fn familiar_word_grade(raw: f64) -> f64 {
    match raw {
        x if x < 5.0 => 4.0,
        x if x < 6.0 => 5.5,
        x if x < 7.0 => 7.5,
        x if x < 8.0 => 9.5,
        x if x < 9.0 => 11.5,
        x if x < 10.0 => 14.0,
        _ => 16.0,
    }
}

/// Median of the grades (mean of the two middle values for an even count)† and their spread.
pub fn consensus(grades: &[f64]) -> Option<(f64, [f64; 2])> {
    let mut g: Vec<f64> = grades.iter().copied().filter(|x| x.is_finite()).collect();
    if g.is_empty() {
        return None;
    }
    g.sort_by(f64::total_cmp);
    let n = g.len();
    let median = if n % 2 == 1 { g[n / 2] } else { (g[n / 2 - 1] + g[n / 2]) / 2.0 };
    Some((median, [g[0], g[n - 1]]))
}

/// UK reading age from a US grade: grade + 5 (US grade 1 is ages 6–7).
pub fn reading_age(grade: f64) -> f64 {
    grade + 5.0
}

/// ARI of one unit, rounded, as the hard-sentence rule uses it (S = 1).
pub fn unit_ari_level(characters: f64, words: f64) -> Option<i64> {
    (words > 0.0).then(|| (4.71 * characters / words + 0.5 * words - 21.43).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SPEC §3.1 worked text: S 4, W 33, Sy 54, P 6, L 152, C 155, Fog complex 6, unfamiliar 7.
    fn worked() -> Counts {
        Counts {
            words: 33.0,
            sentences: 4.0,
            smog_sentences: 4.0,
            syllables: 54.0,
            polysyllables: 6.0,
            fog_complex: 6.0,
            letters: 152.0,
            characters: 155.0,
            unfamiliar: 7.0,
        }
    }

    fn close(a: Option<f64>, b: f64, tol: f64) {
        let a = a.expect("a value");
        assert!((a - b).abs() < tol, "{a} vs {b}");
    }

    #[test]
    fn worked_text_by_hand() {
        let c = worked();
        close(smog(&c), 10.1, 0.05); // 1.043 × √45 + 3.1291 = 10.126
        close(flesch_reading_ease(&c), 60.0, 0.05); // 206.835 − 8.374 − 138.436 = 60.025
        close(flesch_kincaid_grade(&c), 6.9, 0.05); // 3.218 + 19.309 − 15.59 = 6.937
        close(gunning_fog(&c), 10.6, 0.05); // 0.4 × (8.25 + 18.18) = 10.573
        close(coleman_liau(&c), 7.7, 0.05); // 0.0588 × 460.6 − 0.296 × 12.12 − 15.8 = 7.7
        close(ari(&c), 4.8, 0.05); // 22.12 + 4.125 − 21.43 = 4.82
        close(familiar_word_raw(&c), 7.40, 0.01); // 3.349 + 0.409 + 3.637
        assert_eq!(familiar_word_grade(7.40), 9.5);
        let grades = [10.126, 6.937, 10.573, 7.70, 4.82, 9.5];
        let (median, spread) = consensus(&grades).expect("grades");
        assert!((median - 8.6).abs() < 0.01, "{median}");
        assert_eq!(spread, [4.82, 10.573]);
        assert!((reading_age(median) - 13.6).abs() < 0.01);
    }

    #[test]
    fn smog_twelve_sentences() {
        let c =
            Counts { words: 100.0, sentences: 12.0, smog_sentences: 12.0, polysyllables: 9.0, ..Default::default() };
        close(smog(&c), 8.1, 0.05); // 1.043 × √22.5 + 3.1291 = 8.076
    }

    #[test]
    fn empty_is_none_and_bands() {
        assert_eq!(smog(&Counts::default()), None);
        assert_eq!(flesch_band(89.5), "easy");
        assert_eq!(flesch_band(100.5), "very easy");
        assert_eq!(flesch_band(-3.0), "very difficult");
        assert_eq!(familiar_word_grade(4.95), 4.0);
        assert_eq!(familiar_word_grade(10.0), 16.0);
    }

    #[test]
    fn hard_sentence_examples() {
        // SPEC §4.2: W 20, C 98 → 11.6 → 12; W 16, C 104 → 17.2.
        assert_eq!(unit_ari_level(98.0, 20.0), Some(12));
        assert_eq!(unit_ari_level(104.0, 16.0), Some(17));
    }
}
