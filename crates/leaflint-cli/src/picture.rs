//! `leaflint picture`: a number drawn as an icon array (the engine's `leaflint::picture`).
//!
//! `leaflint picture "20 in 100" [--compare "10 in 100"] [--label WORDS] [-o FILE]` writes a
//! standalone SVG to standard output or, atomically, to FILE. A number that cannot be drawn
//! (`120 in 100`, `0.5 in 10`, `abc`) is one sentence on standard error and exit code 2.

use crate::args::PictureArgs;
use crate::Outcome;
use leaflint::picture::{icon_array_svg, Frequency};

/// Run the command.
pub fn run(a: &PictureArgs) -> Result<Outcome, String> {
    let primary = Frequency::parse(&a.number).map_err(|e| e.to_string())?;
    let compare = a.compare.as_deref().map(Frequency::parse).transpose().map_err(|e| e.to_string())?;
    let label = a.label.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let svg = icon_array_svg(primary, compare, label).map_err(|e| e.to_string())?;
    match &a.output {
        Some(path) => {
            crate::fix::write_new_atomic(path, &svg)?;
            crate::note(&format!("Wrote {} ({} bytes).", path.display(), svg.len()));
        }
        None => crate::write_out(&svg, None)?,
    }
    Ok(Outcome::ok(0))
}
