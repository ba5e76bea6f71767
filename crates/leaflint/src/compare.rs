//! Before/after comparison (SPEC §8): check two versions of a text with the same configuration
//! and say what got better, what got worse, which findings were fixed or are new, and which
//! actions of the old version may have been lost.
//!
//! ```
//! use leaflint::{compare, Config, Document, Format};
//! let old = Document::parse("Patients should bring all their medicines to every appointment, because the doctor will need to review all of the medicines and the doses that the patients are currently taking at home.", Format::Text);
//! let new = Document::parse("Bring all your medicines to every appointment. Your doctor will check them.", Format::Text);
//! let c = compare(&old, &new, &Config::default());
//! assert_eq!(c.verdict, leaflint::compare::Verdict::Better);
//! assert!(c.findings.fixed.iter().any(|f| f.rule == "long-sentence"));
//! ```

use crate::config::Config;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::metrics::{self, Scores};
use crate::report::Report;
use crate::text::action::{action_class, verb_class};
use crate::text::{unit_text, Analysis};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// SMOG grade and reading age changes within this are "unchanged" (SPEC §8 †).
pub const GRADE_TOLERANCE: f64 = 0.5;
/// Complex-language percentage points within which a change is "unchanged" (†).
pub const COMPLEX_PCT_TOLERANCE: f64 = 1.0;
/// Numeracy load (points per 100 words) within which a change is "unchanged" (†).
pub const NUMERACY_TOLERANCE: f64 = 0.5;

/// How one measure moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeVerdict {
    /// Moved the good way by more than the tolerance.
    Better,
    /// Moved the bad way by more than the tolerance.
    Worse,
    /// Within the tolerance.
    Unchanged,
    /// Shown only (words: shorter is not always better).
    Shown,
    /// Cannot be computed for one of the versions.
    Unknown,
}

/// The overall verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// No measure worse, at least one better, no action possibly removed.
    Better,
    /// No measure better, at least one worse.
    Worse,
    /// Every measure unchanged.
    Same,
    /// Anything else.
    Mixed,
}

/// One measure before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// `smog_grade`, `reading_age`, `consensus_grade`, `complex_language_pct`, `passive_count`,
    /// `passive_share`, `numeracy_load`, `findings`, `words`.
    pub metric: &'static str,
    /// Old value (`null` when it cannot be computed).
    pub before: Option<f64>,
    /// New value.
    pub after: Option<f64>,
    /// `after - before`.
    pub delta: Option<f64>,
    /// Which way it moved.
    pub verdict: ChangeVerdict,
}

/// A finding as compare lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FindingRef {
    /// Rule id.
    pub rule: String,
    /// Severity.
    pub severity: Severity,
    /// The flagged text.
    pub text: String,
    /// The message.
    pub message: String,
    /// 1-based line (in the old text for `fixed`, in the new one otherwise).
    pub line: usize,
}

/// Findings matched across versions by rule id, normalised flagged text and occurrence index.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FindingChanges {
    /// In the old version only.
    pub fixed: Vec<FindingRef>,
    /// In the new version only.
    pub new: Vec<FindingRef>,
    /// In both.
    pub remaining: Vec<FindingRef>,
}

/// The before/after report (SPEC §8).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Scores of the old version.
    pub before: Scores,
    /// Scores of the new version.
    pub after: Scores,
    /// Each measure.
    pub changes: Vec<Change>,
    /// Fixed, new and remaining findings.
    pub findings: FindingChanges,
    /// Action units of the old version whose verb and object are not in the new one.
    pub possibly_removed_actions: Vec<String>,
    /// The overall verdict.
    pub verdict: Verdict,
}

impl Comparison {
    /// The change of `metric`, if compared.
    pub fn change(&self, metric: &str) -> Option<&Change> {
        self.changes.iter().find(|c| c.metric == metric)
    }

    /// What `--fail-if-worse` fails on: `worse`, or `mixed` with a worse SMOG grade,
    /// complex-language percentage or numeracy load.
    pub fn fails_if_worse(&self) -> bool {
        match self.verdict {
            Verdict::Worse => true,
            Verdict::Mixed => ["smog_grade", "complex_language_pct", "numeracy_load"]
                .iter()
                .any(|m| self.change(m).is_some_and(|c| c.verdict == ChangeVerdict::Worse)),
            _ => false,
        }
    }
}

/// Compare two versions of a text, checked with the same `config`.
pub fn compare(old: &Document, new: &Document, config: &Config) -> Comparison {
    let before = crate::check_document(old, "old", config);
    let after = crate::check_document(new, "new", config);
    let removed = removed_actions(old, new, config);
    compare_reports(&before, &old.text, &after, &new.text, removed)
}

/// Compare two reports of the texts `old_text` and `new_text` (their spans refer to these texts).
/// `possibly_removed_actions` is passed in: it needs the documents (see [`compare`]).
pub fn compare_reports(
    before: &Report,
    old_text: &str,
    after: &Report,
    new_text: &str,
    possibly_removed_actions: Vec<String>,
) -> Comparison {
    let (b, a) = (&before.scores, &after.scores);
    let load = |s: &Scores| s.numeracy.as_ref().and_then(|v| v.get("load")).and_then(serde_json::Value::as_f64);
    let serious = |r: &Report| r.count_at_least(Severity::Warning) as f64;
    let changes = vec![
        change("smog_grade", b.readability.smog.grade, a.readability.smog.grade, GRADE_TOLERANCE),
        change("reading_age", b.readability.reading_age, a.readability.reading_age, GRADE_TOLERANCE),
        change("consensus_grade", b.readability.consensus_grade, a.readability.consensus_grade, GRADE_TOLERANCE),
        change(
            "complex_language_pct",
            b.language.complex_language_pct,
            a.language.complex_language_pct,
            COMPLEX_PCT_TOLERANCE,
        ),
        change(
            "passive_count",
            b.language.passive_count.map(|n| n as f64),
            a.language.passive_count.map(|n| n as f64),
            0.0,
        ),
        change("passive_share", b.language.passive_share, a.language.passive_share, 0.0),
        change("numeracy_load", load(b), load(a), NUMERACY_TOLERANCE),
        change("findings", Some(serious(before)), Some(serious(after)), 0.0),
        Change {
            metric: "words",
            before: Some(b.counts.words_total as f64),
            after: Some(a.counts.words_total as f64),
            delta: Some(a.counts.words_total as f64 - b.counts.words_total as f64),
            verdict: ChangeVerdict::Shown,
        },
    ];
    let findings = match_findings(&before.findings, old_text, &after.findings, new_text);
    let verdict = verdict(&changes, &possibly_removed_actions);
    Comparison {
        before: before.scores.clone(),
        after: after.scores.clone(),
        changes,
        findings,
        possibly_removed_actions,
        verdict,
    }
}

fn change(metric: &'static str, before: Option<f64>, after: Option<f64>, tolerance: f64) -> Change {
    let delta = before.zip(after).map(|(b, a)| a - b);
    let verdict = match delta {
        None => ChangeVerdict::Unknown,
        // A tiny epsilon keeps 0.5 - 0.0 from being "worse" by rounding.
        Some(d) if d > tolerance + 1e-9 => ChangeVerdict::Worse,
        Some(d) if d < -tolerance - 1e-9 => ChangeVerdict::Better,
        Some(_) => ChangeVerdict::Unchanged,
    };
    Change { metric, before, after, delta, verdict }
}

fn verdict(changes: &[Change], removed: &[String]) -> Verdict {
    let any = |v: ChangeVerdict| changes.iter().any(|c| c.verdict == v);
    let (better, worse) = (any(ChangeVerdict::Better), any(ChangeVerdict::Worse));
    if !better && !worse {
        Verdict::Same
    } else if better && !worse && removed.is_empty() {
        Verdict::Better
    } else if worse && !better {
        Verdict::Worse
    } else {
        Verdict::Mixed
    }
}

/// Lower-case, whitespace collapsed.
fn normalise(s: &str) -> String {
    s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

fn keyed<'a>(findings: &'a [Finding], text: &str) -> Vec<((String, String, usize), &'a Finding)> {
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let k = (f.rule.clone(), normalise(f.span.slice(text)));
            let n = seen.entry(k.clone()).or_default();
            *n += 1;
            ((k.0, k.1, *n), f)
        })
        .collect()
}

fn to_ref(f: &Finding, text: &str) -> FindingRef {
    FindingRef {
        rule: f.rule.clone(),
        severity: f.severity,
        text: f.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" "),
        message: f.message.clone(),
        line: f.line,
    }
}

fn match_findings(old: &[Finding], old_text: &str, new: &[Finding], new_text: &str) -> FindingChanges {
    let old_k = keyed(old, old_text);
    let new_k = keyed(new, new_text);
    let old_keys: HashSet<&(String, String, usize)> = old_k.iter().map(|(k, _)| k).collect();
    let new_keys: HashSet<&(String, String, usize)> = new_k.iter().map(|(k, _)| k).collect();
    let mut out = FindingChanges::default();
    for (k, f) in &old_k {
        if !new_keys.contains(k) {
            out.fixed.push(to_ref(f, old_text));
        }
    }
    for (k, f) in &new_k {
        if old_keys.contains(k) {
            out.remaining.push(to_ref(f, new_text));
        } else {
            out.new.push(to_ref(f, new_text));
        }
    }
    out
}

const OPENERS: [&str; 7] = ["please", "also", "then", "now", "always", "only", "just"];
const CLAUSE_OPENERS: [&str; 6] = ["if", "when", "after", "before", "until", "once"];
const MODALS: [&str; 8] = ["should", "must", "need", "needs", "have", "will", "can", "may"];
const DETERMINERS: [&str; 14] =
    ["a", "an", "the", "your", "this", "that", "these", "those", "any", "some", "all", "their", "my", "our"];
const STOPS: [&str; 22] = [
    "to", "with", "for", "at", "in", "on", "of", "before", "after", "if", "when", "until", "from", "by", "about",
    "into", "every", "each", "and", "or", "but", "as",
];

/// The verb and object head noun of an action unit (SPEC §6.1), as a matching key:
/// `Take 1 tablet 2 times a day` → `take tablet`; `Do not drive for 24 hours` → `not drive`.
pub fn action_key(unit: &str) -> Option<String> {
    action_class(unit)?;
    let words: Vec<&str> = unit.split_whitespace().collect();
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let mut i = 0;
    while i < words.len() && OPENERS.contains(&clean(words[i]).as_str()) {
        i += 1;
    }
    let first = words.get(i).map(|w| clean(w)).unwrap_or_default();
    if CLAUSE_OPENERS.contains(&first.as_str()) {
        if let Some(c) = unit.find(',') {
            if let Some(k) = action_key(&unit[c + 1..]) {
                return Some(k);
            }
        }
    }
    let (verb, at) = if first == "do" && words.get(i + 1).is_some_and(|w| clean(w) == "not") {
        (format!("not {}", words.get(i + 2).map(|w| clean(w)).unwrap_or_default()), i + 3)
    } else if first == "never" || first == "don't" || first == "don’t" {
        (format!("not {}", words.get(i + 1).map(|w| clean(w)).unwrap_or_default()), i + 2)
    } else if verb_class(&first).is_some() {
        (first, i + 1)
    } else {
        // you + modal (+ to) + verb
        let k = (0..words.len().saturating_sub(2))
            .find(|&k| clean(words[k]) == "you" && MODALS.contains(&clean(words[k + 1]).as_str()))?;
        let mut v = k + 2;
        if words.get(v).is_some_and(|w| clean(w) == "to") {
            v += 1;
        }
        let w = words.get(v).map(|w| clean(w)).unwrap_or_default();
        if w == "not" {
            (format!("not {}", words.get(v + 1).map(|w| clean(w)).unwrap_or_default()), v + 2)
        } else {
            (w, v + 1)
        }
    };
    let mut object: Option<String> = None;
    let mut number: Option<String> = None;
    for w in words.iter().skip(at) {
        let c = clean(w);
        let is_number = c.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if object.is_none() && (DETERMINERS.contains(&c.as_str()) || is_number) {
            if is_number {
                number.get_or_insert(c);
            }
            continue;
        }
        if c.is_empty() || STOPS.contains(&c.as_str()) || is_number {
            break;
        }
        object = Some(c);
        if w.ends_with([',', '.', ';', ':', '!', '?']) {
            break;
        }
    }
    let object = object.map(|o| singular(&o)).or(number);
    Some(match object {
        Some(o) => format!("{verb} {o}"),
        None => verb,
    })
}

fn singular(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_owned()
    } else {
        w.to_owned()
    }
}

fn action_keys(doc: &Document, config: &Config) -> Vec<(String, String)> {
    let an = Analysis::new(doc, metrics::number_style(config.profile));
    an.units
        .iter()
        .filter_map(|u| {
            let t = unit_text(doc, u);
            Some((action_key(t)?, u.span.slice(&doc.text).split_whitespace().collect::<Vec<_>>().join(" ")))
        })
        .collect()
}

/// Action units of `old` whose key ([`action_key`]) no action unit of `new` has.
pub fn removed_actions(old: &Document, new: &Document, config: &Config) -> Vec<String> {
    let kept: HashSet<String> = action_keys(new, config).into_iter().map(|(k, _)| k).collect();
    action_keys(old, config).into_iter().filter(|(k, _)| !kept.contains(k)).map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn doc(t: &str) -> Document {
        Document::parse(t, Format::Text)
    }

    #[test]
    fn action_keys_follow_spec_examples() {
        assert_eq!(action_key("Take 1 tablet 2 times a day.").as_deref(), Some("take tablet"));
        assert_eq!(action_key("Do not drive for 24 hours.").as_deref(), Some("not drive"));
        assert_eq!(action_key("Call 999 if you have chest pain.").as_deref(), Some("call 999"));
        assert_eq!(action_key("If you feel sick, call your GP.").as_deref(), Some("call gp"));
        assert_eq!(action_key("You should take your tablets with food.").as_deref(), Some("take tablet"));
        assert_eq!(action_key("Swelling is common."), None);
    }

    #[test]
    fn same_text_is_same() {
        let t = "Take 1 tablet each morning. Swallow it whole with water.";
        let c = compare(&doc(t), &doc(t), &Config::default());
        assert_eq!(c.verdict, Verdict::Same);
        assert!(c.findings.fixed.is_empty() && c.findings.new.is_empty());
        assert!(c.possibly_removed_actions.is_empty());
        assert!(!c.fails_if_worse());
    }

    #[test]
    fn worse_text_fails_and_findings_are_new() {
        let plain = "Take 1 tablet each morning. Swallow it whole with water.";
        let hard = "Administration of one tablet each morning is recommended, and patients should ensure that the tablet is swallowed whole with a sufficient quantity of water, unless otherwise instructed by their clinician.";
        let c = compare(&doc(plain), &doc(hard), &Config::default());
        assert_eq!(c.change("consensus_grade").map(|c| c.verdict), Some(ChangeVerdict::Worse));
        assert!(c.findings.new.iter().any(|f| f.rule == "long-sentence"));
        assert_eq!(c.possibly_removed_actions, vec!["Take 1 tablet each morning.", "Swallow it whole with water."]);
        assert!(matches!(c.verdict, Verdict::Worse | Verdict::Mixed));
        assert!(c.fails_if_worse() || c.verdict == Verdict::Mixed);
        let back = compare(&doc(hard), &doc(plain), &Config::default());
        assert_eq!(back.verdict, Verdict::Better);
        assert!(back.findings.fixed.iter().any(|f| f.rule == "long-sentence" && f.line == 1));
    }

    #[test]
    fn findings_match_by_occurrence() {
        let long = "Your dose may be increased gradually over several weeks, and your doctor will check your kidney function with a blood test before you start and again after a month.";
        let old = format!("{long}\n\n{long}\n");
        let c = compare(&doc(&old), &doc(long), &Config::default());
        let count = |v: &[FindingRef]| v.iter().filter(|f| f.rule == "long-sentence").count();
        assert_eq!((count(&c.findings.fixed), count(&c.findings.remaining)), (1, 1), "{:#?}", c.findings);
        assert_eq!(c.findings.fixed.iter().find(|f| f.rule == "long-sentence").map(|f| f.line), Some(3));
    }

    #[test]
    fn tolerances() {
        assert_eq!(change("m", Some(6.0), Some(6.5), 0.5).verdict, ChangeVerdict::Unchanged);
        assert_eq!(change("m", Some(6.0), Some(6.6), 0.5).verdict, ChangeVerdict::Worse);
        assert_eq!(change("m", Some(6.0), None, 0.5).verdict, ChangeVerdict::Unknown);
        assert_eq!(change("m", Some(3.0), Some(2.0), 0.0).verdict, ChangeVerdict::Better);
    }
}
