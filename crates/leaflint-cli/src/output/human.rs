//! Human output: each finding with its source line underlined, then the scores; and the
//! one-line-per-finding `concise` format, `--statistics` and the closing totals.

use super::{numeracy_load, rule_counts, severity_counts, Checked};
use annotate_snippets::{Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};
use leaflint::report::{Report, TargetStatus, UnitReport};
use leaflint::{Finding, Severity};
use std::fmt::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// The lines of `text` that hold `start..end`: (first line's byte offset, the lines, 1-based line).
fn lines_around(text: &str, start: usize, end: usize) -> (usize, &str, usize) {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line = text[..from].bytes().filter(|&b| b == b'\n').count() + 1;
    (from, &text[from..to], line)
}

/// Render one finding.
pub fn finding(out: &mut String, renderer: &Renderer, name: &str, text: &str, f: &Finding) {
    let (from, lines, line) = lines_around(text, f.span.start(), f.span.end());
    let span = f.span.start() - from..(f.span.end() - from).min(lines.len());
    let mut footers = Vec::new();
    let help_text;
    if let Some(h) = &f.help {
        help_text = h.clone();
        footers.push(Level::Help.title(&help_text));
    }
    let fix_texts: Vec<String> = f
        .fixes
        .iter()
        .map(|fx| {
            let shown: Vec<String> = fx
                .edits
                .iter()
                .map(|e| {
                    format!("'{}' → '{}'", e.span.slice(text).replace('\n', "⏎"), e.replacement.replace('\n', "⏎"))
                })
                .collect();
            let how = match fx.applicability {
                leaflint::Applicability::Safe => "safe fix",
                leaflint::Applicability::Review => "suggested fix",
            };
            format!("{how}: {} ({})", fx.label, shown.join(", "))
        })
        .collect();
    for t in &fix_texts {
        footers.push(Level::Note.title(t));
    }
    let lvl = level(f.severity);
    let mut snippet = Snippet::source(lines).line_start(line).origin(name).fold(true);
    if f.scope == leaflint::Scope::Span || !span.is_empty() {
        snippet = snippet.annotation(lvl.span(span).label(""));
    }
    let message = lvl.title(&f.message).id(&f.rule).snippet(snippet).footers(footers);
    let _ = writeln!(out, "{}\n", renderer.render(message));
}

fn fmt1(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.1}"))
}

/// Render the scores summary of one report.
pub fn summary(out: &mut String, r: &Report) {
    let rd = &r.scores.readability;
    let c = &r.scores.counts;
    let _ = writeln!(out, "{BOLD}{}{BOLD:#} ({} profile)", r.source.name, r.profile);
    for t in &r.targets {
        if t.metric == "reading_age" {
            let (style, word) = match t.status {
                TargetStatus::Pass => (Style::new().fg_color(Some(AnsiColor::Green.into())), "pass"),
                TargetStatus::Acceptable => (Style::new().fg_color(Some(AnsiColor::Yellow.into())), "acceptable"),
                TargetStatus::Fail => (Style::new().fg_color(Some(AnsiColor::Red.into())), "too hard"),
            };
            let _ = writeln!(
                out,
                "  Reading age   {style}{:.1} ({word}){style:#}  target {} or under, acceptable to {}  [from the {} grade]",
                t.value,
                t.pass_at_most,
                t.acceptable_at_most.unwrap_or(t.pass_at_most),
                rd.target_grade_source
            );
        }
    }
    let _ = writeln!(
        out,
        "  Grade         consensus {} (spread {}), SMOG {} ({} confidence), Flesch-Kincaid {}",
        fmt1(rd.consensus_grade),
        rd.grade_spread.map_or_else(|| "n/a".into(), |s| format!("{:.1} to {:.1}", s[0], s[1])),
        fmt1(rd.smog.grade),
        rd.smog.confidence,
        fmt1(rd.flesch_kincaid_grade),
    );
    let _ = writeln!(
        out,
        "  {DIM}              Fog {}, Coleman-Liau {}, ARI {}, familiar-word grade {} (approximation of Dale-Chall), Flesch reading ease {}{DIM:#}",
        fmt1(rd.gunning_fog),
        fmt1(rd.coleman_liau),
        fmt1(rd.ari),
        fmt1(rd.familiar_word_grade),
        fmt1(rd.flesch_reading_ease),
    );
    let sl = &r.scores.language.sentence_length;
    let minutes = (r.scores.reading_time.silent_seconds / 60.0).ceil().max(1.0);
    let _ = writeln!(
        out,
        "  Text          {} words, {} sentences (mean {} words, longest {}), about {} minute{} to read",
        c.words_total,
        c.formula_sentences,
        fmt1(sl.mean),
        sl.max,
        minutes,
        if minutes == 1.0 { "" } else { "s" }
    );
    let lang = &r.scores.language;
    let _ = writeln!(
        out,
        "  Language      complex language {}, passives {}, numeracy load {}",
        lang.complex_language_pct.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%")),
        lang.passive_count.map_or_else(|| "—".to_owned(), |v| v.to_string()),
        numeracy_load(r).map_or_else(|| "—".to_owned(), |v| format!("{v:.1}")),
    );
    for note in &r.notes {
        let _ = writeln!(out, "  {DIM}note: {note}{DIM:#}");
    }
    let [e, w, i] = severity_counts(r);
    let _ = writeln!(out, "  Findings      {e} error{}, {w} warning{}, {i} info", plural(e), plural(w));
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Render `segments` for people.
pub fn segments(out: &mut String, name: &str, text: &str, notes: &[String], units: &[UnitReport]) {
    let _ = writeln!(out, "{BOLD}{name}{BOLD:#}: {} units", units.len());
    // How the text was read (its layout), as in the report's notes.
    for n in notes {
        let _ = writeln!(out, "{DIM}note: {n}{DIM:#}");
    }
    for (i, u) in units.iter().enumerate() {
        let kind = serde_json::to_value(u.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let counted = if u.counted { "counted" } else { "not counted" };
        let _ = writeln!(
            out,
            "\n{BOLD}#{} {kind}{BOLD:#} [{}..{}] {} words, {counted}",
            i + 1,
            u.span.start(),
            u.span.end(),
            u.words
        );
        let _ = writeln!(out, "  {DIM}{}{DIM:#}", u.span.slice(text).replace('\n', " "));
        for t in u.tokens.iter().filter(|t| t.syllable_source.is_some()) {
            let src = serde_json::to_value(t.syllable_source)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<24} {} syllable{}  ({src})",
                t.text,
                t.syllables,
                if t.syllables == 1 { "" } else { "s" }
            );
        }
        for n in &u.numbers {
            let kind =
                serde_json::to_value(n.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let _ = writeln!(out, "  number {:<17} {kind}, {}", n.text, n.meaning.name());
        }
    }
}

/// One line per finding: `path:line:column: severity[rule] message`.
pub fn concise(out: &mut String, c: &Checked) {
    for f in &c.report.findings {
        let style = severity_style(f.severity);
        let _ = writeln!(
            out,
            "{}:{}:{}: {style}{}[{}]{style:#} {}",
            c.name, f.line, f.column, f.severity, f.rule, f.message
        );
    }
}

fn severity_style(s: Severity) -> Style {
    let colour = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().bold().fg_color(Some(colour.into()))
}

/// `--statistics`: findings per rule, most first, with how many have a safe fix.
pub fn statistics(out: &mut String, checked: &[Checked]) {
    let counts = rule_counts(checked);
    let mut rows: Vec<(&String, &(usize, Severity, &str))> = counts.iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
    let safe = |rule: &str| {
        checked
            .iter()
            .flat_map(|c| &c.report.findings)
            .filter(|f| {
                f.rule == rule && matches!(f.fixes.as_slice(), [x] if x.applicability == leaflint::Applicability::Safe)
            })
            .count()
    };
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
    let _ = writeln!(
        out,
        "{BOLD}{:>5}  {:<width$}  {:<12} {:<8} safe fixes{BOLD:#}",
        "count", "rule", "category", "severity"
    );
    for (rule, (n, sev, cat)) in rows {
        let style = severity_style(*sev);
        let _ = writeln!(out, "{n:>5}  {rule:<width$}  {cat:<12} {style}{:<8}{style:#} {}", sev.name(), safe(rule));
    }
}

/// The closing line over several texts.
pub fn totals(out: &mut String, checked: &[Checked]) {
    let mut sum = [0usize; 3];
    for c in checked {
        for (t, n) in sum.iter_mut().zip(severity_counts(&c.report)) {
            *t += n;
        }
    }
    let [e, w, i] = sum;
    let files = checked.len();
    let _ = writeln!(
        out,
        "{BOLD}Checked {files} file{}: {e} error{}, {w} warning{}, {i} info.{BOLD:#}",
        plural(files),
        plural(e),
        plural(w)
    );
}
