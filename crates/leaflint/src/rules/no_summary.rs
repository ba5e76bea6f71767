//! `no-summary` (SPEC §6.12, document scope)
//!
//! **What it checks**: a document of more than `words` words with no summary: no heading such as
//! "Summary", "Key points", "Key facts" or "What to remember" (see
//! [`crate::structure::SUMMARY_HEADINGS`]), and no opening chunk that is a list of at most 5 items.
//!
//! **Why it matters to patients**: a short summary of the key actions is what readers remember
//! and what a clinician checks with teach-back.
//!
//! **Flagged example**: a long leaflet with no summary.
//!
//! **Plainer version**: the same leaflet with "What to remember" and 3 bullets after the title.
//!
//! **Source**: PEMAT item 11 (not applicable to very short material); CDC Clear Communication
//! Index item 10; the "what to remember" slot for chunk and check is our design.
//!
//! **Fix** (review; plain text and Markdown): insert after the title (or at the start) a heading
//! `What to remember` (us: `Key points`) and a bulleted list of the first 3 key actions in
//! document order, copied as written.
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 3 of 19 findings (the
//! boxes built from headings and lead-ins were poor); a checker that is wrong that often gets
//! ignored (`leaflint rules --precision`). Turn it on under `[rules.no-summary]` with `enabled =
//! true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::config::Profile;
use crate::document::{BlockKind, Format};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::span::ByteSpan;
use crate::structure::is_summary_heading;
use crate::text::UnitKind;

/// See the module documentation.
pub struct NoSummary;

/// Most items of an opening list that counts as a summary.
pub const SUMMARY_LIST_ITEMS: usize = 5;
/// Key actions copied into the suggested summary (SPEC §6.12 †).
pub const SUMMARY_ACTIONS: usize = 3;

#[cfg(test)]
const PARA: &str = "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Common side effects include feeling sick, diarrhoea and stomach ache. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away.";

static META: RuleMeta = RuleMeta {
    id: "no-summary",
    category: Category::Structure,
    summary: "Long documents with no summary of the key points",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[Threshold { key: "words", values: [300.0, 400.0, 200.0], doc: "flag a document of more words than this with no summary" }],
    why: "A short summary of the key actions is what readers remember, and what a clinician checks with teach-back.",
    flagged: FLAGGED,
    plainer: "Metformin\n\nWhat to remember\n\n• Take it with a meal.\n• Swallow the tablets whole.\n\nAbout metformin\n\nMetformin is a medicine used to treat type 2 diabetes.",
    source: "PEMAT item 11; CDC Clear Communication Index item 10",
};

const FLAGGED: &str = concat!(
        "Metformin\n\n",
        "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Common side effects include feeling sick, diarrhoea and stomach ache. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away.\n\n",
        "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Common side effects include feeling sick, diarrhoea and stomach ache. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away.\n\n",
        "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Common side effects include feeling sick, diarrhoea and stomach ache. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away.\n\n",
        "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Common side effects include feeling sick, diarrhoea and stomach ache. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away.\n\n",
        "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Common side effects include feeling sick, diarrhoea and stomach ache. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away.\n"
);

impl Rule for NoSummary {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let units = &cx.analysis.units;
        let words: u32 = units.iter().filter(|u| u.kind != UnitKind::Heading).map(|u| u.words).sum();
        let max = cx.threshold(&META, "words");
        if f64::from(words) <= max || doc.blocks.iter().any(|b| b.kind.is_heading() && is_summary_heading(&b.analysed)) {
            return;
        }
        let st = cx.structure;
        if let Some(c) = st.chunks.iter().find(|c| !c.body.is_empty()) {
            let body: Vec<_> = doc.blocks[c.blocks.clone()].iter().filter(|b| !b.kind.is_heading()).collect();
            let items = body.iter().filter(|b| b.kind.is_list_item()).count();
            let lead = body.iter().take_while(|b| !b.kind.is_list_item()).count();
            if items > 0 && items <= SUMMARY_LIST_ITEMS && lead <= 1 && lead + items == body.len() {
                return;
            }
        }
        let title = doc.blocks.first().filter(|b| b.kind.is_heading());
        let span = title.map_or_else(|| doc.blocks.first().map_or(ByteSpan::empty(0), |b| b.span), |b| b.span);
        let mut f = Finding::new(&META, cx.severity(&META), span, "There is no summary. Start with the 2 or 3 things readers must remember.")
            .with_data("words", words)
            .document_scope();
        let actions: Vec<&str> = (0..units.len())
            .filter(|&u| st.is_action(u))
            .map(|u| cx.unit_text(&units[u]))
            .fold(Vec::new(), |mut v, t| {
                if !v.contains(&t) && v.len() < SUMMARY_ACTIONS {
                    v.push(t);
                }
                v
            });
        let heading = if cx.profile() == Profile::Us { "Key points" } else { "What to remember" };
        if !actions.is_empty() && matches!(doc.format, Format::Text | Format::Markdown) {
            let (h, bullet) = if doc.format == Format::Markdown { (format!("## {heading}"), "-") } else { (heading.to_owned(), "•") };
            let list: Vec<String> = actions.iter().map(|a| format!("{bullet} {a}")).collect();
            let section = format!("{h}\n\n{}", list.join("\n"));
            let (at, text) = match title {
                Some(t) if matches!(doc.blocks.first().map(|b| b.kind), Some(BlockKind::Heading { .. })) => (t.span.end(), format!("\n\n{section}")),
                _ => (doc.text.strip_prefix('\u{feff}').map_or(0, |_| 3), format!("{section}\n\n")),
            };
            f = f.with_fix(Fix::replace(format!("Add '{heading}' with the first key actions"), Applicability::Review, ByteSpan::empty(at), text));
        } else {
            f = f.with_help(format!("Add a section '{heading}' near the top with the 2 or 3 most important actions."));
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::PARA;
    use crate::rules::test_util::*;

    #[test]
    fn adds_what_to_remember_after_the_title() {
        let text = format!("Metformin\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}\n");
        let fixed = format!(
            "Metformin\n\nWhat to remember\n\n• Take it with a meal to reduce the chance of stomach upsets.\n• Swallow the tablets whole with a glass of water.\n• Talk to your doctor if they bother you or do not go away.\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}\n"
        );
        assert_fix(&text, "no-summary", &fixed);
        let again = findings(&fixed, "no-summary");
        assert!(again.is_empty(), "{again:#?}");
    }

    #[test]
    fn summaries_and_short_texts_are_clean() {
        let text = format!("Metformin\n\nKey facts\n\n• Take it with food.\n\nAbout it\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}");
        assert_clean(&text, "no-summary");
        let text = format!("Metformin\n\n• Take it with food.\n• Do not crush it.\n\nAbout it\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n{PARA}");
        assert_clean(&text, "no-summary");
        assert_clean(PARA, "no-summary");
    }
}
