//! `long-list` (SPEC §6.4)
//!
//! **What it checks**: a list level with more than `items` items (a nested list starts a level of
//! its own; a level's items are counted until a shallower item or the end of the list).
//!
//! **Why it matters to patients**: long lists are hard to scan and remember; short lists under
//! their own headings let readers find the item that matters to them.
//!
//! **Flagged example**: eight side effects in one bulleted list.
//!
//! **Plainer version**: the same side effects in two lists of four under short headings.
//!
//! **Source**: CDC Clear Communication Index item 8 (a list of more than 7 items not broken into
//! sub-lists fails).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 1 of 3 findings here and
//! none of its findings on the held-out leaflets; a checker that is wrong that often gets ignored
//! (`leaflint rules --precision`). Turn it on under `[rules.long-list]` with `enabled = true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::document::BlockKind;
use crate::finding::{Category, Finding, Severity};
use crate::span::ByteSpan;

/// See the module documentation.
pub struct LongList;

static META: RuleMeta = RuleMeta {
    id: "long-list",
    category: Category::Structure,
    summary: "Lists with more than about 7 items",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[Threshold { key: "items", values: [7.0, 7.0, 5.0], doc: "flag a list level with more items than this" }],
    why: "Long lists are hard to scan and remember. Short lists under their own headings let readers find what matters to them.",
    flagged: "Common side effects:\n\n• headache\n• feeling sick\n• diarrhoea\n• wind\n• a rash\n• dizziness\n• tiredness\n• a dry mouth\n",
    plainer: "Stomach side effects:\n\n• feeling sick\n• diarrhoea\n• wind\n• a dry mouth\n\nOther side effects:\n\n• headache\n• a rash\n• dizziness\n• tiredness\n",
    source: "CDC Clear Communication Index item 8",
};

impl Rule for LongList {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let max = cx.threshold(&META, "items");
        let blocks = &cx.doc.blocks;
        // Open levels: (depth, first item span, last item span, count).
        let mut open: Vec<(u8, ByteSpan, ByteSpan, u32)> = Vec::new();
        let flush = |open: &mut Vec<(u8, ByteSpan, ByteSpan, u32)>, above: Option<u8>, out: &mut Vec<Finding>| {
            while let Some(&(depth, first, last, n)) = open.last() {
                if above.is_some_and(|d| depth <= d) {
                    break;
                }
                open.pop();
                if f64::from(n) > max {
                    let message = format!("This list has {n} items. Break it into smaller lists under short headings.");
                    out.push(
                        Finding::new(&META, cx.severity(&META), first.cover(&last), message)
                            .with_data("items", n)
                            .with_data("limit", max),
                    );
                }
            }
        };
        for b in blocks {
            let BlockKind::ListItem { depth, .. } = b.kind else {
                flush(&mut open, None, out);
                continue;
            };
            flush(&mut open, Some(depth), out);
            match open.last_mut() {
                Some(level) if level.0 == depth => {
                    level.2 = b.span;
                    level.3 += 1;
                }
                _ => open.push((depth, b.span, b.span, 1)),
            }
        }
        flush(&mut open, None, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    #[test]
    fn flags_one_long_level() {
        let items: String = (1..=9).map(|i| format!("• side effect {i}\n")).collect();
        let text = format!("You may get:\n\n{items}");
        let f = findings(&text, "long-list");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "This list has 9 items. Break it into smaller lists under short headings.");
        assert!(f[0].span.slice(&text).starts_with("• side effect 1") && f[0].span.slice(&text).ends_with("side effect 9"));
    }

    #[test]
    fn nested_levels_count_apart_and_easy_read_is_stricter() {
        let text = "1. Wash your hands.\n  • soap\n  • water\n  • a towel\n2. Dry them.\n3. Apply the cream.\n4. Wash again.\n5. Rest.\n6. Drink.\n7. Eat.\n";
        assert_clean(text, "long-list");
        let six = "• one\n• two\n• three\n• four\n• five\n• six\n";
        assert_clean(six, "long-list");
        assert_eq!(findings_with(six, "long-list", &Config::for_profile(Profile::EasyRead)).len(), 1);
    }
}
