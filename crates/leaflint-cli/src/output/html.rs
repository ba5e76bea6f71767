//! One standalone, offline HTML page: for each text, a scores panel (reading-age gauge, SMOG,
//! complex language, passives, numeracy load), findings per rule, the text with every flagged
//! span highlighted (`<mark>`, coloured by severity, nested where findings nest), the findings
//! list (each frequency finding with its icon array), "Pictures for your numbers" (each risk
//! sentence with the icon array of its number), chunks with teach-back prompts and the checklists
//! when the report has them. No external resources; a print stylesheet keeps it readable on paper.

use super::{line_col, numeracy_load, reading_age_target, severity_counts, Checked};
use leaflint::picture::Picture;
use leaflint::report::{Report, TargetStatus};
use leaflint::{Finding, Scope, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// How a highlight looks: a word (filled), a sentence (underlined) or a block (faint).
fn level_class(f: &Finding, text: &str) -> &'static str {
    let s = f.span.slice(text);
    if f.scope == Scope::Document || s.contains("\n\n") || f.category == leaflint::Category::Structure {
        "lvl-block"
    } else if s.split_whitespace().count() <= 4 {
        "lvl-word"
    } else {
        "lvl-sentence"
    }
}

/// The text with `<mark>`s around every span-scope finding. Marks nest; a finding that crosses
/// the end of an enclosing one is split into pieces that share `data-finding`.
pub fn highlight(doc: usize, text: &str, findings: &[Finding]) -> String {
    // (start, end, finding index); document-scope and empty spans are not marked.
    let mut queue: Vec<(usize, usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.scope == Scope::Span && !f.span.is_empty() && f.span.end() <= text.len())
        .map(|(i, f)| (f.span.start(), f.span.end(), i))
        .collect();
    // Longest first at the same start, so the outer mark opens first; pop from the back.
    let key = |x: &(usize, usize, usize)| (std::cmp::Reverse(x.0), x.1, std::cmp::Reverse(x.2));
    queue.sort_by_key(key);
    let mut out = String::with_capacity(text.len() * 2);
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (end, finding)
    let mut opened = vec![false; findings.len()];
    let mut pos = 0;
    loop {
        let next_start = queue.last().map(|x| x.0);
        match (stack.last().copied(), next_start) {
            (Some((end, _)), s) if s.is_none_or(|s| end <= s) => {
                out.push_str(&esc(&text[pos..end]));
                out.push_str("</mark>");
                stack.pop();
                pos = end;
            }
            (_, Some(_)) => {
                let Some((s, mut e, i)) = queue.pop() else { break };
                out.push_str(&esc(&text[pos..s]));
                pos = s;
                if let Some(&(top_end, _)) = stack.last() {
                    if e > top_end {
                        let rest = (top_end, e, i);
                        let at = queue.partition_point(|x| key(x) < key(&rest));
                        queue.insert(at, rest);
                        e = top_end;
                    }
                }
                if e <= s {
                    continue;
                }
                let f = &findings[i];
                let id = if opened[i] { String::new() } else { format!(" id=\"f{doc}-{i}\"") };
                opened[i] = true;
                let _ = write!(
                    out,
                    "<mark{id} class=\"{} {}\" data-finding=\"{doc}-{i}\" data-rule=\"{}\" title=\"{}\">",
                    sev_class(f.severity),
                    level_class(f, text),
                    esc(&f.rule),
                    esc(&format!("{} ({}): {}", f.rule, f.severity, f.message))
                );
                stack.push((e, i));
            }
            _ => break,
        }
    }
    out.push_str(&esc(&text[pos..]));
    out
}

fn num(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.digits$}"))
}

/// Reading ages the gauge spans.
const GAUGE_MIN: f64 = 6.0;
const GAUGE_MAX: f64 = 21.0;

fn gauge_point(v: f64, r: f64) -> (f64, f64) {
    let t = ((v - GAUGE_MIN) / (GAUGE_MAX - GAUGE_MIN)).clamp(0.0, 1.0);
    let a = std::f64::consts::PI * (1.0 - t);
    (100.0 + r * a.cos(), 100.0 - r * a.sin())
}

fn arc(from: f64, to: f64, r: f64, class: &str) -> String {
    let (x1, y1) = gauge_point(from, r);
    let (x2, y2) = gauge_point(to, r);
    format!("<path class=\"{class}\" d=\"M {x1:.1} {y1:.1} A {r} {r} 0 0 1 {x2:.1} {y2:.1}\"/>")
}

/// The reading-age gauge: green to the pass bound, amber to the acceptable bound, red above.
fn gauge(r: &Report) -> String {
    let Some(t) = reading_age_target(r) else {
        return "<div class=\"gauge none\">Reading age: — (no sentences to measure)</div>".to_owned();
    };
    let ok = t.acceptable_at_most.unwrap_or(t.pass_at_most);
    let (x1, y1) = gauge_point(t.value, 52.0);
    let (x2, y2) = gauge_point(t.value, 74.0);
    let (status, word) = match t.status {
        TargetStatus::Pass => ("pass", "pass"),
        TargetStatus::Acceptable => ("acceptable", "acceptable"),
        TargetStatus::Fail => ("fail", "too hard"),
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<figure class=\"gauge\"><svg viewBox=\"0 0 200 118\" role=\"img\" aria-label=\"Reading age {:.1}: {word}\">",
        t.value
    );
    s.push_str(&arc(GAUGE_MIN, t.pass_at_most, 80.0, "zone-pass"));
    s.push_str(&arc(t.pass_at_most, ok, 80.0, "zone-acceptable"));
    s.push_str(&arc(ok, GAUGE_MAX, 80.0, "zone-fail"));
    let _ = write!(s, "<line class=\"needle\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\"/>");
    let _ = write!(s, "<text class=\"gauge-value\" x=\"100\" y=\"98\">{:.1}</text>", t.value);
    s.push_str("<text class=\"gauge-unit\" x=\"100\" y=\"112\">years</text>");
    for (v, anchor) in [(GAUGE_MIN, "start"), (GAUGE_MAX, "end")] {
        let (x, _) = gauge_point(v, 80.0);
        let _ = write!(s, "<text class=\"gauge-tick\" x=\"{x:.0}\" y=\"114\" text-anchor=\"{anchor}\">{v:.0}</text>");
    }
    let _ = write!(
        s,
        "</svg><figcaption><strong>Reading age</strong> <span class=\"status {status}\">{word}</span><br>\
         <small>pass at {:.0} or under, acceptable to {:.0} · from the {} grade</small></figcaption></figure>",
        t.pass_at_most,
        ok,
        match r.scores.readability.target_grade_source {
            "smog" => "SMOG",
            other => other,
        }
    );
    s
}

fn scores_table(r: &Report) -> String {
    let rd = &r.scores.readability;
    let lang = &r.scores.language;
    let c = &r.scores.counts;
    let target = |metric: &str| r.targets.iter().find(|t| t.metric == metric);
    let status = |metric: &str| {
        target(metric).map_or(String::new(), |t| {
            let (cls, w) = match t.status {
                TargetStatus::Pass => ("pass", "pass"),
                TargetStatus::Acceptable => ("acceptable", "acceptable"),
                TargetStatus::Fail => ("fail", "above target"),
            };
            format!(" <span class=\"status {cls}\">{w}</span>")
        })
    };
    let minutes = (r.scores.reading_time.silent_seconds / 60.0).ceil().max(1.0);
    let rows: Vec<(&str, String)> = vec![
        ("SMOG grade", format!("{} <small>({} confidence)</small>", num(rd.smog.grade, 1), esc(rd.smog.confidence))),
        ("Consensus grade", num(rd.consensus_grade, 1)),
        ("Flesch–Kincaid grade", num(rd.flesch_kincaid_grade, 1)),
        ("Flesch reading ease", num(rd.flesch_reading_ease, 0)),
        (
            "Complex language",
            format!(
                "{}{}",
                lang.complex_language_pct.map_or("—".to_owned(), |v| format!("{v:.1}%")),
                status("complex_language_pct")
            ),
        ),
        (
            "Passive sentences",
            format!("{}{}", lang.passive_count.map_or("—".to_owned(), |v| v.to_string()), status("passive_share")),
        ),
        ("Numeracy load", format!("{}{}", num(numeracy_load(r), 1), status("numeracy_load"))),
        ("Words", c.words_total.to_string()),
        ("Sentences", c.formula_sentences.to_string()),
        ("Reading time", format!("about {minutes:.0} min")),
    ];
    let mut s = String::from("<table class=\"scores\"><tbody>");
    for (k, v) in rows {
        let _ = write!(s, "<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>");
    }
    s.push_str("</tbody></table>");
    s
}

fn rule_table(r: &Report) -> String {
    let mut counts: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
    for f in &r.findings {
        let e = counts.entry(&f.rule).or_insert((0, f.severity));
        e.0 += 1;
        e.1 = e.1.max(f.severity);
    }
    if counts.is_empty() {
        return "<p class=\"clean\">No findings.</p>".to_owned();
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
    let mut s = String::from("<table class=\"rules\"><thead><tr><th>Rule</th><th>Count</th></tr></thead><tbody>");
    for (rule, (n, sev)) in rows {
        let _ = write!(
            s,
            "<tr><td><span class=\"dot {}\"></span><code>{}</code></td><td>{n}</td></tr>",
            sev_class(sev),
            esc(rule)
        );
    }
    s.push_str("</tbody></table>");
    s
}

/// Most icon arrays drawn inline per text (a 100-icon array is about 15 KB): past this, a finding
/// or a picture entry shows the array's words and how to draw it.
pub const MAX_INLINE_PICTURES: usize = 100;

/// An icon array inline in the page (element ids prefixed by `id`, unique in the page), with its
/// words as the caption; only its words once `budget` is spent.
fn picture_figure(p: &Picture, id: &str, budget: &mut usize) -> String {
    let caption = format!("<figcaption>{}</figcaption>", esc(&p.alt));
    if *budget == 0 {
        return format!(
            "<figure class=\"picture words-only\">{caption}<p class=\"help\">Draw it with <code>leaflint picture</code>.</p></figure>"
        );
    }
    *budget -= 1;
    // Inline in HTML the SVG namespace is implied: without the xmlns the page names no URL at all.
    let svg = p.svg_with_id(Some(id)).replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    format!("<figure class=\"picture\" data-shaded=\"{}\">{svg}{caption}</figure>", p.numerator)
}

/// Each risk or chance number of the text, with its sentence and its icon array (`report.pictures`).
pub fn pictures(doc: usize, c: &Checked, budget: &mut usize) -> String {
    let r = &c.report;
    if r.pictures.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "<section class=\"pictures\"><h3>Pictures for your numbers ({})</h3>\
         <p class=\"intro\">Icon arrays show a chance as people: put one beside its number (CDC Clear Communication Index 20). \
         Draw any of them as a file with <code>leaflint picture</code>.</p><ol>",
        r.pictures.len()
    );
    for (k, p) in r.pictures.iter().enumerate() {
        let (a, b, e) = (p.sentence.start(), p.span.start(), p.span.end());
        let (sentence, number) = (&c.text.get(a..b), &c.text.get(b..e));
        let rest = c.text.get(e..p.sentence.end().max(e));
        let quote = match (sentence, number, rest) {
            (Some(x), Some(n), Some(y)) => format!("{}<strong>{}</strong>{}", esc(x), esc(n), esc(y)),
            _ => esc(&p.text),
        };
        let (line, _) = line_col(&c.text, b);
        let _ = write!(
            s,
            "<li id=\"p{doc}-{k}\" class=\"risk\"><blockquote>{quote}</blockquote><p class=\"where\">line {line}</p>{}</li>",
            picture_figure(&p.picture, &format!("p{doc}-{k}"), budget)
        );
    }
    s.push_str("</ol></section>");
    s
}

fn findings_list(doc: usize, c: &Checked, budget: &mut usize) -> String {
    let r = &c.report;
    if r.findings.is_empty() {
        return String::new();
    }
    let mut s = format!("<section class=\"findings\"><h3>Findings ({})</h3><ol>", r.findings.len());
    for (i, f) in r.findings.iter().enumerate() {
        let target = if f.scope == Scope::Span && !f.span.is_empty() { format!("#f{doc}-{i}") } else { String::new() };
        let place = format!("line {}, column {}", f.line, f.column);
        let place = if target.is_empty() { place } else { format!("<a href=\"{target}\">{place}</a>") };
        let _ = write!(
            s,
            "<li id=\"l{doc}-{i}\" class=\"finding {}\"><span class=\"badge {}\">{}</span> <code>{}</code> \
             <span class=\"where\">{place}</span><p>{}</p>",
            sev_class(f.severity),
            sev_class(f.severity),
            f.severity,
            esc(&f.rule),
            esc(&f.message)
        );
        if let Some(h) = &f.help {
            let _ = write!(s, "<p class=\"help\">{}</p>", esc(h));
        }
        for fx in &f.fixes {
            let how = match fx.applicability {
                leaflint::Applicability::Safe => "Safe fix",
                leaflint::Applicability::Review => "Suggested fix",
            };
            let edits: Vec<String> = fx
                .edits
                .iter()
                .map(|e| {
                    format!(
                        "<del>{}</del> → <ins>{}</ins>",
                        esc(e.span.slice(&c.text)),
                        esc(&e.replacement).replace('\n', "⏎")
                    )
                })
                .collect();
            let _ = write!(s, "<p class=\"fix\">{how}: {} ({})</p>", esc(&fx.label), edits.join(", "));
        }
        for rel in &f.related {
            let (l, col) = line_col(&c.text, rel.span.start());
            let _ = write!(s, "<p class=\"related\">{} — line {l}, column {col}</p>", esc(&rel.label));
        }
        if let Some(p) = f.data.get("picture").and_then(|v| serde_json::from_value::<Picture>(v.clone()).ok()) {
            s.push_str(&picture_figure(&p, &format!("f{doc}-{i}-pic"), budget));
        }
        s.push_str("</li>");
    }
    s.push_str("</ol></section>");
    s
}

fn str_of(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Chunks with their teach-back prompts (SPEC §6.2, §6.14), when the report has them.
pub fn chunks(r: &Report) -> String {
    if r.chunks.is_empty() {
        return String::new();
    }
    let mut s = String::from(
        "<section class=\"chunks\"><h3>Chunks and teach-back</h3>\
         <p class=\"intro\">Ask the reader to say back, in their own words, what each part asks them to do.</p><ol>",
    );
    for (i, ch) in r.chunks.iter().enumerate() {
        let ch = &serde_json::to_value(ch).unwrap_or_default();
        let heading =
            str_of(ch, "heading").unwrap_or_else(|| if i == 0 { "Opening".into() } else { format!("Part {}", i + 1) });
        let _ = write!(s, "<li class=\"chunk\"><h4>{}</h4><p class=\"meta\">", esc(&heading));
        let mut meta = Vec::new();
        for (key, label) in [("words", "words"), ("actions", "actions"), ("fk_grade", "grade")] {
            if let Some(v) = ch.get(key).and_then(Value::as_f64) {
                meta.push(if key == "fk_grade" { format!("{label} {v:.1}") } else { format!("{v:.0} {label}") });
            }
        }
        s.push_str(&esc(&meta.join(" · ")));
        s.push_str("</p>");
        let prompts: Vec<&str> = ch
            .get("teach_back")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if !prompts.is_empty() {
            s.push_str("<ul class=\"teach-back\">");
            for p in prompts {
                let _ = write!(s, "<li>{}</li>", esc(p));
            }
            s.push_str("</ul>");
        }
        s.push_str("</li>");
    }
    s.push_str("</ol></section>");
    s
}

/// The CDC Clear Communication Index and PEMAT-P items (SPEC §7), when the report has them.
pub fn checklists(r: &Report) -> String {
    let lists = [("CDC Clear Communication Index", &r.checklists.cdc_cci), ("PEMAT-P", &r.checklists.pemat_p)];
    if lists.iter().all(|(_, l)| l.items.is_empty()) {
        return String::new();
    }
    let mut s = String::from(
        "<section class=\"checklists\"><h3>Checklists</h3>\
         <p class=\"intro\">Automatic items are decided from the findings; the others are prompts for you to answer.</p>",
    );
    for (title, list) in lists {
        if list.items.is_empty() {
            continue;
        }
        let _ = write!(s, "<h4>{title}</h4><table class=\"checklist\"><thead><tr><th>Item</th><th>Status</th><th>Note</th></tr></thead><tbody>");
        for item in &list.items {
            let item = &serde_json::to_value(item).unwrap_or_default();
            let id = str_of(item, "id").unwrap_or_default();
            let text = str_of(item, "text").unwrap_or_default();
            let status = str_of(item, "status").unwrap_or_else(|| "prompt".into());
            let suggested =
                str_of(item, "suggested").map(|x| format!(" <small>(likely {})</small>", esc(&x))).unwrap_or_default();
            let note = str_of(item, "note").unwrap_or_default();
            let _ = write!(
                s,
                "<tr><td><b>{}</b> {}</td><td><span class=\"status {}\">{}</span>{suggested}</td><td>{}</td></tr>",
                esc(&id),
                esc(&text),
                esc(&status),
                esc(&status),
                esc(&note)
            );
        }
        s.push_str("</tbody></table>");
    }
    s.push_str("</section>");
    s
}

fn document(doc: usize, c: &Checked) -> String {
    let r = &c.report;
    let [e, w, i] = severity_counts(r);
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"doc\" id=\"doc-{doc}\"><h2>{}</h2>\
         <p class=\"counts\"><span class=\"badge sev-error\">{e} error{}</span> \
         <span class=\"badge sev-warning\">{w} warning{}</span> <span class=\"badge sev-info\">{i} info</span></p>\
         <div class=\"layout\"><aside class=\"panel\">",
        esc(&c.name),
        if e == 1 { "" } else { "s" },
        if w == 1 { "" } else { "s" },
    );
    s.push_str(&gauge(r));
    s.push_str(&scores_table(r));
    s.push_str("<h3>Findings per rule</h3>");
    s.push_str(&rule_table(r));
    s.push_str(
        "<div class=\"legend\"><span class=\"legend-item\"><mark class=\"sev-error lvl-word\">error</mark></span>\
         <span class=\"legend-item\"><mark class=\"sev-warning lvl-word\">warning</mark></span>\
         <span class=\"legend-item\"><mark class=\"sev-info lvl-word\">info</mark></span>\
         <span class=\"legend-item\"><mark class=\"sev-warning lvl-sentence\">a sentence</mark></span></div>",
    );
    s.push_str("</aside><article class=\"text\"><h3>Text</h3><div class=\"source\">");
    s.push_str(&highlight(doc, &c.text, &r.findings));
    s.push_str("</div></article></div>");
    let mut budget = MAX_INLINE_PICTURES;
    s.push_str(&findings_list(doc, c, &mut budget));
    s.push_str(&pictures(doc, c, &mut budget));
    s.push_str(&chunks(r));
    s.push_str(&checklists(r));
    if !r.notes.is_empty() {
        s.push_str("<section class=\"notes\"><h3>Notes</h3><ul>");
        for n in &r.notes {
            let _ = write!(s, "<li>{}</li>", esc(n));
        }
        s.push_str("</ul></section>");
    }
    s.push_str("</section>");
    s
}

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The whole page.
pub fn render(checked: &[Checked]) -> String {
    let profile = checked.first().map_or("nhs", |c| c.report.profile.name());
    let title = match checked {
        [one] => format!("leaflint report: {}", one.name),
        _ => format!("leaflint report: {} files", checked.len()),
    };
    let mut s = String::with_capacity(checked.iter().map(|c| c.text.len() * 3).sum::<usize>() + 16_384);
    let _ = write!(
        s,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"leaflint {}\"><title>{}</title><style>{CSS}</style></head><body>\
         <header><h1>leaflint report</h1><p>Profile <b>{profile}</b> · leaflint {} · {} file{}</p></header>",
        env!("CARGO_PKG_VERSION"),
        esc(&title),
        env!("CARGO_PKG_VERSION"),
        checked.len(),
        if checked.len() == 1 { "" } else { "s" }
    );
    if checked.len() > 1 {
        s.push_str(
            "<nav><h2>Files</h2><table class=\"files\"><thead><tr><th>File</th><th>Reading age</th>\
             <th>Errors</th><th>Warnings</th><th>Info</th></tr></thead><tbody>",
        );
        for (i, c) in checked.iter().enumerate() {
            let age = reading_age_target(&c.report).map_or("—".to_owned(), |t| {
                let cls = match t.status {
                    TargetStatus::Pass => "pass",
                    TargetStatus::Acceptable => "acceptable",
                    TargetStatus::Fail => "fail",
                };
                format!("<span class=\"status {cls}\">{:.1}</span>", t.value)
            });
            let [e, w, n] = severity_counts(&c.report);
            let _ = write!(
                s,
                "<tr><td><a href=\"#doc-{i}\">{}</a></td><td>{age}</td><td>{e}</td><td>{w}</td><td>{n}</td></tr>",
                esc(&c.name)
            );
        }
        s.push_str("</tbody></table></nav>");
    }
    s.push_str("<main>");
    for (i, c) in checked.iter().enumerate() {
        s.push_str(&document(i, c));
    }
    let _ = writeln!(
        s,
        "</main><footer>Made by leaflint {}. Scores are estimates: test your text with readers.</footer>\
         <script>{JS}</script></body></html>",
        env!("CARGO_PKG_VERSION")
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use leaflint::{Applicability, ByteSpan, Category, Fix};

    static META: leaflint::rules::RuleMeta = leaflint::rules::RuleMeta {
        id: "test-rule",
        category: Category::Words,
        summary: "",
        default_severity: [Some(Severity::Info); 3],
        thresholds: &[],
        why: "",
        flagged: "",
        plainer: "",
        source: "",
    };

    fn f(s: usize, e: usize, sev: Severity) -> Finding {
        Finding::new(&META, sev, ByteSpan::new(s, e), "m")
    }

    /// The text of each `data-finding` value, with nested marks' text included.
    fn mark_texts(html: &str) -> BTreeMap<String, String> {
        let mut out: BTreeMap<String, String> = BTreeMap::new();
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let text = &rest[..i];
            for id in &stack {
                out.entry(id.clone()).or_default().push_str(text);
            }
            let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
            let tag = &rest[i..end];
            if tag.starts_with("<mark") {
                let id = tag.split("data-finding=\"").nth(1).and_then(|t| t.split('"').next()).unwrap_or("");
                stack.push(id.to_owned());
            } else if tag == "</mark>" {
                stack.pop();
            }
            rest = &rest[end..];
        }
        out.into_iter().map(|(k, v)| (k, v.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))).collect()
    }

    #[test]
    fn nested_and_crossing_marks_keep_each_findings_text() {
        let text = "Take <2> tablets & rest well today.";
        let findings = vec![
            f(0, 35, Severity::Warning),
            f(5, 8, Severity::Error),
            f(9, 23, Severity::Info),
            f(18, 35, Severity::Info),
        ];
        let html = highlight(0, text, &findings);
        let got = mark_texts(&html);
        for (i, fi) in findings.iter().enumerate() {
            assert_eq!(got.get(&format!("0-{i}")).map(String::as_str), Some(fi.span.slice(text)), "{html}");
        }
        assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
        assert_eq!(html.matches("id=\"f0-3\"").count(), 1, "one id per finding even when split");
    }

    #[test]
    fn chunks_and_checklists_render_when_present() {
        let r = leaflint::check("Take 1 tablet 2 times a day.", &leaflint::Config::default());
        let html = chunks(&r) + &checklists(&r);
        assert!(html.contains("<li>Can you tell me how and when you will take this medicine?</li>"), "{html}");
        assert!(html.contains("7 words · 1 actions"), "{html}");
        assert!(html.contains("<span class=\"status pass\">pass</span>"), "{html}");
        let mut empty = r.clone();
        empty.chunks.clear();
        empty.checklists.cdc_cci.items.clear();
        empty.checklists.pemat_p.items.clear();
        assert!(chunks(&empty).is_empty() && checklists(&empty).is_empty());
    }

    #[test]
    fn fixes_and_escaping() {
        let text = "Use <b> & rest.";
        let fi =
            f(0, 3, Severity::Warning).with_fix(Fix::replace("x", Applicability::Safe, ByteSpan::new(0, 3), "Take"));
        let html = highlight(0, text, &[fi]);
        assert!(html.contains("&lt;b&gt; &amp; rest."), "{html}");
    }

    #[test]
    fn pictures_beside_their_numbers_up_to_the_budget() {
        let text = "About 1 in 10 people get a rash. About 20% of people get a headache.";
        let c = Checked {
            name: "t".into(),
            text: text.into(),
            format: leaflint::Format::Text,
            report: leaflint::check(text, &leaflint::Config::default()),
        };
        let mut budget = MAX_INLINE_PICTURES;
        let html = pictures(0, &c, &mut budget);
        assert!(html.contains("About <strong>1 in 10</strong> people get a rash."), "{html}");
        assert_eq!(html.matches("<svg").count(), 2);
        // 20% in the document's own denominator: 2 in 10.
        assert_eq!(html.matches("data-filled=\"1\"").count(), 1 + 2, "1 in 10 and 2 in 10");
        assert_eq!(budget, MAX_INLINE_PICTURES - 2);
        assert!(html.contains("id=\"p0-1-lf-ia-10-2-t\""), "ids prefixed per entry");
        let mut none = 0;
        let html = pictures(0, &c, &mut none);
        assert_eq!(html.matches("<svg").count(), 0);
        assert!(html.contains("<figcaption>2 in 10 people: 2 shaded, 8 not</figcaption>"), "{html}");
    }
}
