//! Configuration: profile, document targets, per-rule settings and allow-lists (SPEC §1.6).
//!
//! Defaults come from the rule registry (each rule declares its thresholds per profile) and from
//! [`TARGETS`]; a [`Config`] only holds what the user changed. The same type deserialises from a
//! `leaflint.toml` (in the CLI) and from a JavaScript object (in the browser widget).

use crate::finding::Severity;
use crate::rules::{self, RuleMeta};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A writing profile: the audience and the guidance the text is checked against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// UK English, NHS and PIF guidance: reading age 9 to 11 (fallback 11 to 14).
    #[default]
    Nhs,
    /// US English: AMA/HHS grade 6 or below, NIH below grade 8, CDC Clear Communication Index.
    Us,
    /// UK easy read for people with learning disabilities or very low literacy (GOV.UK easy read).
    EasyRead,
}

impl Profile {
    /// Every profile, in the order of the per-profile value arrays (`[nhs, us, easy-read]`).
    pub const ALL: [Profile; 3] = [Profile::Nhs, Profile::Us, Profile::EasyRead];

    /// Index into `[nhs, us, easy-read]` arrays.
    pub fn index(self) -> usize {
        match self {
            Profile::Nhs => 0,
            Profile::Us => 1,
            Profile::EasyRead => 2,
        }
    }
    /// The stable name (`nhs`, `us`, `easy-read`).
    pub fn name(self) -> &'static str {
        ["nhs", "us", "easy-read"][self.index()]
    }
    /// Parse a profile name.
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }
    /// True for the UK profiles (British spelling and number words).
    pub fn is_uk(self) -> bool {
        self != Profile::Us
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A document target (SPEC §1.6 `target.*`), with its value per profile `[nhs, us, easy-read]`.
#[derive(Debug)]
pub struct TargetDef {
    /// Key under `target.` (`grade`, `acceptable-grade`, …).
    pub key: &'static str,
    /// Default per profile.
    pub values: [f64; 3],
    /// What it means.
    pub doc: &'static str,
}

/// Document targets and their defaults (SPEC §1.6; † values are ours and configurable).
pub const TARGETS: &[TargetDef] = &[
    TargetDef {
        key: "grade",
        values: [6.0, 6.0, 4.0],
        doc: "US grade at or below which the text passes (reading age = grade + 5)",
    },
    TargetDef {
        key: "acceptable-grade",
        values: [9.0, 8.0, 5.0],
        doc: "grade at or below which the text is acceptable; above it fails",
    },
    TargetDef {
        key: "complex-language-pct",
        values: [10.0, 10.0, 5.0],
        doc: "highest complex-language percentage that passes",
    },
    TargetDef {
        key: "passive-share",
        values: [0.20, 0.20, 0.10],
        doc: "highest share of sentences with a passive that passes",
    },
    TargetDef {
        key: "numeracy-load",
        values: [5.0, 5.0, 3.0],
        doc: "highest numeracy load (points per 100 words) that passes",
    },
];

/// Settings for one rule. Threshold keys are the rule's own (see `leaflint rules`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct RuleSettings {
    /// Turn the rule on or off (default: the rule's profile default).
    pub enabled: Option<bool>,
    /// Report every finding of this rule at this severity.
    pub severity: Option<Severity>,
    /// Threshold overrides, by key (`words = 25`).
    #[serde(flatten)]
    pub thresholds: BTreeMap<String, f64>,
}

/// What to check and how. `Config::default()` is the `nhs` profile with every default.
///
/// ```
/// use leaflint::{Config, Profile};
/// let mut cfg = Config::for_profile(Profile::Us);
/// cfg.set_threshold("long-sentence", "words", 25.0);
/// assert_eq!(cfg.threshold("long-sentence", "words"), 25.0);
/// assert_eq!(cfg.threshold("long-sentence", "very-long-words"), 30.0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
pub struct Config {
    /// The writing profile.
    pub profile: Profile,
    /// Overrides of document targets, by key under `target.` (`grade = 5`).
    pub target: BTreeMap<String, f64>,
    /// Per-rule settings, by rule id.
    pub rules: BTreeMap<String, RuleSettings>,
    /// Words never reported by word-level rules (any case).
    pub allow_words: Vec<String>,
    /// Acronyms treated as well known.
    pub allow_acronyms: Vec<String>,
    /// Extra jargon terms with their plain alternative (`"myocardial infarction" = "heart
    /// attack"`), flagged by `medical-jargon` (SPEC §4.4) like rows of its word list.
    pub jargon: BTreeMap<String, String>,
    /// Add every unit (what was counted) to the report.
    pub explain: bool,
    /// Include the analysed source text in the report (`source.text`).
    pub include_text: bool,
}

/// A configuration value that leaflint does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// A rule id that no rule has.
    UnknownRule(String),
    /// A threshold key the rule does not have.
    UnknownThreshold {
        /// The rule id.
        rule: String,
        /// The key.
        key: String,
    },
    /// A target key that does not exist.
    UnknownTarget(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UnknownRule(r) => {
                write!(f, "unknown rule `{r}` (see `leaflint rules` for the list)")
            }
            ConfigError::UnknownThreshold { rule, key } => {
                let keys: Vec<&str> =
                    rules::find(rule).map(|r| r.meta().thresholds.iter().map(|t| t.key).collect()).unwrap_or_default();
                if keys.is_empty() {
                    write!(f, "rule `{rule}` has no setting `{key}` (it has no thresholds)")
                } else {
                    write!(f, "rule `{rule}` has no setting `{key}` (it has: {})", keys.join(", "))
                }
            }
            ConfigError::UnknownTarget(k) => {
                let keys: Vec<&str> = TARGETS.iter().map(|t| t.key).collect();
                write!(f, "unknown target `{k}` (targets: {})", keys.join(", "))
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The defaults of one profile.
    pub fn for_profile(profile: Profile) -> Config {
        Config { profile, ..Config::default() }
    }

    /// Check every rule id, threshold key and target key against the registry.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (id, settings) in &self.rules {
            let rule = rules::find(id).ok_or_else(|| ConfigError::UnknownRule(id.clone()))?;
            for key in settings.thresholds.keys() {
                if !rule.meta().thresholds.iter().any(|t| t.key == key) {
                    return Err(ConfigError::UnknownThreshold { rule: id.clone(), key: key.clone() });
                }
            }
        }
        for key in self.target.keys() {
            if !TARGETS.iter().any(|t| t.key == key) {
                return Err(ConfigError::UnknownTarget(key.clone()));
            }
        }
        Ok(())
    }

    /// The value of a rule's threshold: the override if set, else the profile default.
    /// Unknown keys give `f64::NAN` (and fail [`Config::validate`]).
    pub fn threshold(&self, rule: &str, key: &str) -> f64 {
        match rules::find(rule) {
            Some(r) => self.threshold_of(r.meta(), key),
            None => f64::NAN,
        }
    }

    /// [`Config::threshold`] for a rule whose description is at hand (no registry look-up).
    pub fn threshold_of(&self, meta: &RuleMeta, key: &str) -> f64 {
        if let Some(v) = self.rules.get(meta.id).and_then(|s| s.thresholds.get(key)) {
            return *v;
        }
        meta.thresholds.iter().find(|t| t.key == key).map_or(f64::NAN, |t| t.values[self.profile.index()])
    }

    /// Override one threshold.
    pub fn set_threshold(&mut self, rule: &str, key: &str, value: f64) {
        self.rules.entry(rule.to_owned()).or_default().thresholds.insert(key.to_owned(), value);
    }

    /// The value of a document target (`grade`, `acceptable-grade`, …).
    pub fn target(&self, key: &str) -> f64 {
        if let Some(v) = self.target.get(key) {
            return *v;
        }
        TARGETS.iter().find(|t| t.key == key).map_or(f64::NAN, |t| t.values[self.profile.index()])
    }

    /// Whether a rule runs: the user's choice, else its default for the profile.
    pub fn rule_enabled(&self, rule: &str) -> bool {
        if let Some(on) = self.rules.get(rule).and_then(|s| s.enabled) {
            return on;
        }
        rules::find(rule).is_some_and(|r| r.meta().default_severity[self.profile.index()].is_some())
    }

    /// Turn a rule on or off.
    pub fn set_enabled(&mut self, rule: &str, on: bool) {
        self.rules.entry(rule.to_owned()).or_default().enabled = Some(on);
    }

    /// The user's severity override for a rule, if any.
    pub fn severity_override(&self, rule: &str) -> Option<Severity> {
        self.rules.get(rule).and_then(|s| s.severity)
    }

    /// True when `word` is on the allow-list (case-insensitive).
    pub fn allows_word(&self, word: &str) -> bool {
        self.allow_words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_names_the_bad_key() {
        let mut c = Config::default();
        c.set_threshold("long-sentence", "wordz", 3.0);
        let e = c.validate().expect_err("unknown key");
        assert!(e.to_string().contains("wordz") && e.to_string().contains("words"), "{e}");
        let mut c = Config::default();
        c.set_enabled("no-such-rule", true);
        assert_eq!(c.validate(), Err(ConfigError::UnknownRule("no-such-rule".into())));
        let mut c = Config::default();
        c.target.insert("grades".into(), 3.0);
        assert!(c.validate().is_err());
    }

    #[test]
    fn profile_defaults() {
        assert_eq!(Config::for_profile(Profile::EasyRead).threshold("long-sentence", "words"), 15.0);
        assert_eq!(Config::default().target("acceptable-grade"), 9.0);
        assert_eq!(Config::for_profile(Profile::Us).target("acceptable-grade"), 8.0);
        assert!(Config::default().rule_enabled("long-sentence"));
    }
}
