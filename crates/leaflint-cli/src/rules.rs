//! `leaflint rules` and `leaflint explain RULE`, generated from the rule registry.

use crate::args::CompareFormat;
use anstyle::Style;
use leaflint::rules::{Precision, RuleMeta, RULES};
use leaflint::{Config, Profile, Severity};
use std::fmt::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

fn sev(s: Option<Severity>) -> &'static str {
    s.map_or("off", |s| s.name())
}

/// `leaflint rules`.
pub fn list(format: CompareFormat, precision: bool) -> Result<String, String> {
    if precision {
        return Ok(precision_table(format));
    }
    if format == CompareFormat::Json {
        // The engine's rule metadata (as the browser and Python adapters give it), plus the
        // `default_severity` and `thresholds[].default` keys this command has always written.
        let mut rules =
            serde_json::to_value(leaflint::rule_info::all()).map_err(|e| format!("could not write JSON: {e}"))?;
        for rule in rules.as_array_mut().into_iter().flatten() {
            let defaults = rule["defaults"].clone();
            rule["default_severity"] = defaults;
            for t in rule["thresholds"].as_array_mut().into_iter().flatten() {
                let values = t["values"].clone();
                t["default"] = values;
            }
        }
        return serde_json::to_string_pretty(&rules)
            .map(|s| s + "\n")
            .map_err(|e| format!("could not write JSON: {e}"));
    }
    let w = RULES.iter().map(|r| r.meta().id.len()).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{BOLD}{:<w$}  {:<12} {:<8} {:<8} {:<9} summary{BOLD:#}",
        "rule", "category", "nhs", "us", "easy-read"
    );
    for r in RULES {
        let m = r.meta();
        let _ = writeln!(
            out,
            "{:<w$}  {:<12} {:<8} {:<8} {:<9} {DIM}{}{DIM:#}",
            m.id,
            m.category.name(),
            sev(m.default_severity[0]),
            sev(m.default_severity[1]),
            sev(m.default_severity[2]),
            m.summary
        );
    }
    let _ = writeln!(out, "\n{} rules. `leaflint explain RULE` tells more about one.", RULES.len());
    Ok(out)
}

/// `leaflint rules --precision`: each rule's agreement with an NHS editor on the reviewed corpus.
fn precision_table(format: CompareFormat) -> String {
    let measured: Vec<(&RuleMeta, Option<Precision>)> =
        RULES.iter().map(|r| (r.meta(), leaflint::rules::precision(r.meta().id))).collect();
    if format == CompareFormat::Json {
        let rows: Vec<serde_json::Value> = measured
            .iter()
            .map(|(m, p)| {
                serde_json::json!({
                    "id": m.id,
                    "agree": p.map(|p| p.agree), "partly": p.map(|p| p.partly), "disagree": p.map(|p| p.disagree),
                    "agreement": p.map(|p| p.agreement()),
                })
            })
            .collect();
        return serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n";
    }
    let w = RULES.iter().map(|r| r.meta().id.len()).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{BOLD}{:<w$}  {:>9} {:>8} {:>6} {:>6} {:>9}{BOLD:#}",
        "rule", "agreement", "reviewed", "agree", "partly", "disagree"
    );
    let mut total = Precision { agree: 0, partly: 0, disagree: 0 };
    for (m, p) in &measured {
        match p {
            Some(p) => {
                total.agree += p.agree;
                total.partly += p.partly;
                total.disagree += p.disagree;
                let _ = writeln!(
                    out,
                    "{:<w$}  {:>8.0}% {:>8} {:>6} {:>6} {:>9}",
                    m.id,
                    100.0 * p.agreement(),
                    p.reviewed(),
                    p.agree,
                    p.partly,
                    p.disagree
                );
            }
            None => {
                let _ = writeln!(out, "{:<w$}  {DIM}{:>9} {:>8}{DIM:#}", m.id, "-", 0);
            }
        }
    }
    let _ = writeln!(
        out,
        "{BOLD}{:<w$}  {:>8.1}% {:>8} {:>6} {:>6} {:>9}{BOLD:#}",
        "all",
        100.0 * total.agreement(),
        total.reviewed(),
        total.agree,
        total.partly,
        total.disagree
    );
    let _ = writeln!(
        out,
        "\nAgreement: the share of a rule's findings on leaflint's reviewed corpus of real leaflets\n\
         (tests/corpus) that an NHS patient-information editor judged a real problem worth their time,\n\
         with the right message and fix. `-`: no finding of the rule on the reviewed texts."
    );
    out
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn wrap(out: &mut String, text: &str, indent: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > 88 {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
}

/// `leaflint explain RULE`.
pub fn explain(id: &str) -> Result<String, String> {
    let Some(rule) = leaflint::rules::find(id) else {
        let best = RULES.iter().map(|r| r.meta().id).min_by_key(|r| distance(id, r));
        let hint = best.filter(|b| distance(id, b) <= 3).map(|b| format!(" Did you mean `{b}`?")).unwrap_or_default();
        return Err(format!("unknown rule `{id}`.{hint} See `leaflint rules` for the list."));
    };
    let m: &RuleMeta = rule.meta();
    let mut out = String::new();
    let _ = writeln!(out, "{BOLD}{}{BOLD:#} ({})", m.id, m.category.name());
    let _ = writeln!(out, "{}\n", m.summary);
    let _ = writeln!(out, "{BOLD}Why it matters to patients{BOLD:#}");
    wrap(&mut out, m.why, "  ");
    let _ = writeln!(out, "\n{BOLD}Flagged example{BOLD:#}");
    wrap(&mut out, m.flagged, "  ");
    let mut cfg = Config::default();
    cfg.set_enabled(m.id, true);
    for f in leaflint::check(m.flagged, &cfg).findings.iter().filter(|f| f.rule == m.id) {
        let _ = writeln!(out, "  {DIM}→ {}: {}{DIM:#}", f.severity, f.message);
    }
    let _ = writeln!(out, "\n{BOLD}Plainer version{BOLD:#}");
    wrap(&mut out, m.plainer, "  ");
    let _ = writeln!(out, "\n{BOLD}Default severity{BOLD:#}");
    for p in Profile::ALL {
        let _ = writeln!(out, "  {:<10} {}", p.name(), sev(m.default_severity[p.index()]));
    }
    if !m.thresholds.is_empty() {
        let _ = writeln!(out, "\n{BOLD}Settings{BOLD:#} (in leaflint.toml under [rules.{}])", m.id);
        for t in m.thresholds {
            let _ = writeln!(
                out,
                "  {:<18} nhs {}, us {}, easy-read {}  {DIM}{}{DIM:#}",
                t.key,
                fmt_num(t.values[0]),
                fmt_num(t.values[1]),
                fmt_num(t.values[2]),
                t.doc
            );
        }
    }
    let _ = writeln!(out, "\n{BOLD}Measured on real leaflets{BOLD:#}");
    match leaflint::rules::precision(m.id) {
        Some(p) => wrap(
            &mut out,
            &format!(
                "An NHS patient-information editor agreed with {:.0}% of its findings on leaflint's reviewed corpus \
                 ({} of {}; {} partly right, {} noise). `leaflint rules --precision` compares every rule.",
                100.0 * p.agreement(),
                p.agree,
                p.reviewed(),
                p.partly,
                p.disagree
            ),
            "  ",
        ),
        None => wrap(&mut out, "No finding of this rule on the reviewed corpus yet.", "  "),
    }
    let _ = writeln!(out, "\n{BOLD}Source{BOLD:#}");
    wrap(&mut out, m.source, "  ");
    let _ = writeln!(
        out,
        "\n{DIM}Turn it off for a passage with <!-- leaflint-disable {0} --> … <!-- leaflint-enable {0} -->,\nor in plain text with a line `leaflint-disable-next-line {0}`.{DIM:#}",
        m.id
    );
    Ok(out)
}

/// `leaflint rules --reference`: every rule's documentation as Markdown, one section per rule
/// with the anchor `rule-ID` (committed as `docs/rules.md`; the language server's diagnostics link
/// there). Only the rule registry's own words, so it changes only when a rule's metadata does.
pub fn reference() -> String {
    let mut out = String::from(
        "# leaflint rules\n\n\
         <!-- Written by `leaflint rules --reference > docs/rules.md` from the rule registry; do not edit. -->\n\n\
         Each rule: why it matters to patients, an example it flags, a plainer version, its default\n\
         severity per profile, its settings and its source. `leaflint explain RULE` says the same and\n\
         how often an NHS editor agreed with the rule on real leaflets.\n",
    );
    for r in RULES {
        let m = r.meta();
        let _ =
            write!(out, "\n<a id=\"rule-{0}\"></a>\n\n## `{0}`\n\n{1} ({2}).\n\n", m.id, m.summary, m.category.name());
        let _ = writeln!(out, "**Why it matters to patients.** {}\n", m.why);
        let _ = writeln!(out, "**Flagged example.** {}\n", m.flagged);
        let _ = writeln!(out, "**Plainer version.** {}\n", m.plainer);
        let _ = writeln!(
            out,
            "**Default severity.** {}.\n",
            Profile::ALL
                .iter()
                .map(|p| format!("{} {}", p.name(), sev(m.default_severity[p.index()])))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if !m.thresholds.is_empty() {
            let _ = writeln!(out, "**Settings** (in `leaflint.toml` under `[rules.{}]`):\n", m.id);
            for t in m.thresholds {
                let _ = writeln!(
                    out,
                    "- `{}`: {} (nhs {}, us {}, easy-read {})",
                    t.key,
                    t.doc,
                    fmt_num(t.values[0]),
                    fmt_num(t.values[1]),
                    fmt_num(t.values[2])
                );
            }
            out.push('\n');
        }
        let _ = writeln!(out, "**Source.** {}\n", m.source);
        let _ = writeln!(
            out,
            "**Turn it off** for a line with `{}` (plain text) or `{}` (Markdown, HTML) above it.",
            leaflint::suppress::disable_next_line(m.id, leaflint::Format::Text),
            leaflint::suppress::disable_next_line(m.id, leaflint::Format::Markdown)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_ids_are_suggested() {
        let e = explain("long-sentense").expect_err("unknown");
        assert!(e.contains("Did you mean `long-sentence`?"), "{e}");
        let e = explain("zzz").expect_err("unknown");
        assert!(!e.contains("Did you mean"), "{e}");
    }
}
