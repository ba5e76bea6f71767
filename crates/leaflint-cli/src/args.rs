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
    /// Read settings from this file instead of the nearest leaflint.toml.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore every leaflint.toml: use the profile's defaults.
    #[arg(long, global = true)]
    pub no_config: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files, folders or standard input and report scores and findings.
    Check(CheckArgs),
    /// Compare two versions of a text: scores, findings fixed and new (SPEC §8).
    Compare(CompareArgs),
    /// List every rule with its category and default severity per profile.
    Rules(RulesArgs),
    /// Explain one rule: why it matters, an example, a plainer version, its source.
    Explain(ExplainArgs),
    /// Write a commented leaflint.toml with every default.
    Init(InitArgs),
    /// Show how a text was cut into units and words, and where each syllable count came from.
    Segments(SegmentsArgs),
    /// Draw a number as a picture: an icon array SVG ("20 in 100", "1 in 4", "20%").
    Picture(PictureArgs),
    /// Print a shell completion script (for example `leaflint completions bash > leaflint.bash`).
    Completions(CompletionsArgs),
    /// Run the language server on standard input and output (for editors; see the README).
    Lsp(LspArgs),
}

/// `leaflint lsp`.
#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because many clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// `leaflint picture`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  leaflint picture \"20 in 100\" > headache.svg\n  \
    leaflint picture \"1 in 4\" --compare \"3 in 100\" --label \"people who get worse\" -o compare.svg")]
pub struct PictureArgs {
    /// The number: "N in D", "N out of D" or a percentage ("20%"), shown in 10, 100 or 1,000 icons.
    #[arg(value_name = "NUMBER")]
    pub number: String,
    /// A second number to draw beside it in the same base (for example without treatment).
    #[arg(long, value_name = "NUMBER")]
    pub compare: Option<String>,
    /// Who the icons stand for, in the title and description (default "people").
    #[arg(long, value_name = "WORDS")]
    pub label: Option<String>,
    /// Write the SVG to this file (replaced atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments shared by commands that read texts.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files, folders (searched recursively for .txt and .md files) or globs; `-` reads standard
    /// input. Nothing: standard input when it is piped, else the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Writing profile: nhs (UK, reading age 9 to 11), us (grade 6), easy-read. Overrides the
    /// profile in leaflint.toml.
    #[arg(long, short, value_enum)]
    pub profile: Option<ProfileArg>,
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
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    /// Apply fixes and write the files back: `--fix` applies safe fixes only, `--fix=review`
    /// also those a person should read. Findings with several alternatives are never fixed.
    #[arg(long, value_enum, num_args = 0..=1, require_equals = true, default_missing_value = "safe")]
    pub fix: Option<FixArg>,
    /// Only fix findings of these rules (comma-separated). Implies --fix.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub fix_only: Vec<String>,
    /// Show what --fix would change, as a unified diff, without writing anything.
    #[arg(long)]
    pub diff: bool,
    /// Print only findings: no scores, notes or progress.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print how many findings each rule made, instead of the findings (human and concise output).
    #[arg(long)]
    pub statistics: bool,
    /// Check with this many threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

/// `leaflint compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The old version.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new version.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Writing profile (overrides leaflint.toml).
    #[arg(long, short, value_enum)]
    pub profile: Option<ProfileArg>,
    /// Read both as this format instead of guessing from the file names.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CompareFormat::Human)]
    pub format: CompareFormat,
    /// Exit with 1 when the new version is worse, or mixed with a worse SMOG grade,
    /// complex-language percentage or numeracy load.
    #[arg(long)]
    pub fail_if_worse: bool,
}

/// `leaflint rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CompareFormat::Human)]
    pub format: CompareFormat,
    /// Show each rule's measured agreement with an NHS editor on the reviewed corpus instead.
    #[arg(long)]
    pub precision: bool,
    /// Write every rule's documentation as Markdown instead (the source of docs/rules.md, where
    /// the language server's diagnostics link).
    #[arg(long, conflicts_with_all = ["precision", "format"])]
    pub reference: bool,
}

/// `leaflint explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule id (see `leaflint rules`).
    #[arg(value_name = "RULE")]
    pub rule: String,
}

/// `leaflint init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Where to write it.
    #[arg(value_name = "FILE", default_value = "leaflint.toml")]
    pub path: PathBuf,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// Write the defaults of this profile.
    #[arg(long, short, value_enum, default_value_t = ProfileArg::Nhs)]
    pub profile: ProfileArg,
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

/// `leaflint completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Coloured text for people: each finding with its line, then the scores.
    Human,
    /// One line per finding: `path:line:column: severity[rule] message`.
    Concise,
    /// The report as JSON (SPEC §1.5): one object, or an array for several inputs.
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// One standalone HTML page: highlighted text, scores, counts, chunks, checklists.
    Html,
    /// A Markdown summary table for pull-request comments.
    Markdown,
}

/// Output formats of `compare` and `rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// A table for people.
    Human,
    /// JSON.
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

/// `--fix`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FixArg {
    /// Only fixes that cannot change the meaning.
    Safe,
    /// Safe fixes and those a person should read.
    Review,
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

impl InputFormat {
    /// The engine format.
    pub fn format(self) -> leaflint::Format {
        match self {
            InputFormat::Text => leaflint::Format::Text,
            InputFormat::Markdown => leaflint::Format::Markdown,
            InputFormat::Html => leaflint::Format::Html,
            InputFormat::Docx => leaflint::Format::Docx,
        }
    }
}

impl FailOn {
    /// The lowest severity that fails, if any.
    pub fn threshold(self) -> Option<leaflint::Severity> {
        match self {
            FailOn::Info => Some(leaflint::Severity::Info),
            FailOn::Warning => Some(leaflint::Severity::Warning),
            FailOn::Error => Some(leaflint::Severity::Error),
            FailOn::Never => None,
        }
    }
}
