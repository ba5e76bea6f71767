//! `main-message-not-first` (SPEC §6.11, document scope)
//!
//! **What it checks**: the first chunk with a body (after the title) has no action unit and no
//! unit addressed to the reader (`you`, `your`), while a later chunk has an action. The related
//! place is the first action unit, the possible main message.
//!
//! **Why it matters to patients**: many readers stop after the first paragraph; the main message
//! and the most important action belong at the top.
//!
//! **Flagged example**: background about the condition first, the action only at the end.
//!
//! **Plainer version**: the action first, then the background.
//!
//! **Source**: CDC Clear Communication Index items 2 and 10 (main message and most important
//! information in the first paragraph or section).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 1 of 9 findings; a checker
//! that is wrong that often gets ignored (`leaflint rules --precision`). Turn it on under
//! `[rules.main-message-not-first]` with `enabled = true`.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};

/// See the module documentation.
pub struct MainMessageNotFirst;

static META: RuleMeta = RuleMeta {
    id: "main-message-not-first",
    category: Category::Structure,
    summary: "The main message is not at the top",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[],
    why: "Many readers stop after the first paragraph. The main message and the most important action belong at the top.",
    flagged: "Shingles\n\nShingles is an infection of a nerve and the skin around it. It is caused by the chickenpox virus.\n\nWhat to do\n\nSee a GP if you think you have shingles.",
    plainer: "Shingles\n\nSee a GP if you think you have shingles.\n\nAbout shingles\n\nShingles is an infection of a nerve and the skin around it.",
    source: "CDC Clear Communication Index items 2 and 10",
};

fn addresses_reader(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').any(|w| {
        let w = w.to_ascii_lowercase();
        matches!(w.as_str(), "you" | "your" | "yours" | "yourself" | "you're" | "you’re" | "you'll" | "you’ll")
    })
}

impl Rule for MainMessageNotFirst {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let st = cx.structure;
        let units = &cx.analysis.units;
        let Some(first) = st.chunks.iter().find(|c| !c.body.is_empty()) else { return };
        let speaks = first.body.clone().any(|u| st.is_action(u) || addresses_reader(cx.unit_text(&units[u])));
        if speaks {
            return;
        }
        let Some(action) = (first.body.end..units.len()).find(|&u| st.is_action(u)) else { return };
        let para = &cx.doc.blocks[units[first.body.start].block];
        out.push(
            Finding::new(
                &META,
                cx.severity(&META),
                para.span,
                "The first section does not tell readers what to do. Put the main message and action first.",
            )
            .with_related(units[action].span, "possible main message")
            .document_scope(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn background_first_then_action() {
        let text = "Shingles\n\nShingles is an infection of a nerve. It is caused by the chickenpox virus.\n\nWhat to do\n\nSee a GP if you think you have shingles.";
        let f = findings(text, "main-message-not-first");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span.slice(text), "Shingles is an infection of a nerve. It is caused by the chickenpox virus.");
        assert_eq!(f[0].related[0].span.slice(text), "See a GP if you think you have shingles.");
        assert_eq!(f[0].related[0].label, "possible main message");
    }

    #[test]
    fn reader_addressed_or_no_action_at_all_is_clean() {
        assert_clean("Shingles\n\nYou may get a rash.\n\nWhat to do\n\nSee a GP.", "main-message-not-first");
        assert_clean("Shingles\n\nShingles is a rash.\n\nMore\n\nIt is common.", "main-message-not-first");
        assert_clean("See a GP if you have a rash.", "main-message-not-first");
    }
}
