//! The numeracy-load score (SPEC §3.8 †).
//!
//! ```text
//! points = expressions + Σ weight(numeracy finding)
//! load   = points × 100 / max(W, 100)
//! band   = low ≤ 2.0 < moderate ≤ 5.0 < high
//! ```
//!
//! [`compute`] builds the number model, runs every enabled numeracy rule once (their detectors,
//! through [`super::run`]), applies the numeracy overlap precedence (SPEC §1.3) and weighs the
//! findings. The findings are kept in the score so the rule run reuses them. After all rules
//! have run the engine recounts the points from the report's own findings
//! ([`Numeracy::recount`]): suppression comments and overlap precedence apply, and
//! `clinical-shorthand` (a word rule, weight 2) is counted.

use super::NumberModel;
use crate::finding::{Category, Finding};
use crate::metrics::Scores;
use crate::rules::{Context, NUMERACY_PRECEDENCE, RULES};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Points per finding of each weighted rule (SPEC §3.8 †); rules not listed weigh 0.
pub const WEIGHTS: &[(&str, f64)] = &[
    ("adjacent-numbers", 1.0),
    ("clinical-shorthand", 2.0),
    ("decimal", 1.0),
    ("fraction", 1.0),
    ("implied-calculation", 3.0),
    ("large-number-unanchored", 1.0),
    ("missing-time-frame", 1.0),
    ("mixed-denominators", 2.0),
    ("one-in-x-varying", 2.0),
    ("one-sided-framing", 1.0),
    ("percentage", 1.0),
    ("relative-risk", 3.0),
    ("verbal-probability", 1.0),
];
/// Words below which the load is computed per 100 words anyway (the floor stops tiny texts
/// exploding).
pub const MIN_WORDS: f64 = 100.0;
/// Highest load that is `low`.
pub const LOW_MAX: f64 = 2.0;
/// Highest load that is `moderate`.
pub const MODERATE_MAX: f64 = 5.0;

/// The weight of one finding of `rule`.
pub fn weight(rule: &str) -> f64 {
    WEIGHTS.iter().find(|(r, _)| *r == rule).map_or(0.0, |w| w.1)
}

/// The band of a load.
pub fn band(load: f64) -> &'static str {
    if load <= LOW_MAX {
        "low"
    } else if load <= MODERATE_MAX {
        "moderate"
    } else {
        "high"
    }
}

/// `scores.numeracy` (SPEC §1.5): the numeracy load and its parts.
#[derive(Clone, Serialize)]
pub struct Numeracy {
    /// Number expressions (quantities, SPEC §3.8).
    pub expressions: u64,
    /// Expressions per 100 formula words.
    pub per_100_words: Option<f64>,
    /// Expressions plus weighted findings.
    pub points: f64,
    /// Points per 100 words (at least 100 words).
    pub load: f64,
    /// `low`, `moderate` or `high`.
    pub band: &'static str,
    /// Points per rule (expressions not included), so the number can be checked by hand.
    pub components: BTreeMap<String, f64>,
    #[serde(skip)]
    words: f64,
    #[serde(skip)]
    model: Option<Arc<NumberModel>>,
    #[serde(skip)]
    findings: Option<Arc<BTreeMap<String, Vec<Finding>>>>,
}

impl PartialEq for Numeracy {
    fn eq(&self, o: &Self) -> bool {
        (self.expressions, self.per_100_words, self.points, self.load, self.band, &self.components)
            == (o.expressions, o.per_100_words, o.points, o.load, o.band, &o.components)
    }
}

impl fmt::Debug for Numeracy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Numeracy")
            .field("expressions", &self.expressions)
            .field("per_100_words", &self.per_100_words)
            .field("points", &self.points)
            .field("load", &self.load)
            .field("band", &self.band)
            .field("components", &self.components)
            .finish()
    }
}

impl Numeracy {
    /// The JSON of `scores.numeracy`.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
    /// The number model, when this score was computed with one.
    pub fn model(&self) -> Option<&NumberModel> {
        self.model.as_deref()
    }
    /// Findings of numeracy rule `id` from the score's pass, when there was one.
    pub fn cached(&self, id: &str) -> Option<&[Finding]> {
        self.findings.as_ref().map(|f| f.get(id).map_or(&[][..], Vec::as_slice))
    }
    /// Recount the points from the findings the report gives (after suppression comments and
    /// overlap precedence), including word rules that weigh on the load (`clinical-shorthand`).
    pub fn recount(&mut self, findings: &[Finding]) {
        self.components.clear();
        self.points = self.expressions as f64;
        for f in findings {
            let w = weight(&f.rule);
            if w > 0.0 {
                *self.components.entry(f.rule.clone()).or_default() += w;
                self.points += w;
            }
        }
        self.load = self.points * 100.0 / self.words.max(MIN_WORDS);
        self.band = band(self.load);
    }
}

impl Numeracy {
    /// Fill each chunk report's `number_expressions` (quantities in its body) and
    /// `numeracy_points` (those plus the weight of findings that start in its span), SPEC §6.2.
    pub fn fill_chunks(
        &self,
        reports: &mut [crate::report::Chunk],
        chunks: &[crate::structure::Chunk],
        findings: &[Finding],
    ) {
        let Some(m) = self.model() else { return };
        // Weighted findings by start, with running sums: each chunk is two binary searches.
        let mut weighted: Vec<(usize, f64)> =
            findings.iter().map(|f| (f.span.start(), weight(&f.rule))).filter(|w| w.1 > 0.0).collect();
        weighted.sort_by_key(|w| w.0);
        let mut sums = Vec::with_capacity(weighted.len() + 1);
        sums.push(0.0);
        for w in &weighted {
            sums.push(sums.last().copied().unwrap_or(0.0) + w.1);
        }
        let before = |at: usize| weighted.partition_point(|w| w.0 < at);
        for (r, c) in reports.iter_mut().zip(chunks) {
            let n: usize = c.body.clone().map(|u| m.expressions_in(u)).sum();
            let (a, b) = (before(c.span.start()), before(c.span.end()));
            r.number_expressions = Some(n as u32);
            r.numeracy_points = Some(n as f64 + sums[b] - sums[a]);
        }
    }
}

/// Compute the numeracy load of a document whose other scores are `scores` (its `numeracy` is
/// ignored). Runs the enabled numeracy rules once.
pub fn compute(lang: &crate::language::Lang<'_>, scores: &Scores) -> Numeracy {
    let (doc, an, cfg) = (lang.doc, lang.an, lang.cfg);
    let model = Arc::new(NumberModel::new(doc, an));
    let words = scores.counts.words as f64;
    let expressions = model.expressions() as u64;
    let mut n = Numeracy {
        expressions,
        per_100_words: (words > 0.0).then(|| expressions as f64 * 100.0 / words),
        points: expressions as f64,
        load: 0.0,
        band: "low",
        components: BTreeMap::new(),
        words,
        model: Some(model),
        findings: None,
    };
    let mut s = scores.clone();
    s.numeracy_detail = Some(n.clone());
    // The numeracy detectors do not read the structure (chunks, action units): an empty one.
    let structure = crate::structure::Structure::default();
    let cx = Context { doc, analysis: an, scores: &s, config: cfg, structure: &structure, lang };
    let mut found = Vec::new();
    for rule in RULES.iter().filter(|r| r.meta().category == Category::Numeracy && cfg.rule_enabled(r.meta().id)) {
        rule.check(&cx, &mut found);
    }
    let kept = precedence(&found);
    for (f, keep) in found.iter().zip(&kept) {
        let w = weight(&f.rule);
        if *keep && w > 0.0 {
            *n.components.entry(f.rule.clone()).or_default() += w;
            n.points += w;
        }
    }
    let mut by_rule: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    for f in found {
        by_rule.entry(f.rule.clone()).or_default().push(f);
    }
    n.findings = Some(Arc::new(by_rule));
    n.load = n.points * 100.0 / words.max(MIN_WORDS);
    n.band = band(n.load);
    n
}

/// Which findings survive the numeracy overlap precedence (SPEC §1.3), as the engine applies it.
fn precedence(fs: &[Finding]) -> Vec<bool> {
    let rank = |f: &Finding| NUMERACY_PRECEDENCE.iter().position(|r| *r == f.rule);
    crate::engine::overlap_drops(fs, rank).into_iter().map(|drop| !drop).collect()
}
