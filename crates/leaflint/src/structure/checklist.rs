//! The CDC Clear Communication Index and PEMAT-P checklists (SPEC §7).
//!
//! Each item is `automatic` (decided from findings and structure: pass, fail or na), `partial` (a
//! likely answer for the author to confirm: `prompt` with `suggested`, or a decided `fail` where
//! the SPEC says so) or `manual` (a prompt, with what leaflint noticed in `note`). Items that rest
//! on rules are computed from the findings by rule id (`medical-jargon`, `passive-voice`,
//! `percentage` …), so they start to work as those rules land; while none of an item's rules
//! runs, the item is a prompt that says so, never a pass. `auto_score` = passed ÷ decided × 100
//! over automatic items only — not a CCI or PEMAT score.

use super::Structure;
use crate::config::Config;
use crate::document::{BlockKind, Document, Format};
use crate::finding::{Finding, Severity};
use crate::metrics::Scores;
use crate::report::{Checklist, ChecklistItem, Checklists, ItemHow, ItemStatus, PictureRef};
use crate::span::ByteSpan;
use crate::text::tokens::TokenClass;
use crate::text::{token_text, unit_text, Analysis, UnitKind};

use ItemHow::{Automatic, Manual, Partial};
use ItemStatus::{Fail, Na, Pass, Prompt};

/// What `auto_score` is.
pub const AUTO_SCORE_LABEL: &str = "automatic items only — not a CCI or PEMAT score";
/// PEMAT 21: the least share of action units addressed to the reader (SPEC §7.2 †).
pub const SECOND_PERSON_SHARE: f64 = 0.8;
/// PEMAT 5: the least active share (PEMAT: ≥ 80% active).
pub const ACTIVE_SHARE: f64 = 0.8;
/// PEMAT 19: most words in a table header cell for a pass-candidate (SPEC §7.2 †).
pub const TABLE_HEADER_WORDS: u32 = 4;

/// Everything the checklists read.
pub struct Input<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its units and tokens.
    pub analysis: &'a Analysis,
    /// Action units and chunks.
    pub structure: &'a Structure,
    /// Document scores.
    pub scores: &'a Scores,
    /// The report's findings, in report order (evidence indices point into them).
    pub findings: &'a [Finding],
    /// The configuration.
    pub config: &'a Config,
    /// Whether a rule ran (normally `Config::rule_enabled`).
    pub ran: &'a dyn Fn(&str) -> bool,
    /// The report's pictures: risk numbers with an icon array leaflint can draw.
    pub pictures: &'a [PictureRef],
    /// Risk or chance numbers in the text (with or without a picture).
    pub risk_numbers: usize,
}

struct Facts<'a> {
    i: &'a Input<'a>,
    quantities: bool,
    images: bool,
    tables: bool,
    lists: bool,
    any_action: bool,
    first_action: Option<usize>,
    candidate: Option<usize>,
    very_short: bool,
}

impl<'a> Facts<'a> {
    fn new(i: &'a Input<'a>) -> Self {
        let doc = i.doc;
        let an = i.analysis;
        let quantities =
            an.tokens.iter().any(|t| t.class == TokenClass::Number && !t.phone && !is_time_or_date(token_text(doc, t)));
        let first_action = (0..an.units.len()).find(|&u| i.structure.is_action(u));
        let emphasised = an.units.iter().position(|u| {
            u.kind != UnitKind::Heading
                && doc.blocks[u.block].emphasis.iter().any(|e| e.overlaps(&u.span) && !e.is_empty())
                || starts_marked(unit_text(doc, u))
        });
        let blocks = |f: fn(&BlockKind) -> bool| doc.blocks.iter().filter(|b| f(&b.kind)).count();
        Facts {
            i,
            quantities,
            images: !doc.images.is_empty(),
            tables: blocks(|k| matches!(k, BlockKind::TableCell { .. })) > 0,
            lists: blocks(BlockKind::is_list_item) > 0,
            any_action: first_action.is_some(),
            first_action,
            candidate: emphasised.or(first_action),
            very_short: blocks(|k| matches!(k, BlockKind::Paragraph | BlockKind::ListItem { .. })) <= 2,
        }
    }

    /// Indices of findings of these rules (at or above `min`).
    fn of(&self, rules: &[&str], min: Severity) -> Vec<usize> {
        self.i
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.severity >= min && rules.contains(&f.rule.as_str()))
            .map(|(n, _)| n)
            .collect()
    }

    fn ran(&self, rules: &[&str]) -> bool {
        rules.iter().any(|r| (self.i.ran)(r))
    }

    /// Fail on findings of `rules`, else pass — or a prompt when none of them ran.
    fn fail_on(&self, id: &str, text: &'static str, rules: &[&str], min: Severity) -> ChecklistItem {
        if !self.ran(rules) {
            return item(id, text, Automatic, Prompt)
                .note(format!("Not judged: leaflint did not run {}.", rules.join(", ")));
        }
        let ev = self.of(rules, min);
        let status = if ev.is_empty() { Pass } else { Fail };
        item(id, text, Automatic, status).evidence(ev)
    }

    fn unit_span(&self, u: usize) -> ByteSpan {
        self.i.analysis.units[u].span
    }
}

/// `needle` (lower-case ASCII) in `hay`, ignoring ASCII case.
static IN_10: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" in 10"));
static OUT_OF: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" out of "));

fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    // Jump between places where the first letter (either case) occurs.
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h)
        .any(|i| h.get(i..i + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)))
}

fn is_time_or_date(t: &str) -> bool {
    t.contains(':') || t.contains('/') || (t.len() == 4 && (t.starts_with("19") || t.starts_with("20")))
}

fn starts_marked(unit: &str) -> bool {
    ["Important", "Remember", "Key point", "Warning"].iter().any(|m| unit.starts_with(m))
}

fn item(id: &str, text: &'static str, how: ItemHow, status: ItemStatus) -> ChecklistItem {
    ChecklistItem {
        id: id.to_owned(),
        text,
        how,
        status,
        suggested: None,
        evidence: Vec::new(),
        spans: Vec::new(),
        note: None,
    }
}

trait ItemExt {
    fn note(self, note: impl Into<String>) -> Self;
    fn evidence(self, ev: Vec<usize>) -> Self;
    fn suggest(self, s: ItemStatus) -> Self;
    fn span(self, s: Option<ByteSpan>) -> Self;
}

impl ItemExt for ChecklistItem {
    fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
    fn evidence(mut self, ev: Vec<usize>) -> Self {
        self.evidence = ev;
        self
    }
    fn suggest(mut self, s: ItemStatus) -> Self {
        self.suggested = Some(s);
        self
    }
    fn span(mut self, s: Option<ByteSpan>) -> Self {
        self.spans.extend(s);
        self
    }
}

fn finish(items: Vec<ChecklistItem>) -> Checklist {
    let auto = items.iter().filter(|i| i.how == Automatic && matches!(i.status, Pass | Fail));
    let decided = auto.clone().count();
    let passed = auto.filter(|i| i.status == Pass).count();
    let auto_score = (decided > 0).then(|| passed as f64 / decided as f64 * 100.0);
    Checklist { items, decided, passed, auto_score, label: AUTO_SCORE_LABEL }
}

const JARGON: &[&str] = &["medical-jargon", "undefined-acronym", "clinical-shorthand"];
const NUMBERS: &[&str] = &["percentage", "decimal", "fraction", "relative-risk"];
const CALCULATION: &[&str] = &["implied-calculation", "mixed-denominators", "one-in-x-varying"];
const KNOWN_UNKNOWN: &[&str] =
    &["we do not know", "we don't know", "not yet known", "research is ongoing", "it is not clear", "not known"];
const WHY: &[&str] = &["because", "so that", "to help", "this helps", "to prevent", "to reduce"];
const TIME_WORDS: &[&str] =
    &["morning", "evening", "night", "bedtime", "daily", "every", "hour", "day", "week", "before", "after", "meal"];
const GLOSS: &[&str] =
    &["about", "most", "few", "very common", "common", "rare", "uncommon", "nearly", "almost", "out of", "in every"];

/// Build both checklists.
pub fn build(i: &Input<'_>) -> Checklists {
    let f = Facts::new(i);
    Checklists { cdc_cci: cci(&f), pemat_p: pemat(&f) }
}

fn cci(f: &Facts<'_>) -> Checklist {
    let i = f.i;
    let doc = i.doc;
    let an = i.analysis;
    let text_of = |u: usize| unit_text(doc, &an.units[u]).to_owned();
    let mut items = Vec::new();
    let cand = f.candidate;
    items.push(match cand {
        Some(u) => item("1", "The material has one main message.", Partial, Prompt)
            .span(Some(f.unit_span(u)))
            .note(format!("Is this the one main message? “{}”", text_of(u))),
        None => item("1", "The material has one main message.", Partial, Prompt)
            .note("leaflint found no candidate main message: no emphasis and no action."),
    });
    let mmnf = f.of(&["main-message-not-first"], Severity::Info);
    items.push(if mmnf.is_empty() {
        item("2", "The main message is at the top of the material.", Partial, Prompt)
    } else {
        item("2", "The main message is at the top of the material.", Partial, Fail).evidence(mmnf)
    });
    let emphasised = cand.is_some_and(|u| {
        let unit = &an.units[u];
        let b = &doc.blocks[unit.block];
        b.kind.is_heading() || b.kind.is_list_item() || b.emphasis.iter().any(|e| e.overlaps(&unit.span))
    });
    items.push(match (doc.format, emphasised) {
        (Format::Text, _) => {
            item("3", "The main message is emphasised with font, colour, shapes, lines or arrows.", Manual, Prompt)
                .note("Plain text has no emphasis to read.")
        }
        (_, true) => {
            item("3", "The main message is emphasised with font, colour, shapes, lines or arrows.", Partial, Pass)
                .span(cand.map(|u| f.unit_span(u)))
        }
        (_, false) => {
            item("3", "The main message is emphasised with font, colour, shapes, lines or arrows.", Partial, Prompt)
                .suggest(Fail)
        }
    });
    items.push(
        item("4", "The main message has at least one visual that conveys or supports it.", Manual, Prompt)
            .note(image_note(doc)),
    );
    let cta = f.of(&["no-call-to-action"], Severity::Info);
    let item5_fail = !cta.is_empty() || !f.any_action;
    items.push(
        item("5", "The material has one or more calls to action.", Automatic, if item5_fail { Fail } else { Pass })
            .evidence(cta),
    );
    let passive: Vec<usize> = f
        .of(&["passive-voice"], Severity::Info)
        .into_iter()
        .filter(|&n| [f.first_action, cand].iter().flatten().any(|&u| f.unit_span(u).overlaps(&i.findings[n].span)))
        .collect();
    items.push(if !f.ran(&["passive-voice"]) && !item5_fail {
        item("6", "The main message and call to action use the active voice.", Automatic, Prompt)
            .note("Not judged: leaflint did not run passive-voice.")
    } else {
        let status = if item5_fail || !passive.is_empty() { Fail } else { Pass };
        item("6", "The main message and call to action use the active voice.", Automatic, status).evidence(passive)
    });
    items.push(f.fail_on(
        "7",
        "The material always uses words the audience uses; terms and acronyms are explained.",
        JARGON,
        Severity::Warning,
    ));
    let long = f.of(&["long-list"], Severity::Info);
    let list_blocks: Vec<usize> =
        doc.blocks.iter().enumerate().filter(|(_, b)| b.kind.is_list_item()).map(|(n, _)| n).collect();
    let mut it8 = item(
        "8",
        "The material uses bulleted or numbered lists.",
        Automatic,
        if f.lists && long.is_empty() { Pass } else { Fail },
    )
    .evidence(long);
    if let (Some(&first), true) = (list_blocks.first(), f.lists) {
        let after_lists = doc.blocks[first..].iter().all(|b| b.kind.is_list_item());
        if after_lists && first > 0 {
            it8 = it8.note("The only list is at the end of the material; the CCI asks for lists where the content is.");
        }
    }
    items.push(it8);
    let chunking = f.of(&["missing-headings", "chunk-too-long", "vague-heading"], Severity::Info);
    items.push(
        item(
            "9",
            "The material is organised in chunks with headings.",
            Automatic,
            if chunking.is_empty() { Pass } else { Fail },
        )
        .evidence(chunking)
        .note("Whether each chunk holds one idea needs a person."),
    );
    let first_body = i.structure.chunks.iter().find(|c| !c.body.is_empty());
    let first_has_action = first_body.is_some_and(|c| c.body.clone().any(|u| i.structure.is_action(u)));
    let mut it10 =
        item("10", "The most important information is summarised in the first paragraph or section.", Partial, Prompt);
    if first_has_action {
        it10 = it10.suggest(Pass);
    }
    items.push(it10);
    let found: Vec<&str> = KNOWN_UNKNOWN
        .iter()
        .copied()
        .filter(|p| {
            let cap = crate::finding::capitalise(p);
            memchr::memmem::find(doc.text.as_bytes(), p.as_bytes()).is_some()
                || memchr::memmem::find(doc.text.as_bytes(), cap.as_bytes()).is_some()
        })
        .collect();
    let mut it11 =
        item("11", "The material explains what authoritative sources know and do not know.", Partial, Prompt);
    if !found.is_empty() {
        it11 = it11.note(format!("Found: {}.", found.join(", ")));
    }
    items.push(it11);
    let gate = f.any_action;
    items.push(item(
        "12",
        "The material includes one or more behavioural recommendations.",
        Automatic,
        if gate { Pass } else { Na },
    ));
    if gate {
        let why = (0..an.units.len()).filter(|&u| i.structure.is_action(u)).any(|u| {
            (u.saturating_sub(1)..=(u + 1).min(an.units.len() - 1)).any(|n| {
                let t = unit_text(doc, &an.units[n]);
                WHY.iter().any(|w| contains_ci(t, w))
            })
        });
        let mut it13 =
            item("13", "The material explains why the behaviour is important to the audience.", Partial, Prompt);
        if why {
            it13 = it13.suggest(Pass);
        }
        items.push(it13);
        let how = (0..an.units.len()).filter(|&u| i.structure.is_action(u)).any(|u| {
            let unit = &an.units[u];
            let numbered = matches!(doc.blocks[unit.block].kind, BlockKind::ListItem { ordered: true, .. });
            let t = unit_text(doc, unit).to_lowercase();
            numbered
                || an.unit_words(unit).any(|t| t.class == TokenClass::Number)
                || TIME_WORDS
                    .iter()
                    .any(|w| t.split(|c: char| !c.is_alphabetic()).any(|x| x.trim_end_matches('s') == *w))
        });
        let mut it14 = item(
            "14",
            "The material includes specific directions about how to perform the behaviour.",
            Partial,
            Prompt,
        );
        if how {
            it14 = it14.suggest(Pass);
        }
        items.push(it14);
    } else {
        items.push(item("13", "The material explains why the behaviour is important to the audience.", Partial, Na));
        items.push(item(
            "14",
            "The material includes specific directions about how to perform the behaviour.",
            Partial,
            Na,
        ));
    }
    items.push(if f.quantities {
        f.fail_on("15", "The material always presents numbers the audience uses.", NUMBERS, Severity::Info)
    } else {
        item("15", "The material always presents numbers the audience uses.", Automatic, Na)
    });
    let unanchored = f.of(&["large-number-unanchored"], Severity::Info);
    items.push(match (f.quantities, unanchored.is_empty()) {
        (false, _) => item("16", "The material always explains what the numbers mean.", Partial, Na),
        (true, true) => item("16", "The material always explains what the numbers mean.", Partial, Prompt),
        (true, false) => {
            item("16", "The material always explains what the numbers mean.", Partial, Fail).evidence(unanchored)
        }
    });
    items.push(if f.quantities {
        f.fail_on("17", "The audience does not have to do calculations.", CALCULATION, Severity::Info)
    } else {
        item("17", "The audience does not have to do calculations.", Automatic, Na)
    });
    items.push(item("18", "The material explains the nature of the risk.", Manual, Prompt));
    let one_sided = f.of(&["one-sided-framing"], Severity::Info);
    items.push(if !f.any_action {
        item("19", "The material addresses both the risks and benefits of the recommended behaviour.", Partial, Na)
    } else if one_sided.is_empty() {
        item("19", "The material addresses both the risks and benefits of the recommended behaviour.", Partial, Prompt)
    } else {
        item("19", "The material addresses both the risks and benefits of the recommended behaviour.", Partial, Prompt)
            .suggest(Fail)
            .evidence(one_sided)
    });
    // Units with a probability: a risk number of the report's pictures, or text that looks like one.
    let mut probability: Vec<&str> = (0..an.units.len())
        .map(|u| &an.units[u])
        .filter(|u| {
            let t = unit_text(doc, u);
            // " in 100" contains " in 10": two prebuilt searchers instead of a searcher per unit.
            t.contains('%') || IN_10.find(t.as_bytes()).is_some() || OUT_OF.find(t.as_bytes()).is_some()
        })
        .map(|u| u.span.slice(&doc.text))
        .collect();
    probability.extend(i.pictures.iter().map(|p| p.sentence.slice(&doc.text)));
    let glossed = probability.iter().all(|t| GLOSS.iter().any(|g| contains_ci(t, g)));
    let mut it20 = item("20", "Numeric probability is also explained with words or a visual.", Partial, Prompt);
    if !probability.is_empty() && (glossed || f.images) {
        it20 = it20.suggest(Pass);
    }
    if let Some(note) = visual_offered(i.pictures.len(), i.risk_numbers) {
        it20 = it20.note(note);
        it20.spans.extend(i.pictures.iter().map(|p| p.span));
    }
    items.push(it20);
    finish(items)
}

/// CCI 20's note when the text has risk numbers: the visual leaflint offers for them.
fn visual_offered(pictures: usize, risk_numbers: usize) -> Option<String> {
    let add = "Add each picture beside its number, or explain the number in words.";
    match (pictures, risk_numbers) {
        (_, 0) => None,
        (0, n) => Some(format!("No picture: the {n} risk number(s) are too small to draw in 1,000 icons. Explain them in words.")),
        (1, 1) => Some(format!("Visual offered: a picture (icon array) for the 1 risk number. {add}")),
        (p, n) if p == n => Some(format!("Visual offered: a picture (icon array) for each of the {n} risk numbers. {add}")),
        (p, n) => Some(format!(
            "Visual offered: a picture (icon array) for {p} of {n} risk numbers (the others are too small to draw in 1,000 icons). {add}"
        )),
    }
}

fn image_note(doc: &Document) -> String {
    match doc.images.len() {
        0 => "The material has no images.".to_owned(),
        n => {
            let alt = doc.images.iter().filter(|i| i.alt.is_some()).count();
            format!("The material has {n} image{}; {alt} with alternative text.", if n == 1 { "" } else { "s" })
        }
    }
}

fn pemat(f: &Facts<'_>) -> Checklist {
    let i = f.i;
    let doc = i.doc;
    let an = i.analysis;
    let mut items = Vec::new();
    let title = doc.blocks.iter().find(|b| b.kind.is_heading()).map(|b| b.analysed.as_str());
    let first = an.units.iter().find(|u| u.kind != UnitKind::Heading).map(|u| unit_text(doc, u));
    let mut it1 = item("1", "The material makes its purpose completely evident.", Partial, Prompt);
    if title.is_some() || first.is_some() {
        it1 = it1.note(format!("Title: {}. First sentence: {}", title.unwrap_or("none"), first.unwrap_or("none")));
    }
    items.push(it1);
    items.push(item(
        "2",
        "The material does not include information or content that distracts from its purpose.",
        Manual,
        Prompt,
    ));
    let acronyms = f.of(&["undefined-acronym"], Severity::Info);
    let limit = i.config.target("complex-language-pct");
    let pct = i.scores.language.complex_language_pct;
    items.push(match pct {
        None if !f.ran(&["undefined-acronym"]) => {
            item("3", "The material uses common, everyday language.", Automatic, Prompt)
                .note("Not judged: the complex-language score and undefined-acronym are not computed yet.")
        }
        _ => {
            let fail = pct.is_some_and(|p| p > limit) || acronyms.len() > 3;
            let mut it =
                item("3", "The material uses common, everyday language.", Automatic, if fail { Fail } else { Pass });
            if acronyms.len() > 3 {
                it = it.evidence(acronyms);
            }
            it
        }
    });
    items.push(f.fail_on(
        "4",
        "Medical terms are used only to familiarise the audience with them, and are defined.",
        &["medical-jargon"],
        Severity::Info,
    ));
    items.push(match i.scores.language.active_share {
        Some(s) => {
            item("5", "The material uses the active voice.", Automatic, if s >= ACTIVE_SHARE { Pass } else { Fail })
                .evidence(f.of(&["passive-voice"], Severity::Info))
        }
        None => item("5", "The material uses the active voice.", Automatic, Prompt)
            .note("Not judged: the active share is not computed yet."),
    });
    items.push(if f.quantities {
        f.fail_on(
            "6",
            "Numbers in the material are clear and easy to understand.",
            &["percentage", "decimal", "fraction"],
            Severity::Info,
        )
    } else {
        item("6", "Numbers in the material are clear and easy to understand.", Automatic, Na)
    });
    items.push(if f.quantities {
        f.fail_on("7", "The material does not expect the user to perform calculations.", CALCULATION, Severity::Info)
    } else {
        item("7", "The material does not expect the user to perform calculations.", Automatic, Na)
    });
    let short = |id: &str, text: &'static str, rules: &[&str]| {
        if f.very_short {
            item(id, text, Automatic, Na).note("Very short material (two paragraphs or fewer).")
        } else {
            f.fail_on(id, text, rules, Severity::Info)
        }
    };
    items.push(short(
        "8",
        "The material breaks or chunks information into short sections.",
        &["chunk-too-long", "long-paragraph", "missing-headings"],
    ));
    items.push(short("9", "The material's sections have informative headers.", &["missing-headings", "vague-heading"]));
    items.push(item("10", "The material presents information in a logical sequence.", Manual, Prompt));
    items.push(short("11", "The material provides a summary.", &["no-summary"]));
    let bold = doc.blocks.iter().any(|b| !b.emphasis.is_empty());
    items.push(item(
        "12",
        "The material uses visual cues (arrows, boxes, bullets, bold) to draw attention to key points.",
        Automatic,
        if f.lists || bold { Pass } else { Fail },
    ));
    items.push(
        item(
            "15",
            "The material uses visual aids whenever they could make content more easily understood.",
            Manual,
            Prompt,
        )
        .note(image_note(doc)),
    );
    for (id, text) in [
        ("16", "The material's visual aids reinforce rather than distract from the content."),
        ("17", "The material's visual aids have clear titles or captions."),
        ("18", "The material uses illustrations and photographs that are clear and uncluttered."),
    ] {
        items.push(if f.images {
            item(id, text, Manual, Prompt).note(image_note(doc))
        } else {
            item(id, text, Manual, Na)
        });
    }
    let headers: Vec<&crate::document::Block> =
        doc.blocks.iter().filter(|b| matches!(b.kind, BlockKind::TableCell { header: true, .. })).collect();
    items.push(if !f.tables {
        item("19", "The material uses simple tables with short and clear row and column headings.", Partial, Na)
    } else {
        let short_heads = headers.iter().all(|b| b.analysed.split_whitespace().count() as u32 <= TABLE_HEADER_WORDS);
        let it = item(
            "19",
            "The material uses simple tables with short and clear row and column headings.",
            Partial,
            Prompt,
        );
        if short_heads && !headers.is_empty() {
            it.suggest(Pass)
        } else {
            it
        }
    });
    items.push(
        f.fail_on(
            "20",
            "The material clearly identifies at least one action the user can take.",
            &["no-call-to-action"],
            Severity::Info,
        )
        .with_no_action(f),
    );
    let not_addressed = f.of(&["not-addressed-to-reader"], Severity::Info);
    let share = i.scores.language.second_person_share;
    items.push(if !f.ran(&["not-addressed-to-reader"]) && share.is_none() {
        item("21", "The material addresses the user directly when describing actions.", Automatic, Prompt)
            .note("Not judged: leaflint did not run not-addressed-to-reader.")
    } else {
        let fail = !not_addressed.is_empty() || share.is_some_and(|s| s < SECOND_PERSON_SHARE);
        item(
            "21",
            "The material addresses the user directly when describing actions.",
            Automatic,
            if fail { Fail } else { Pass },
        )
        .evidence(not_addressed)
    });
    let steps = f.of(&["steps-in-one-sentence"], Severity::Info);
    let numbered_actions = (0..an.units.len()).any(|u| {
        i.structure.is_action(u)
            && matches!(doc.blocks[an.units[u].block].kind, BlockKind::ListItem { ordered: true, .. })
    });
    let mut it22 = item("22", "The material breaks down any action into manageable, explicit steps.", Partial, Prompt);
    if !steps.is_empty() {
        it22 = it22.suggest(Fail).evidence(steps);
    } else if numbered_actions {
        it22 = it22.suggest(Pass);
    }
    items.push(it22);
    let mut it23 = item(
        "23",
        "The material provides a tangible tool (menu planner, checklist) to help the user take action.",
        Manual,
        Prompt,
    );
    if doc.text.contains(['☐', '□', '☑']) {
        it23 = it23.note("The material has checkbox characters.");
    }
    items.push(it23);
    let calc = f.of(&["implied-calculation"], Severity::Info);
    items.push(if f.ran(&["implied-calculation"]) && calc.is_empty() {
        item(
            "24",
            "The material provides simple instructions that illustrate how to perform calculations.",
            Partial,
            Na,
        )
    } else {
        item(
            "24",
            "The material provides simple instructions that illustrate how to perform calculations.",
            Partial,
            Prompt,
        )
        .evidence(calc)
    });
    items.push(if f.tables || f.images {
        item(
            "25",
            "The material explains how to use the charts, graphs, tables or diagrams to take actions.",
            Manual,
            Prompt,
        )
    } else {
        item(
            "25",
            "The material explains how to use the charts, graphs, tables or diagrams to take actions.",
            Manual,
            Na,
        )
    });
    items.push(item(
        "26",
        "The material uses visual aids whenever they could make it easier to act on the instructions.",
        Manual,
        Prompt,
    ));
    finish(items)
}

trait NoAction {
    fn with_no_action(self, f: &Facts<'_>) -> Self;
}

impl NoAction for ChecklistItem {
    /// No action unit at all fails even when `no-call-to-action` is turned off.
    fn with_no_action(mut self, f: &Facts<'_>) -> Self {
        if !f.any_action && !f.i.doc.text.trim().is_empty() {
            self.status = Fail;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Category;
    use crate::metrics;
    use crate::text::syllables::NumberStyle;

    fn lists(text: &str, format: Format, findings: &[Finding], ran: &dyn Fn(&str) -> bool) -> Checklists {
        let doc = Document::parse(text, format);
        let analysis = Analysis::new(&doc, NumberStyle::British);
        let config = Config::default();
        let scores = metrics::scores(&doc, &analysis, &config);
        let structure = Structure::new(&doc, &analysis);
        build(&Input {
            doc: &doc,
            analysis: &analysis,
            structure: &structure,
            scores: &scores,
            findings,
            config: &config,
            ran,
            pictures: &[],
            risk_numbers: 0,
        })
    }

    /// A finding of a rule that is not in the registry yet (jargon, numeracy, passive voice).
    fn synthetic(rule: &str, severity: Severity, span: ByteSpan) -> Finding {
        let mut f = Finding {
            rule: rule.to_owned(),
            category: Category::Words,
            severity,
            message: String::new(),
            help: None,
            span,
            utf16: crate::span::Utf16Span::default(),
            line: 1,
            column: 1,
            scope: crate::finding::Scope::Span,
            related: Vec::new(),
            fixes: Vec::new(),
            data: serde_json::Map::new(),
        };
        f.message = format!("{rule} here");
        f
    }

    fn get<'a>(c: &'a Checklist, id: &str) -> &'a ChecklistItem {
        c.items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no item {id}"))
    }

    const LEAFLET: &str = "# Ibuprofen\n\nTake **1 tablet 3 times a day** with food.\n\n## Side effects\n\n- feeling sick\n- indigestion\n\nAbout 1 in 10 people get indigestion.\n";

    #[test]
    fn rules_not_run_give_prompts_not_passes() {
        let c = lists(LEAFLET, Format::Markdown, &[], &|_| false);
        assert_eq!(get(&c.cdc_cci, "7").status, Prompt);
        assert!(get(&c.cdc_cci, "7").note.as_deref().is_some_and(|n| n.contains("did not run")));
        assert_eq!(get(&c.cdc_cci, "5").status, Pass);
        assert_eq!(get(&c.cdc_cci, "8").status, Pass);
        assert_eq!(get(&c.cdc_cci, "12").status, Pass);
        assert_eq!(get(&c.cdc_cci, "14").suggested, Some(Pass));
        assert_eq!(get(&c.cdc_cci, "3").status, Pass, "the candidate is bold");
        assert_eq!(get(&c.pemat_p, "12").status, Pass);
        assert_eq!(get(&c.pemat_p, "19").status, Na);
        assert_eq!(c.cdc_cci.items.len(), 20);
        assert_eq!(c.pemat_p.items.len(), 24);
        assert_eq!(c.cdc_cci.label, AUTO_SCORE_LABEL);
    }

    #[test]
    fn items_follow_findings_by_rule_id() {
        let jargon = synthetic("medical-jargon", Severity::Warning, ByteSpan::new(14, 17));
        let pct = synthetic("percentage", Severity::Warning, ByteSpan::new(80, 90));
        let calc = synthetic("implied-calculation", Severity::Info, ByteSpan::new(80, 90));
        let findings = [jargon, pct, calc];
        let c = lists(LEAFLET, Format::Markdown, &findings, &|_| true);
        let cci7 = get(&c.cdc_cci, "7");
        assert_eq!((cci7.status, cci7.evidence.clone()), (Fail, vec![0]));
        assert_eq!((get(&c.cdc_cci, "15").status, get(&c.cdc_cci, "15").evidence.clone()), (Fail, vec![1]));
        assert_eq!(get(&c.cdc_cci, "17").status, Fail);
        assert_eq!(get(&c.pemat_p, "4").status, Fail);
        assert_eq!(get(&c.pemat_p, "6").status, Fail);
        assert_eq!(get(&c.pemat_p, "24").status, Prompt);
        let passive = synthetic("passive-voice", Severity::Warning, ByteSpan::new(25, 30));
        let c = lists(LEAFLET, Format::Markdown, &[passive], &|_| true);
        assert_eq!(get(&c.cdc_cci, "6").status, Fail, "the call to action is passive");
        assert!(c.cdc_cci.decided > 0);
        let score = c.cdc_cci.auto_score.unwrap_or(-1.0);
        assert!((score - c.cdc_cci.passed as f64 / c.cdc_cci.decided as f64 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn no_numbers_no_actions_very_short() {
        let c = lists("Shingles is a common infection.\n", Format::Text, &[], &|_| true);
        assert_eq!(get(&c.cdc_cci, "5").status, Fail);
        assert_eq!(get(&c.cdc_cci, "12").status, Na);
        assert_eq!(get(&c.cdc_cci, "13").status, Na);
        assert_eq!(get(&c.cdc_cci, "15").status, Na);
        assert_eq!(get(&c.cdc_cci, "3").how, Manual);
        assert_eq!(get(&c.pemat_p, "8").status, Na);
        assert_eq!(get(&c.pemat_p, "20").status, Fail);
    }
}
