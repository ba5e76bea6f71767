//! What each number means for the reader (issue 15): a **chance** (how many people out of how
//! many something happens to) is the only kind of number the chance rules (`percentage`,
//! `mixed-denominators`, `one-in-x-varying`, `mixed-number-formats`, `one-sided-framing`,
//! `missing-time-frame`) and the icon-array pictures look at, and the only kind their fixes may
//! restate. Everything else keeps its form: a blood-sugar target given as a percentage (`HbA1c
//! 6.5%`), a cream's strength (`1% cream`), a statistic (`95% CI`, `61 ± 10`, `p = 0.03`), a
//! citation marker glued to a full stop (`common.12`, `[3]`), a screening cut-off (`a chance
//! greater than 1 in 150`), a sentence that explains a number format (`'1 in 100' means …`) and
//! a table or parenthesis that pairs two formats of one chance on purpose (`1 in 10 (10%)`).
//!
//! [`assign`] runs once after the model is built: one pass over the quantities, looking only at
//! a few tokens around each (no quadratic step), then one pass per unit and per table row for the
//! pairings.

use super::lexicon as lx;
use super::phrases::Words;
use super::{role, Kind, NumberModel, Quantity};
use crate::document::{BlockKind, Document};
use crate::text::Analysis;
use serde::Serialize;

/// What a number means for the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Meaning {
    /// A count or amount with no stronger meaning (`3 tablets` is a dose: see `Measurement`).
    #[default]
    Count,
    /// How many people out of how many something happens to (`1 in 10 people`, `a 2% risk`).
    Chance,
    /// A relative change of a risk (`a 40% increased risk`, `cuts your risk by 30%`).
    Change,
    /// A measurement, target, dose or strength (`HbA1c 6.5%`, `94% oxygen`, `1% cream`, `38C`,
    /// `500mg`, `2 tablets`); a length of time is a count (`3.2 days` may be rounded).
    Measurement,
    /// A statistic (`95% CI`, `61 ± 10`, `p = 0.03`, `n = 120`, `mean 61`, odds and hazard ratios).
    Statistic,
    /// A citation marker (`common.12`, `[3]`).
    Citation,
    /// A score, threshold or cut-off (`a score of 7 out of 10`, `a chance greater than 1 in 150`).
    Threshold,
    /// A number inside a sentence that explains a number format or inside quotation marks
    /// (`'1 in 100' means 1 person in every 100`).
    Example,
    /// One chance given in two formats on purpose (`1 in 10 (10%)`, a table row pairing them).
    Paired,
    /// A date or year.
    Date,
    /// A clock time.
    Time,
    /// A phone or service number.
    Phone,
    /// Money.
    Money,
    /// A label, name or reference number (`type 2`, `COVID-19`, an NHS number).
    Name,
}

impl Meaning {
    /// The kebab-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Meaning::Count => "count",
            Meaning::Chance => "chance",
            Meaning::Change => "change",
            Meaning::Measurement => "measurement",
            Meaning::Statistic => "statistic",
            Meaning::Citation => "citation",
            Meaning::Threshold => "threshold",
            Meaning::Example => "example",
            Meaning::Paired => "paired",
            Meaning::Date => "date",
            Meaning::Time => "time",
            Meaning::Phone => "phone",
            Meaning::Money => "money",
            Meaning::Name => "name",
        }
    }
    /// A fix may restate a number of this meaning (only chances and plain counts).
    pub fn restatable(self) -> bool {
        matches!(self, Meaning::Chance | Meaning::Count)
    }
}

/// Words that make a percentage or number after them a measurement, with only
/// [`MEASURE_FILLER`] words between (`oxygen saturation of 94%`, `blood alcohol level of 0.08%`,
/// `body fat 30%`).
const MEASURE_WORDS: &[&str] = &[
    "alcohol",
    "fat",
    "abv",
    "humidity",
    "concentration",
    "saturation",
    "saturations",
    "sats",
    "spo2",
    "hba1c",
    "a1c",
    "oxygen",
    "glucose",
    "sugar",
    "bmi",
    "ejection",
    "fraction",
    "haematocrit",
    "hematocrit",
    "strength",
    "temperature",
    "pressure",
    "level",
    "levels",
    "reading",
    "readings",
    "target",
    "weight",
    "cholesterol",
];
const MEASURE_FILLER: &[&str] = &[
    "of", "is", "are", "was", "be", "level", "levels", "content", "reading", "readings", "your", "a", "an", "the",
    "blood", "body", "below", "above", "over", "under", "less", "more", "than", "at", "around", "about", "between",
    "to", "(", ":", "=", "should", "stay", "keep", "kept", "target", "within", "range", "normal", "ideally", "usually",
    "up", "aim", "for", "by", "volume", "mol", "mmol", "/",
];

/// Statistic words before a number (`95% CI`, `mean 61`, `odds ratio 1.4`).
const STAT_BEFORE: &[&str] = &[
    "ci",
    "confidence",
    "sd",
    "sem",
    "mean",
    "median",
    "iqr",
    "or",
    "hr",
    "rr",
    "ratio",
    "deviation",
    "±",
    "+/-",
    "p-value",
    "aor",
    "ahr",
    "irr",
];

/// Words that explain a number format (`'1 in 100' means`, `is the same as`, `equivalent to`).
const EXPLAIN: &[&str] = &["means", "meaning", "equivalent", "equals", "equal", "written", "expressed"];

/// Assign every quantity's [`Meaning`].
pub fn assign(doc: &Document, an: &Analysis, m: &mut NumberModel) {
    for ui in 0..m.by_unit.len() {
        let r = m.by_unit[ui].clone();
        if r.is_empty() {
            continue;
        }
        let w = Words::unit(doc, an, &m.lex, ui);
        for qi in r.clone() {
            let mean = of(doc, &w, &m.quantities[qi]);
            m.quantities[qi].meaning = mean;
        }
        // A sentence that reports statistics (a confidence interval, a p-value, `26% vs. 6%`,
        // a ratio) reports a study's results: none of its numbers is the reader's chance, and
        // restating some of them would leave the comparison in two formats.
        if statistical_sentence(&w) || m.quantities[r.clone()].iter().any(|q| q.meaning == Meaning::Statistic) {
            for q in &mut m.quantities[r.clone()] {
                if matches!(q.meaning, Meaning::Chance | Meaning::Count | Meaning::Change) {
                    q.meaning = Meaning::Statistic;
                }
            }
        }
        pairings(doc, &w, &mut m.quantities[r]);
    }
    tables(doc, m);
}

fn chance_like(q: &Quantity) -> bool {
    q.meaning == super::Meaning::Chance && matches!(q.kind, Kind::Frequency | Kind::Percentage)
}

/// The meaning of one quantity from its kind, roles and the few words around it.
fn of(doc: &Document, w: &Words<'_>, q: &Quantity) -> Meaning {
    match q.kind {
        Kind::Phone => return Meaning::Phone,
        Kind::Date | Kind::Year => return Meaning::Date,
        Kind::ClockTime => return Meaning::Time,
        Kind::Label | Kind::Name | Kind::Reference => return Meaning::Name,
        _ => {}
    }
    if citation(doc, w, q) {
        return Meaning::Citation;
    }
    // `12 noon`, `1730hrs` (a 24-hour clock time).
    let t = w.text(q.tokens.start);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if w.is_any(q.tokens.end, &["noon", "midnight"])
        || (digits == 4 && q.tokens.len() == 1 && matches!(&t[4..], "hrs" | "h" | "hr") && q.low % 100.0 < 60.0)
    {
        return Meaning::Time;
    }
    if q.kind == Kind::Money || q.any(role::MONEY) {
        return Meaning::Money;
    }
    if q.any(role::STATISTIC) || statistic(w, q) {
        return Meaning::Statistic;
    }
    if q.any(role::SCORE) || threshold(w, q) {
        return Meaning::Threshold;
    }
    if q.any(role::TEST | role::TEMPERATURE | role::STRENGTH | role::DOSE)
        || matches!(q.kind, Kind::Dose | Kind::Measure | Kind::Ratio)
        || measured(w, q)
    {
        return Meaning::Measurement;
    }
    if q.any(role::CHANGE | role::POINTS) {
        return Meaning::Change;
    }
    match q.kind {
        Kind::Frequency => Meaning::Chance,
        Kind::Percentage if q.low > 0.0 && q.high.unwrap_or(q.low) < 100.0 => Meaning::Chance,
        Kind::Fraction if q.any(role::PEOPLE) || q.context & super::context::RISK != 0 => Meaning::Chance,
        _ => Meaning::Count,
    }
}

/// A citation marker: a bare whole number glued to the end of a word or sentence (`common.12`,
/// `effects,3`) or alone in square brackets (`[3]`, `[3, 4]`, `[3-5]`).
fn citation(doc: &Document, w: &Words<'_>, q: &Quantity) -> bool {
    let t = w.text(q.tokens.start);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) || t.len() > 3 {
        return false;
    }
    let text = doc.blocks[q.block].analysed.as_str();
    let before = &text[..q.analysed.start];
    let mut back = before.chars().rev();
    let (p1, p2) = (back.next(), back.next());
    let glued = matches!(p1, Some('.' | ',' | ';' | ')' | ']'))
        && p2.is_some_and(|c| c.is_alphabetic() || c == ')' || c == '%')
        && !text[q.analysed.end..].starts_with(|c: char| c.is_alphanumeric());
    // Not a decimal written with a space, a section number (`3.12`) or a list (`1,2`).
    if glued && (p2.is_some_and(char::is_alphabetic) || (p1 == Some('.') && p2 == Some(')'))) {
        return true;
    }
    if p1 == Some('[') {
        let after = &text[q.analysed.start..];
        if let Some(close) = after.find(']') {
            let inside = &after[..close];
            return inside.len() <= 20 && inside.chars().all(|c| c.is_ascii_digit() || ", -–".contains(c));
        }
    }
    false
}

/// A statistic: a statistic word within 3 tokens before (`95% CI`, `mean 61`, `OR 1.4`), `±`
/// next to it, `p =`, `n =` before it, or `CI` right after it.
fn statistic(w: &Words<'_>, q: &Quantity) -> bool {
    let (a, b) = (q.tokens.start, q.tokens.end);
    if w.is_any(b, &["ci", "±", "+/-", "sd", "confidence"]) || (b..b + 2).any(|k| w.text(k) == "±") {
        return true;
    }
    let from = a.saturating_sub(3).max(w.range.start);
    for k in from..a {
        let t = w.text(k);
        if t == "±" || t == "+/-" {
            return true;
        }
        if w.is_any(k, &["p", "n"]) && matches!(w.text(k + 1), "=" | "<" | ">" | "≤" | "≥" | "<=" | ">=") {
            return true;
        }
        // `OR` and `HR` only in capitals (not the word `or`).
        if matches!(t, "OR" | "HR" | "RR" | "CI" | "SD" | "IQR" | "aOR" | "aHR") {
            return true;
        }
        if !matches!(t, "OR" | "or")
            && w.is_any(k, STAT_BEFORE)
            && !(w.is(k, "mean") && k > w.range.start && w.is_any(k - 1, &["this", "that", "it", "will", "does"]))
        {
            return true;
        }
    }
    false
}

/// A sentence that compares study results: `vs.`/`versus` between numbers, a p-value (`P <
/// .001`), or a ratio named in capitals (`SMR, 2.05`, `RR 1.9`).
fn statistical_sentence(w: &Words<'_>) -> bool {
    w.range.clone().any(|k| {
        let t = w.text(k);
        (matches!(t, "vs" | "vs." | "versus") && k > w.range.start && w.has(k - 1, lx::NUMBER | lx::PERCENT))
            || (matches!(t, "vs" | "vs." | "versus") && w.has(k + 1, lx::NUMBER))
            || (matches!(t, "P" | "p" | "*P*") && matches!(w.text(k + 1), "<" | "=" | "≤" | "<=" | ">"))
            || matches!(t, "SMR" | "SIR" | "IRR" | "aOR" | "aHR" | "NNT" | "NNS" | "CI")
            // `the mean follow-up was 4.35 years`, `a median of 6 months` (not `this may mean`).
            || w.is(k, "median")
            || (w.is(k, "mean") && k > w.range.start && w.is_any(k - 1, &["the", "a", "overall"]))
    })
}

/// A threshold or cut-off: a chance compared with a risk word before it (`a chance greater than
/// 1 in 150`, `your risk is higher than 1 in 100`), or named one (`cut-off of 1 in 150`,
/// `1 in 150 or higher`).
fn threshold(w: &Words<'_>, q: &Quantity) -> bool {
    if !matches!(q.kind, Kind::Frequency | Kind::Percentage) {
        return false;
    }
    let (a, b) = (q.tokens.start, q.tokens.end);
    let from = a.saturating_sub(6).max(w.range.start);
    if (from..a).any(|k| w.is_any(k, &["cut-off", "cutoff", "threshold", "cut", "cut-point"])) {
        return true;
    }
    if w.is(b, "or") && w.is_any(b + 1, &["higher", "greater", "above", "lower", "less", "below", "more"]) {
        return true;
    }
    let comparative = ["greater", "higher", "lower", "bigger", "smaller", "above", "below"];
    // `chance [is] greater than 1 in 150`, `risk higher than`, `chance above`.
    (from..a).any(|k| {
        w.is_any(k, &comparative)
            && (k.saturating_sub(3).max(w.range.start)..k).any(|j| w.has(j, lx::RISK))
            && (k + 1..a).all(|j| w.is_any(j, &["than", "a", "an", "of", "the", "about", "around"]))
    })
}

/// A measurement word before the number with only filler words between (`oxygen saturation of
/// 94%`, `blood alcohol level of 0.08%`, `body fat 30%`), or a percentage in brackets right after
/// a test result (`48 mmol/mol (6.5%)`).
fn measured(w: &Words<'_>, q: &Quantity) -> bool {
    let a = q.tokens.start;
    let from = a.saturating_sub(7).max(w.range.start);
    for k in (from..a).rev() {
        if w.has(k, lx::TEST) || w.is_any(k, MEASURE_WORDS) {
            return true;
        }
        if !(w.is_any(k, MEASURE_FILLER) || w.has(k, lx::NUMBER | lx::MEASURE)) {
            break;
        }
    }
    // `48 mmol/mol (6.5%)`: the `(` follows a test unit.
    a >= w.range.start + 2
        && w.is(a - 1, "(")
        && (w.is_any(a - 2, &["mmol/mol", "mmol/l", "mmhg", "mol", "l", "kg/m2", "hg"]) || w.has(a - 2, lx::MEASURE))
}

/// Per unit: a chance restated in another format right after it (`1 in 10 (10%)`, `10%, or 1 in
/// 10`) is [`Meaning::Paired`]; chances in a sentence that explains a number format, or in
/// quotation marks, are [`Meaning::Example`].
fn pairings(doc: &Document, w: &Words<'_>, qs: &mut [Quantity]) {
    // Quoted chances.
    for q in qs.iter_mut().filter(|q| chance_like(q)) {
        let text = doc.blocks[q.block].analysed.as_str();
        let open = text[..q.analysed.start].chars().next_back();
        let close = text[q.analysed.end..].chars().next();
        let quote = |c: Option<char>| matches!(c, Some('\'' | '"' | '‘' | '’' | '“' | '”'));
        if quote(open) && quote(close) {
            q.meaning = Meaning::Example;
        }
    }
    // A sentence that explains a format: `'1 in 100' means …`, `a 1% chance is the same as …`.
    let explains = w.range.clone().any(|k| {
        (w.is_any(k, EXPLAIN) || w.phrase(k, &["same", "as"]) || w.phrase(k, &["in", "other", "words"]))
            && k > w.range.start
            && {
                // The subject is a number, a quote or a chance word, not `this`/`it`.
                let mut p = k - 1;
                while p > w.range.start && (w.is_any(p, &["'", "\"", "’", "”", "is", "the", "exactly", "just"])) {
                    p -= 1;
                }
                w.has(p, lx::NUMBER | lx::RISK | lx::PERCENT)
                    || w.is_any(p, &["cent", "percent", "percentage", "number", "figure", "frequency", "100", "as"])
                    || qs.iter().any(|q| q.tokens.contains(&p))
            }
    });
    let chances = qs.iter().filter(|q| chance_like(q)).count();
    if explains && chances >= 1 {
        for q in qs.iter_mut().filter(|q| chance_like(q)) {
            q.meaning = Meaning::Example;
        }
        return;
    }
    // Two-way framing: `3 in 100 get a rash, and 97 in 100 do not` (shares that add up to 1).
    for i in 1..qs.len() {
        let (l, r) = qs.split_at_mut(i);
        let (p, q) = (&mut l[i - 1], &mut r[0]);
        if let (true, true, Some(x), Some(y)) = (chance_like(p), chance_like(q), p.share(), q.share()) {
            let same_base = p.kind == q.kind && (p.kind == Kind::Percentage || p.denominator == q.denominator);
            if same_base && p.high.is_none() && q.high.is_none() && (x + y - 1.0).abs() < 0.011 {
                p.meaning = Meaning::Paired;
                q.meaning = Meaning::Paired;
            }
        }
    }
    // `1 in 10 (10%)`, `10% (1 in 10)`, `10%, or 1 in 10`: same share, other format, ≤ 3 tokens apart.
    for i in 1..qs.len() {
        let (l, r) = qs.split_at_mut(i);
        let (p, q) = (&mut l[i - 1], &mut r[0]);
        if !(chance_like(p) && chance_like(q)) || p.kind == q.kind {
            continue;
        }
        let gap = q.tokens.start.saturating_sub(p.tokens.end);
        let between_ok = (p.tokens.end..q.tokens.start).all(|k| {
            w.is_any(k, &["(", ",", "or", "-", "–", "about", "around", "roughly", "approximately", "that", "is", ":"])
        });
        let close = match (p.share(), q.share()) {
            (Some(x), Some(y)) if x > 0.0 && y > 0.0 => (x - y).abs() <= 0.1 * x.max(y),
            _ => false,
        };
        if gap <= 3 && between_ok && close {
            p.meaning = Meaning::Paired;
            q.meaning = Meaning::Paired;
        }
    }
}

/// A table row whose cells give chances both as natural frequencies and as percentages pairs the
/// formats on purpose: every chance in it is [`Meaning::Paired`].
fn tables(doc: &Document, m: &mut NumberModel) {
    let row_of = |b: usize| match doc.blocks.get(b).map(|b| &b.kind) {
        Some(BlockKind::TableCell { row, .. }) => Some(*row),
        _ => None,
    };
    let mut i = 0;
    let n = m.quantities.len();
    while i < n {
        let Some(row) = row_of(m.quantities[i].block) else {
            i += 1;
            continue;
        };
        // The quantities of consecutive blocks in this row (cells of one row are adjacent blocks).
        let mut j = i;
        while j < n && row_of(m.quantities[j].block) == Some(row) {
            j += 1;
        }
        let group = &mut m.quantities[i..j];
        let freq = group.iter().any(|q| chance_like(q) && q.kind == Kind::Frequency);
        let pct = group.iter().any(|q| chance_like(q) && q.kind == Kind::Percentage);
        if freq && pct {
            for q in group.iter_mut().filter(|q| chance_like(q)) {
                q.meaning = Meaning::Paired;
            }
        }
        i = j.max(i + 1);
    }
}
