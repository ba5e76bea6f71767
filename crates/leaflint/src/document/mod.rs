//! The document model (SPEC §1.1–§1.2): a source text cut into blocks (headings, paragraphs, list
//! items, table cells), each with its *analysed text* (markup removed, lines joined) and the
//! pieces that map that text back to source bytes.
//!
//! Parsers live in submodules, one per input format; each turns a source into [`Block`]s. HTML
//! keeps byte spans into the original file (an entity is a non-verbatim piece that maps to its
//! source bytes); Word `.docx` is unpacked by [`docx::parse`] into an *extracted text* that the
//! spans refer to.

pub mod docx;
pub mod html;
mod markdown;
mod plain;

use crate::span::ByteSpan;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The format a source text is read as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Format {
    /// Plain text with leaflet conventions (headings as short lines, bullets, numbered lists).
    #[default]
    Text,
    /// CommonMark with GFM tables.
    Markdown,
    /// An HTML page: only `<main>` (else `<article>`, else `<body>`) is read.
    Html,
    /// A Word `.docx` file; spans refer to its extracted text (SPEC §1.1).
    Docx,
}

impl Format {
    /// The format for a file name's extension, if leaflint knows it (`.md`, `.markdown`, `.txt`,
    /// `.html`, `.htm`, `.docx`).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
    /// The stable name used in reports (`text`, `markdown`, `html`, `docx`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading; level 1 is the title.
    Heading {
        /// 1 (title) to 6.
        level: u8,
    },
    /// A paragraph of running text.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem {
        /// Numbered (`1.`, `a)`, `Step 1:`) rather than bulleted.
        ordered: bool,
        /// 0 for a top-level item.
        depth: u8,
        /// 0-based position in its list.
        index: u32,
        /// Where the marker (`•`, `1.`) is in the source.
        marker: ByteSpan,
    },
    /// One cell of a table.
    TableCell {
        /// In the header row.
        header: bool,
        /// 0-based row.
        row: u32,
        /// 0-based column.
        col: u32,
    },
    /// A table or figure caption.
    Caption,
}

impl BlockKind {
    /// A short code for parser tests: `h2`, `p`, `ul1.2`, `ol1.1`, `tdh01`, `cap`.
    #[cfg(test)]
    pub(crate) fn test_code(&self) -> String {
        match *self {
            BlockKind::Heading { level } => format!("h{level}"),
            BlockKind::Paragraph => "p".into(),
            BlockKind::ListItem { ordered, depth, index, .. } => {
                format!("{}{depth}.{index}", if ordered { "ol" } else { "ul" })
            }
            BlockKind::TableCell { header, row, col } => format!("td{}{row}{col}", if header { "h" } else { "" }),
            BlockKind::Caption => "cap".into(),
        }
    }
    /// True for headings.
    pub fn is_heading(&self) -> bool {
        matches!(self, BlockKind::Heading { .. })
    }
    /// True for list items.
    pub fn is_list_item(&self) -> bool {
        matches!(self, BlockKind::ListItem { .. })
    }
}

/// A piece of a block's analysed text and the source bytes it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in [`Block::analysed`].
    pub analysed: Range<usize>,
    /// Byte range in the source.
    pub source: ByteSpan,
    /// The analysed bytes equal the source bytes one for one (false for a decoded entity).
    pub verbatim: bool,
}

/// One block of the document.
#[derive(Clone, Debug)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its extent in the source (markers and markup included).
    pub span: ByteSpan,
    /// The text that is analysed: markup removed, line breaks joined with a space.
    pub analysed: String,
    /// Pieces of `analysed`, in order; text between pieces (joining spaces) maps to the end of the
    /// piece before it.
    pub pieces: Vec<Piece>,
    /// Source spans of emphasised (bold/strong) text.
    pub emphasis: Vec<ByteSpan>,
}

impl Block {
    /// Map a byte offset of [`Block::analysed`] to a byte offset of the source.
    pub fn to_source(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.analysed.start <= offset);
        if i == 0 {
            return self.pieces.first().map_or(self.span.start(), |p| p.source.start());
        }
        let p = &self.pieces[i - 1];
        if offset >= p.analysed.end {
            return p.source.end();
        }
        if p.verbatim {
            p.source.start() + (offset - p.analysed.start)
        } else if offset == p.analysed.start {
            p.source.start()
        } else {
            p.source.end()
        }
    }

    /// Map a range of [`Block::analysed`] to a source span.
    pub fn span_of(&self, range: Range<usize>) -> ByteSpan {
        // Fast path (a token, a unit of one line): a non-empty range inside one piece needs one
        // search, and maps exactly as `to_source` and `to_source_end` would.
        let i = self.pieces.partition_point(|p| p.analysed.start <= range.start);
        if let Some(p) = i.checked_sub(1).and_then(|k| self.pieces.get(k)) {
            if range.start < range.end && range.end <= p.analysed.end {
                let at = |offset: usize| p.source.start() + (offset - p.analysed.start);
                let start = if p.verbatim {
                    at(range.start)
                } else if range.start == p.analysed.start {
                    p.source.start()
                } else {
                    p.source.end()
                };
                let end = if range.end < p.analysed.end && p.verbatim { at(range.end) } else { p.source.end() };
                return ByteSpan::new(start, end);
            }
        }
        ByteSpan::new(self.to_source(range.start), self.to_source_end(range.end))
    }

    /// Like [`Block::to_source`], but an offset at a piece boundary maps to the end of the
    /// earlier piece (so a span never swallows markup after its last character).
    fn to_source_end(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.analysed.start < offset);
        if i == 0 {
            return self.to_source(offset);
        }
        let p = &self.pieces[i - 1];
        if offset >= p.analysed.end {
            return p.source.end();
        }
        self.to_source(offset)
    }

    /// Start a block; pieces are added with [`Block::push_piece`].
    pub(crate) fn new(kind: BlockKind, span: ByteSpan) -> Self {
        Block { kind, span, analysed: String::new(), pieces: Vec::new(), emphasis: Vec::new() }
    }

    /// Append verbatim source text (`text` must equal `source[span]`), with a joining space first
    /// when the block already has text.
    pub(crate) fn push_piece(&mut self, text: &str, source: ByteSpan, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        if !self.analysed.is_empty() && !self.analysed.ends_with(' ') && !text.starts_with(' ') {
            self.analysed.push(' ');
        }
        let start = self.analysed.len();
        self.analysed.push_str(text);
        self.pieces.push(Piece { analysed: start..self.analysed.len(), source, verbatim });
    }

    /// Append text with no joining space (inline runs of one line: `**bold**` then `text`).
    pub(crate) fn push_inline(&mut self, text: &str, source: ByteSpan, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        let start = self.analysed.len();
        self.analysed.push_str(text);
        self.pieces.push(Piece { analysed: start..self.analysed.len(), source, verbatim });
    }
}

/// An image in the document (SPEC §1.1: it counts as a visual for the checklists, §7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Where it is in the source (the `<img>` tag, the Markdown image, the Word drawing's paragraph).
    pub span: ByteSpan,
    /// Its alternative text, if any.
    pub alt: Option<String>,
}

/// A parsed document: the source text and its blocks in order.
#[derive(Clone, Debug)]
pub struct Document {
    /// How the source was read.
    pub format: Format,
    /// The source text (a leading BOM is kept; spans count it). For Word files, the extracted
    /// text (SPEC §1.1).
    pub text: String,
    /// Blocks in source order.
    pub blocks: Vec<Block>,
    /// Images (HTML, Markdown, Word), in source order.
    pub images: Vec<Image>,
    /// Notes from the parser for the report (malformed HTML read leniently, skipped content).
    pub notes: Vec<String>,
}

impl Document {
    /// Parse `text` as `format`. Parsing never fails: any text gives some blocks (maybe none).
    ///
    /// A Word file cannot be parsed from text: [`Format::Docx`] here reads `text` as the
    /// extracted text of one (plain-text conventions); use [`crate::input::decode`] for the bytes.
    ///
    /// HTML nested deeper than [`html::MAX_DEPTH`] is read up to the element that passes the
    /// limit, and the document gets a note saying so ([`crate::input::decode`] refuses it instead).
    pub fn parse(text: &str, format: Format) -> Document {
        Document::parse_checked(text, format).0
    }

    /// [`Document::parse`], and whether the HTML nested deeper than [`html::MAX_DEPTH`].
    pub(crate) fn parse_checked(text: &str, format: Format) -> (Document, bool) {
        let mut images = Vec::new();
        let mut notes = Vec::new();
        let mut too_deep = false;
        let blocks = match format {
            Format::Text | Format::Docx => {
                let parsed = plain::parse_layout(text);
                notes.extend(parsed.notes());
                parsed.blocks
            }
            Format::Markdown => markdown::parse(text, &mut images),
            Format::Html => {
                let (blocks, deep) = html::parse(text, &mut images, &mut notes);
                too_deep = deep;
                blocks
            }
        };
        (Document { format, text: text.to_owned(), blocks, images, notes }, too_deep)
    }
}

/// Trim ASCII and Unicode whitespace from both ends of `text[range]`, returning the trimmed range.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Public alias of `trim_range` for the text layer.
pub(crate) fn trim_range_pub(text: &str, range: Range<usize>) -> Range<usize> {
    trim_range(text, range)
}

#[cfg(test)]
mod tests {
    use crate::input::decode;
    use crate::span::ByteSpan;

    #[test]
    fn span_of_fast_path_maps_like_the_two_searches() {
        let texts: [(&[u8], crate::Format); 3] = [
            (b"# Side &amp; effects\n\nTake **2 tablets** &lt;daily&gt; with *food*,\nthen rest. Caf\xc3\xa9 &#8220;ok&#8221;\n\n- one &amp; two\n", crate::Format::Markdown),
            (b"<main><p>Take 2 &amp; 3 <b>tablets</b> &lt;now&gt;.</p><ul><li>A &eacute; b</li></ul></main>", crate::Format::Html),
            (b"Take your tablets\nwith food.\n\n* Do not drive\n", crate::Format::Text),
        ];
        for (bytes, format) in texts {
            let doc = decode(bytes, Some(format), None).unwrap();
            for b in &doc.blocks {
                let n = b.analysed.len();
                for s in 0..=n {
                    for e in s..=n {
                        let slow = ByteSpan::new(b.to_source(s), b.to_source_end(e));
                        assert_eq!(b.span_of(s..e), slow, "{:?} {s}..{e}", b.analysed);
                    }
                }
            }
        }
    }
}
