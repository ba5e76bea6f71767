//! The HTML report opened in headless Chromium: the DOM Chromium builds from it must hold one
//! highlight per span finding whose text is exactly the flagged text, and a screenshot is kept in
//! tests/artifacts/html-report/ (ignored by git) for people to look at.
//!
//! Chromium is Debian's `chromium` (scripts/test.sh installs it). Without it this test says so
//! and passes, unless `LEAFLINT_REQUIRE_CHROMIUM=1` (set by scripts/test.sh) makes it fail.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// Run Chromium headless with `args`, killing it after a minute. Returns stdout.
fn run_chromium(bin: &Path, profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // Read stdout while Chromium runs: a DOM dump larger than the pipe buffer would otherwise
    // block it forever.
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.wait();
    String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned()
}

fn leaflint(args: &[&str]) -> Vec<u8> {
    let out =
        Command::new(env!("CARGO_BIN_EXE_leaflint")).args(args).current_dir(root()).output().expect("leaflint runs");
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The text under each `data-finding` id in a serialised DOM, nested marks' text included.
fn mark_texts(dom: &str) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = dom;
    while let Some(i) = rest.find('<') {
        for id in &stack {
            out.entry(id.clone()).or_default().push_str(&rest[..i]);
        }
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..end];
        if tag.starts_with("<mark") {
            let id = tag.split("data-finding=\"").nth(1).and_then(|t| t.split('"').next()).unwrap_or("legend");
            stack.push(id.to_owned());
        } else if tag == "</mark>" {
            stack.pop();
        }
        rest = &rest[end..];
    }
    out.into_iter().map(|(k, v)| (k, unescape(&v))).collect()
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(bin) = chromium() else {
        assert!(
            std::env::var("LEAFLINT_REQUIRE_CHROMIUM").is_err(),
            "LEAFLINT_REQUIRE_CHROMIUM is set but no chromium was found"
        );
        eprintln!("skipped: no chromium on PATH (scripts/test.sh installs it)");
        return;
    };
    let inputs = ["samples/metformin-leaflet.txt", "crates/leaflint-cli/tests/data/leaflets"];
    let dir = root().join("tests/artifacts/html-report");
    std::fs::create_dir_all(&dir).expect("artifact dir");
    let html_path = dir.join("report.html");
    let mut args = vec!["check", "--no-config", "--format", "html"];
    args.extend(inputs);
    std::fs::write(&html_path, leaflint(&args)).expect("write report");
    let mut args = vec!["check", "--no-config", "--format", "json"];
    args.extend(inputs);
    let reports: serde_json::Value = serde_json::from_slice(&leaflint(&args)).expect("json");
    let reports = reports.as_array().expect("several reports").clone();
    let url = format!("file://{}", std::fs::canonicalize(&html_path).expect("abs").display());
    let profile = tempfile::tempdir().expect("profile dir");

    let dom = run_chromium(&bin, profile.path(), &["--dump-dom".into(), url.clone()]);
    assert!(dom.contains("leaflint report"), "Chromium rendered the page: {}", &dom[..dom.len().min(500)]);
    let marks = mark_texts(&dom);
    let mut checked = 0;
    for (d, report) in reports.iter().enumerate() {
        let name = report["source"]["name"].as_str().expect("name");
        let text = std::fs::read_to_string(root().join(name)).expect("source text");
        for (i, f) in report["findings"].as_array().expect("findings").iter().enumerate() {
            let (s, e) = (
                f["span"]["start"].as_u64().expect("start") as usize,
                f["span"]["end"].as_u64().expect("end") as usize,
            );
            if f["scope"] != "span" || s == e {
                continue;
            }
            let got = marks.get(&format!("{d}-{i}")).unwrap_or_else(|| panic!("no highlight for {name} finding {i}"));
            assert_eq!(got, &text[s..e], "{name} finding {i} ({})", f["rule"]);
            checked += 1;
        }
    }
    assert!(checked >= 15, "highlights checked: {checked}");
    // The scores panel and its numbers are in the page Chromium built.
    assert!(dom.contains("class=\"gauge\"") && dom.contains("Reading age"));
    let load = dom.split("Numeracy load</th><td>").nth(1).expect("numeracy load row");
    assert!(load.starts_with(|c: char| c.is_ascii_digit()), "the numeracy load is shown");

    let shot = dir.join("report.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &bin,
        profile.path(),
        &["--window-size=1280,2200".into(), format!("--screenshot={}", shot.display()), url],
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a real screenshot: {} bytes", png.len());
    eprintln!("screenshot: {}", shot.display());
}
