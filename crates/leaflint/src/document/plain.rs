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

/// Parse plain text into blocks.
pub(crate) fn parse(text: &str) -> Vec<Block> {
    let lines = split_lines(text);
    let mut blocks = Vec::new();
    // Group consecutive non-blank lines.
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    let mut current: Vec<&Line> = Vec::new();
    for line in &lines {
        if crate::suppress::is_directive_line(&text[line.range.clone()]) {
            continue; // an opt-out line (SPEC §1.4) is not analysed
        }
        if text[line.range.clone()].trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }

    let mut list = ListState::default();
    let n_groups = groups.len();
    for (gi, group) in groups.iter().enumerate() {
        let followed = gi + 1 < n_groups;
        let kinds: Vec<LineKind> = group.iter().map(|l| classify(text, l)).collect();

        // Setext-style underline: `Title` then `=====`.
        if group.len() == 2 && kinds[1] == LineKind::Underline {
            let r = trim_range(text, group[0].range.clone());
            blocks.push(heading(text, r, ByteSpan::new(group[0].range.start, group[1].range.end)));
            list.reset();
            continue;
        }
        if group.len() == 1 {
            let r = trim_range(text, group[0].range.clone());
            let content = match kinds[0] {
                LineKind::Text => Some(r.clone()),
                // `3. How to take metformin` standing alone is a numbered heading.
                LineKind::Item { ordered: true, content, .. } => Some(content..r.end),
                _ => None,
            };
            if let Some(c) = content {
                if followed && passes_heading_test(&text[c.clone()]) || is_all_caps_line(&text[r.clone()]) {
                    blocks.push(heading(text, r.clone(), ByteSpan::from(r)));
                    list.reset();
                    continue;
                }
            }
        }

        // Tables: every line of the group is a row of cells.
        if kinds.iter().all(|k| *k == LineKind::TableRow) {
            push_table(text, group, &mut blocks);
            list.reset();
            continue;
        }

        let mut open: Option<Block> = None;
        for (line, kind) in group.iter().zip(&kinds) {
            let r = trim_range(text, line.range.clone());
            match *kind {
                LineKind::Item { ordered, marker, content } => {
                    if let Some(b) = open.take() {
                        if !b.kind.is_list_item() {
                            list.reset();
                        }
                        blocks.push(b);
                    }
                    let (depth, index) = list.item(line.indent, ordered);
                    let mut b = Block::new(
                        BlockKind::ListItem { ordered, depth, index, marker: ByteSpan::new(marker.0, marker.1) },
                        ByteSpan::new(r.start, r.end),
                    );
                    let c = trim_range(text, content..r.end);
                    b.push_piece(&text[c.clone()], ByteSpan::from(c), true);
                    open = Some(b);
                }
                _ => {
                    // A continuation line, or the first line of a paragraph.
                    match open.as_mut() {
                        Some(b) => {
                            b.push_piece(&text[r.clone()], ByteSpan::from(r.clone()), true);
                            b.span = b.span.cover(&ByteSpan::from(r));
                        }
                        None => {
                            list.reset();
                            let mut b = Block::new(BlockKind::Paragraph, ByteSpan::from(r.clone()));
                            b.push_piece(&text[r.clone()], ByteSpan::from(r), true);
                            open = Some(b);
                        }
                    }
                }
            }
        }
        if let Some(b) = open {
            if !b.kind.is_list_item() {
                list.reset();
            }
            blocks.push(b);
        }
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
    fn ordered_markers() {
        for m in ["1. x", "1) x", "(1) x", "a. x", "a) x", "iv. x", "Step 2: x"] {
            assert!(ordered_marker(m).is_some(), "{m}");
        }
        for m in ["1.5 mg", "e.g. x", "10am", "Take"] {
            assert!(ordered_marker(m).is_none(), "{m}");
        }
    }
}
