//! Reading inputs: files and standard input, with one clear sentence for each way it can fail.

use leaflint::{Document, Format};
use std::io::Read;
use std::path::Path;

/// A text ready to check.
pub struct Input {
    /// Shown in reports (`stdin` or the path as given).
    pub name: String,
    /// The text.
    pub text: String,
    /// How it was read.
    pub format: Format,
    /// The parsed document (for Word files, `text` is its extracted text).
    pub doc: Document,
}

/// Inputs larger than this are refused (a leaflet is a few KB; this keeps memory bounded).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Read one path (`-` = standard input). The error is a sentence for a person.
pub fn read(path: &Path, forced: Option<Format>) -> Result<Input, String> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("could not read standard input: {e}"))?;
        ("stdin".to_owned(), buf)
    } else {
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{name}: no such file. Check the path and try again."),
            std::io::ErrorKind::PermissionDenied => {
                format!("{name}: permission denied: leaflint cannot read this file.")
            }
            _ => format!("{name}: cannot read it ({e})."),
        })?;
        if meta.is_dir() {
            return Err(format!("{name} is a folder. Give the files inside it, for example {name}/*.txt"));
        }
        if meta.len() > MAX_BYTES {
            return Err(format!(
                "{name} is {} MB, larger than the {} MB leaflint reads.",
                meta.len() / 1_048_576,
                MAX_BYTES / 1_048_576
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read it ({e})."))?;
        (name, bytes)
    };
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("{name} is larger than the {} MB leaflint reads.", MAX_BYTES / 1_048_576));
    }
    // The engine decodes (binary, UTF-8, Word files), so the CLI and the browser agree.
    let doc = leaflint::input::decode(&bytes, forced, Some(&name)).map_err(|e| format!("{name} {e}"))?;
    Ok(Input { name, text: doc.text.clone(), format: doc.format, doc })
}
