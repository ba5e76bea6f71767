//! `chunk-too-long` (SPEC §6.6)
//!
//! **What it checks**: a chunk (a heading and the text up to the next heading, SPEC §6.2) whose
//! body has more than `words` words. The related places are its split points (SPEC §6.13).
//!
//! **Why it matters to patients**: chunk and check works when each chunk is short enough to take
//! in and talk through; a long section holds too much to remember at once.
//!
//! **Flagged example**: a section of 230 words under one heading.
//!
//! **Plainer version**: the same words under two or three headings.
//!
//! **Source**: PEMAT item 8 ("chunks" information into short sections); chunk and check.
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 2 of 15 findings; a
//! checker that is wrong that often gets ignored (`leaflint rules --precision`). Turn it on under
//! `[rules.chunk-too-long]` with `enabled = true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::finding::{Category, Finding, Severity};
use crate::span::ByteSpan;
use crate::structure::chunk_split_points;

/// See the module documentation.
pub struct ChunkTooLong;

static META: RuleMeta = RuleMeta {
    id: "chunk-too-long",
    category: Category::Structure,
    summary: "Sections too long to take in and talk through",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[Threshold { key: "words", values: [200.0, 250.0, 120.0], doc: "flag a chunk with more words than this" }],
    why: "Each section should be short enough to take in and talk through. A long section holds too much to remember at once.",
    flagged: "Side effects\n\nLike all medicines, metformin can cause side effects in some people, but many people have no side effects or only minor ones. Side effects often improve as your body gets used to the medicine. Common side effects happen in more than 1 in 100 people. Keep taking the medicine, but talk to your doctor or pharmacist if these side effects bother you or do not go away. Feeling sick is common at first, so take metformin with a meal to reduce the chance of this. Diarrhoea can happen too; drink plenty of water or other fluids to avoid dehydration. Stomach ache can be eased by eating smaller meals more often. Loss of appetite usually passes after a few weeks. A metallic taste in your mouth is also common and usually goes away by itself. Serious side effects are rare and happen in less than 1 in 10,000 people. Call a doctor or call 111 straight away if you have a serious side effect. Lactic acidosis is very rare but serious. Get help if you feel very tired, have severe tummy pain, fast breathing or cold hands and feet. You might need treatment in hospital. Taking metformin for a long time can sometimes cause low vitamin B12, which can make you feel very tired and breathless.",
    plainer: "Side effects\n\nMetformin can cause side effects in some people. They often get better after a few weeks.",
    source: "PEMAT item 8; chunk and check",
};

impl Rule for ChunkTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let max = cx.threshold(&META, "words");
        let units = &cx.analysis.units;
        for c in &cx.structure.chunks {
            if f64::from(c.words) <= max || c.body.is_empty() {
                continue;
            }
            let body = ByteSpan::new(units[c.body.start].span.start(), units[c.body.end - 1].span.end());
            let what = match c.heading {
                Some(h) => format!("The section '{}' has {} words.", cx.doc.blocks[h].analysed.trim(), c.words),
                None => format!("This section has {} words.", c.words),
            };
            let mut f = Finding::new(&META, cx.severity(&META), body, format!("{what} Aim for {max} or fewer: split it under new headings."))
                .with_data("words", c.words)
                .with_data("limit", max);
            for (span, p) in chunk_split_points(cx.doc, cx.analysis, cx.structure, c) {
                f = f.with_related(span, format!("split here ({})", p.reason));
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
    fn long_chunk_with_split_points() {
        let para = "Shingles is an infection that causes a painful rash. It is caused by the virus that causes chickenpox. You cannot catch shingles from someone with shingles.";
        let text = format!("Shingles\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\nSee a GP if you think you have it.\n\nTreatment\n\nRest.");
        let f = findings(&text, "chunk-too-long");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.starts_with("The section 'Shingles' has"));
        assert!(!f[0].related.is_empty());
        assert!(f[0].span.slice(&text).starts_with("Shingles is an infection"));
    }

    #[test]
    fn short_chunks_are_clean_and_easy_read_is_stricter() {
        let para = "Shingles is an infection that causes a painful rash. It is caused by the virus that causes chickenpox. You cannot catch shingles from someone with shingles.";
        let text = format!("Shingles\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n\nTreatment\n\nRest.");
        assert_clean(&text, "chunk-too-long");
        assert_eq!(findings_with(&text, "chunk-too-long", &Config::for_profile(Profile::EasyRead)).len(), 1);
    }
}
