//! Findings, fixes and edits (SPEC §1.4).
//!
//! JSON shape of one finding (SPEC §1.5):
//! ```json
//! {"rule": "long-sentence", "category": "readability", "severity": "warning",
//!  "message": "This sentence has 24 words. Aim for 20 or fewer.", "help": null,
//!  "span": {"start": 0, "end": 120}, "utf16": {"start": 0, "end": 120}, "line": 1, "column": 1,
//!  "scope": "span", "related": [{"span": {…}, "utf16": {…}, "label": "…"}],
//!  "fixes": [{"label": "Split the sentence", "applicability": "review",
//!             "edits": [{"span": {…}, "utf16": {…}, "replacement": ". They"}]}],
//!  "data": {}}
//! ```
//! `span` is a UTF-8 byte range of the source, `utf16` the same range in UTF-16 code units
//! (JavaScript string offsets), `line`/`column` are 1-based (column in Unicode scalar values).

use crate::rules::RuleMeta;
use crate::span::{ByteSpan, Utf16Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// A prompt: the author may keep the text.
    Info,
    /// Likely to hurt understanding.
    Warning,
    /// Breaks the profile's rule or risks misuse (for example of a dose).
    Error,
}

impl Severity {
    /// The stable name (`info`, `warning`, `error`).
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// Parse a name.
    pub fn from_name(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The family a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// Sentence and word length, grade level.
    Readability,
    /// Jargon, complex and uncommon words, acronyms, shorthand.
    Words,
    /// Passive voice, addressing the reader.
    Voice,
    /// House style: spelling, NHS style words.
    Style,
    /// How numbers, risks and doses are written.
    Numeracy,
    /// Paragraphs, lists, headings, chunks.
    Structure,
}

impl Category {
    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            Category::Readability => "readability",
            Category::Words => "words",
            Category::Voice => "voice",
            Category::Style => "style",
            Category::Numeracy => "numeracy",
            Category::Structure => "structure",
        }
    }
}

/// Whether a finding is about a place or the whole document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The span is the problem.
    #[default]
    Span,
    /// The problem is the whole document; the span shows where to look.
    Document,
}

/// Whether a fix can be applied without a person reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// The meaning cannot change (spelling, number format, dash ranges, dosing shorthand).
    Safe,
    /// A person must read it (rewrites, word swaps, inserted numbers).
    Review,
}

/// Replace the bytes of `span` with `replacement` (empty replacement deletes; empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// Source bytes replaced.
    pub span: ByteSpan,
    /// The same range in UTF-16 code units (filled in by the engine; optional when a caller
    /// writes an edit by hand).
    #[serde(default)]
    pub utf16: Utf16Span,
    /// New text.
    pub replacement: String,
}

impl Edit {
    /// Replace `span` with `replacement`.
    pub fn new(span: ByteSpan, replacement: impl Into<String>) -> Edit {
        Edit { span, utf16: Utf16Span::default(), replacement: replacement.into() }
    }
}

/// One proposed change: edits applied together.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the fix does, for a button or a list ("Write '2 times a day'").
    pub label: String,
    /// Whether `--fix` may apply it without review.
    pub applicability: Applicability,
    /// Non-overlapping edits, in order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one edit.
    pub fn replace(
        label: impl Into<String>,
        applicability: Applicability,
        span: ByteSpan,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix { label: label.into(), applicability, edits: vec![Edit::new(span, replacement)] }
    }
}

impl fmt::Display for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{:?}]", self.label, self.applicability)?;
        for e in &self.edits {
            write!(f, " {}..{} → {:?}", e.span.start(), e.span.end(), e.replacement)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Another place that belongs to a finding (a later use, a split point).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// Source bytes.
    pub span: ByteSpan,
    /// UTF-16 range (filled in by the engine).
    #[serde(default)]
    pub utf16: Utf16Span,
    /// What the place is.
    pub label: String,
}

/// One problem at one place.
///
/// ```
/// let report = leaflint::check("Nausea is common. Rest.", &leaflint::Config::default());
/// for f in &report.findings {
///     println!("{} {}: {}", f.severity, f.rule, f.message);
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable kebab-case rule id.
    pub rule: String,
    /// The rule's family.
    pub category: Category,
    /// How much it matters.
    pub severity: Severity,
    /// Plain words: what and why (≤ 25 words).
    pub message: String,
    /// What to do instead, if there is more to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Source bytes flagged.
    pub span: ByteSpan,
    /// The same range in UTF-16 code units.
    pub utf16: Utf16Span,
    /// 1-based line of the span start.
    pub line: usize,
    /// 1-based column (Unicode scalar values) of the span start.
    pub column: usize,
    /// Span or document scope.
    pub scope: Scope,
    /// Other places that belong to this finding.
    pub related: Vec<Related>,
    /// Proposed fixes, best first.
    pub fixes: Vec<Fix>,
    /// Rule-specific facts for user interfaces.
    pub data: serde_json::Map<String, serde_json::Value>,
}

impl Finding {
    /// A finding of the rule described by `meta`.
    pub fn new(meta: &RuleMeta, severity: Severity, span: ByteSpan, message: impl Into<String>) -> Finding {
        Finding {
            rule: meta.id.to_owned(),
            category: meta.category,
            severity,
            message: message.into(),
            help: None,
            span,
            utf16: Utf16Span::default(),
            line: 0,
            column: 0,
            scope: Scope::Span,
            related: Vec::new(),
            fixes: Vec::new(),
            data: serde_json::Map::new(),
        }
    }
    /// Add help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// Add a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
    /// Add a related place.
    pub fn with_related(mut self, span: ByteSpan, label: impl Into<String>) -> Self {
        self.related.push(Related { span, utf16: Utf16Span::default(), label: label.into() });
        self
    }
    /// Add a data field.
    pub fn with_data(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.data.insert(key.to_owned(), value.into());
        self
    }
    /// Make it a document-scope finding.
    pub fn document_scope(mut self) -> Self {
        self.scope = Scope::Document;
        self
    }
}

/// Apply fixes to `text`: sorted by start, skipping any fix that overlaps an earlier one.
/// Returns the new text. Edits outside the text or off char boundaries are skipped.
///
/// ```
/// use leaflint::{apply_fixes, ByteSpan, Fix, Applicability};
/// let fix = Fix::replace("Write 'to'", Applicability::Review, ByteSpan::new(0, 11), "To");
/// assert_eq!(apply_fixes("In order to rest.", [&fix]), "To rest.");
/// ```
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    let kept = compatible_fixes(text, &fixes);
    apply_edits(text, kept.iter().flat_map(|&i| &fixes[i].edits))
}

/// Which of `fixes` can be applied together (SPEC §1.4): sorted by their first edit, a fix is
/// kept unless one of its edits overlaps an edit of a fix kept before it, falls outside the text
/// or off a char boundary. Returns indices into `fixes`, in the order they were considered.
pub fn compatible_fixes(text: &str, fixes: &[&Fix]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..fixes.len()).filter(|&i| !fixes[i].edits.is_empty()).collect();
    order.sort_by_key(|&i| fixes[i].edits.iter().map(|e| e.span.start()).min().unwrap_or(0));
    let mut taken: Vec<ByteSpan> = Vec::new();
    let mut kept = Vec::new();
    for i in order {
        let fix = fixes[i];
        let ok = fix.edits.iter().all(|e| {
            e.span.end() <= text.len()
                && text.is_char_boundary(e.span.start())
                && text.is_char_boundary(e.span.end())
                && !taken
                    .iter()
                    .any(|t| t.overlaps(&e.span) && !(t.is_empty() && e.span.is_empty() && t.start() != e.span.start()))
        });
        if ok {
            taken.extend(fix.edits.iter().map(|e| e.span));
            kept.push(i);
        }
    }
    kept
}

/// Apply non-overlapping edits (as chosen by [`compatible_fixes`]) to `text`.
fn apply_edits<'a>(text: &str, edits: impl IntoIterator<Item = &'a Edit>) -> String {
    let mut edits: Vec<&Edit> = edits.into_iter().collect();
    edits.sort_by_key(|e| (e.span.start(), e.span.end()));
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0;
    for e in edits {
        if e.span.start() < pos {
            continue;
        }
        out.push_str(&text[pos..e.span.start()]);
        out.push_str(&e.replacement);
        pos = e.span.end();
    }
    out.push_str(&text[pos..]);
    out
}

/// Copy the case pattern of `original` onto `replacement` (SPEC §1.4): lower → as written;
/// Capitalised → first letter upper; ALL CAPS (≥ 2 letters) → upper.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        return capitalise(replacement);
    }
    replacement.to_owned()
}

/// Upper-case the first letter of `s`.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_kept() {
        assert_eq!(match_case("commence", "begin"), "begin");
        assert_eq!(match_case("Commence", "begin"), "Begin");
        assert_eq!(match_case("COMMENCE", "begin"), "BEGIN");
    }

    #[test]
    fn overlapping_fixes_are_skipped() {
        let a = Fix::replace("a", Applicability::Safe, ByteSpan::new(0, 4), "ONE");
        let b = Fix::replace("b", Applicability::Safe, ByteSpan::new(2, 6), "TWO");
        let c = Fix::replace("c", Applicability::Safe, ByteSpan::new(6, 6), "!");
        assert_eq!(apply_fixes("abcdefgh", [&b, &a, &c]), "ONEef!gh");
    }
}
