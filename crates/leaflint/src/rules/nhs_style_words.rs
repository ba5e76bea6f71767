//! `nhs-style-words` (SPEC §4.15; nhs and easy-read)
//!
//! **What it checks**: the machine-checkable entries of the NHS A to Z: spellings and forms (our
//! table `data/nhs-style-words.tsv`: `aging` → `ageing`, `x-ray` → `X-ray`, `Covid` → `COVID`,
//! negative contractions → `cannot`, `do not` …, `e.g.` → `for example`), the NHS `general` rows of
//! `data/jargon-plain.tsv` (`normally` → `usually`, `seek` → `ask for`), `&` outside acronyms, and
//! runs of 3 or more words in block capitals. The finding quotes the A to Z entry.
//!
//! **Why it matters to patients**: the NHS house style is tested with patients; consistent
//! words and spellings are easier to read and to search for.
//!
//! **Flagged example**: "Don't take it with food."
//!
//! **Plainer version**: "Do not take it with food."
//!
//! **Source**: NHS digital service manual, A to Z of NHS health writing.

use super::{Context, Rule, RuleMeta};
use crate::data::{a_to_z, jargon, style_words};
use crate::document::BlockKind;
use crate::finding::{capitalise, match_case, Applicability, Category, Finding, Fix, Severity};
use crate::language::acronyms::acronym_at;
use crate::language::owners::Owner;
use crate::language::terms::TermRef;

/// See the module documentation.
pub struct NhsStyleWords;

static META: RuleMeta = RuleMeta {
    id: "nhs-style-words",
    category: Category::Style,
    summary: "Words and spellings the NHS A to Z asks you to change",
    default_severity: [Some(Severity::Info), None, Some(Severity::Info)],
    thresholds: &[],
    why: "The NHS house style is tested with patients. Consistent words and spellings are easier to read and search for.",
    flagged: "Don't take it with food.",
    plainer: "Do not take it with food.",
    source: "NHS digital service manual, A to Z of NHS health writing",
};

/// A run of this many words in capitals is block capitals (SPEC §4.15).
pub const BLOCK_CAPITALS_WORDS: usize = 3;

fn context_ok(cx: &Context<'_>, row: &style_words::StyleWord, first: usize, last: usize, text: &str) -> bool {
    let lang = cx.lang;
    let next = lang.word_after(last).map(str::to_ascii_lowercase);
    let prev = lang.word_before(first).map(str::to_ascii_lowercase);
    let t = lang.token(first);
    match row.condition {
        "contraction" => !(t.unit_start && matches!(lang.doc.blocks[t.block as usize].kind, BlockKind::Heading { .. })),
        "not-unit-start" => !t.unit_start && text.starts_with(char::is_uppercase),
        "mucous" => !matches!(next.as_deref(), Some("membrane" | "membranes" | "gland" | "glands" | "lining")),
        "noun" => {
            !matches!(next.as_deref(), Some("us" | "you" | "me" | "them" | "him" | "her"))
                && !matches!(prev.as_deref(), Some("to" | "will" | "can" | "please" | "should" | "may" | "must"))
        }
        "before-colon" => lang.an.tokens.get(last + 1).is_some_and(|n| n.block == t.block && lang.tok(last + 1) == ":"),
        _ => true,
    }
}

impl Rule for NhsStyleWords {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        for (m, e) in lang.hits(Owner::NhsStyle) {
            // A house preference for the public (`chance` for `risk`) is not reported: on the
            // reviewed corpus an NHS editor agreed with none of its 25 findings ('at risk of',
            // 'risk factor', a 'Risks' heading and 'a major health risk' are everyday English,
            // and the NHS's own pages use them). It stays owned here so no other rule takes it.
            if let TermRef::Jargon(i) = e.term {
                if jargon::rows()[i as usize].category == jargon::JargonCategory::Medical {
                    continue;
                }
            }
            let text = lang.match_text(m);
            let unit_start = lang.token(m.tokens.start).unit_start;
            let (replacement, applicability, heading, exact): (String, &str, String, bool) = match e.term {
                TermRef::Style(i) => {
                    let row = &style_words::rows()[i as usize];
                    if !context_ok(cx, row, m.tokens.start, m.tokens.end - 1, text) {
                        continue;
                    }
                    (row.replacement.to_owned(), row.applicability, row.a_to_z.to_owned(), row.exact_case)
                }
                TermRef::Jargon(i) => {
                    let row = &jargon::rows()[i as usize];
                    let alt = row.alternatives().into_iter().next().filter(|a| !a.starts_with('(')).unwrap_or_default();
                    let heading = row.note.split('\'').nth(1).unwrap_or("").to_owned();
                    // A preference (`chance` for `risk`) is advice, not a swap: `at risk of`
                    // has no `at chance of`.
                    let preference = row.category == jargon::JargonCategory::Medical;
                    (alt, if e.inflected || preference { "none" } else { "review" }, heading, false)
                }
                _ => continue,
            };
            let written = if exact {
                if unit_start { capitalise(&replacement) } else { replacement.clone() }
            } else {
                match_case(text, &replacement)
            };
            if exact && (text == written || text == replacement) {
                continue; // already in the house form
            }
            let span = lang.doc.blocks[m.block].span_of(m.range.clone());
            let message = if replacement.is_empty() {
                format!("NHS style: avoid '{text}'. Reword the sentence.")
            } else {
                format!("NHS style: write '{written}', not '{text}'.")
            };
            let mut f = Finding::new(&META, cx.severity(&META), span, message).with_data("term", text);
            if let Some(g) = a_to_z::guidance(&heading) {
                f = f.with_data("a_to_z", heading.as_str()).with_help(g.split(" / ").next().unwrap_or(g).to_owned());
            }
            let app = match applicability {
                "safe" => Some(Applicability::Safe),
                "review" => Some(Applicability::Review),
                _ => None,
            };
            if let (Some(app), false) = (app, replacement.is_empty()) {
                if let Some(span) = cx.verbatim_span(m.block, m.range.clone()) {
                    f = f.with_fix(Fix::replace(format!("Write '{written}'"), app, span, written));
                }
            }
            out.push(f);
        }
        self.ampersands_and_capitals(cx, out);
    }
}

impl NhsStyleWords {
    fn ampersands_and_capitals(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let mut run: Vec<usize> = Vec::new();
        let flush = |run: &mut Vec<usize>, out: &mut Vec<Finding>| {
            if run.len() >= BLOCK_CAPITALS_WORDS {
                let (_, _, span) = lang.tokens_span(run[0]..run[run.len() - 1] + 1);
                out.push(
                    Finding::new(&META, cx.severity(&META), span, "NHS style: avoid block capitals. They are harder to read.")
                        .with_data("a_to_z", "capital letters"),
                );
            }
            run.clear();
        };
        for (i, t) in lang.an.tokens.iter().enumerate() {
            // Only `&` and words starting with two capitals can matter here.
            let b = &lang.doc.blocks[t.block as usize].analysed.as_bytes()[t.analysed.clone()];
            let interesting = b == b"&" || (b.len() >= 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase());
            if !interesting {
                if !run.is_empty() {
                    flush(&mut run, out);
                }
                continue;
            }
            let text = lang.tok(i);
            if text == "&" && !t.is_word() {
                let f = Finding::new(&META, cx.severity(&META), t.span, "NHS style: write 'and', not '&'.")
                    .with_data("a_to_z", "ampersand (&)");
                let f = match cx.verbatim_span(t.block as usize, t.analysed.clone()) {
                    Some(span) => f.with_fix(Fix::replace("Write 'and'", Applicability::Safe, span, "and")),
                    None => f,
                };
                out.push(f);
            }
            let caps = t.is_word()
                && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !text.chars().any(char::is_lowercase)
                && acronym_at(lang, i).is_none();
            let contiguous = run.last().is_none_or(|&l| l + 1 == i && lang.token(l).block == t.block);
            if caps && contiguous {
                run.push(i);
            } else {
                flush(&mut run, out);
                if caps {
                    run.push(i);
                }
            }
        }
        flush(&mut run, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::finding::Applicability;
    use crate::rules::test_util::*;

    const ID: &str = "nhs-style-words";

    #[test]
    fn spellings_and_case_forms() {
        assert_fix("Healthy aging matters.", ID, "Healthy ageing matters.");
        assert_fix("You need an x-ray.", ID, "You need an X-ray.");
        assert_fix("Get your Covid-19 vaccine.", ID, "Get your COVID-19 vaccine.");
        assert_fix("Long Covid can last months.", ID, "Long COVID can last months.");
        assert_fix("Ask a dietician.", ID, "Ask a dietitian.");
        assert_fix("You had a Caesarean.", ID, "You had a caesarean.");
        assert_clean("Caesarean sections are common. You need an X-ray. Get your COVID-19 vaccine. Use the NHS App.", ID);
    }

    #[test]
    fn contractions_and_symbols() {
        assert_fix("Don't take it with food.", ID, "Do not take it with food.");
        assert_fix("You can’t drive.", ID, "You cannot drive.");
        assert_fix("Go to ear, nose & throat.", ID, "Go to ear, nose and throat.");
        assert_clean("Go to A&E.", ID);
        assert_clean("Don't\n\nDo not take it with food.", ID);
        let f = findings("Take fruit, e.g. apples.", ID);
        assert_eq!(f[0].fixes[0].applicability, Applicability::Review);
    }

    #[test]
    fn nhs_general_rows_and_messages() {
        assert_fix("You can normally go home.", ID, "You can usually go home.");
        assert_fix("Seek advice from a pharmacist.", ID, "Ask for advice from a pharmacist.");
        let f = findings("Side effects occur rarely.", ID);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        let f = findings("DO NOT TAKE MORE THAN 8 TABLETS.", ID);
        assert!(f.iter().any(|f| f.message.contains("block capitals")));
        assert_fix("Call your mob: 07700 900000", ID, "Call your mobile: 07700 900000");
        assert_clean("Telephone us on 0300 123 4567. The mucous membrane is swollen.", ID);
    }

    #[test]
    fn off_in_us() {
        assert!(crate::check("Don't take it.", &Config::for_profile(Profile::Us)).findings.iter().all(|f| f.rule != ID));
    }

    #[test]
    fn preferences_are_not_reported() {
        let t = "The risk is low. The risk of harm is small. You are at risk of falls.";
        assert!(findings(t, ID).is_empty());
        assert!(findings(t, "medical-jargon").is_empty());
        // Words the NHS A to Z uses itself are not US-list jargon in the NHS profile.
        assert!(findings("Bacteria can raise your glucose. You were vaccinated.", "medical-jargon").is_empty());
    }
}
