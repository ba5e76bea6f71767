//! # leaflint-py
//!
//! The Python adapter: the leaflint engine behind PyO3, as the extension module `leaflint._native`.
//! Like the browser adapter it only converts: Python strings in, the engine's reports out as the
//! dicts and lists `json.loads` would make of the CLI's JSON, built directly from the engine's serde
//! output ([`topy`]: no JSON text in between). Checks run with the GIL released, several texts in
//! parallel. No rule logic, no scoring.
//!
//! Errors are Python exceptions with one plain sentence: `TypeError` for a non-string text,
//! `ValueError` naming a bad profile, format, config or picture.

use leaflint::picture::{icon_array_svg, Frequency, Picture};
use leaflint::{Config, Document, Format, Profile, Report};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

pub mod topy;
use topy::{to_py, Cache};

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

/// Check one text: the report (the CLI's `--format json` for the same text and settings, with the
/// source named `python`).
pub fn report_of(text: &str, format: Format, config: &Config) -> Report {
    let doc = Document::parse(text, format);
    leaflint::check_document(&doc, "python", config)
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
    let text = obj.extract::<String>()?;
    if text.len() > leaflint::input::MAX_TEXT_BYTES {
        return Err(PyValueError::new_err(format!(
            "{what} is {:.1} MB: leaflint checks at most {} MB of text at once",
            text.len() as f64 / 1_048_576.0,
            leaflint::input::MAX_TEXT_BYTES / 1_048_576
        )));
    }
    Ok(text)
}

/// `leaflint.check`: one report as a dict.
#[pyfunction]
#[pyo3(signature = (text, profile = "nhs", format = "text", config_json = None))]
fn check<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    profile: &str,
    format: &str,
    config_json: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let format = format_named(format).map_err(value_error)?;
    let config = config_of(profile, config_json).map_err(value_error)?;
    let report = py.detach(|| report_of(&text, format, &config));
    to_py(py, &report, &mut Cache::default())
}

/// `leaflint.check_many`: reports as a list of dicts, in input order, checked in parallel without
/// the GIL (`threads`: `None` for one per core).
#[pyfunction]
#[pyo3(signature = (texts, profile = "nhs", format = "text", config_json = None, threads = None))]
fn check_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    profile: &str,
    format: &str,
    config_json: Option<&str>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
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
    let pool = match threads {
        None => None,
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| value_error(format!("could not start {n} threads: {e}")))?,
        ),
    };
    // The checks run on rayon's threads without the GIL; this thread turns each report into Python
    // objects as soon as it is ready (in whatever order they finish) and puts it at its index, so
    // the conversion overlaps the checks and no report waits for the slowest one before it.
    let n = owned.len();
    let list = PyList::new(py, (0..n).map(|_| py.None()))?;
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Report)>();
    let config = &config;
    let owned = &owned;
    std::thread::scope(|scope| -> PyResult<()> {
        scope.spawn(move || {
            let work = move || {
                owned.par_iter().enumerate().for_each_with(tx, |tx, (i, text)| {
                    // A send fails only when the receiver gave up (a Python error): stop quietly.
                    let _ = tx.send((i, report_of(text, format, config)));
                });
            };
            match &pool {
                Some(pool) => pool.install(work),
                None => work(),
            }
        });
        let mut cache = Cache::default();
        let mut rx = rx;
        for _ in 0..n {
            let (i, report) = match rx.try_recv() {
                Ok(msg) => msg,
                // Nothing ready: wait without holding the GIL (the receiver goes with the wait).
                Err(_) => {
                    let (back, msg) = py.detach(move || {
                        let msg = rx.recv();
                        (rx, msg)
                    });
                    rx = back;
                    match msg {
                        Ok(msg) => msg,
                        // The checking thread ended early: it panicked, and the scope re-raises it.
                        Err(_) => break,
                    }
                }
            };
            list.set_item(i, to_py(py, &report, &mut cache)?)?;
        }
        Ok(())
    })?;
    Ok(list)
}

/// `leaflint.segments`: `{"notes": [...], "units": [...]}` as the CLI's `segments --format json`.
#[pyfunction]
#[pyo3(signature = (text, profile = "nhs", format = "text"))]
fn segments<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    profile: &str,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let format = format_named(format).map_err(value_error)?;
    let config = config_of(profile, None).map_err(value_error)?;
    let (notes, units) = py.detach(|| {
        let doc = Document::parse(&text, format);
        let units = leaflint::segments(&doc, &config);
        (doc.notes, units)
    });
    #[derive(serde::Serialize)]
    struct Segments<N, U> {
        notes: N,
        units: U,
    }
    to_py(py, &Segments { notes, units }, &mut Cache::default())
}

/// `leaflint.textstat`'s source: `{"counts": ..., "readability": ..., "reading_time": ...}` for the
/// formulas alone (no rules), equal to the same parts of `check`'s report.
#[pyfunction]
#[pyo3(signature = (text, profile = "nhs", format = "text"))]
fn readability<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    profile: &str,
    format: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "text")?;
    let format = format_named(format).map_err(value_error)?;
    let profile = profile_named(profile).map_err(value_error)?;
    let (counts, readability) = py.detach(|| leaflint::metrics::readability(&Document::parse(&text, format), profile));
    #[derive(serde::Serialize)]
    struct Scores<C, R> {
        counts: C,
        readability: R,
    }
    to_py(py, &Scores { counts, readability }, &mut Cache::default())
}

/// `leaflint.rules`: every rule's metadata as a list of dicts.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &leaflint::rule_info::all(), &mut Cache::default())
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
        let json = report_of(text, Format::Text, &Config::default()).to_json();
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        let direct = leaflint::check(text, &Config::default());
        assert_eq!(v["findings"].as_array().map(Vec::len), Some(direct.findings.len()));
        assert!(draw("20 in 100", Some("10 in 100"), Some("women")).expect("draws").starts_with("<svg"));
        assert!(draw("120 in 100", None, None).is_err());
    }
}
