//! `leaflint`: the command-line adapter over the leaflint engine.
//!
//! Exit codes: 0 = no finding at or above `--fail-on`; 1 = findings (or `--diff` has changes, or
//! `compare --fail-if-worse` found the new version worse); 2 = a usage, config or input error.

mod args;
mod check;
mod compare;
mod fix;
mod input;
mod output;
mod picture;
mod rules;
mod understanding;
mod walk;

use anstream::ColorChoice;
use args::{Cli, ColorWhen, Command, InitArgs, SegmentsArgs, SegmentsFormat};
use clap::{CommandFactory, Parser};
use leaflint_cli::config;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What a command ended with: errors to print (each makes the exit code 2) and the exit code
/// otherwise.
pub struct Outcome {
    /// Input or write errors met on the way (other inputs were still handled).
    pub errors: Vec<String>,
    /// 0 or 1.
    pub code: u8,
}

impl Outcome {
    fn ok(code: u8) -> Outcome {
        Outcome { errors: Vec::new(), code }
    }
}

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
    let result = run(cli);
    match result {
        Ok(o) => {
            for e in &o.errors {
                error(e);
            }
            ExitCode::from(if o.errors.is_empty() { o.code } else { 2 })
        }
        Err(msg) => {
            error(&msg);
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<Outcome, String> {
    let settings = || config::load(cli.config.as_deref(), cli.no_config);
    match cli.command {
        Command::Check(a) => check::run(a, settings()?),
        Command::Compare(a) => compare::run(a, settings()?),
        Command::Segments(a) => run_segments(a, settings()?),
        Command::Rules(a) if a.reference => write_out(&rules::reference(), None).map(|()| Outcome::ok(0)),
        Command::Rules(a) => write_out(&rules::list(a.format, a.precision)?, None).map(|()| Outcome::ok(0)),
        Command::Explain(a) => write_out(&rules::explain(&a.rule)?, None).map(|()| Outcome::ok(0)),
        Command::Init(a) => run_init(&a),
        Command::Picture(a) => picture::run(&a),
        Command::Lsp(_) => leaflint_lsp::run_stdio().map(|()| Outcome::ok(0)),
        Command::Completions(a) => {
            let mut buf = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "leaflint", &mut buf);
            write_out(&String::from_utf8_lossy(&buf), None).map(|()| Outcome::ok(0))
        }
    }
}

/// Print an error sentence on standard error.
fn error(msg: &str) {
    let mut err = anstream::stderr();
    let style = anstyle::Style::new().bold().fg_color(Some(anstyle::AnsiColor::Red.into()));
    let _ = writeln!(err, "{style}error:{style:#} {msg}");
}

/// Print a progress or summary note on standard error.
pub fn note(msg: &str) {
    let mut err = anstream::stderr();
    let _ = writeln!(err, "{msg}");
}

fn run_init(a: &InitArgs) -> Result<Outcome, String> {
    if a.path.exists() && !a.force {
        return Err(format!("{} already exists. Use --force to replace it.", a.path.display()));
    }
    let text = config::default_file(a.profile.profile());
    std::fs::write(&a.path, text).map_err(|e| format!("{}: cannot write it ({e}).", a.path.display()))?;
    note(&format!("Wrote {} with the {} defaults.", a.path.display(), a.profile.profile()));
    Ok(Outcome::ok(0))
}

fn run_segments(a: SegmentsArgs, settings: config::Settings) -> Result<Outcome, String> {
    let mut config = settings.config;
    if let Some(p) = a.input.profile {
        config.profile = p.profile();
    }
    let forced = a.input.input_format.map(|f| f.format());
    let excludes = walk::Excludes::new(&settings.exclude, &settings.root)?;
    let inputs: Vec<input::Input> = walk::expand(&a.input.paths, &excludes)?
        .iter()
        .map(|s| match s {
            walk::Source::Stdin => input::read(Path::new("-"), forced),
            walk::Source::File(p) => input::read(p, forced),
        })
        .collect::<Result<_, _>>()?;
    let mut out = String::new();
    let mut all = Vec::new();
    for i in &inputs {
        let units = leaflint::segments(&i.doc, &config);
        match a.format {
            SegmentsFormat::Human => output::human::segments(&mut out, &i.name, &i.text, &i.doc.notes, &units),
            SegmentsFormat::Json => all.push(serde_json::json!({ "notes": i.doc.notes, "units": units })),
        }
    }
    if a.format == SegmentsFormat::Json {
        let v = if all.len() == 1 { all.remove(0) } else { serde_json::Value::Array(all) };
        out = serde_json::to_string_pretty(&v).map_err(|e| format!("could not write JSON: {e}"))? + "\n";
    }
    write_out(&out, None)?;
    Ok(Outcome::ok(0))
}

/// Write `s` to `file` (without colour codes), or to standard output.
pub fn write_out(s: &str, file: Option<&Path>) -> Result<(), String> {
    if let Some(path) = file {
        let plain = anstream::adapter::strip_str(s).to_string();
        return std::fs::write(path, plain).map_err(|e| format!("{}: cannot write the report ({e}).", path.display()));
    }
    let mut stdout = anstream::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`leaflint check x | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("could not write output: {e}")),
    }
}
