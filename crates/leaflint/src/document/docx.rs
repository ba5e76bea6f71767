//! Word `.docx` input (SPEC §1.1): a zip of XML parts, read with `zip` (deflate through the
//! pure-Rust miniz_oxide backend) and `quick-xml`. No C, no IO: the bytes come from the caller.
//!
//! **Blocks**: each `w:p` paragraph is a block. Styles `Title` and `Heading 1`–`9` (by style name,
//! so localised style ids work, or by outline level, following `basedOn`) are headings (levels
//! above 6 are 6). `w:numPr` (on the paragraph or its style) makes a list item: depth =
//! `w:ilvl`, numbered unless `numbering.xml` says `bullet`. Table cells (`w:tc`) are table cells;
//! everything inside one cell is one block (a cell's paragraphs joined by a space); the first row
//! is the header row when it is marked `w:tblHeader`, or when no row is marked and the table has
//! two or more rows (as for plain text). Text boxes are read in document order, once (the
//! `mc:Fallback` copy is skipped). Run text (`w:t`) is joined as written, `w:tab`/`w:br` are a
//! space, `w:noBreakHyphen` a hyphen; deleted text and field codes are not read. Bold runs
//! (`w:b`, or a character style that is bold) are emphasis.
//!
//! **Extracted text** (what spans refer to, carried in the report's `source.text`): blocks joined
//! by a blank line; list items by one line break, each with its marker (`•`, `1.`, `a.`) and two
//! spaces per level of indent; table rows one line each with cells separated by tabs. A finding's
//! line and column therefore name the paragraph and the character in it.
//!
//! **Limits**: a file over [`MAX_FILE_BYTES`] or an XML part that unpacks to more than
//! [`MAX_PART_BYTES`] is refused with [`InputError::TooLarge`], a zip with more than
//! [`MAX_ENTRIES`] entries with [`InputError::TooManyEntries`], before it can use more memory or
//! time (a zip bomb cannot make leaflint unpack more than the limit: reading stops one byte past
//! it). `document.xml` nested deeper than [`MAX_XML_DEPTH`] is refused with
//! [`InputError::TooDeep`], and extracted text over [`crate::input::MAX_TEXT_BYTES`] with
//! [`InputError::TextTooLarge`].

use super::{Block, BlockKind, Document, Format, Image};
use crate::input::InputError;
use crate::span::ByteSpan;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;

/// Largest `.docx` file read (compressed), in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most entries a `.docx` zip may have (Word writes a few dozen; images add one each).
pub const MAX_ENTRIES: usize = 10_000;
/// Largest unpacked size of `word/document.xml`, in bytes.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Largest unpacked size of `styles.xml` and `numbering.xml`, in bytes.
pub const MAX_AUX_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest nesting of XML elements in `document.xml` (as libxml2's default of 256, times four:
/// Word nests a paragraph about 6 deep, and each table inside a table adds 4). Each open `w:p`
/// holds a paragraph being read, so without a limit 64 MB of nested `<w:p>` would hold 13 million.
pub const MAX_XML_DEPTH: usize = 1024;

/// Read a `.docx` file into a document whose text is the extracted text.
pub fn parse(bytes: &[u8]) -> Result<Document, InputError> {
    if !bytes.starts_with(b"PK") {
        return Err(InputError::NotZip);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge { limit_mb: MAX_FILE_BYTES / 1_048_576 });
    }
    check_directory(bytes)?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(InputError::TooManyEntries { limit: MAX_ENTRIES });
    }
    let main = match read_part(&mut zip, "word/document.xml", MAX_PART_BYTES)? {
        Some(s) => s,
        None => return Err(InputError::NotDocx),
    };
    let styles = read_part(&mut zip, "word/styles.xml", MAX_AUX_BYTES)?.map(|s| Styles::parse(&s)).unwrap_or_default();
    let numbering =
        read_part(&mut zip, "word/numbering.xml", MAX_AUX_BYTES)?.map(|s| Numbering::parse(&s)).unwrap_or_default();
    let mut reader = Extractor::new(&styles, &numbering);
    reader.run(&main)?;
    Ok(reader.out.finish())
}

fn damaged(e: &dyn std::fmt::Display) -> InputError {
    InputError::Damaged { detail: e.to_string() }
}

/// Check the zip's end-of-directory record before the zip reader allocates anything for its
/// entries: a damaged file or one with an absurd number of entries stops here.
fn check_directory(bytes: &[u8]) -> Result<(), InputError> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let from = bytes.len().saturating_sub(22 + 65_535);
    let Some(at) = memchr::memmem::rfind(&bytes[from..], EOCD).map(|i| from + i) else {
        return Err(InputError::Damaged {
            detail: "the zip directory is missing (the file may be cut short)".to_owned(),
        });
    };
    let entries = bytes.get(at + 10..at + 12).map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    if entries > MAX_ENTRIES {
        return Err(InputError::TooManyEntries { limit: MAX_ENTRIES });
    }
    Ok(())
}

/// Unpack one part as UTF-8 text, at most `limit` bytes. `None` if the zip has no such entry.
fn read_part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, InputError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(&e)),
    };
    let too_large = InputError::TooLarge { limit_mb: usize::try_from(limit / 1_048_576).unwrap_or(usize::MAX) };
    if file.size() > limit {
        return Err(too_large);
    }
    let mut buf = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0).min(1 << 20));
    // The declared size can lie: never read more than one byte past the limit.
    file.take(limit + 1).read_to_end(&mut buf).map_err(|e| damaged(&e))?;
    if buf.len() as u64 > limit {
        return Err(too_large);
    }
    let text =
        String::from_utf8(buf).map_err(|_| InputError::Damaged { detail: format!("{name} is not UTF-8 XML") })?;
    Ok(Some(text))
}

/// The value of attribute `name` (qualified, e.g. `w:val`).
fn attr<'a>(e: &'a BytesStart<'a>, name: &[u8]) -> Option<Cow<'a, [u8]>> {
    e.attributes().with_checks(false).flatten().find(|a| a.key.as_ref() == name).map(|a| a.value)
}

fn attr_u32(e: &BytesStart<'_>, name: &[u8]) -> Option<u32> {
    attr(e, name).and_then(|v| std::str::from_utf8(&v).ok().and_then(|s| s.trim().parse().ok()))
}

/// `w:b` and friends: on unless `w:val` is 0, false or off.
fn toggle_on(e: &BytesStart<'_>) -> bool {
    attr(e, b"w:val").is_none_or(|v| !matches!(v.as_ref(), b"0" | b"false" | b"off"))
}

fn resolve_entity(name: &[u8]) -> Option<char> {
    match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => {
            let s = std::str::from_utf8(name).ok()?;
            let n = if let Some(h) = s.strip_prefix("#x").or_else(|| s.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                s.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)
        }
    }
}

/// A paragraph or character style (only what matters here).
#[derive(Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<(u32, u8)>,
    bold: bool,
}

#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn parse(xml: &str) -> Styles {
        let mut by_id = HashMap::new();
        let mut r = Reader::from_str(xml);
        let mut cur: Option<(String, Style)> = None;
        let (mut in_ppr, mut in_rpr) = (false, false);
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:style" => {
                        let id = attr(&e, b"w:styleId")
                            .map(|v| String::from_utf8_lossy(&v).into_owned())
                            .unwrap_or_default();
                        cur = Some((id, Style::default()));
                    }
                    b"w:name" => {
                        if let (Some((_, s)), Some(v)) = (cur.as_mut(), attr(&e, b"w:val")) {
                            s.name = String::from_utf8_lossy(&v).to_lowercase();
                        }
                    }
                    b"w:basedOn" => {
                        if let (Some((_, s)), Some(v)) = (cur.as_mut(), attr(&e, b"w:val")) {
                            s.based_on = Some(String::from_utf8_lossy(&v).into_owned());
                        }
                    }
                    b"w:pPr" => in_ppr = true,
                    b"w:rPr" => in_rpr = true,
                    b"w:outlineLvl" if in_ppr => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.outline = attr_u32(&e, b"w:val").and_then(|v| u8::try_from(v).ok());
                        }
                    }
                    b"w:numId" if in_ppr => {
                        if let Some((_, s)) = cur.as_mut() {
                            let id = attr_u32(&e, b"w:val").unwrap_or(0);
                            s.num = Some((id, s.num.map_or(0, |n| n.1)));
                        }
                    }
                    b"w:ilvl" if in_ppr => {
                        if let Some((_, s)) = cur.as_mut() {
                            let lvl = attr_u32(&e, b"w:val").and_then(|v| u8::try_from(v).ok()).unwrap_or(0);
                            s.num = Some((s.num.map_or(0, |n| n.0), lvl));
                        }
                    }
                    b"w:b" if in_rpr => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.bold = toggle_on(&e);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:style" => {
                        if let Some((id, s)) = cur.take() {
                            by_id.insert(id, s);
                        }
                    }
                    b"w:pPr" => in_ppr = false,
                    b"w:rPr" => in_rpr = false,
                    _ => {}
                },
                _ => {}
            }
        }
        Styles { by_id }
    }

    /// The style and its `basedOn` ancestors (at most 10, so a cycle cannot loop).
    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = (&'s str, &'s Style)> + 's {
        let mut next = Some(id.to_owned());
        std::iter::from_fn(move || {
            let id = next.take()?;
            let (k, s) = self.by_id.get_key_value(&id)?;
            next = s.based_on.clone();
            Some((k.as_str(), s))
        })
        .take(10)
    }

    /// Heading level of a paragraph style: `Title` → 1, `Heading N` → N, else its outline level.
    fn heading_level(&self, id: &str) -> Option<u8> {
        let by_name = |name: &str| -> Option<u8> {
            let name = name.trim().to_ascii_lowercase();
            if name == "title" {
                return Some(1);
            }
            let n = name.strip_prefix("heading")?.trim();
            n.parse::<u8>().ok().filter(|n| (1..=9).contains(n))
        };
        if self.by_id.is_empty() {
            return by_name(id);
        }
        for (sid, s) in self.chain(id) {
            if let Some(l) = by_name(&s.name).or_else(|| by_name(sid)) {
                return Some(l);
            }
            if let Some(o) = s.outline.filter(|o| *o < 9) {
                return Some(o + 1);
            }
        }
        None
    }

    fn numbering(&self, id: &str) -> Option<(u32, u8)> {
        self.chain(id).find_map(|(_, s)| s.num)
    }

    fn bold(&self, id: &str) -> bool {
        self.chain(id).any(|(_, s)| s.bold) || id.eq_ignore_ascii_case("strong")
    }
}

/// `numbering.xml`: which list levels are bullets, and their number formats.
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId
    nums: HashMap<u32, u32>,
    /// (abstractNumId, ilvl) → numFmt
    formats: HashMap<(u32, u8), String>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let (mut abs, mut lvl, mut num): (Option<u32>, Option<u8>, Option<u32>) = (None, None, None);
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match ev {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abs = attr_u32(&e, b"w:abstractNumId"),
                    b"w:lvl" => lvl = attr_u32(&e, b"w:ilvl").and_then(|v| u8::try_from(v).ok()),
                    b"w:numFmt" => {
                        if let (Some(a), Some(l), Some(v)) = (abs, lvl, attr(&e, b"w:val")) {
                            n.formats.insert((a, l), String::from_utf8_lossy(&v).into_owned());
                        }
                    }
                    b"w:num" => num = attr_u32(&e, b"w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(id), Some(a)) = (num, attr_u32(&e, b"w:val")) {
                            n.nums.insert(id, a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abs = None,
                    b"w:lvl" => lvl = None,
                    b"w:num" => num = None,
                    _ => {}
                },
                _ => {}
            }
        }
        n
    }

    fn format(&self, num_id: u32, ilvl: u8) -> &str {
        self.nums.get(&num_id).and_then(|a| self.formats.get(&(*a, ilvl))).map_or("bullet", String::as_str)
    }
}

/// A list marker for item number `n` (1-based) in format `fmt`, or `None` for no marker.
fn marker(fmt: &str, n: u32) -> Option<String> {
    let letter = |n: u32, base: u8| char::from(base + u8::try_from((n.max(1) - 1) % 26).unwrap_or(0));
    Some(match fmt {
        "bullet" => "•".to_owned(),
        "none" => return None,
        "lowerLetter" => format!("{}.", letter(n, b'a')),
        "upperLetter" => format!("{}.", letter(n, b'A')),
        "lowerRoman" => format!("{}.", roman(n).to_lowercase()),
        "upperRoman" => format!("{}.", roman(n)),
        _ => format!("{n}."),
    })
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// One paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    emphasis: Vec<(usize, usize)>,
}

impl Para {
    /// Append run text, collapsing whitespace to single spaces.
    fn push(&mut self, s: &str, bold: bool) {
        let start = self.text.len();
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
        if bold && self.text.len() > start {
            match self.emphasis.last_mut() {
                Some(last) if last.1 == start => last.1 = self.text.len(),
                _ => self.emphasis.push((start, self.text.len())),
            }
        }
    }
}

/// A table cell: its text and emphasis, and its place.
struct Cell {
    para: Para,
    row: u32,
    col: u32,
}

#[derive(Default)]
struct Table {
    rows: Vec<(bool, Vec<Cell>)>,
    col: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    None,
    Block,
    Item,
}

/// The extracted text and its blocks.
struct Out {
    text: String,
    blocks: Vec<Block>,
    images: Vec<Image>,
    prev: Prev,
}

impl Out {
    fn separate(&mut self, item: bool) {
        match (self.prev, item) {
            (Prev::None, _) => {}
            (Prev::Item, true) => self.text.push('\n'),
            _ => self.text.push_str("\n\n"),
        }
        self.prev = if item { Prev::Item } else { Prev::Block };
    }

    /// Append a block's text (already whitespace-collapsed) and the block.
    fn block(&mut self, kind: BlockKind, prefix: &str, para: &Para) {
        let text = para.text.trim_end();
        if text.is_empty() {
            return;
        }
        self.separate(kind.is_list_item());
        let start = self.text.len();
        self.text.push_str(prefix);
        let body = self.text.len();
        self.text.push_str(text);
        let mut kind = kind;
        if let BlockKind::ListItem { marker, .. } = &mut kind {
            let m = prefix.trim_start();
            *marker = ByteSpan::new(body - m.len(), body - m.len() + m.trim_end().len());
        }
        let mut b = Block::new(kind, ByteSpan::new(start, self.text.len()));
        b.push_inline(text, ByteSpan::new(body, self.text.len()), true);
        b.emphasis = para
            .emphasis
            .iter()
            .filter(|(s, _)| *s < text.len())
            .map(|&(s, e)| ByteSpan::new(body + s, body + e.min(text.len())))
            .collect();
        self.blocks.push(b);
    }

    fn table(&mut self, t: Table) {
        if t.rows.iter().all(|(_, cells)| cells.iter().all(|c| c.para.text.trim().is_empty())) {
            return;
        }
        self.separate(false);
        let any_marked = t.rows.iter().any(|(h, _)| *h);
        let n_rows = t.rows.len();
        for (ri, (marked, cells)) in t.rows.into_iter().enumerate() {
            if ri > 0 {
                self.text.push('\n');
            }
            let header = if any_marked { marked } else { ri == 0 && n_rows >= 2 };
            for (ci, cell) in cells.into_iter().enumerate() {
                if ci > 0 {
                    self.text.push('\t');
                }
                let text = cell.para.text.trim_end();
                if text.is_empty() {
                    continue;
                }
                let start = self.text.len();
                self.text.push_str(text);
                let kind = BlockKind::TableCell { header, row: cell.row, col: cell.col };
                let mut b = Block::new(kind, ByteSpan::new(start, self.text.len()));
                b.push_inline(text, ByteSpan::new(start, self.text.len()), true);
                b.emphasis = cell
                    .para
                    .emphasis
                    .iter()
                    .filter(|(s, _)| *s < text.len())
                    .map(|&(s, e)| ByteSpan::new(start + s, start + e.min(text.len())))
                    .collect();
                self.blocks.push(b);
            }
        }
    }

    fn finish(self) -> Document {
        Document { format: Format::Docx, text: self.text, blocks: self.blocks, images: self.images, notes: Vec::new() }
    }
}

/// Walks `document.xml`.
struct Extractor<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    out: Out,
    paras: Vec<Para>,
    tables: Vec<Table>,
    /// Depth of table nesting at which the current cell was opened (only top-level cells are blocks).
    cell: Option<Para>,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    run_bold: bool,
    skip: usize,
    alt: Option<String>,
    /// Word's running numbers per list (numId) and level.
    counters: HashMap<u32, [u32; 9]>,
    /// Position of the next item in the current run of list items, per level.
    run_index: [u32; 9],
}

impl<'s> Extractor<'s> {
    fn new(styles: &'s Styles, numbering: &'s Numbering) -> Self {
        Extractor {
            styles,
            numbering,
            out: Out { text: String::new(), blocks: Vec::new(), images: Vec::new(), prev: Prev::None },
            paras: Vec::new(),
            tables: Vec::new(),
            cell: None,
            in_ppr: false,
            in_rpr: false,
            in_text: false,
            run_bold: false,
            skip: 0,
            alt: None,
            counters: HashMap::new(),
            run_index: [0; 9],
        }
    }

    fn run(&mut self, xml: &str) -> Result<(), InputError> {
        let mut r = Reader::from_str(xml);
        let mut depth = 0usize;
        loop {
            let ev = r.read_event().map_err(|e| InputError::Damaged { detail: format!("word/document.xml: {e}") })?;
            match ev {
                Event::Eof => break,
                Event::Start(e) => {
                    depth += 1;
                    if depth > MAX_XML_DEPTH {
                        return Err(InputError::TooDeep { limit: MAX_XML_DEPTH });
                    }
                    self.start(&e, false);
                }
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    self.end(e.name().as_ref());
                    if self.out.text.len() > crate::input::MAX_TEXT_BYTES {
                        return Err(InputError::TextTooLarge { limit_mb: crate::input::MAX_TEXT_BYTES / 1_048_576 });
                    }
                }
                Event::Text(t) if self.in_text && self.skip == 0 => {
                    let s = t.decode().map_err(|e| InputError::Damaged { detail: e.to_string() })?;
                    let bold = self.run_bold;
                    if let Some(p) = self.paras.last_mut() {
                        p.push(&s, bold);
                    }
                }
                Event::GeneralRef(g) if self.in_text && self.skip == 0 => {
                    if let Some(c) = resolve_entity(g.as_ref()) {
                        let bold = self.run_bold;
                        if let Some(p) = self.paras.last_mut() {
                            p.push(c.encode_utf8(&mut [0; 4]), bold);
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            b"mc:Fallback" | b"w:del" | b"w:moveFrom" if !empty => self.skip = 1,
            b"w:p" if !empty => self.paras.push(Para::default()),
            b"w:pPr" if !empty => self.in_ppr = true,
            b"w:rPr" if !empty => self.in_rpr = true,
            b"w:pStyle" if self.in_ppr => {
                if let (Some(p), Some(v)) = (self.paras.last_mut(), attr(e, b"w:val")) {
                    p.style = Some(String::from_utf8_lossy(&v).into_owned());
                }
            }
            b"w:numId" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.num_id = attr_u32(e, b"w:val");
                }
            }
            b"w:ilvl" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = attr_u32(e, b"w:val").and_then(|v| u8::try_from(v).ok());
                }
            }
            b"w:outlineLvl" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.outline = attr_u32(e, b"w:val").and_then(|v| u8::try_from(v).ok());
                }
            }
            b"w:r" => self.run_bold = false,
            b"w:b" if self.in_rpr && !self.in_ppr => self.run_bold = toggle_on(e),
            b"w:rStyle" if self.in_rpr => {
                if let Some(v) = attr(e, b"w:val") {
                    self.run_bold |= self.styles.bold(&String::from_utf8_lossy(&v));
                }
            }
            b"w:t" if !empty => self.in_text = true,
            b"w:tab" | b"w:br" | b"w:cr" if !self.in_ppr => self.push_text(" "),
            b"w:noBreakHyphen" => self.push_text("-"),
            b"wp:docPr" => {
                self.alt = attr(e, b"descr")
                    .or_else(|| attr(e, b"title"))
                    .map(|v| String::from_utf8_lossy(&v).trim().to_owned())
                    .filter(|s| !s.is_empty());
            }
            b"pic:pic" | b"v:imagedata" => {
                let at = self.out.text.len();
                let alt = self.alt.take();
                self.out.images.push(Image { span: ByteSpan::empty(at), alt });
            }
            b"w:tbl" if !empty => {
                if self.cell.is_none() || self.tables.is_empty() {
                    self.tables.push(Table::default());
                } else {
                    // A table inside a cell joins the cell's text.
                    self.tables.push(Table { rows: Vec::new(), col: u32::MAX });
                }
            }
            b"w:tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    if t.col != u32::MAX {
                        t.rows.push((false, Vec::new()));
                        t.col = 0;
                    }
                }
            }
            b"w:tblHeader" => {
                if let Some((h, _)) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    *h = toggle_on(e);
                }
            }
            b"w:tc" if !empty && self.tables.len() == 1 && self.cell.is_none() => self.cell = Some(Para::default()),
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.skip > 0 {
            return;
        }
        let bold = self.run_bold;
        if let Some(p) = self.paras.last_mut() {
            p.push(s, bold);
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"w:t" => self.in_text = false,
            b"w:pPr" => self.in_ppr = false,
            b"w:rPr" => self.in_rpr = false,
            b"w:r" => self.run_bold = false,
            b"w:p" => {
                if let Some(p) = self.paras.pop() {
                    self.paragraph(p);
                }
            }
            b"w:tc" if self.tables.len() == 1 => {
                if let (Some(cell), Some(t)) = (self.cell.take(), self.tables.last_mut()) {
                    let row = u32::try_from(t.rows.len().saturating_sub(1)).unwrap_or(u32::MAX);
                    let col = t.col;
                    t.col += 1;
                    if let Some((_, cells)) = t.rows.last_mut() {
                        cells.push(Cell { para: cell, row, col });
                    }
                }
            }
            b"w:tbl" => {
                if let Some(t) = self.tables.pop() {
                    if self.tables.is_empty() {
                        self.run_index = [0; 9];
                        self.out.table(t);
                    }
                }
            }
            _ => {}
        }
    }

    fn paragraph(&mut self, p: Para) {
        if let Some(cell) = self.cell.as_mut() {
            if !p.text.trim().is_empty() {
                if !cell.text.is_empty() && !cell.text.ends_with(' ') {
                    cell.text.push(' ');
                }
                let off = cell.text.len();
                cell.text.push_str(p.text.trim_end());
                cell.emphasis.extend(p.emphasis.iter().map(|&(s, e)| (off + s, off + e)));
            }
            return;
        }
        let style = p.style.as_deref().unwrap_or("");
        let level = p.outline.filter(|o| *o < 9).map(|o| o + 1).or_else(|| {
            if style.is_empty() {
                None
            } else {
                self.styles.heading_level(style)
            }
        });
        if let Some(level) = level {
            self.run_index = [0; 9];
            self.out.block(BlockKind::Heading { level: level.min(6) }, "", &p);
            return;
        }
        let num = match (p.num_id, p.ilvl) {
            (Some(id), lvl) => Some((id, lvl.unwrap_or(0))),
            (None, lvl) => self.styles.numbering(style).map(|(id, l)| (id, lvl.unwrap_or(l))),
        };
        match num.filter(|(id, _)| *id != 0) {
            Some((id, ilvl)) if !p.text.trim().is_empty() => {
                let ilvl = ilvl.min(8);
                let d = usize::from(ilvl);
                let counters = self.counters.entry(id).or_insert([0; 9]);
                counters[d] += 1;
                counters[d + 1..].iter_mut().for_each(|c| *c = 0);
                let n = counters[d];
                let fmt = self.numbering.format(id, ilvl);
                let index = self.run_index[d];
                self.run_index[d] += 1;
                self.run_index[d + 1..].iter_mut().for_each(|c| *c = 0);
                let ordered = !matches!(fmt, "bullet" | "none");
                let prefix = match marker(fmt, n) {
                    Some(m) => format!("{}{m} ", "  ".repeat(d)),
                    None => "  ".repeat(d),
                };
                let kind = BlockKind::ListItem { ordered, depth: ilvl, index, marker: ByteSpan::default() };
                self.out.block(kind, &prefix, &p);
            }
            _ => {
                if !p.text.trim().is_empty() {
                    self.run_index = [0; 9];
                    self.out.block(BlockKind::Paragraph, "", &p);
                }
            }
        }
    }
}
