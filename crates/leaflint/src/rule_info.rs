//! Rule metadata as plain data: what every adapter (the CLI's `rules --format json`, the browser
//! widget's `rules()`, the Python package's `leaflint.rules()`) serialises, written once here.

use crate::finding::{Category, Severity};
use crate::rules::{precision, RuleMeta, RULES};
use serde::Serialize;

/// A value per profile, serialised as `{"nhs": …, "us": …, "easy-read": …}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PerProfile<T> {
    /// The `nhs` profile.
    pub nhs: T,
    /// The `us` profile.
    pub us: T,
    /// The `easy-read` profile.
    #[serde(rename = "easy-read")]
    pub easy_read: T,
}

impl<T: Copy> From<[T; 3]> for PerProfile<T> {
    fn from([nhs, us, easy_read]: [T; 3]) -> Self {
        PerProfile { nhs, us, easy_read }
    }
}

/// One threshold of a rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThresholdInfo {
    /// Config key under the rule.
    pub key: &'static str,
    /// Default per profile.
    pub values: PerProfile<f64>,
    /// What it means.
    pub doc: &'static str,
}

/// An NHS editor's verdicts on a rule's findings on the reviewed corpus (see [`precision`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PrecisionInfo {
    /// Findings judged right and worth the time.
    pub agree: u32,
    /// Real problems reported clumsily.
    pub partly: u32,
    /// Noise.
    pub disagree: u32,
    /// `agree / (agree + partly + disagree)`.
    pub agreement: f64,
}

/// A rule's metadata as data (the registry's [`RuleMeta`] holds `&'static` slices and arrays).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleInfo {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// The family.
    pub category: Category,
    /// One line.
    pub summary: &'static str,
    /// Default severity per profile; `null` = off in that profile.
    pub defaults: PerProfile<Option<Severity>>,
    /// Thresholds with their defaults.
    pub thresholds: Vec<ThresholdInfo>,
    /// Why it matters to patients.
    pub why: &'static str,
    /// A text the rule flags.
    pub flagged: &'static str,
    /// A plainer version it does not flag.
    pub plainer: &'static str,
    /// The guidance it comes from.
    pub source: &'static str,
    /// Measured agreement with an NHS editor; `null` when no finding of the rule was reviewed.
    pub precision: Option<PrecisionInfo>,
}

impl From<&'static RuleMeta> for RuleInfo {
    fn from(m: &'static RuleMeta) -> Self {
        RuleInfo {
            id: m.id,
            category: m.category,
            summary: m.summary,
            defaults: m.default_severity.into(),
            thresholds: m
                .thresholds
                .iter()
                .map(|t| ThresholdInfo { key: t.key, values: t.values.into(), doc: t.doc })
                .collect(),
            why: m.why,
            flagged: m.flagged,
            plainer: m.plainer,
            source: m.source,
            precision: precision(m.id).map(|p| PrecisionInfo {
                agree: p.agree,
                partly: p.partly,
                disagree: p.disagree,
                agreement: p.agreement(),
            }),
        }
    }
}

/// Every rule's metadata, in registry order.
///
/// ```
/// let all = leaflint::rule_info::all();
/// assert!(all.iter().any(|r| r.id == "long-sentence" && !r.thresholds.is_empty()));
/// ```
pub fn all() -> Vec<RuleInfo> {
    RULES.iter().map(|r| RuleInfo::from(r.meta())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_described_and_serialises() {
        let all = all();
        assert_eq!(all.len(), RULES.len());
        for info in &all {
            assert!(!info.id.is_empty() && !info.why.is_empty() && !info.summary.is_empty(), "{info:?}");
        }
        let v = serde_json::to_value(&all).expect("serialises");
        let ls = v.as_array().and_then(|a| a.iter().find(|r| r["id"] == "long-sentence")).expect("long-sentence");
        assert_eq!(ls["defaults"]["easy-read"], "warning");
        assert_eq!(ls["thresholds"][0]["values"]["easy-read"], 15.0);
    }
}
