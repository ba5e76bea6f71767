//! Turning raw bytes into a [`Document`]: format detection and the checks that give a person one
//! clear sentence instead of a panic (binary data, invalid UTF-8, an unsupported container).
//!
//! This is not IO: callers read the bytes (a file, standard input, a browser `File`) and hand
//! them over, so the CLI and the browser widget share one behaviour.

use crate::document::{Document, Format};
use std::fmt;

/// Why bytes could not be read as a document. `Display` gives one sentence for a person; the
/// caller puts the file name in front ("leaflet.docx is not a zip file …").
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// NUL bytes or other signs of a binary file.
    Binary,
    /// Not valid UTF-8.
    InvalidUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// Byte offset of the first bad byte.
        byte: usize,
    },
    /// Read as a Word file, but not a zip (a `.docx` is a zip of XML files).
    NotZip,
    /// A zip file with no `word/document.xml`: not a Word document.
    NotDocx,
    /// An old binary Word `.doc` file.
    LegacyWord,
    /// Larger than leaflint reads, packed or unpacked (for example a zip bomb).
    TooLarge {
        /// The limit that was passed, in MB.
        limit_mb: usize,
    },
    /// More text than leaflint checks ([`MAX_TEXT_BYTES`]): the file's text, or a Word file's
    /// extracted text.
    TextTooLarge {
        /// The limit, in MB.
        limit_mb: usize,
    },
    /// A zip with more entries than any Word document has ([`crate::document::docx::MAX_ENTRIES`]).
    TooManyEntries {
        /// The limit.
        limit: usize,
    },
    /// Elements nested deeper than leaflint follows: HTML ([`crate::document::html::MAX_DEPTH`])
    /// or a Word file's XML ([`crate::document::docx::MAX_XML_DEPTH`]).
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// A zip or Word file that is damaged.
    Damaged {
        /// What was wrong, from the zip or XML reader.
        detail: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary => f.write_str(
                "looks like a binary file, not text. leaflint reads plain text, Markdown, HTML and Word (.docx).",
            ),
            InputError::InvalidUtf8 { line, byte } => write!(
                f,
                "is not valid UTF-8 text (first bad byte at line {line}, byte {byte}). Save it as UTF-8 and try again."
            ),
            InputError::NotZip => f.write_str(
                "is not a Word .docx file: a .docx is a zip archive and this is not one. Save it from Word as .docx.",
            ),
            InputError::NotDocx => f.write_str("is a zip file but not a Word document (it has no word/document.xml)."),
            InputError::LegacyWord => f.write_str(
                "is an old Word .doc file, which leaflint cannot read. Save it from Word as .docx and try again.",
            ),
            InputError::TooLarge { limit_mb } => write!(
                f,
                "is too large to read safely (over {limit_mb} MB, or it unpacks to more): it may be a zip bomb."
            ),
            InputError::TextTooLarge { limit_mb } => write!(
                f,
                "has more than {limit_mb} MB of text, more than leaflint checks at once: split it into parts and check each."
            ),
            InputError::TooManyEntries { limit } => write!(
                f,
                "is a zip with more than {limit} files inside, more than any Word document has: it may be a zip bomb."
            ),
            InputError::TooDeep { limit } => write!(
                f,
                "nests elements more than {limit} deep, deeper than any real document: it may be damaged or hostile."
            ),
            InputError::Damaged { detail } => write!(f, "is a damaged zip or Word file ({detail})."),
        }
    }
}

impl std::error::Error for InputError {}

/// Most text leaflint checks at once, in bytes: 16 MB. A long leaflet is under 100 KB and a whole
/// book under 2 MB, so no real patient text comes near it; the check runs at about 50 ms and
/// 20 MB of memory per MB of text, so 16 MB is still about a second, and the report (a few
/// hundred bytes per finding, at most [`crate::MAX_FINDINGS`] findings) stays bounded.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// A format by its name (`text`, `plain`, `markdown`, `html`, `docx`) or a file extension leaflint
/// knows (`txt`, `md`, `.htm`, …), case-insensitive; an empty name is plain text. The adapters
/// (browser, Python) take formats as strings through this one function.
///
/// ```
/// use leaflint::{input::format_by_name, Format};
/// assert_eq!(format_by_name("Markdown"), Some(Format::Markdown));
/// assert_eq!(format_by_name(".htm"), Some(Format::Html));
/// assert_eq!(format_by_name("pdf"), None);
/// ```
pub fn format_by_name(name: &str) -> Option<Format> {
    let name = name.trim().trim_start_matches('.');
    match name.to_ascii_lowercase().as_str() {
        "" | "text" | "plain" => Some(Format::Text),
        "markdown" => Some(Format::Markdown),
        other => Format::from_extension(other),
    }
}

/// The names [`format_by_name`] accepts, for error messages.
pub const FORMAT_NAMES: [&str; 4] = ["text", "markdown", "html", "docx"];

/// The format for a file name, if its extension says.
pub fn format_from_name(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    Format::from_extension(ext)
}

/// The format the content looks like, if it says: a zip is a Word file, text starting with
/// `<!doctype` or `<html` (after a BOM, blank space and comments) is HTML.
pub fn sniff_format(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(Format::Docx);
    }
    let mut b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    loop {
        let trimmed = b.trim_ascii_start();
        if let Some(rest) = trimmed.strip_prefix(b"<!--") {
            b = memchr::memmem::find(rest, b"-->").map_or(&[][..], |i| &rest[i + 3..]);
            continue;
        }
        let head = &trimmed[..trimmed.len().min(9)];
        if head.eq_ignore_ascii_case(b"<!doctype") || head.len() >= 5 && head[..5].eq_ignore_ascii_case(b"<html") {
            return Some(Format::Html);
        }
        return None;
    }
}

/// Guess the format from the file name, then from the content; plain text if neither says.
/// A zip is always read as Word, whatever its name.
pub fn detect_format(name: Option<&str>, bytes: &[u8]) -> Format {
    let sniffed = sniff_format(bytes);
    if sniffed == Some(Format::Docx) {
        return Format::Docx;
    }
    name.and_then(format_from_name).or(sniffed).unwrap_or(Format::Text)
}

/// Decode bytes into a document: `format` if given, else detected from `name` and content.
/// Word files are unpacked here (their text is the extracted text, SPEC §1.1).
///
/// ```
/// use leaflint::input::{decode, InputError};
/// assert!(decode(b"Rest.", None, Some("a.txt")).is_ok());
/// assert_eq!(decode(b"\x00\x01", None, None).unwrap_err(), InputError::Binary);
/// assert_eq!(decode(b"Rest.", None, Some("a.docx")).unwrap_err(), InputError::NotZip);
/// ```
pub fn decode(bytes: &[u8], format: Option<Format>, name: Option<&str>) -> Result<Document, InputError> {
    let format = format.unwrap_or_else(|| detect_format(name, bytes));
    if format == Format::Docx || bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return crate::document::docx::parse(bytes);
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Err(InputError::LegacyWord);
    }
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(InputError::TextTooLarge { limit_mb: MAX_TEXT_BYTES / 1_048_576 });
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(InputError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        InputError::InvalidUtf8 { line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1, byte: at }
    })?;
    let (doc, too_deep) = Document::parse_checked(text, format);
    if too_deep {
        return Err(InputError::TooDeep { limit: crate::document::html::MAX_DEPTH });
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_sentences() {
        let e = decode(b"Caf\xe9\n", None, None).unwrap_err();
        assert_eq!(e, InputError::InvalidUtf8 { line: 1, byte: 3 });
        assert!(e.to_string().contains("UTF-8"));
        assert!(matches!(decode(b"PK\x03\x04....", None, None).unwrap_err(), InputError::Damaged { .. }));
        assert_eq!(decode(b"text", None, Some("x.md")).map(|d| d.format), Ok(Format::Markdown));
        assert_eq!(
            decode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", None, Some("old.doc")).unwrap_err(),
            InputError::LegacyWord
        );
        for e in [
            InputError::NotZip,
            InputError::NotDocx,
            InputError::TooLarge { limit_mb: 64 },
            InputError::TextTooLarge { limit_mb: 16 },
            InputError::TooManyEntries { limit: 10_000 },
            InputError::TooDeep { limit: 512 },
        ] {
            let s = e.to_string();
            assert!(s.ends_with('.') && s.matches(". ").count() <= 1, "{s}");
        }
    }

    #[test]
    fn formats_are_detected_by_name_then_content() {
        assert_eq!(detect_format(Some("page.HTML"), b"x"), Format::Html);
        assert_eq!(detect_format(Some("page.htm"), b"x"), Format::Html);
        assert_eq!(detect_format(Some("a.docx"), b"x"), Format::Docx);
        assert_eq!(detect_format(None, b"\xef\xbb\xbf  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(detect_format(None, b"<!-- saved -->\n<html lang=en>"), Format::Html);
        assert_eq!(detect_format(None, b"<p>Not a page</p>"), Format::Text);
        assert_eq!(detect_format(Some("leaflet.txt"), b"PK\x03\x04"), Format::Docx);
        assert_eq!(detect_format(None, b"Take 2 tablets."), Format::Text);
    }
}
