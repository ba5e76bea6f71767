//! Lexical scores (SPEC §3.7): lexical density (Ure 1971), type–token ratio and MTLD (McCarthy &
//! Jarvis 2010), over the words of counted units.

use super::Lang;
use crate::text::tokens::TokenClass;
use rustc_hash::FxHashMap;

/// MTLD factor size (McCarthy & Jarvis 2010, published).
pub const MTLD_FACTOR_SIZE: f64 = 0.72;
/// [`MTLD_FACTOR_SIZE`] as the fraction 18/25, for integer comparisons.
const MTLD_NUM: usize = 18;
const MTLD_DEN: usize = 25;

/// Below this many tokens MTLD is noted as from a short text (SPEC §3.7).
pub const MTLD_SHORT_TEXT: usize = 100;

/// Lexical scores of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexical {
    /// Content words ÷ words.
    pub density: Option<f64>,
    /// Distinct types ÷ tokens (numbers excluded).
    pub ttr: Option<f64>,
    /// MTLD.
    pub mtld: Option<f64>,
    /// `ceiling` (no factor at all) or `short text`.
    pub mtld_note: Option<&'static str>,
}

/// MTLD of a token-id sequence: the mean of the forward and backward passes; `ceiling` when no
/// factor accrues in either direction (every word distinct).
pub fn mtld(ids: &[u32]) -> (Option<f64>, bool) {
    if ids.is_empty() {
        return (None, false);
    }
    let n_types = ids.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut seen = vec![0u32; n_types];
    let mut pass = |it: &mut dyn Iterator<Item = u32>| -> f64 {
        let mut stamp = 1u32;
        let (mut factors, mut count, mut types) = (0.0f64, 0usize, 0usize);
        seen.iter_mut().for_each(|s| *s = 0);
        for id in it {
            count += 1;
            if seen[id as usize] != stamp {
                seen[id as usize] = stamp;
                types += 1;
            }
            // TTR ≤ 0.72 without a division: types / count ≤ 18 / 25.
            if types * MTLD_DEN <= count * MTLD_NUM {
                factors += 1.0;
                stamp += 1;
                count = 0;
                types = 0;
            }
        }
        if count > 0 {
            let ttr = types as f64 / count as f64;
            factors += (1.0 - ttr) / (1.0 - MTLD_FACTOR_SIZE);
        }
        factors
    };
    let f = pass(&mut ids.iter().copied());
    let b = pass(&mut ids.iter().rev().copied());
    let n = ids.len() as f64;
    if f == 0.0 && b == 0.0 {
        return (Some(n), true);
    }
    let val = |x: f64| if x > 0.0 { n / x } else { n };
    (Some((val(f) + val(b)) / 2.0), false)
}

/// Lexical density, TTR and MTLD of the counted units.
pub fn scores(lang: &Lang<'_>) -> Lexical {
    let mut words = 0usize;
    let mut content = 0usize;
    let mut ids: Vec<u32> = Vec::new();
    // Interned words → (lower-case type id, function word), decided once per distinct word.
    let interned = lang.words();
    let mut by_lower: FxHashMap<&str, u32> = FxHashMap::default();
    let types: Vec<(u32, bool)> = interned
        .lower
        .iter()
        .zip(&interned.flags)
        .map(|(lower, f)| {
            let function = f & super::flags::FUNCTION != 0;
            let next = by_lower.len() as u32;
            (*by_lower.entry(lower.as_str()).or_insert(next), function)
        })
        .collect();
    let mut seen_type = vec![false; by_lower.len()];
    let mut n_types = 0usize;
    for u in lang.an.units.iter().filter(|u| u.counted) {
        for i in u.tokens.clone() {
            let t = &lang.an.tokens[i];
            if !t.is_word() {
                continue;
            }
            words += 1;
            if t.class == TokenClass::Number {
                content += 1;
                continue;
            }
            let (id, function) = types[interned.id[i] as usize];
            if !function {
                content += 1;
            }
            if !seen_type[id as usize] {
                seen_type[id as usize] = true;
                n_types += 1;
            }
            ids.push(id);
        }
    }
    let (mtld, ceiling) = mtld(&ids);
    Lexical {
        density: (words > 0).then(|| content as f64 / words as f64),
        ttr: (!ids.is_empty()).then(|| n_types as f64 / ids.len() as f64),
        mtld,
        mtld_note: if ceiling {
            Some("ceiling")
        } else if !ids.is_empty() && ids.len() < MTLD_SHORT_TEXT {
            Some("short text")
        } else {
            None
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mtld_reference_values() {
        assert_eq!(mtld(&[0; 100]), (Some(2.0), false));
        let distinct: Vec<u32> = (0..20).collect();
        assert_eq!(mtld(&distinct), (Some(20.0), true));
        assert_eq!(mtld(&[]), (None, false));
    }
}
