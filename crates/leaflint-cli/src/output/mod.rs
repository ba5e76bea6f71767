//! Output formats of `leaflint check`: each takes the checked texts, in input order, and returns
//! the text to print.

pub mod html;
pub mod human;
pub mod markdown;
pub mod sarif;

use leaflint::{Format, Report, Severity};
use std::collections::BTreeMap;

/// One text after checking.
pub struct Checked {
    /// The name shown (`stdin` or the path as given).
    pub name: String,
    /// The text the report's spans refer to.
    pub text: String,
    /// How it was read.
    pub format: Format,
    /// Its report.
    pub report: Report,
}

/// 1-based line and column (in Unicode scalar values) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// Findings per rule over all texts: rule id → (count, highest severity, category name).
pub fn rule_counts(checked: &[Checked]) -> BTreeMap<String, (usize, Severity, &'static str)> {
    let mut m: BTreeMap<String, (usize, Severity, &'static str)> = BTreeMap::new();
    for c in checked {
        for f in &c.report.findings {
            let e = m.entry(f.rule.clone()).or_insert((0, f.severity, f.category.name()));
            e.0 += 1;
            e.1 = e.1.max(f.severity);
        }
    }
    m
}

/// Errors, warnings and info findings of one report.
pub fn severity_counts(r: &Report) -> [usize; 3] {
    let n = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count();
    [n(Severity::Error), n(Severity::Warning), n(Severity::Info)]
}

/// The reading-age target of a report, if computed.
pub fn reading_age_target(r: &Report) -> Option<&leaflint::report::Target> {
    r.targets.iter().find(|t| t.metric == "reading_age")
}

/// The numeracy load of a report (`None` until the numeracy score is computed).
pub fn numeracy_load(r: &Report) -> Option<f64> {
    r.scores.numeracy.as_ref().and_then(|v| v.get("load")).and_then(serde_json::Value::as_f64)
}

/// The report(s) as pretty JSON: one object for one input, an array for several.
pub fn json(checked: &[Checked]) -> Result<String, String> {
    let json = if checked.len() == 1 {
        serde_json::to_string_pretty(&checked[0].report)
    } else {
        serde_json::to_string_pretty(&checked.iter().map(|c| &c.report).collect::<Vec<_>>())
    };
    json.map(|s| s + "\n").map_err(|e| format!("could not write JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let t = "ab\n•cd";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 6), (2, 2));
        assert_eq!(line_col(t, 8), (2, 4));
        assert_eq!(line_col(t, 99), (2, 4));
    }
}
