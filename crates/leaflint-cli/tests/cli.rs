//! The `leaflint` binary as a user runs it: outputs, exit codes and error sentences.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample() -> PathBuf {
    root().join("samples/metformin-leaflet.txt")
}

/// Run the binary from the repository root with colours off (as when piped).
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    cmd.args(args).current_dir(root()).env_remove("CLICOLOR_FORCE").env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn leaflint");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("leaflint runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("leaflint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write tmp");
    p
}

#[test]
fn sample_human_report() {
    let o = run(&["check", "samples/metformin-leaflet.txt"], None);
    assert_eq!(o.status.code(), Some(1), "findings at warning or above exit 1");
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "no colour when piped or NO_COLOR");
    insta::assert_snapshot!("sample_human", out);
}

#[test]
fn sample_json_report() {
    let o = run(&["check", "--format", "json", "samples/metformin-leaflet.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["profile"], "nhs");
    assert_eq!(v["source"]["format"], "text");
    for key in ["counts", "readability", "language", "numeracy", "reading_time"] {
        assert!(v["scores"].get(key).is_some(), "scores.{key}");
    }
    insta::assert_snapshot!("sample_json", stdout(&o));
}

#[test]
fn colour_when_forced() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    let o = cmd.args(["--color", "always", "check"]).arg(sample()).env_remove("NO_COLOR").output().expect("runs");
    assert!(stdout(&o).contains('\u{1b}'), "ANSI colour with --color always");
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = b"Take 1 tablet each morning. Rest.";
    assert_eq!(run(&["check", "-"], Some(clean)).status.code(), Some(0));
    let text = b"Complications are rare. Rest.";
    assert_eq!(run(&["check", "-"], Some(text)).status.code(), Some(0), "info only: under --fail-on warning");
    assert_eq!(run(&["check", "--fail-on", "info", "-"], Some(text)).status.code(), Some(1));
    assert_eq!(run(&["check", "--fail-on", "never", "samples/metformin-leaflet.txt"], None).status.code(), Some(0));
    assert_eq!(run(&["check", "--fail-on", "error", "samples/metformin-leaflet.txt"], None).status.code(), Some(1));
}

#[test]
fn stdin_is_read_when_no_path() {
    let o = run(&["check", "--format", "json"], Some("Rest.".as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["source"]["name"], "stdin");
    assert_eq!(v["scores"]["counts"]["words"], 1);
}

#[test]
fn profiles_change_thresholds() {
    let text = b"Your nurse will show you how to use the inhaler before you go home from hospital today.";
    let nhs = run(&["check", "--format", "json", "-"], Some(text));
    let easy = run(&["check", "--format", "json", "--profile", "easy-read", "-"], Some(text));
    let count = |o: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["findings"].as_array().map_or(0, |a| a.iter().filter(|f| f["rule"] == "long-sentence").count())
    };
    assert_eq!(count(&nhs), 0);
    assert_eq!(count(&easy), 1);
}

#[test]
fn bad_inputs_get_one_clear_sentence() {
    let cases: Vec<(PathBuf, &str)> = vec![
        (PathBuf::from("no/such/leaflet.txt"), "no such file"),
        (root().join("samples"), "is a folder"),
        (tmp("binary.txt", b"\x7fELF\x00\x00\x01binary"), "binary file"),
        (tmp("latin1.txt", b"Caf\xe9 au lait.\n"), "not valid UTF-8"),
        (tmp("leaflet.docx", b"PK\x03\x04rest"), "damaged zip or Word file"),
        (tmp("notes.docx", b"Plain text saved with the wrong name."), "is not a Word .docx file"),
        (tmp("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), "old Word .doc file"),
    ];
    for (path, expected) in cases {
        let o = run(&["check", path.to_str().expect("utf8 path")], None);
        assert_eq!(o.status.code(), Some(2), "{}", path.display());
        let err = stderr(&o);
        assert!(err.contains(expected), "{}: {err}", path.display());
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn empty_file_says_so_and_passes() {
    let p = tmp("empty.txt", b"");
    let o = run(&["check", p.to_str().expect("utf8")], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("is empty"), "{}", stderr(&o));
    let o = run(&["check", "--format", "json", p.to_str().expect("utf8")], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v["notes"][0].as_str().unwrap_or("").contains("empty"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check", "--profile", "martian"], None).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    let o = run(&["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("leaflint "));
}

#[test]
fn segments_show_units_words_and_syllable_sources() {
    let text = "Take 2 tablets.\n\n• See your GP.\n";
    let o = run(&["segments", "--format", "json", "-"], Some(text.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let units = v["units"].as_array().expect("units");
    assert_eq!(units.len(), 2);
    assert_eq!(units[0]["kind"], "sentence");
    assert_eq!(units[0]["counted"], true);
    let tokens = units[0]["tokens"].as_array().expect("tokens");
    assert_eq!(tokens[0]["text"], "Take");
    assert_eq!(tokens[1]["syllable_source"], "number");
    let gp = &units[1]["tokens"].as_array().expect("tokens")[2];
    assert_eq!(gp["text"], "GP");
    assert_eq!(gp["syllables"], 2);
    assert_eq!(gp["syllable_source"], "initialism");
    let span = &units[1]["span"];
    let (s, e) = (span["start"].as_u64().expect("start") as usize, span["end"].as_u64().expect("end") as usize);
    assert_eq!(&text[s..e], "See your GP.");
    let human = run(&["segments", "-"], Some(text.as_bytes()));
    insta::assert_snapshot!("segments_human", stdout(&human));
}

#[test]
fn explain_adds_units_to_the_report() {
    let o = run(&["check", "--explain", "--format", "json", "-"], Some(b"Rest. Drink water."));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["units"].as_array().map(Vec::len), Some(2));
    let o = run(&["check", "--format", "json", "-"], Some(b"Rest."));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v.get("units").is_none());
}

#[test]
fn word_and_html_files_with_chunks_and_checklist() {
    let docx = root().join("tests/fixtures/amoxicillin-leaflet.docx");
    let o = run(&["check", "--chunks", "--checklist", "--fail-on", "never", docx.to_str().expect("utf8")], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "Check understanding",
        "How to take amoxicillin",
        "Can you tell me when you would call 999?",
        "CDC Clear Communication Index",
        "PEMAT-P",
        "Finally: Can you tell me the most important thing you will do when you get home?",
    ] {
        assert!(out.contains(want), "{want:?} in\n{out}");
    }
    let html = root().join("tests/fixtures/nhs-paracetamol-for-adults.html");
    let o = run(&["check", "--format", "json", html.to_str().expect("utf8")], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["source"]["format"], "html");
    assert!(v["chunks"].as_array().is_some_and(|c| c.len() > 3));
    assert!(v["checklists"]["cdc_cci"]["items"].as_array().is_some_and(|i| i.len() == 20));
    let o = run(&["check", "--input-format", "docx", "-"], Some(b"Take 2 tablets."));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not a Word .docx file"), "{}", stderr(&o));
}
