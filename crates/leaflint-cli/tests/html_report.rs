//! The HTML report opened in headless Chromium: the DOM Chromium builds from it must hold one
//! highlight per span finding whose text is exactly the flagged text, and a screenshot is kept in
//! tests/artifacts/html-report/ (ignored by git) for people to look at.
//!
//! Pictures for numbers: the report of a leaflet with several risks shows each risk's icon array
//! (with the right number of filled icons) beside its sentence and in its findings, and icon
//! arrays rendered on their own show filled and empty icons clearly apart in greyscale
//! (screenshots in tests/artifacts/pictures/).
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

/// Chromium, or `None` (the test then passes with a note) unless `LEAFLINT_REQUIRE_CHROMIUM` is set.
fn chromium_or_skip() -> Option<PathBuf> {
    let bin = chromium();
    if bin.is_none() {
        assert!(
            std::env::var("LEAFLINT_REQUIRE_CHROMIUM").is_err(),
            "LEAFLINT_REQUIRE_CHROMIUM is set but no chromium was found"
        );
        eprintln!("skipped: no chromium on PATH (scripts/test.sh installs it)");
    }
    bin
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(bin) = chromium_or_skip() else { return };
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
    // A floor on coverage (14 span findings in the two sample files since the noisy rules went off).
    assert!(checked >= 12, "highlights checked: {checked}");
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

/// The part of `dom` from the element with `id` to the end of its list item.
fn item<'a>(dom: &'a str, id: &str) -> &'a str {
    let at = dom.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no element {id}"));
    let rest = &dom[at..];
    // List items here hold no nested list items.
    &rest[..rest.find("</li>").unwrap_or(rest.len())]
}

fn filled(html: &str) -> u64 {
    html.matches("data-filled=\"1\"").count() as u64
}

#[test]
fn icon_arrays_in_the_html_report() {
    let Some(bin) = chromium_or_skip() else { return };
    let leaflet = "crates/leaflint-cli/tests/data/risks/statins.md";
    let dir = root().join("tests/artifacts/html-report");
    std::fs::create_dir_all(&dir).expect("artifact dir");
    let html_path = dir.join("pictures.html");
    std::fs::write(&html_path, leaflint(&["check", "--no-config", "--format", "html", leaflet])).expect("write report");
    let report: serde_json::Value =
        serde_json::from_slice(&leaflint(&["check", "--no-config", "--format", "json", leaflet])).expect("json");
    let text = std::fs::read_to_string(root().join(leaflet)).expect("leaflet");
    let url = format!("file://{}", std::fs::canonicalize(&html_path).expect("abs").display());
    let profile = tempfile::tempdir().expect("profile dir");
    let dom = run_chromium(&bin, profile.path(), &["--dump-dom".into(), url.clone()]);
    assert!(dom.contains("Pictures for your numbers"), "the section is in the page Chromium built");

    // Every risk number: its sentence with the number in bold, and its icon array.
    let pictures = report["pictures"].as_array().expect("pictures");
    assert!(pictures.len() >= 5, "several risks: {}", pictures.len());
    for (k, p) in pictures.iter().enumerate() {
        let li = item(&dom, &format!("p0-{k}"));
        let number = p["text"].as_str().expect("text");
        let (s, e) =
            (p["span"]["start"].as_u64().expect("start") as usize, p["span"]["end"].as_u64().expect("end") as usize);
        assert_eq!(&text[s..e], number);
        assert!(li.contains(&format!("<strong>{number}</strong>")), "{number} in bold beside its array: {li}");
        let pic = &p["picture"];
        let want = pic["numerator"].as_u64().expect("n") + pic["compare"]["numerator"].as_u64().unwrap_or(0);
        assert_eq!(filled(li), want, "{number}: filled icons");
        let all = li.matches("data-filled=").count() as u64;
        assert_eq!(all, pic["denominator"].as_u64().expect("d") * if pic["compare"].is_null() { 1 } else { 2 });
        let alt = pic["alt"].as_str().expect("alt");
        assert!(li.contains(&format!("<figcaption>{alt}</figcaption>")) && li.contains("<title "), "{li}");
    }
    // Each finding with a picture shows it in the findings list.
    let mut with_picture = 0;
    for (i, f) in report["findings"].as_array().expect("findings").iter().enumerate() {
        let Some(pic) = f["data"].get("picture") else { continue };
        let li = item(&dom, &format!("l0-{i}"));
        let want = pic["numerator"].as_u64().expect("n") + pic["compare"]["numerator"].as_u64().unwrap_or(0);
        assert_eq!(filled(li), want, "finding {i} ({})", f["rule"]);
        with_picture += 1;
    }
    assert!(with_picture >= 3, "percentage and mixed-denominators findings carry pictures: {with_picture}");
    // Ids stay unique although the same numbers are drawn twice (finding and section).
    let mut ids: Vec<&str> = dom.split(" id=\"").skip(1).filter_map(|t| t.split('"').next()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "unique element ids");

    let shot = dir.join("pictures.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &bin,
        profile.path(),
        &["--window-size=1280,4000".into(), format!("--screenshot={}", shot.display()), url],
    );
    assert!(std::fs::read(&shot).expect("screenshot").starts_with(b"\x89PNG"));
    eprintln!("screenshot: {}", shot.display());
}

/// RGB rows of a PNG.
struct Image {
    width: usize,
    height: usize,
    rgb: Vec<[u8; 3]>,
}

impl Image {
    fn read(path: &Path) -> Image {
        let bytes = std::fs::read(path).expect("screenshot written");
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        let step = match info.color_type {
            png::ColorType::Rgba => 4,
            png::ColorType::Rgb => 3,
            other => panic!("unexpected colour type {other:?}"),
        };
        let rgb = buf[..info.buffer_size()].chunks(step).map(|p| [p[0], p[1], p[2]]).collect();
        Image { width: info.width as usize, height: info.height as usize, rgb }
    }
    /// Mean greyscale (Rec. 601 luma, 0–255) of the 3 × 3 pixels around (x, y).
    fn luma(&self, x: f64, y: f64) -> f64 {
        let (cx, cy) = (x as usize, y as usize);
        let mut sum = 0.0;
        for py in cy - 1..=cy + 1 {
            for px in cx - 1..=cx + 1 {
                assert!(px < self.width && py < self.height, "({px}, {py}) is outside the screenshot");
                let [r, g, b] = self.rgb[py * self.width + px];
                sum += 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
            }
        }
        sum / 9.0
    }
}

/// Each icon of an SVG: (centre of its body in pixels, filled). The icon is 10 × 19 units, its
/// body (torso) centred at (5, 9.6), placed by `translate(x y) scale(s)`.
fn icon_centres(svg: &str) -> Vec<((f64, f64), bool)> {
    svg.split("<use ")
        .skip(1)
        .map(|u| {
            let tr = u.split("translate(").nth(1).and_then(|t| t.split(')').next()).expect("translate");
            let mut xy = tr.split(' ').map(|v| v.parse::<f64>().expect("number"));
            let (x, y) = (xy.next().expect("x"), xy.next().expect("y"));
            let s: f64 = u.split("scale(").nth(1).and_then(|t| t.split(')').next()).expect("scale").parse().expect("s");
            ((x + 5.0 * s, y + 9.6 * s), u.contains("data-filled=\"1\""))
        })
        .collect()
}

#[test]
fn icon_arrays_render_filled_and_empty_apart_in_greyscale() {
    let Some(bin) = chromium_or_skip() else { return };
    let dir = root().join("tests/artifacts/pictures");
    std::fs::create_dir_all(&dir).expect("artifact dir");
    let profile = tempfile::tempdir().expect("profile dir");
    let cases: [(&str, &[&str]); 4] = [
        ("3-in-10", &["picture", "3 in 10"]),
        ("20-in-100", &["picture", "20 in 100", "--label", "people who get a headache"]),
        ("compare-25-vs-3-in-100", &["picture", "1 in 4", "--compare", "3 in 100"]),
        ("5-in-1000", &["picture", "5 in 1,000"]),
    ];
    for (name, args) in cases {
        let svg = String::from_utf8(leaflint(args)).expect("utf8");
        let svg_path = dir.join(format!("{name}.svg"));
        std::fs::write(&svg_path, &svg).expect("write svg");
        let size = |attr: &str| -> u32 {
            svg.split(&format!(" {attr}=\"")).nth(1).and_then(|t| t.split('"').next()).expect(attr).parse().expect(attr)
        };
        let (w, h) = (size("width"), size("height"));
        let shot = dir.join(format!("{name}.png"));
        let _ = std::fs::remove_file(&shot);
        let url = format!("file://{}", std::fs::canonicalize(&svg_path).expect("abs").display());
        run_chromium(
            &bin,
            profile.path(),
            &[
                format!("--window-size={w},{h}"),
                "--force-device-scale-factor=1".into(),
                format!("--screenshot={}", shot.display()),
                url,
            ],
        );
        let img = Image::read(&shot);
        assert!(img.width >= w as usize && img.height >= h as usize, "{name}: {}×{}", img.width, img.height);
        let icons = icon_centres(&svg);
        let (mut full, mut empty): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
        for ((x, y), is_filled) in &icons {
            let l = img.luma(*x, *y);
            if *is_filled {
                full.push(l);
            } else {
                empty.push(l);
            }
        }
        assert_eq!(full.len() + empty.len(), icons.len());
        assert!(!full.is_empty() && !empty.is_empty(), "{name}");
        let darkest_empty = empty.iter().copied().fold(f64::MAX, f64::min);
        let lightest_full = full.iter().copied().fold(0.0, f64::max);
        // Filled icons are dark, empty ones white inside a grey outline: clearly apart in greyscale
        // (and so in black-and-white print), for every icon.
        assert!(
            darkest_empty - lightest_full >= 30.0,
            "{name}: lightest filled icon {lightest_full:.0}, darkest empty icon {darkest_empty:.0} (of 255)"
        );
        assert!(lightest_full < 160.0 && darkest_empty > 200.0, "{name}: {lightest_full:.0} / {darkest_empty:.0}");
        eprintln!(
            "{name}: {} filled (luma ≤ {lightest_full:.0}), {} empty (luma ≥ {darkest_empty:.0}); screenshot {}",
            full.len(),
            empty.len(),
            shot.display()
        );
    }
}
