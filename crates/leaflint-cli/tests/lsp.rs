//! `leaflint lsp` spoken to over JSON-RPC, as an editor does: the binary is spawned and every
//! message goes through its standard input and output.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(60);

/// A client: the server process, its input, and the messages it sent (read on a thread).
struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for something else.
    backlog: Vec<Value>,
    /// What the client answers to `workspace/configuration`.
    settings: Value,
}

fn binary() -> PathBuf {
    // LEAFLINT_BIN measures another build (for example the release binary) with the same test.
    std::env::var_os("LEAFLINT_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_leaflint")), PathBuf::from)
}

impl Client {
    fn start(dir: &Path, envs: &[(&str, &str)], init_options: Value, capabilities: Value) -> Client {
        let mut cmd = Command::new(binary());
        // The server writes its rule reference to the cache folder: keep it in the test's folder.
        cmd.env("XDG_CACHE_HOME", dir.join(".cache"));
        cmd.arg("lsp").current_dir(dir).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn leaflint lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap_or(0);
                    }
                }
                let mut buf = vec![0; len];
                if r.read_exact(&mut buf).is_err() {
                    return;
                }
                let Ok(v) = serde_json::from_slice::<Value>(&buf) else { return };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut c = Client { child, stdin, rx, next_id: 0, backlog: Vec::new(), settings: Value::Null };
        let root = format!("file://{}", dir.display());
        let init = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": root, "capabilities": capabilities, "initializationOptions": init_options }),
        );
        assert_eq!(init["capabilities"]["hoverProvider"], json!(true), "{init}");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and wait for its result (server requests met on the way are answered).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let msg = self.wait(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none());
        assert!(msg.get("error").is_none(), "{method}: {msg}");
        msg["result"].clone()
    }

    /// The next message matching `want` (others are kept for later waits).
    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        let end = Instant::now() + WAIT;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            let m = self.rx.recv_timeout(left).expect("the server answered in time");
            // Answer the server's own requests as a minimal client would.
            if let (Some(id), Some(method)) = (m.get("id"), m.get("method").and_then(Value::as_str)) {
                let result = if method == "workspace/configuration" { json!([self.settings]) } else { json!(null) };
                let reply = json!({ "jsonrpc": "2.0", "id": id, "result": result });
                self.send(&reply);
            }
            if want(&m) {
                return m;
            }
            self.backlog.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri);
        m["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    fn change_full(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", json!(null));
        assert_eq!(r, Value::Null);
        self.notify("exit", json!(null));
        let end = Instant::now() + WAIT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            assert!(Instant::now() < end, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn rss_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().filter_map(|d| d["code"].as_str().map(str::to_owned)).collect()
}

const UTF16: &str = "utf-16";

fn caps(encodings: &[&str]) -> Value {
    json!({
        "general": { "positionEncodings": encodings },
        "workspace": { "configuration": true, "didChangeWatchedFiles": { "dynamicRegistration": true } },
    })
}

#[test]
fn open_change_code_action_hover_scores_and_shutdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("leaflet.md");
    // The file on disk differs from the buffer: the buffer is what gets checked.
    std::fs::write(&path, "Rest.\n").expect("write");
    let u = uri(&path);
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    let text = "# Your medicine 😷\n\nTake 2 tabs bd with food. You should commence treatment on Monday.\n";
    c.open(&u, "markdown", text);
    let diags = c.diagnostics(&u);
    let got = codes(&diags);
    assert!(got.iter().any(|c| c == "clinical-shorthand"), "{got:?}");
    let rules_doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md")).expect("docs/rules.md");
    for d in &diags {
        assert_eq!(d["source"], "leaflint");
        assert!(d["severity"].as_u64().is_some_and(|s| (1..=3).contains(&s)), "{d}");
        // The code links to the rule's own section of docs/rules.md.
        let href = d["codeDescription"]["href"].as_str().unwrap_or("");
        let code = d["code"].as_str().unwrap_or("-");
        assert!(href.ends_with(&format!("/docs/rules.md#rule-{code}")), "{d}");
        // A local copy written by the server (works offline, matches this version).
        assert!(href.starts_with("file:///"), "{d}");
        let local = href.trim_start_matches("file://").split('#').next().unwrap_or("");
        let local = std::fs::read_to_string(local.replace("%20", " ")).expect("the linked rules.md exists");
        assert_eq!(local, rules_doc, "the linked page is this version's docs/rules.md");
        assert!(rules_doc.contains(&format!("<a id=\"rule-{code}\"></a>")), "no section for {code}");
    }
    // "tabs" is on line 2 at character 7 (the emoji on line 0 does not shift it).
    let bd = diags.iter().find(|d| d["code"] == "clinical-shorthand").cloned().expect("tabs");
    assert_eq!(bd["range"]["start"], json!({ "line": 2, "character": 7 }), "{bd}");
    assert_eq!(bd["range"]["end"], json!({ "line": 2, "character": 11 }), "{bd}");
    let shorthand = got.iter().filter(|c| *c == "clinical-shorthand").count();

    // Code actions at "bd": its fix (preferred only when safe), "turn off" and a fix-all source action.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": u }, "range": bd["range"], "context": { "diagnostics": [bd] } }),
    );
    let actions = actions.as_array().cloned().unwrap_or_default();
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(titles.iter().any(|t| t.contains("tablets")), "{titles:?}");
    let off = actions.iter().find(|a| a["title"] == "Turn off clinical-shorthand on this line").expect("turn off");
    let edit = &off["edit"]["changes"][&u][0];
    assert_eq!(edit["newText"], "<!-- leaflint-disable-next-line clinical-shorthand -->\n");
    assert_eq!(edit["range"]["start"], json!({ "line": 2, "character": 0 }));

    // Apply the fix as a client would and send the change (incremental sync).
    let fix = actions
        .iter()
        .find(|a| a["edit"]["changes"][&u][0]["newText"].as_str().is_some_and(|t| t.contains("tablets")))
        .expect("fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true, "a safe, single fix is preferred: {fix}");
    assert_eq!(off["kind"], "quickfix");
    assert!(off.get("isPreferred").is_none_or(|p| p != true), "turning a rule off is never preferred: {off}");
    let e = &fix["edit"]["changes"][&u][0];
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "range": e["range"], "text": e["newText"] }] }),
    );
    let after = codes(&c.diagnostics(&u));
    assert_eq!(after.iter().filter(|c| *c == "clinical-shorthand").count(), shorthand - 1, "{after:?}");

    let d2 = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": u }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 3, "character": 0 } }, "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let d2 = d2.as_array().cloned().unwrap_or_default();
    assert_eq!(d2.len(), 1, "one fix-all action: {d2:?}");
    assert_eq!(d2[0]["kind"], "source.fixAll.leaflint");
    // Applied, it leaves no safe fix behind: "bd" becomes "2 times a day".
    let e = &d2[0]["edit"]["changes"][&u][0];
    assert_eq!(e["newText"], "2 times a day", "{d2:?}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 3 }, "contentChanges": [{ "range": e["range"], "text": e["newText"] }] }),
    );
    let after = codes(&c.diagnostics(&u));
    assert!(!after.iter().any(|c| c == "clinical-shorthand"), "{after:?}");
    let all_now = c.request("workspace/executeCommand", json!({ "command": "leaflint.scores", "arguments": [u] }));
    assert!(all_now["readingAge"].as_f64().is_some(), "{all_now}");
    assert!(["pass", "acceptable", "too hard"].contains(&all_now["verdict"].as_str().unwrap_or("")), "{all_now}");
    assert!(all_now.get("numeracyLoad").is_some(), "{all_now}");

    let diags = c.diagnostics_now(&u);
    if let Some(d) = diags.first() {
        let hover =
            c.request("textDocument/hover", json!({ "textDocument": { "uri": u }, "position": d["range"]["start"] }));
        let md = hover["contents"]["value"].as_str().unwrap_or("");
        assert!(md.contains("Why it matters") && md.contains("Plainer") && md.contains("Source"), "{md}");
    }
    let lens = c.request("textDocument/codeLens", json!({ "textDocument": { "uri": u } }));
    assert!(lens[0]["command"]["title"].as_str().is_some_and(|t| t.starts_with("Reading age")), "{lens}");
    c.shutdown();
}

impl Client {
    /// Diagnostics of `uri` as the server has them now (asks for a code lens first so that the
    /// last publication has arrived, then takes the latest one seen).
    fn diagnostics_now(&mut self, uri: &str) -> Vec<Value> {
        let _ = self.request("textDocument/codeLens", json!({ "textDocument": { "uri": uri } }));
        let latest = self
            .backlog
            .iter()
            .rev()
            .find(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            .cloned();
        self.backlog.retain(|m| m["method"] != "textDocument/publishDiagnostics");
        latest.map(|m| m["params"]["diagnostics"].as_array().cloned().unwrap_or_default()).unwrap_or_default()
    }
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = uri(&dir.path().join("a.txt"));
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&["utf-8", UTF16]));
    c.open(&u, "plaintext", "Café 😷 — take 2 tabs bd.\n");
    let d = c.diagnostics(&u);
    let tabs = d.iter().find(|d| d["code"] == "clinical-shorthand").expect("tabs");
    // Bytes: "Café " 6, emoji 4, " — " 5, "take 2 " 7.
    assert_eq!(tabs["range"]["start"]["character"], 22, "{tabs}");
    c.shutdown();
    // The same text in UTF-16: "Café " 5, emoji 2, " — " 3, "take 2 " 7.
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    c.open(&u, "plaintext", "Café 😷 — take 2 tabs bd.\n");
    let d = c.diagnostics(&u);
    let tabs = d.iter().find(|d| d["code"] == "clinical-shorthand").expect("tabs");
    assert_eq!(tabs["range"]["start"]["character"], 17, "{tabs}");
    c.shutdown();
}

#[test]
fn related_places_point_at_the_later_uses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = uri(&dir.path().join("a.md"));
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    let text = "Nausea is common.\n\nThe nausea passes. Some nausea lasts longer.\n";
    c.open(&u, "markdown", text);
    let d = c.diagnostics(&u);
    let jargon = d.iter().find(|d| d["code"] == "medical-jargon").expect("nausea is jargon");
    assert_eq!(jargon["range"]["start"], json!({ "line": 0, "character": 0 }), "{jargon}");
    let related = jargon["relatedInformation"].as_array().cloned().unwrap_or_default();
    let at: Vec<(&Value, &Value)> = related
        .iter()
        .map(|r| (&r["location"]["range"]["start"]["line"], &r["location"]["range"]["start"]["character"]))
        .collect();
    assert_eq!(at, vec![(&json!(2), &json!(4)), (&json!(2), &json!(24))], "{jargon}");
    for r in &related {
        assert_eq!(r["location"]["uri"], u);
        assert_eq!(
            r["location"]["range"]["end"]["character"].as_u64(),
            r["location"]["range"]["start"]["character"].as_u64().map(|c| c + 6)
        );
        assert!(r["message"].as_str().is_some_and(|m| !m.is_empty()), "{r}");
    }
    c.shutdown();
}

/// Plain text, Markdown and HTML: each is checked as its format, and "turn off RULE on this
/// line" writes that format's comment, which really silences the finding.
#[test]
fn each_format_and_its_turn_off_comment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    let cases = [
        (
            "a.txt",
            "plaintext",
            "Your tablets\n\nTake 2 tabs each morning.\n",
            2,
            "leaflint-disable-next-line clinical-shorthand\n",
        ),
        (
            "a.md",
            "markdown",
            "# Your tablets\n\nTake 2 tabs each morning.\n",
            2,
            "<!-- leaflint-disable-next-line clinical-shorthand -->\n",
        ),
        (
            "a.html",
            "html",
            "<html><body>\n<h1>Your tablets</h1>\n<p>Take 2 tabs each morning.</p>\n</body></html>\n",
            2,
            "<!-- leaflint-disable-next-line clinical-shorthand -->\n",
        ),
        // No language id the server knows: the extension decides.
        (
            "b.htm",
            "",
            "<p>Take 2 tabs each morning.</p>\n",
            0,
            "<!-- leaflint-disable-next-line clinical-shorthand -->\n",
        ),
    ];
    for (name, lang, text, line, comment) in cases {
        let u = uri(&dir.path().join(name));
        c.open(&u, lang, text);
        let d = c.diagnostics(&u);
        let tabs =
            d.iter().find(|d| d["code"] == "clinical-shorthand").cloned().unwrap_or_else(|| panic!("{name}: {d:?}"));
        assert_eq!(tabs["range"]["start"]["line"], line, "{name}: {tabs}");
        let actions = c.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": u }, "range": tabs["range"], "context": { "diagnostics": [tabs] } }),
        );
        let off = actions
            .as_array()
            .and_then(|a| a.iter().find(|a| a["title"] == "Turn off clinical-shorthand on this line"))
            .cloned()
            .unwrap_or_else(|| panic!("{name}: {actions}"));
        let e = &off["edit"]["changes"][&u][0];
        assert_eq!(e["newText"], comment, "{name}");
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "range": e["range"], "text": e["newText"] }] }),
        );
        let after = c.diagnostics(&u);
        assert!(
            !codes(&after).iter().any(|c| c == "clinical-shorthand"),
            "{name}: still flagged after {comment:?}: {after:?}"
        );
    }
    c.shutdown();
}

#[test]
fn config_file_allow_word_and_broken_config() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = dir.path().join("leaflint.toml");
    std::fs::write(&toml, "# team words\nprofile = \"nhs\"\n").expect("write");
    let u = uri(&dir.path().join("a.txt"));
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    let text = "You should commence treatment on Monday.\n";
    c.open(&u, "plaintext", text);
    let d = c.diagnostics(&u);
    let word = d.iter().find(|d| d["code"] == "complex-word").expect("commence is flagged");
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": u }, "range": word["range"], "context": { "diagnostics": [word] } }),
    );
    let allow = actions
        .as_array()
        .and_then(|a| a.iter().find(|a| a["command"]["command"] == "leaflint.allowWord"))
        .cloned()
        .expect("allow action");
    let cmd = &allow["command"];
    c.request("workspace/executeCommand", json!({ "command": cmd["command"], "arguments": cmd["arguments"] }));
    let written = std::fs::read_to_string(&toml).expect("read");
    assert_eq!(written, "# team words\nprofile = \"nhs\"\nallow-words = [\"commence\"]\n");
    let d = c.diagnostics(&u);
    assert!(!codes(&d).iter().any(|c| c == "complex-word"), "{d:?}");

    c.backlog.clear();
    // A broken config: one diagnostic on the config file, and the document is still checked.
    std::fs::write(&toml, "profile = \"nhs\"\ncolour = true\n").expect("write");
    c.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&toml), "type": 2 }] }));
    let bad = c.diagnostics(&uri(&toml));
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0]["range"]["start"]["line"], 1);
    assert!(bad[0]["message"].as_str().is_some_and(|m| m.contains("colour")), "{bad:?}");
    let d = c.diagnostics(&u);
    assert!(codes(&d).iter().any(|c| c == "complex-word"), "defaults again: {d:?}");

    // Client settings (pulled with workspace/configuration) turn a rule off.
    c.settings = json!({ "rules": { "complex-word": false }, "profile": "us" });
    c.notify("workspace/didChangeConfiguration", json!({ "settings": null }));
    let _ = c.wait(|m| m["method"] == "workspace/configuration");
    let d = c.diagnostics(&u);
    assert!(!codes(&d).iter().any(|c| c == "complex-word"), "{d:?}");
    c.shutdown();
}

#[test]
fn hostile_text_in_one_document_does_not_take_the_server_down() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c =
        Client::start(dir.path(), &[("LEAFLINT_LSP_TEST_PANIC", "1")], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    // A very long line, a word of 100,000 letters, combining marks and control characters.
    let mut hostile = "Take 2 tabs bd, ".repeat(2_000);
    hostile.push_str(&"a".repeat(100_000));
    hostile.push_str(&"e\u{301}".repeat(5_000));
    hostile.push_str("\u{0}\u{7}\u{feff}\r\r\n");
    let h = uri(&dir.path().join("hostile.txt"));
    c.open(&h, "plaintext", &hostile);
    let d = c.diagnostics(&h);
    assert!(!d.is_empty());
    // Edits far past the end of a line or the text are clamped, not a crash.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": h, "version": 2 }, "contentChanges": [{ "range": { "start": { "line": 99, "character": 5 }, "end": { "line": 0, "character": 9_999_999 } }, "text": "x" }] }),
    );
    let _ = c.diagnostics(&h);
    // HTML nested deeper than the engine reads (the command line's stated limit): one diagnostic
    // saying so.
    let deep = uri(&dir.path().join("deep.html"));
    c.open(&deep, "html", &format!("{}Take 2 tabs bd.", "<div>".repeat(5_000)));
    let d = c.diagnostics(&deep);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0]["message"].as_str().is_some_and(|m| m.contains("512 deep")), "{d:?}");
    // A check that panics (the test hook, on in any build with LEAFLINT_LSP_TEST_PANIC) is one
    // diagnostic on that document, and the server lives on.
    let p = uri(&dir.path().join("panic.txt"));
    c.open(&p, "plaintext", "leaflint-test-panic\n");
    let d = c.diagnostics(&p);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0]["message"].as_str().is_some_and(|m| m.contains("could not check")), "{d:?}");
    let ok = uri(&dir.path().join("ok.txt"));
    c.open(&ok, "plaintext", "Take 2 tabs bd.\n");
    assert!(codes(&c.diagnostics(&ok)).iter().any(|c| c == "clinical-shorthand"));
    c.shutdown();
}

/// Latency from a change to its diagnostics (debounce 0, so the debounce is excluded) on a 20 KB
/// document, and RSS before and after 1,000 edits. Run on the release build:
/// `cargo build --release -p leaflint-cli && LEAFLINT_BIN=target/release/leaflint cargo test -p
/// leaflint-cli --test lsp -- --ignored --nocapture measure`.
#[test]
#[ignore = "a measurement; run by hand on the release binary (see the README)"]
fn measure_latency_and_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = uri(&dir.path().join("leaflet.md"));
    let para = "## Taking your tablets\n\nTake 2 tablets twice a day with food. If you forget a dose, take it when you remember, unless it is nearly time for the next one. Do not take 2 doses at once to make up for a missed one. About 1 in 10 people get a headache in the first week; it usually goes away on its own.\n\n";
    let mut text = String::new();
    while text.len() < 20_000 {
        text.push_str(para);
    }
    let mut c = Client::start(dir.path(), &[], json!({ "debounceMs": 0 }), caps(&[UTF16]));
    c.open(&u, "markdown", &text);
    let _ = c.diagnostics(&u);
    let rss_before = c.rss_kb();
    let mut times = Vec::new();
    for i in 0..1000 {
        // Alternate a word so the text (and its findings) really change.
        let t = if i % 2 == 0 { text.replacen("headache", "migraine", 1) } else { text.clone() };
        let start = Instant::now();
        c.change_full(&u, i + 2, &t);
        let _ = c.diagnostics(&u);
        times.push(start.elapsed());
    }
    let rss_after = c.rss_kb();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} bytes, {} changes: median {:.1} ms, p90 {:.1} ms, max {:.1} ms; RSS {} KB before, {} KB after 1,000 edits",
        text.len(),
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(times[times.len() - 1]),
        rss_before,
        rss_after
    );
    c.shutdown();
}
