//! Building the [`NumberModel`]: classify tokens, then group each unit's numbers into quantities.
//!
//! Per unit, left to right: phone tokens, reference numbers (NHS numbers, long digit runs),
//! postcodes, ISO and day–month dates come first; then a number *atom* (digits, or number and
//! fraction words, with a scale word: `37 million`) grows into a natural frequency (`1 in 10`), a
//! percentage (`20%`, `50 per cent`, `5-10%`), a ratio (`1:1000`, `120 over 80`), or a range or
//! alternatives (`4 to 6`, `1 or 2`, `between 60 and 74`), and takes the unit word after it
//! (`hours`, `tablets`, `mg`). The words before it decide labels (`type 2`), ages (`aged 65`),
//! test results (`BMI 18.5`) and approximators (`about`).

use super::lexicon::{self as lx, Lex};
use super::parse::{parse, NumTok, Shape};
use super::phrases::{self, Words};
use super::{context, role, Kind, NumberModel, Quantity};
use crate::document::Document;
use crate::text::tokens::TokenClass;
use crate::text::{token_text, Analysis, UnitKind};

pub(super) fn build(doc: &Document, an: &Analysis) -> NumberModel {
    let mut lex = Vec::with_capacity(an.tokens.len());
    // Leaflets repeat their words: classify each distinct form once.
    let mut seen = crate::text::WordMemo::default();
    for t in &an.tokens {
        let text = token_text(doc, t);
        let l = match t.class {
            TokenClass::Word | TokenClass::Acronym if lx::may_classify(text) => seen.get(t, || lx::classify(text)),
            TokenClass::Word | TokenClass::Acronym => 0,
            TokenClass::Number => {
                let mut f = lx::NUMBER;
                if t.phone {
                    f |= lx::PHONE;
                }
                if text.contains('%') {
                    f |= lx::PERCENT;
                }
                if text.contains('/') || text.chars().any(|c| ('¼'..='¾').contains(&c) || ('⅐'..='⅞').contains(&c))
                {
                    f |= lx::SLASH;
                }
                if text.bytes().any(|b| b == b'.') {
                    f |= lx::DECIMAL;
                }
                f
            }
            TokenClass::Punct if matches!(text, "-" | "–" | "—" | "‐" | "‑") => lx::DASH,
            _ => 0,
        };
        lex.push(l);
    }
    let mut m = NumberModel {
        lex,
        by_unit: Vec::with_capacity(an.units.len()),
        unit_lex: Vec::with_capacity(an.units.len()),
        heading: Vec::with_capacity(an.units.len()),
        quantities: Vec::new(),
    };
    let mut heading = None;
    let mut heading_side_effects = false;
    for (ui, u) in an.units.iter().enumerate() {
        let ul = m.lex[u.tokens.clone()].iter().fold(0, |a, b| a | b);
        m.unit_lex.push(ul);
        m.heading.push(heading);
        let under_side_effects = heading_side_effects;
        if u.kind == UnitKind::Heading {
            heading = Some(ui);
            heading_side_effects = ul & lx::OUTCOME != 0 && phrases::side_effects(&Words::unit(doc, an, &m.lex, ui));
        }
        let start = m.quantities.len();
        if ul & lx::NUMERIC != 0 {
            let w = Words::unit(doc, an, &m.lex, ui);
            let mut b = Unit { w, u: ui, out: Vec::new() };
            b.run();
            let mut found = b.out;
            if !found.is_empty() {
                let ctx = unit_context(doc, an, &m, ui, under_side_effects);
                for q in &mut found {
                    q.context = ctx;
                }
            }
            m.quantities.extend(found);
        }
        m.by_unit.push(start..m.quantities.len());
    }
    super::meaning::assign(doc, an, &mut m);
    m
}

/// Context flags of unit `ui` (SPEC §5 contexts; side effects also from its heading).
fn unit_context(doc: &Document, an: &Analysis, m: &NumberModel, ui: usize, heading_se: bool) -> u32 {
    let w = Words::unit(doc, an, &m.lex, ui);
    let mut c = 0;
    if m.unit_lex[ui] & lx::RISK != 0 {
        c |= context::RISK;
    }
    if m.unit_lex[ui] & lx::OUTCOME != 0 {
        c |= context::OUTCOME;
    }
    if heading_se || phrases::side_effects(&w) {
        c |= context::SIDE_EFFECT;
    }
    if phrases::per_day(&w) {
        c |= context::PER_DAY;
    }
    if phrases::time_frame(&w) {
        c |= context::TIME_FRAME;
    }
    c
}

/// A number atom: tokens `a..b` with a value.
#[derive(Clone, Copy)]
struct Atom<'t> {
    a: usize,
    b: usize,
    value: f64,
    tok: Option<NumTok<'t>>,
    spelled: bool,
    frac: Option<(f64, f64)>,
    scaled: bool,
}

impl Atom<'_> {
    /// A whole number without suffix or currency (digits or words).
    fn plain_int(&self) -> bool {
        self.frac.is_none() && self.tok.is_none_or(|t| t.bare_integer()) && self.value.fract() == 0.0
    }
    fn suffix(&self) -> &str {
        self.tok.map_or("", |t| t.suffix)
    }
    fn percent(&self) -> bool {
        self.tok.is_some_and(|t| t.percent())
    }
}

struct Unit<'a> {
    w: Words<'a>,
    u: usize,
    out: Vec<Quantity>,
}

const DASHES: &[&str] = &["-", "–", "—", "‐", "‑"];

impl<'a> Unit<'a> {
    fn end(&self) -> usize {
        self.w.range.end
    }

    fn push(&mut self, kind: Kind, a: usize, b: usize, low: f64, roles: u32) -> usize {
        let (ta, tb) = (&self.w.an.tokens[a], &self.w.an.tokens[b - 1]);
        let block = ta.block as usize;
        let analysed = ta.analysed.start..tb.analysed.end;
        let span = self.w.doc.blocks[block].span_of(analysed.clone());
        self.out.push(Quantity {
            kind,
            low,
            high: None,
            denominator: None,
            roles,
            context: 0,
            unit: self.u,
            block,
            analysed,
            span,
            tokens: a..b,
            measure: None,
            meaning: super::Meaning::Count,
        });
        b
    }

    fn run(&mut self) {
        let mut i = self.w.range.start;
        while i < self.end() {
            let l = self.w.lx(i);
            if l & lx::NUMERIC == 0 {
                i += 1;
                continue;
            }
            if l & lx::PHONE != 0 {
                i = self.push(Kind::Phone, i, i + 1, 0.0, 0);
                continue;
            }
            if let Some(next) = self.special(i) {
                i = next;
                continue;
            }
            match self.atom(i) {
                Some(a) => i = self.expression(a).max(i + 1),
                None => i += 1,
            }
        }
    }

    /// Reference numbers, postcodes, numeric and ISO dates, day–month dates, clock times, names.
    fn special(&mut self, i: usize) -> Option<usize> {
        let w = self.w.clone();
        let t = w.text(i);
        if w.lx(i) & lx::NUMBER == 0 {
            return None;
        }
        let digits = |k: usize| {
            let s = w.text(k);
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then_some(s.len())
        };
        // A service number in a list of phone numbers: `999, 111 or 0300 123 4567`.
        if matches!(t, "999" | "111" | "112" | "911") {
            let phone_near =
                |k: usize| w.has(k, lx::PHONE) || (matches!(w.text(k), "999" | "111" | "112" | "911") && k != i);
            let joined = |k: usize| w.is_any(k, &[",", "or", "and", "/"]);
            if (i >= w.range.start + 2 && joined(i - 1) && phone_near(i - 2)) || (joined(i + 1) && phone_near(i + 2)) {
                return Some(self.push(Kind::Phone, i, i + 1, 0.0, 0));
            }
        }
        // NHS number: 3 3 4 digits.
        if digits(i) == Some(3) && digits(i + 1) == Some(3) && digits(i + 2) == Some(4) {
            return Some(self.push(Kind::Reference, i, i + 3, 0.0, 0));
        }
        // A long run of digits, or a number after `reference`/`ref`/`code`.
        if digits(i).is_some_and(|n| n >= 7)
            || (i > w.range.start && w.is_any(i - 1, &["reference", "ref", "code", "ref:"]))
        {
            return Some(self.push(Kind::Reference, i, i + 1, 0.0, 0));
        }
        // Postcode inward code: `1AA` after an outward code (`SW1A`).
        let tb = t.as_bytes();
        if tb.len() == 3
            && tb[0].is_ascii_digit()
            && tb[1..].iter().all(u8::is_ascii_uppercase)
            && i > w.range.start
            && is_outward_code(w.text(i - 1))
        {
            return Some(self.push(Kind::Reference, i - 1, i + 1, 0.0, 0));
        }
        let tok = parse(t)?;
        // ISO date 2023-09-01.
        if digits(i) == Some(4)
            && w.is_any(i + 1, DASHES)
            && digits(i + 2) == Some(2)
            && w.is_any(i + 3, DASHES)
            && digits(i + 4) == Some(2)
        {
            return Some(self.push(Kind::Date, i, i + 5, 0.0, 0));
        }
        if tok.shape == Shape::Date {
            return Some(self.push(Kind::Date, i, i + 1, 0.0, 0));
        }
        if tok.shape == Shape::Slash(24.0, 7.0) {
            return Some(self.push(Kind::Name, i, i + 1, 0.0, 0));
        }
        // Clock times: 10:30, 8am, 5.30pm, 8 a.m., 5 o'clock.
        if matches!(tok.shape, Shape::Clock(..)) || tok.ampm() {
            let b = if w.has(i + 1, lx::AMPM) { i + 2 } else { i + 1 };
            return Some(self.range_or(Kind::ClockTime, i, b));
        }
        if tok.bare_integer() && w.has(i + 1, lx::AMPM) && !w.is(i + 1, "noon") {
            return Some(self.range_or(Kind::ClockTime, i, i + 2));
        }
        // Dates: 1 September 2023, 6th August, September 1(, 2023).
        let day =
            tok.decimals == 0 && tok.currency.is_none() && (1.0..=31.0).contains(&tok.value) && tok.int_digits <= 2;
        let dayish = day && (tok.suffix.is_empty() || tok.ordinal());
        if dayish && is_month(&w, i + 1) {
            let mut b = i + 2;
            if digits(b) == Some(4) {
                b += 1;
            }
            let a = if i > w.range.start && w.has(i - 1, lx::WEEKDAY) { i - 1 } else { i };
            return Some(self.push(Kind::Date, a, b, 0.0, 0));
        }
        if dayish && i > w.range.start && is_month(&w, i - 1) {
            let mut b = i + 1;
            if w.is(b, ",") && digits(b + 1) == Some(4) {
                b += 2;
            } else if digits(b) == Some(4) {
                b += 1;
            }
            return Some(self.push(Kind::Date, i - 1, b, 0.0, 0));
        }
        // Names: 5 A Day, COVID 19, Omega 3, Key Stage 2 (a label).
        if w.phrase(i + 1, &["a", "day"]) && w.text(i + 1) == "A" {
            return Some(self.push(Kind::Name, i, i + 3, 0.0, 0));
        }
        if i > w.range.start && w.is_any(i - 1, &["covid", "omega", "vitamin", "windows", "ios", "android"]) {
            return Some(self.push(Kind::Name, i, i + 1, 0.0, 0));
        }
        // Labels: type 2, step 3, section 4, page 10, No. 26, Year 6.
        if tok.decimals == 0 || w.is_any(i.saturating_sub(1), &["version", "section", "chapter", "page"]) {
            if let Some(b) = self.label(i) {
                return Some(b);
            }
        }
        None
    }

    /// A clock time, or a range of two (`2pm-6pm`, `8am to 6pm`).
    fn range_or(&mut self, kind: Kind, a: usize, b: usize) -> usize {
        let w = &self.w;
        let mut end = b;
        if w.is_any(b, &["to", "-", "–", "—", "and", "until"]) && w.has(b + 1, lx::NUMBER) {
            let t = parse(w.text(b + 1));
            if t.is_some_and(|t| t.ampm() || matches!(t.shape, Shape::Clock(..))) {
                end = if w.has(b + 2, lx::AMPM) { b + 3 } else { b + 2 };
            } else if t.is_some_and(|t| t.bare_integer()) && w.has(b + 2, lx::AMPM) {
                end = b + 3;
            }
        }
        self.push(kind, a, end, 0.0, 0)
    }

    /// A label number at `i` (after a label word, or a list/section number at unit start).
    fn label(&mut self, i: usize) -> Option<usize> {
        let w = &self.w;
        let start = w.range.start;
        // List, step or section number opening a unit: `3. How to take it`, `2) Wash your hands`.
        let first_word =
            (start..i).all(|k| w.class(k) != Some(TokenClass::Word) && w.class(k) != Some(TokenClass::Number));
        let next = w.text(i + 2);
        // Only a bare whole number (`3.`, `2)`), not a dose with its unit glued on (`1mg:`).
        if first_word
            && parse(w.text(i)).is_some_and(|t| t.bare_integer())
            && w.is_any(i + 1, &[".", ")", ":"])
            && (next.is_empty() || next.starts_with(|c: char| c.is_uppercase()))
        {
            return Some(self.push(Kind::Label, i, i + 1, 0.0, 0));
        }
        if i == start {
            return None;
        }
        let p = w.text(i - 1);
        let mut b = i + 1;
        let is_label = if (w.is(i - 1, ".") && i >= start + 2 && w.text(i - 2) == "No") || p == "No" || p == "NO" {
            true
        } else if p.eq_ignore_ascii_case("year") {
            p == "Year"
        } else {
            w.has(i - 1, lx::LABEL) && !w.is(i - 1, "no")
        };
        if !is_label {
            return None;
        }
        // `stages 2 and 3`, `steps 1 to 4`.
        if w.is_any(i + 1, &["and", "or", "to", "-", "–"]) && w.has(i + 2, lx::NUMBER) {
            b = i + 3;
        }
        Some(self.push(Kind::Label, i, b, 0.0, 0))
    }

    /// A number atom at `i`.
    fn atom(&self, i: usize) -> Option<Atom<'a>> {
        let w = &self.w;
        let l = w.lx(i);
        let mut at = Atom { a: i, b: i + 1, value: 0.0, tok: None, spelled: false, frac: None, scaled: false };
        if l & lx::NUMBER != 0 {
            if l & lx::PHONE != 0 {
                return None;
            }
            let t = parse(w.text(i))?;
            at.value = t.value;
            at.tok = Some(t);
            match t.shape {
                Shape::Slash(n, d) => at.frac = Some((n, d)),
                Shape::Vulgar(whole, n, d) => at.frac = Some((whole * d + n, d)),
                // 1 1/2: a whole number and a fraction.
                Shape::Plain if t.bare_integer() && w.has(i + 1, lx::SLASH) => {
                    if let Some(Shape::Slash(n, d)) =
                        parse(w.text(i + 1)).filter(|f| f.suffix.is_empty()).map(|f| f.shape)
                    {
                        if n < d && d <= 12.0 {
                            at.value += n / d;
                            at.frac = Some((t.value * d + n, d));
                            at.b = i + 2;
                            return Some(at);
                        }
                    }
                }
                _ => {}
            }
        } else if l & lx::FRAC != 0 {
            let (n, d) = lx::fraction_word(w.text(i))?;
            let singular = !w.text(i).ends_with('s') || w.text(i).contains('-');
            let text = w.text(i);
            let half = text.eq_ignore_ascii_case("half");
            let after_a = i > w.range.start && w.is_any(i - 1, &["a", "an", "one"]);
            if !(half || text.contains('-') || after_a) {
                return None;
            }
            if !half && !text.contains('-') && (!singular || w.has(i + 1, lx::DOSE | lx::TIME) && !w.is(i + 1, "of")) {
                // `a third dose` is an ordinal.
                return None;
            }
            at.value = n / d;
            at.frac = Some((n, d));
            at.spelled = true;
        } else if l & lx::NUM != 0 {
            at.value = lx::number_word(w.text(i))?;
            at.spelled = true;
            // `two thirds`, `three quarters`.
            if w.has(i + 1, lx::FRAC) && w.text(i + 1).ends_with('s') {
                let (_, d) = lx::fraction_word(w.text(i + 1))?;
                at.frac = Some((at.value, d));
                at.value /= d;
                at.b = i + 2;
                return Some(at);
            }
            if w.has(i, lx::SCALE) && !(i > w.range.start && w.is_any(i - 1, &["a", "one"])) {
                return None; // `hundred` alone is not a number; `a hundred` is.
            }
        } else {
            return None;
        }
        // Scale words: 37 million, $327 billion, two thousand.
        if w.has(at.b, lx::SCALE) && w.has(at.b, lx::NUM) && at.frac.is_none() && at.suffix().is_empty() {
            if let Some(s) = lx::number_word(w.text(at.b)) {
                at.value *= s;
                at.scaled = true;
                at.b += 1;
            }
        }
        Some(at)
    }

    /// Grow an atom into an expression and push it; return the next token index.
    fn expression(&mut self, a: Atom<'a>) -> usize {
        let w = self.w.clone();
        let mut roles = 0;
        if a.spelled {
            roles |= role::SPELLED;
        }
        if a.scaled {
            roles |= role::SCALED;
        }
        if a.tok.is_some_and(|t| t.decimals > 0) {
            roles |= role::DECIMAL;
        }
        if phrases::approximator_before(&w, a.a).is_some() {
            roles |= role::APPROX;
        }
        // Natural frequency: N in [every] D, N out of [every] D, N of every D.
        if a.plain_int() && !a.scaled && !self.age(a.a, a.b) {
            let k = if w.is(a.b, "in") && w.is(a.b + 1, "every") {
                Some(a.b + 2)
            } else if w.is(a.b, "in") {
                Some(a.b + 1)
            } else if w.phrase(a.b, &["out", "of", "every"]) {
                Some(a.b + 3)
            } else if w.phrase(a.b, &["out", "of"]) || w.phrase(a.b, &["of", "every"]) {
                Some(a.b + 2)
            } else {
                None
            };
            if let Some(d) = k.and_then(|k| self.atom(k)) {
                let unit_after = w.has(d.b, lx::TIME | lx::DOSE | lx::MEASURE);
                let year_like = d.tok.is_some_and(|t| !t.commas && t.int_digits == 4)
                    && (1800.0..=2100.0).contains(&d.value)
                    && !self.people_after(d.b);
                if d.plain_int() && d.value >= a.value && d.value > 0.0 && !unit_after && !year_like {
                    let scored = (a.a.saturating_sub(6).max(w.range.start)..a.a)
                        .any(|k| w.is_any(k, &["score", "scored", "scale", "rate", "rating", "marks", "mark"]));
                    if phrases::ec_band(&w, a.a) {
                        roles |= role::EC_BAND;
                    }
                    if self.people_after(d.b) {
                        roles |= role::PEOPLE;
                    }
                    let kind = if scored {
                        roles |= role::SCORE;
                        Kind::Ratio
                    } else {
                        Kind::Frequency
                    };
                    let end = self.push(kind, a.a, d.b, a.value, roles);
                    if let Some(q) = self.out.last_mut() {
                        q.denominator = Some(d.value);
                    }
                    return end;
                }
            }
        }
        // Ratio: 1:1000.
        if a.plain_int() && w.is(a.b, ":") {
            if let Some(d) = self.atom(a.b + 1).filter(|d| d.plain_int()) {
                let end = self.push(Kind::Ratio, a.a, d.b, a.value, roles);
                if let Some(q) = self.out.last_mut() {
                    q.denominator = Some(d.value);
                }
                return end;
            }
        }
        // A range of natural frequencies: `3 to 5 in 100`, `1 or 2 in 10`, `3-5 out of 100` (one
        // quantity: a fix that wrote it is read back whole, never as `3` and `5 in 100`).
        if a.plain_int() && !a.scaled {
            let conn = w.text(a.b);
            // `between 20 and 50 in 100` is a range too.
            let between = (a.a.saturating_sub(4).max(w.range.start)..a.a).any(|k| w.is(k, "between"));
            let joined = conn.eq_ignore_ascii_case("to")
                || conn.eq_ignore_ascii_case("or")
                || DASHES.contains(&conn)
                || (between && conn.eq_ignore_ascii_case("and"));
            if let Some(h) = self.atom(a.b + 1).filter(|h| joined && h.plain_int() && !h.scaled && h.value > a.value) {
                let k = if w.is(h.b, "in") && w.is(h.b + 1, "every") {
                    Some(h.b + 2)
                } else if w.is(h.b, "in") {
                    Some(h.b + 1)
                } else if w.phrase(h.b, &["out", "of"]) {
                    Some(h.b + 2)
                } else {
                    None
                };
                let d = k.and_then(|k| self.atom(k)).filter(|d| {
                    d.plain_int()
                        && d.value >= h.value
                        && d.value > 1.0
                        && !w.has(d.b, lx::TIME | lx::DOSE | lx::MEASURE)
                });
                if let Some(d) = d {
                    if self.people_after(d.b) {
                        roles |= role::PEOPLE;
                    }
                    if DASHES.contains(&conn) {
                        roles |= role::DASHED;
                    }
                    if conn.eq_ignore_ascii_case("or") {
                        roles |= role::ALTERNATIVES;
                    }
                    let end = self.push(Kind::Frequency, a.a, d.b, a.value, roles);
                    if let Some(q) = self.out.last_mut() {
                        q.high = Some(h.value);
                        q.denominator = Some(d.value);
                    }
                    return end;
                }
            }
        }
        // Range or alternatives.
        let mut b = a.b;
        let mut high = None;
        let mut last = a;
        let between = (a.a.saturating_sub(4).max(w.range.start)..a.a).any(|k| w.is(k, "between"));
        let conn = w.text(a.b);
        let joins = ["to", "or"].iter().any(|c| conn.eq_ignore_ascii_case(c))
            || DASHES.contains(&conn)
            || (between && conn.eq_ignore_ascii_case("and"));
        if joins {
            if let Some(h) = self.atom(a.b + 1) {
                let dashed = DASHES.contains(&conn);
                // `4-6`: both plain or with the same kind of suffix; `5-10%`; not `1 or 2 200mg`.
                let compatible = h.frac.is_none() == a.frac.is_none()
                    && a.tok.and_then(|t| t.currency) == h.tok.and_then(|t| t.currency)
                    && (a.suffix().is_empty() || !h.suffix().is_empty())
                    && !(h.tok.is_some_and(|t| t.shape != Shape::Plain));
                if compatible && !(w.is(a.b + 2, "in") && w.has(a.b + 3, lx::NUMERIC)) {
                    high = Some(h.value);
                    b = h.b;
                    last = h;
                    if conn.eq_ignore_ascii_case("or") {
                        roles |= role::ALTERNATIVES;
                    }
                    if dashed {
                        roles |= role::DASHED;
                    }
                    if h.spelled {
                        roles |= role::SPELLED;
                    }
                    if h.tok.is_some_and(|t| t.decimals > 0) {
                        roles |= role::DECIMAL;
                    }
                }
            }
        }
        // Years: 4 digits 1800–2100 with no unit or noun after.
        let year = |x: &Atom<'_>| {
            x.tok.is_some_and(|t| t.bare_integer() && !t.commas && t.int_digits == 4)
                && (1800.0..=2100.0).contains(&x.value)
        };
        let noun_after =
            w.has(b, lx::COUNTABLE | lx::PEOPLE | lx::EVENT | lx::DOSE | lx::MEASURE | lx::MONEY | lx::TIME);
        // 2017–18: a span of years.
        let short_year = last.tok.is_some_and(|t| t.bare_integer() && t.int_digits == 2) && roles & role::DASHED != 0;
        if year(&a) && (high.is_none() || year(&last) || short_year) && !noun_after {
            return self.push(Kind::Year, a.a, b, a.value, 0);
        }
        // Percentages: 20%, 50 per cent, 90% to 95%, 5-10%.
        let mut pct_end = None;
        if last.percent() {
            pct_end = Some(b);
        } else if w.phrase(b, &["per", "cent"]) {
            pct_end = Some(b + 2);
        } else if w.is(b, "percent") {
            pct_end = Some(b + 1);
        } else if w.phrase(b, &["percentage", "points"]) || w.phrase(b, &["percentage", "point"]) {
            pct_end = Some(b + 2);
            roles |= role::POINTS;
        }
        if a.percent() || pct_end.is_some() {
            let end = pct_end.unwrap_or(a.b);
            if high.is_none() || last.percent() || pct_end.is_some() {
                roles |= self.percentage_roles(a.a, end);
                let end = self.push(Kind::Percentage, a.a, end, a.value, roles);
                if let Some(q) = self.out.last_mut() {
                    q.high = high;
                }
                return end;
            }
        }
        // The unit: glued to the last number, or the next word.
        let suffix = last.suffix();
        let mut kind = if a.frac.is_some() {
            Kind::Fraction
        } else if roles & role::DECIMAL != 0 {
            Kind::Decimal
        } else if high.is_some() {
            Kind::Range
        } else if last.tok.is_some_and(|t| t.ordinal()) {
            Kind::Ordinal
        } else {
            Kind::Integer
        };
        let mut measure = None;
        let mut end = b;
        let unit_kind = |l: Lex, text: &str| -> Option<(Kind, u32)> {
            if l & lx::DOSE != 0 {
                Some((Kind::Dose, role::DOSE))
            } else if l & lx::TIME != 0 && !text.eq_ignore_ascii_case("second") {
                Some((Kind::Duration, 0))
            } else if l & lx::MONEY != 0 {
                Some((Kind::Money, role::MONEY))
            } else if l & lx::MEASURE != 0 {
                let temp = text.eq_ignore_ascii_case("degrees") || text.eq_ignore_ascii_case("degree");
                Some((Kind::Measure, if temp { role::TEMPERATURE } else { 0 }))
            } else {
                None
            }
        };
        if !suffix.is_empty() && !last.tok.is_some_and(|t| t.ordinal()) {
            let s = suffix.trim_start_matches('°');
            if matches!(s, "C" | "F" | "c" | "") && suffix.starts_with('°') || matches!(suffix, "C" | "F") {
                kind = Kind::Measure;
                roles |= role::TEMPERATURE;
            } else if let Some((k, r)) = unit_kind(lx::classify(s), s) {
                if kind != Kind::Fraction {
                    kind = k;
                }
                roles |= r;
            } else if s.eq_ignore_ascii_case("mmhg") {
                kind = Kind::Measure;
                roles |= role::TEST;
            }
            measure = Some(last.a);
        } else if kind == Kind::Ordinal {
            // `the 2nd dose`: an ordinal takes no unit.
        } else if self.test_unit_after(b) {
            // 130 mm Hg, 48 mmol/mol, 120/80 mmHg.
            roles |= role::TEST;
            if kind != Kind::Fraction {
                kind = Kind::Measure;
            }
            measure = Some(b);
            end = (b + 1..b + 4)
                .take_while(|&k| w.is_any(k, &["hg", "/", "l", "mol", "m2", "m²", "of", "mercury"]))
                .last()
                .map_or(b + 1, |k| k + 1);
        } else if let Some((k, r)) = unit_kind(w.lx(b), w.text(b)) {
            if kind != Kind::Fraction {
                kind = k;
            }
            roles |= r;
            measure = Some(b);
            end = b + 1;
        } else if w.has(b, lx::NUMBER) {
            // `1 or 2 200mg tablets`: a count of doses.
            if parse(w.text(b)).is_some_and(|t| lx::classify(t.suffix) & lx::DOSE != 0) {
                roles |= role::DOSE;
            }
        }
        if a.tok.and_then(|t| t.currency).is_some() {
            kind = Kind::Money;
            roles |= role::MONEY;
        }
        // Ratios with blood pressure: 120/80, 120 over 80.
        if kind == Kind::Fraction
            && a.tok.is_some_and(|t| matches!(t.shape, Shape::Slash(_, d) if d > 12.0 && d != 100.0 && d != 1000.0))
        {
            kind = Kind::Ratio;
        }
        if a.plain_int()
            && high.is_none()
            && w.is(b, "over")
            && self.atom(b + 1).is_some_and(|d| d.plain_int())
            && self.test_before(a.a)
        {
            let d = self.atom(b + 1).map_or(0.0, |d| d.value);
            let e = self.atom(b + 1).map_or(b + 2, |d| d.b);
            let end = self.push(Kind::Ratio, a.a, e, a.value, roles | role::TEST);
            if let Some(q) = self.out.last_mut() {
                q.denominator = Some(d);
            }
            return end;
        }
        // Contexts before and after.
        if self.test_before(a.a) || self.test_unit_after(end) {
            roles |= role::TEST;
        }
        if self.age(a.a, end) || (kind == Kind::Ordinal && w.is(end, "birthday")) {
            roles |= role::AGE;
        }
        if self.people_after(end) {
            roles |= role::PEOPLE;
        }
        if kind == Kind::Dose && w.is_any(end, &["in", "/", "per"]) {
            // A strength: 125mg in 5ml, 125mg/5ml, 125mg per 5ml.
            if let Some(d) = self.atom(end + 1) {
                let ml = |s: &str| s.eq_ignore_ascii_case("ml");
                if ml(d.suffix()) || ml(w.text(d.b)) {
                    roles |= role::STRENGTH;
                    let e = if ml(d.suffix()) { d.b } else { d.b + 1 };
                    let end = self.push(kind, a.a, e, a.value, roles);
                    if let Some(q) = self.out.last_mut() {
                        q.high = high;
                        q.denominator = Some(d.value);
                        q.measure = measure;
                    }
                    return end;
                }
            }
        }
        // A spelled `one` is a number only before a unit or noun, or in a range (`one or two`).
        if a.spelled && high.is_none() && a.frac.is_none() {
            let one = w.is(a.a, "one");
            let counted = measure.is_some()
                || w.has(end, lx::COUNTABLE | lx::PEOPLE | lx::EVENT | lx::OUTCOME)
                || phrases::approximator_before(&w, a.a).is_some();
            let negated = a.a > w.range.start
                && w.is_any(a.a - 1, &["no", "any", "every", "each", "which", "the", "this", "that", "someone"]);
            let another = (end..end + 3).any(|k| w.is(k, "another"));
            if (one && !counted) || negated || another {
                return end;
            }
        }
        let end = self.push(kind, a.a, end, a.value, roles);
        if let Some(q) = self.out.last_mut() {
            q.high = high;
            q.measure = measure;
            if let Some((n, d)) = a.frac.filter(|_| q.kind == Kind::Fraction || q.kind == Kind::Ratio) {
                q.low = n;
                q.denominator = Some(d);
            }
        }
        end
    }

    /// Roles of a percentage `a..end`: strength, test result, relative change, points, statistic.
    fn percentage_roles(&self, a: usize, end: usize) -> u32 {
        let w = &self.w;
        let mut r = 0;
        if (end..end + 3).any(|k| w.has(k, lx::FORMULATION)) || w.is(end, "w/w") {
            r |= role::STRENGTH;
        }
        if self.test_before(a) {
            r |= role::TEST;
        }
        let comparative =
            ["lower", "higher", "greater", "smaller", "reduced", "increased", "more", "less", "bigger", "fewer"];
        if w.is_any(end, &comparative) && (w.has(end + 1, lx::RISK | lx::LIKELY) || w.has(end + 2, lx::RISK)) {
            r |= role::CHANGE;
        }
        if a > w.range.start && w.is(a - 1, "by") {
            let from = a.saturating_sub(12).max(w.range.start);
            if (from..a).any(|k| w.has(k, lx::CHANGE | lx::RISK)) {
                r |= role::CHANGE;
            }
        }
        if w.is_any(end, &["reduction", "increase", "decrease", "rise", "drop", "fall", "cut"])
            && (end + 1..end + 5).any(|k| w.has(k, lx::RISK))
        {
            r |= role::CHANGE;
        }
        if w.phrase(end, &["percentage", "points"]) || w.phrase(end, &["percentage", "point"]) {
            r |= role::POINTS;
        }
        if w.is_any(end, &["ci", "confidence", "credible", "significance"]) {
            r |= role::STATISTIC;
        }
        r
    }

    /// A test name within 5 words before token `a`, with only reading words between (`a BMI of
    /// 18.5`, `HbA1c 48`, `blood pressure is less than 120`; not `blood pressure affects 30%`).
    fn test_before(&self, a: usize) -> bool {
        const FILLER: &[&str] = &[
            "of", "is", "are", "was", "be", "should", "below", "above", "over", "under", "less", "more", "than", "at",
            "reading", "readings", "level", "levels", "target", "between", "around", "about", "a", "an", "the", "your",
            "normal", "lower", "higher", "greater", "blood", "of:", ":", "=", "(", "result", "score", "value", "or",
            "up", "to", "in", "usually", "ideally",
        ];
        let w = &self.w;
        let from = a.saturating_sub(6).max(w.range.start);
        if !(from..a).any(|k| w.has(k, lx::TEST)) {
            return false;
        }
        for k in (from..a).rev() {
            if w.has(k, lx::TEST) {
                return true;
            }
            if !w.is_any(k, FILLER) {
                return false;
            }
        }
        false
    }

    /// A test unit after the number: `mmol/L`, `mmol/mol`, `mmHg`, `mm Hg`, `kg/m2`.
    fn test_unit_after(&self, b: usize) -> bool {
        let w = &self.w;
        w.is_any(b, &["mmhg", "mmol/l", "mmol/mol", "kg/m2", "kg/m²"])
            || w.phrase(b, &["mm", "hg"])
            || (w.is(b, "mmol") && w.is(b + 1, "/"))
            || (w.is(b, "kg") && w.is(b + 1, "/") && w.text(b + 2).starts_with("m"))
            || w.phrase(b, &["millimeters", "of", "mercury"])
            || w.phrase(b, &["millimetres", "of", "mercury"])
    }

    /// An age: `aged 65`, `age 60`, `ages of 50 and 74`, `turning 65`, `65 years old`.
    fn age(&self, a: usize, end: usize) -> bool {
        let w = &self.w;
        let before = (a.saturating_sub(4).max(w.range.start)..a).any(|k| w.has(k, lx::AGE));
        if !before && !w.has(end, lx::TIME) && !w.is_any(end, &["old", "of"]) && !w.text(end).contains("-year-old") {
            return false;
        }
        let p = |k: usize| k >= w.range.start && k < a && w.has(k, lx::AGE);
        (a > w.range.start && p(a - 1))
            || (a > w.range.start + 1
                && w.is_any(a - 1, &["of", "between", "over", "under", "than", "from"])
                && p(a - 2))
            || (a > w.range.start + 2 && w.is(a - 1, "between") && w.is(a - 2, "of") && p(a - 3))
            || (a > w.range.start + 3 && w.is(a - 1, "of") && w.is(a - 2, "ages") && w.is(a - 3, "the"))
            || w.is(end, "old")
            || w.phrase(end, &["of", "age"])
            || (w.has(end, lx::TIME) && w.is(end + 1, "old"))
            || w.text(end).contains("-year-old")
    }

    /// A people or event noun within 3 words after token `b`.
    fn people_after(&self, b: usize) -> bool {
        let w = &self.w;
        (b..b + 3).take_while(|&k| !w.punct(k) || w.is(k, "-")).any(|k| w.has(k, lx::PEOPLE | lx::EVENT))
    }
}

fn is_month(w: &Words<'_>, i: usize) -> bool {
    w.has(i, lx::MONTH) && w.text(i).starts_with(|c: char| c.is_ascii_uppercase())
}

/// A UK outward postcode: 1–2 letters, a digit, an optional letter or digit (`SW1A`, `M1`, `B33`).
fn is_outward_code(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=2).contains(&letters)
        && b.len() > letters
        && b[letters].is_ascii_digit()
        && b.len() <= letters + 2
        && b[letters + 1..].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
}
