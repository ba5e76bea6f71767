//! `vague-heading` (SPEC §6.7)
//!
//! **What it checks**: a heading whose text (numbering and end punctuation removed, lower case) is
//! one of: introduction, information, general information, more information, further information,
//! additional information, other information, background, overview, general, miscellaneous,
//! other, notes, details.
//!
//! **Why it matters to patients**: a heading should say what the section is about, so readers
//! can find the part they need; "Information" tells them nothing.
//!
//! **Flagged example**: "General information".
//!
//! **Plainer version**: "What metformin is for".
//!
//! **Source**: PEMAT item 9 (informative headers); CDC Clear Communication Index item 9.

use super::{Context, Rule, RuleMeta};
use crate::finding::{Category, Finding, Severity};
use crate::structure::heading_key;

/// See the module documentation.
pub struct VagueHeading;

/// Headings that say nothing about their section.
pub const VAGUE: &[&str] = &[
    "introduction",
    "information",
    "general information",
    "more information",
    "further information",
    "additional information",
    "other information",
    "background",
    "overview",
    "general",
    "miscellaneous",
    "other",
    "notes",
    "details",
];

static META: RuleMeta = RuleMeta {
    id: "vague-heading",
    category: Category::Structure,
    summary: "Headings that do not say what the section is about",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Info)],
    thresholds: &[],
    why: "A heading should say what its section is about, so readers can find what they need. 'Information' tells them nothing.",
    flagged: "General information\n\nMetformin lowers your blood sugar.",
    plainer: "What metformin is for\n\nMetformin lowers your blood sugar.",
    source: "PEMAT item 9 (informative headers); CDC Clear Communication Index item 9",
};

impl Rule for VagueHeading {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.doc.blocks.iter().filter(|b| b.kind.is_heading()) {
            let key = heading_key(&b.analysed);
            if VAGUE.contains(&key.as_str()) {
                let message = format!("'{}' does not say what this section is about. Use a heading that does.", b.analysed.trim());
                out.push(
                    Finding::new(&META, cx.severity(&META), b.span, message)
                        .with_help("For example: 'What metformin is for', 'How to take it', 'When to get help'.")
                        .with_data("heading", b.analysed.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};
    use crate::rules::test_util::*;

    #[test]
    fn vague_headings_with_numbering_and_punctuation() {
        assert_flags("3. Further information\n\nCall 111.", "vague-heading", 1);
        assert_flags("# Notes:\n\nCall 111.", "vague-heading", 0);
        assert_flags("OVERVIEW\n\nShingles is a rash.", "vague-heading", 1);
        assert_clean("How to take it\n\nTake it with food.", "vague-heading");
        let md = "# Metformin\n\n## Introduction\n\nIt lowers blood sugar.\n\n## Side effects\n\nYou may feel sick.";
        let cfg = crate::Config::default();
        let r = crate::check_document(&Document::parse(md, Format::Markdown), "a.md", &cfg);
        assert_eq!(r.findings.iter().filter(|f| f.rule == "vague-heading").count(), 1);
    }
}
