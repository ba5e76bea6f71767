//! A Markdown summary for pull-request comments: one row per file (reading age and its target,
//! SMOG, words, findings by severity), findings per rule, and the findings themselves folded in
//! a `<details>` block.

use super::{numeracy_load, reading_age_target, rule_counts, severity_counts, Checked};
use leaflint::report::TargetStatus;
use std::fmt::Write;

/// Escape text for a table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace('\n', " ").replace('<', "&lt;")
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

/// Findings listed in the folded block at most (a PR comment has a size limit).
const MAX_LISTED: usize = 200;

/// The Markdown summary.
pub fn render(checked: &[Checked]) -> String {
    let mut out = String::new();
    let profile = checked.first().map_or("nhs", |c| c.report.profile.name());
    let _ = writeln!(out, "## leaflint report\n");
    let _ =
        writeln!(out, "Profile: `{profile}` · {} file{}\n", checked.len(), if checked.len() == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "| File | Reading age | Target | SMOG | Complex words | Numeracy load | Words | Errors | Warnings | Info |"
    );
    let _ = writeln!(out, "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut total = [0usize; 3];
    for c in checked {
        let r = &c.report;
        let [e, w, i] = severity_counts(r);
        total[0] += e;
        total[1] += w;
        total[2] += i;
        let (age, target) = match reading_age_target(r) {
            Some(t) => {
                let mark = match t.status {
                    TargetStatus::Pass => "✅ pass",
                    TargetStatus::Acceptable => "🟡 acceptable",
                    TargetStatus::Fail => "❌ too hard",
                };
                (format!("{:.1}", t.value), format!("{mark} (≤ {:.0})", t.pass_at_most))
            }
            None => ("—".to_owned(), "—".to_owned()),
        };
        let _ = writeln!(
            out,
            "| `{}` | {age} | {target} | {} | {} | {} | {} | {e} | {w} | {i} |",
            cell(&c.name),
            num(r.scores.readability.smog.grade),
            r.scores.language.complex_language_pct.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%")),
            num(numeracy_load(r)),
            r.scores.counts.words_total,
        );
    }
    if checked.len() > 1 {
        let _ = writeln!(out, "| **Total** | | | | | | | **{}** | **{}** | **{}** |", total[0], total[1], total[2]);
    }
    let counts = rule_counts(checked);
    if counts.is_empty() {
        let _ = writeln!(out, "\nNo findings.");
        return out;
    }
    let _ = writeln!(out, "\n### Findings by rule\n");
    let _ = writeln!(out, "| Rule | Category | Highest severity | Count |");
    let _ = writeln!(out, "|---|---|---|---:|");
    let mut rows: Vec<_> = counts.iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
    for (rule, (n, sev, cat)) in rows {
        let _ = writeln!(out, "| `{rule}` | {cat} | {sev} | {n} |");
    }
    let all: usize = counts.values().map(|v| v.0).sum();
    let _ = writeln!(out, "\n<details><summary>All findings ({all})</summary>\n");
    let _ = writeln!(out, "| File | Line | Severity | Rule | Message |");
    let _ = writeln!(out, "|---|---:|---|---|---|");
    let mut listed = 0;
    'outer: for c in checked {
        for f in &c.report.findings {
            if listed == MAX_LISTED {
                break 'outer;
            }
            listed += 1;
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | `{}` | {} |",
                cell(&c.name),
                f.line,
                f.severity,
                f.rule,
                cell(&f.message)
            );
        }
    }
    if all > listed {
        let _ = writeln!(out, "\n…and {} more: run `leaflint check` locally to see them all.", all - listed);
    }
    let _ = writeln!(out, "\n</details>");
    out
}
