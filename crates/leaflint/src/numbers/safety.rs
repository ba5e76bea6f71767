//! Fix safety as an invariant (issue 15): a fix that edits a number restates the same value.
//!
//! [`guard`] runs over every finding of a check, whatever rule made it, before the report is
//! built. A fix is removed (the finding stays, with its message and help) when one of its edits
//!
//! - replaces text holding a number of a meaning no fix may touch: a statistic, citation,
//!   quotation or worked example, a pairing of formats, a name, date, time, phone number or
//!   threshold ([`Meaning::restatable`] is false and it is not a measurement, money or change);
//! - replaces a measurement, amount of money or relative change with anything but the exact same
//!   values (`4-6 hours` → `4 to 6 hours` is kept; rounding a dose is not);
//! - writes values that are not the values it replaced: [`values`] reads both sides (natural
//!   frequencies and percentages as shares, `1 hour 30 minutes` as 90 minutes, `half` as 0.5) and
//!   each pair must be equal, or within 10% when the new text says `about` (rounding);
//! - restates a chance the text already restated (`about 33 in 100` is never re-rounded).
//!
//! Insertions (an empty span: `, and 97 in 100 do not`, `(from 4 in 100 to 2 in 100)`) add a
//! statement computed by the rule's own arithmetic and are not read here. So by construction no
//! number fix can turn `3-5%` into `3 to 50 in 1,000`: the values `0.03, 0.05` and
//! `0.03, 0.05` must match one for one.

use super::lexicon as lx;
use super::{Meaning, NumberModel};
use crate::document::Document;
use crate::finding::Finding;
use crate::text::Analysis;

/// Largest relative change a rounding fix (`about`) may make (issue 15: at most 10%).
pub const ROUNDING_TOLERANCE: f64 = 0.10;

/// Remove every fix of `findings` that breaks the invariant (see the module documentation).
pub fn guard(doc: &Document, an: &Analysis, m: &NumberModel, findings: &mut [Finding]) {
    // Quantities by source start, for an overlap search per edit.
    let mut spans: Vec<(usize, usize, Meaning)> =
        m.quantities.iter().map(|q| (q.span.start(), q.span.end(), q.meaning)).collect();
    spans.sort_unstable_by_key(|s| s.0);
    let longest = spans.iter().map(|s| s.1 - s.0).max().unwrap_or(0);
    let mut by_start: Vec<(usize, usize, usize)> =
        m.quantities.iter().map(|q| (q.span.start(), q.span.end(), q.unit)).collect();
    by_start.sort_unstable();
    // Units where a fix restates a number: a statement computed from the old numbers (`, and 97
    // in 100 do not`) is not inserted there in the same pass (the next pass computes it from the
    // restated numbers), so passes never stack two versions of one complement.
    let mut restated: Vec<usize> = Vec::new();
    for f in findings.iter() {
        for e in f.fixes.iter().flat_map(|x| &x.edits) {
            let (a, b) = (e.span.start(), e.span.end());
            if a < b {
                let from = by_start.partition_point(|s| s.0 + longest < a);
                restated.extend(by_start[from..].iter().take_while(|s| s.0 < b).filter(|s| s.1 > a).map(|s| s.2));
            }
        }
    }
    restated.sort_unstable();
    restated.dedup();
    let unit_at = |at: usize| {
        let k = an.units.partition_point(|u| u.span.start() <= at);
        k.checked_sub(1).filter(|&k| an.units[k].span.end() >= at)
    };
    for f in findings.iter_mut() {
        if !restated.is_empty()
            && f.fixes.iter().any(|x| x.edits.iter().any(|e| e.span.is_empty() && !values(&e.replacement).is_empty()))
        {
            let at = f.fixes.iter().flat_map(|x| &x.edits).map(|e| e.span.start()).next().unwrap_or(0);
            if unit_at(at).is_some_and(|u| restated.binary_search(&u).is_ok()) {
                f.fixes.clear();
                continue;
            }
        }
        if f.fixes.is_empty() {
            continue;
        }
        f.fixes.retain(|fix| {
            fix.edits.iter().all(|e| {
                let (a, b) = (e.span.start(), e.span.end());
                if b > doc.text.len() {
                    return true;
                }
                if a == b {
                    // An insertion may not split a number from its citation or quotation.
                    let from = spans.partition_point(|s| s.0 < a);
                    return !spans[from..].iter().take_while(|s| s.0 <= a + 2).any(|s| {
                        s.0 >= a
                            && s.0 - a <= 2
                            && doc.text[a..s.0].chars().all(|c| ".,;:)".contains(c))
                            && matches!(s.2, Meaning::Citation | Meaning::Example | Meaning::Statistic)
                    });
                }
                let old = &doc.text[a..b];
                edit_is_safe(old, &e.replacement, overlapping(&spans, longest, a, b))
            })
        });
    }
}

/// Meanings of the quantities whose span overlaps `a..b`.
fn overlapping(spans: &[(usize, usize, Meaning)], longest: usize, a: usize, b: usize) -> Vec<Meaning> {
    let from = spans.partition_point(|s| s.0 + longest < a);
    spans[from..].iter().take_while(|s| s.0 < b).filter(|s| s.1 > a && s.0 < b).map(|s| s.2).collect()
}

/// One replacement edit of `old` by `new` over numbers of meanings `meanings` keeps the values.
pub fn edit_is_safe(old: &str, new: &str, meanings: Vec<Meaning>) -> bool {
    // A word edit that carries its numbers over as written (a passive turned active moves
    // `type 2 diabetes` to the end) changes no number, whatever the numbers mean.
    if !meanings.is_empty() && same_numbers_moved(old, new) {
        return true;
    }
    if meanings.iter().any(|m| {
        matches!(
            m,
            Meaning::Statistic
                | Meaning::Citation
                | Meaning::Example
                | Meaning::Paired
                | Meaning::Name
                | Meaning::Threshold
        )
    }) {
        return false;
    }
    // Dates, times and phone numbers: only their format is written (`17:30` → `5.30pm`).
    if meanings.iter().any(|m| matches!(m, Meaning::Date | Meaning::Time | Meaning::Phone)) {
        return true;
    }
    let vo = values(old);
    if vo.is_empty() {
        // A word fix (`bd` → `2 times a day`, `q4h`, a numbered list): no number of the text changes.
        return true;
    }
    let exact_only = meanings.iter().any(|m| matches!(m, Meaning::Measurement | Meaning::Money | Meaning::Change));
    let vn = values(new);
    if vo.len() != vn.len() {
        return false;
    }
    let about = !exact_only && says_about(new);
    // A chance already restated with `about` is never restated again (rounding twice drifts).
    if says_about(old) && vo.iter().any(|v| v.share) && !same_text_numbers(old, new) {
        return false;
    }
    vo.iter().zip(&vn).all(|(x, y)| {
        let tol = if about { ROUNDING_TOLERANCE } else { 1e-9 };
        (x.value - y.value).abs() <= tol * x.value.abs().max(1e-12) + 1e-12
    })
}

/// `new` writes every number of `old` exactly as written (in any order) and no other, with the
/// same words beside each (so `2 tablets` cannot become `2 doses` and a unit cannot be dropped).
fn same_numbers_moved(old: &str, new: &str) -> bool {
    let items = |s: &str| {
        let ws = words(s);
        let mut v: Vec<String> = ws
            .iter()
            .enumerate()
            .filter(|(_, w)| w.chars().any(|c| c.is_ascii_digit()) || word_number(w).is_some())
            .map(|(i, w)| {
                let before = if i > 0 { ws[i - 1].to_lowercase() } else { String::new() };
                let after = ws.get(i + 1).map(|a| a.to_lowercase()).unwrap_or_default();
                format!("{before} {w} {after}")
            })
            .collect();
        v.sort();
        v
    };
    let (a, b) = (items(old), items(new));
    !a.is_empty() && a == b
}

fn same_text_numbers(a: &str, b: &str) -> bool {
    let digits = |s: &str| {
        s.split(|c: char| !c.is_ascii_digit()).filter(|x| !x.is_empty()).map(str::to_owned).collect::<Vec<_>>()
    };
    digits(a) == digits(b)
}

fn says_about(s: &str) -> bool {
    words(s).iter().any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "about" | "around" | "approximately" | "roughly" | "nearly" | "almost"
        )
    })
}

/// One value a text states: a share (`1 in 4`, `25%`, `1/4` → 0.25) or a plain amount.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    /// The value (a share for chances; minutes for `N hours M minutes`).
    pub value: f64,
    /// True for a share (natural frequency, percentage, fraction of people).
    pub share: bool,
}

/// Words of `s`: runs of letters, digits and the number marks `.,%/½`, and single other marks.
fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric()
            || matches!(c, '%' | '\'' | '’')
            || ('¼'..='¾').contains(&c)
            || ('⅐'..='⅞').contains(&c);
        let digit_next = s[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
        let inner = (matches!(c, '.' | ',' | '/')
            && start.is_some()
            && digit_next
            && s[..i].ends_with(|d: char| d.is_ascii_digit()))
            || (c == '.' && start.is_none() && digit_next);
        if part || inner {
            start.get_or_insert(i);
        } else {
            if let Some(a) = start.take() {
                out.push(&s[a..i]);
            }
            if c == '-' || c == '–' || c == '—' {
                out.push(&s[i..i + c.len_utf8()]);
            }
        }
    }
    if let Some(a) = start {
        out.push(&s[a..]);
    }
    out
}

/// A number word's value (`seven`, `forty`, `dozen`), from the number model's own word list;
/// scale words (`hundred`, `million`) are read by [`scale_word`] after the number they scale.
fn word_number(w: &str) -> Option<f64> {
    (lx::classify(w) & lx::SCALE == 0).then(|| lx::number_word(w)).flatten()
}

/// The denominator of a fraction word (`half` 2, `thirds` 3, `quarter` 4).
fn fraction_word(w: &str) -> Option<f64> {
    lx::fraction_word(w).filter(|&(n, _)| n == 1.0).map(|(_, d)| d)
}

/// The value of a scale word (`hundred` 100, `million` 1,000,000).
fn scale_word(w: &str) -> Option<f64> {
    (lx::classify(w) & lx::SCALE != 0).then(|| lx::number_word(w)).flatten()
}

/// A digit token's value (`1,000`, `2.5`, `½`, `1½`, `20%`), and whether it had `%`.
fn digit_value(w: &str) -> Option<(f64, bool)> {
    let pct = w.ends_with('%');
    let w = w.trim_end_matches('%');
    let vulgar = |c: char| -> Option<f64> {
        Some(match c {
            '½' => 0.5,
            '¼' => 0.25,
            '¾' => 0.75,
            '⅓' => 1.0 / 3.0,
            '⅔' => 2.0 / 3.0,
            _ => return None,
        })
    };
    if let Some(last) = w.chars().last().and_then(vulgar) {
        let head = &w[..w.len() - w.chars().last().map_or(0, char::len_utf8)];
        let whole = if head.is_empty() { 0.0 } else { head.parse::<f64>().ok()? };
        return Some((whole + last, pct));
    }
    // Digits with a unit glued on (`500mg`, `5ml`): the number part.
    let end = w.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '/')).unwrap_or(w.len());
    let (num, _unit) = w.split_at(end);
    if num.is_empty() || !num.trim_start_matches('.').starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some((n, d)) = num.split_once('/') {
        let (n, d) = (n.replace(',', "").parse::<f64>().ok()?, d.replace(',', "").parse::<f64>().ok()?);
        // Prescribing shorthand `6/52` (weeks), `3/7` (days), `2/12` (months): a count.
        if matches!(d as u64, 7 | 12 | 52) && n < d && w.len() == num.len() {
            return Some((n, pct));
        }
        return (d != 0.0).then_some((n / d, pct));
    }
    let num = if num.starts_with('.') { format!("0{num}") } else { num.to_owned() };
    num.replace(',', "").parse::<f64>().ok().map(|v| (v, pct))
}

/// The values `s` states, in order (see [`Value`]). Natural frequencies (`N in D`, `N out of
/// D`, `N to M in D`), percentages (`P%`, `P per cent`, `P to Q%`) and fractions give shares;
/// `N hours M minutes` gives minutes; other numbers give amounts.
pub fn values(s: &str) -> Vec<Value> {
    let ws = words(s);
    let lower: Vec<String> = ws.iter().map(|w| w.to_ascii_lowercase()).collect();
    let is = |k: usize, x: &str| lower.get(k).is_some_and(|w| w == x);
    // Pass 1: atoms (value, share?, minutes?) with their word index range.
    let mut atoms: Vec<(usize, usize, f64, bool)> = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let w = ws[k];
        let mut v = None;
        let mut end = k + 1;
        let mut pct = false;
        if let Some((x, p)) = digit_value(w) {
            v = Some(x);
            pct = p;
            if w.contains('/') && !matches!(w.rsplit('/').next(), Some("7" | "12" | "52")) {
                // `1 1/2`: a whole number and a fraction.
                if let Some(last) = atoms.last_mut().filter(|l| l.1 == k && !l.3 && l.2.fract() == 0.0 && x < 1.0) {
                    last.1 = end;
                    last.2 += x;
                    k = end;
                    continue;
                }
                atoms.push((k, end, x, true));
                k = end;
                continue;
            }
        } else if let Some(x) = word_number(w) {
            v = Some(x);
            // `two-thirds`, `two thirds`.
            let f = if lower.get(k + 1).is_some_and(|n| n == "-") { k + 2 } else { k + 1 };
            if let Some(d) = lower.get(f).and_then(|n| fraction_word(n)).filter(|_| lower[f].ends_with('s')) {
                atoms.push((k, f + 1, x / d, true));
                k = f + 1;
                continue;
            }
        } else if let Some(d) = fraction_word(w) {
            // `half`, `a third`, `a quarter`; not `halves` (a change) or `halved`.
            if !lower[k].ends_with("ves") && !lower[k].ends_with("ed") {
                atoms.push((k, k + 1, 1.0 / d, false));
            }
            k += 1;
            continue;
        } else if is(k, "a") && lower.get(k + 1).and_then(|n| scale_word(n)).is_some() {
            v = Some(1.0);
        }
        let Some(mut x) = v else {
            k += 1;
            continue;
        };
        // Scale words: `5 million`, `a hundred`.
        while let Some(s) = lower.get(end).and_then(|n| scale_word(n)) {
            x *= s;
            end += 1;
        }
        // `1 and a half`.
        if is(end, "and") && is(end + 1, "a") && lower.get(end + 2).and_then(|n| fraction_word(n)).is_some() {
            x += 1.0 / fraction_word(&lower[end + 2]).unwrap_or(1.0);
            end += 3;
        }
        if is(end, "per") && is(end + 1, "cent") {
            pct = true;
            end += 2;
        } else if is(end, "percent") {
            pct = true;
            end += 1;
        }
        atoms.push((k, end, if pct { x / 100.0 } else { x }, pct));
        k = end;
    }
    // Pass 2: frequencies, ranges of percentages, durations.
    let mut out = Vec::new();
    let mut i = 0;
    let joins = |a: usize, b: usize| b == a + 1 && matches!(lower[a].as_str(), "to" | "and" | "-" | "–" | "—" | "or");
    while i < atoms.len() {
        let (a0, e0, x0, s0) = atoms[i];
        // N [to|or|- M] in|out of [every] D
        let (mut hi, mut e) = (None, e0);
        if !s0 && i + 1 < atoms.len() && joins(e0, atoms[i + 1].0) {
            hi = Some(atoms[i + 1]);
            e = atoms[i + 1].1;
        }
        let mut k = e;
        let conn = if is(k, "in") {
            k += 1;
            true
        } else if is(k, "out") && is(k + 1, "of") {
            k += 2;
            true
        } else if is(k, "of") && is(k + 1, "every") {
            k += 1;
            true
        } else {
            false
        };
        if conn && is(k, "every") {
            k += 1;
        }
        let j = if hi.is_some() { i + 2 } else { i + 1 };
        if !s0 && conn && j < atoms.len() && atoms[j].0 == k && atoms[j].2 > 0.0 && !atoms[j].3 {
            let d = atoms[j].2;
            out.push(Value { value: x0 / d, share: true });
            if let Some(h) = hi {
                out.push(Value { value: h.2 / d, share: true });
            }
            i = j + 1;
            continue;
        }
        // P to Q%: the first end takes the second's `%`.
        if let Some(h) = hi.filter(|h| h.3 && !s0) {
            let _ = a0;
            out.push(Value { value: x0 / 100.0, share: true });
            out.push(Value { value: h.2, share: true });
            i += 2;
            continue;
        }
        // Durations: `N hour(s) [and] M minute(s)` → minutes.
        let unit = lower.get(e0).map(String::as_str).unwrap_or("");
        let per = match unit {
            "hour" | "hours" | "hr" | "hrs" => Some(60.0),
            "minute" | "minutes" | "min" | "mins" => Some(1.0),
            _ => None,
        };
        if let Some(p) = per.filter(|_| !s0) {
            let mut total = x0 * p;
            let mut next = i + 1;
            if p == 60.0 && next < atoms.len() {
                let (an, _, xn, _) = atoms[next];
                let gap_ok = an == e0 + 1 || (an == e0 + 2 && is(e0 + 1, "and"));
                let mins = lower.get(atoms[next].1).is_some_and(|u| u.starts_with("min"));
                if gap_ok && mins {
                    total += xn;
                    next += 1;
                }
            }
            out.push(Value { value: total, share: false });
            i = next;
            continue;
        }
        out.push(Value { value: x0, share: s0 });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<(f64, bool)> {
        values(s).into_iter().map(|v| ((v.value * 1e6).round() / 1e6, v.share)).collect()
    }

    #[test]
    fn reads_values() {
        assert_eq!(v("3-5%"), vec![(0.03, true), (0.05, true)]);
        assert_eq!(v("3 to 5 in 100"), vec![(0.03, true), (0.05, true)]);
        assert_eq!(v("3 to 50 in 1,000"), vec![(0.003, true), (0.05, true)]);
        assert_eq!(v("about 20 in 100 people"), vec![(0.2, true)]);
        assert_eq!(v("20% of the"), vec![(0.2, true)]);
        assert_eq!(v("50 per cent of"), vec![(0.5, true)]);
        assert_eq!(v("1 in every 5"), vec![(0.2, true)]);
        assert_eq!(v("2.5 hours"), vec![(150.0, false)]);
        assert_eq!(v("2 hours 30 minutes"), vec![(150.0, false)]);
        assert_eq!(v("½ tablet"), vec![(0.5, false)]);
        assert_eq!(v("half a tablet"), vec![(0.5, false)]);
        assert_eq!(v("1½ tablets"), vec![(1.5, false)]);
        assert_eq!(v("1 and a half tablets"), vec![(1.5, false)]);
        assert_eq!(v("1/3 of"), vec![(0.333333, true)]);
        assert_eq!(v("1 in 3"), vec![(0.333333, true)]);
        assert_eq!(v("4.8 million"), vec![(4_800_000.0, false)]);
        assert_eq!(v("two 500mg"), vec![(2.0, false), (500.0, false)]);
    }

    #[test]
    fn edits_must_keep_values() {
        let chance = vec![Meaning::Chance];
        assert!(edit_is_safe("3-5%", "3 to 5 in 100", chance.clone()));
        assert!(!edit_is_safe("5 in 100", "50 in 1,000", vec![]) || values("5 in 100") == values("50 in 1,000"));
        assert!(!edit_is_safe("3 to 5 in 100", "3 to 50 in 1,000", chance.clone()));
        assert!(edit_is_safe("14.3%", "about 14 in 100", chance.clone()));
        assert!(!edit_is_safe("14.3%", "14 in 100", chance.clone()));
        assert!(!edit_is_safe("1 in 3", "about 25 in 100", chance.clone()));
        // A measurement only keeps exact values; a statistic is never edited.
        assert!(edit_is_safe("4-6", "4 to 6", vec![Meaning::Measurement]));
        assert!(!edit_is_safe("3.2 mmol", "about 3 mmol", vec![Meaning::Measurement]));
        assert!(!edit_is_safe("61", "about 61", vec![Meaning::Statistic]));
        assert!(!edit_is_safe("12", "twelve", vec![Meaning::Citation]));
        // A passive turned active carries `type 2` over as written.
        assert!(edit_is_safe(
            "Type 2 diabetes may be caused by a combination of factors",
            "A combination of factors may cause type 2 diabetes",
            vec![Meaning::Name]
        ));
        assert!(!edit_is_safe("Type 2 diabetes", "Type 3 diabetes", vec![Meaning::Name]));
        // A rounded chance is not rounded again.
        assert!(!edit_is_safe("about 33 in 100", "about 330 in 1,000", chance));
    }
}
