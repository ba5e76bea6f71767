//! Phrase tests shared by the number model and the numeracy rules: a cursor over one unit's
//! tokens ([`Words`]), time frames (SPEC §5.9), daily counts, side-effect mentions,
//! approximators (SPEC §5) and EC/QRD band phrases (SPEC §5.3, §5.8).

use super::lexicon::{self as lx, Lex};
use crate::document::Document;
use crate::text::tokens::TokenClass;
use crate::text::{token_text, Analysis};
use std::ops::Range;

/// The tokens of one unit, with their word classes.
#[derive(Clone)]
pub struct Words<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its analysis.
    pub an: &'a Analysis,
    /// Word classes of every token of the document.
    pub lex: &'a [Lex],
    /// The unit's tokens (a range of [`Analysis::tokens`]).
    pub range: Range<usize>,
}

impl<'a> Words<'a> {
    /// The words of unit `u`.
    pub fn unit(doc: &'a Document, an: &'a Analysis, lex: &'a [Lex], u: usize) -> Words<'a> {
        Words { doc, an, lex, range: an.units[u].tokens.clone() }
    }
    /// Text of token `i` ("" outside the unit).
    pub fn text(&self, i: usize) -> &'a str {
        if self.range.contains(&i) {
            token_text(self.doc, &self.an.tokens[i])
        } else {
            ""
        }
    }
    /// Classes of token `i` (0 outside the unit).
    pub fn lx(&self, i: usize) -> Lex {
        if self.range.contains(&i) {
            self.lex[i]
        } else {
            0
        }
    }
    /// Token `i` has one of `classes`.
    pub fn has(&self, i: usize, classes: Lex) -> bool {
        self.lx(i) & classes != 0
    }
    /// The class of token `i` (`None` outside the unit).
    pub fn class(&self, i: usize) -> Option<TokenClass> {
        self.range.contains(&i).then(|| self.an.tokens[i].class)
    }
    /// Token `i` is the word `w` (any case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(w)
    }
    /// Token `i` is one of `ws` (any case).
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let t = self.text(i);
        !t.is_empty() && ws.iter().any(|w| t.eq_ignore_ascii_case(w))
    }
    /// Tokens from `i` spell `ws` (any case).
    pub fn phrase(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().enumerate().all(|(k, w)| self.is(i + k, w))
    }
    /// Token `i` is punctuation.
    pub fn punct(&self, i: usize) -> bool {
        self.class(i) == Some(TokenClass::Punct)
    }
    /// The first token index from which `ws` is spelled, if any.
    pub fn find(&self, ws: &[&str]) -> Option<usize> {
        self.range.clone().find(|&i| self.phrase(i, ws))
    }
    /// Any token of the unit has one of `classes`.
    pub fn any_class(&self, classes: Lex) -> bool {
        self.lex[self.range.clone()].iter().any(|l| l & classes != 0)
    }
}

/// Words that start a time frame before a time unit (`in the next 10 years`, `within a year`).
const FRAME_STARTS: &[&str] = &["in", "over", "within", "after", "for", "next", "first", "last", "past", "following"];

/// A time unit that makes a period for a chance (SPEC §5.9: days, weeks, months, years; not
/// hours, so `in 24 hours` of a dose is not a time frame).
fn period(w: &Words<'_>, k: usize) -> bool {
    w.has(k, lx::TIME)
        && !w.is_any(
            k,
            &["second", "minute", "minutes", "seconds", "min", "mins", "hour", "hours", "hr", "hrs", "night", "nights"],
        )
}

/// True when the unit states a time frame (SPEC §5.9): `in/over/within/during the next|first N
/// years…`, `each/every/a/per year…`, `in/during their lifetime`, `at some point in their life`,
/// `by age N`, `after/for N years`, `while taking`, `during …`, `after treatment`, `at any one time`.
/// Only tokens with a time, frame or age class are looked at.
pub fn time_frame(w: &Words<'_>) -> bool {
    if !w.any_class(lx::TIME | lx::FRAME | lx::AGE) {
        return false;
    }
    let start = w.range.start;
    let back = |i: usize, n: usize| i >= start + n;
    for i in w.range.clone() {
        let l = w.lx(i);
        if l & (lx::TIME | lx::FRAME | lx::AGE) == 0 {
            continue;
        }
        if period(w, i) {
            if back(i, 1) && w.is_any(i - 1, &["each", "every", "per", "a", "an"]) {
                return true;
            }
            if (i.saturating_sub(4).max(start)..i).any(|k| w.is_any(k, FRAME_STARTS)) {
                return true;
            }
        }
        if l & lx::FRAME != 0 {
            let found = w.is_any(
                i,
                &["lifetime", "lifetimes", "during", "yearly", "annually", "annual", "daily", "weekly", "monthly"],
            ) || (w.is(i, "while") && w.is_any(i + 1, &["taking", "using", "on", "having"]))
                || (w.is_any(i, &["taking", "take", "takes", "using", "use"])
                    && (i.saturating_sub(3).max(start)..i)
                        .any(|k| w.is_any(k, &["while", "when", "after", "start", "starting", "who", "once"])))
                || (w.is(i, "point") && back(i, 2) && w.phrase(i - 2, &["at", "some"]))
                || (w.is(i, "life")
                    && back(i, 2)
                    && w.is(i - 2, "in")
                    && w.is_any(i - 1, &["their", "your", "his", "her"]))
                || (w.is(i, "treatment") && back(i, 1) && w.is(i - 1, "after"))
                || (w.is(i, "time") && back(i, 3) && w.phrase(i - 3, &["at", "any", "one"]));
            if found {
                return true;
            }
        }
        if l & lx::AGE != 0
            && w.is(i, "age")
            && back(i, 1)
            && (w.is(i - 1, "by") || (back(i, 2) && w.phrase(i - 2, &["by", "the"])))
        {
            return true;
        }
    }
    false
}

/// True when the unit gives a daily count or rate: `a day`, `per day`, `each day`, `daily`,
/// `in 24 hours`, `times a day`.
pub fn per_day(w: &Words<'_>) -> bool {
    if !w.any_class(lx::TIME | lx::FRAME) {
        return false;
    }
    let start = w.range.start;
    w.range.clone().any(|i| {
        w.lx(i) & (lx::TIME | lx::FRAME) != 0
            && ((w.is(i, "day") && i > start && w.is_any(i - 1, &["a", "per", "each", "every", "one"]))
                || w.is(i, "daily")
                || (w.is_any(i, &["hours", "hrs"])
                    && i >= start + 2
                    && w.is(i - 1, "24")
                    && w.is_any(i - 2, &["in", "every", "per", "over"])))
    })
}

/// True when the unit mentions side effects (`side effect(s)`, `side-effect(s)`).
pub fn side_effects(w: &Words<'_>) -> bool {
    w.any_class(lx::OUTCOME)
        && w.range.clone().any(|i| {
            w.lx(i) & lx::OUTCOME != 0
                && (w.is_any(i, &["side-effect", "side-effects"])
                    || (w.is_any(i, &["effect", "effects"]) && i > w.range.start && w.is(i - 1, "side")))
        })
}

/// The approximator before token `i`, if any (SPEC §5): `about`, `around`, `approximately`,
/// `roughly`, `nearly`, `almost`, `over`, `under`, `up to`, `more than`, `less than`, `fewer than`,
/// `at least`.
pub fn approximator_before(w: &Words<'_>, i: usize) -> Option<Range<usize>> {
    if i == 0 || i <= w.range.start {
        return None;
    }
    let p = i - 1;
    if w.has(p, lx::APPROX) {
        return Some(p..i);
    }
    if p > w.range.start
        && (w.phrase(p - 1, &["up", "to"])
            || w.phrase(p - 1, &["more", "than"])
            || w.phrase(p - 1, &["less", "than"])
            || w.phrase(p - 1, &["fewer", "than"])
            || w.phrase(p - 1, &["at", "least"]))
    {
        return Some(p - 1..i);
    }
    None
}

/// True when the natural frequency starting at token `i` is an EC/QRD band phrase: `(may)
/// affect(s) up to / more than / fewer than / less than 1 in D` (SPEC §5.3).
pub fn ec_band(w: &Words<'_>, i: usize) -> bool {
    let Some(a) = approximator_before(w, i) else { return false };
    a.start > w.range.start && w.is_any(a.start - 1, &["affect", "affects", "affecting", "affected"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::numbers::NumberModel;

    fn with_words<R>(text: &str, f: impl FnOnce(&Words<'_>) -> R) -> R {
        let doc = Document::parse(text, Format::Text);
        let an = Analysis::new(&doc, crate::text::syllables::NumberStyle::British);
        let m = NumberModel::new(&doc, &an);
        let w = Words::unit(&doc, &an, &m.lex, 0);
        f(&w)
    }

    #[test]
    fn time_frames() {
        for t in [
            "1 in 8 women get breast cancer at some point in their life.",
            "About 4 in 100 people have a second stroke within a year.",
            "3 in 100 people get it in the next 10 years.",
            "Each year, at least 1.7 million adults in America develop sepsis.",
            "1 in 3 people who dies in a hospital had sepsis during that hospitalization.",
            "2 in 100 women get it while taking the pill.",
            "1 in 10 people get it by age 80.",
        ] {
            assert!(with_words(t, time_frame), "{t}");
        }
        for t in ["1 in 8 women get breast cancer.", "About 20% of people get a headache.", "Take it for a second."] {
            assert!(!with_words(t, time_frame), "{t}");
        }
    }

    #[test]
    fn daily_counts_side_effects_and_approximators() {
        assert!(with_words("Take 1 or 2 tablets up to 4 times in 24 hours.", per_day));
        assert!(with_words("Take it 3 times a day.", per_day));
        assert!(!with_words("Take 1 capsule every 8 hours.", per_day));
        assert!(with_words("Common side effects happen in 1 in 10 people.", side_effects));
        assert!(with_words("Tell your GP about side-effects.", side_effects));
        with_words("It may affect up to 1 in 10 people.", |w| {
            let one = w.range.clone().find(|&i| w.text(i) == "1").unwrap();
            assert!(ec_band(w, one));
            assert_eq!(approximator_before(w, one).map(|r| r.len()), Some(2));
        });
        with_words("About 1 in 10 people.", |w| assert!(!ec_band(w, w.range.start + 1)));
    }
}
