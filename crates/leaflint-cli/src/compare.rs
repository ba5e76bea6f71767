//! `leaflint compare OLD NEW` (SPEC §8): the before/after table, findings fixed and new, and the
//! actions of the old version that may have been lost.

use crate::args::{CompareArgs, CompareFormat};
use crate::{input, write_out, Outcome};
use anstyle::{AnsiColor, Style};
use leaflint::compare::{ChangeVerdict, Comparison, FindingRef, Verdict};
use leaflint_cli::config::Settings;
use std::fmt::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

fn label(metric: &str) -> &str {
    match metric {
        "smog_grade" => "SMOG grade",
        "reading_age" => "Reading age",
        "consensus_grade" => "Consensus grade",
        "complex_language_pct" => "Complex language %",
        "passive_count" => "Passive sentences",
        "passive_share" => "Passive share",
        "numeracy_load" => "Numeracy load",
        "findings" => "Warnings and errors",
        "words" => "Words",
        other => other,
    }
}

fn num(v: Option<f64>, metric: &str) -> String {
    let whole = matches!(metric, "passive_count" | "findings" | "words");
    match v {
        None => "—".to_owned(),
        Some(v) if whole => format!("{v:.0}"),
        Some(v) if metric == "passive_share" => format!("{:.0}%", v * 100.0),
        Some(v) => format!("{v:.1}"),
    }
}

fn verdict_style(v: ChangeVerdict) -> (Style, &'static str) {
    match v {
        ChangeVerdict::Better => (Style::new().fg_color(Some(AnsiColor::Green.into())), "better"),
        ChangeVerdict::Worse => (Style::new().fg_color(Some(AnsiColor::Red.into())), "worse"),
        ChangeVerdict::Unchanged => (DIM, "unchanged"),
        ChangeVerdict::Shown => (DIM, ""),
        ChangeVerdict::Unknown => (DIM, "n/a"),
    }
}

fn list(out: &mut String, title: &str, items: &[FindingRef]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{BOLD}{title} ({}){BOLD:#}", items.len());
    for f in items {
        let mut text = f.text.clone();
        if text.chars().count() > 60 {
            text = text.chars().take(57).collect::<String>() + "...";
        }
        let _ = writeln!(out, "  line {:<4} {:<8} {:<20} {text}", f.line, f.severity.name(), f.rule);
    }
}

/// The comparison for people.
pub fn human(c: &Comparison, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{BOLD}Comparing{BOLD:#} {old} → {new}\n");
    let _ = writeln!(out, "{BOLD}{:<22} {:>8} {:>8} {:>8}{BOLD:#}", "measure", "before", "after", "change");
    for ch in &c.changes {
        let (style, word) = verdict_style(ch.verdict);
        let delta = match ch.delta {
            Some(d) if ch.metric == "passive_share" => format!("{:+.0}%", d * 100.0),
            Some(d) if matches!(ch.metric, "passive_count" | "findings" | "words") => format!("{d:+.0}"),
            Some(d) => format!("{d:+.1}"),
            None => "—".to_owned(),
        };
        let mut extra = String::new();
        if ch.metric == "smog_grade" {
            extra = format!(
                "  {DIM}(confidence {} → {}){DIM:#}",
                c.before.readability.smog.confidence, c.after.readability.smog.confidence
            );
        }
        let line = format!(
            "{:<22} {:>8} {:>8} {:>8}  {style}{word}{style:#}{extra}",
            label(ch.metric),
            num(ch.before, ch.metric),
            num(ch.after, ch.metric),
            delta
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    list(&mut out, "Fixed", &c.findings.fixed);
    list(&mut out, "New", &c.findings.new);
    if !c.findings.remaining.is_empty() {
        let _ = writeln!(
            out,
            "\n{DIM}{} finding{} remain.{DIM:#}",
            c.findings.remaining.len(),
            if c.findings.remaining.len() == 1 { "" } else { "s" }
        );
    }
    if !c.possibly_removed_actions.is_empty() {
        let _ = writeln!(
            out,
            "\n{BOLD}Actions that may have been removed{BOLD:#} (check the key messages are still there)"
        );
        for a in &c.possibly_removed_actions {
            let _ = writeln!(out, "  - {a}");
        }
    }
    let (style, word) = match c.verdict {
        Verdict::Better => (Style::new().bold().fg_color(Some(AnsiColor::Green.into())), "better"),
        Verdict::Worse => (Style::new().bold().fg_color(Some(AnsiColor::Red.into())), "worse"),
        Verdict::Same => (BOLD, "about the same"),
        Verdict::Mixed => (Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())), "mixed"),
    };
    let _ = writeln!(out, "\nVerdict: {style}{word}{style:#}");
    out
}

/// Run `leaflint compare`.
pub fn run(a: CompareArgs, settings: Settings) -> Result<Outcome, String> {
    let mut config = settings.config;
    if let Some(p) = a.profile {
        config.profile = p.profile();
    }
    let forced = a.input_format.map(|f| f.format());
    if a.old.as_os_str() == "-" && a.new.as_os_str() == "-" {
        return Err("compare reads at most one version from standard input.".to_owned());
    }
    let old = input::read(&a.old, forced)?;
    let new = input::read(&a.new, forced)?;
    let c = leaflint::compare(&old.doc, &new.doc, &config);
    let out = match a.format {
        CompareFormat::Json => {
            serde_json::to_string_pretty(&c).map_err(|e| format!("could not write JSON: {e}"))? + "\n"
        }
        CompareFormat::Human => human(&c, &old.name, &new.name),
    };
    write_out(&out, None)?;
    Ok(Outcome { errors: Vec::new(), code: u8::from(a.fail_if_worse && c.fails_if_worse()) })
}
