//! # leaflint-py
//!
//! The Python adapter: the leaflint engine behind PyO3, as the extension module `leaflint._native`.
//! Like the browser adapter it only converts: Python strings in, the engine's JSON out (the
//! package's `leaflint/__init__.py` turns it into dicts with `json.loads`, which keeps the
//! report's key order and is faster than building Python objects here). Checks of several texts
//! run in parallel with the GIL released. No rule logic, no scoring.
//!
//! Errors are Python exceptions with one plain sentence: `TypeError` for a non-string text,
//! `ValueError` naming a bad profile, format, config or picture.

use leaflint::picture::{icon_array_svg, Frequency, Picture};
use leaflint::{Config, Document, Format, Profile};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use rayon::prelude::*;

/// The profile named `name` (`nhs`, `us`, `easy-read`), or a sentence naming what is accepted.
pub fn profile_named(name: &str) -> Result<Profile, String> {
    Profile::from_name(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = Profile::ALL.iter().map(|p| p.name()).collect();
        format!("unknown profile {name:?}: use one of {}", names.join(", "))
    })
}

/// The format named `name` (or a file extension), or a sentence naming what is accepted.
pub fn format_named(name: &str) -> Result<Format, String> {
    leaflint::input::format_by_name(name)
        .ok_or_else(|| format!("unknown format {name:?}: use one of {}", leaflint::input::FORMAT_NAMES.join(", ")))
}

/// The engine configuration: `config_json` (a `leaflint.toml`'s settings as JSON, kebab-case keys,
/// unknown keys refused) with `profile` on top.
pub fn config_of(profile: &str, config_json: Option<&str>) -> Result<Config, String> {
    let mut config = match config_json {
        Some(json) => {
            let c: Config = serde_json::from_str(json).map_err(|e| format!("invalid leaflint config: {e}"))?;
            c.validate().map_err(|e| format!("invalid leaflint config: {e}"))?;
            c
        }
        None => Config::default(),
    };
    config.profile = profile_named(profile)?;
    Ok(config)
}

/// Check one text: the report as JSON (the CLI's `--format json` for the same text and settings,
/// with the source named `python`).
pub fn check_json(text: &str, format: Format, config: &Config) -> String {
    let doc = Document::parse(text, format);
    leaflint::check_document(&doc, "python", config).to_json()
}

fn value_error(e: String) -> PyErr {
    PyValueError::new_err(e)
}

/// The text argument as a Rust string: `TypeError` naming the type for anything but `str`.
fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if !obj.is_instance_of::<PyString>() {
        let ty = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned());
        return Err(PyTypeError::new_err(format!("{what} must be a str, not {ty}")));
    }
    obj.extract::<String>()
}

/// `leaflint.check`: one report as JSON text.
#[pyfunction]
#[pyo3(signature = (text, profile = "nhs", format = "text", config_json = None))]
fn check(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    profile: &str,
    format: &str,
    config_json: Option<&str>,
) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let format = format_named(format).map_err(value_error)?;
    let config = config_of(profile, config_json).map_err(value_error)?;
    Ok(py.detach(|| check_json(&text, format, &config)))
}

/// `leaflint.check_many`: reports as JSON texts, in input order, checked in parallel without the
/// GIL (`threads`: `None` for one per core).
#[pyfunction]
#[pyo3(signature = (texts, profile = "nhs", format = "text", config_json = None, threads = None))]
fn check_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    profile: &str,
    format: &str,
    config_json: Option<&str>,
    threads: Option<usize>,
) -> PyResult<Vec<String>> {
    let format = format_named(format).map_err(value_error)?;
    let config = config_of(profile, config_json).map_err(value_error)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1 (or None for one per core)"));
    }
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a single str: use check() for one text",
        ));
    }
    let mut owned = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        owned.push(text_arg(&item?, &format!("texts[{i}]"))?);
    }
    let run = || owned.par_iter().map(|t| check_json(t, format, &config)).collect::<Vec<String>>();
    py.detach(|| match threads {
        None => Ok(run()),
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(|pool| pool.install(run))
            .map_err(|e| format!("could not start {n} threads: {e}")),
    })
    .map_err(value_error)
}

/// `leaflint.segments`: `{"units": [...]}` as the CLI's `segments --format json`.
#[pyfunction]
#[pyo3(signature = (text, profile = "nhs", format = "text"))]
fn segments(py: Python<'_>, text: &Bound<'_, PyAny>, profile: &str, format: &str) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let format = format_named(format).map_err(value_error)?;
    let config = config_of(profile, None).map_err(value_error)?;
    py.detach(|| {
        let units = leaflint::segments(&Document::parse(&text, format), &config);
        serde_json::to_string(&serde_json::json!({ "units": units }))
    })
    .map_err(|e| value_error(format!("could not write the segments: {e}")))
}

/// `leaflint.textstat`'s source: `{"counts": ..., "readability": ..., "reading_time": ...}` for the
/// formulas alone (no rules), equal to the same parts of `check`'s report.
#[pyfunction]
#[pyo3(signature = (text, profile = "nhs", format = "text"))]
fn readability(py: Python<'_>, text: &Bound<'_, PyAny>, profile: &str, format: &str) -> PyResult<String> {
    let text = text_arg(text, "text")?;
    let format = format_named(format).map_err(value_error)?;
    let profile = profile_named(profile).map_err(value_error)?;
    py.detach(|| {
        let (counts, readability) = leaflint::metrics::readability(&Document::parse(&text, format), profile);
        serde_json::to_string(&serde_json::json!({ "counts": counts, "readability": readability }))
    })
    .map_err(|e| value_error(format!("could not write the scores: {e}")))
}

/// `leaflint.rules`: every rule's metadata as JSON.
#[pyfunction]
fn rules() -> PyResult<String> {
    serde_json::to_string(&leaflint::rule_info::all())
        .map_err(|e| value_error(format!("could not write the rules: {e}")))
}

/// `leaflint.picture` for a number written as text: `"20 in 100"`, `"1 in 4"`, `"25%"`.
#[pyfunction]
#[pyo3(signature = (spec, compare = None, label = None))]
fn picture(spec: &str, compare: Option<&str>, label: Option<&str>) -> PyResult<String> {
    draw(spec, compare, label).map_err(value_error)
}

/// `leaflint.picture` for a report's picture descriptor (JSON of `report["pictures"][i]["picture"]`).
#[pyfunction]
fn picture_of(descriptor_json: &str) -> PyResult<String> {
    let p: Picture =
        serde_json::from_str(descriptor_json).map_err(|e| value_error(format!("invalid picture descriptor: {e}")))?;
    p.draw(None).map_err(|e| value_error(e.to_string()))
}

/// An icon array for `spec` (optionally beside `compare`) labelled `label`.
pub fn draw(spec: &str, compare: Option<&str>, label: Option<&str>) -> Result<String, String> {
    let primary = Frequency::parse(spec).map_err(|e| e.to_string())?;
    let compare = compare.map(Frequency::parse).transpose().map_err(|e| e.to_string())?;
    let label = label.map(str::trim).filter(|l| !l.is_empty());
    icon_array_svg(primary, compare, label).map_err(|e| e.to_string())
}

/// The extension module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", leaflint::VERSION)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(segments, m)?)?;
    m.add_function(wrap_pyfunction!(readability, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(picture, m)?)?;
    m.add_function(wrap_pyfunction!(picture_of, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_with_a_sentence() {
        assert_eq!(profile_named("easy-read"), Ok(Profile::EasyRead));
        let e = profile_named("uk").expect_err("not a profile");
        assert!(e.contains("\"uk\"") && e.contains("nhs, us, easy-read"), "{e}");
        assert_eq!(format_named("md"), Ok(Format::Markdown));
        let e = format_named("pdf").expect_err("not a format");
        assert!(e.contains("\"pdf\"") && e.contains("markdown"), "{e}");
    }

    #[test]
    fn configs_are_validated() {
        let c = config_of("us", Some(r#"{"rules": {"long-sentence": {"words": 30}}}"#)).expect("valid");
        assert_eq!(c.profile, Profile::Us);
        assert_eq!(c.threshold("long-sentence", "words"), 30.0);
        assert!(config_of("nhs", Some(r#"{"rulez": {}}"#))
            .expect_err("unknown key")
            .contains("invalid leaflint config"));
    }

    #[test]
    fn reports_are_the_engines_json() {
        let text = "Take 2 tablets bd.";
        let json = check_json(text, Format::Text, &Config::default());
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        let direct = leaflint::check(text, &Config::default());
        assert_eq!(v["findings"].as_array().map(Vec::len), Some(direct.findings.len()));
        assert!(draw("20 in 100", Some("10 in 100"), Some("women")).expect("draws").starts_with("<svg"));
        assert!(draw("120 in 100", None, None).is_err());
    }
}
