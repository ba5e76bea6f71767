//! Byte spans into the source text, and the one-pass mapping to UTF-16 offsets and line/column.
//!
//! Rules only ever produce UTF-8 byte ranges ([`ByteSpan`]). After all rules have run, the engine
//! converts every endpoint to UTF-16 code units (what JavaScript string offsets count) and to a
//! 1-based line and column with [`PositionIndex`], in a single pass over the text.

use serde::{Deserialize, Serialize};

/// A half-open UTF-8 byte range `start..end` into a source text.
///
/// ```
/// use leaflint::ByteSpan;
/// let text = "Take 2 tablets.";
/// let span = ByteSpan::new(5, 6);
/// assert_eq!(span.slice(text), "2");
/// assert_eq!(span.len(), 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ByteSpan {
    start: usize,
    end: usize,
}

impl ByteSpan {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`.
    pub fn new(start: usize, end: usize) -> Self {
        ByteSpan { start, end: end.max(start) }
    }
    /// An empty span (an insertion point) at `at`.
    pub fn empty(at: usize) -> Self {
        ByteSpan { start: at, end: at }
    }
    /// First byte.
    pub fn start(&self) -> usize {
        self.start
    }
    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.end
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text the span covers (empty if the span does not fit `text` or is not on char boundaries).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// True when the two spans share at least one byte (or one is empty and inside the other).
    pub fn overlaps(&self, other: &ByteSpan) -> bool {
        if self.is_empty() || other.is_empty() {
            return self.start >= other.start && self.start <= other.end
                || other.start >= self.start && other.start <= self.end;
        }
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: &ByteSpan) -> ByteSpan {
        ByteSpan::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// The span as a `Range`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for ByteSpan {
    fn from(r: std::ops::Range<usize>) -> Self {
        ByteSpan::new(r.start, r.end)
    }
}

/// A half-open range of UTF-16 code units: equal to JavaScript string offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Utf16Span {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// Where one byte offset lies, in every unit a consumer may need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// UTF-16 code-unit offset.
    pub utf16: usize,
    /// 1-based line (lines end at `\n`; a `\r\n` pair is one line end).
    pub line: usize,
    /// 1-based column counted in Unicode scalar values.
    pub column: usize,
}

/// The length of the leading run of ASCII bytes of `b` (8 bytes tested at a time).
fn ascii_run(b: &[u8]) -> usize {
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + b[n..].iter().take_while(|&&c| c < 0x80).count()
}

/// Maps many byte offsets to [`Position`]s in one pass over the text.
///
/// Collect every offset first ([`PositionIndex::build`]), then look each one up; the cost is one
/// walk over the text plus a sort of the offsets, however many findings there are.
///
/// ```
/// use leaflint::span::PositionIndex;
/// let text = "😀 Take\nnow";
/// let idx = PositionIndex::build(text, [5, 10]);
/// assert_eq!(idx.get(5).utf16, 3); // the emoji is 4 bytes and 2 UTF-16 units
/// assert_eq!((idx.get(10).line, idx.get(10).column), (2, 1));
/// ```
#[derive(Debug, Default)]
pub struct PositionIndex {
    offsets: Vec<usize>,
    positions: Vec<Position>,
}

/// `offsets` sorted, without repeats. Many offsets (a long document's findings and their related
/// places: a few hundred thousand) are marked in a bitmap of the text's bytes and read back in
/// order, which costs far less than a comparison sort; a few are sorted.
fn sorted_distinct(mut offsets: Vec<usize>, len: usize) -> Vec<usize> {
    if offsets.len() < 4096 || offsets.len() < len / 256 {
        offsets.sort_unstable();
        offsets.dedup();
        return offsets;
    }
    let mut bits = vec![0u64; len / 64 + 1];
    let mut beyond: Vec<usize> = Vec::new();
    for &o in &offsets {
        if o <= len {
            bits[o / 64] |= 1 << (o % 64);
        } else {
            beyond.push(o);
        }
    }
    offsets.clear();
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            offsets.push(w * 64 + word.trailing_zeros() as usize);
            word &= word - 1;
        }
    }
    beyond.sort_unstable();
    beyond.dedup();
    offsets.extend(beyond);
    offsets
}

impl PositionIndex {
    /// Index the given byte offsets of `text`. Offsets beyond the text map to its end; offsets
    /// inside a character map to that character's start.
    pub fn build(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let offsets = sorted_distinct(offsets.into_iter().collect(), text.len());
        let mut positions = Vec::with_capacity(offsets.len());
        let bytes = text.as_bytes();
        let mut utf16 = 0usize;
        let mut line = 1usize;
        let mut column = 1usize;
        let mut pos = 0usize; // byte position reached by the walk
        for &target in &offsets {
            let target = target.min(bytes.len());
            while pos < target {
                // A run of ASCII bytes at once: one UTF-16 unit each, lines counted with memchr.
                let run = ascii_run(&bytes[pos..target]);
                if run > 0 {
                    let seg = &bytes[pos..pos + run];
                    utf16 += run;
                    match memchr::memrchr(b'\n', seg) {
                        Some(last) => {
                            line += memchr::memchr_iter(b'\n', seg).count();
                            column = run - last;
                        }
                        None => column += run,
                    }
                    pos += run;
                    continue;
                }
                let b = bytes[pos];
                let width = utf8_width(b);
                if pos + width > target {
                    break; // target is inside this char: map to its start
                }
                utf16 += if width == 4 { 2 } else { 1 };
                column += 1;
                pos += width;
            }
            positions.push(Position { utf16, line, column });
        }
        PositionIndex { offsets, positions }
    }

    /// The position of a byte offset given to [`PositionIndex::build`]; an offset that was not
    /// indexed gives the position of the nearest indexed offset below it.
    pub fn get(&self, offset: usize) -> Position {
        match self.offsets.binary_search(&offset) {
            Ok(i) => self.positions[i],
            Err(0) => Position { utf16: 0, line: 1, column: 1 },
            Err(i) => self.positions[i - 1],
        }
    }

    /// UTF-16 span of a byte span (both endpoints must have been indexed).
    pub fn utf16(&self, span: ByteSpan) -> Utf16Span {
        Utf16Span { start: self.get(span.start()).utf16, end: self.get(span.end()).utf16 }
    }
}

fn utf8_width(first: u8) -> usize {
    match first {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js_len(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn many_offsets_sort_like_a_comparison_sort() {
        let len = 20_000;
        // A pseudo-random spread with repeats and offsets past the end.
        let offsets: Vec<usize> = (0..9_000usize).map(|i| (i * 7919 + i / 3) % (len + 300)).collect();
        let mut want = offsets.clone();
        want.sort_unstable();
        want.dedup();
        assert_eq!(sorted_distinct(offsets, len), want);
        assert_eq!(sorted_distinct(vec![5, 1, 5, 3], 10), vec![1, 3, 5]);
    }

    #[test]
    fn utf16_matches_encode_utf16_for_every_char_boundary() {
        let text = "\u{feff}Café e\u{301} 😀 中文\r\nnext 👩‍⚕️ end";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let idx = PositionIndex::build(text, bounds.iter().copied());
        for &b in &bounds {
            assert_eq!(idx.get(b).utf16, js_len(&text[..b]), "offset {b}");
            let line = text[..b].matches('\n').count() + 1;
            let col = text[..b].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            assert_eq!((idx.get(b).line, idx.get(b).column), (line, col), "offset {b}");
        }
    }

    #[test]
    fn offsets_past_end_clamp() {
        let idx = PositionIndex::build("ab", [10]);
        assert_eq!(idx.get(10).utf16, 2);
    }

    #[test]
    fn overlap_rules() {
        assert!(ByteSpan::new(0, 5).overlaps(&ByteSpan::new(4, 6)));
        assert!(!ByteSpan::new(0, 5).overlaps(&ByteSpan::new(5, 6)));
        assert!(ByteSpan::empty(3).overlaps(&ByteSpan::new(0, 5)));
    }
}
