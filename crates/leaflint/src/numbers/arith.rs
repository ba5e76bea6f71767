//! The arithmetic of numeracy fixes (SPEC §5.1–§5.5): rounding half up, thousands commas,
//! percentages to natural frequencies, common denominators and relative-risk rescaling.
//!
//! All of it works on small whole numbers (denominators up to 1,000,000) and is checked by
//! property tests: a conversion never moves a value by more than the tolerance, and never gives
//! a numerator below 1.

/// Rounding tolerance (relative) for natural-frequency conversions (SPEC §1.6 †).
pub const FREQUENCY_TOLERANCE: f64 = 0.05;
/// Rounding tolerance (relative) for the `decimal` fix (SPEC §5.5 †).
pub const DECIMAL_TOLERANCE: f64 = 0.10;
/// Largest denominator a fix writes.
pub const MAX_DENOMINATOR: u64 = 1_000_000;
/// Denominators a percentage converts to, in order of preference after the document's own.
pub const POWERS: [u64; 5] = [100, 1_000, 10_000, 100_000, 1_000_000];

/// Round half up (`2.5` → 3), ignoring floating-point noise below 1e-9.
pub fn round_half_up(x: f64) -> f64 {
    (x + 0.5 + 1e-9).floor()
}

/// `x` rounded half up when the result is ≥ 1 and within `tol` (relative) of `x`, with whether
/// it was rounded.
pub fn whole_within(x: f64, tol: f64) -> Option<(u64, bool)> {
    if !x.is_finite() || x <= 0.0 {
        return None;
    }
    let r = round_half_up(x);
    if r < 1.0 || (x - r).abs() > tol * x + 1e-9 {
        return None;
    }
    Some((r as u64, (x - r).abs() > 1e-9))
}

/// A whole number with thousands commas (`1000000` → `1,000,000`).
pub fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number as a fix writes it: whole numbers with commas, others to at most 2 decimals.
pub fn show(x: f64) -> String {
    if x.fract().abs() < 1e-9 && x.abs() < 1e15 {
        let s = commas(x.abs() as u64);
        if x < 0.0 {
            format!("-{s}")
        } else {
            s
        }
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A natural frequency `n in d`, and whether `n` was rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frequency {
    /// Numerator.
    pub n: u64,
    /// Denominator.
    pub d: u64,
    /// `n` was rounded (a fix then says `about`).
    pub rounded: bool,
}

/// Convert `p`% to a natural frequency (SPEC §5.1): the document's `preferred` denominator if
/// `p × D` is within 5% of a whole number ≥ 1, else the first of 100, 1,000 … 1,000,000 for
/// which it is.
///
/// ```
/// use leaflint::numbers::arith::{percent_to_frequency, Frequency};
/// assert_eq!(percent_to_frequency(14.3, None), Some(Frequency { n: 14, d: 100, rounded: true }));
/// assert_eq!(percent_to_frequency(0.5, None), Some(Frequency { n: 5, d: 1000, rounded: false }));
/// assert_eq!(percent_to_frequency(20.0, Some(10)), Some(Frequency { n: 2, d: 10, rounded: false }));
/// ```
pub fn percent_to_frequency(p: f64, preferred: Option<u64>) -> Option<Frequency> {
    if !(p > 0.0 && p < 100.0) {
        return None;
    }
    preferred.into_iter().chain(POWERS).find_map(|d| {
        let (n, rounded) = whole_within(p * d as f64 / 100.0, FREQUENCY_TOLERANCE)?;
        (n < d).then_some(Frequency { n, d, rounded })
    })
}

/// Greatest common divisor.
pub fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Least common multiple (saturating).
pub fn lcm(a: u64, b: u64) -> u64 {
    if a == 0 || b == 0 {
        return 0;
    }
    (a / gcd(a, b)).saturating_mul(b)
}

/// A common denominator for natural frequencies `(n, d)` (SPEC §5.3): (1) the smallest power of
/// ten ≥ max(d), up to 1,000,000, for which every `n × T / d` is whole; else (2) the smallest
/// for which every one rounds (half up) to a whole number ≥ 1 within 5%; else (3) lcm(d) if ≤
/// 100. Returns T and the converted frequencies, in order.
///
/// ```
/// use leaflint::numbers::arith::common_denominator;
/// let (t, f) = common_denominator(&[(1, 20), (1, 10)]).unwrap();
/// assert_eq!((t, f[0].n, f[1].n), (100, 5, 10));
/// let (t, f) = common_denominator(&[(1, 3), (2, 10)]).unwrap();
/// assert_eq!((t, f[0].n, f[0].rounded, f[1].n), (100, 33, true, 20));
/// ```
pub fn common_denominator(fs: &[(u64, u64)]) -> Option<(u64, Vec<Frequency>)> {
    if fs.is_empty() || fs.iter().any(|&(n, d)| d == 0 || n > d) {
        return None;
    }
    let max = fs.iter().map(|f| f.1).max()?;
    let powers: Vec<u64> = (0..=6).map(|e| 10u64.pow(e)).filter(|&t| t >= max && t <= MAX_DENOMINATOR).collect();
    for &t in &powers {
        if fs.iter().all(|&(n, d)| (n * t) % d == 0) {
            return Some((t, fs.iter().map(|&(n, d)| Frequency { n: n * t / d, d: t, rounded: false }).collect()));
        }
    }
    for &t in &powers {
        let conv: Option<Vec<Frequency>> = fs
            .iter()
            .map(|&(n, d)| {
                whole_within(n as f64 * t as f64 / d as f64, FREQUENCY_TOLERANCE).map(|(m, r)| Frequency {
                    n: m,
                    d: t,
                    rounded: r,
                })
            })
            .collect();
        if let Some(c) = conv {
            return Some((t, c));
        }
    }
    let l = fs.iter().fold(1u64, |a, &(_, d)| lcm(a, d));
    (l <= 100).then(|| (l, fs.iter().map(|&(n, d)| Frequency { n: n * l / d, d: l, rounded: false }).collect()))
}

/// Rescale a baseline `n in d` by the multiplier `f` (SPEC §5.2): the first D' of d, 10d, 100d …
/// (≤ 1,000,000) for which `n × f × D'/d` is within 5% of a whole number ≥ 1. Returns
/// (N', M', D', M' rounded).
///
/// ```
/// use leaflint::numbers::arith::rescale;
/// assert_eq!(rescale(4, 100, 0.5), Some((4, 2, 100, false)));
/// assert_eq!(rescale(1, 100, 0.7), Some((10, 7, 1000, false)));
/// ```
pub fn rescale(n: u64, d: u64, f: f64) -> Option<(u64, u64, u64, bool)> {
    if d == 0 || f.is_nan() || f <= 0.0 || !f.is_finite() {
        return None;
    }
    let mut dd = d;
    while dd <= MAX_DENOMINATOR {
        let m = n as f64 * f * dd as f64 / d as f64;
        if let Some((mm, rounded)) = whole_within(m, FREQUENCY_TOLERANCE) {
            return Some((n * dd / d, mm, dd, rounded));
        }
        dd = dd.checked_mul(10)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spec_examples() {
        assert_eq!(round_half_up(2.5), 3.0);
        assert_eq!(round_half_up(2.4999), 2.0);
        assert_eq!(commas(1000), "1,000");
        assert_eq!(commas(999), "999");
        assert_eq!(commas(1_234_567), "1,234,567");
        assert_eq!(show(0.5), "0.5");
        assert_eq!(show(10.0), "10");
        // SPEC §5.1: 2.5% → 25 in 1,000; 20% → 20 in 100.
        assert_eq!(percent_to_frequency(2.5, None), Some(Frequency { n: 25, d: 1000, rounded: false }));
        assert_eq!(percent_to_frequency(20.0, None), Some(Frequency { n: 20, d: 100, rounded: false }));
        assert_eq!(percent_to_frequency(0.0, None), None);
        assert_eq!(percent_to_frequency(100.0, None), None);
        // SPEC §5.3: 1 in 4 and 3 in 100 → 25 in 100.
        let (t, f) = common_denominator(&[(1, 4), (3, 100)]).unwrap();
        assert_eq!((t, f[0].n, f[1].n), (100, 25, 3));
        // SPEC §5.2: 10 in 100 reduced by 30% → 7 in 100.
        assert_eq!(rescale(10, 100, 0.7), Some((10, 7, 100, false)));
        assert_eq!(lcm(4, 6), 12);
        assert_eq!(common_denominator(&[]), None);
    }

    proptest! {
        /// Every converted frequency is within 5% of the original share, with n ≥ 1, and exact
        /// when the conversion says so.
        #[test]
        fn common_denominator_keeps_each_share(fs in prop::collection::vec((1u64..50, 1u64..2000), 1..5)) {
            let fs: Vec<(u64, u64)> = fs.into_iter().map(|(n, d)| (n.min(d), d)).collect();
            if let Some((t, conv)) = common_denominator(&fs) {
                prop_assert_eq!(conv.len(), fs.len());
                for (&(n, d), c) in fs.iter().zip(&conv) {
                    prop_assert_eq!(c.d, t);
                    prop_assert!(c.n >= 1);
                    let exact = n as f64 * t as f64 / d as f64;
                    if c.rounded {
                        prop_assert!((c.n as f64 - exact).abs() <= FREQUENCY_TOLERANCE * exact + 1e-9);
                    } else {
                        prop_assert_eq!(c.n * d, n * t);
                    }
                }
                let max = fs.iter().map(|f| f.1).max().unwrap_or(1);
                prop_assert!(t >= max || t == fs.iter().fold(1, |a, f| lcm(a, f.1)));
            }
        }

        /// A percentage becomes n in D with n/D within 5% of p/100 and D one of the allowed ones.
        #[test]
        fn percentage_to_frequency_is_close(p in 0.01f64..99.99, pref in prop::option::of(prop::sample::select(vec![10u64, 20, 100, 1000]))) {
            if let Some(f) = percent_to_frequency(p, pref) {
                prop_assert!(f.n >= 1 && f.n < f.d);
                prop_assert!(POWERS.contains(&f.d) || Some(f.d) == pref);
                let exact = p * f.d as f64 / 100.0;
                prop_assert!((f.n as f64 - exact).abs() <= FREQUENCY_TOLERANCE * exact + 1e-9);
                prop_assert_eq!(f.rounded, (f.n as f64 - exact).abs() > 1e-9);
            } else {
                // Only values too small for 1 in 1,000,000 fail.
                prop_assert!(p * 10_000.0 < 0.95);
            }
        }

        /// A rescaled pair keeps the baseline exactly and the new value within 5%.
        #[test]
        fn rescale_is_close(n in 1u64..100, d in prop::sample::select(vec![10u64, 100, 1000]), f in 0.05f64..5.0) {
            let n = n.min(d);
            if let Some((n2, m2, d2, _)) = rescale(n, d, f) {
                prop_assert_eq!(n2 * d, n * d2);
                let exact = n as f64 * f * d2 as f64 / d as f64;
                prop_assert!((m2 as f64 - exact).abs() <= FREQUENCY_TOLERANCE * exact + 1e-9);
                prop_assert!(m2 >= 1);
            }
        }
    }
}
