//! Markdown (CommonMark + GFM tables) through pulldown-cmark with source offsets (SPEC §1.1).
//!
//! Headings, paragraphs, list items and table cells become blocks; text runs become pieces that
//! point at their source bytes, so a finding inside `**bold**` lands on the right characters.
//! Code (inline and fenced) and raw HTML are never analysed. A paragraph whose lines start with
//! plain-text bullets (`•`) is read as a list, as leaflets pasted into Markdown often are.

use super::{plain, trim_range, Block, BlockKind, Image};
use crate::span::ByteSpan;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const PLAIN_BULLETS: [char; 6] = ['•', '◦', '▪', '‣', '·', '–'];

struct ListLevel {
    ordered: bool,
    next: u32,
}

pub(crate) fn parse(text: &str, images: &mut Vec<Image>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    let mut lists: Vec<ListLevel> = Vec::new();
    let mut item_open = false;
    let mut strong_start: Vec<usize> = Vec::new();
    let mut skip_until_paragraph_end = false;
    let mut in_code = 0usize;
    let mut table_row = 0u32;
    let mut table_col = 0u32;
    let mut in_head = false;
    let mut in_image = 0usize;
    let mut alt = String::new();

    fn flush(open: &mut Option<Block>, blocks: &mut Vec<Block>) {
        if let Some(b) = open.take() {
            if !b.analysed.trim().is_empty() {
                blocks.push(b);
            }
        }
    }

    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        if skip_until_paragraph_end {
            if matches!(event, Event::End(TagEnd::Paragraph)) {
                skip_until_paragraph_end = false;
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut open, &mut blocks);
                open = Some(Block::new(BlockKind::Heading { level: level as u8 }, ByteSpan::from(range)));
            }
            Event::Start(Tag::Paragraph) => {
                if item_open {
                    continue; // the item owns its paragraphs
                }
                let src = &text[range.clone()];
                if src.lines().any(|l| l.trim_start().chars().next().is_some_and(|c| PLAIN_BULLETS.contains(&c))) {
                    flush(&mut open, &mut blocks);
                    for mut b in plain::parse(src) {
                        shift(&mut b, range.start);
                        blocks.push(b);
                    }
                    skip_until_paragraph_end = true;
                    continue;
                }
                flush(&mut open, &mut blocks);
                open = Some(Block::new(BlockKind::Paragraph, ByteSpan::from(range)));
            }
            Event::Start(Tag::List(first)) => {
                flush(&mut open, &mut blocks);
                item_open = false;
                lists.push(ListLevel { ordered: first.is_some(), next: 0 });
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut open, &mut blocks);
                lists.pop();
                item_open = false;
            }
            Event::Start(Tag::Item) => {
                flush(&mut open, &mut blocks);
                let depth = lists.len().saturating_sub(1) as u8;
                let (ordered, index) = match lists.last_mut() {
                    Some(l) => {
                        l.next += 1;
                        (l.ordered, l.next - 1)
                    }
                    None => (false, 0),
                };
                let marker = item_marker(text, range.clone());
                open = Some(Block::new(BlockKind::ListItem { ordered, depth, index, marker }, ByteSpan::from(range)));
                item_open = true;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut open, &mut blocks);
                item_open = false;
            }
            Event::Start(Tag::Table(_)) => {
                flush(&mut open, &mut blocks);
                table_row = 0;
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                table_row += 1;
            }
            Event::Start(Tag::TableRow) => table_col = 0,
            Event::End(TagEnd::TableRow) => table_row += 1,
            Event::Start(Tag::TableCell) => {
                flush(&mut open, &mut blocks);
                let kind = BlockKind::TableCell { header: in_head, row: table_row, col: table_col };
                open = Some(Block::new(kind, ByteSpan::from(range)));
            }
            Event::End(TagEnd::TableCell) => {
                flush(&mut open, &mut blocks);
                table_col += 1;
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => {
                if !item_open {
                    flush(&mut open, &mut blocks);
                } else if let Some(b) = open.as_mut() {
                    // A later paragraph of the same item is joined with a space.
                    if !b.analysed.is_empty() && !b.analysed.ends_with(' ') {
                        b.analysed.push(' ');
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut open, &mut blocks);
                in_code += 1;
            }
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                alt.clear();
            }
            Event::End(TagEnd::Image) => {
                in_image = in_image.saturating_sub(1);
                let a = alt.trim();
                images.push(Image { span: ByteSpan::from(range), alt: (!a.is_empty()).then(|| a.to_owned()) });
            }
            Event::Start(Tag::Strong) => strong_start.push(range.start),
            Event::End(TagEnd::Strong) => {
                if let (Some(s), Some(b)) = (strong_start.pop(), open.as_mut()) {
                    b.emphasis.push(ByteSpan::new(s, range.end));
                }
            }
            Event::Text(t) => {
                if in_image > 0 {
                    alt.push_str(&t);
                    continue;
                }
                if in_code > 0 {
                    continue;
                }
                let b = open.get_or_insert_with(|| Block::new(BlockKind::Paragraph, ByteSpan::from(range.clone())));
                let verbatim = text.get(range.clone()) == Some(t.as_ref());
                b.push_inline(&t, ByteSpan::from(range), verbatim);
            }
            Event::Code(_) => {
                // Never analysed, but keep a word gap so the words around it stay apart.
                if let Some(b) = open.as_mut() {
                    if !b.analysed.ends_with(' ') && !b.analysed.is_empty() {
                        b.analysed.push(' ');
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = open.as_mut() {
                    if !b.analysed.ends_with(' ') {
                        b.analysed.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut open, &mut blocks);
    for b in &mut blocks {
        trim_block(b);
    }
    blocks
}

/// Move a block parsed from a substring starting at `by`.
fn shift(b: &mut Block, by: usize) {
    let mv = |s: ByteSpan| ByteSpan::new(s.start() + by, s.end() + by);
    b.span = mv(b.span);
    for p in &mut b.pieces {
        p.source = mv(p.source);
    }
    for e in &mut b.emphasis {
        *e = mv(*e);
    }
    if let BlockKind::ListItem { marker, .. } = &mut b.kind {
        *marker = mv(*marker);
    }
}

/// Drop trailing joining spaces left by breaks at the end of a block.
fn trim_block(b: &mut Block) {
    let keep = b.analysed.trim_end().len();
    b.analysed.truncate(keep);
    b.pieces.retain(|p| p.analysed.start < keep);
    if let Some(p) = b.pieces.last_mut() {
        p.analysed.end = p.analysed.end.min(keep);
    }
}

fn item_marker(text: &str, range: std::ops::Range<usize>) -> ByteSpan {
    let r = trim_range(text, range);
    let s = &text[r.clone()];
    let len = s.find(char::is_whitespace).unwrap_or(s.len()).min(6);
    ByteSpan::new(r.start, r.start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_offsets() {
        let text = "# Metformin\n\nTake **1 tablet** with food.\nDo not &amp; stop.\n\n- Rest\n- Drink water\n  1. slowly\n\n| Dose | When |\n|---|---|\n| 1 | night |\n\n```\ncode here\n```\n";
        let blocks = parse(text, &mut Vec::new());
        let got: Vec<(&str, &str)> = blocks
            .iter()
            .map(|b| {
                let k = match b.kind {
                    BlockKind::Heading { .. } => "h",
                    BlockKind::Paragraph => "p",
                    BlockKind::ListItem { .. } => "li",
                    BlockKind::TableCell { .. } => "td",
                    _ => "?",
                };
                (k, b.analysed.as_str())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("h", "Metformin"),
                ("p", "Take 1 tablet with food. Do not & stop."),
                ("li", "Rest"),
                ("li", "Drink water"),
                ("li", "slowly"),
                ("td", "Dose"),
                ("td", "When"),
                ("td", "1"),
                ("td", "night"),
            ]
        );
        let p = &blocks[1];
        let i = p.analysed.find("tablet").expect("word");
        assert_eq!(p.span_of(i..i + 6).slice(text), "tablet");
        let amp = p.analysed.find('&').expect("amp");
        assert_eq!(p.span_of(amp..amp + 1).slice(text), "&amp;");
        assert_eq!(p.emphasis.len(), 1);
        assert!(matches!(blocks[4].kind, BlockKind::ListItem { ordered: true, depth: 1, .. }));
    }

    #[test]
    fn images_are_recorded_not_analysed() {
        let text = "Wash your hands.\n\n![A person washing their hands](wash.png)\n";
        let mut images = Vec::new();
        let blocks = parse(text, &mut images);
        assert_eq!(blocks.len(), 1);
        assert_eq!(images.len(), 1);
        assert_eq!(images[0].alt.as_deref(), Some("A person washing their hands"));
        assert_eq!(images[0].span.slice(text), "![A person washing their hands](wash.png)");
    }

    #[test]
    fn plain_bullets_in_markdown() {
        let text = "Call 111 if:\n• you feel sick\n• you are dizzy\n";
        let blocks = parse(text, &mut Vec::new());
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[2].span_of(0..3).slice(text), "you");
        assert!(blocks[2].kind.is_list_item());
    }
}
