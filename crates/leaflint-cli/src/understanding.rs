//! Human output for chunk-and-check: the "Check understanding" section (teach-back prompts per
//! chunk; with `--chunks`, each chunk's statistics and split points) and, with `--checklist`, the
//! CDC Clear Communication Index and PEMAT-P items.

use anstyle::{AnsiColor, Style};
use leaflint::report::{Checklist, ItemStatus, Report};
use std::fmt::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

fn fmt1(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.1}"))
}

/// The "Check understanding" section: compact (one line per prompt) or, with `full`, each chunk
/// with its statistics, key actions and split points.
pub fn check_understanding(out: &mut String, r: &Report, full: bool) {
    let Some(closing) = r.closing_prompt else { return };
    let _ = writeln!(out, "\n{BOLD}Check understanding{BOLD:#} {DIM}(teach-back: ask, then listen){DIM:#}");
    for c in &r.chunks {
        let label = c.heading.as_deref().unwrap_or("Opening");
        if full {
            let _ = writeln!(
                out,
                "  {BOLD}{label}{BOLD:#}  {DIM}{} words, {} sentences (mean {}), grade {}, {} action{}{DIM:#}",
                c.words,
                c.units,
                fmt1(c.mean_sentence_words),
                fmt1(c.fk_grade),
                c.actions,
                if c.actions == 1 { "" } else { "s" }
            );
            if !c.key_actions.is_empty() {
                let keys: Vec<String> = c
                    .key_actions
                    .iter()
                    .map(|k| match &k.object {
                        Some(o) => format!("{} {o}", k.verb),
                        None => k.verb.clone(),
                    })
                    .collect();
                let _ = writeln!(out, "    key actions: {}", keys.join(", "));
            }
            for p in &c.teach_back {
                let _ = writeln!(out, "    • {p}");
            }
            for s in &c.split_points {
                let line = r.source.text.as_deref().map(|t| t[..s.span.start().min(t.len())].matches('\n').count() + 1);
                let at = line.map_or_else(|| format!("byte {}", s.span.start()), |l| format!("line {l}"));
                let _ = writeln!(out, "    {DIM}could split at {at} ({}){DIM:#}", s.reason);
            }
        } else {
            for p in &c.teach_back {
                let _ = writeln!(out, "  {label}: {p}");
            }
        }
    }
    if r.chunks.iter().all(|c| c.teach_back.is_empty()) {
        let _ = writeln!(out, "  {DIM}No instructions found to check. Tell readers what to do.{DIM:#}");
    }
    let _ = writeln!(out, "  Finally: {closing}");
}

/// Both checklists with each item's verdict.
pub fn checklists(out: &mut String, r: &Report) {
    list(out, "CDC Clear Communication Index", &r.checklists.cdc_cci, r);
    list(out, "PEMAT-P", &r.checklists.pemat_p, r);
}

fn list(out: &mut String, name: &str, c: &Checklist, r: &Report) {
    let score = c.auto_score.map_or_else(|| "n/a".to_owned(), |s| format!("{s:.0}"));
    let _ = writeln!(
        out,
        "\n{BOLD}{name}{BOLD:#} {DIM}{}/{} automatic items pass ({score}; {}){DIM:#}",
        c.passed, c.decided, c.label
    );
    for item in &c.items {
        let (style, word) = match (item.status, item.suggested) {
            (ItemStatus::Pass, _) => (Style::new().fg_color(Some(AnsiColor::Green.into())), "pass"),
            (ItemStatus::Fail, _) => (Style::new().fg_color(Some(AnsiColor::Red.into())), "fail"),
            (ItemStatus::Na, _) => (DIM, "n/a"),
            (ItemStatus::Prompt, Some(ItemStatus::Pass)) => {
                (Style::new().fg_color(Some(AnsiColor::Cyan.into())), "check (likely yes)")
            }
            (ItemStatus::Prompt, Some(_)) => {
                (Style::new().fg_color(Some(AnsiColor::Yellow.into())), "check (likely no)")
            }
            (ItemStatus::Prompt, None) => (Style::new().fg_color(Some(AnsiColor::Cyan.into())), "check"),
        };
        let _ = writeln!(out, "  {:>5}  {style}{word:<18}{style:#} {}", item.id, item.text);
        if let Some(n) = &item.note {
            let _ = writeln!(out, "         {DIM}{n}{DIM:#}");
        }
        if !item.evidence.is_empty() {
            let at: Vec<String> = item
                .evidence
                .iter()
                .filter_map(|&i| r.findings.get(i))
                .map(|f| format!("{}:{} {}", f.line, f.column, f.rule))
                .collect();
            let _ = writeln!(out, "         {DIM}because of {}{DIM:#}", at.join(", "));
        }
    }
}
