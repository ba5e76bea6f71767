//! Split points between units (SPEC §6.13 †): where a paragraph or chunk could be cut in two.
//!
//! Each boundary between consecutive units is scored: +2 when one side is an action and the
//! other is not, or the verb class changes between two actions; +2 when the next unit opens with
//! a topic-shift opener; +1 at a block boundary. A boundary that leaves a part with fewer than 2
//! units (1 when there are ≤ 5 units) is not allowed. Best score first; ties go to the boundary
//! nearest the middle in words.

use crate::document::Document;
use crate::text::action::{action_class, VerbClass};
use crate::text::{unit_text, Analysis, Unit};

/// Openers that usually start a new topic.
pub const TOPIC_SHIFT_OPENERS: &[&str] = &[
    "also",
    "in addition",
    "another",
    "however",
    "if you",
    "when you",
    "after",
    "before",
    "some people",
    "other",
    "you can also",
];

/// One candidate boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitPoint {
    /// The boundary is after `units[after]` (an index into the slice given).
    pub after: usize,
    /// Its score.
    pub score: u32,
    /// Why it scored.
    pub reason: String,
}

/// Up to 3 split points of `units` (consecutive units of one document), best first.
pub fn split_points(doc: &Document, _an: &Analysis, units: &[Unit]) -> Vec<SplitPoint> {
    split_points_with(doc, units, |i| action_class(unit_text(doc, &units[i])))
}

/// [`split_points`] with the action class of `units[i]` given by `class(i)` (from
/// [`crate::structure::Structure`], so it is not worked out again).
pub fn split_points_with(
    doc: &Document,
    units: &[Unit],
    class: impl Fn(usize) -> Option<VerbClass>,
) -> Vec<SplitPoint> {
    let n = units.len();
    if n < 2 {
        return Vec::new();
    }
    let min_part = if n <= 5 { 1 } else { 2 };
    let classes: Vec<_> = (0..n).map(class).collect();
    let total_words: u32 = units.iter().map(|u| u.words).sum();
    let mut words_so_far = 0u32;
    // The 3 best boundaries, kept as they are scored (best score, then nearest the middle, then
    // earliest): the reason text is written only for them.
    let mut best: Vec<(u32, u32, usize, u8)> = Vec::with_capacity(4); // (score, distance, after, reasons)
    for i in 0..n - 1 {
        words_so_far += units[i].words;
        if i + 1 < min_part || n - (i + 1) < min_part {
            continue;
        }
        let mut score = 0;
        let mut reasons = 0u8;
        match (classes[i], classes[i + 1]) {
            (Some(_), None) | (None, Some(_)) => {
                score += 2;
                reasons |= 1;
            }
            (Some(a), Some(b)) if a != b => {
                score += 2;
                reasons |= 2;
            }
            _ => {}
        }
        let next = unit_text(doc, &units[i + 1]);
        let opens = |o: &&str| {
            next.get(..o.len()).is_some_and(|p| p.eq_ignore_ascii_case(o)) && next[o.len()..].starts_with([' ', ','])
        };
        if TOPIC_SHIFT_OPENERS.iter().any(opens) {
            score += 2;
            reasons |= 4;
        }
        if units[i].block != units[i + 1].block {
            score += 1;
            reasons |= 8;
        }
        let dist = (2 * words_so_far).abs_diff(total_words);
        let at = best.iter().position(|b| score > b.0 || (score == b.0 && dist < b.1)).unwrap_or(best.len());
        if at < 3 {
            best.insert(at, (score, dist, i, reasons));
            best.truncate(3);
        }
    }
    const REASONS: [&str; 4] = ["from facts to actions", "a new kind of action", "a new topic starts", "a block ends"];
    best.into_iter()
        .map(|(score, _, after, mask)| {
            let reasons: Vec<&str> = (0..4).filter(|k| mask & (1 << k) != 0).map(|k| REASONS[k]).collect();
            let reason = if reasons.is_empty() { "near the middle".to_owned() } else { reasons.join(", ") };
            SplitPoint { after, score, reason }
        })
        .collect()
}
