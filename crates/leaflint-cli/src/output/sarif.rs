//! SARIF 2.1.0 (OASIS): one run with every rule (help text, default level, category) and one
//! result per finding, with its region (line/column in Unicode code points, and byte offsets),
//! related places and fixes as artifact changes. Validated against the OASIS schema in
//! `tests/sarif.rs`.

use super::{line_col, Checked};
use leaflint::rules::{RuleMeta, RULES};
use leaflint::{Finding, Severity};
use serde_json::{json, Map, Value};

/// The schema URI written in `$schema`.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        Some(Severity::Info) => "note",
        None => "none",
    }
}

/// A relative URI reference for a path as given: forward slashes, and percent-encoding of every
/// byte outside the unreserved set and `/`.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn pascal(id: &str) -> String {
    id.split('-').map(leaflint::finding::capitalise).collect()
}

fn rule_descriptor(m: &RuleMeta, profile: usize) -> Value {
    let text = format!(
        "{}\n\nWhy it matters: {}\n\nFlagged: {}\nPlainer: {}\n\nSource: {}",
        m.summary, m.why, m.flagged, m.plainer, m.source
    );
    let markdown = format!(
        "{}\n\n**Why it matters:** {}\n\n| Flagged | Plainer |\n|---|---|\n| {} | {} |\n\n**Source:** {}",
        m.summary,
        m.why,
        m.flagged.replace('|', "\\|").replace('\n', " "),
        m.plainer.replace('|', "\\|").replace('\n', " "),
        m.source
    );
    json!({
        "id": m.id,
        "name": pascal(m.id),
        "shortDescription": {"text": m.summary},
        "fullDescription": {"text": m.why},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {
            "enabled": m.default_severity[profile].is_some(),
            "level": level(m.default_severity[profile].or(Some(Severity::Info))),
        },
        "properties": {"category": m.category.name(), "tags": [m.category.name(), "health-literacy"]},
    })
}

fn region(text: &str, start: usize, end: usize) -> Value {
    let (sl, sc) = line_col(text, start);
    let (el, ec) = line_col(text, end);
    let mut r = json!({
        "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
        "byteOffset": start, "byteLength": end.saturating_sub(start),
    });
    if let Some(snippet) = text.get(start..end).filter(|s| !s.is_empty()) {
        r["snippet"] = json!({ "text": snippet });
    }
    r
}

fn location(uri: &str, index: usize, text: &str, start: usize, end: usize) -> Value {
    json!({"physicalLocation": {
        "artifactLocation": {"uri": uri, "index": index},
        "region": region(text, start, end),
    }})
}

fn result(f: &Finding, c: &Checked, uri: &str, index: usize, rule_index: Option<usize>) -> Value {
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = rule_index {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(Some(f.severity))));
    let message = match &f.help {
        Some(h) => format!("{} {h}", f.message),
        None => f.message.clone(),
    };
    r.insert("message".into(), json!({ "text": message }));
    r.insert("locations".into(), json!([location(uri, index, &c.text, f.span.start(), f.span.end())]));
    if !f.related.is_empty() {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let mut l = location(uri, index, &c.text, rel.span.start(), rel.span.end());
                l["id"] = json!(i);
                l["message"] = json!({ "text": rel.label });
                l
            })
            .collect();
        r.insert("relatedLocations".into(), Value::Array(related));
    }
    let fixes: Vec<Value> = f
        .fixes
        .iter()
        .filter(|fx| !fx.edits.is_empty())
        .map(|fx| {
            let replacements: Vec<Value> = fx
                .edits
                .iter()
                .map(|e| {
                    json!({
                        "deletedRegion": {"byteOffset": e.span.start(), "byteLength": e.span.len()},
                        "insertedContent": {"text": e.replacement},
                    })
                })
                .collect();
            let applicability = match fx.applicability {
                leaflint::Applicability::Safe => "safe",
                leaflint::Applicability::Review => "review",
            };
            json!({
                "description": {"text": fx.label},
                "artifactChanges": [{"artifactLocation": {"uri": uri, "index": index}, "replacements": replacements}],
                "properties": {"applicability": applicability},
            })
        })
        .collect();
    if !fixes.is_empty() {
        r.insert("fixes".into(), Value::Array(fixes));
    }
    let mut props = Map::new();
    props.insert("category".into(), json!(f.category.name()));
    props.insert("scope".into(), json!(f.scope));
    if !f.data.is_empty() {
        props.insert("data".into(), Value::Object(f.data.clone()));
    }
    r.insert("properties".into(), Value::Object(props));
    Value::Object(r)
}

/// The SARIF log of every checked text.
pub fn render(checked: &[Checked]) -> Result<String, String> {
    let profile = checked.first().map_or(0, |c| c.report.profile.index());
    let rules: Vec<Value> = RULES.iter().map(|r| rule_descriptor(r.meta(), profile)).collect();
    let mut artifacts = Vec::new();
    let mut results = Vec::new();
    for (index, c) in checked.iter().enumerate() {
        let uri = uri(&c.name);
        let lang = match c.format {
            leaflint::Format::Markdown => "markdown",
            _ => "plaintext",
        };
        artifacts.push(json!({
            "location": {"uri": uri},
            "length": c.text.len(),
            "mimeType": if lang == "markdown" { "text/markdown" } else { "text/plain" },
            "encoding": "utf-8",
            "sourceLanguage": lang,
            "roles": ["analysisTarget"],
        }));
        for f in &c.report.findings {
            let rule_index = RULES.iter().position(|r| r.meta().id == f.rule);
            results.push(result(f, c, &uri, index, rule_index));
        }
    }
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "leaflint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
            "properties": {"profile": checked.first().map_or("nhs", |c| c.report.profile.name())},
        }],
    });
    serde_json::to_string_pretty(&log).map(|s| s + "\n").map_err(|e| format!("could not write SARIF: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("leaflets/Type 2 diabetes.md"), "leaflets/Type%202%20diabetes.md");
        assert_eq!(uri("a\\b.txt"), "a/b.txt");
        assert_eq!(uri("café.txt"), "caf%C3%A9.txt");
        assert_eq!(pascal("long-sentence"), "LongSentence");
    }
}
