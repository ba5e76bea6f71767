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
    let mut points: Vec<(SplitPoint, u32)> = Vec::new();
    for i in 0..n - 1 {
        words_so_far += units[i].words;
        if i + 1 < min_part || n - (i + 1) < min_part {
            continue;
        }
        let mut score = 0;
        let mut reasons = Vec::new();
        match (classes[i], classes[i + 1]) {
            (Some(_), None) | (None, Some(_)) => {
                score += 2;
                reasons.push("from facts to actions");
            }
            (Some(a), Some(b)) if a != b => {
                score += 2;
                reasons.push("a new kind of action");
            }
            _ => {}
        }
        let next = unit_text(doc, &units[i + 1]);
        let opens = |o: &&str| {
            next.get(..o.len()).is_some_and(|p| p.eq_ignore_ascii_case(o)) && next[o.len()..].starts_with([' ', ','])
        };
        if TOPIC_SHIFT_OPENERS.iter().any(opens) {
            score += 2;
            reasons.push("a new topic starts");
        }
        if units[i].block != units[i + 1].block {
            score += 1;
            reasons.push("a block ends");
        }
        let dist = (2 * words_so_far).abs_diff(total_words);
        let reason = if reasons.is_empty() { "near the middle".to_owned() } else { reasons.join(", ") };
        points.push((SplitPoint { after: i, score, reason }, dist));
    }
    points.sort_by(|a, b| b.0.score.cmp(&a.0.score).then(a.1.cmp(&b.1)));
    points.into_iter().take(3).map(|p| p.0).collect()
}
