//! The `leaflint` binary as a user runs it: every command and format, exit codes and the error
//! sentences. Outputs are pinned with insta snapshots (`cargo insta review` after a change).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// Run the binary in `dir` with colours off (as when piped) and no config from the environment.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    cmd.args(args).current_dir(dir).env_remove("CLICOLOR_FORCE").env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn leaflint");
    if let Some(input) = stdin {
        // leaflint may exit before reading (a usage error): a closed pipe is fine.
        let _ = child.stdin.take().expect("stdin").write_all(input);
    }
    child.wait_with_output().expect("leaflint runs")
}

/// Run from the repository root.
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_in(&root(), args, stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// A fresh temporary folder.
fn tmpdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tmp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

const LONG: &str = "Your diabetes team will check your blood sugar, your blood pressure and your feet every year, and they will also look closely at both of your eyes.";

// ---------------------------------------------------------------------------------------------
// check: formats

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
    let v = json(&o);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["profile"], "nhs");
    assert_eq!(v["source"]["format"], "text");
    for key in ["counts", "readability", "language", "numeracy", "reading_time"] {
        assert!(v["scores"].get(key).is_some(), "scores.{key}");
    }
    insta::assert_snapshot!("sample_json", stdout(&o));
}

#[test]
fn folder_concise_in_stable_order() {
    let o = run_in(&data(), &["check", "--format", "concise", "leaflets"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    // Sorted walk; drafts/ is in .ignore; the disabled passage of side-effects.md is not reported.
    let files: Vec<&str> =
        out.lines().filter(|l| !l.starts_with("Checked")).filter_map(|l| l.split(':').next()).collect();
    assert!(files.windows(2).all(|w| w[0] <= w[1]), "{out}");
    assert!(!out.contains("drafts"), "{out}");
    assert!(!out.contains("side-effects.md:6:1: error[long-sentence]"), "{out}");
    insta::assert_snapshot!("folder_concise", out);
    // One thread or two: the same output.
    let one = run_in(&data(), &["check", "--format", "concise", "--threads", "1", "leaflets"], None);
    let two = run_in(&data(), &["check", "--format", "concise", "--threads", "2", "leaflets"], None);
    assert_eq!(stdout(&one), out);
    assert_eq!(stdout(&two), out);
}

#[test]
fn folder_human_has_totals() {
    let o = run_in(&data(), &["check", "leaflets"], None);
    insta::assert_snapshot!("folder_human", stdout(&o));
    assert!(stdout(&o).contains("Checked 3 files:"));
}

#[test]
fn globs_are_expanded() {
    let o = run_in(&data(), &["check", "--format", "concise", "--fail-on", "never", "leaflets/**/*.txt"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("leaflets/inhaler.txt") && !out.contains(".md"), "{out}");
    let o = run_in(&data(), &["check", "leaflets/*.pdf"], None);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("glob_no_match", stderr(&o));
}

#[test]
fn folders_and_globs_include_word_and_html_files() {
    let d = tmpdir();
    let docx = std::fs::read(root().join("tests/fixtures/amoxicillin-leaflet.docx")).expect("fixture");
    write(d.path(), "leaflets/amoxicillin.docx", &docx);
    write(d.path(), "leaflets/~$amoxicillin.docx", b"lock file of an open document");
    write(d.path(), "leaflets/rest.htm", b"<main><h1>Rest</h1><p>Rest at home and drink water.</p></main>");
    write(d.path(), "leaflets/web/sleep.html", b"<p>Go to bed at the same time each night.</p>");
    write(d.path(), "leaflets/notes.pdf", b"%PDF-1.4");
    let o = run_in(d.path(), &["check", "--format", "concise", "--fail-on", "never", "leaflets"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run_in(d.path(), &["check", "--format", "json", "--fail-on", "never", "leaflets"], None);
    let v = json(&o);
    let files: Vec<(String, String)> = v
        .as_array()
        .unwrap_or_else(|| panic!("one report per file: {v}"))
        .iter()
        .map(|f| {
            (
                f["source"]["name"].as_str().unwrap_or_default().replace('\\', "/"),
                f["source"]["format"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let want =
        [("leaflets/amoxicillin.docx", "docx"), ("leaflets/rest.htm", "html"), ("leaflets/web/sleep.html", "html")];
    assert_eq!(files, want.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec());
    let o = run_in(d.path(), &["check", "--format", "json", "--fail-on", "never", "leaflets/**/*.docx"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["source"]["name"], "leaflets/amoxicillin.docx");
}

#[test]
fn markdown_summary() {
    let o = run_in(&data(), &["check", "--format", "markdown", "leaflets"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("## leaflint report"));
    insta::assert_snapshot!("folder_markdown", out);
}

#[test]
fn html_report_is_standalone() {
    let o = run(&["check", "--format", "html", "samples/metformin-leaflet.txt"], None);
    let html = stdout(&o);
    assert!(html.starts_with("<!doctype html>"));
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="), "offline");
    assert!(html.contains("<mark id=\"f0-0\""));
    let load = html.split("Numeracy load</th><td>").nth(1).expect("numeracy load row");
    assert!(
        load.starts_with(|c: char| c.is_ascii_digit()),
        "the numeracy load is shown: {}",
        &load[..20.min(load.len())]
    );
    assert!(html.contains("@media print"));
}

#[test]
fn sarif_has_rules_results_and_regions() {
    let o = run(&["check", "--format", "sarif", "samples/metformin-leaflet.txt"], None);
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "leaflint");
    assert!(run["tool"]["driver"]["rules"].as_array().is_some_and(|r| !r.is_empty()));
    let res = run["results"].as_array().expect("results");
    let first = &res[0];
    assert_eq!(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "samples/metformin-leaflet.txt");
    assert!(first["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().is_some());
    assert!(res.iter().any(|r| r.get("fixes").is_some()), "fixes are carried");
}

#[test]
fn statistics_and_quiet() {
    let o = run_in(&data(), &["check", "--statistics", "leaflets"], None);
    insta::assert_snapshot!("statistics", stdout(&o));
    let o = run_in(&data(), &["check", "--quiet", "leaflets/sub/after-surgery.txt"], None);
    assert_eq!(stdout(&o), "", "a clean file prints nothing with --quiet");
    assert_eq!(stderr(&o), "");
    let o = run_in(&data(), &["check", "--statistics", "--format", "json", "leaflets"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn output_file() {
    let d = tmpdir();
    let out = d.path().join("report.md");
    let o =
        run(&["--color", "always", "check", "-o", out.to_str().expect("utf8"), "samples/metformin-leaflet.txt"], None);
    assert_eq!(stdout(&o), "");
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("Reading age") && !text.contains('\u{1b}'), "no colour codes in files");
}

#[test]
fn colour_when_forced_and_no_color() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    let o = cmd
        .args(["--color", "always", "check", "samples/metformin-leaflet.txt"])
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("runs");
    assert!(stdout(&o).contains('\u{1b}'), "ANSI colour with --color always");
    let o = run(&["--color", "never", "check", "samples/metformin-leaflet.txt"], None);
    assert!(!stdout(&o).contains('\u{1b}'));
}

#[test]
fn no_progress_bar_when_not_a_terminal() {
    let d = tmpdir();
    for i in 0..30 {
        write(d.path(), &format!("leaflet-{i:02}.txt"), b"Take 1 tablet each morning.\n");
    }
    let o = run_in(d.path(), &["check", "--format", "concise", "."], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "", "stderr is not a terminal: no progress bar");
}

// ---------------------------------------------------------------------------------------------
// check: exit codes, inputs and their errors

#[test]
fn exit_codes_follow_fail_on() {
    let clean = b"Take 1 tablet each morning. Rest.";
    assert_eq!(run(&["check", "-"], Some(clean)).status.code(), Some(0));
    let text = b"Irritability can happen. Rest.";
    assert_eq!(run(&["check", "-"], Some(text)).status.code(), Some(0), "info only: under --fail-on warning");
    assert_eq!(run(&["check", "--fail-on", "info", "-"], Some(text)).status.code(), Some(1));
    assert_eq!(run(&["check", "--fail-on", "never", "samples/metformin-leaflet.txt"], None).status.code(), Some(0));
    assert_eq!(run(&["check", "--fail-on", "error", "samples/metformin-leaflet.txt"], None).status.code(), Some(1));
}

#[test]
fn stdin_is_read_when_no_path() {
    let o = run(&["check", "--format", "json"], Some("Rest.".as_bytes()));
    let v = json(&o);
    assert_eq!(v["source"]["name"], "stdin");
    assert_eq!(v["scores"]["counts"]["words"], 1);
}

#[test]
fn profiles_change_thresholds() {
    let text = b"Your nurse will show you how to use the inhaler before you go home from hospital today.";
    let nhs = run(&["check", "--format", "json", "-"], Some(text));
    let easy = run(&["check", "--format", "json", "--profile", "easy-read", "-"], Some(text));
    let count = |o: &Output| {
        json(o)["findings"].as_array().map_or(0, |a| a.iter().filter(|f| f["rule"] == "long-sentence").count())
    };
    assert_eq!(count(&nhs), 0);
    assert_eq!(count(&easy), 1);
}

#[test]
fn bad_inputs_get_one_clear_sentence() {
    let d = tmpdir();
    let cases: Vec<(PathBuf, &str)> = vec![
        (PathBuf::from("no/such/leaflet.txt"), "no such file or folder"),
        (data().join("empty-folder"), "no files to check in this folder"),
        (write(d.path(), "binary.txt", b"\x7fELF\x00\x00\x01binary"), "binary file"),
        (write(d.path(), "latin1.txt", b"Caf\xe9 au lait.\n"), "not valid UTF-8"),
        (write(d.path(), "leaflet.docx", b"PK\x03\x04rest"), "damaged zip or Word file"),
        (write(d.path(), "notes.docx", b"Plain text saved with the wrong name."), "is not a Word .docx file"),
        (write(d.path(), "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), "old Word .doc file"),
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
fn error_messages() {
    let d = tmpdir();
    write(d.path(), "latin1.txt", b"Caf\xe9 au lait.\n");
    let mut all = String::new();
    for args in [
        &["check", "no-such-leaflet.txt"][..],
        &["check", "empty-folder"],
        &["check", "--fix-only", "long-sentense", "leaflets"],
        &["check", "--fix", "-"],
        &["explain", "long-sentense"],
    ] {
        let o = run_in(&data(), args, Some(b"Rest."));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        all.push_str(&format!("$ leaflint {}\n{}\n", args.join(" "), stderr(&o)));
    }
    let o = run_in(d.path(), &["check", "latin1.txt"], None);
    all.push_str(&format!("$ leaflint check latin1.txt\n{}\n", stderr(&o)));
    insta::assert_snapshot!("error_messages", all);
}

#[test]
fn a_bad_file_among_good_ones_is_reported_and_the_rest_checked() {
    let d = tmpdir();
    write(d.path(), "a.txt", b"Rest.\n");
    write(d.path(), "b.txt", b"Caf\xe9.\n");
    write(d.path(), "c.txt", b"Complications are rare.\n");
    let o = run_in(d.path(), &["check", "--format", "concise", "--fail-on", "info", "."], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error: ./b.txt is not valid UTF-8 text") && err.trim().lines().count() == 1, "{err}");
    assert!(stdout(&o).contains("./c.txt"), "the files after it are still checked");
}

#[test]
fn inputs_past_the_stated_limits_exit_2_with_one_sentence() {
    // README "Limits": too much text, HTML nested too deep.
    let d = tmpdir();
    write(d.path(), "big.txt", "Rest. ".repeat(3 << 20).as_bytes());
    write(d.path(), "deep.html", "<div>".repeat(100_000).as_bytes());
    for (file, says) in [("big.txt", "more than 16 MB of text"), ("deep.html", "more than 512 deep")] {
        let t = std::time::Instant::now();
        let o = run_in(d.path(), &["check", "--format", "json", file], None);
        assert_eq!(o.status.code(), Some(2), "{file}");
        let err = stderr(&o);
        assert!(err.starts_with(&format!("error: {file} ")) && err.contains(says), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
        assert!(t.elapsed() < std::time::Duration::from_secs(10), "{file}: {:?}", t.elapsed());
    }
}

#[test]
fn empty_file_says_so_and_passes() {
    let d = tmpdir();
    let p = write(d.path(), "empty.txt", b"");
    let o = run(&["check", p.to_str().expect("utf8")], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("is empty"), "{}", stderr(&o));
    let o = run(&["check", "--format", "json", p.to_str().expect("utf8")], None);
    assert!(json(&o)["notes"][0].as_str().unwrap_or("").contains("empty"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check", "--profile", "martian"], None).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    let o = run(&["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("leaflint {}\n", env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------------------------------------
// config

#[test]
fn unknown_config_key_names_key_and_file() {
    let d = tmpdir();
    write(d.path(), "leaflint.toml", b"profile = \"nhs\"\nallow-word = [\"metformin\"]\n");
    write(d.path(), "a.txt", b"Rest.\n");
    let o = run_in(d.path(), &["check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("config_unknown_key", stderr(&o));
    // Found upward from a subfolder too, and named by its path.
    std::fs::create_dir_all(d.path().join("sub")).expect("mkdir");
    let o = run_in(&d.path().join("sub"), &["check", "../a.txt"], None);
    assert!(stderr(&o).contains("leaflint.toml:2: unknown key `allow-word`"), "{}", stderr(&o));
    // A bad threshold key in a rule table.
    write(d.path(), "bad.toml", b"[rules.long-sentence]\nwords = 25\nmax-words = 30\n");
    let o = run_in(d.path(), &["--config", "bad.toml", "check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!("config_unknown_threshold", stderr(&o));
    // --no-config ignores it.
    assert_eq!(run_in(d.path(), &["--no-config", "check", "a.txt"], None).status.code(), Some(0));
}

#[test]
fn config_file_settings_apply() {
    let d = tmpdir();
    write(
        d.path(),
        "leaflint.toml",
        b"profile = \"easy-read\"\nexclude = [\"archive\"]\n[rules.long-sentence]\nwords = 30\nseverity = \"info\"\n[rules.long-word]\nenabled = false\n",
    );
    write(d.path(), "a.txt", format!("{LONG}\n").as_bytes());
    write(d.path(), "archive/old.txt", format!("{LONG}\n").as_bytes());
    let o = run_in(d.path(), &["check", "--format", "json", "."], None);
    let v = json(&o);
    assert_eq!(v["profile"], "easy-read", "one file after the exclude: {v}");
    assert_eq!(v["source"]["name"], "./a.txt");
    let rules: Vec<&str> =
        v["findings"].as_array().expect("findings").iter().filter_map(|f| f["rule"].as_str()).collect();
    assert!(!rules.contains(&"long-sentence"), "24 words is under the configured 30: {rules:?}");
    assert!(!rules.contains(&"long-word"), "{rules:?}");
    // The command line wins over the file.
    let o = run_in(d.path(), &["check", "--format", "json", "--profile", "us", "a.txt"], None);
    assert_eq!(json(&o)["profile"], "us");
}

#[test]
fn config_jargon_terms_are_flagged_with_their_alternative() {
    let d = tmpdir();
    write(d.path(), "leaflint.toml", "[jargon]\n\"cardiac event\" = \"heart attack\"\n".as_bytes());
    write(d.path(), "a.txt", b"If you have a cardiac event, call 999.\n");
    let v = json(&run_in(d.path(), &["check", "--format", "json", "a.txt"], None));
    let f = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "medical-jargon")
        .unwrap_or_else(|| panic!("the configured term is flagged: {v}"));
    assert_eq!(f["span"]["start"], 14);
    assert_eq!(f["span"]["end"], 27);
    let replacements: Vec<&str> = f["fixes"]
        .as_array()
        .expect("fixes")
        .iter()
        .flat_map(|x| x["edits"].as_array().into_iter().flatten())
        .filter_map(|e| e["replacement"].as_str())
        .collect();
    assert!(replacements.iter().any(|r| r.contains("heart attack")), "{replacements:?}");
    // Without the file, the term is not on any list.
    let o = run_in(d.path(), &["check", "--no-config", "--format", "json", "a.txt"], None);
    assert!(!json(&o)["findings"].as_array().expect("findings").iter().any(|f| f["rule"] == "medical-jargon"));
}

#[test]
fn init_writes_a_commented_default_that_loads() {
    let d = tmpdir();
    let o = run_in(d.path(), &["init"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(d.path().join("leaflint.toml")).expect("written");
    assert!(text.contains("[rules.long-sentence]") && text.contains("# words = 20"), "{text}");
    write(d.path(), "a.txt", b"Rest.\n");
    assert_eq!(run_in(d.path(), &["check", "a.txt"], None).status.code(), Some(0));
    let o = run_in(d.path(), &["init"], None);
    assert_eq!(o.status.code(), Some(2), "no overwrite without --force");
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(run_in(d.path(), &["init", "--force", "--profile", "us"], None).status.code(), Some(0));
    let text = std::fs::read_to_string(d.path().join("leaflint.toml")).expect("written");
    assert!(text.contains("profile = \"us\""));
}

#[test]
fn inline_opt_out_in_plain_text() {
    let text = format!("leaflint-disable-next-line long-sentence\n{LONG}\n\n{LONG}\n");
    let o = run(&["check", "--format", "json", "-"], Some(text.as_bytes()));
    let v = json(&o);
    let lines: Vec<u64> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "long-sentence")
        .filter_map(|f| f["line"].as_u64())
        .collect();
    assert_eq!(lines, vec![4]);
}

// ---------------------------------------------------------------------------------------------
// --fix and --diff

fn fix_args<'a>(path: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["check", "--format", "concise", "--fail-on", "never"];
    v.extend_from_slice(extra);
    v.push(path);
    v
}

#[test]
fn fix_changes_exactly_and_is_idempotent() {
    let d = tmpdir();
    let original = format!("Eye checks\n\n{LONG}\n");
    let p = write(d.path(), "eyes.txt", original.as_bytes());
    let ps = p.to_str().expect("utf8");
    // Safe fixes only: a sentence split needs a person, so nothing changes.
    let o = run(&fix_args(ps, &["--fix"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&p).expect("read"), original);
    assert_eq!(stderr(&o), "Fixed 0 findings in 0 files.\n");
    // Review fixes of one rule.
    let o = run(&fix_args(ps, &["--fix=review", "--fix-only", "long-sentence"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expected = "Eye checks\n\nYour diabetes team will check your blood sugar, your blood pressure and your feet every year. They will also look closely at both of your eyes.\n";
    assert_eq!(std::fs::read_to_string(&p).expect("read"), expected);
    assert_eq!(stderr(&o), "Fixed 1 finding in 1 file.\n");
    assert!(!stdout(&o).contains("long-sentence"), "the report is of the fixed text: {}", stdout(&o));
    // Twice: nothing more.
    let o = run(&fix_args(ps, &["--fix=review", "--fix-only", "long-sentence"]), None);
    assert_eq!(std::fs::read_to_string(&p).expect("read"), expected);
    assert_eq!(stderr(&o), "Fixed 0 findings in 0 files.\n");
    assert_eq!(std::fs::read_dir(d.path()).expect("dir").count(), 1, "no temporary files left");
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmpdir();
    let p = write(d.path(), "eyes.txt", format!("{LONG}\n").as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let o = run(&fix_args(p.to_str().expect("utf8"), &["--fix=review"]), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_ne!(std::fs::read_to_string(&p).expect("read"), format!("{LONG}\n"));
    assert_eq!(std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777, 0o640);
}

#[test]
fn fix_leaves_read_only_and_failed_files_byte_for_byte() {
    let d = tmpdir();
    let original = format!("{LONG}\r\n\r\nRest.\r\n").into_bytes();
    let ro = write(d.path(), "read-only.txt", &original);
    let mut perm = std::fs::metadata(&ro).expect("meta").permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&ro, perm).expect("chmod");
    let o = run(&fix_args(ro.to_str().expect("utf8"), &["--fix=review"]), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is read-only: leaflint did not change it."), "{}", stderr(&o));
    assert_eq!(std::fs::read(&ro).expect("read"), original);
    assert!(stdout(&o).contains("long-sentence"), "the report is of the unchanged text");

    // A failure after the temporary file is written and before the rename.
    let p = write(d.path(), "fails.txt", &original);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    let o = cmd
        .args(fix_args(p.to_str().expect("utf8"), &["--fix=review"]))
        .env("NO_COLOR", "1")
        .env("LEAFLINT_FAULT_INJECT", "write")
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("writing failed") && stderr(&o).contains("the file is unchanged"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&p).expect("read"), original);
    let names: Vec<String> = std::fs::read_dir(d.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

#[test]
fn diff_shows_without_writing() {
    let d = tmpdir();
    let original = format!("Eye checks\n\n{LONG}\n");
    write(d.path(), "eyes.txt", original.as_bytes());
    let o = run_in(d.path(), &["check", "--diff", "--fix=review", "eyes.txt"], None);
    assert_eq!(o.status.code(), Some(1), "changes to make");
    assert_eq!(std::fs::read_to_string(d.path().join("eyes.txt")).expect("read"), original);
    insta::assert_snapshot!("diff", format!("{}--- stderr ---\n{}", stdout(&o), stderr(&o)));
    let o = run_in(d.path(), &["check", "--diff", "eyes.txt"], None);
    assert_eq!(o.status.code(), Some(0), "no safe fixes");
    assert_eq!(stdout(&o), "");
    // Standard input works with --diff.
    let o = run_in(d.path(), &["check", "--diff", "--fix=review", "-"], Some(LONG.as_bytes()));
    assert!(stdout(&o).contains("+++ b/stdin"), "{}", stdout(&o));
}

// ---------------------------------------------------------------------------------------------
// compare, rules, explain, segments, completions

fn compare_files(d: &Path) {
    write(
        d,
        "old.txt",
        b"Bringing your medicines\n\nPatients should bring all their medicines to every appointment, because the doctor will need to review all of the medicines and the doses that the patients are currently taking at home.\n",
    );
    write(
        d,
        "new.txt",
        b"Bringing your medicines\n\nBring all your medicines to every appointment. Your doctor will check them.\n",
    );
}

#[test]
fn compare_human_and_json() {
    let d = tmpdir();
    compare_files(d.path());
    let o = run_in(d.path(), &["compare", "old.txt", "new.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("compare_human", stdout(&o));
    let o = run_in(d.path(), &["compare", "--format", "json", "old.txt", "new.txt"], None);
    let v = json(&o);
    assert_eq!(v["verdict"], "better");
    for key in ["before", "after", "changes", "findings", "possibly_removed_actions"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert!(v["findings"]["fixed"].as_array().is_some_and(|f| f.iter().any(|f| f["rule"] == "long-sentence")));
    // The other way round is worse, and --fail-if-worse fails.
    let o = run_in(d.path(), &["compare", "--fail-if-worse", "new.txt", "old.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Verdict: worse"), "{}", stdout(&o));
    let o = run_in(d.path(), &["compare", "new.txt", "old.txt"], None);
    assert_eq!(o.status.code(), Some(0), "without the flag the verdict does not fail");
}

/// `docs/rules.md` is what `leaflint rules --reference` writes (the language server's diagnostics
/// link to its `#rule-ID` anchors). After a rule's metadata changes: `LEAFLINT_UPDATE_DOCS=1`.
#[test]
fn rules_reference_is_current() {
    let o = run(&["rules", "--reference"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = stdout(&o);
    let file = root().join("docs/rules.md");
    if std::env::var_os("LEAFLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&file, &written).expect("write docs/rules.md");
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(committed == written, "docs/rules.md is out of date: run LEAFLINT_UPDATE_DOCS=1 cargo test -p leaflint-cli --test cli rules_reference");
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&["rules", "--format", "json"], None))).expect("json");
    for r in v.as_array().expect("rules") {
        let id = r["id"].as_str().expect("id");
        assert!(written.contains(&format!("<a id=\"rule-{id}\"></a>")), "no anchor for {id}");
    }
    assert_eq!(run(&["rules", "--reference", "--precision"], None).status.code(), Some(2));
}

#[test]
fn rules_and_explain() {
    let o = run(&["rules"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for id in ["long-sentence", "hard-sentence", "long-word", "long-paragraph"] {
        assert!(out.lines().any(|l| l.starts_with(id)), "{id}: {out}");
    }
    let o = run(&["rules", "--format", "json"], None);
    let v = json(&o);
    let ls = v.as_array().expect("rules").iter().find(|r| r["id"] == "long-sentence").expect("long-sentence").clone();
    assert_eq!(ls["default_severity"]["easy-read"], "warning");
    assert_eq!(ls["thresholds"][0]["default"]["easy-read"], 15.0);
    let o = run(&["explain", "long-sentence"], None);
    assert_eq!(o.status.code(), Some(0));
    // The measured agreement changes with every review of the corpus: checked below, not pinned.
    let out = stdout(&o);
    let (head, rest) = out.split_once("Measured on real leaflets").expect("measured section");
    let (measured, tail) = rest.split_once("\nSource").expect("source section");
    insta::assert_snapshot!("explain_long_sentence", format!("{head}Measured on real leaflets\n  …\n\nSource{tail}"));

    // `rules --precision`: each rule's agreement on the reviewed corpus, the same in `explain`.
    let o = run(&["rules", "--precision", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let rows = v.as_array().expect("rows");
    let ls = rows.iter().find(|r| r["id"] == "long-sentence").expect("long-sentence");
    let (agree, partly, disagree) = (ls["agree"].as_u64(), ls["partly"].as_u64(), ls["disagree"].as_u64());
    let (agree, partly, disagree) = (agree.expect("agree"), partly.expect("partly"), disagree.expect("disagree"));
    assert!(agree + partly + disagree >= 10, "long-sentence is measured on the corpus: {ls}");
    let share = ls["agreement"].as_f64().expect("agreement");
    assert!((share - agree as f64 / (agree + partly + disagree) as f64).abs() < 1e-9);
    let words: String = measured.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(&format!("({agree} of {}; {partly} partly right, {disagree} noise)", agree + partly + disagree)),
        "{words}"
    );
    let human = stdout(&run(&["rules", "--precision"], None));
    let line = human.lines().find(|l| l.starts_with("long-sentence ")).expect("long-sentence row");
    assert!(line.contains(&format!("{:.0}%", 100.0 * share)), "{line}");
    assert!(human.lines().any(|l| l.starts_with("all ")), "{human}");
}

#[test]
fn segments_show_units_words_and_syllable_sources() {
    let text = "Take 2 tablets.\n\n• See your GP.\n";
    let o = run(&["segments", "--format", "json", "-"], Some(text.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
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
    // Web copy (one line per paragraph): each line is a unit, and the layout is said.
    let web = "Taking your tablets\nTake 2 tablets each morning.\nSide effects\nYou may feel sick.\n";
    let o = run(&["segments", "--format", "json", "-"], Some(web.as_bytes()));
    let v = json(&o);
    let kinds: Vec<&str> = v["units"].as_array().expect("units").iter().filter_map(|u| u["kind"].as_str()).collect();
    assert_eq!(kinds, ["heading", "sentence", "heading", "sentence"]);
    assert!(v["notes"][0].as_str().is_some_and(|n| n.starts_with("Layout: one line per paragraph")), "{v}");
    let human = stdout(&run(&["segments", "-"], Some(web.as_bytes())));
    assert!(human.contains("stdin: 4 units\nnote: Layout: one line per paragraph"), "{human}");
}

#[test]
fn explain_adds_units_to_the_report() {
    let o = run(&["check", "--explain", "--format", "json", "-"], Some(b"Rest. Drink water."));
    assert_eq!(json(&o)["units"].as_array().map(Vec::len), Some(2));
    let o = run(&["check", "--format", "json", "-"], Some(b"Rest."));
    assert!(json(&o).get("units").is_none());
}

#[test]
fn shell_completions() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell], None);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let out = stdout(&o);
        assert!(out.contains("leaflint") && out.contains("fix-only"), "{shell}");
    }
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

// ---------------------------------------------------------------------------------------------
// picture

/// Filled and empty icons of an SVG written by `leaflint picture`.
fn icons(svg: &str) -> (usize, usize) {
    (svg.matches("data-filled=\"1\"").count(), svg.matches("data-filled=\"0\"").count())
}

#[test]
fn picture_writes_an_svg_to_stdout() {
    let o = run(&["picture", "3 in 10"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let svg = stdout(&o);
    assert_eq!(icons(&svg), (3, 7));
    insta::assert_snapshot!("picture_3_in_10", svg);
    // A percentage is drawn as SPEC §5.1 converts it.
    let svg = stdout(&run(&["picture", "20%"], None));
    assert_eq!(icons(&svg), (20, 80));
    assert!(svg.contains("<desc id=\"lf-ia-100-20-d\">20 in 100 people: 20 shaded, 80 not</desc>"), "{svg}");
    assert_eq!(icons(&stdout(&run(&["picture", "0.5%"], None))), (5, 995));
    assert_eq!(icons(&stdout(&run(&["picture", "1 out of 4"], None))), (25, 75));
    // Listed in the help, so completions know it too.
    assert!(stdout(&run(&["--help"], None)).contains("picture"));
    assert!(stdout(&run(&["completions", "bash"], None)).contains("picture"));
}

#[test]
fn picture_compare_and_label() {
    let o = run(&["picture", "1 in 4", "--compare", "3 in 100", "--label", "people who get worse"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = stdout(&o);
    assert_eq!(icons(&svg), (28, 172), "both arrays, in 100 icons each");
    assert!(
        svg.contains(">25 in 100 people who get worse, compared with 3 in 100 people who get worse</title>"),
        "{svg}"
    );
    insta::assert_snapshot!("picture_compare_label", svg);
    // Different bases are drawn in the larger one.
    let svg = stdout(&run(&["picture", "3 in 10", "--compare", "12 in 100"], None));
    assert_eq!(icons(&svg), (42, 158));
}

#[test]
fn picture_output_file_is_written_atomically() {
    let d = tmpdir();
    let o = run_in(d.path(), &["picture", "20 in 100", "--label", "women", "-o", "women.svg"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).starts_with("Wrote women.svg ("), "{}", stderr(&o));
    let svg = std::fs::read_to_string(d.path().join("women.svg")).expect("written");
    assert_eq!(svg, stdout(&run(&["picture", "20 in 100", "--label", "women"], None)));
    // Replaced in place; no temporary file left.
    let o = run_in(d.path(), &["picture", "5 in 10", "-o", "women.svg"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(icons(&std::fs::read_to_string(d.path().join("women.svg")).expect("read")), (5, 5));
    assert_eq!(std::fs::read_dir(d.path()).expect("dir").count(), 1);
    // A failed write leaves the old file as it was.
    let o = Command::new(env!("CARGO_BIN_EXE_leaflint"))
        .args(["picture", "9 in 10", "-o", "women.svg"])
        .current_dir(d.path())
        .env("LEAFLINT_FAULT_INJECT", "write")
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(icons(&std::fs::read_to_string(d.path().join("women.svg")).expect("read")), (5, 5));
    assert_eq!(std::fs::read_dir(d.path()).expect("dir").count(), 1);
}

#[test]
fn picture_invalid_input_is_one_sentence_and_exit_2() {
    let mut all = String::new();
    for args in [
        &["picture", "120 in 100"][..],
        &["picture", "0.5 in 10"],
        &["picture", "abc"],
        &["picture", "120%"],
        &["picture", "1 in 5,000"],
        &["picture", "1 in 10", "--compare", "often"],
    ] {
        let o = run(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        all.push_str(&format!(
            "$ leaflint {}\n{}\n",
            args.iter().map(|a| format!("{a:?}")).collect::<Vec<_>>().join(" "),
            err
        ));
    }
    insta::assert_snapshot!("picture_errors", all);
}
