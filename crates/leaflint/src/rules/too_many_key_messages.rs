//! `too-many-key-messages` (SPEC §6.8)
//!
//! **What it checks**: (chunk level) a chunk that asks readers to do more than
//! `actions-per-chunk` distinct things (key actions: verb class + object, SPEC §6.1); (document
//! level) more than `messages` messages the author marked as key: emphasised sentences (bold in
//! Markdown, HTML or Word), sentences starting `Important`, `Remember`, `Key point` or `Warning`,
//! and the items of a summary section.
//!
//! **Why it matters to patients**: most people remember about three things from a conversation
//! or a leaflet; when everything is key, nothing is.
//!
//! **Flagged example**: one section asking readers to take, avoid, check and call.
//!
//! **Plainer version**: the same actions split over two sections.
//!
//! **Source**: chunk and check (most people remember about three things; two or three key
//! messages); CDC Clear Communication Index item 1 (one main message).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 1 of 17 findings (a
//! numbered procedure is one message); a checker that is wrong that often gets ignored (`leaflint
//! rules --precision`). Turn it on under `[rules.too-many-key-messages]` with `enabled = true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::structure::{chunk_split_points, is_summary_heading};
use crate::text::UnitKind;

/// See the module documentation.
pub struct TooManyKeyMessages;

const MARKERS: [&str; 4] = ["Important", "Remember", "Key point", "Warning"];

static META: RuleMeta = RuleMeta {
    id: "too-many-key-messages",
    category: Category::Structure,
    summary: "Sections or documents with more key messages than people remember",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[
        Threshold { key: "actions-per-chunk", values: [3.0, 3.0, 2.0], doc: "flag a chunk with more key actions than this" },
        Threshold { key: "messages", values: [3.0, 3.0, 3.0], doc: "flag a document with more marked key messages than this" },
    ],
    why: "Most people remember about three things. When everything is key, nothing is.",
    flagged: "How to take it\n\nTake 1 tablet a day. Do not drink alcohol. Check your blood pressure every week. Call your GP if you feel dizzy.",
    plainer: "How to take it\n\nTake 1 tablet a day. Do not drink alcohol.\n\nWhat to check\n\nCheck your blood pressure every week. Call your GP if you feel dizzy.",
    source: "Chunk and check (about three things); CDC Clear Communication Index item 1",
};

impl Rule for TooManyKeyMessages {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let st = cx.structure;
        let doc = cx.doc;
        let units = &cx.analysis.units;
        let max = cx.threshold(&META, "actions-per-chunk");
        for c in &st.chunks {
            let keys = st.key_actions(c);
            if keys.len() as f64 <= max {
                continue;
            }
            let span = doc.blocks[c.heading.unwrap_or(c.blocks.start)].span;
            let n = keys.len();
            let message = format!("This section asks readers to do {n} things. Most people remember about 3. Split it, or make the rest supporting detail.");
            let mut f = Finding::new(&META, cx.severity(&META), span, message).with_data("key_actions", n).with_data("limit", max);
            for (span, p) in chunk_split_points(doc, cx.analysis, st, c) {
                f = f.with_related(span, format!("split here ({})", p.reason));
            }
            out.push(f);
        }
        // Document level: messages the author marked as key.
        let in_summary: Vec<bool> = doc.blocks.iter().scan(false, |inside, b| {
            if b.kind.is_heading() {
                *inside = is_summary_heading(&b.analysed);
            }
            Some(*inside && b.kind.is_list_item())
        }).collect();
        let marked: Vec<usize> = (0..units.len())
            .filter(|&i| {
                let u = &units[i];
                let b = &doc.blocks[u.block];
                u.kind != UnitKind::Heading
                    && (in_summary[u.block]
                        || MARKERS.iter().any(|m| cx.unit_text(u).starts_with(m))
                        || b.emphasis.iter().any(|e| e.start() <= u.span.start() && e.end() >= u.span.end()))
            })
            .collect();
        let limit = cx.threshold(&META, "messages");
        if marked.len() as f64 > limit {
            let n = marked.len();
            let mut f = Finding::new(
                &META,
                cx.severity(&META),
                units[marked[0]].span,
                format!("{n} messages are marked as key. Most people remember about 3: keep the 2 or 3 that matter most."),
            )
            .with_data("messages", n)
            .with_data("limit", limit);
            for &u in &marked[1..] {
                f = f.with_related(units[u].span, "also marked as key");
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::document::{Document, Format};
    use crate::rules::test_util::*;

    #[test]
    fn chunk_with_four_kinds_of_action() {
        let text = "How to take it\n\nTake 1 tablet a day. Do not drink alcohol. Check your blood pressure every week. Call your GP if you feel dizzy.";
        let f = findings(text, "too-many-key-messages");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("This section asks readers to do 4 things."));
        assert_eq!(f[0].span.slice(text), "How to take it");
        assert!(!f[0].related.is_empty());
        let two = "How to take it\n\nTake 1 tablet a day. Do not drink alcohol.";
        assert_clean(two, "too-many-key-messages");
        let three = "How to take it\n\nTake 1 tablet a day. Do not drink alcohol. Rest.";
        assert_eq!(findings_with(three, "too-many-key-messages", &Config::for_profile(Profile::EasyRead)).len(), 1);
    }

    #[test]
    fn marked_messages_in_bold_and_summaries() {
        let md = "# Ibuprofen\n\n**Take it with food.** It can upset your stomach.\n\n**Do not take it if you have asthma.**\n\nImportant: keep it away from children.\n\n**Stop if you feel sick.**\n";
        let mut cfg = Config::default();
        cfg.set_enabled("too-many-key-messages", true);
        let r = crate::check_document(&Document::parse(md, Format::Markdown), "a.md", &cfg);
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "too-many-key-messages").collect();
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.starts_with("4 messages are marked as key."));
        assert_eq!(f[0].span.slice(md), "Take it with food.");
    }
}
