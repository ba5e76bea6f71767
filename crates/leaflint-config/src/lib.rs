//! `leaflint.toml`: found upward from the current folder (or given with `--config`), read with
//! the `toml` crate, checked key by key so that a typo is an error naming the key and the file.
//! Shared by the CLI and the language server (one config file for both), so it lives outside the
//! engine (which does no IO) and outside either adapter.
//!
//! The file holds the engine's [`leaflint::Config`] (kebab-case keys: `profile`, `[target]`,
//! `[rules.<id>]`, `allow-words`, `allow-acronyms`, `[jargon]`, …) plus keys only the CLI reads:
//! `exclude` (globs of files and folders not to check, relative to the file's folder).

use leaflint::config::TARGETS;
use leaflint::rules::{self, RULES};
use leaflint::{Config, Profile};
use std::path::{Path, PathBuf};

/// The file name searched for.
pub const FILE_NAME: &str = "leaflint.toml";

/// Keys only the CLI reads.
const CLI_KEYS: &[&str] = &["exclude"];

/// Settings from a config file (or the defaults when there is none).
#[derive(Debug, Default)]
pub struct Settings {
    /// The engine configuration.
    pub config: Config,
    /// Globs not to check.
    pub exclude: Vec<String>,
    /// The folder globs are relative to (the config file's folder, else the current folder).
    pub root: PathBuf,
    /// The file read, if any.
    pub file: Option<PathBuf>,
}

/// The nearest `leaflint.toml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

/// Load settings: `--no-config` gives defaults, `--config FILE` reads that file, otherwise the
/// nearest leaflint.toml (if any) in the current folder or above.
pub fn load(explicit: Option<&Path>, no_config: bool) -> Result<Settings, String> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    load_near(&cwd, explicit, no_config)
}

/// [`load`] with the search starting in `cwd` instead of the current folder (the language server
/// starts in the folder of each open file). File names in errors are shown relative to `cwd`.
pub fn load_near(cwd: &Path, explicit: Option<&Path>, no_config: bool) -> Result<Settings, String> {
    let cwd = cwd.to_path_buf();
    if no_config {
        return Ok(Settings { root: cwd, ..Settings::default() });
    }
    let file = match explicit {
        Some(p) => {
            if !p.is_file() {
                return Err(format!("{}: no such config file.", p.display()));
            }
            Some(p.to_path_buf())
        }
        None => discover(&cwd),
    };
    let Some(file) = file else { return Ok(Settings { root: cwd, ..Settings::default() }) };
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: cannot read it ({e}).", file.display()))?;
    let shown = file.strip_prefix(&cwd).unwrap_or(&file).display().to_string();
    let mut settings = parse(&text, &shown)?;
    settings.root = file.parent().filter(|p| !p.as_os_str().is_empty()).map_or(cwd, Path::to_path_buf);
    settings.file = Some(file);
    Ok(settings)
}

/// The 1-based line an error message from [`load`] or [`parse`] points at (`name:LINE: …`), if any.
pub fn error_line(message: &str) -> Option<usize> {
    let mut parts = message.splitn(3, ':');
    parts.next()?;
    parts.next()?.trim().parse().ok()
}

/// Add `word` to the `allow-words` list of a config file's text, keeping its comments and
/// layout (the list is created at the top level when missing). Returns the new text; the text
/// is unchanged when the word (in any case) is already allowed. Errors when the text is not TOML
/// or `allow-words` is not a list.
///
/// ```
/// let text = "# my team's words\nprofile = \"nhs\"\nallow-words = [\"metformin\"] # drugs\n";
/// let new = leaflint_config::allow_word(text, "ramipril").unwrap();
/// assert_eq!(new, "# my team's words\nprofile = \"nhs\"\nallow-words = [\"metformin\", \"ramipril\"] # drugs\n");
/// ```
pub fn allow_word(text: &str, word: &str) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| e.message().to_owned())?;
    let key = "allow-words";
    if !doc.contains_key(key) {
        let mut list = toml_edit::Array::new();
        list.push(word);
        doc.insert(key, toml_edit::value(list));
        return Ok(doc.to_string());
    }
    let Some(list) = doc.get_mut(key).and_then(toml_edit::Item::as_array_mut) else {
        return Err(format!("`{key}` is not a list of words"));
    };
    let lower = word.to_lowercase();
    if list.iter().any(|v| v.as_str().is_some_and(|w| w.to_lowercase() == lower)) {
        return Ok(text.to_owned());
    }
    // A list written one word per line gets one more line, indented like the last word.
    let last_prefix = list.iter().last().and_then(|v| v.decor().prefix()).and_then(|p| p.as_str()).unwrap_or("");
    match last_prefix.rfind('\n') {
        Some(nl) => {
            let mut v = toml_edit::Value::from(word);
            v.decor_mut().set_prefix(format!("\n{}", last_prefix.get(nl + 1..).unwrap_or("")));
            list.push_formatted(v);
        }
        None => list.push(word),
    }
    Ok(doc.to_string())
}

/// 1-based line of the first line that defines `key` (as `key =` or in a `[table]` header).
fn line_of(text: &str, key: &str) -> Option<usize> {
    line_from(text, 0, key)
}

fn line_from(text: &str, from: usize, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from)
        .find(|(_, l)| {
            let t = l.trim_start();
            let bare = t.strip_prefix('"').unwrap_or(t);
            (bare.starts_with(key) && bare[key.len()..].trim_start().starts_with(['=', '"']))
                || (t.starts_with('[') && t.contains(key))
        })
        .map(|(i, _)| i + 1)
}

/// The line of a dotted path (`rules.long-sentence.words`): the key after its table's header.
fn line_of_path(text: &str, path: &str) -> Option<usize> {
    if let Some((section, key)) = path.rsplit_once('.') {
        let header = format!("[{section}]");
        if let Some(h) = text.lines().position(|l| l.trim() == header) {
            if let Some(l) = line_from(text, h + 1, key) {
                return Some(l);
            }
        }
        return line_of(text, key);
    }
    line_of(text, path)
}

/// Parse a config file's text; `name` is used in error messages.
pub fn parse(text: &str, name: &str) -> Result<Settings, String> {
    let mut table: toml::Table = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim_end_matches('\n');
        match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1;
                format!("{name}:{line}: {msg}")
            }
            None => format!("{name}: {msg}"),
        }
    })?;
    let at = |path: &str| line_of_path(text, path).map_or_else(|| name.to_owned(), |l| format!("{name}:{l}"));

    // Unknown keys: top level, [target], [rules.<id>].
    let engine_keys: Vec<String> = match serde_json::to_value(Config::default()) {
        Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    for key in table.keys() {
        if !engine_keys.iter().any(|k| k == key) && !CLI_KEYS.contains(&key.as_str()) {
            let mut known: Vec<&str> = engine_keys.iter().map(String::as_str).chain(CLI_KEYS.iter().copied()).collect();
            known.sort_unstable();
            return Err(format!("{}: unknown key `{key}` (known keys: {}).", at(key), known.join(", ")));
        }
    }
    if let Some(toml::Value::Table(t)) = table.get("target") {
        for key in t.keys() {
            if !TARGETS.iter().any(|d| d.key == key) {
                let known: Vec<&str> = TARGETS.iter().map(|d| d.key).collect();
                return Err(format!(
                    "{}: unknown key `target.{key}` (targets: {}).",
                    at(&format!("target.{key}")),
                    known.join(", ")
                ));
            }
        }
    }
    if let Some(toml::Value::Table(rs)) = table.get("rules") {
        for (id, v) in rs {
            let Some(rule) = rules::find(id) else {
                return Err(format!(
                    "{}: unknown rule `{id}` (see `leaflint rules` for the list).",
                    at(&format!("rules.{id}"))
                ));
            };
            let toml::Value::Table(settings) = v else {
                return Err(format!("{}: `rules.{id}` must be a table, for example [rules.{id}].", at(id)));
            };
            for key in settings.keys() {
                let known = ["enabled", "severity"].iter().any(|k| k == key)
                    || rule.meta().thresholds.iter().any(|t| t.key == key);
                if !known {
                    let mut keys: Vec<&str> = vec!["enabled", "severity"];
                    keys.extend(rule.meta().thresholds.iter().map(|t| t.key));
                    return Err(format!(
                        "{}: unknown key `{key}` in [rules.{id}] (it has: {}).",
                        at(&format!("rules.{id}.{key}")),
                        keys.join(", ")
                    ));
                }
            }
        }
    }

    let exclude = match table.remove("exclude") {
        None => Vec::new(),
        Some(toml::Value::Array(a)) => a
            .into_iter()
            .map(|v| match v {
                toml::Value::String(s) => Ok(s),
                other => Err(format!("{}: `exclude` holds globs as strings, not {}.", at("exclude"), other.type_str())),
            })
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(format!("{}: `exclude` must be a list of globs, not {}.", at("exclude"), other.type_str()))
        }
    };
    let config: Config = match toml::Value::Table(table.clone()).try_into() {
        Ok(c) => c,
        Err(e) => return Err(locate_error(&table, &e, &at)),
    };
    config.validate().map_err(|e| format!("{name}: {e}."))?;
    Ok(Settings { config, exclude, root: PathBuf::new(), file: None })
}

/// A serde message in plain words.
fn plain(msg: &str) -> String {
    msg.trim_end_matches('\n')
        .replace('\n', " ")
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected a list, for example [\"a\", \"b\"]")
        .replace("expected a boolean", "expected true or false")
}

/// Find which key made deserialisation fail, by deserialising one key at a time, and say so.
fn locate_error(table: &toml::Table, whole: &toml::de::Error, at: &dyn Fn(&str) -> String) -> String {
    let one = |k: &str, v: &toml::Value| toml::Value::Table(toml::Table::from_iter([(k.to_owned(), v.clone())]));
    for (key, value) in table {
        if key == "profile" && value.as_str().is_none_or(|p| Profile::from_name(p).is_none()) {
            return format!("{}: `profile` must be \"nhs\", \"us\" or \"easy-read\", not {value}.", at(key));
        }
        let Err(e) = one(key, value).try_into::<Config>() else { continue };
        // Narrow down inside [rules.<id>] and [target].
        if let toml::Value::Table(inner) = value {
            for (k2, v2) in inner {
                let err = if key == "rules" {
                    let toml::Value::Table(settings) = v2 else { continue };
                    settings.iter().find_map(|(k3, v3)| {
                        one(k3, v3).try_into::<leaflint::config::RuleSettings>().err().map(|e| {
                            format!("{}: `rules.{k2}.{k3}`: {}.", at(&format!("rules.{k2}.{k3}")), plain(e.message()))
                        })
                    })
                } else {
                    one(key, &one(k2, v2))
                        .try_into::<Config>()
                        .err()
                        .map(|e| format!("{}: `{key}.{k2}`: {}.", at(&format!("{key}.{k2}")), plain(e.message())))
                };
                if let Some(err) = err {
                    return err;
                }
            }
        }
        return format!("{}: `{key}`: {}.", at(key), plain(e.message()));
    }
    format!("{}: {}.", at(""), plain(whole.message()))
}

fn severity_name(s: Option<leaflint::Severity>) -> &'static str {
    s.map_or("off", |s| s.name())
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// A commented `leaflint.toml` with every default of `profile`, generated from the rule registry.
/// Every setting is commented out, so the file changes nothing until a line is uncommented.
pub fn default_file(profile: Profile) -> String {
    let p = profile.index();
    let mut s = String::new();
    s.push_str("# leaflint configuration. leaflint reads the nearest leaflint.toml in this folder or above.\n");
    s.push_str("# Every value below is the default; uncomment a line to change it.\n");
    s.push_str("# Rules and their meaning: `leaflint rules`, `leaflint explain RULE`.\n\n");
    s.push_str("# Writing profile: nhs (UK, reading age 9 to 11), us (grade 6), easy-read.\n");
    s.push_str(&format!("profile = \"{}\"\n\n", profile.name()));
    s.push_str("# Files and folders not to check (globs, relative to this file's folder).\n");
    s.push_str("# .gitignore and .ignore files are respected too.\n");
    s.push_str("# exclude = [\"drafts/**\", \"archive/*.md\"]\n\n");
    s.push_str("# Words never reported by word-level rules (any case).\n# allow-words = [\"metformin\"]\n\n");
    s.push_str("# Acronyms your readers know.\n# allow-acronyms = [\"NHS\", \"GP\"]\n\n");
    s.push_str("# Extra jargon terms, each with its plain alternative.\n# [jargon]\n# \"myocardial infarction\" = \"heart attack\"\n\n");
    s.push_str("# Document targets.\n[target]\n");
    for t in TARGETS {
        s.push_str(&format!("# {} = {}  # {}\n", t.key, fmt_num(t.values[p]), t.doc));
    }
    s.push('\n');
    s.push_str("# Rules: `enabled` turns a rule on or off, `severity` is info, warning or error; other keys\n");
    s.push_str("# are the rule's thresholds.\n");
    for r in RULES {
        let m = r.meta();
        s.push_str(&format!("\n# {}: {}\n", m.id, m.summary));
        s.push_str(&format!(
            "# default severity: nhs {}, us {}, easy-read {}\n",
            severity_name(m.default_severity[0]),
            severity_name(m.default_severity[1]),
            severity_name(m.default_severity[2])
        ));
        s.push_str(&format!("# [rules.{}]\n", m.id));
        s.push_str(&format!("# enabled = {}\n", m.default_severity[p].is_some()));
        if let Some(sev) = m.default_severity[p] {
            s.push_str(&format!("# severity = \"{}\"\n", sev.name()));
        }
        for t in m.thresholds {
            s.push_str(&format!("# {} = {}  # {}\n", t.key, fmt_num(t.values[p]), t.doc));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_name_the_key_the_file_and_the_line() {
        let e = parse("profile = \"nhs\"\ncolour = true\n", "leaflint.toml").expect_err("unknown");
        assert!(e.starts_with("leaflint.toml:2: unknown key `colour`"), "{e}");
        assert!(e.contains("allow-words") && e.contains("exclude"), "{e}");
        let e = parse("[rules.long-sentence]\nwordz = 3\n", "x.toml").expect_err("threshold");
        assert!(e.contains("x.toml:2") && e.contains("`wordz`") && e.contains("words"), "{e}");
        let e = parse("[rules.no-such-rule]\nenabled = true\n", "x.toml").expect_err("rule");
        assert!(e.contains("unknown rule `no-such-rule`"), "{e}");
        let e = parse("[target]\ngrades = 3\n", "x.toml").expect_err("target");
        assert!(e.contains("target.grades"), "{e}");
        let e = parse("profile = \"martian\"\n", "x.toml").expect_err("profile");
        assert!(e.contains("martian"), "{e}");
        let e = parse("allow-words = \"metformin\"\n", "x.toml").expect_err("type");
        assert!(e.starts_with("x.toml:1: `allow-words`: invalid type") && e.contains("expected a list"), "{e}");
        let e = parse(
            "[rules.long-paragraph]\nwords = 90\n[rules.long-sentence]\nenabled = true\nwords = \"many\"\n",
            "x.toml",
        )
        .expect_err("type");
        assert_eq!(e, "x.toml:5: `rules.long-sentence.words`: invalid type: string \"many\", expected a number.");
        let e = parse("[rules.long-sentence]\nseverity = \"fatal\"\n", "x.toml").expect_err("variant");
        assert!(e.starts_with("x.toml:2: `rules.long-sentence.severity`: unknown variant `fatal`"), "{e}");
        let e = parse("[target]\ngrade = \"six\"\n", "x.toml").expect_err("type");
        assert!(e.starts_with("x.toml:2: `target.grade`:"), "{e}");
        let e = parse("profile = 3\n", "x.toml").expect_err("profile");
        assert_eq!(e, "x.toml:1: `profile` must be \"nhs\", \"us\" or \"easy-read\", not 3.");
        let e = parse("profile = \n", "x.toml").expect_err("syntax");
        assert!(e.starts_with("x.toml:1:"), "{e}");
    }

    #[test]
    fn allow_word_keeps_comments_and_layout() {
        // No list yet: one is added at the top level, before any table, comments kept.
        let text = "# Our leaflets\nprofile = \"nhs\" # UK\n\n[rules.long-word]\nenabled = false\n";
        let new = allow_word(text, "metformin").expect("valid");
        assert!(new.starts_with("# Our leaflets\nprofile = \"nhs\" # UK\nallow-words = [\"metformin\"]\n"), "{new}");
        assert!(new.contains("[rules.long-word]\nenabled = false"), "{new}");
        assert_eq!(parse(&new, "x").map(|s| s.config.allows_word("Metformin")), Ok(true));
        // A list written one word per line gets one more line; a word already there is not repeated.
        let text = "allow-words = [\n  \"metformin\", # diabetes\n  \"ramipril\",\n]\n";
        let new = allow_word(text, "statin").expect("valid");
        assert_eq!(new, "allow-words = [\n  \"metformin\", # diabetes\n  \"ramipril\",\n  \"statin\",\n]\n");
        assert_eq!(allow_word(&new, "Statin").as_deref(), Ok(new.as_str()));
        assert!(allow_word("allow-words = \"x\"\n", "y").is_err());
        assert!(allow_word("profile = \n", "y").is_err());
    }

    #[test]
    fn settings_are_read() {
        let s = parse(
            "profile = \"us\"\nexclude = [\"drafts/**\"]\nallow-words = [\"metformin\"]\n[target]\ngrade = 5\n[rules.long-sentence]\nwords = 25\nseverity = \"error\"\n[rules.long-word]\nenabled = false\n[jargon]\n\"myocardial infarction\" = \"heart attack\"\n",
            "x.toml",
        )
        .expect("valid");
        assert_eq!(s.config.profile, Profile::Us);
        assert_eq!(s.exclude, vec!["drafts/**"]);
        assert_eq!(s.config.threshold("long-sentence", "words"), 25.0);
        assert_eq!(s.config.severity_override("long-sentence"), Some(leaflint::Severity::Error));
        assert!(!s.config.rule_enabled("long-word"));
        assert_eq!(s.config.target("grade"), 5.0);
        assert!(s.config.allows_word("Metformin"));
        assert_eq!(s.config.jargon.get("myocardial infarction").map(String::as_str), Some("heart attack"));
    }

    #[test]
    fn readme_example_is_valid() {
        let readme = include_str!("../../../README.md");
        let block = readme.split("```toml\n").nth(1).and_then(|b| b.split("```").next()).expect("toml block");
        let s = parse(block, "README.md").expect("the README's example loads");
        assert_eq!(s.config.threshold("long-sentence", "words"), 25.0);
        assert_eq!(s.exclude, vec!["drafts/**"]);
    }

    #[test]
    fn default_file_is_valid_commented_or_not() {
        for profile in Profile::ALL {
            let text = default_file(profile);
            let s = parse(&text, "init").expect("valid as written");
            assert_eq!(s.config, Config::for_profile(profile), "commented out: defaults");
            // Uncomment every `# key = value` setting line: still valid, and still the defaults.
            let uncommented: String = text
                .lines()
                .map(|l| {
                    let body = l.strip_prefix("# ").unwrap_or(l);
                    let is_setting = body.starts_with("[rules.")
                        || (body.contains(" = ")
                            && !body.starts_with("exclude")
                            && !body.starts_with("allow-")
                            && !body.starts_with('"'));
                    if l.starts_with("# ") && is_setting {
                        body.to_owned()
                    } else {
                        l.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let s = parse(&uncommented, "init").expect("valid uncommented");
            for r in RULES {
                let id = r.meta().id;
                assert_eq!(s.config.rule_enabled(id), Config::for_profile(profile).rule_enabled(id), "{id}");
                for t in r.meta().thresholds {
                    assert_eq!(s.config.threshold(id, t.key), t.values[profile.index()], "{id}.{}", t.key);
                }
            }
            for t in TARGETS {
                assert_eq!(s.config.target(t.key), t.values[profile.index()]);
            }
        }
    }
}
