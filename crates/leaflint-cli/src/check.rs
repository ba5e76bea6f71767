//! `leaflint check`: read every input, check them in parallel (output in input order), apply
//! fixes when asked, and print the report in the chosen format.

use crate::args::{CheckArgs, FixArg, OutputFormat};
use crate::output::{self, Checked};
use crate::walk::{self, Excludes, Source};
use crate::{input, write_out, Outcome};
use leaflint::autofix::{fix_text, FixMode, FixOptions};
use leaflint::{Config, Document, Format};
use leaflint_cli::config::Settings;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Show a progress bar from this many files (on a terminal only).
const PROGRESS_FROM: usize = 20;

/// One input after checking (and fixing).
struct Done {
    checked: Checked,
    path: Option<PathBuf>,
    /// The text before fixing, when fixes changed it.
    original: Option<String>,
    fixes_applied: usize,
}

fn fix_options(a: &CheckArgs) -> Result<Option<FixOptions>, String> {
    for id in &a.fix_only {
        if leaflint::rules::find(id).is_none() {
            return Err(format!("--fix-only: unknown rule `{id}` (see `leaflint rules` for the list)."));
        }
    }
    let mode = match a.fix {
        Some(FixArg::Review) => Some(FixMode::Review),
        Some(FixArg::Safe) => Some(FixMode::Safe),
        None if !a.fix_only.is_empty() || a.diff => Some(FixMode::Safe),
        None => None,
    };
    Ok(mode.map(|mode| FixOptions { mode, only: a.fix_only.clone(), ..FixOptions::default() }))
}

/// Whether finding spans are byte ranges of the file itself, so fixes can be written back.
fn spans_are_file_bytes(format: Format) -> bool {
    matches!(format, Format::Text | Format::Markdown)
}

fn process(source: &Source, forced: Option<Format>, config: &Config, fix: Option<&FixOptions>) -> Result<Done, String> {
    let path = match source {
        Source::Stdin => PathBuf::from("-"),
        Source::File(p) => p.clone(),
    };
    let inp = input::read(&path, forced)?;
    let file = matches!(source, Source::File(_)).then(|| path.clone());
    if let Some(opts) = fix {
        if !spans_are_file_bytes(inp.format) {
            return Err(format!(
                "{}: --fix works on plain text and Markdown only: in {} files the findings point into extracted text, not the file.",
                inp.name,
                inp.format.name()
            ));
        }
        let out = fix_text(&inp.text, inp.format, &inp.name, config, opts);
        let changed = out.changed(&inp.text);
        let fixes_applied = out.applied.len();
        let checked = Checked { name: inp.name, text: out.text, format: inp.format, report: out.report };
        return Ok(Done { checked, path: file, original: changed.then_some(inp.text), fixes_applied });
    }
    let report = leaflint::check_document(&inp.doc, &inp.name, config);
    let checked = Checked { name: inp.name, text: inp.text, format: inp.format, report };
    Ok(Done { checked, path: file, original: None, fixes_applied: 0 })
}

fn progress(n: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet || n < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} checking {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// Run `leaflint check`.
pub fn run(a: CheckArgs, settings: Settings) -> Result<Outcome, String> {
    let mut config = settings.config;
    if let Some(p) = a.input.profile {
        config.profile = p.profile();
    }
    config.explain = a.explain;
    if a.statistics && !matches!(a.format, OutputFormat::Human | OutputFormat::Concise) {
        return Err("--statistics works with the human and concise formats only.".to_owned());
    }
    let fix = fix_options(&a)?;
    let excludes = Excludes::new(&settings.exclude, &settings.root)?;
    // Nothing given: standard input when it is piped, else the current folder (as ruff does).
    let paths = if a.input.paths.is_empty() && std::io::stdin().is_terminal() {
        vec![PathBuf::from(".")]
    } else {
        a.input.paths.clone()
    };
    let sources = walk::expand(&paths, &excludes)?;
    if fix.is_some() && !a.diff && sources.contains(&Source::Stdin) {
        return Err(
            "--fix needs files: standard input cannot be written back. Use --diff to see the changes.".to_owned()
        );
    }
    if let Some(n) = a.threads {
        // Only fails when a pool already exists, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let forced = a.input.input_format.map(|f| f.format());
    let bar = progress(sources.len(), a.quiet);
    let results: Vec<Result<Done, String>> = sources
        .par_iter()
        .map(|s| {
            let r = process(s, forced, &config, fix.as_ref());
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();

    let mut errors = Vec::new();
    let mut done = Vec::new();
    for r in results {
        match r {
            Ok(d) => done.push(d),
            Err(e) => errors.push(e),
        }
    }

    if a.diff {
        let mut out = String::new();
        let mut files = 0;
        let mut count = 0;
        for d in &done {
            if let Some(orig) = &d.original {
                out.push_str(&crate::fix::unified_diff(&d.checked.name, orig, &d.checked.text));
                files += 1;
                count += d.fixes_applied;
            }
        }
        write_out(&out, None)?;
        if !a.quiet {
            let msg = if files == 0 {
                "Nothing to fix.".to_owned()
            } else {
                format!("Would fix {count} finding{} in {files} file{}.", plural(count), plural(files))
            };
            crate::note(&msg);
        }
        return Ok(Outcome { errors, code: u8::from(files > 0) });
    }

    if fix.is_some() {
        let mut fixed_files = 0;
        let mut fixed = 0;
        for d in &mut done {
            let (Some(orig), Some(path)) = (&d.original, &d.path) else { continue };
            match crate::fix::write_atomic(path, &d.checked.text) {
                Ok(()) => {
                    fixed_files += 1;
                    fixed += d.fixes_applied;
                }
                Err(e) => {
                    errors.push(e);
                    // Report on the text as it still is.
                    d.checked.report =
                        leaflint::check_document(&Document::parse(orig, d.checked.format), &d.checked.name, &config);
                    d.checked.text = orig.clone();
                }
            }
        }
        if !a.quiet {
            crate::note(&format!(
                "Fixed {fixed} finding{} in {fixed_files} file{}.",
                plural(fixed),
                plural(fixed_files)
            ));
        }
    }

    let checked: Vec<Checked> = done.into_iter().map(|d| d.checked).collect();
    let text = render(&a, &checked)?;
    write_out(&text, a.output.as_deref())?;
    let failed = a.fail_on.threshold().is_some_and(|t| checked.iter().any(|c| c.report.count_at_least(t) > 0));
    Ok(Outcome { errors, code: u8::from(failed) })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn render(a: &CheckArgs, checked: &[Checked]) -> Result<String, String> {
    use output::human;
    Ok(match a.format {
        OutputFormat::Json => output::json(checked)?,
        OutputFormat::Sarif => output::sarif::render(checked)?,
        OutputFormat::Html => output::html::render(checked),
        OutputFormat::Markdown => output::markdown::render(checked),
        OutputFormat::Human | OutputFormat::Concise if a.statistics => {
            let mut out = String::new();
            human::statistics(&mut out, checked);
            out
        }
        OutputFormat::Concise => {
            let parts: Vec<String> = checked
                .par_iter()
                .map(|c| {
                    let mut s = String::new();
                    human::concise(&mut s, c);
                    s
                })
                .collect();
            let mut out = parts.concat();
            if !a.quiet && checked.len() > 1 {
                human::totals(&mut out, checked);
            }
            out
        }
        OutputFormat::Human => {
            for c in checked.iter().filter(|c| c.text.trim().is_empty()) {
                if !a.quiet {
                    crate::note(&format!("{}: the file is empty: there is nothing to check.", c.name));
                }
            }
            let parts: Vec<String> = checked
                .par_iter()
                .map(|c| {
                    let mut out = String::new();
                    if c.text.trim().is_empty() {
                        return out;
                    }
                    let r = annotate_snippets::Renderer::styled();
                    for f in &c.report.findings {
                        human::finding(&mut out, &r, &c.name, &c.text, f);
                    }
                    if !a.quiet {
                        human::summary(&mut out, &c.report);
                        if a.checklist {
                            crate::understanding::checklists(&mut out, &c.report);
                        }
                        crate::understanding::check_understanding(&mut out, &c.report, a.chunks);
                        out.push('\n');
                    }
                    out
                })
                .collect();
            let mut out = parts.concat();
            if !a.quiet && checked.len() > 1 {
                human::totals(&mut out, checked);
            }
            out
        }
    })
}
