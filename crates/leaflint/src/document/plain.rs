//! Plain text with leaflet conventions (SPEC §1.1): blank lines separate blocks; bullets and
//! numbered markers start list items; a lone short unpunctuated line is a heading; rows of cells
//! split by tabs or `|` are tables.

use super::{trim_range, Block, BlockKind};
use crate::span::ByteSpan;
use crate::text::action;
use std::ops::Range;

/// Lines of a heading candidate may have at most this many words (SPEC §1.6 †).
pub(crate) const HEADING_MAX_WORDS: usize = 12;
/// ... and at most this many when the line ends with `?` (†).
pub(crate) const HEADING_QUESTION_MAX_WORDS: usize = 10;
/// An action unit of at least this many words is never a heading (†).
pub(crate) const HEADING_ACTION_MIN_WORDS: usize = 5;

#[derive(Debug)]
struct Line {
    /// Content range, without the line break.
    range: Range<usize>,
    /// Leading spaces (a tab counts as 4).
    indent: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    Text,
    Item { ordered: bool, marker: (usize, usize), content: usize },
    TableRow,
    Underline,
}

/// How the lines of a plain text are laid out, decided per document from its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Paragraphs separated by blank lines; the lines of a paragraph are joined.
    BlankLines,
    /// One line per paragraph with no blank lines between them (text copied from a web page):
    /// each line is a paragraph, a heading or a list item.
    OneLinePerParagraph,
    /// Lines hard-wrapped at about `width` characters (text copied from a PDF): wrapped lines are
    /// joined; a line break where the next word would have fitted ends a paragraph or heading.
    Wrapped {
        /// The wrap width in characters (the upper quartile of line lengths).
        width: usize,
        /// Paragraphs are also separated by blank lines.
        blank_lines: bool,
    },
}

/// The blocks of a plain text and how it was read.
pub(crate) struct Parsed {
    pub blocks: Vec<Block>,
    pub layout: Layout,
    /// Page headers, footers and page numbers dropped.
    pub dropped: usize,
}

impl Parsed {
    /// The report notes that say how the text was read (none for blank-line paragraphs).
    pub(crate) fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        match self.layout {
            Layout::BlankLines => {}
            Layout::OneLinePerParagraph => notes.push(
                "Layout: one line per paragraph, with no blank lines between paragraphs (as text copied from a web page): each line is read as a paragraph, a heading or a list item.".to_owned(),
            ),
            Layout::Wrapped { width, blank_lines } => notes.push(format!(
                "Layout: lines wrapped at about {width} characters{} (as text copied from a PDF): wrapped lines are joined into paragraphs.",
                if blank_lines { ", paragraphs separated by blank lines" } else { ", no blank lines between paragraphs" }
            )),
        }
        if self.dropped > 0 {
            notes.push(format!(
                "Dropped {} page header, footer or page-number line{} repeated on each page.",
                self.dropped,
                if self.dropped == 1 { "" } else { "s" }
            ));
        }
        notes
    }
}

/// A gap between two kept lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// The lines are adjacent.
    None,
    /// One or more blank lines.
    Blank,
    /// Dropped page furniture (a page break), with or without blank lines.
    Page,
}

/// A kept line with what is known about it.
struct Ln<'a> {
    line: &'a Line,
    kind: LineKind,
    gap: Gap,
    /// Trimmed text.
    t: &'a str,
    /// Characters in `t`.
    chars: usize,
}

/// Parse plain text into blocks.
pub(crate) fn parse(text: &str) -> Vec<Block> {
    parse_layout(text).blocks
}

/// Parse plain text, deciding its layout first (SPEC §1.1).
pub(crate) fn parse_layout(text: &str) -> Parsed {
    let lines = split_lines(text);
    // Lines that are content (not blank, not an opt-out directive, SPEC §1.4).
    let mut content: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let s = &text[line.range.clone()];
        if !s.trim().is_empty() && !crate::suppress::is_directive_line(s) {
            content.push(i);
        }
    }
    let drop = page_furniture(text, &lines, &content);
    let dropped = drop.iter().filter(|&&d| d).count();

    let mut ls: Vec<Ln> = Vec::with_capacity(content.len());
    let mut prev: Option<usize> = None;
    let mut page = false;
    for (ci, &li) in content.iter().enumerate() {
        if drop[ci] {
            page = true;
            continue;
        }
        let line = &lines[li];
        let gap = if page {
            Gap::Page
        } else if prev.is_some_and(|p| lines[p + 1..li].iter().any(|l| text[l.range.clone()].trim().is_empty())) {
            Gap::Blank
        } else {
            Gap::None
        };
        page = false;
        prev = Some(li);
        let t = text[line.range.clone()].trim();
        ls.push(Ln { line, kind: classify(text, line), gap, t, chars: t.chars().count() });
    }

    let layout = decide_layout(&ls);
    let blocks = build(text, &ls, layout);
    Parsed { blocks, layout, dropped }
}

/// Which content lines are page furniture: page numbers, and short lines repeated next to page
/// breaks (running headers and footers). Only in paged text (a form feed, or two page numbers).
fn page_furniture(text: &str, lines: &[Line], content: &[usize]) -> Vec<bool> {
    let mut drop = vec![false; content.len()];
    let trimmed = |ci: usize| text[lines[content[ci]].range.clone()].trim();
    let page_nos: Vec<usize> = (0..content.len()).filter(|&ci| is_page_number(trimmed(ci))).collect();
    let form_feeds: Vec<usize> =
        (0..content.len()).filter(|&ci| text[lines[content[ci]].range.clone()].contains('\u{c}')).collect();
    if form_feeds.is_empty() && page_nos.len() < 2 {
        return drop;
    }
    let mut bounds: Vec<usize> = vec![0, content.len().saturating_sub(1)];
    bounds.extend(&page_nos);
    for &f in &form_feeds {
        bounds.push(f);
        bounds.push(f.saturating_sub(1));
    }
    // A form feed can stand on its own line before the next page.
    bounds.sort_unstable();
    bounds.dedup();
    let near = |ci: usize| {
        let i = bounds.partition_point(|&b| b < ci.saturating_sub(2));
        bounds.get(i).is_some_and(|&b| b <= ci + 2)
    };
    for &ci in &page_nos {
        drop[ci] = true;
    }
    let mut seen: std::collections::HashMap<&str, (usize, bool)> = std::collections::HashMap::new();
    for (ci, &dropped) in drop.iter().enumerate() {
        let t = trimmed(ci);
        if t.len() > 120 || dropped {
            continue;
        }
        let e = seen.entry(t).or_insert((0, true));
        e.0 += 1;
        e.1 &= near(ci);
    }
    for (ci, d) in drop.iter_mut().enumerate() {
        if seen.get(trimmed(ci)).is_some_and(|&(n, all_near)| n >= 2 && all_near) {
            *d = true;
        }
    }
    drop
}

/// `12`, `Page 3`, `Page 3 of 8`, `3/8`, `- 3 -`.
fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_ascii_lowercase();
    let rest = lower.strip_prefix("page").map_or(lower.as_str(), str::trim_start);
    let mut parts = rest.split(|c: char| c == '/' || c.is_whitespace()).filter(|p| !p.is_empty() && *p != "of");
    let num = |p: Option<&str>| p.is_some_and(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let first = parts.next();
    if !num(first) {
        return false;
    }
    match parts.next() {
        None => true,
        second => num(second) && parts.next().is_none() && (rest.contains("of") || rest.contains('/')),
    }
}

/// Ends with a sentence stop (after any closing quote or bracket).
fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', '…', '。'])
}

fn starts_lower(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

/// Starts like a sentence: a capital or a digit, maybe after an opening quote or bracket.
fn starts_sentence(t: &str) -> bool {
    t.trim_start_matches(['"', '“', '‘', '\'', '(', '['])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn first_word_chars(t: &str) -> usize {
    t.split_whitespace().next().map_or(0, |w| w.chars().count())
}

fn decide_layout(ls: &[Ln]) -> Layout {
    let mut lens: Vec<usize> =
        ls.iter().filter(|l| matches!(l.kind, LineKind::Text | LineKind::Item { .. })).map(|l| l.chars).collect();
    let mut adjacent = 0usize; // breaks between text lines with no blank line
    let mut blank = 0usize;
    for w in ls.windows(2) {
        if w[1].kind == LineKind::Text && matches!(w[0].kind, LineKind::Text | LineKind::Item { .. }) {
            if w[1].gap == Gap::Blank {
                blank += 1;
            } else {
                adjacent += 1;
            }
        }
    }
    if lens.len() >= 4 {
        lens.sort_unstable();
        let width = lens[(lens.len() - 1) * 3 / 4];
        if (20..=130).contains(&width) {
            // Wrapped lines: a line that stops mid-sentence near the width, the next going on in
            // lower case (web copy's lost bullets are short lines, far from the width).
            let (mut pairs, mut wraps) = (0usize, 0usize);
            for w in ls.windows(2) {
                let (a, b) = (&w[0], &w[1]);
                if b.gap == Gap::Blank || b.kind != LineKind::Text {
                    continue;
                }
                if !matches!(a.kind, LineKind::Text | LineKind::Item { .. }) {
                    continue;
                }
                pairs += 1;
                if !ends_sentence(a.t)
                    && !a.t.ends_with(':')
                    && starts_lower(b.t)
                    && (a.chars + 1 + first_word_chars(b.t)) * 10 > width * 8
                {
                    wraps += 1;
                }
            }
            if wraps >= 2 && wraps * 5 >= pairs {
                return Layout::Wrapped { width, blank_lines: blank >= 2 };
            }
        }
    }
    if adjacent > blank && adjacent >= 2 {
        Layout::OneLinePerParagraph
    } else {
        Layout::BlankLines
    }
}

/// The next word of `b` would have fitted on line `a`: the break was made by the writer, not by
/// wrapping (with a tenth of slack for proportional fonts).
fn fits(a: &Ln, b: &Ln, width: usize) -> bool {
    (a.chars + 1 + first_word_chars(b.t)) * 10 <= width * 9
}

/// In wrapped text after a sentence stop: the lines from `j` form a heading (a short run without
/// a stop, perhaps wrapped, followed by a break the writer made).
fn heading_run_at(ls: &[Ln], j: usize, width: usize) -> bool {
    let mut k = j;
    let mut words = ls[j].t.split_whitespace().count();
    while k + 1 < ls.len()
        && k < j + 2
        && ls[k + 1].gap != Gap::Blank
        && ls[k + 1].kind == LineKind::Text
        && starts_lower(ls[k + 1].t)
    {
        k += 1;
        words += ls[k].t.split_whitespace().count();
    }
    let e = &ls[k];
    if words > HEADING_MAX_WORDS || ends_sentence(e.t) || e.t.ends_with([':', ';', ',']) {
        return false;
    }
    match ls.get(k + 1) {
        None => false,
        Some(n) => n.gap == Gap::Blank || n.kind != LineKind::Text || (starts_sentence(n.t) && fits(e, n, width)),
    }
}

/// Does line `j` go on the block of line `j - 1` (the run started at `start`)?
fn continues(ls: &[Ln], start: usize, j: usize, layout: Layout, lost_item: bool) -> bool {
    let (a, b) = (&ls[j - 1], &ls[j]);
    if b.gap == Gap::Blank || b.kind != LineKind::Text {
        return false;
    }
    if b.gap == Gap::Page && !matches!(layout, Layout::Wrapped { .. }) {
        return false;
    }
    if matches!(ls[start].kind, LineKind::Item { .. }) && b.line.indent > ls[start].line.indent {
        return true; // an indented continuation of a list item
    }
    match layout {
        Layout::Wrapped { width, .. } => {
            // A list whose bullets were lost in the PDF copy: after a lead-in ending in `:`, or
            // after such an item, a line whose first word would have fitted is a new item.
            if a.t.ends_with(':') || (lost_item && fits(a, b, width)) {
                return false;
            }
            if starts_lower(b.t) {
                return true;
            }
            if fits(a, b, width) {
                return false;
            }
            !(ends_sentence(a.t) && heading_run_at(ls, j, width))
        }
        _ => !lost_item && starts_lower(b.t) && !ends_sentence(a.t) && !a.t.ends_with(':'),
    }
}

/// A line that is one of a list whose bullets were lost (web copy): after a lead-in line ending
/// in `:` or another such item, a short line in lower case or without a full stop.
/// Items after the first keep its case (so a heading after the list is not taken as an item).
fn lost_bullet(ls: &[Ln], i: usize, state: Lost) -> bool {
    let l = &ls[i];
    let shape = match state {
        Lost::No => return false,
        Lost::LeadIn => starts_lower(l.t) || !ends_sentence(l.t),
        Lost::Items { lower: true } => starts_lower(l.t),
        Lost::Items { lower: false } => !starts_lower(l.t) && !ends_sentence(l.t),
    };
    // A lower-case line after a lead-in is an item however long (`manometry – a small tube …`).
    let max_words = if starts_lower(l.t) { 60 } else { 15 };
    shape
        && l.gap == Gap::None
        && l.kind == LineKind::Text
        && l.t.split_whitespace().take(max_words + 1).count() <= max_words
}

/// Where a list with lost bullets may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lost {
    No,
    /// After a lead-in line ending in `:`.
    LeadIn,
    /// After lost-bullet items starting in lower case, or not.
    Items {
        lower: bool,
    },
}

/// The number of a numbered marker (`3.`, `(3)`, `Step 3:`).
fn marker_number(text: &str, marker: (usize, usize)) -> Option<u32> {
    let m = &text[marker.0..marker.1];
    let d: String = m.chars().filter(char::is_ascii_digit).collect();
    d.parse().ok()
}

/// Section headings such as `Section 2: Side effects` or `Part 3`.
fn is_section_heading(t: &str) -> bool {
    let Some(rest) = ["Section ", "SECTION ", "Part ", "PART "].iter().find_map(|p| t.strip_prefix(p)) else {
        return false;
    };
    let d = rest.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 2 {
        return false;
    }
    let after = rest[d..].trim_start_matches([':', '.', ' ', '–', '-']);
    after.is_empty() || (passes_heading_test(after) || after.split_whitespace().count() <= HEADING_MAX_WORDS)
}

fn build(text: &str, ls: &[Ln], layout: Layout) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut list = ListState::default();
    let unwrapped = !matches!(layout, Layout::Wrapped { .. });
    // After a lead-in line (ends in `:`) or a lost-bullet item, in unwrapped text.
    let mut after_lead_in = Lost::No;
    let n = ls.len();
    let mut i = 0;
    while i < n {
        let l = &ls[i];
        // Tables: consecutive rows of cells (two or more, or one alone between blank lines).
        if l.kind == LineKind::TableRow {
            let mut j = i + 1;
            while j < n && ls[j].kind == LineKind::TableRow && ls[j].gap == Gap::None {
                j += 1;
            }
            let alone = l.gap != Gap::None && ls.get(j).is_none_or(|x| x.gap != Gap::None);
            if j - i >= 2 || alone {
                let rows: Vec<&Line> = ls[i..j].iter().map(|x| x.line).collect();
                push_table(text, &rows, &mut blocks);
                list.reset();
                after_lead_in = Lost::No;
                i = j;
                continue;
            }
        }
        if l.kind == LineKind::Underline {
            i += 1; // a rule line on its own
            continue;
        }
        // Setext-style underline: `Title` then `=====`.
        if l.kind == LineKind::Text
            && ls.get(i + 1).is_some_and(|u| u.kind == LineKind::Underline && u.gap == Gap::None)
        {
            let r = trim_range(text, l.line.range.clone());
            blocks.push(heading(text, r, ByteSpan::new(l.line.range.start, ls[i + 1].line.range.end)));
            list.reset();
            after_lead_in = Lost::No;
            i += 2;
            continue;
        }
        let lost = lost_bullet(ls, i, after_lead_in);
        let mut j = i + 1;
        while j < n && continues(ls, i, j, layout, lost) {
            j += 1;
        }
        let next = ls.get(j);
        // The run is followed by a block that starts a sentence (or by anything after a blank line).
        let followed = next.is_some_and(|x| x.gap != Gap::None || x.kind != LineKind::Text || starts_sentence(x.t));

        let mut b = match l.kind {
            LineKind::Item { ordered, marker, content } => {
                let r = trim_range(text, l.line.range.clone());
                let c = trim_range(text, content..r.end);
                let mut b = Block::new(
                    BlockKind::ListItem { ordered, depth: 0, index: 0, marker: ByteSpan::new(marker.0, marker.1) },
                    ByteSpan::from(r),
                );
                b.push_piece(&text[c.clone()], ByteSpan::from(c), true);
                b
            }
            _ => {
                let r = trim_range(text, l.line.range.clone());
                let kind = if lost {
                    BlockKind::ListItem { ordered: false, depth: 0, index: 0, marker: ByteSpan::new(r.start, r.start) }
                } else {
                    BlockKind::Paragraph
                };
                let mut b = Block::new(kind, ByteSpan::from(r.clone()));
                b.push_piece(&text[r.clone()], ByteSpan::from(r), true);
                b
            }
        };
        for k in i + 1..j {
            let r = trim_range(text, ls[k].line.range.clone());
            // A word hyphenated at the end of a wrapped line is joined without a space.
            let prev = ls[k - 1].t;
            let hyphenated = !unwrapped
                && prev.ends_with('-')
                && prev[..prev.len() - 1].chars().last().is_some_and(char::is_alphabetic)
                && starts_lower(ls[k].t);
            if hyphenated {
                b.push_inline(&text[r.clone()], ByteSpan::from(r.clone()), true);
            } else {
                b.push_piece(&text[r.clone()], ByteSpan::from(r.clone()), true);
            }
            b.span = b.span.cover(&ByteSpan::from(r));
        }

        let after_ordered_item =
            blocks.last().is_some_and(|p| matches!(p.kind, BlockKind::ListItem { ordered: true, .. }));
        let is_heading = match l.kind {
            // `3. How to take it` is a heading when paragraphs follow it, not more numbered lines.
            LineKind::Item { ordered: true, content, .. } => {
                let c = &text[trim_range(text, content..l.line.range.end)];
                followed
                    && !after_ordered_item
                    && !next.is_some_and(|x| match x.kind {
                        // More numbered lines go on the list, unless their numbering starts again
                        // (`2. How to take it` then `1. Wash your hands`).
                        LineKind::Item { ordered: true, marker: m, .. } => {
                            let (LineKind::Item { marker: here, .. }, Some(b)) = (l.kind, marker_number(text, m))
                            else {
                                return true;
                            };
                            marker_number(text, here).is_none_or(|a| b > a)
                        }
                        _ => false,
                    })
                    && j == i + 1
                    && passes_heading_test(c)
            }
            LineKind::Item { .. } => false,
            _ if lost => false,
            _ => {
                (j == i + 1 && is_all_caps_line(l.t))
                    || (followed && (passes_heading_test(&b.analysed) || (j == i + 1 && is_section_heading(l.t))))
            }
        };
        if is_heading {
            let content = if let LineKind::Item { .. } = l.kind {
                // The heading keeps its number: `3. How to take metformin`.
                let mut h = Block::new(BlockKind::Heading { level: 2 }, b.span);
                let r = trim_range(text, l.line.range.clone());
                h.push_piece(&text[r.clone()], ByteSpan::from(r), true);
                for p in b.pieces.iter().skip(1) {
                    let s = p.source;
                    h.push_piece(s.slice(text), s, true);
                }
                h
            } else {
                b.kind = BlockKind::Heading { level: 2 };
                b
            };
            blocks.push(content);
            list.reset();
            after_lead_in = Lost::No;
        } else if let BlockKind::ListItem { ordered, marker, .. } = b.kind {
            let (depth, index) = list.item(l.line.indent, ordered);
            b.kind = BlockKind::ListItem { ordered, depth, index, marker };
            after_lead_in = if lost { Lost::Items { lower: starts_lower(l.t) } } else { Lost::No };
            blocks.push(b);
        } else {
            list.reset();
            after_lead_in = if ls[j - 1].t.ends_with(':') { Lost::LeadIn } else { Lost::No };
            blocks.push(b);
        }
        i = j;
    }
    assign_title(&mut blocks);
    blocks
}

/// The first block, if a heading, is the title (level 1); every later plain-text heading is level 2.
pub(crate) fn assign_title(blocks: &mut [Block]) {
    for (i, b) in blocks.iter_mut().enumerate() {
        if let BlockKind::Heading { level } = &mut b.kind {
            *level = if i == 0 { 1 } else { 2 };
        }
    }
}

fn heading(text: &str, content: Range<usize>, span: ByteSpan) -> Block {
    let mut b = Block::new(BlockKind::Heading { level: 2 }, span);
    b.push_piece(&text[content.clone()], ByteSpan::from(content), true);
    b
}

#[derive(Default)]
struct ListState {
    /// Indents of the open list levels, outermost first, with the next index at each level and
    /// whether the level is numbered.
    levels: Vec<(usize, u32, bool)>,
}

impl ListState {
    fn reset(&mut self) {
        self.levels.clear();
    }
    fn item(&mut self, indent: usize, ordered: bool) -> (u8, u32) {
        while let Some(&(top, _, _)) = self.levels.last() {
            if indent + 1 < top {
                self.levels.pop();
            } else {
                break;
            }
        }
        match self.levels.last_mut() {
            Some((top, next, was_ordered)) if indent < *top + 2 => {
                // A bulleted list followed by a numbered one at the same level starts a new list.
                if *was_ordered != ordered {
                    *next = 0;
                    *was_ordered = ordered;
                }
                let index = *next;
                *next += 1;
                ((self.levels.len() - 1) as u8, index)
            }
            _ => {
                self.levels.push((indent, 1, ordered));
                ((self.levels.len() - 1) as u8, 0)
            }
        }
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // A BOM is not content.
    if text.starts_with('\u{feff}') {
        start = 3;
    }
    let mut push = |s: usize, e: usize| {
        let mut end = e;
        if end > s && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let indent = bytes[s..end]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .map(|&b| if b == b'\t' { 4 } else { 1 })
            .sum();
        lines.push(Line { range: s..end, indent });
    };
    for nl in memchr::memchr_iter(b'\n', bytes) {
        if nl >= start {
            push(start, nl);
            start = nl + 1;
        }
    }
    if start < text.len() {
        push(start, text.len());
    }
    lines
}

const BULLETS: [char; 9] = ['•', '◦', '▪', '‣', '·', '-', '*', '+', '–'];

fn classify(text: &str, line: &Line) -> LineKind {
    let s = &text[line.range.clone()];
    let t = s.trim();
    if t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-')) {
        return LineKind::Underline;
    }
    let lead = s.len() - s.trim_start().len();
    let body = &s[lead..];
    let abs = line.range.start + lead;
    if line.indent <= 8 {
        if let Some(c) = body.chars().next() {
            if BULLETS.contains(&c) {
                let after = &body[c.len_utf8()..];
                if after.starts_with(' ') || after.starts_with('\t') {
                    return LineKind::Item {
                        ordered: false,
                        marker: (abs, abs + c.len_utf8()),
                        content: abs + c.len_utf8(),
                    };
                }
            }
        }
        if let Some(len) = ordered_marker(body) {
            return LineKind::Item { ordered: true, marker: (abs, abs + len), content: abs + len };
        }
    }
    if is_table_row(t) {
        return LineKind::TableRow;
    }
    LineKind::Text
}

/// Length of an ordered-list marker at the start of `s` (`1.`, `1)`, `(1)`, `a.`, `a)`, `iv.`,
/// `Step 1:`), when a space follows it.
pub(crate) fn ordered_marker(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let followed_by_space = |n: usize| n < b.len() && (b[n] == b' ' || b[n] == b'\t');
    if let Some(rest) = s.strip_prefix("Step ").or_else(|| s.strip_prefix("step ")) {
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        if d > 0 && rest[d..].starts_with(':') {
            let n = 5 + d + 1;
            return followed_by_space(n).then_some(n);
        }
    }
    let (open, body) = if b.first() == Some(&b'(') { (1, &s[1..]) } else { (0, s) };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let label = if digits > 0 && digits <= 3 {
        digits
    } else {
        let roman = body.bytes().take_while(|c| matches!(c, b'i' | b'v' | b'x')).count();
        if roman > 0 && roman <= 4 {
            roman
        } else if body.bytes().next().is_some_and(|c| c.is_ascii_lowercase()) {
            1
        } else {
            return None;
        }
    };
    let close = body.as_bytes().get(label)?;
    let ok = if open == 1 { *close == b')' } else { *close == b'.' || *close == b')' };
    if !ok {
        return None;
    }
    let n = open + label + 1;
    followed_by_space(n).then_some(n)
}

fn is_table_row(t: &str) -> bool {
    if t.contains('\t') {
        return t.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2;
    }
    if t.contains('|') {
        let inner = t.trim_matches('|');
        return inner.split('|').count() >= 2;
    }
    false
}

fn push_table(text: &str, group: &[&Line], blocks: &mut Vec<Block>) {
    let data_rows: Vec<&&Line> = group.iter().filter(|l| !is_separator_row(&text[l.range.clone()])).collect();
    let header_row = data_rows.len() >= 2;
    for (row, line) in data_rows.iter().enumerate() {
        let s = &text[line.range.clone()];
        let sep = if s.contains('\t') { '\t' } else { '|' };
        let mut col = 0u32;
        let mut pos = line.range.start;
        for cell in s.split(sep) {
            let r = trim_range(text, pos..pos + cell.len());
            pos += cell.len() + 1;
            if r.is_empty() {
                continue;
            }
            let mut b = Block::new(
                BlockKind::TableCell { header: header_row && row == 0, row: row as u32, col },
                ByteSpan::from(r.clone()),
            );
            b.push_piece(&text[r.clone()], ByteSpan::from(r), true);
            blocks.push(b);
            col += 1;
        }
    }
}

fn is_separator_row(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t')) && t.contains('-')
}

/// SPEC §1.1 heading test on one line's text (the caller checks that a block follows).
pub(crate) fn passes_heading_test(line: &str) -> bool {
    let t = line.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    // Counting stops past the limit: a long paragraph is not walked to its end.
    let words = t.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
    if words > HEADING_MAX_WORDS {
        return false;
    }
    match t.chars().last() {
        Some('.' | ',' | ';' | ':' | '!') => return false,
        Some('?') if words > HEADING_QUESTION_MAX_WORDS => return false,
        _ => {}
    }
    !(words >= HEADING_ACTION_MIN_WORDS && action::is_action(t))
}

fn is_all_caps_line(line: &str) -> bool {
    // The letter test first: it stops at the first lower-case letter (most lines), before the
    // words are counted.
    let mut letters = 0usize;
    for c in line.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    let words = line.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
    letters >= 4 && (2..=HEADING_MAX_WORDS).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, String)> {
        parse(text).into_iter().map(|b| (b.kind.test_code(), b.analysed)).collect()
    }

    fn k(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn leaflet_shapes() {
        let text = "Metformin\n\nWhat it is for\n\nMetformin lowers\nblood sugar.\n\nCall 111 if:\n• you feel sick\n• you are dizzy\n  and weak\n\n1. Take it with food.\n2. Drink water.\n";
        assert_eq!(
            kinds(text),
            k(&[
                ("h1", "Metformin"),
                ("h2", "What it is for"),
                ("p", "Metformin lowers blood sugar."),
                ("p", "Call 111 if:"),
                ("ul0.0", "you feel sick"),
                ("ul0.1", "you are dizzy and weak"),
                ("ol0.0", "Take it with food."),
                ("ol0.1", "Drink water."),
            ])
        );
    }

    #[test]
    fn action_line_is_not_a_heading() {
        let text = "Call 999 if you have chest pain\n\nIt may be a heart attack.";
        assert_eq!(kinds(text)[0].0, "p");
    }

    #[test]
    fn numbered_heading_and_underline_and_caps() {
        let text = "About you\n=========\n\n3. How to take metformin\n\nTake it daily.\n\nIMPORTANT SAFETY ADVICE\nDo not drive.";
        let got = kinds(text);
        assert_eq!(got[0], ("h1".into(), "About you".into()));
        assert_eq!(got[1], ("h2".into(), "3. How to take metformin".into()));
        assert_eq!(got[2].0, "p");
    }

    #[test]
    fn nested_lists_and_tables() {
        let text = "- one\n  - one a\n  - one b\n- two\n\nDose\tWhen\n1 tablet\tmorning\n2 tablets\tnight\n";
        let got = kinds(text);
        assert_eq!(got[0].0, "ul0.0");
        assert_eq!(got[1].0, "ul1.0");
        assert_eq!(got[2].0, "ul1.1");
        assert_eq!(got[3].0, "ul0.1");
        assert_eq!(got[4], ("tdh00".into(), "Dose".into()));
        assert_eq!(got[7], ("td11".into(), "morning".into()));
    }

    #[test]
    fn pieces_map_back_to_source() {
        let text = "\u{feff}Rest well\r\nand drink.\r\n";
        let blocks = parse(text);
        let b = &blocks[0];
        assert_eq!(b.analysed, "Rest well and drink.");
        let i = b.analysed.find("drink").expect("word");
        let s = b.span_of(i..i + 5);
        assert_eq!(s.slice(text), "drink");
    }

    #[test]
    fn web_copy_lines_are_blocks_and_lost_bullets_a_list() {
        let text = "Shingles\nShingles is an infection that causes a painful rash.\nSymptoms of shingles\nThe first signs can be:\na tingling feeling on your skin\na headache\nfeeling generally unwell\nA rash will usually appear a few days later.\nUsually you get the rash on your chest.\n";
        let parsed = parse_layout(text);
        assert_eq!(parsed.layout, Layout::OneLinePerParagraph);
        assert_eq!(
            kinds(text),
            k(&[
                ("h1", "Shingles"),
                ("p", "Shingles is an infection that causes a painful rash."),
                ("h2", "Symptoms of shingles"),
                ("p", "The first signs can be:"),
                ("ul0.0", "a tingling feeling on your skin"),
                ("ul0.1", "a headache"),
                ("ul0.2", "feeling generally unwell"),
                ("p", "A rash will usually appear a few days later."),
                ("p", "Usually you get the rash on your chest."),
            ])
        );
        // A heading after a lower-case list is not taken as one more item.
        let text = "You may get:\na rash\na headache\nWhen to see a GP\nSee a GP if you have a rash.\n";
        assert_eq!(kinds(text)[3], ("h2".into(), "When to see a GP".into()));
    }

    #[test]
    fn a_list_ends_at_the_first_line_that_is_not_an_item() {
        let text = "Call 111 if:\n• you feel sick\n• you are dizzy\nThese can be signs of a reaction.\n";
        let got = kinds(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[2], ("ul0.1".into(), "you are dizzy".into()));
        assert_eq!(got[3], ("p".into(), "These can be signs of a reaction.".into()));
        // An indented or lower-case line goes on the item.
        assert_eq!(kinds("• you feel dizzy\n  and weak\n• you faint\n")[0].1, "you feel dizzy and weak");
    }

    #[test]
    fn numbered_sections_are_headings_and_numbered_steps_a_list() {
        let text = "1. What this medicine is\nIt treats pain.\n2. How to take it\n1. Wash your hands\n2. Open the pack\n3. Take one tablet\nDo this twice a day.\nSection 3: Side effects\nYou may feel sick.\n";
        assert_eq!(
            kinds(text),
            k(&[
                ("h1", "1. What this medicine is"),
                ("p", "It treats pain."),
                ("h2", "2. How to take it"),
                ("ol0.0", "Wash your hands"),
                ("ol0.1", "Open the pack"),
                ("ol0.2", "Take one tablet"),
                ("p", "Do this twice a day."),
                ("h2", "Section 3: Side effects"),
                ("p", "You may feel sick."),
            ])
        );
    }

    #[test]
    fn wrapped_pdf_text_is_joined_at_wraps_only() {
        // Wrapped at 40 columns, no blank lines; a hyphenated word, a heading after a full line.
        let text = "Keep the cream away from your eyes and\nmouth. If you get it in your eyes, wash\nthem with lots of clean water at once.\nStorage\nStore the tube at room temperature, in a\nplace children cannot reach. Throw it\naway 3 months after opening it. A long-\nterm supply is not needed for this.\n";
        let parsed = parse_layout(text);
        assert!(matches!(parsed.layout, Layout::Wrapped { blank_lines: false, .. }), "{:?}", parsed.layout);
        let got = kinds(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1], ("h2".into(), "Storage".into()));
        assert!(got[2].1.contains(" Throw it away 3 months") && got[2].1.contains("A long-term supply"), "{got:?}");
    }

    #[test]
    fn page_furniture_is_dropped_only_in_paged_text() {
        let text = "Eye drops – Example NHS Trust\nUse the drops twice a day.\nPage 1 of 2\n\u{c}Eye drops – Example NHS Trust\nKeep them in the fridge.\nPage 2 of 2\n";
        let parsed = parse_layout(text);
        assert_eq!(parsed.dropped, 4);
        assert!(parsed.blocks.iter().all(|b| !b.analysed.contains("Page") && !b.analysed.contains("Trust")));
        // Without page breaks a repeated line is content.
        let parsed = parse_layout("Rest\n\nRest at home.\n\nRest\n\nDrink water.\n");
        assert_eq!(parsed.dropped, 0);
        for (t, want) in [
            ("Page 3", true),
            ("12", true),
            ("Page 2 of 8", true),
            ("3/8", true),
            ("- 4 -", true),
            ("2 tablets", false),
            ("Page 2 of the leaflet", false),
            ("1 in 5", false),
        ] {
            assert_eq!(is_page_number(t), want, "{t}");
        }
    }

    #[test]
    fn ordered_markers() {
        for m in ["1. x", "1) x", "(1) x", "a. x", "a) x", "iv. x", "Step 2: x"] {
            assert!(ordered_marker(m).is_some(), "{m}");
        }
        for m in ["1.5 mg", "e.g. x", "10am", "Take"] {
            assert!(ordered_marker(m).is_none(), "{m}");
        }
    }
}
