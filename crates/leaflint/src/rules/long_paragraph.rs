//! `long-paragraph` (SPEC §6.3)
//!
//! **What it checks**: a paragraph with more than `sentences` counted units or more than `words`
//! words. The related place is the best split point (SPEC §6.13).
//!
//! **Why it matters to patients**: a wall of text is hard to start and easy to give up on; short
//! paragraphs of one idea each let readers take information in small pieces (chunk and check).
//!
//! **Flagged example**: five sentences in one paragraph.
//!
//! **Plainer version**: the same sentences as two paragraphs.
//!
//! **Source**: SHeLL text structure (long paragraphs); PEMAT item 8; easy read (one idea per
//! paragraph).
//!
//! **Fix** (review): plain text and Markdown: a blank line at the best split point; HTML:
//! `</p>\n<p>` there, only in a `<p>` whose inline tags are all closed before it (so the fix
//! cannot break the nesting); Word: none (its text is extracted, not the file).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 4 of 19 findings (web and
//! PDF copy where paragraphs were already short); a checker that is wrong that often gets ignored
//! (`leaflint rules --precision`). Turn it on under `[rules.long-paragraph]` with `enabled = true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::document::{BlockKind, Format};
use crate::finding::{Applicability, Category, Finding, Fix, Severity};
use crate::span::ByteSpan;
use crate::split;

/// See the module documentation.
pub struct LongParagraph;

static META: RuleMeta = RuleMeta {
    id: "long-paragraph",
    category: Category::Structure,
    summary: "Paragraphs with too many sentences or words",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[
        Threshold { key: "sentences", values: [4.0, 5.0, 3.0], doc: "flag above this many sentences" },
        Threshold { key: "words", values: [80.0, 100.0, 50.0], doc: "flag above this many words" },
    ],
    why: "A wall of text is hard to start and easy to give up on. Short paragraphs of one idea each are easier to take in.",
    flagged: "Metformin lowers your blood sugar. Take it with food. It can upset your stomach at first. This usually passes. Call your GP if it does not.",
    plainer: "Metformin lowers your blood sugar. Take it with food.\n\nIt can upset your stomach at first. This usually passes. Call your GP if it does not.",
    source: "SHeLL text structure; PEMAT item 8; GOV.UK easy read (one idea per paragraph)",
};

impl Rule for LongParagraph {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let max_sentences = cx.threshold(&META, "sentences");
        let max_words = cx.threshold(&META, "words");
        let units = &cx.analysis.units;
        let mut i = 0;
        while i < units.len() {
            let block = units[i].block;
            let mut j = i;
            while j < units.len() && units[j].block == block {
                j += 1;
            }
            let para = &units[i..j];
            i = j;
            if cx.doc.blocks[block].kind != BlockKind::Paragraph {
                continue;
            }
            let sentences = para.iter().filter(|u| u.counted).count();
            let words: u32 = para.iter().map(|u| u.words).sum();
            if sentences as f64 <= max_sentences && f64::from(words) <= max_words {
                continue;
            }
            let what = if sentences as f64 > max_sentences {
                format!("This paragraph has {sentences} sentences. Aim for {max_sentences} or fewer, one idea each.")
            } else {
                format!("This paragraph has {words} words. Aim for {max_words} or fewer, one idea each.")
            };
            let mut f = Finding::new(&META, cx.severity(&META), cx.doc.blocks[block].span, what)
                .with_data("sentences", sentences)
                .with_data("words", words);
            let points = split::split_points(cx.doc, cx.analysis, para);
            if let Some(best) = points.first() {
                let gap = ByteSpan::new(para[best.after].span.end(), para[best.after + 1].span.start());
                f = f.with_related(ByteSpan::empty(gap.end()), format!("split here ({})", best.reason));
                let gap_text = gap.slice(&cx.doc.text);
                let blank = !gap_text.is_empty() && gap_text.trim().is_empty();
                let block = &cx.doc.blocks[block];
                match cx.doc.format {
                    Format::Text | Format::Markdown if blank => {
                        f = f.with_fix(Fix::replace("Start a new paragraph here", Applicability::Review, gap, "\n\n"));
                    }
                    Format::Html if blank && only_p_open(cx.doc.text.get(block.span.start()..gap.start()).unwrap_or("")) => {
                        f = f.with_fix(Fix::replace("Start a new paragraph here", Applicability::Review, gap, "</p>\n<p>"));
                    }
                    // Word files: no fix (SPEC §6.3); their text is extracted, not the file.
                    _ => {}
                }
            }
            out.push(f);
        }
    }
}

/// True when `html` (from a paragraph's start tag to a point inside it) starts with `<p` and
/// leaves only that `<p>` open, so `</p>\n<p>` there cannot break the nesting of inline tags.
fn only_p_open(html: &str) -> bool {
    const VOID: [&str; 5] = ["br", "img", "wbr", "input", "span"];
    let lower = html.to_ascii_lowercase();
    if !(lower.starts_with("<p>") || lower.starts_with("<p ")) {
        return false;
    }
    let mut depth = 0i32;
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix("!--") {
            rest = r.find("-->").map_or("", |j| &r[j + 3..]);
            continue;
        }
        let close = rest.starts_with('/');
        let name: String = rest.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        let end = rest.find('>').unwrap_or(rest.len());
        let self_closing = rest[..end].ends_with('/');
        if name.is_empty() || self_closing || (VOID.contains(&name.as_str()) && !close && name != "span") {
            continue;
        }
        depth += if close { -1 } else { 1 };
    }
    depth == 1
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn html_paragraphs_split_with_tags() {
        use crate::document::{Document, Format};
        let html = "<main><p>Metformin lowers your blood sugar. Take it with food. It can upset your stomach at first. This usually passes. Call your GP if it does not.</p></main>";
        let mut cfg = crate::Config::default();
        cfg.set_enabled("long-paragraph", true);
        let r = crate::check_document(&Document::parse(html, Format::Html), "a.html", &cfg);
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "long-paragraph").collect();
        assert_eq!(f.len(), 1);
        let fixed = crate::apply_fixes(html, [&f[0].fixes[0]]);
        assert_eq!(
            fixed,
            "<main><p>Metformin lowers your blood sugar. Take it with food.</p>\n<p>It can upset your stomach at first. This usually passes. Call your GP if it does not.</p></main>"
        );
        let inside_bold = "<p><b>Metformin lowers your blood sugar. Take it with food. It can upset your stomach at first. This usually passes.</b> Call your GP if it does not.</p>";
        let r = crate::check_document(&Document::parse(inside_bold, Format::Html), "a.html", &crate::Config::default());
        assert!(r.findings.iter().filter(|f| f.rule == "long-paragraph").all(|f| f.fixes.is_empty()));
        assert!(super::only_p_open("<p class=x>One <b>two</b> <br>three"));
        assert!(!super::only_p_open("<p>One <b>two"));
        assert!(!super::only_p_open("<div>One"));
    }

    #[test]
    fn splits_where_the_topic_turns() {
        let text = "Metformin lowers your blood sugar. Take it with food. It can upset your stomach at first. This usually passes. Call your GP if it does not.";
        assert_flags(text, "long-paragraph", 1);
        assert_fix(
            text,
            "long-paragraph",
            "Metformin lowers your blood sugar. Take it with food.\n\nIt can upset your stomach at first. This usually passes. Call your GP if it does not.",
        );
    }

    #[test]
    fn word_limit_and_lists_are_not_paragraphs() {
        let many = format!("{}.", vec!["word"; 85].join(" "));
        assert_flags(&many, "long-paragraph", 1);
        assert_clean("• One.\n• Two.\n• Three.\n• Four.\n• Five.\n", "long-paragraph");
        assert_clean("One. Two. Three. Four.", "long-paragraph");
    }
}
