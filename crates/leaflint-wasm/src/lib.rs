//! # leaflint-wasm
//!
//! The browser adapter: the leaflint engine behind `wasm-bindgen`. It turns JavaScript values into
//! engine types and engine results into plain JavaScript objects (maps become objects, `None`
//! becomes `null`), and does nothing else: no rule logic, no scoring, no DOM. The widget in `web/`
//! runs it in a Web Worker.
//!
//! ```js
//! import init, { check, rules, applyFix, picture, pictureOf, version } from "./pkg/leaflint_wasm.js";
//! await init();
//! const text = "Take 2 tablets 3 times a day.";
//! const report = check(text, { profile: "nhs" }, "text");
//! for (const f of report.findings) console.log(text.slice(f.utf16.start, f.utf16.end), f.message);
//! // Icon arrays: any number, or a report's picture descriptors, as standalone SVG text.
//! const svg = picture(1, 4, { numerator: 3, denominator: 100 }, "people who get worse");
//! for (const p of report.pictures) console.log(p.text, pictureOf(p.picture));
//! ```
//!
//! Errors (a bad config, an unknown format, a stale fix) are thrown as JavaScript `Error`s whose
//! message is one plain sentence.

use leaflint::picture::{icon_array_svg, Frequency, Picture};
use leaflint::{Config, Document, Fix, Format};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type Profile = "nhs" | "us" | "easy-read";
export type SeverityName = "info" | "warning" | "error";
export type CategoryName = "readability" | "words" | "voice" | "style" | "numeracy" | "structure";
/** A half-open range: UTF-8 bytes (`span`) or UTF-16 code units, i.e. JS string offsets (`utf16`). */
export interface Range { start: number; end: number }
export interface RuleSettings { enabled?: boolean; severity?: SeverityName; [threshold: string]: number | boolean | string | undefined }
/** The engine's `Config` (kebab-case keys; unknown keys are an error). */
export interface Config {
  profile?: Profile;
  target?: Record<string, number>;
  rules?: Record<string, RuleSettings>;
  "allow-words"?: string[];
  "allow-acronyms"?: string[];
  explain?: boolean;
  "include-text"?: boolean;
}
export interface Edit { span: Range; utf16: Range; replacement: string }
export interface Fix { label: string; applicability: "safe" | "review"; edits: Edit[] }
export interface Finding {
  rule: string; category: CategoryName; severity: SeverityName; message: string; help?: string;
  span: Range; utf16: Range; line: number; column: number; scope: "span" | "document";
  related: { span: Range; utf16: Range; label: string }[];
  /** Rule facts; `data.picture` (a `Picture`) on percentage, mixed-denominators and one-in-x-varying findings. */
  fixes: Fix[]; data: Record<string, unknown> & { picture?: Picture };
}
/** One array of an icon array: filled icons out of 10, 100 or 1,000 ("about" when rounded to fit). */
export interface PictureCounts { numerator: number; denominator: number; approximate?: boolean }
/** The icon array a number could use (numbers and words, no SVG): draw it with `pictureOf`. */
export interface Picture extends PictureCounts {
  approximate: boolean; compare: PictureCounts | null; label: string | null;
  /** The picture in words, as in the SVG's <desc>: "20 in 100 people: 20 shaded, 80 not". */
  alt: string;
}
/** A risk or chance number of the text and its picture (`report.pictures`). */
export interface PictureRef { span: Range; utf16: Range; sentence: Range; sentence_utf16: Range; text: string; picture: Picture }
export interface Target { metric: string; value: number; pass_at_most: number; acceptable_at_most?: number; status: "pass" | "acceptable" | "fail" }
/** A chunk of the text: a heading and its body (SPEC §6.2), with its teach-back prompts (§6.14). */
export interface Chunk {
  index: number; heading: string | null; span: Range; words: number; units: number;
  mean_sentence_words: number | null; fk_grade: number | null; complex_language_pct: number | null;
  actions: number; key_actions: Record<string, unknown>[]; number_expressions: number | null;
  numeracy_points: number | null; passive_count: number | null; teach_back: string[];
  split_points: Record<string, unknown>[];
}
export type ItemStatus = "pass" | "fail" | "na" | "prompt";
export interface ChecklistItem {
  id: string; text: string; how: "automatic" | "partial" | "manual"; status: ItemStatus;
  suggested?: ItemStatus; evidence: number[]; spans?: Range[]; note?: string;
}
export interface Checklist { items: ChecklistItem[]; decided: number; passed: number; auto_score: number | null; label: string }
/** SPEC §1.5. Scores that cannot be computed (or whose rules have not run) are `null`. */
export interface Report {
  schema_version: number; leaflint_version: string; profile: Profile;
  source: { name: string; format: string; bytes: number; text?: string };
  scores: {
    counts: Record<string, number>;
    readability: {
      smog: { grade: number | null; confidence: string; sentences: number };
      flesch_reading_ease: number | null; flesch_band: string | null; flesch_kincaid_grade: number | null;
      gunning_fog: number | null; coleman_liau: number | null; ari: number | null; familiar_word_grade: number | null;
      consensus_grade: number | null; grade_spread: [number, number] | null; reading_age: number | null;
      target_grade_source: string;
    };
    language: { complex_language_pct: number | null; passive_count: number | null; passive_share: number | null; [key: string]: unknown };
    numeracy: { load: number; band: string; [key: string]: unknown } | null;
    reading_time: { silent_seconds: number; aloud_seconds: number };
  };
  targets: Target[]; findings: Finding[]; chunks: Chunk[];
  checklists: { cdc_cci: Checklist; pemat_p: Checklist }; closing_prompt: string | null;
  /** Every risk or chance number with the icon array it could use, in text order. */
  pictures: PictureRef[]; units?: unknown[]; notes: string[];
}
export interface PerProfile<T> { nhs: T; us: T; "easy-read": T }
/** A rule's metadata: what `rules()` returns one of. `defaults` is `null` where the rule is off. */
export interface RuleInfo {
  id: string; category: CategoryName; summary: string; defaults: PerProfile<SeverityName | null>;
  thresholds: { key: string; values: PerProfile<number>; doc: string }[];
  why: string; flagged: string; plainer: string; source: string;
  /** An NHS editor's verdicts on the rule's findings on the reviewed corpus; null when none were reviewed. */
  precision: { agree: number; partly: number; disagree: number; agreement: number } | null;
}
"#;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Check `text` under `config` (a `Config` object; `undefined` or `null` for the defaults) read as
/// `format` (`"text"`, the default, `"markdown"`, `"html"` or `"docx"`; file extensions such as
/// `"md"` work too). `"docx"` checks the document last opened with `readFile` when `text` is still
/// its extracted text, and otherwise reads `text` with plain-text conventions.
/// Returns the report (SPEC §1.5) as a plain object; throws on a bad config or format.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Config | null | undefined")] config: JsValue,
    format: Option<String>,
) -> Result<JsValue, JsError> {
    let config = config_from_js(config).map_err(|e| JsError::new(&e))?;
    let format = parse_format(format.as_deref()).map_err(|e| JsError::new(&e))?;
    // A Word file opened with `readFile` is checked as the Document the decoder built (its
    // headings and lists come from the Word styles) while the editor still holds its text.
    let report = OPENED.with(|opened| match opened.borrow().as_ref() {
        Some(doc) if doc.format == format && doc.text == text => leaflint::check_document(doc, "browser", &config),
        _ => leaflint::check_document(&Document::parse(text, format), "browser", &config),
    });
    to_js(&report)
}

/// Every rule with its metadata (id, category, summary, default severity per profile, thresholds,
/// why it matters, examples, source), in id order.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&leaflint::rule_info::all())
}

/// Apply one fix (from a finding of a report on this same `text`) and return the new text.
/// Throws when an edit no longer fits the text, e.g. because the text changed since the check.
#[wasm_bindgen(js_name = applyFix)]
pub fn apply_fix(text: &str, #[wasm_bindgen(unchecked_param_type = "Fix")] fix: JsValue) -> Result<String, JsError> {
    let fix: Fix = from_js(fix).map_err(|e| JsError::new(&format!("invalid fix: {e}")))?;
    apply(text, &[fix]).map_err(|e| JsError::new(&e))
}

/// Apply several fixes at once (overlapping ones after the first are skipped, as the CLI's `--fix`).
#[wasm_bindgen(js_name = applyFixes)]
pub fn apply_fixes(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Fix[]")] fixes: JsValue,
) -> Result<String, JsError> {
    let fixes: Vec<Fix> = from_js(fixes).map_err(|e| JsError::new(&format!("invalid fixes: {e}")))?;
    apply(text, &fixes).map_err(|e| JsError::new(&e))
}

/// An icon array (a standalone SVG, as `leaflint picture` writes it): `numerator` in `denominator`
/// people (scaled to 10, 100 or 1,000 icons: `1 in 4` is drawn as 25 in 100), optionally beside a
/// second number `{numerator, denominator}` in the same base, with `label` for who the icons are
/// (default "people"). Throws one sentence for a number that cannot be drawn (`120 in 100`).
#[wasm_bindgen]
pub fn picture(
    numerator: u32,
    denominator: u32,
    #[wasm_bindgen(unchecked_param_type = "PictureCounts | null | undefined")] compare: JsValue,
    label: Option<String>,
) -> Result<String, JsError> {
    let compare: Option<PictureCounts> = if compare.is_undefined() || compare.is_null() {
        None
    } else {
        Some(from_js(compare).map_err(|e| JsError::new(&format!("invalid comparison: {e}")))?)
    };
    draw_counts(numerator, denominator, compare, label.as_deref()).map_err(|e| JsError::new(&e))
}

/// Draw a report's picture descriptor exactly (`report.pictures[i].picture` or a finding's
/// `data.picture`), with every element id prefixed by `idPrefix` when given (for several inline in
/// one page). Throws when the descriptor cannot be drawn.
#[wasm_bindgen(js_name = pictureOf)]
pub fn picture_of(
    #[wasm_bindgen(unchecked_param_type = "Picture")] picture: JsValue,
    #[wasm_bindgen(js_name = idPrefix)] id_prefix: Option<String>,
) -> Result<String, JsError> {
    let p: Picture = from_js(picture).map_err(|e| JsError::new(&format!("invalid picture: {e}")))?;
    p.draw(id_prefix.as_deref()).map_err(|e| JsError::new(&e.to_string()))
}

/// The second number of `picture()`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PictureCounts {
    /// How many.
    pub numerator: u32,
    /// Out of how many.
    pub denominator: u32,
    /// Ignored (the scaling decides); accepted so a `Picture`'s `compare` can be passed as is.
    #[serde(default)]
    pub approximate: bool,
}

/// `picture()` without JavaScript values.
pub fn draw_counts(n: u32, d: u32, compare: Option<PictureCounts>, label: Option<&str>) -> Result<String, String> {
    let primary = Frequency::from_counts(n, d).map_err(|e| e.to_string())?;
    let compare =
        compare.map(|c| Frequency::from_counts(c.numerator, c.denominator)).transpose().map_err(|e| e.to_string())?;
    let label = label.map(str::trim).filter(|l| !l.is_empty());
    icon_array_svg(primary, compare, label).map_err(|e| e.to_string())
}

thread_local! {
    /// The Document of the last file opened with `readFile` (a Word file's structure cannot be
    /// rebuilt from its extracted text, so `check` reuses it while the text is unchanged).
    static OPENED: std::cell::RefCell<Option<Document>> = const { std::cell::RefCell::new(None) };
}

/// Read a file's bytes as the CLI does through `leaflint::input::decode` (plain text, Markdown,
/// HTML and Word .docx; binary data, invalid UTF-8 and damaged or non-Word zips are refused with
/// one sentence naming the file) and return the text to edit and its format (`"docx"` for Word:
/// the text is the extracted text; pass both back to `check` to check the decoded document).
#[wasm_bindgen(js_name = readFile, unchecked_return_type = "{ text: string; format: string }")]
pub fn read_file(bytes: &[u8], name: &str) -> Result<JsValue, JsError> {
    let doc = leaflint::input::decode(bytes, None, Some(name)).map_err(|e| JsError::new(&format!("“{name}” {e}")))?;
    let value = to_js(&FileText { text: &doc.text, format: doc.format })?;
    OPENED.with(|opened| *opened.borrow_mut() = Some(doc));
    Ok(value)
}

#[derive(Serialize)]
struct FileText<'a> {
    text: &'a str,
    format: Format,
}

/// The engine version (equal to `report.leaflint_version`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Serialise as plain JSON-like JavaScript: objects rather than `Map`s, `null` for `None`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}

fn config_from_js(value: JsValue) -> Result<Config, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Config::default());
    }
    let config: Config = from_js(value).map_err(|e| format!("invalid leaflint config: {e}"))?;
    config.validate().map_err(|e| format!("invalid leaflint config: {e}"))?;
    Ok(config)
}

/// Deserialise through `serde_json::Value`: serde-wasm-bindgen reads only the fields a struct
/// declares, so it would silently ignore a misspelt key that `deny_unknown_fields` must report.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, String> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())?;
    serde_json::from_value(json).map_err(|e| e.to_string())
}

/// A format name (`text`, `markdown`, `html`, `docx`) or a file extension the engine knows (`txt`, `md`, …).
pub fn parse_format(name: Option<&str>) -> Result<Format, String> {
    let name = name.unwrap_or("");
    leaflint::input::format_by_name(name)
        .ok_or_else(|| format!("unknown format `{name}` (use \"text\", \"markdown\", \"html\" or \"docx\")"))
}

/// Apply fixes after checking that every edit still fits `text`.
pub fn apply(text: &str, fixes: &[Fix]) -> Result<String, String> {
    for edit in fixes.iter().flat_map(|f| &f.edits) {
        let (start, end) = (edit.span.start(), edit.span.end());
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "this fix no longer fits the text (bytes {start}..{end} of {}): check the text again first",
                text.len()
            ));
        }
    }
    Ok(leaflint::apply_fixes(text, fixes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use leaflint::{Applicability, ByteSpan};

    #[test]
    fn formats_by_name_or_extension() {
        assert_eq!(parse_format(None), Ok(Format::Text));
        assert_eq!(parse_format(Some("")), Ok(Format::Text));
        assert_eq!(parse_format(Some("markdown")), Ok(Format::Markdown));
        assert_eq!(parse_format(Some(".MD")), Ok(Format::Markdown));
        assert_eq!(parse_format(Some("txt")), Ok(Format::Text));
        assert_eq!(parse_format(Some("html")), Ok(Format::Html));
        assert_eq!(parse_format(Some("docx")), Ok(Format::Docx));
        let e = parse_format(Some("pdf")).expect_err("pdf is not a format");
        assert!(e.contains("`pdf`") && e.contains("markdown"), "{e}");
    }

    #[test]
    fn stale_fixes_are_refused() {
        let fix = Fix::replace("x", Applicability::Safe, ByteSpan::new(1, 3), "ii");
        assert_eq!(apply("😀 ab", std::slice::from_ref(&fix)).map_err(|e| e.contains("no longer fits")), Err(true));
        assert_eq!(apply("abcd", &[fix]).as_deref(), Ok("aiid"));
    }

    #[test]
    fn pictures_draw_or_say_why_not() {
        let svg = draw_counts(
            1,
            4,
            Some(PictureCounts { numerator: 3, denominator: 100, approximate: false }),
            Some("women"),
        )
        .expect("draws");
        assert_eq!(svg.matches("data-filled=\"1\"").count(), 28);
        assert!(svg.contains(">25 in 100 women, compared with 3 in 100 women</title>"), "{svg}");
        let e = draw_counts(120, 100, None, None).expect_err("more than all");
        assert!(e.contains("larger than the second"), "{e}");
        assert!(draw_counts(1, 0, None, None).is_err());
        assert!(draw_counts(1, 5000, None, None).expect_err("too small").contains("too small"));
    }

    #[test]
    fn every_rule_has_metadata_for_the_widget() {
        for info in leaflint::rule_info::all() {
            assert!(!info.id.is_empty() && !info.why.is_empty(), "{info:?}");
        }
    }
}
