//! Turning raw bytes into a [`Document`]: format detection and the checks that give a person one
//! clear sentence instead of a panic (binary data, invalid UTF-8, an unsupported container).
//!
//! This is not IO: callers read the bytes (a file, standard input, a browser `File`) and hand
//! them over, so the CLI and the browser widget share one behaviour.

use crate::document::{Document, Format};
use std::fmt;

/// Why bytes could not be read as a document. `Display` gives one sentence for a person; the
/// caller adds the file name.
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
    /// A zip container (Word `.docx` and others) that this build cannot read.
    Container,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary => {
                f.write_str("looks like a binary file, not text. leaflint reads plain text and Markdown.")
            }
            InputError::InvalidUtf8 { line, byte } => write!(
                f,
                "is not valid UTF-8 text (first bad byte at line {line}, byte {byte}). Save it as UTF-8 and try again."
            ),
            InputError::Container => f.write_str(
                "looks like a Word or zip file. leaflint reads plain text and Markdown; save it as text first.",
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// The format for a file name, if its extension says.
pub fn format_from_name(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    Format::from_extension(ext)
}

/// Guess the format from the file name, then from the content.
pub fn detect_format(name: Option<&str>, _bytes: &[u8]) -> Format {
    name.and_then(format_from_name).unwrap_or(Format::Text)
}

/// Decode bytes into a document: `format` if given, else detected from `name` and content.
///
/// ```
/// use leaflint::input::{decode, InputError};
/// assert!(decode(b"Rest.", None, Some("a.txt")).is_ok());
/// assert_eq!(decode(b"\x00\x01", None, None).unwrap_err(), InputError::Binary);
/// ```
pub fn decode(bytes: &[u8], format: Option<Format>, name: Option<&str>) -> Result<Document, InputError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(InputError::Container);
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(InputError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        InputError::InvalidUtf8 { line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1, byte: at }
    })?;
    let format = format.unwrap_or_else(|| detect_format(name, bytes));
    Ok(Document::parse(text, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_sentences() {
        let e = decode(b"Caf\xe9\n", None, None).unwrap_err();
        assert_eq!(e, InputError::InvalidUtf8 { line: 1, byte: 3 });
        assert!(e.to_string().contains("UTF-8"));
        assert_eq!(decode(b"PK\x03\x04....", None, None).unwrap_err(), InputError::Container);
        assert_eq!(decode(b"text", None, Some("x.md")).map(|d| d.format), Ok(Format::Markdown));
    }
}
