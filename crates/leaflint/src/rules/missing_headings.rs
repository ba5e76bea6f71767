//! `missing-headings` (SPEC §6.5, document scope)
//!
//! **What it checks**: a document of more than `words` words (headings excluded) with no heading
//! other than its title. The help names where headings could go: the split points of SPEC §6.13.
//!
//! **Why it matters to patients**: headings let readers see what a leaflet covers and jump to the
//! part they need; without them a long text is one block to wade through.
//!
//! **Flagged example**: a 160-word leaflet of paragraphs with no headings.
//!
//! **Plainer version**: the same text under headings.
//!
//! **Source**: CDC Clear Communication Index item 9; PEMAT items 8 and 9 (not applicable to very
//! short material).

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::split;
use crate::text::UnitKind;

/// See the module documentation.
pub struct MissingHeadings;

static META: RuleMeta = RuleMeta {
    id: "missing-headings",
    category: Category::Structure,
    summary: "Long documents with no headings",
    default_severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Warning)],
    thresholds: &[Threshold { key: "words", values: [150.0, 200.0, 100.0], doc: "flag a document of more words than this with no headings" }],
    why: "Headings let readers see what a leaflet covers and find the part they need. Without them a long text is hard to use.",
    flagged: "Metformin is a medicine used to treat type 2 diabetes. It lowers the amount of sugar in your blood. You will usually take it for the rest of your life. Take it with a meal to reduce the chance of stomach upsets. Swallow the tablets whole with a glass of water. Do not chew or crush them. Common side effects include feeling sick, diarrhoea, stomach ache and a metallic taste in your mouth. They often get better after a few weeks. Talk to your doctor if they bother you or do not go away. Get urgent help if you have severe tummy pain or fast breathing. These can be signs of a rare but serious side effect. Metformin does not usually cause low blood sugar on its own. Tell your doctor if you are pregnant, trying to get pregnant or breastfeeding. Keep your tablets in a safe place out of the sight and reach of children. Ask your pharmacist if you have any questions.",
    plainer: "Metformin\n\nMetformin is a medicine used to treat type 2 diabetes.\n\nHow to take it\n\nTake it with a meal.",
    source: "CDC Clear Communication Index item 9; PEMAT items 8 and 9",
};

impl Rule for MissingHeadings {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let blocks = &cx.doc.blocks;
        let Some(first) = blocks.first() else { return };
        let headings = blocks.iter().filter(|b| b.kind.is_heading()).count();
        let titled = first.kind.is_heading();
        if headings > usize::from(titled) {
            return;
        }
        let units = &cx.analysis.units;
        let words: u32 = units.iter().filter(|u| u.kind != UnitKind::Heading).map(|u| u.words).sum();
        let max = cx.threshold(&META, "words");
        if f64::from(words) <= max {
            return;
        }
        // The title (if any) is the only heading: the body is every unit after it.
        let from = units.iter().position(|u| u.kind != UnitKind::Heading).unwrap_or(units.len());
        let body = &units[from..];
        let st = cx.structure;
        let points = split::split_points_with(cx.doc, body, |i| st.actions.get(from + i).and_then(|a| a.as_ref().map(|a| a.class)));
        let mut f = Finding::new(
            &META,
            cx.severity(&META),
            first.span,
            format!("This text has {words} words and no headings. Add short headings so readers can find what they need."),
        )
        .document_scope()
        .with_data("words", words)
        .with_data("limit", max);
        if !points.is_empty() {
            let starts: Vec<String> = points
                .iter()
                .map(|p| {
                    let next = cx.unit_text(&body[p.after + 1]);
                    let lead: Vec<&str> = next.split_whitespace().take(5).collect();
                    format!("“{}…”", lead.join(" "))
                })
                .collect();
            f = f.with_help(format!("Headings could go before {}.", starts.join(", ")));
            for p in &points {
                f = f.with_related(crate::span::ByteSpan::empty(body[p.after + 1].span.start()), format!("a heading could go here ({})", p.reason));
            }
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn long_text_without_headings_is_flagged_with_places_for_them() {
        let para = "Shingles is an infection that causes a painful rash. It is caused by the virus that causes chickenpox.";
        let text = format!("{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\nSee a GP if you think you have shingles. Call 111 if you cannot see a GP.");
        let f = findings(&text, "missing-headings");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].help.as_deref().is_some_and(|h| h.starts_with("Headings could go before")), "{:?}", f[0].help);
        assert!(!f[0].related.is_empty());
    }

    #[test]
    fn headings_or_short_texts_are_clean() {
        assert_clean("Shingles\n\nShingles is an infection that causes a painful rash.", "missing-headings");
        let para = "Shingles is an infection that causes a painful rash. It is caused by the virus that causes chickenpox.";
        let text = format!("Shingles\n\n{para}\n\n{para}\n\nSymptoms\n\n{para}\n\n{para}\n\n{para}\n\nTreatment\n\n{para}\n\n{para}");
        assert_clean(&text, "missing-headings");
    }
}
