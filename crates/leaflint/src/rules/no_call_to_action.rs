//! `no-call-to-action` (SPEC §6.10, document scope)
//!
//! **What it checks**: a document with no action unit at all (SPEC §6.1: nothing tells the reader
//! to do something).
//!
//! **Why it matters to patients**: people read health information to know what to do; a leaflet
//! that only describes leaves them to work it out.
//!
//! **Flagged example**: "Shingles is a painful rash. It is caused by the chickenpox virus."
//!
//! **Plainer version**: the same, then "See a GP if you think you have shingles."
//!
//! **Source**: CDC Clear Communication Index item 5; PEMAT item 20.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};

/// See the module documentation.
pub struct NoCallToAction;

static META: RuleMeta = RuleMeta {
    id: "no-call-to-action",
    category: Category::Structure,
    summary: "Documents that never tell readers what to do",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Warning)],
    thresholds: &[],
    why: "People read health information to know what to do. A leaflet that only describes leaves them to work it out.",
    flagged: "Shingles is a painful rash. It is caused by the chickenpox virus.",
    plainer: "Shingles is a painful rash. See a GP if you think you have shingles.",
    source: "CDC Clear Communication Index item 5; PEMAT item 20",
};

impl Rule for NoCallToAction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(last) = cx.doc.blocks.last() else { return };
        if cx.analysis.units.iter().all(|u| u.words == 0) || cx.structure.actions.iter().any(Option::is_some) {
            return;
        }
        out.push(
            Finding::new(&META, cx.severity(&META), last.span, "Readers are not told what to do. Add at least one clear action.")
                .with_help("For example: 'See a GP if …', 'Take 1 tablet …', 'Call 111 if …'.")
                .document_scope(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn flags_the_last_block_of_a_text_with_no_action() {
        let text = "Shingles\n\nShingles is a painful rash.\n\nIt is caused by the chickenpox virus.";
        let f = findings(text, "no-call-to-action");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span.slice(text), "It is caused by the chickenpox virus.");
        assert_clean("Shingles is a painful rash. Rest.", "no-call-to-action");
        assert_clean("Shingles is a rash. You should see a GP.", "no-call-to-action");
        assert_clean("", "no-call-to-action");
    }
}
