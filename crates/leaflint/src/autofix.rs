//! Applying fixes to a whole text (SPEC §1.4), shared by `leaflint check --fix` and the widget.
//!
//! One pass checks the text, picks the fixes the caller allows, sorts them by start, skips any
//! that overlaps one taken before it and applies the rest. Applying one fix can make another
//! finding appear or disappear (a split sentence may still be long), so the text is checked
//! again and the process repeats, up to [`FixOptions::passes`] times (3 by default †), stopping
//! early when a pass changes nothing.
//!
//! A finding with more than one fix offers alternatives: a person must choose, so it is never
//! fixed automatically, whatever the mode.

use crate::config::Config;
use crate::document::{Document, Format};
use crate::finding::{compatible_fixes, Applicability, Finding, Fix};
use crate::report::Report;
use serde::Serialize;

/// Fix passes by default (SPEC §1.6 †).
pub const DEFAULT_PASSES: usize = 3;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Only `safe` fixes: the meaning cannot change (`--fix`).
    #[default]
    Safe,
    /// `safe` and `review` fixes (`--fix=review`, the widget's apply-all).
    Review,
}

/// What to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixOptions {
    /// Safe only, or safe and review.
    pub mode: FixMode,
    /// Only fixes of these rules (empty: every rule).
    pub only: Vec<String>,
    /// At most this many check-and-apply passes.
    pub passes: usize,
}

impl Default for FixOptions {
    fn default() -> Self {
        FixOptions { mode: FixMode::Safe, only: Vec::new(), passes: DEFAULT_PASSES }
    }
}

impl FixOptions {
    /// The fix of `finding` these options allow, if any.
    pub fn choose<'a>(&self, finding: &'a Finding) -> Option<&'a Fix> {
        if !self.only.is_empty() && !self.only.contains(&finding.rule) {
            return None;
        }
        let [fix] = finding.fixes.as_slice() else { return None };
        let allowed = match self.mode {
            FixMode::Safe => fix.applicability == Applicability::Safe,
            FixMode::Review => true,
        };
        allowed.then_some(fix)
    }
}

/// One fix that was applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppliedFix {
    /// The rule that proposed it.
    pub rule: String,
    /// Its label.
    pub label: String,
    /// 1-based line of the finding in the text of that pass.
    pub line: usize,
    /// The pass it was applied in (1-based).
    pub pass: usize,
}

/// The result of fixing a text.
#[derive(Clone, Debug)]
pub struct FixOutcome {
    /// The fixed text (equal to the input when nothing applied).
    pub text: String,
    /// Every fix applied, in order.
    pub applied: Vec<AppliedFix>,
    /// The report of the fixed text.
    pub report: Report,
}

impl FixOutcome {
    /// True when the text changed.
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// Fix `text` read as `format` under `config`.
///
/// ```
/// use leaflint::autofix::{fix_text, FixMode, FixOptions};
/// use leaflint::{Config, Format};
/// let long = "Your diabetes team will check your blood sugar, your blood pressure and your feet every year, and they will also look closely at both of your eyes.";
/// let opts = FixOptions { mode: FixMode::Review, ..FixOptions::default() };
/// let out = fix_text(long, Format::Text, "leaflet.txt", &Config::default(), &opts);
/// assert!(out.text.ends_with("every year. They will also look closely at both of your eyes."));
/// assert!(out.report.findings.iter().all(|f| f.rule != "long-sentence"));
/// ```
pub fn fix_text(text: &str, format: Format, name: &str, config: &Config, opts: &FixOptions) -> FixOutcome {
    let mut last = None;
    let (text, applied) = fix_with(text, opts, |t| {
        let report = crate::check_document(&Document::parse(t, format), name, config);
        let findings = report.findings.clone();
        last = Some(report);
        findings
    });
    let report = match last {
        Some(r) => r,
        None => crate::check_document(&Document::parse(&text, format), name, config),
    };
    FixOutcome { text, applied, report }
}

/// The pass loop over any checker: `check` returns the findings of a text. The last call to
/// `check` is always on the returned text.
pub fn fix_with(
    text: &str,
    opts: &FixOptions,
    mut check: impl FnMut(&str) -> Vec<Finding>,
) -> (String, Vec<AppliedFix>) {
    let mut text = text.to_owned();
    let mut applied = Vec::new();
    for pass in 1..=opts.passes.max(1) + 1 {
        let findings = check(&text);
        if pass > opts.passes {
            break;
        }
        let chosen: Vec<(&Finding, &Fix)> = findings.iter().filter_map(|f| Some((f, opts.choose(f)?))).collect();
        let fixes: Vec<&Fix> = chosen.iter().map(|(_, fix)| *fix).collect();
        let kept = compatible_fixes(&text, &fixes);
        if kept.is_empty() {
            break;
        }
        let next = crate::apply_fixes(&text, kept.iter().map(|&i| fixes[i]));
        if next == text {
            break;
        }
        for &i in &kept {
            let (f, fix) = chosen[i];
            applied.push(AppliedFix { rule: f.rule.clone(), label: fix.label.clone(), line: f.line, pass });
        }
        text = next;
    }
    (text, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Category, Severity};
    use crate::rules::RuleMeta;
    use crate::span::ByteSpan;

    static META: RuleMeta = RuleMeta {
        id: "test-dash",
        category: Category::Numeracy,
        summary: "test",
        default_severity: [Some(Severity::Info); 3],
        thresholds: &[],
        why: "",
        flagged: "",
        plainer: "",
        source: "",
    };

    /// A fake checker: every `--` is a finding with a safe fix to `-`; every `-` next to a letter
    /// on both sides is a finding with a review fix to ` to `; `x` has two alternatives.
    fn fake(text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let b = text.as_bytes();
        for i in 0..b.len() {
            let span = ByteSpan::new(i, i + 1);
            if b[i] == b'-' && b.get(i + 1) == Some(&b'-') {
                let s = ByteSpan::new(i, i + 2);
                out.push(Finding::new(&META, Severity::Info, s, "dash").with_fix(Fix::replace(
                    "one dash",
                    Applicability::Safe,
                    s,
                    "-",
                )));
            } else if b[i] == b'-' && i > 0 && b[i - 1] != b'-' && b.get(i + 1).is_some_and(|c| *c != b'-') {
                out.push(Finding::new(&META, Severity::Info, span, "range").with_fix(Fix::replace(
                    "to",
                    Applicability::Review,
                    span,
                    " to ",
                )));
            } else if b[i] == b'x' {
                out.push(
                    Finding::new(&META, Severity::Info, span, "x")
                        .with_fix(Fix::replace("a", Applicability::Safe, span, "a"))
                        .with_fix(Fix::replace("b", Applicability::Safe, span, "b")),
                );
            }
        }
        out
    }

    #[test]
    fn safe_mode_applies_only_safe_single_fixes() {
        let (t, applied) = fix_with("1--2 and x", &FixOptions::default(), fake);
        assert_eq!(t, "1-2 and x");
        assert_eq!(applied.len(), 1);
    }

    #[test]
    fn review_mode_cascades_over_passes() {
        let opts = FixOptions { mode: FixMode::Review, ..FixOptions::default() };
        // Pass 1 turns `--` into `-`; pass 2 turns that `-` into ` to `.
        let (t, applied) = fix_with("1--2", &opts, fake);
        assert_eq!(t, "1 to 2");
        assert_eq!(applied.iter().map(|a| a.pass).collect::<Vec<_>>(), vec![1, 2]);
        // Idempotent: nothing more to do.
        let (again, more) = fix_with(&t, &opts, fake);
        assert_eq!((again.as_str(), more.len()), ("1 to 2", 0));
    }

    #[test]
    fn passes_are_bounded() {
        let opts = FixOptions { mode: FixMode::Review, passes: 1, ..FixOptions::default() };
        let (t, _) = fix_with("1--2", &opts, fake);
        assert_eq!(t, "1-2");
        let mut calls = 0;
        let _ = fix_with("1--2", &opts, |t| {
            calls += 1;
            fake(t)
        });
        assert_eq!(calls, 2, "one pass, then a final check of the fixed text");
    }

    #[test]
    fn only_filters_rules() {
        let opts = FixOptions { only: vec!["other-rule".into()], ..FixOptions::default() };
        assert_eq!(fix_with("1--2", &opts, fake).0, "1--2");
    }

    #[test]
    fn long_sentence_split_with_real_rules() {
        let text = "Your diabetes team will check your blood sugar, your blood pressure and your feet every year, and they will also look closely at both of your eyes and ask how you are feeling, and you can bring a friend or relative with you to the appointment.\n";
        let opts = FixOptions { mode: FixMode::Review, only: vec!["long-sentence".into()], ..FixOptions::default() };
        let out = fix_text(text, Format::Text, "t", &Config::default(), &opts);
        assert_eq!(
            out.text,
            "Your diabetes team will check your blood sugar, your blood pressure and your feet every year. They will also look closely at both of your eyes and ask how you are feeling. You can bring a friend or relative with you to the appointment.\n"
        );
        assert_eq!(out.applied.iter().map(|a| a.pass).collect::<Vec<_>>(), vec![1, 2]);
        assert!(!out.report.findings.iter().any(|f| f.rule == "long-sentence"));
        let again = fix_text(&out.text, Format::Text, "t", &Config::default(), &opts);
        assert!(!again.changed(&out.text) && again.applied.is_empty());
        // Safe mode: a split is a review fix, so nothing changes.
        let safe = FixOptions { only: vec!["long-sentence".into()], ..FixOptions::default() };
        assert_eq!(fix_text(text, Format::Text, "t", &Config::default(), &safe).text, text);
    }
}
