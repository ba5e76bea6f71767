//! `steps-in-one-sentence` (SPEC §6.9)
//!
//! **What it checks**: an action unit made of at least `steps` actions joined by `,`, `, and`,
//! `and`, `then` or `, then`, each part starting with an action verb (an opening `If …,` clause
//! is kept apart).
//!
//! **Why it matters to patients**: steps in a row are easier to follow, and to check off, as a
//! numbered list than inside one sentence.
//!
//! **Flagged example**: "Wash your hands, dry them and apply a thin layer of cream."
//!
//! **Plainer version**: the same steps as a numbered list.
//!
//! **Source**: PEMAT item 22 (break actions into explicit steps).
//!
//! **Fix** (review; plain text and Markdown, not inside a list item or table cell): the sentence
//! becomes a numbered list, each step capitalised and ended with a full stop, at the block's
//! indent (`1. Wash your hands.\n2. Dry them.\n3. Apply a thin layer of cream.`).

use super::{Context, Rule, RuleMeta, Threshold};
use crate::document::{BlockKind, Format};
use crate::finding::{capitalise, Applicability, Category, Finding, Fix, Severity};
use crate::text::action::verb_class;

/// See the module documentation.
pub struct StepsInOneSentence;

static META: RuleMeta = RuleMeta {
    id: "steps-in-one-sentence",
    category: Category::Structure,
    summary: "Several steps packed into one sentence",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[Threshold { key: "steps", values: [3.0, 3.0, 2.0], doc: "flag a sentence with at least this many steps" }],
    why: "Steps in a row are easier to follow, and to check off, as a numbered list than inside one sentence.",
    flagged: "Wash your hands, dry them and apply a thin layer of cream.",
    plainer: "1. Wash your hands.\n2. Dry them.\n3. Apply a thin layer of cream.",
    source: "PEMAT item 22 (break actions into explicit steps)",
};

/// The steps of `unit`: byte ranges of each part, if every part starts with an action verb.
/// An opening condition (`If …,`) is returned apart.
fn steps(unit: &str) -> Option<(usize, Vec<(usize, usize)>)> {
    let lower = unit.to_ascii_lowercase();
    let mut body = 0;
    if ["if ", "when ", "after ", "before ", "once ", "until "].iter().any(|o| lower.starts_with(o)) {
        body = unit.find(',')? + 1;
    }
    let end = unit.trim_end_matches(['.', '!', ' ']).len();
    if end <= body {
        return None;
    }
    let mut parts = Vec::new();
    let mut start = body;
    let bytes = lower.as_bytes();
    let mut i = body;
    while i < end {
        if !lower.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let sep = if bytes[i] == b',' {
            Some(1)
        } else if lower[i..].starts_with(" and ") || lower[i..].starts_with(" then ") {
            Some(0)
        } else {
            None
        };
        if let Some(w) = sep {
            parts.push((start, i));
            start = i + w;
            i += w.max(1);
            continue;
        }
        i += 1;
    }
    parts.push((start, end));
    let mut out = Vec::new();
    for (s, e) in parts {
        let part = &unit[s..e];
        let trimmed = part.trim_start();
        let mut t = trimmed;
        for lead in ["and then ", "and ", "then "] {
            if t.get(..lead.len()).is_some_and(|p| p.eq_ignore_ascii_case(lead)) {
                t = &t[lead.len()..];
            }
        }
        if t.trim().is_empty() {
            continue;
        }
        let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        verb_class(first)?;
        let from = e - part.len() + (part.len() - t.len());
        out.push((from, e));
    }
    Some((body, out))
}

impl Rule for StepsInOneSentence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let min = cx.threshold(&META, "steps");
        let st = cx.structure;
        for (ui, u) in cx.analysis.units.iter().enumerate() {
            if !st.is_action(ui) {
                continue;
            }
            let text = cx.unit_text(u);
            let Some((body, parts)) = steps(text) else { continue };
            if (parts.len() as f64) < min {
                continue;
            }
            let n = parts.len();
            let mut f = Finding::new(&META, cx.severity(&META), u.span, format!("This sentence has {n} steps. Write them as a numbered list."))
                .with_data("steps", n);
            let block = cx.block(u);
            let in_paragraph = block.kind == BlockKind::Paragraph;
            if in_paragraph && matches!(cx.doc.format, Format::Text | Format::Markdown) && body == 0 {
                if let Some(span) = cx.verbatim_span(u.block, u.analysed.clone()) {
                    let line_start = cx.doc.text[..block.span.start()].rfind('\n').map_or(0, |i| i + 1);
                    let indent: String = cx.doc.text[line_start..block.span.start()].chars().take_while(|c| *c == ' ').collect();
                    let lines: Vec<String> = parts
                        .iter()
                        .enumerate()
                        .map(|(k, &(s, e))| {
                            let step = text[s..e].trim().trim_end_matches([',', '.', ';']);
                            let pad = if k == 0 { "" } else { indent.as_str() };
                            format!("{pad}{}. {}.", k + 1, capitalise(step))
                        })
                        .collect();
                    let mut repl = lines.join("\n");
                    let src = &cx.doc.text;
                    let (mut from, mut to) = (span.start(), span.end());
                    if !block.analysed[..u.analysed.start].trim().is_empty() {
                        from = src[..from].trim_end().len();
                        repl = format!("\n\n{indent}{repl}");
                    }
                    if !block.analysed[u.analysed.end..].trim().is_empty() {
                        to = src.len() - src[to..].trim_start().len();
                        repl.push_str(&format!("\n\n{indent}"));
                    }
                    let span = crate::span::ByteSpan::new(from, to);
                    f = f.with_fix(Fix::replace("Write the steps as a numbered list", Applicability::Review, span, repl));
                }
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    #[test]
    fn three_steps_become_a_numbered_list() {
        let text = "Wash your hands, dry them and apply a thin layer of cream.";
        assert_fix(text, "steps-in-one-sentence", "1. Wash your hands.\n2. Dry them.\n3. Apply a thin layer of cream.");
        let text = "Put the cream on your skin. Wash your hands, dry them, then put the cap back on the tube. Store it in a cool place.";
        assert_fix(
            text,
            "steps-in-one-sentence",
            "Put the cream on your skin.\n\n1. Wash your hands.\n2. Dry them.\n3. Put the cap back on the tube.\n\nStore it in a cool place.",
        );
    }

    #[test]
    fn lists_of_things_are_not_steps() {
        assert_clean("Don’t take paracetamol with other medicines, and don’t drink alcohol.", "steps-in-one-sentence");
        assert_clean("Take it with water, milk or juice.", "steps-in-one-sentence");
        assert_clean("Wash and dry your hands.", "steps-in-one-sentence");
        assert_clean("You may feel sick, tired and dizzy.", "steps-in-one-sentence");
        let two = "Take your tablet and drink a glass of water.";
        assert_clean(two, "steps-in-one-sentence");
        assert_eq!(findings_with(two, "steps-in-one-sentence", &Config::for_profile(Profile::EasyRead)).len(), 1);
        let f = findings("• Wash your hands, dry them and apply the cream.", "steps-in-one-sentence");
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty(), "no fix inside a list item");
    }
}
