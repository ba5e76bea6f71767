//! The message loop and the handlers (see the crate docs for what each does).

use crate::position::{Encoding, Lines};
use leaflint::autofix::{fix_text, FixOptions};
use leaflint::report::TargetStatus;
use leaflint::rules::WORD_PRECEDENCE;
use leaflint::{Applicability, Config, Finding, Format, Profile, Report, Severity};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeDescription, CodeLens, Command, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, Hover, HoverContents, HoverParams, Location, MarkupContent,
    MarkupKind, NumberOrString, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

/// Where a diagnostic's code links to: the rule's section of `docs/rules.md` (written by
/// `leaflint rules --reference` from the rule registry; a CLI test keeps it current). The server
/// carries that page and writes it to the user's cache folder, so the link works offline and
/// matches this version; the repository's copy is the fallback when no cache folder is writable.
const RULE_DOCS: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules.md#rule-");
/// The rule reference, as this version wrote it.
const RULES_MD: &str = include_str!("../../../docs/rules.md");
/// The base of every code link (`…/docs/rules.md#rule-`), set once at start-up.
static DOCS_BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Write the rule reference to `$XDG_CACHE_HOME/leaflint/VERSION/docs/rules.md` (or
/// `~/.cache/…`, else the temporary folder) unless it is there already, and return the link base
/// to it.
fn local_rule_docs() -> Option<String> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    let dir = cache.join("leaflint").join(leaflint::VERSION).join("docs");
    let path = dir.join("rules.md");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(RULES_MD) {
        std::fs::create_dir_all(&dir).ok()?;
        // Written whole, then renamed: a second server starting at once never reads half a page.
        let tmp = dir.join(format!("rules.md.{}", std::process::id()));
        std::fs::write(&tmp, RULES_MD).ok()?;
        std::fs::rename(&tmp, &path).ok()?;
    }
    let abs = path.canonicalize().ok()?;
    path_to_uri(&abs).map(|u| format!("{}#rule-", u.as_str()))
}

fn docs_base() -> &'static str {
    DOCS_BASE.get_or_init(|| local_rule_docs().unwrap_or_else(|| RULE_DOCS.to_owned()))
}
/// The commands the server runs itself.
const CMD_ALLOW: &str = "leaflint.allowWord";
const CMD_SCORES: &str = "leaflint.scores";
/// The source action that applies every safe fix.
const FIX_ALL: &str = "source.fixAll.leaflint";

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Wait this long after the last change before checking (the client's `debounceMs`
    /// initialization option overrides it).
    pub debounce: Duration,
    /// Panic inside the check of any text containing `leaflint-test-panic`, to test the guard
    /// around each check (`leaflint lsp` sets it when `LEAFLINT_LSP_TEST_PANIC` is set).
    pub test_panic: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { debounce: Duration::from_millis(150), test_panic: false }
    }
}

/// One open document.
struct Doc {
    uri: Uri,
    text: String,
    lines: Lines,
    version: i32,
    format: Format,
    path: Option<PathBuf>,
    /// A `leaflint.toml` open in the editor: validated, never checked as prose.
    is_config: bool,
    /// When to check it next (after the debounce), if a change is waiting.
    due: Option<Instant>,
    /// The last report and its diagnostics (parallel to the findings).
    report: Option<Report>,
    diagnostics: Vec<Diagnostic>,
}

/// A config file as loaded.
#[derive(Clone)]
enum Loaded {
    Ok(Box<Config>),
    Broken { message: String, line: usize },
}

/// Settings from the client (`workspace/configuration`, `didChangeConfiguration`).
#[derive(Clone, Debug, Default)]
struct ClientSettings {
    profile: Option<Profile>,
    rules: Vec<(String, bool)>,
}

/// What a request the server sent was for.
enum Pending {
    Configuration,
    Other,
}

struct Server {
    conn: Connection,
    enc: Encoding,
    debounce: Duration,
    docs: HashMap<String, Doc>,
    configs: HashMap<PathBuf, Loaded>,
    client: ClientSettings,
    roots: Vec<PathBuf>,
    next_id: i32,
    pending: HashMap<RequestId, Pending>,
    pull_config: bool,
    test_panic: bool,
}

/// Serve `connection`: the initialize handshake, then messages until `exit`.
pub fn serve(connection: Connection, options: Options) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| format!("initialize: {e}"))?;
    let init: lsp_types::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let offered = init.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    let enc = if offered.is_some_and(|o| o.contains(&lsp_types::PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let opts = init.initialization_options.clone().unwrap_or(Value::Null);
    let debounce = opts.get("debounceMs").and_then(Value::as_u64).map_or(options.debounce, Duration::from_millis);
    let ws = init.capabilities.workspace.as_ref();
    let pull_config = ws.and_then(|w| w.configuration).unwrap_or(false);
    let watch = ws.and_then(|w| w.did_change_watched_files.as_ref()).and_then(|d| d.dynamic_registration);
    #[allow(deprecated)]
    let mut roots: Vec<PathBuf> = init
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| uri_to_path(f.uri.as_str()))
        .chain(init.root_uri.as_ref().and_then(|u| uri_to_path(u.as_str())))
        .collect();
    roots.sort_by_key(|r| std::cmp::Reverse(r.as_os_str().len()));
    let caps = json!({
        "positionEncoding": if enc == Encoding::Utf8 { "utf-8" } else { "utf-16" },
        "textDocumentSync": { "openClose": true, "change": 2, "save": true },
        "codeActionProvider": { "codeActionKinds": ["quickfix", FIX_ALL] },
        "hoverProvider": true,
        "codeLensProvider": { "resolveProvider": false },
        "executeCommandProvider": { "commands": [CMD_ALLOW, CMD_SCORES] },
    });
    let result = json!({
        "capabilities": caps,
        "serverInfo": { "name": "leaflint", "version": leaflint::VERSION },
    });
    connection.initialize_finish(id, result).map_err(|e| format!("initialize: {e}"))?;
    docs_base(); // write the rule reference once, before the first diagnostics
    let mut server = Server {
        conn: connection,
        enc,
        debounce,
        docs: HashMap::new(),
        configs: HashMap::new(),
        client: ClientSettings::default(),
        roots,
        next_id: 0,
        pending: HashMap::new(),
        pull_config,
        test_panic: options.test_panic,
    };
    server.client = server.parse_client_settings(&opts);
    if watch == Some(true) {
        let reg = json!({ "registrations": [{
            "id": "leaflint-toml",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": { "watchers": [{ "globPattern": "**/leaflint.toml" }] },
        }]});
        server.request("client/registerCapability", reg, Pending::Other);
    }
    server.run()
}

impl Server {
    fn run(&mut self) -> Result<(), String> {
        loop {
            let wait =
                self.docs.values().filter_map(|d| d.due).min().map(|d| d.saturating_duration_since(Instant::now()));
            let msg = match wait {
                Some(w) => match self.conn.receiver.recv_timeout(w) {
                    Ok(m) => Some(m),
                    Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                    Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(()),
                },
                None => match self.conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                Some(Message::Request(req)) => {
                    if self.conn.handle_shutdown(&req).map_err(|e| format!("shutdown: {e}"))? {
                        return Ok(());
                    }
                    let (id, method) = (req.id.clone(), req.method.clone());
                    if catch_unwind(AssertUnwindSafe(|| self.on_request(req))).is_err() {
                        let msg = format!("leaflint: internal error while answering {method}");
                        self.send(Response::new_err(id, lsp_server::ErrorCode::InternalError as i32, msg));
                    }
                }
                Some(Message::Notification(n)) => {
                    if n.method == "exit" {
                        return Ok(());
                    }
                    let _ = catch_unwind(AssertUnwindSafe(|| self.on_notification(n)));
                }
                Some(Message::Response(r)) => {
                    let _ = catch_unwind(AssertUnwindSafe(|| self.on_response(r)));
                }
                None => {}
            }
            let now = Instant::now();
            let due: Vec<String> =
                self.docs.iter().filter(|(_, d)| d.due.is_some_and(|t| t <= now)).map(|(k, _)| k.clone()).collect();
            for key in due {
                // `check` guards the engine itself; this guards the adapter around it.
                if catch_unwind(AssertUnwindSafe(|| self.check(&key))).is_err() {
                    if let Some(d) = self.docs.get_mut(&key) {
                        d.due = None;
                    }
                }
            }
        }
    }

    // --- sending ---

    fn send(&self, msg: impl Into<Message>) {
        // A closed channel means the client is gone; the loop ends on the next receive.
        let _ = self.conn.sender.send(msg.into());
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_owned(), params));
    }

    fn request(&mut self, method: &str, params: Value, pending: Pending) {
        self.next_id += 1;
        let id = RequestId::from(format!("leaflint-{}", self.next_id));
        self.pending.insert(id.clone(), pending);
        self.send(Request::new(id, method.to_owned(), params));
    }

    fn show(&self, kind: u8, message: &str) {
        self.notify("window/showMessage", json!({ "type": kind, "message": message }));
    }

    // --- notifications ---

    fn on_notification(&mut self, n: Notification) {
        let p = n.params;
        match n.method.as_str() {
            "initialized" if self.pull_config => {
                self.request(
                    "workspace/configuration",
                    json!({ "items": [{ "section": "leaflint" }] }),
                    Pending::Configuration,
                );
            }
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(p) else { return };
                let d = p.text_document;
                let path = uri_to_path(d.uri.as_str());
                let is_config =
                    path.as_ref().is_some_and(|p| p.file_name().is_some_and(|f| f == leaflint_config::FILE_NAME));
                let doc = Doc {
                    format: format_of(&d.language_id, path.as_deref()),
                    lines: Lines::new(&d.text),
                    text: d.text,
                    version: d.version,
                    path,
                    is_config,
                    due: None,
                    report: None,
                    diagnostics: Vec::new(),
                    uri: d.uri.clone(),
                };
                let key = d.uri.as_str().to_owned();
                self.docs.insert(key.clone(), doc);
                if is_config {
                    self.config_changed();
                } else {
                    self.check(&key);
                }
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(p) else { return };
                let enc = self.enc;
                let debounce = self.debounce;
                let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str()) else { return };
                for change in p.content_changes {
                    match change.range {
                        Some(r) => {
                            let a = doc.lines.offset(&doc.text, r.start, enc);
                            let b = doc.lines.offset(&doc.text, r.end, enc).max(a);
                            doc.text.replace_range(a..b, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                    doc.lines = Lines::new(&doc.text);
                }
                doc.version = p.text_document.version;
                if doc.is_config {
                    self.config_changed();
                } else {
                    doc.due = Some(Instant::now() + debounce);
                }
            }
            "textDocument/didSave" => {}
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(p) else { return };
                if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
                    self.publish(&doc.uri, Vec::new(), None);
                    if doc.is_config {
                        self.config_changed();
                    }
                }
            }
            "workspace/didChangeWatchedFiles" => self.config_changed(),
            "workspace/didChangeConfiguration" => {
                if self.pull_config {
                    self.request(
                        "workspace/configuration",
                        json!({ "items": [{ "section": "leaflint" }] }),
                        Pending::Configuration,
                    );
                } else {
                    let settings = p.get("settings").and_then(|s| s.get("leaflint")).cloned().unwrap_or(Value::Null);
                    self.client = self.parse_client_settings(&settings);
                    self.recheck_all();
                }
            }
            _ => {}
        }
    }

    fn on_response(&mut self, r: Response) {
        match self.pending.remove(&r.id) {
            Some(Pending::Configuration) => {
                let settings = r.response_result.as_ref().ok().and_then(|v| v.get(0)).cloned().unwrap_or(Value::Null);
                self.client = self.parse_client_settings(&settings);
                self.recheck_all();
            }
            Some(Pending::Other) | None => {}
        }
    }

    /// Client settings: `{"profile": "us", "rules": {"long-word": false}}`. Mistakes are shown,
    /// and the rest still applies.
    fn parse_client_settings(&self, v: &Value) -> ClientSettings {
        let mut s = ClientSettings::default();
        if let Some(p) = v.get("profile").filter(|p| !p.is_null()) {
            match p.as_str().and_then(Profile::from_name) {
                Some(p) => s.profile = Some(p),
                None => self.show(
                    2,
                    &format!("leaflint: the profile setting must be \"nhs\", \"us\" or \"easy-read\", not {p}."),
                ),
            }
        }
        if let Some(rules) = v.get("rules").and_then(Value::as_object) {
            for (id, on) in rules {
                match (leaflint::rules::find(id), on.as_bool()) {
                    (Some(_), Some(on)) => s.rules.push((id.clone(), on)),
                    (None, _) => {
                        self.show(2, &format!("leaflint: the rules setting names `{id}`, which is not a rule."))
                    }
                    (Some(_), None) => self.show(2, &format!("leaflint: rules.{id} must be true or false.")),
                }
            }
        }
        s
    }

    // --- configuration ---

    /// A `leaflint.toml` changed (on disk or in the editor): forget every loaded config, re-validate
    /// the open ones and check every document again.
    fn config_changed(&mut self) {
        self.configs.clear();
        let open: Vec<PathBuf> = self.docs.values().filter(|d| d.is_config).filter_map(|d| d.path.clone()).collect();
        for p in open {
            self.load_config(&p);
        }
        self.recheck_all();
    }

    fn recheck_all(&mut self) {
        let keys: Vec<String> = self.docs.iter().filter(|(_, d)| !d.is_config).map(|(k, _)| k.clone()).collect();
        for k in keys {
            self.check(&k);
        }
    }

    /// Load (or take from the cache) the config file `file`; the text in the editor wins over the
    /// file on disk. A broken file is one diagnostic on that file.
    fn load_config(&mut self, file: &Path) -> Loaded {
        if let Some(l) = self.configs.get(file) {
            return l.clone();
        }
        let open = self.docs.values().find(|d| d.path.as_deref() == Some(file));
        let text = match open {
            Some(d) => Ok(d.text.clone()),
            None => std::fs::read_to_string(file).map_err(|e| format!("cannot read it ({e})")),
        };
        let loaded = match text.and_then(|t| leaflint_config::parse(&t, leaflint_config::FILE_NAME)) {
            Ok(s) => Loaded::Ok(Box::new(s.config)),
            Err(msg) => {
                let line = leaflint_config::error_line(&msg).unwrap_or(1);
                let message = msg
                    .strip_prefix(&format!("{}:{line}: ", leaflint_config::FILE_NAME))
                    .or_else(|| msg.strip_prefix(&format!("{}: ", leaflint_config::FILE_NAME)))
                    .unwrap_or(&msg)
                    .to_owned();
                Loaded::Broken { message, line }
            }
        };
        let uri = self
            .docs
            .values()
            .find(|d| d.path.as_deref() == Some(file))
            .map(|d| d.uri.clone())
            .or_else(|| path_to_uri(file));
        if let Some(uri) = uri {
            let diags = match &loaded {
                Loaded::Ok(_) => Vec::new(),
                Loaded::Broken { message, line } => {
                    let line = (*line as u32).saturating_sub(1);
                    vec![Diagnostic {
                        range: Range::new(Position::new(line, 0), Position::new(line, u32::MAX / 2)),
                        severity: Some(DiagnosticSeverity::ERROR),
                        source: Some("leaflint".to_owned()),
                        message: format!(
                            "{message} Documents under this file are checked with the defaults until it is fixed."
                        ),
                        ..Diagnostic::default()
                    }]
                }
            };
            self.publish(&uri, diags, None);
        }
        self.configs.insert(file.to_path_buf(), loaded.clone());
        loaded
    }

    /// The engine config for a document at `path`: its nearest `leaflint.toml` (defaults when there
    /// is none or it is broken) with the client's settings on top.
    fn config_for(&mut self, path: Option<&Path>) -> Config {
        let file = path.and_then(Path::parent).and_then(leaflint_config::discover);
        let mut config = match file.map(|f| self.load_config(&f)) {
            Some(Loaded::Ok(c)) => *c,
            Some(Loaded::Broken { .. }) | None => Config::default(),
        };
        if let Some(p) = self.client.profile {
            config.profile = p;
        }
        for (id, on) in &self.client.rules {
            config.set_enabled(id, *on);
        }
        config
    }

    // --- checking ---

    fn check(&mut self, key: &str) {
        let Some(path) = self.docs.get(key).map(|d| d.path.clone()) else { return };
        let config = self.config_for(path.as_deref());
        let enc = self.enc;
        let Some(doc) = self.docs.get_mut(key) else { return };
        doc.due = None;
        if doc.is_config {
            return;
        }
        let name = path.as_ref().map_or_else(|| doc.uri.as_str().to_owned(), |p| p.display().to_string());
        let (text, format, test_panic) = (&doc.text, doc.format, self.test_panic);
        let result = catch_unwind(AssertUnwindSafe(|| {
            if test_panic && text.contains("leaflint-test-panic") {
                panic!("leaflint-lsp test hook");
            }
            // The engine's reader, with the same stated limits as the command line (16 MB of
            // text, HTML nested 512 deep).
            leaflint::input::decode(text.as_bytes(), Some(format), Some(&name))
                .map(|d| leaflint::check_document(&d, &name, &config))
        }));
        match result {
            Ok(Ok(report)) => {
                doc.diagnostics = diagnostics(&doc.uri, &doc.text, &doc.lines, &report.findings, enc);
                doc.report = Some(report);
            }
            Ok(Err(e)) => {
                doc.report = None;
                doc.diagnostics = vec![Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("leaflint".to_owned()),
                    message: format!("leaflint did not check this document: it {e}"),
                    ..Diagnostic::default()
                }];
            }
            Err(_) => {
                doc.report = None;
                doc.diagnostics = vec![Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("leaflint".to_owned()),
                    message: "leaflint could not check this text (an internal error). Other files are still checked; please report it with the text.".to_owned(),
                    ..Diagnostic::default()
                }];
            }
        }
        let (uri, diags, version) = (doc.uri.clone(), doc.diagnostics.clone(), doc.version);
        self.publish(&uri, diags, Some(version));
    }

    fn publish(&self, uri: &Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = lsp_types::PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version };
        self.notify("textDocument/publishDiagnostics", params);
    }

    /// Check a document now if a change is waiting, so answers match the text in the editor.
    fn flush(&mut self, key: &str) {
        if self.docs.get(key).is_some_and(|d| d.due.is_some()) {
            self.check(key);
        }
    }

    // --- requests ---

    fn on_request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/codeAction" => {
                parse(req.params).map(|p| serde_json::to_value(self.code_actions(p)).unwrap_or(Value::Null))
            }
            "textDocument/hover" => {
                parse(req.params).map(|p| serde_json::to_value(self.hover(p)).unwrap_or(Value::Null))
            }
            "textDocument/codeLens" => parse::<lsp_types::CodeLensParams>(req.params)
                .map(|p| serde_json::to_value(self.code_lens(p.text_document.uri.as_str())).unwrap_or(Value::Null)),
            "workspace/executeCommand" => parse::<lsp_types::ExecuteCommandParams>(req.params)
                .and_then(|p| self.execute(&p.command, &p.arguments)),
            _ => {
                Err((lsp_server::ErrorCode::MethodNotFound as i32, format!("leaflint does not handle {}", req.method)))
            }
        };
        match result {
            Ok(v) => self.send(Response::new_ok(id, v)),
            Err((code, msg)) => self.send(Response::new_err(id, code, msg)),
        }
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let key = p.text_document.uri.as_str().to_owned();
        self.flush(&key);
        let path = self.docs.get(&key).and_then(|d| d.path.clone());
        let config = self.config_for(path.as_deref());
        let enc = self.enc;
        let Some(doc) = self.docs.get(&key) else { return Vec::new() };
        let Some(report) = &doc.report else { return Vec::new() };
        let wants =
            |kind: &str| p.context.only.as_ref().is_none_or(|only| only.iter().any(|k| kind.starts_with(k.as_str())));
        let a = doc.lines.offset(&doc.text, p.range.start, enc);
        let b = doc.lines.offset(&doc.text, p.range.end, enc).max(a);
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let edit_of = |edits: Vec<TextEdit>| WorkspaceEdit {
            changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        };
        if wants(CodeActionKind::QUICKFIX.as_str()) {
            for (f, diag) in report.findings.iter().zip(&doc.diagnostics) {
                if f.span.start() > b || f.span.end() < a {
                    continue;
                }
                for fix in &f.fixes {
                    let offs: Vec<usize> = fix.edits.iter().flat_map(|e| [e.span.start(), e.span.end()]).collect();
                    let pos = doc.lines.positions(&doc.text, &offs, enc);
                    let edits = fix
                        .edits
                        .iter()
                        .zip(pos.chunks(2))
                        .map(|(e, p)| TextEdit::new(Range::new(p[0], p[p.len() - 1]), e.replacement.clone()))
                        .collect();
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.label.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag.clone()]),
                        edit: Some(edit_of(edits)),
                        is_preferred: Some(fix.applicability == Applicability::Safe && f.fixes.len() == 1),
                        ..CodeAction::default()
                    }));
                }
                if let Some(word) = allowable_word(f, &doc.text) {
                    let title = format!("Allow \u{201c}{word}\u{201d} (add it to allow-words in leaflint.toml)");
                    if !seen.contains(&title) {
                        seen.push(title.clone());
                        out.push(CodeActionOrCommand::CodeAction(CodeAction {
                            title: title.clone(),
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![diag.clone()]),
                            command: Some(Command {
                                title,
                                command: CMD_ALLOW.to_owned(),
                                arguments: Some(vec![json!(doc.uri.as_str()), json!(word)]),
                            }),
                            ..CodeAction::default()
                        }));
                    }
                }
                let line = doc.lines.line_of(f.span.start());
                let title = format!("Turn off {} on this line", f.rule);
                let tag = format!("{title}@{line}");
                if !seen.contains(&tag) {
                    seen.push(tag);
                    let start = doc.lines.start(&doc.text, line);
                    let rest = doc.text.get(start..).unwrap_or("");
                    let indent: String = rest.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
                    let comment = leaflint::suppress::disable_next_line(&f.rule, doc.format);
                    let at = Position::new(line as u32, 0);
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title,
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag.clone()]),
                        edit: Some(edit_of(vec![TextEdit::new(Range::new(at, at), format!("{indent}{comment}\n"))])),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        let any_safe = report.findings.iter().any(|f| FixOptions::default().choose(f).is_some());
        if any_safe && wants(FIX_ALL) {
            let name = doc.path.as_ref().map_or_else(|| doc.uri.as_str().to_owned(), |p| p.display().to_string());
            let fixed = catch_unwind(AssertUnwindSafe(|| {
                fix_text(&doc.text, doc.format, &name, &config, &FixOptions::default()).text
            }));
            if let Ok(fixed) = fixed {
                if let Some(edit) = minimal_edit(&doc.text, &fixed, &doc.lines, enc) {
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: "Apply all safe fixes (leaflint)".to_owned(),
                        kind: Some(CodeActionKind::new(FIX_ALL)),
                        edit: Some(edit_of(vec![edit])),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        out
    }

    fn hover(&mut self, p: HoverParams) -> Option<Hover> {
        let key = p.text_document_position_params.text_document.uri.as_str().to_owned();
        self.flush(&key);
        let doc = self.docs.get(&key)?;
        let report = doc.report.as_ref()?;
        let at = doc.lines.offset(&doc.text, p.text_document_position_params.position, self.enc);
        let here: Vec<(&Finding, &Diagnostic)> = report
            .findings
            .iter()
            .zip(&doc.diagnostics)
            .filter(|(f, _)| f.span.start() <= at && at <= f.span.end())
            .take(3)
            .collect();
        let range = here.first()?.1.range;
        let parts: Vec<String> = here.iter().map(|(f, _)| hover_text(f)).collect();
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: Some(range),
        })
    }

    fn code_lens(&mut self, key: &str) -> Vec<CodeLens> {
        self.flush(key);
        let Some(doc) = self.docs.get(key) else { return Vec::new() };
        let Some(report) = &doc.report else { return Vec::new() };
        vec![CodeLens {
            range: Range::default(),
            command: Some(Command {
                title: summary(report),
                command: CMD_SCORES.to_owned(),
                arguments: Some(vec![json!(doc.uri.as_str())]),
            }),
            data: None,
        }]
    }

    fn execute(&mut self, command: &str, args: &[Value]) -> Result<Value, (i32, String)> {
        let bad = |m: &str| (lsp_server::ErrorCode::InvalidParams as i32, m.to_owned());
        let uri =
            args.first().and_then(Value::as_str).ok_or_else(|| bad("the first argument is the document's URI"))?;
        match command {
            CMD_SCORES => {
                self.flush(uri);
                let doc = self.docs.get(uri).ok_or_else(|| bad("that document is not open"))?;
                let report = doc.report.as_ref().ok_or_else(|| bad("that document could not be checked"))?;
                let line = summary(report);
                self.notify(
                    "window/logMessage",
                    json!({ "type": 3, "message": format!("{}: {line}", report.source.name) }),
                );
                Ok(scores(report))
            }
            CMD_ALLOW => {
                let word = args.get(1).and_then(Value::as_str).ok_or_else(|| bad("the second argument is the word"))?;
                match self.allow(uri, word) {
                    Ok(msg) => {
                        self.show(3, &msg);
                        Ok(Value::Null)
                    }
                    Err(msg) => {
                        self.show(1, &format!("leaflint: {msg}"));
                        Err((lsp_server::ErrorCode::RequestFailed as i32, msg))
                    }
                }
            }
            _ => Err((lsp_server::ErrorCode::MethodNotFound as i32, format!("unknown command {command}"))),
        }
    }

    /// Add `word` to `allow-words` in the nearest `leaflint.toml` above the document (created in
    /// the workspace folder, else the document's folder, when there is none): through the editor
    /// when that file is open there, else on disk.
    fn allow(&mut self, uri: &str, word: &str) -> Result<String, String> {
        let path = self
            .docs
            .get(uri)
            .and_then(|d| d.path.clone())
            .or_else(|| uri_to_path(uri))
            .ok_or("the document is not a file, so there is no leaflint.toml to write to")?;
        let dir = path.parent().ok_or("the document has no folder")?;
        let file = leaflint_config::discover(dir).unwrap_or_else(|| {
            let root = self.roots.iter().find(|r| path.starts_with(r)).map_or(dir, PathBuf::as_path);
            root.join(leaflint_config::FILE_NAME)
        });
        if let Some(open) = self.docs.values().find(|d| d.path.as_deref() == Some(file.as_path())) {
            let new = leaflint_config::allow_word(&open.text, word).map_err(|e| format!("{}: {e}", file.display()))?;
            let end = open.lines.position(&open.text, open.text.len(), self.enc);
            let edit = WorkspaceEdit {
                changes: Some(HashMap::from([(
                    open.uri.clone(),
                    vec![TextEdit::new(Range::new(Position::new(0, 0), end), new)],
                )])),
                ..WorkspaceEdit::default()
            };
            self.request(
                "workspace/applyEdit",
                json!({ "label": "leaflint: allow a word", "edit": edit }),
                Pending::Other,
            );
            return Ok(format!(
                "leaflint: added \u{201c}{word}\u{201d} to allow-words in {} (save it to keep it).",
                file.display()
            ));
        }
        let text = if file.is_file() {
            std::fs::read_to_string(&file).map_err(|e| format!("{}: cannot read it ({e})", file.display()))?
        } else {
            "# leaflint configuration (`leaflint init` writes one with every setting).\n".to_owned()
        };
        let new = leaflint_config::allow_word(&text, word).map_err(|e| format!("{}: {e}", file.display()))?;
        std::fs::write(&file, new).map_err(|e| format!("{}: cannot write it ({e})", file.display()))?;
        self.config_changed();
        Ok(format!("leaflint: added \u{201c}{word}\u{201d} to allow-words in {}.", file.display()))
    }
}

fn parse<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, (i32, String)> {
    serde_json::from_value(v).map_err(|e| (lsp_server::ErrorCode::InvalidParams as i32, e.to_string()))
}

/// The format of a document: by language id, else by file extension, else plain text.
fn format_of(language_id: &str, path: Option<&Path>) -> Format {
    match language_id {
        "markdown" => Format::Markdown,
        "html" => Format::Html,
        "plaintext" | "text" => Format::Text,
        _ => path
            .and_then(|p| p.file_name())
            .and_then(|n| leaflint::input::format_from_name(&n.to_string_lossy()))
            .filter(|f| *f != Format::Docx)
            .unwrap_or(Format::Text),
    }
}

/// The diagnostics of `findings`, in order (positions found in one walk of the text).
fn diagnostics(uri: &Uri, text: &str, lines: &Lines, findings: &[Finding], enc: Encoding) -> Vec<Diagnostic> {
    let offs: Vec<usize> = findings
        .iter()
        .flat_map(|f| {
            [f.span.start(), f.span.end()]
                .into_iter()
                .chain(f.related.iter().flat_map(|r| [r.span.start(), r.span.end()]))
        })
        .collect();
    let pos = lines.positions(text, &offs, enc);
    let mut at = 0;
    let mut next = || {
        let r = Range::new(pos.get(at).copied().unwrap_or_default(), pos.get(at + 1).copied().unwrap_or_default());
        at += 2;
        r
    };
    findings
        .iter()
        .map(|f| {
            let range = next();
            let related: Vec<DiagnosticRelatedInformation> = f
                .related
                .iter()
                .map(|r| DiagnosticRelatedInformation {
                    location: Location::new(uri.clone(), next()),
                    message: r.label.clone(),
                })
                .collect();
            let message = match &f.help {
                Some(h) => format!("{}\n{h}", f.message),
                None => f.message.clone(),
            };
            Diagnostic {
                range,
                severity: Some(match f.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(f.rule.clone())),
                code_description: Uri::from_str(&format!("{}{}", docs_base(), f.rule))
                    .ok()
                    .map(|href| CodeDescription { href }),
                source: Some("leaflint".to_owned()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                ..Diagnostic::default()
            }
        })
        .collect()
}

/// The word a finding flags, when "allow it" makes sense: a word-level rule (the ones
/// `allow-words` silences) over one short word.
fn allowable_word<'a>(f: &Finding, text: &'a str) -> Option<&'a str> {
    if !WORD_PRECEDENCE.contains(&f.rule.as_str()) {
        return None;
    }
    let w = text.get(f.span.start()..f.span.end())?.trim();
    let wordy = !w.is_empty()
        && w.len() <= 40
        && w.chars().any(char::is_alphabetic)
        && w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}');
    wordy.then_some(w)
}

/// A hover: the finding, then the rule's own docs.
fn hover_text(f: &Finding) -> String {
    let mut s = format!("**leaflint · {}** — {}", f.rule, f.message);
    if let Some(h) = &f.help {
        s.push_str(&format!("\n\n{h}"));
    }
    if let Some(rule) = leaflint::rules::find(&f.rule) {
        let m = rule.meta();
        s.push_str(&format!("\n\n**Why it matters:** {}", m.why));
        s.push_str(&format!("\n\n**Flagged:** {}\n\n**Plainer:** {}", m.flagged, m.plainer));
        s.push_str(&format!("\n\n**Source:** {}", m.source));
        if let Some(p) = leaflint::rules::precision(m.id) {
            s.push_str(&format!(
                "\n\n*An NHS editor agreed with {} of {} findings of this rule on real leaflets.*",
                p.agree,
                p.reviewed()
            ));
        }
    }
    s
}

fn verdict(s: TargetStatus) -> &'static str {
    match s {
        TargetStatus::Pass => "pass",
        TargetStatus::Acceptable => "acceptable",
        TargetStatus::Fail => "too hard",
    }
}

/// The scores as JSON (the `leaflint.scores` result).
fn scores(r: &Report) -> Value {
    let ra = r.targets.iter().find(|t| t.metric == "reading_age");
    let num = r.scores.numeracy.as_ref();
    json!({
        "profile": r.profile.name(),
        "readingAge": ra.map(|t| (t.value * 10.0).round() / 10.0),
        "verdict": ra.map(|t| verdict(t.status)),
        "target": ra.map(|t| t.pass_at_most),
        "acceptableTo": ra.and_then(|t| t.acceptable_at_most),
        "numeracyLoad": num.and_then(|n| n.get("load")).and_then(Value::as_f64).map(|v| (v * 10.0).round() / 10.0),
        "numeracyBand": num.and_then(|n| n.get("band")).cloned(),
        "words": r.scores.counts.words_total,
        "findings": {
            "error": r.findings.iter().filter(|f| f.severity == Severity::Error).count(),
            "warning": r.findings.iter().filter(|f| f.severity == Severity::Warning).count(),
            "info": r.findings.iter().filter(|f| f.severity == Severity::Info).count(),
        },
    })
}

/// One line of scores, for the code lens and the log.
fn summary(r: &Report) -> String {
    let mut parts = Vec::new();
    if let Some(t) = r.targets.iter().find(|t| t.metric == "reading_age") {
        parts.push(format!("Reading age {:.1}: {} (target {} or under)", t.value, verdict(t.status), t.pass_at_most));
    }
    if let Some(load) = r.scores.numeracy.as_ref().and_then(|n| n.get("load")).and_then(Value::as_f64) {
        let band = r.scores.numeracy.as_ref().and_then(|n| n.get("band")).and_then(Value::as_str).unwrap_or("");
        parts.push(format!("numeracy load {load:.1} {band}").trim_end().to_owned());
    }
    parts.push(format!("{} findings", r.findings.len()));
    parts.join(" · ")
}

/// One edit turning `old` into `new`: the span between their common start and end.
fn minimal_edit(old: &str, new: &str, lines: &Lines, enc: Encoding) -> Option<TextEdit> {
    if old == new {
        return None;
    }
    let mut a = old.bytes().zip(new.bytes()).take_while(|(x, y)| x == y).count();
    while !(old.is_char_boundary(a) && new.is_char_boundary(a)) {
        a -= 1;
    }
    let max_tail = old.len().min(new.len()) - a;
    let mut t = old.bytes().rev().zip(new.bytes().rev()).take(max_tail).take_while(|(x, y)| x == y).count();
    while !(old.is_char_boundary(old.len() - t) && new.is_char_boundary(new.len() - t)) {
        t -= 1;
    }
    let pos = lines.positions(old, &[a, old.len() - t], enc);
    Some(TextEdit::new(Range::new(pos[0], pos[1]), new.get(a..new.len() - t)?.to_owned()))
}

/// A `file:` URI's path (percent-decoded), if it is one.
pub(crate) fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.get(rest.find('/')?..)?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

/// The `file:` URI of an absolute path.
pub(crate) fn path_to_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?;
    let mut out = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip() {
        let p = PathBuf::from("/tmp/my leaflets/über.md");
        let uri = path_to_uri(&p).map(|u| u.as_str().to_owned());
        assert_eq!(uri.as_deref(), Some("file:///tmp/my%20leaflets/%C3%BCber.md"));
        assert_eq!(uri_to_path("file:///tmp/my%20leaflets/%C3%BCber.md"), Some(p));
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
    }

    #[test]
    fn one_edit_covers_the_change() {
        let old = "Take 2 tabs twice a day.\nRest.";
        let new = "Take 2 tablets twice a day.\nRest.";
        let e = minimal_edit(old, new, &Lines::new(old), Encoding::Utf16).map(|e| (e.range, e.new_text));
        assert_eq!(e, Some((Range::new(Position::new(0, 10), Position::new(0, 10)), "let".to_owned())));
        assert!(minimal_edit(old, old, &Lines::new(old), Encoding::Utf16).is_none());
    }

    #[test]
    fn formats_by_language_id_then_extension() {
        assert_eq!(format_of("markdown", None), Format::Markdown);
        assert_eq!(format_of("", Some(Path::new("/a/b.html"))), Format::Html);
        assert_eq!(format_of("", Some(Path::new("/a/b.md"))), Format::Markdown);
        assert_eq!(format_of("rust", Some(Path::new("/a/b"))), Format::Text);
    }
}
