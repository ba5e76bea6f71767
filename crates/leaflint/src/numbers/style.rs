//! The sub-checks of `number-style` (SPEC §5.14): NHS number style (numerals, ordinals,
//! thousands commas, units without a space, `38C`, leading and trailing zeros, `5.30pm`, `6
//! August 2026`, `50%`, `micrograms`). Each returns [`Hit`]s with the exact edit.

use super::arith::commas;
use super::lexicon::{self as lx};
use super::parse::{parse, Shape};
use super::{Kind, Nx};
use crate::finding::Applicability;
use crate::span::ByteSpan;

/// One style problem and its edit.
pub struct Hit {
    /// The sub-check (`numerals`, `thousands` …), reported as `data.check`.
    pub check: &'static str,
    /// The flagged source span.
    pub span: ByteSpan,
    /// The replacement of `span` (`None`: message only).
    pub replacement: Option<String>,
    /// Safe or review.
    pub applicability: Applicability,
    /// What to write instead, for the message.
    pub message: String,
}

/// Sub-checks every profile runs (SPEC §5.14 *all*); the others run in nhs and easy-read only.
pub const ALL_PROFILES: &[&str] = &["thousands", "leading-zero", "trailing-zero", "per-cent"];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ORDINAL_NOUNS: &[&str] = &["dose", "day", "week", "month", "year", "injection", "vaccine", "jab", "doses"];
const UNIT_WORDS: &[&str] = &["mg", "g", "kg", "ml", "kcal", "cm", "mm", "km"];

/// A hit on tokens `a..=b`; the replacement is dropped when the source there is not verbatim
/// (a fix never cuts through markup).
fn hit(
    nx: &Nx<'_>,
    check: &'static str,
    a: usize,
    b: usize,
    replacement: Option<String>,
    app: Applicability,
    message: String,
) -> Option<Hit> {
    let (span, replacement) = match nx.verbatim_tokens(a, b) {
        Some(s) => (s, replacement),
        None => (ByteSpan::new(nx.tok(a).span.start(), nx.tok(b).span.end()), None),
    };
    Some(Hit { check, span, replacement, applicability: app, message })
}

/// `h:mm` in NHS style (`5.30pm`, `5pm`, `midday`, `midnight`); `ampm` as written, if any.
fn clock(h: u32, m: u32, ampm: Option<bool>) -> Option<String> {
    if m >= 60 || h > 24 {
        return None;
    }
    let (h12, pm) = match ampm {
        Some(pm) => (h, pm),
        None => match h {
            0 | 24 => (12, false),
            12 => (12, true),
            13..=23 => (h - 12, true),
            _ => (h, false),
        },
    };
    if h12 == 12 && m == 0 {
        return Some(if pm { "midday" } else { "midnight" }.to_owned());
    }
    let suffix = if pm { "pm" } else { "am" };
    Some(if m == 0 { format!("{h12}{suffix}") } else { format!("{h12}.{m:02}{suffix}") })
}

/// Every number-style problem of unit `u`; `all` runs the nhs-only sub-checks too.
pub fn hits(nx: &Nx<'_>, u: usize, all: bool, percentage_on: bool) -> Vec<Hit> {
    let w = nx.words(u);
    let mut out = Vec::new();
    let safe = Applicability::Safe;
    let mut i = w.range.start;
    while i < w.range.end {
        let l = w.lx(i);
        if l & (lx::NUM | lx::ORD | lx::MONTH | lx::NUMBER) == 0 {
            i += 1;
            continue;
        }
        let t = w.text(i);
        let next = i + 1;
        // numerals: two tablets → 2 tablets; one or two tablets → 1 or 2 tablets.
        if all && l & lx::NUM != 0 && l & lx::SCALE == 0 {
            if let Some(v) = lx::number_word(t).filter(|v| *v >= 1.0 && *v <= 99.0) {
                let alt = w.is_any(next, &["or", "to"]) && w.has(next + 1, lx::NUM);
                let last = if alt { next + 1 } else { i };
                let noun = last + 1;
                let countable = w.has(noun, lx::COUNTABLE | lx::TIME | lx::DOSE | lx::MEASURE | lx::PEOPLE)
                    && !w.has(noun, lx::NUMBER);
                let one = t.eq_ignore_ascii_case("one");
                let another = (noun..noun + 4).any(|k| w.is_any(k, &["another", "other"]));
                let fixed = alt && one && w.has(noun, lx::PEOPLE) || w.is(noun, "things");
                let someday = one && w.is(noun, "day") && (i == w.range.start || w.punct(i - 1));
                if countable && !another && !fixed && !someday {
                    let v2 = if alt { lx::number_word(w.text(last)) } else { None };
                    let text = match v2 {
                        Some(v2) => format!("{v} {} {v2}", w.text(next).to_ascii_lowercase()),
                        None => format!("{v}"),
                    };
                    out.extend(hit(
                        nx,
                        "numerals",
                        i,
                        last,
                        Some(text.clone()),
                        safe,
                        format!("Use numerals for numbers: '{text}'."),
                    ));
                    i = last + 1;
                    continue;
                }
            }
        }
        // ordinals: the second dose → the 2nd dose.
        if all && l & lx::ORD != 0 && w.is_any(next, ORDINAL_NOUNS) {
            if let Some(n) = lx::ordinal_word(t).filter(|n| (2..=10).contains(n)) {
                let s = match n {
                    2 => "2nd".to_owned(),
                    3 => "3rd".to_owned(),
                    n => format!("{n}th"),
                };
                out.extend(hit(nx, "ordinals", i, i, Some(s.clone()), safe, format!("Use numerals: '{s}'.")));
            }
        }
        // Abbreviated months next to a day number: Aug → August.
        if all && l & lx::MONTH != 0 && t.len() <= 4 && t.starts_with(char::is_uppercase) {
            let day = |k: usize| {
                parse(w.text(k))
                    .is_some_and(|p| p.decimals == 0 && (1.0..=31.0).contains(&p.value) && p.int_digits <= 2)
            };
            let full = MONTHS
                .iter()
                .find(|m| m.len() > t.trim_end_matches('.').len() && m.starts_with(t.trim_end_matches('.')));
            if let (Some(full), true) = (full, (i > w.range.start && day(i - 1)) || day(next)) {
                out.extend(hit(
                    nx,
                    "date",
                    i,
                    i,
                    Some((*full).to_owned()),
                    safe,
                    format!("Write the month in full: '{full}'."),
                ));
            }
        }
        if l & lx::NUMBER != 0 && l & lx::PHONE == 0 {
            number_token(nx, &w, u, i, all, percentage_on, &mut out);
        }
        i += 1;
    }
    out
}

fn number_token(
    nx: &Nx<'_>,
    w: &super::phrases::Words<'_>,
    u: usize,
    i: usize,
    all: bool,
    percentage_on: bool,
    out: &mut Vec<Hit>,
) {
    let safe = Applicability::Safe;
    let t = w.text(i);
    let Some(p) = parse(t) else { return };
    let q = nx.m.at_token(u, i);
    let kind = q.map(|q| q.kind);
    let next = i + 1;
    let num_len = t.len() - p.suffix.len();
    let cur = p.currency.map(String::from).unwrap_or_default();
    // time: 17:30 → 5.30pm, 5:30pm → 5.30pm, 5.00pm → 5pm, 12pm → midday, 1730hrs → 5.30pm.
    if all {
        let next_ampm = w.is_any(next, &["a.m.", "p.m.", "am", "pm"]).then(|| w.text(next).starts_with(['p', 'P']));
        let glued = p.ampm().then(|| p.suffix.eq_ignore_ascii_case("pm"));
        let ampm = glued.or(next_ampm);
        let end = if next_ampm.is_some() { next } else { i };
        let twenty_four = p.bare_integer() || ["hrs", "hr", "h"].iter().any(|s| p.suffix.eq_ignore_ascii_case(s));
        let fixed = match p.shape {
            Shape::Clock(h, m) => clock(h, m, ampm),
            Shape::Plain if p.int_digits == 4 && twenty_four && !p.bare_integer() => {
                clock((p.value / 100.0) as u32, (p.value % 100.0) as u32, None)
            }
            Shape::Plain if ampm.is_some() && p.int_digits <= 2 => {
                let h = p.value.trunc() as u32;
                let m = ((p.value.fract() * 100.0).round()) as u32;
                clock(h, if p.decimals == 2 || p.decimals == 0 { m } else { 60 }, ampm)
            }
            _ => None,
        };
        let written =
            &nx.cx.doc.blocks[nx.tok(i).block as usize].analysed[nx.tok(i).analysed.start..nx.tok(end).analysed.end];
        if let Some(f) = fixed.filter(|f| f != written) {
            out.extend(hit(nx, "time", i, end, Some(f.clone()), safe, format!("Write times like this: '{f}'.")));
            return;
        }
        if p.bare_integer() && p.value == 12.0 && w.is(next, "noon") {
            out.extend(hit(nx, "time", i, next, Some("midday".to_owned()), safe, "Write 'midday'.".to_owned()));
            return;
        }
    }
    // date: 6th August → 6 August; 06/08/2026 → 6 August 2026.
    if all && kind == Some(Kind::Date) {
        if p.ordinal() && w.has(next, lx::MONTH) {
            let d = format!("{}", p.value);
            out.extend(hit(nx, "date", i, i, Some(d.clone()), safe, format!("Write dates without 'th': '{d}'.")));
        } else if p.shape == Shape::Date {
            let parts: Vec<u32> = t.split('/').filter_map(|s| s.parse().ok()).collect();
            if let [d, m, y] = parts[..] {
                if (1..=31).contains(&d) && (1..=12).contains(&m) && y >= 1000 {
                    let s = format!("{d} {} {y}", MONTHS[m as usize - 1]);
                    out.extend(hit(
                        nx,
                        "date",
                        i,
                        i,
                        Some(s.clone()),
                        Applicability::Review,
                        format!("Write the date in words, day first: '{s}'."),
                    ));
                }
            }
        }
        return;
    }
    let quantity = kind.is_none_or(|k| {
        !matches!(
            k,
            Kind::Year | Kind::Phone | Kind::Reference | Kind::Label | Kind::Date | Kind::ClockTime | Kind::Name
        )
    });
    // thousands: 1000 people → 1,000 people; 2500kcal → 2,500kcal.
    if quantity && p.int_digits >= 4 && !p.commas && p.shape == Shape::Plain && !t[cur.len()..].starts_with('0') {
        let digits = &t[cur.len()..];
        let int_end = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
        if let Ok(n) = digits[..int_end].parse::<u64>() {
            let s = format!("{cur}{}{}", commas(n), &digits[int_end..]);
            out.extend(hit(
                nx,
                "thousands",
                i,
                i,
                Some(s.clone()),
                safe,
                format!("Use a comma in large numbers: '{s}'."),
            ));
        }
    }
    // leading-zero: .5ml → 0.5ml.
    if p.leading_point {
        let s = format!("{cur}0{}", &t[cur.len()..]);
        out.extend(hit(nx, "leading-zero", i, i, Some(s.clone()), safe, format!("Put a 0 before the point: '{s}'.")));
    }
    // trailing-zero: 5.0mg → 5mg, £75.00 → £75.
    if p.decimals > 0 && p.value.fract() == 0.0 && kind != Some(Kind::ClockTime) {
        let dot = t[..num_len].rfind('.').unwrap_or(num_len);
        let s = format!("{}{}", &t[..dot], p.suffix);
        out.extend(hit(
            nx,
            "trailing-zero",
            i,
            i,
            Some(s.clone()),
            safe,
            format!("Leave out the zeros after the point: '{s}'."),
        ));
    }
    // per-cent: 50 per cent → 50%.
    if !percentage_on && kind == Some(Kind::Percentage) && p.suffix.is_empty() {
        let end = if w.phrase(next, &["per", "cent"]) {
            Some(next + 1)
        } else if w.is(next, "percent") {
            Some(next)
        } else {
            None
        };
        if let Some(e) = end {
            let s = format!("{t}%");
            out.extend(hit(nx, "per-cent", i, e, Some(s.clone()), safe, format!("Use the % sign: '{s}'.")));
        }
    }
    if !all {
        return;
    }
    // unit-space: 500 mg → 500mg.
    if p.suffix.is_empty() && w.is_any(next, UNIT_WORDS) && !w.is(next + 1, "hg") && quantity {
        let s = format!("{t}{}", w.text(next));
        out.extend(hit(
            nx,
            "unit-space",
            i,
            next,
            Some(s.clone()),
            safe,
            format!("Write units without a space: '{s}'."),
        ));
    }
    // temperature: 38°C, 38 °C, 38 degrees C → 38C; Fahrenheit: message only.
    let num = &t[..num_len];
    let suffix = p.suffix;
    let celsius_words = |k: usize| w.is_any(k, &["c", "celsius", "centigrade"]);
    let fahrenheit = suffix.eq_ignore_ascii_case("°F")
        || (w.is_any(next, &["degrees", "°"]) && w.is_any(next + 1, &["f", "fahrenheit"]));
    let (celsius_end, celsius) = if suffix == "°C" || suffix == "°c" {
        (i, true)
    } else if suffix.is_empty() && w.is_any(next, &["°", "degrees"]) && celsius_words(next + 1) {
        (next + 1, true)
    } else {
        (i, false)
    };
    if celsius {
        let s = format!("{num}C");
        out.extend(hit(
            nx,
            "temperature",
            i,
            celsius_end,
            Some(s.clone()),
            safe,
            format!("Write temperatures like this: '{s}'."),
        ));
    } else if fahrenheit {
        out.extend(hit(
            nx,
            "temperature",
            i,
            i,
            None,
            safe,
            "Give the temperature in Celsius too, for example '38C'.".to_owned(),
        ));
    }
    // microgram: 50mcg, 50 mcg, 50µg → 50 micrograms.
    let mcg = |s: &str| s.eq_ignore_ascii_case("mcg") || s == "µg" || s == "μg";
    let end = if mcg(suffix) {
        Some(i)
    } else if suffix.is_empty() && mcg(w.text(next)) {
        Some(next)
    } else {
        None
    };
    if let Some(e) = end {
        let s = format!("{num} {}", if p.value == 1.0 { "microgram" } else { "micrograms" });
        out.extend(hit(
            nx,
            "microgram",
            i,
            e,
            Some(s.clone()),
            Applicability::Review,
            format!("Write 'micrograms' in full: '{s}'."),
        ));
    }
}
