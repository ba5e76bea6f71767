//! `leaflint`: the command-line adapter over the leaflint engine.
//!
//! Exit codes: 0 = no finding at or above `--fail-on`; 1 = findings; 2 = a usage or input error.

mod args;
mod input;
mod render;
mod understanding;

use anstream::ColorChoice;
use args::{
    CheckArgs, Cli, ColorWhen, Command, FailOn, InputArgs, InputFormat, OutputFormat, SegmentsArgs, SegmentsFormat,
};
use clap::Parser;
use leaflint::{Config, Format, Severity};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.color {
        ColorWhen::Always => ColorChoice::Always.write_global(),
        ColorWhen::Never => ColorChoice::Never.write_global(),
        ColorWhen::Auto => {}
    }
    let result = match cli.command {
        Command::Check(a) => run_check(a),
        Command::Segments(a) => run_segments(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            let mut err = anstream::stderr();
            let style = anstyle::Style::new().bold().fg_color(Some(anstyle::AnsiColor::Red.into()));
            let _ = writeln!(err, "{style}error:{style:#} {msg}");
            ExitCode::from(2)
        }
    }
}

fn read_inputs(a: &InputArgs) -> Result<Vec<input::Input>, String> {
    let forced = a.input_format.map(|f| match f {
        InputFormat::Text => Format::Text,
        InputFormat::Markdown => Format::Markdown,
        InputFormat::Html => Format::Html,
        InputFormat::Docx => Format::Docx,
    });
    let paths = if a.paths.is_empty() { vec![PathBuf::from("-")] } else { a.paths.clone() };
    paths.iter().map(|p| input::read(p, forced)).collect()
}

fn renderer() -> annotate_snippets::Renderer {
    // anstream strips the colours again when the output is not a terminal or NO_COLOR is set.
    annotate_snippets::Renderer::styled()
}

fn run_check(a: CheckArgs) -> Result<u8, String> {
    let inputs = read_inputs(&a.input)?;
    let config = Config { profile: a.input.profile.profile(), explain: a.explain, ..Config::default() };
    let reports: Vec<leaflint::Report> =
        inputs.iter().map(|i| leaflint::check_document(&i.doc, &i.name, &config)).collect();
    let mut out = String::new();
    match a.format {
        OutputFormat::Json => {
            let json = if reports.len() == 1 {
                serde_json::to_string_pretty(&reports[0])
            } else {
                serde_json::to_string_pretty(&reports)
            };
            out.push_str(&json.map_err(|e| format!("could not write JSON: {e}"))?);
            out.push('\n');
        }
        OutputFormat::Human => {
            let r = renderer();
            for (input, report) in inputs.iter().zip(&reports) {
                if input.text.trim().is_empty() {
                    let mut err = anstream::stderr();
                    let _ = writeln!(err, "{}: the file is empty: there is nothing to check.", input.name);
                    continue;
                }
                for f in &report.findings {
                    render::finding(&mut out, &r, &input.name, &input.text, f);
                }
                render::summary(&mut out, report);
                if a.checklist {
                    understanding::checklists(&mut out, report);
                }
                understanding::check_understanding(&mut out, report, a.chunks);
                out.push('\n');
            }
        }
    }
    write_stdout(&out)?;
    let threshold = match a.fail_on {
        FailOn::Info => Some(Severity::Info),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| reports.iter().any(|r| r.count_at_least(t) > 0));
    Ok(u8::from(failed))
}

fn run_segments(a: SegmentsArgs) -> Result<u8, String> {
    let inputs = read_inputs(&a.input)?;
    let config = Config::for_profile(a.input.profile.profile());
    let mut out = String::new();
    let mut all = Vec::new();
    for i in &inputs {
        let units = leaflint::segments(&i.doc, &config);
        match a.format {
            SegmentsFormat::Human => render::segments(&mut out, &i.name, &i.text, &units),
            SegmentsFormat::Json => all.push(serde_json::json!({ "units": units })),
        }
    }
    if a.format == SegmentsFormat::Json {
        let v = if all.len() == 1 { all.remove(0) } else { serde_json::Value::Array(all) };
        out = serde_json::to_string_pretty(&v).map_err(|e| format!("could not write JSON: {e}"))? + "\n";
    }
    write_stdout(&out)?;
    Ok(0)
}

fn write_stdout(s: &str) -> Result<(), String> {
    let mut stdout = anstream::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`leaflint check x | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("could not write output: {e}")),
    }
}
