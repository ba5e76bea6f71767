//! Byte offsets ↔ LSP positions (line and character in UTF-16 or UTF-8 code units).
//!
//! Nothing here can panic: offsets are clamped to the text and to char boundaries, and a position
//! past the end of its line (or of the text) means the end of it.

use lsp_types::Position;

/// How a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes), when the client offers it.
    Utf8,
    /// UTF-16 code units, the LSP default.
    Utf16,
}

impl Encoding {
    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
        }
    }
}

/// Where each line of a text starts.
#[derive(Clone, Debug, Default)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Index `text` (one pass).
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The byte where line `line` starts (the text's end past the last line).
    pub fn start(&self, text: &str, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }

    /// The position of byte `offset`.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        self.positions(text, &[offset], enc).pop().unwrap_or_default()
    }

    /// The positions of many offsets at once: each line is walked once however many offsets
    /// fall on it (a 1 MB line with thousands of findings stays linear).
    pub fn positions(&self, text: &str, offsets: &[usize], enc: Encoding) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![Position::default(); offsets.len()];
        // Cursor: a char boundary, its line, and the units from the line start to it.
        let (mut at, mut line, mut units) = (0usize, 0usize, 0u32);
        for i in order {
            let target = floor_boundary(text, offsets[i].min(text.len()));
            let target_line = self.line_of(target);
            if target_line != line || target < at {
                line = target_line;
                at = self.start(text, line);
                units = 0;
            }
            units += text.get(at..target).map_or(0, |s| s.chars().map(|c| enc.units(c)).sum());
            at = target;
            out[i] = Position { line: line as u32, character: units };
        }
        out
    }

    /// The byte offset of `pos` (clamped to its line and to the text).
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let start = self.start(text, line);
        let end = self.starts.get(line + 1).map_or(text.len(), |&s| s.saturating_sub(1));
        let mut units = 0u32;
        for (i, c) in text.get(start..end).unwrap_or("").char_indices() {
            if units >= pos.character {
                return start + i;
            }
            units += enc.units(c);
        }
        end
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf16_and_utf8_positions_round_trip() {
        let text = "Take 2 tablets.\nNausea 😷 is common — rest.\n";
        let lines = Lines::new(text);
        let rest = text.find("rest").unwrap_or(0);
        assert_eq!(lines.position(text, rest, Encoding::Utf16), p(1, 22));
        assert_eq!(lines.position(text, rest, Encoding::Utf8), p(1, 26));
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (i, _) in text.char_indices() {
                assert_eq!(lines.offset(text, lines.position(text, i, enc), enc), i, "{enc:?} {i}");
            }
        }
        // Many offsets at once, out of order, give the same answers as one at a time.
        let offs = [rest, 0, 3, rest, text.len(), 17];
        let many = lines.positions(text, &offs, Encoding::Utf16);
        for (o, got) in offs.iter().zip(many) {
            assert_eq!(got, lines.position(text, *o, Encoding::Utf16));
        }
    }

    #[test]
    fn out_of_range_is_clamped() {
        let text = "ab\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, p(0, 99), Encoding::Utf16), 2);
        assert_eq!(lines.offset(text, p(9, 0), Encoding::Utf16), 5);
        assert_eq!(lines.position(text, 99, Encoding::Utf16), p(1, 2));
        let text = "é";
        assert_eq!(Lines::new(text).position(text, 1, Encoding::Utf8), p(0, 0));
    }
}
