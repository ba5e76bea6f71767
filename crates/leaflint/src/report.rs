//! The report (SPEC §1.5): scores, targets, findings, chunks and checklists, serialised as the
//! stable JSON shape below. `schema_version` changes only when a key changes meaning or goes away.
//!
//! ```json
//! {"schema_version": 1, "leaflint_version": "0.1.0", "profile": "nhs",
//!  "source": {"name": "stdin", "format": "text", "bytes": 22},
//!  "scores": {"counts": {…}, "readability": {…}, "language": {…}, "numeracy": null, "reading_time": {…}},
//!  "targets": [{"metric": "reading_age", "value": 12.7, "pass_at_most": 11, "acceptable_at_most": 14, "status": "acceptable"}],
//!  "findings": [ … see `Finding` … ],
//!  "chunks": [], "checklists": {"cdc_cci": {"items": []}, "pemat_p": {"items": []}},
//!  "pictures": [{"span": {…}, "utf16": {…}, "sentence": {…}, "text": "1 in 4",
//!                "picture": {"numerator": 25, "denominator": 100, "approximate": false, "compare": null,
//!                            "label": "people", "alt": "25 in 100 people: 25 shaded, 75 not"}}],
//!  "notes": ["fewer than 10 sentences: SMOG is not reliable here; the consensus grade is used for the target"]}
//! ```
//! `units` appears only when `Config::explain` is set.

use crate::config::Profile;
use crate::document::Format;
use crate::finding::{Finding, Severity};
use crate::metrics::Scores;
use crate::picture::Picture;
use crate::span::{ByteSpan, Utf16Span};
use crate::text::action::VerbClass;
use crate::text::syllables::SyllableSource;
use crate::text::tokens::TokenClass;
use crate::text::UnitKind;
use serde::Serialize;

/// The report schema version.
pub const SCHEMA_VERSION: u32 = 1;

/// Where the text came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// File name, or `stdin`.
    pub name: String,
    /// How it was read.
    pub format: Format,
    /// Size in bytes.
    pub bytes: usize,
    /// The text the spans refer to, when asked for (always for formats whose spans refer to
    /// extracted text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Pass, acceptable or fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetStatus {
    /// At or below the pass value.
    Pass,
    /// Above pass, at or below the acceptable value.
    Acceptable,
    /// Above every bound.
    Fail,
}

/// One document target and how the text did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    /// The score compared (`reading_age`, `complex_language_pct`, …).
    pub metric: &'static str,
    /// Its value.
    pub value: f64,
    /// Passes at or below this.
    pub pass_at_most: f64,
    /// Acceptable at or below this, where the profile defines it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptable_at_most: Option<f64>,
    /// The verdict.
    pub status: TargetStatus,
}

/// A verb class and object that a chunk asks the reader to act on (SPEC §6.8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyAction {
    /// The verb class (`medicine`, `contact`, `avoid`, `monitor`, `self-care`, `prepare`, `other`).
    pub class: VerbClass,
    /// The verb as first written (`take`, `go to`).
    pub verb: String,
    /// The object's head noun, lower case and singular, if any.
    pub object: Option<String>,
}

/// A place where a chunk or paragraph could be split (SPEC §6.13).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SplitPointReport {
    /// Empty span at the boundary (the start of the unit after it).
    pub span: ByteSpan,
    /// Its score.
    pub score: u32,
    /// Why it scored.
    pub reason: String,
}

/// One chunk (SPEC §6.2): the content under one heading, its statistics and teach-back prompts.
/// Scores that other parts of the engine compute are `null` until they do.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chunk {
    /// 0-based position.
    pub index: usize,
    /// The heading text, if the chunk has one.
    pub heading: Option<String>,
    /// Source span from the heading to the end of the chunk.
    pub span: ByteSpan,
    /// Words in the body (the heading excluded).
    pub words: u32,
    /// Units in the body.
    pub units: usize,
    /// Mean words per counted unit.
    pub mean_sentence_words: Option<f64>,
    /// Flesch–Kincaid grade of the body (SMOG is not reliable on chunks).
    pub fk_grade: Option<f64>,
    /// SHeLL-style complex-language percentage of the chunk (`null` until the word rules land).
    pub complex_language_pct: Option<f64>,
    /// Action units.
    pub actions: usize,
    /// Distinct verb class + object pairs, in order of first appearance.
    pub key_actions: Vec<KeyAction>,
    /// Number expressions in the chunk's body (SPEC §3.8).
    pub number_expressions: Option<u32>,
    /// Number expressions plus the weight of numeracy findings in the chunk (SPEC §3.8).
    pub numeracy_points: Option<f64>,
    /// Passive constructions (`null` until the passive-voice detector lands).
    pub passive_count: Option<u32>,
    /// Teach-back prompts (SPEC §6.14).
    pub teach_back: Vec<String>,
    /// Where the chunk could be split, best first (for chunks with more than one kind of action
    /// or over `chunk-too-long.words`).
    pub split_points: Vec<SplitPointReport>,
}

/// A checklist item's verdict (SPEC §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    /// Met (decided automatically).
    Pass,
    /// Not met (decided automatically).
    Fail,
    /// Does not apply.
    Na,
    /// For the author to judge; `suggested` may hold a likely answer.
    Prompt,
}

/// How an item is judged (SPEC §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemHow {
    /// Decided from findings and structure.
    Automatic,
    /// A likely answer for the author to confirm.
    Partial,
    /// A prompt only.
    Manual,
}

/// One checklist item with its verdict and the findings behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChecklistItem {
    /// The item number in the published instrument (`"5"`, `"15-18"`).
    pub id: String,
    /// Our paraphrase of the item.
    pub text: &'static str,
    /// Automatic, partial or manual.
    pub how: ItemHow,
    /// The verdict.
    pub status: ItemStatus,
    /// For prompts: the likely answer, if leaflint has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested: Option<ItemStatus>,
    /// Indices into `findings` behind the verdict.
    pub evidence: Vec<usize>,
    /// Places in the text behind the verdict that are not findings (a candidate main message).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<ByteSpan>,
    /// What leaflint noticed, for the author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One checklist (CDC Clear Communication Index, PEMAT-P).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Checklist {
    /// Items with their verdicts.
    pub items: Vec<ChecklistItem>,
    /// Automatic items that passed or failed.
    pub decided: usize,
    /// Automatic items that passed.
    pub passed: usize,
    /// passed ÷ decided × 100, over automatic items only (`null` when none was decided).
    pub auto_score: Option<f64>,
    /// What `auto_score` is.
    pub label: &'static str,
}

/// The checklists of SPEC §7.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Checklists {
    /// CDC Clear Communication Index.
    pub cdc_cci: Checklist,
    /// PEMAT for printable materials.
    pub pemat_p: Checklist,
}

/// A risk or chance number of the text and the icon array it could use (issue "Pictures for
/// numbers"): every natural frequency or percentage that states a risk or chance and fits in 10,
/// 100 or 1,000 icons, whether or not a rule flagged it. Numbers and words only: draw it with
/// [`Picture::svg`], `leaflint picture` or the widget's `picture()`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PictureRef {
    /// The number's source bytes.
    pub span: ByteSpan,
    /// The same in UTF-16 code units (JavaScript string offsets).
    pub utf16: Utf16Span,
    /// The sentence (unit) it is in.
    pub sentence: ByteSpan,
    /// The sentence in UTF-16 code units.
    pub sentence_utf16: Utf16Span,
    /// The number as written (`1 in 4`, `20%`).
    pub text: String,
    /// The picture: the same as the `data.picture` of a finding on this number, if any.
    pub picture: Picture,
}

/// A unit as `--explain` shows it: what was counted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitReport {
    /// Heading, sentence or fragment.
    pub kind: UnitKind,
    /// Source bytes.
    pub span: ByteSpan,
    /// Words.
    pub words: u32,
    /// Whether it counted for the formulas.
    pub counted: bool,
    /// Its tokens (only from `segments`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<TokenReport>,
    /// Its numbers with their kind and meaning (only from `segments`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<NumberReport>,
}

/// A number as `segments` shows it: what it is and what it means for the reader.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberReport {
    /// The number expression as analysed (`1 in 10`, `6.5%`).
    pub text: String,
    /// Source bytes.
    pub span: ByteSpan,
    /// Its kind (`frequency`, `percentage`, `dose` …).
    pub kind: crate::numbers::Kind,
    /// What it means (`chance`, `measurement`, `statistic`, `citation` …); only chances get the
    /// chance rules.
    pub meaning: crate::numbers::Meaning,
}

/// A token as `segments` shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TokenReport {
    /// The token as analysed.
    pub text: String,
    /// Source bytes.
    pub span: ByteSpan,
    /// Its class.
    pub class: TokenClass,
    /// Syllables (words only).
    pub syllables: u32,
    /// Where the syllable count came from (words only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub syllable_source: Option<SyllableSource>,
}

/// Everything leaflint found out about one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The engine version.
    pub leaflint_version: &'static str,
    /// The profile checked against.
    pub profile: Profile,
    /// Where the text came from.
    pub source: Source,
    /// Document scores.
    pub scores: Scores,
    /// Document targets and verdicts.
    pub targets: Vec<Target>,
    /// Findings sorted by span start, then rule id.
    pub findings: Vec<Finding>,
    /// Chunks with statistics and teach-back prompts (SPEC §6.2).
    pub chunks: Vec<Chunk>,
    /// The teach-back prompt for the end of a conversation about the whole document (SPEC
    /// §6.14); `null` for an empty document.
    pub closing_prompt: Option<&'static str>,
    /// Checklists (SPEC §7; filled by the checklist model).
    pub checklists: Checklists,
    /// Every risk or chance number with the icon array it could use, in text order.
    pub pictures: Vec<PictureRef>,
    /// Every unit, with `Config::explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<UnitReport>>,
    /// Notes for the reader of the report (reliability of scores, empty input).
    pub notes: Vec<String>,
}

impl Report {
    /// The most severe finding's severity, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
    /// Findings at or above `severity`.
    pub fn count_at_least(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity >= severity).count()
    }
    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}
