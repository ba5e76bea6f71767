//! The number model (SPEC §3.8, §5): every number in the analysed text of each block, with its
//! kind, value(s), source span, role and the words around it that give it meaning.
//!
//! [`NumberModel::new`] walks every unit once. It classifies each word token ([`lexicon`]) and
//! groups number tokens and number words into [`Quantity`]s: `1 in 10` is one frequency, `4 to 6
//! hours` one duration, `1 or 2 tablets` one dose, `20%` one percentage, `37 million people` one
//! integer. It also records what is **not** a quantity (SPEC §3.8): phone and service numbers,
//! dates, clock times, years, labels (`type 2`, `step 3`, `No. 26`), names (`COVID-19`, `5 A Day`,
//! `24/7`), postcodes and reference numbers (NHS numbers). Only quantities count as number
//! expressions and only quantities are checked by the numeracy rules.
//!
//! The model is built once per check, in `metrics::scores` (the numeracy-load score needs it), and
//! the numeracy rules read it from there ([`run`]); the rules' findings are computed in the same
//! pass and kept for the rule run, so each detector runs once and the score and the findings
//! always agree.
//!
//! [`arith`] holds the arithmetic of the fixes (rounding, common denominators, percentages to
//! natural frequencies); [`load`] the numeracy-load score; [`phrases`] the shared phrase tests
//! (time frames, EC band phrases, approximators, side-effect sections).

pub mod arith;
mod build;
pub mod denominators;
pub mod lexicon;
pub mod load;
pub mod meaning;
pub mod parse;
pub mod phrases;
pub mod pictures;
pub mod safety;
pub mod style;

use crate::document::Document;
use crate::finding::Finding;
use crate::rules::{Context, RuleMeta};
use crate::span::ByteSpan;
use crate::text::Analysis;
use lexicon::Lex;
pub use meaning::Meaning;
use serde::Serialize;
use std::ops::Range;

/// What a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A whole number (`8`, `37 million`, `two`).
    Integer,
    /// A number with a decimal part (`2.5`, `4.8 million`).
    Decimal,
    /// `20%`, `50 per cent`, `90% to 95%`.
    Percentage,
    /// `1/3`, `½`, `1½`, `a third`, `two-thirds`, `half`.
    Fraction,
    /// A natural frequency: `1 in 10`, `3 out of 100`, `1 in every 5`.
    Frequency,
    /// `4 to 6`, `1 or 2`, `between 60 and 74` without a unit.
    Range,
    /// `120/80` (blood pressure), `1:1000`, `7 out of 10` on a scale.
    Ratio,
    /// `£4.50`, `$327 billion`, `50p`.
    Money,
    /// A dose with its unit or form: `250mg`, `1 or 2 tablets`, `5ml`, `125mg in 5ml`.
    Dose,
    /// A measurement with a unit that is not a dose: `50kg`, `38C`, `3 centimetres`.
    Measure,
    /// A length of time: `24 hours`, `4 to 6 hours`, `2 weeks`.
    Duration,
    /// `1st`, `80th` (not in a date).
    Ordinal,
    /// Not a quantity: a phone or service number (`0300 123 4567`, `999`, `NHS 111`).
    Phone,
    /// Not a quantity: a date (`1 September 2023`, `12/05/2024`).
    Date,
    /// Not a quantity: a year (`2023`).
    Year,
    /// Not a quantity: a clock time (`8am`, `5.30pm`, `10:30`).
    ClockTime,
    /// Not a quantity: a label, list, step, section or page number (`type 2`, `step 3`, `No. 26`).
    Label,
    /// Not a quantity: a number inside a name (`COVID-19`, `5 A Day`, `6-in-1`, `24/7`).
    Name,
    /// Not a quantity: a postcode or reference number (NHS number `485 777 3456`).
    Reference,
}

impl Kind {
    /// True for quantities (SPEC §3.8): the reader must process them.
    pub fn is_quantity(self) -> bool {
        !matches!(
            self,
            Kind::Phone | Kind::Date | Kind::Year | Kind::ClockTime | Kind::Label | Kind::Name | Kind::Reference
        )
    }
}

/// Roles and contexts of a quantity (bit flags; SPEC §5 "Contexts").
pub mod role {
    /// Glued to or followed by a dose unit or form (`250mg`, `2 tablets`).
    pub const DOSE: u32 = 1;
    /// Money (`£4.50`, `50p`, `10 pence`).
    pub const MONEY: u32 = 1 << 1;
    /// A test result: within 5 words after a test name, or before `mmol/L`, `mmHg` …
    pub const TEST: u32 = 1 << 2;
    /// An age (`aged 65`, `65 years old`, `turning 70`, `80th birthday`).
    pub const AGE: u32 = 1 << 3;
    /// Written as words (`two`, `half`).
    pub const SPELLED: u32 = 1 << 4;
    /// Has a decimal part.
    pub const DECIMAL: u32 = 1 << 5;
    /// An approximator precedes it (`about`, `up to`, `more than` …).
    pub const APPROX: u32 = 1 << 6;
    /// An EC/QRD band phrase (`may affect up to 1 in 10 people`).
    pub const EC_BAND: u32 = 1 << 7;
    /// A strength (`125mg in 5ml`, `1% cream`).
    pub const STRENGTH: u32 = 1 << 8;
    /// Scaled by `thousand`, `million`, `billion`.
    pub const SCALED: u32 = 1 << 9;
    /// A temperature (`38C`, `38 degrees`).
    pub const TEMPERATURE: u32 = 1 << 10;
    /// Followed within 3 words by a people or event noun (`20 in 100 people`, `48,000 deaths`).
    pub const PEOPLE: u32 = 1 << 11;
    /// A relative change owned by `relative-risk` (`by 30%`, `30% lower risk`).
    pub const CHANGE: u32 = 1 << 12;
    /// Alternatives (`1 or 2`) rather than a range (`1 to 2`).
    pub const ALTERNATIVES: u32 = 1 << 13;
    /// `percentage points`.
    pub const POINTS: u32 = 1 << 14;
    /// A score on a scale (`7 out of 10` after `score`, `scale`, `rate`).
    pub const SCORE: u32 = 1 << 15;
    /// Written with a dash between the ends (`4-6`).
    pub const DASHED: u32 = 1 << 16;
    /// A confidence interval or other statistic (`95% CI`).
    pub const STATISTIC: u32 = 1 << 17;
}

/// Context words in a quantity's unit (bit flags).
pub mod context {
    /// `risk`, `chance`, `odds`, `likelihood`.
    pub const RISK: u32 = 1;
    /// The unit or its heading mentions side effects.
    pub const SIDE_EFFECT: u32 = 1 << 1;
    /// A daily count or rate: `a day`, `per day`, `daily`, `in 24 hours`.
    pub const PER_DAY: u32 = 1 << 2;
    /// A time frame (SPEC §5.9): `over 10 years`, `each year`, `during pregnancy` …
    pub const TIME_FRAME: u32 = 1 << 3;
    /// An outcome noun (`symptoms`, `complications`).
    pub const OUTCOME: u32 = 1 << 4;

    /// Names of the flags set in `c`, for reports.
    pub fn names(c: u32) -> Vec<&'static str> {
        [
            (RISK, "risk"),
            (SIDE_EFFECT, "side effect"),
            (PER_DAY, "per day"),
            (TIME_FRAME, "time frame"),
            (OUTCOME, "outcome"),
        ]
        .into_iter()
        .filter(|(f, _)| c & f != 0)
        .map(|(_, n)| n)
        .collect()
    }
}

/// One number expression (or non-quantity number) of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// What it is.
    pub kind: Kind,
    /// The value, the low end of a range, or the numerator (`N` of `N in D`; `P` of `P%`).
    pub low: f64,
    /// The high end of a range or alternatives (`6` of `4 to 6`).
    pub high: Option<f64>,
    /// The denominator of a frequency, fraction or ratio (`D` of `N in D`).
    pub denominator: Option<f64>,
    /// `role::` flags.
    pub roles: u32,
    /// `context::` flags of its unit.
    pub context: u32,
    /// Index of its unit in [`Analysis::units`].
    pub unit: usize,
    /// Index of its block.
    pub block: usize,
    /// Byte range in the block's analysed text.
    pub analysed: Range<usize>,
    /// Source bytes.
    pub span: ByteSpan,
    /// Its tokens (a range of [`Analysis::tokens`]), unit word included (`hours`, `tablets`).
    pub tokens: Range<usize>,
    /// The token of its unit word or glued unit, if any (`hours` of `24 hours`).
    pub measure: Option<usize>,
    /// What the number means for the reader ([`Meaning`]): only chances get the chance rules.
    pub meaning: Meaning,
}

impl Quantity {
    /// A quantity in the sense of SPEC §3.8 (counts as a number expression).
    pub fn is_quantity(&self) -> bool {
        self.kind.is_quantity() && self.meaning != Meaning::Citation
    }
    /// A chance: how many people out of how many something happens to ([`Meaning::Chance`]).
    pub fn is_chance(&self) -> bool {
        self.meaning == Meaning::Chance
    }
    /// Has all of `flags` (`role::`).
    pub fn has(&self, flags: u32) -> bool {
        self.roles & flags == flags
    }
    /// Has any of `flags` (`role::`).
    pub fn any(&self, flags: u32) -> bool {
        self.roles & flags != 0
    }
    /// A proportion, chance or frequency as a share (`1 in 4` → 0.25, `20%` → 0.2).
    pub fn share(&self) -> Option<f64> {
        match self.kind {
            Kind::Frequency | Kind::Fraction => self.denominator.filter(|d| *d > 0.0).map(|d| self.low / d),
            Kind::Percentage => Some(self.low / 100.0),
            _ => None,
        }
    }
}

/// Every number of a document, with per-token word classes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NumberModel {
    /// Numbers in document order (quantities and non-quantities).
    pub quantities: Vec<Quantity>,
    /// Per unit: its range of [`NumberModel::quantities`].
    pub by_unit: Vec<Range<usize>>,
    /// Per token: its [`lexicon`] classes.
    pub lex: Vec<Lex>,
    /// Per unit: the union of its tokens' classes (rules skip units that cannot match).
    pub unit_lex: Vec<Lex>,
    /// Per unit: the heading unit it sits under, if any.
    pub heading: Vec<Option<usize>>,
}

impl NumberModel {
    /// Build the model of a document.
    pub fn new(doc: &Document, an: &Analysis) -> NumberModel {
        build::build(doc, an)
    }
    /// The numbers (quantities and not) of unit `u`.
    pub fn in_unit(&self, u: usize) -> &[Quantity] {
        self.by_unit.get(u).map_or(&[], |r| &self.quantities[r.clone()])
    }
    /// Number expressions (quantities) of unit `u`.
    pub fn expressions_in(&self, u: usize) -> usize {
        self.in_unit(u).iter().filter(|q| q.is_quantity()).count()
    }
    /// Number expressions in the whole document.
    pub fn expressions(&self) -> usize {
        self.quantities.iter().filter(|q| q.is_quantity()).count()
    }
    /// Word classes of token `i` (0 out of range).
    pub fn lex(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or(0)
    }
    /// The quantity whose tokens include token `i`.
    pub fn at_token(&self, u: usize, i: usize) -> Option<&Quantity> {
        self.in_unit(u).iter().find(|q| q.tokens.contains(&i))
    }
}

/// What a numeracy detector reads: the rule context and the number model.
pub struct Nx<'a> {
    /// The rule context (document, analysis, scores, config).
    pub cx: &'a Context<'a>,
    /// The number model.
    pub m: &'a NumberModel,
}

impl<'a> Nx<'a> {
    /// Token `i` of the analysis.
    pub fn tok(&self, i: usize) -> &'a crate::text::Token {
        &self.cx.analysis.tokens[i]
    }
    /// The text of token `i` ("" past the last token).
    pub fn text(&self, i: usize) -> &'a str {
        self.cx.analysis.tokens.get(i).map_or("", |t| self.cx.token_text(t))
    }
    /// The analysed text of a quantity.
    pub fn qtext(&self, q: &Quantity) -> &'a str {
        &self.cx.doc.blocks[q.block].analysed[q.analysed.clone()]
    }
    /// True when token `i` is inside unit `u` and is the word `w` (any case).
    pub fn is(&self, u: usize, i: usize, w: &str) -> bool {
        self.cx.analysis.units[u].tokens.contains(&i) && self.text(i).eq_ignore_ascii_case(w)
    }
    /// The source span of a quantity when a fix may edit it (verbatim source).
    pub fn verbatim(&self, q: &Quantity) -> Option<ByteSpan> {
        self.cx.verbatim_span(q.block, q.analysed.clone())
    }
    /// The source span of tokens `a..=b` of one block when a fix may edit it.
    pub fn verbatim_tokens(&self, a: usize, b: usize) -> Option<ByteSpan> {
        let (ta, tb) = (self.cx.analysis.tokens.get(a)?, self.cx.analysis.tokens.get(b)?);
        (ta.block == tb.block).then_some(())?;
        self.cx.verbatim_span(ta.block as usize, ta.analysed.start..tb.analysed.end)
    }
    /// An insertion point just after token `i`, if its source is verbatim.
    pub fn after_token(&self, i: usize) -> Option<ByteSpan> {
        let t = self.cx.analysis.tokens.get(i)?;
        let s = self.cx.verbatim_span(t.block as usize, t.analysed.clone())?;
        Some(ByteSpan::empty(s.end()))
    }
}

impl<'a> Nx<'a> {
    /// The words of unit `u`.
    pub fn words(&self, u: usize) -> phrases::Words<'a> {
        phrases::Words::unit(self.cx.doc, self.cx.analysis, &self.m.lex, u)
    }
    /// The rule's severity in the current profile.
    pub fn severity(&self, meta: &RuleMeta) -> crate::finding::Severity {
        self.cx.severity(meta)
    }
    /// True when token `i` is the first word of its unit (a fix there is capitalised).
    pub fn starts_unit(&self, i: usize) -> bool {
        self.cx.analysis.tokens.get(i).is_some_and(|t| t.unit_start)
    }
    /// A percentage that states a proportion, chance or frequency (SPEC §5.1): not a strength
    /// (`1% cream`), a test result (`HbA1c of 6.5%`), `0%` or `100%`, a relative change owned by
    /// `relative-risk` (`by 30%`, `30% lower risk`), a statistic (`95% CI`), a change of an
    /// amount (`by 5%`), or a share of an amount (`10% of your body weight`).
    pub fn proportion_percentage(&self, q: &Quantity) -> bool {
        if q.kind != Kind::Percentage
            || !q.is_chance()
            || q.any(role::STRENGTH | role::TEST | role::CHANGE | role::STATISTIC)
        {
            return false;
        }
        let hi = q.high.unwrap_or(q.low);
        if q.low <= 0.0 || hi >= 100.0 {
            return false;
        }
        let w = self.words(q.unit);
        let (a, b) = (q.tokens.start, q.tokens.end);
        if a > w.range.start && w.is(a - 1, "by") {
            return false;
        }
        !(w.is(b, "of") && w.is_any(b + 1, &["your", "their", "his", "her", "its", "our", "my"]))
    }
    /// A natural frequency that counts for the denominator rules (SPEC §5.3): not an EC/QRD band
    /// phrase, not a score.
    pub fn counted_frequency(&self, q: &Quantity) -> bool {
        q.kind == Kind::Frequency
            && q.is_chance()
            && !q.any(role::EC_BAND | role::SCORE)
            && q.denominator.is_some_and(|d| d >= 1.0)
    }
    /// The document's most used natural-frequency denominator (SPEC §5.1), if any.
    pub fn preferred_denominator(&self) -> Option<u64> {
        let mut counts: Vec<(u64, usize)> = Vec::new();
        for q in self.m.quantities.iter().filter(|q| self.counted_frequency(q)) {
            let d = q.denominator.unwrap_or(0.0) as u64;
            match counts.iter_mut().find(|c| c.0 == d) {
                Some(c) => c.1 += 1,
                None => counts.push((d, 1)),
            }
        }
        // Most used; ties go to the first used.
        let best = counts.iter().map(|c| c.1).max()?;
        counts.iter().find(|c| c.1 == best).map(|c| c.0)
    }
    /// Where to insert text before unit `u`'s terminal punctuation (or at its end).
    pub fn before_terminal(&self, u: usize) -> Option<ByteSpan> {
        let unit = &self.cx.analysis.units[u];
        let toks = self.cx.analysis.unit_tokens(unit);
        let mut k = toks.len();
        while k > 0 && matches!(self.cx.token_text(&toks[k - 1]), "." | "!" | "?" | "…" | "\"" | "”" | "'" | "’")
        {
            k -= 1;
        }
        let last = unit.tokens.start + k.checked_sub(1)?;
        self.after_token(last)
    }
    /// The whole-quantity text a fix writes for `n` (with `about ` when `rounded` and no
    /// approximator precedes, capitalised at the start of a unit).
    pub fn about(&self, q: &Quantity, rounded: bool, text: &str) -> String {
        let s = if rounded && !q.any(role::APPROX) { format!("about {text}") } else { text.to_owned() };
        if self.starts_unit(q.tokens.start) {
            crate::finding::capitalise(&s)
        } else {
            s
        }
    }
}

/// Run a numeracy rule: take its findings from the numeracy pass of the scores when there was
/// one (`metrics::scores` runs every enabled numeracy detector once, for the numeracy-load score),
/// else build the model and run `detect` now.
pub fn run(cx: &Context<'_>, meta: &'static RuleMeta, out: &mut Vec<Finding>, detect: fn(&Nx<'_>, &mut Vec<Finding>)) {
    if let Some(n) = &cx.scores.numeracy_detail {
        if let Some(found) = n.cached(meta.id) {
            out.extend(found.iter().cloned());
            return;
        }
        if let Some(m) = n.model() {
            detect(&Nx { cx, m }, out);
            return;
        }
    }
    let m = NumberModel::new(cx.doc, cx.analysis);
    detect(&Nx { cx, m: &m }, out);
}

#[cfg(test)]
mod tests;
