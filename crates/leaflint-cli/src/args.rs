//! Command-line arguments (clap derive).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// leaflint: check patient information for health literacy.
#[derive(Debug, Parser)]
#[command(name = "leaflint", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check texts and report scores and findings.
    Check(CheckArgs),
    /// Show how a text was cut into units and words, and where each syllable count came from.
    Segments(SegmentsArgs),
}

/// Arguments shared by commands that read texts.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files to read; `-` (or nothing) reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Writing profile: nhs (UK, reading age 9 to 11), us (grade 6), easy-read.
    #[arg(long, short, value_enum, default_value_t = ProfileArg::Nhs)]
    pub profile: ProfileArg,
    /// Read input as this format instead of guessing from the file name.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
}

/// `leaflint check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Input.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Exit with 1 when any finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Add every unit (what was counted for the formulas) to the report.
    #[arg(long)]
    pub explain: bool,
    /// Show each chunk (section) with its statistics, teach-back prompts and split points.
    #[arg(long)]
    pub chunks: bool,
    /// Show the CDC Clear Communication Index and PEMAT-P checklists.
    #[arg(long)]
    pub checklist: bool,
}

/// `leaflint segments`.
#[derive(Debug, clap::Args)]
pub struct SegmentsArgs {
    /// Input.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = SegmentsFormat::Human)]
    pub format: SegmentsFormat,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Coloured text for people.
    Human,
    /// The report as JSON (SPEC §1.5): one object, or an array for several inputs.
    Json,
}

/// Output formats of `segments`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SegmentsFormat {
    /// A readable listing.
    Human,
    /// `{"units": [...]}` as SPEC §1.5.
    Json,
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any finding.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
    /// Never fail because of findings.
    Never,
}

/// `--profile`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// UK NHS: reading age 9 to 11.
    Nhs,
    /// US: grade 6 or below.
    Us,
    /// UK easy read.
    EasyRead,
}

/// `--input-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Plain text with leaflet conventions.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// A Word .docx file.
    Docx,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ProfileArg {
    /// The engine profile.
    pub fn profile(self) -> leaflint::Profile {
        match self {
            ProfileArg::Nhs => leaflint::Profile::Nhs,
            ProfileArg::Us => leaflint::Profile::Us,
            ProfileArg::EasyRead => leaflint::Profile::EasyRead,
        }
    }
}
