//! Chunk-and-check (SPEC §6.1–§6.2, §6.14, §7): the document cut into chunks, the action units in
//! each, teach-back prompts and the CDC Clear Communication Index / PEMAT-P checklists.
//!
//! [`Structure::new`] runs once per check, after the text layer: it finds every action unit
//! (SPEC §6.1) and cuts the document into chunks (SPEC §6.2). The structure rules read it through
//! [`crate::rules::Context::structure`]; the report's `chunks` come from [`chunk_reports`].

pub mod checklist;
pub mod teach_back;

use crate::document::{BlockKind, Document};
use crate::metrics::formulas::{self, Counts};
use crate::report::{Chunk as ChunkReport, KeyAction, SplitPointReport};
use crate::span::ByteSpan;
use crate::split;
use crate::text::action::{action, Action, VerbClass};
use crate::text::{unit_text, Analysis, UnitKind};
use std::ops::Range;

/// Headings that mark a summary section (SPEC §6.12), compared lower case with numbering and
/// end punctuation removed. `key facts` is added to the SPEC's list: NHS medicine pages use it
/// for their summary.
pub const SUMMARY_HEADINGS: &[&str] = &[
    "summary",
    "key points",
    "key facts",
    "main points",
    "what you need to know",
    "things to remember",
    "what to remember",
    "in short",
    "at a glance",
];

/// A heading's text without numbering and end punctuation, lower case (`3. Overview:` → `overview`).
pub fn heading_key(text: &str) -> String {
    let t = text.trim();
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')' || c == ':').trim_start();
    t.trim_end_matches(|c: char| c.is_ascii_punctuation()).trim().to_lowercase()
}

/// True for a summary heading (SPEC §6.12).
pub fn is_summary_heading(text: &str) -> bool {
    SUMMARY_HEADINGS.contains(&heading_key(text).as_str())
}

/// One chunk: a heading and the content up to the next heading (SPEC §6.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// 0-based position.
    pub index: usize,
    /// The heading block that labels it, if any.
    pub heading: Option<usize>,
    /// Its blocks (heading included).
    pub blocks: Range<usize>,
    /// Its body units (the heading's unit excluded): a range of `Analysis::units`.
    pub body: Range<usize>,
    /// Source span from its first block to its last.
    pub span: ByteSpan,
    /// Words in its body units.
    pub words: u32,
}

/// Action units and chunks of a document.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    /// Per unit of `Analysis::units`: its action, if it is an action unit.
    pub actions: Vec<Option<Action>>,
    /// Chunks in order.
    pub chunks: Vec<Chunk>,
}

/// One key action of a chunk: a distinct verb class and object (SPEC §6.8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    /// Index of the first unit with it.
    pub unit: usize,
    /// The verb class.
    pub class: VerbClass,
    /// The object, if any.
    pub object: Option<String>,
}

impl Structure {
    /// Find action units and chunks.
    pub fn new(doc: &Document, an: &Analysis) -> Structure {
        let conditions = condition_items(doc);
        let actions: Vec<Option<Action>> = an
            .units
            .iter()
            .map(|u| if u.kind == UnitKind::Heading || conditions[u.block] { None } else { action(unit_text(doc, u)) })
            .collect();
        let chunks = chunks(doc, an);
        Structure { actions, chunks }
    }

    /// True when unit `u` is an action unit.
    pub fn is_action(&self, u: usize) -> bool {
        self.actions.get(u).is_some_and(Option::is_some)
    }

    /// The chunk's key actions in order of first appearance (distinct class + object).
    pub fn key_actions(&self, chunk: &Chunk) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for u in chunk.body.clone() {
            if let Some(Some(a)) = self.actions.get(u) {
                if !keys.iter().any(|k| k.class == a.class && k.object == a.object) {
                    keys.push(Key { unit: u, class: a.class, object: a.object.clone() });
                }
            }
        }
        keys
    }

    /// The chunk whose body or heading holds block `b`.
    pub fn chunk_of_block(&self, b: usize) -> Option<&Chunk> {
        self.chunks.iter().find(|c| c.blocks.contains(&b))
    }
}

/// List items that finish a lead-in such as "Call your GP if you:" or "Do not take it if:" are
/// conditions of that lead-in (`• have liver problems`), not actions of their own.
fn condition_items(doc: &Document) -> Vec<bool> {
    let mut out = vec![false; doc.blocks.len()];
    let mut lead_in = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.kind.is_list_item() {
            out[i] = lead_in;
        } else {
            let t = b.analysed.trim_end().to_ascii_lowercase();
            lead_in = t.ends_with(':')
                && [" if you:", " if:", " you:", " when you:", " unless you:", " if you are:", " if you have:"]
                    .iter()
                    .any(|e| t.ends_with(e));
        }
    }
    out
}

/// Cut the document into chunks: at every heading; with no heading at all, each paragraph with
/// the lists and tables right after it.
fn chunks(doc: &Document, an: &Analysis) -> Vec<Chunk> {
    let has_heading = doc.blocks.iter().any(|b| b.kind.is_heading());
    let mut starts: Vec<usize> = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let new = if has_heading { b.kind.is_heading() } else { b.kind == BlockKind::Paragraph };
        if i == 0 || new {
            starts.push(i);
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    let mut u = 0;
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(doc.blocks.len());
        let heading = doc.blocks[start].kind.is_heading().then_some(start);
        while u < an.units.len() && an.units[u].block < start {
            u += 1;
        }
        let first = u;
        while u < an.units.len() && an.units[u].block < end {
            u += 1;
        }
        let body_start =
            if heading.is_some() { (first..u).find(|&i| an.units[i].block != start).unwrap_or(u) } else { first };
        let span = doc.blocks[start].span.cover(&doc.blocks[end - 1].span);
        let words = an.units[body_start..u].iter().map(|x| x.words).sum();
        out.push(Chunk { index, heading, blocks: start..end, body: body_start..u, span, words });
    }
    out
}

/// Readability of a chunk's counted units: Flesch–Kincaid grade and mean sentence length.
fn chunk_readability(an: &Analysis, body: Range<usize>) -> (Option<f64>, Option<f64>) {
    let mut c = Counts::default();
    for u in &an.units[body] {
        if !u.counted {
            continue;
        }
        c.sentences += 1.0;
        for t in an.unit_words(u) {
            c.words += 1.0;
            c.syllables += f64::from(t.syllables);
        }
    }
    let mean = (c.sentences > 0.0).then(|| c.words / c.sentences);
    (formulas::flesch_kincaid_grade(&c), mean)
}

/// Split points of a chunk's body (SPEC §6.13), as report spans.
pub fn chunk_split_points(
    doc: &Document,
    an: &Analysis,
    st: &Structure,
    chunk: &Chunk,
) -> Vec<(ByteSpan, split::SplitPoint)> {
    let units = &an.units[chunk.body.clone()];
    let first = chunk.body.start;
    split::split_points_with(doc, units, |i| st.actions.get(first + i).and_then(|a| a.as_ref().map(|a| a.class)))
        .into_iter()
        .map(|p| (ByteSpan::empty(units[p.after + 1].span.start()), p))
        .collect()
}

/// The report's chunks (SPEC §6.2): statistics, key actions, teach-back prompts and, for chunks
/// with more than one kind of action or over `chunk_words` words, split points.
pub fn chunk_reports(doc: &Document, an: &Analysis, st: &Structure, chunk_words: f64) -> Vec<ChunkReport> {
    st.chunks
        .iter()
        .map(|c| {
            let (fk_grade, mean) = chunk_readability(an, c.body.clone());
            let keys = st.key_actions(c);
            let mut classes: Vec<VerbClass> = keys.iter().map(|k| k.class).collect();
            classes.dedup();
            let heading = c.heading.map(|h| doc.blocks[h].analysed.clone());
            let split_points = if classes.len() > 1 || f64::from(c.words) > chunk_words {
                chunk_split_points(doc, an, st, c)
                    .into_iter()
                    .map(|(span, p)| SplitPointReport { span, score: p.score, reason: p.reason })
                    .collect()
            } else {
                Vec::new()
            };
            ChunkReport {
                index: c.index,
                heading,
                span: c.span,
                words: c.words,
                units: c.body.len(),
                mean_sentence_words: mean,
                fk_grade,
                complex_language_pct: None,
                actions: c.body.clone().filter(|&u| st.is_action(u)).count(),
                key_actions: keys
                    .iter()
                    .filter_map(|k| {
                        let a = st.actions[k.unit].as_ref()?;
                        let verb = if k.class == VerbClass::Avoid
                            && !matches!(a.verb.as_str(), "avoid" | "stop" | "limit" | "cut down")
                        {
                            format!("do not {}", a.verb)
                        } else {
                            a.verb.clone()
                        };
                        Some(KeyAction { class: k.class, verb, object: k.object.clone() })
                    })
                    .collect(),
                number_expressions: None,
                numeracy_points: None,
                passive_count: None,
                teach_back: teach_back::prompts(doc, st, c),
                split_points,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::text::syllables::NumberStyle;

    fn structure(text: &str, format: Format) -> (Document, Analysis, Structure) {
        let doc = Document::parse(text, format);
        let an = Analysis::new(&doc, NumberStyle::British);
        let st = Structure::new(&doc, &an);
        (doc, an, st)
    }

    #[test]
    fn chunks_follow_headings() {
        let text = "# Metformin\n\nMetformin treats diabetes.\n\n## How to take it\n\nTake 1 tablet with food.\n\n- Drink water.\n- Rest.\n\n## Side effects\n\nCall your GP if you feel sick.\n";
        let (doc, an, st) = structure(text, Format::Markdown);
        assert_eq!(st.chunks.len(), 3);
        assert_eq!(st.chunks[1].heading.map(|h| doc.blocks[h].analysed.as_str()), Some("How to take it"));
        assert_eq!(st.chunks[1].words, 8);
        let keys = st.key_actions(&st.chunks[1]);
        assert_eq!(
            keys.iter().map(|k| k.class).collect::<Vec<_>>(),
            vec![VerbClass::Medicine, VerbClass::SelfCare, VerbClass::SelfCare]
        );
        let reports = chunk_reports(&doc, &an, &st, 200.0);
        assert_eq!(reports[0].actions, 0);
        assert_eq!(reports[1].actions, 3);
        assert_eq!(reports[2].teach_back, vec!["Can you tell me when you would call your GP?"]);
        assert!(reports[1].fk_grade.is_some());
    }

    #[test]
    fn items_of_an_if_you_lead_in_are_conditions() {
        let text = "Check with your doctor if you:\n\n• have liver problems\n• take medicine for epilepsy\n\nTake it with food.";
        let (_, _, st) = structure(text, Format::Text);
        let actions: Vec<bool> = st.actions.iter().map(Option::is_some).collect();
        assert_eq!(actions, vec![true, false, false, true]);
    }

    #[test]
    fn without_headings_each_paragraph_and_its_lists_is_a_chunk() {
        let text = "Rest at home.\n\nYou may have:\n\n• a rash\n• a cough\n\nCall 111 if it gets worse.";
        let (_, _, st) = structure(text, Format::Text);
        assert_eq!(st.chunks.iter().map(|c| c.blocks.len()).collect::<Vec<_>>(), vec![1, 3, 1]);
        let (_, _, st) = structure("", Format::Text);
        assert!(st.chunks.is_empty());
    }
}
