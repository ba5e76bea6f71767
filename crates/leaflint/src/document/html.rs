//! HTML input (SPEC §1.1) through html5gum, a WHATWG-compliant tokenizer, with a small
//! tree-building layer of our own for the parts that matter to a leaflet.
//!
//! **Blocks**: `h1`–`h6` headings; `p`, `dt`, `dd`, `pre`, `address`, `summary` paragraphs; `li`
//! list items (ordered under `ol`, depth = list nesting); `td`/`th` table cells (header for `th`
//! or a `thead` row); `caption`/`figcaption` captions; text directly in a container (`div`,
//! `section`, `blockquote` …) is a paragraph of its own. A list item or table cell owns its
//! inner paragraphs (their text is joined with a space); a list inside a list item starts new
//! items. `b`/`strong` are emphasis; links are read as text; `img` is recorded with its alt text.
//!
//! **What is read**: only `<main>` (else every `<article>`, else `<body>`). `head`, `script`,
//! `style`, `nav`, `template`, `noscript`, `svg`, `math`, `iframe`, `object`, form controls and
//! hidden content (`hidden`, `aria-hidden="true"`, `display:none`, `visibility:hidden`, and the
//! screen-reader-only classes `visually-hidden`/`sr-only`) are skipped; so are `header` and
//! `footer` unless they sit inside `main`, `article`, `section` or `aside` (there they hold the
//! article's own title or notes, not the site's banner).
//!
//! **Offsets**: html5gum reports its read position; each text run it emits is compared with the
//! source bytes it came from. Equal runs are verbatim pieces; a decoded entity (`&amp;`) or a
//! normalised line break is a non-verbatim piece that maps to its source bytes, so a finding
//! points at the right characters of the original file. Runs of ASCII whitespace collapse to one
//! space, as a browser shows them.
//!
//! **Malformed HTML** is read the way a browser recovers (implied end tags for `p`, `li`, `td`,
//! `tr`, `dt`, `dd`, headings; unknown end tags ignored; everything closed at the end) and the
//! document gets one note saying so.

use super::{Block, BlockKind, Image};
use crate::span::ByteSpan;
use html5gum::{Emitter, Error, State, Tokenizer};
use std::borrow::Cow;
use std::convert::Infallible;
use std::ops::Range;

/// Deepest nesting of open elements read (as in Chromium's HTML parser, 512). Real pages nest a
/// few dozen deep. Every tag looks at the open elements (implied end tags, the region it is in),
/// so without a limit 100,000 nested elements would take time quadratic in the input.
pub const MAX_DEPTH: usize = 512;

/// Parse an HTML page into blocks; images and notes are pushed to the given vectors. True when
/// the page nests elements deeper than [`MAX_DEPTH`]: reading stopped at the first element past
/// the limit (the blocks so far are kept, with a note).
pub(crate) fn parse(text: &str, images: &mut Vec<Image>, notes: &mut Vec<String>) -> (Vec<Block>, bool) {
    let mut b = Builder::new(text);
    let emitter = Html {
        b: &mut b,
        name: Vec::new(),
        is_end: false,
        self_closing: false,
        tag_start: 0,
        attr: Attr::default(),
        attr_name: Vec::new(),
        attr_value: Vec::new(),
        last_start: Vec::new(),
    };
    // The emitter yields no tokens, and reading a `&str` cannot fail.
    let _ = Tokenizer::new_with_emitter(text, emitter).finish();
    let too_deep = b.too_deep;
    (b.finish(images, notes), too_deep)
}

/// Elements whose content is never read.
const SKIPPED: &[&[u8]] = &[
    b"head",
    b"script",
    b"style",
    b"nav",
    b"template",
    b"noscript",
    b"svg",
    b"math",
    b"iframe",
    b"object",
    b"select",
    b"textarea",
    b"button",
    b"title",
    b"noembed",
    b"noframes",
];
/// Elements with no content and no end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source",
    b"track", b"wbr",
];
/// Elements that close an open `p` when they start (HTML tree construction, simplified).
const CLOSES_P: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"details",
    b"div",
    b"dl",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"ul",
    b"li",
    b"dt",
    b"dd",
    b"menu",
];
/// Elements whose end tag may be left out: still open at the end is not a sign of malformed HTML.
const OPTIONAL_END: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"td",
    b"th",
    b"tr",
    b"thead",
    b"tbody",
    b"tfoot",
    b"html",
    b"body",
    b"head",
    b"option",
    b"caption",
    b"colgroup",
];
/// A list of element names.
type Names = &'static [&'static [u8]];
const HEADINGS: &[&[u8]] = &[b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"];

/// What an open element does to the block it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A heading, paragraph or caption: its text is one block.
    Block,
    /// A list item or definition: one block that owns inner paragraphs.
    Item,
    /// A table cell: one block that owns everything inside it.
    Cell,
    /// Anything else.
    Other,
}

struct Open {
    name: Vec<u8>,
    skip: bool,
    start: usize,
    owns_block: bool,
    role: Role,
    strong: bool,
}

struct ListCtx {
    ordered: bool,
    next: u32,
}

struct TableCtx {
    row: i64,
    col: u32,
    in_head: bool,
    row_is_head: bool,
}

/// A block being built: the text html5gum emitted and where each run came from.
struct Building {
    kind: BlockKind,
    start: usize,
    raw: Vec<u8>,
    /// (range of `raw`, source span, verbatim)
    pieces: Vec<(Range<usize>, ByteSpan, bool)>,
    emphasis: Vec<ByteSpan>,
    region: u8,
    /// Not owned by an element: text directly inside a container.
    anonymous: bool,
}

impl Building {
    fn push(&mut self, bytes: &[u8], source: ByteSpan, verbatim: bool) {
        let start = self.raw.len();
        self.raw.extend_from_slice(bytes);
        self.pieces.push((start..self.raw.len(), source, verbatim));
    }
}

const IN_MAIN: u8 = 1;
const IN_ARTICLE: u8 = 2;

/// The tree-building state. The tokenizer's emitter calls into it.
struct Builder<'a> {
    src: &'a str,
    pos: usize,
    last_end: usize,
    stack: Vec<Open>,
    skip_depth: usize,
    lists: Vec<ListCtx>,
    tables: Vec<TableCtx>,
    current: Option<Building>,
    done: Vec<(Block, u8)>,
    images: Vec<(Image, u8)>,
    seen_main: bool,
    seen_article: bool,
    errors: usize,
    first_error: Option<(usize, String)>,
    /// An element was opened past [`MAX_DEPTH`]: nothing after it is read.
    too_deep: bool,
}

/// Attributes of the current start tag that matter.
#[derive(Default)]
struct Attr {
    hidden: bool,
    alt: Option<String>,
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Self {
        Builder {
            src,
            pos: 0,
            last_end: 0,
            stack: Vec::new(),
            skip_depth: 0,
            lists: Vec::new(),
            tables: Vec::new(),
            current: None,
            done: Vec::new(),
            images: Vec::new(),
            seen_main: false,
            seen_article: false,
            errors: 0,
            first_error: None,
            too_deep: false,
        }
    }

    fn error(&mut self, at: usize, what: impl FnOnce() -> String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some((at, what()));
        }
    }

    fn region(&self) -> u8 {
        self.stack.iter().fold(0, |r, o| match o.name.as_slice() {
            b"main" => r | IN_MAIN,
            b"article" => r | IN_ARTICLE,
            _ => r,
        })
    }

    /// Index of the innermost open element named one of `names`, not past any of `stop`.
    fn find_open(&self, names: &[&[u8]], stop: &[&[u8]]) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if names.contains(&o.name.as_slice()) {
                return Some(i);
            }
            if stop.contains(&o.name.as_slice()) {
                return None;
            }
        }
        None
    }

    /// The role of the element that owns the current block, if any.
    fn owner_role(&self) -> Option<Role> {
        self.stack.iter().rev().find(|o| o.owns_block).map(|o| o.role)
    }

    /// Text arrived: `bytes` was emitted with the reader at `self.pos`.
    fn text(&mut self, bytes: &[u8]) {
        if self.too_deep {
            return;
        }
        let p = self.pos.min(self.src.len());
        let from = self.last_end.min(p);
        self.last_end = p;
        if self.skip_depth > 0 || bytes.is_empty() {
            return;
        }
        if self.current.is_none() {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return;
            }
            let region = self.region();
            self.current = Some(Building {
                kind: BlockKind::Paragraph,
                start: p.saturating_sub(bytes.len()).max(from),
                raw: Vec::new(),
                pieces: Vec::new(),
                emphasis: Vec::new(),
                region,
                anonymous: true,
            });
        }
        let src = self.src.as_bytes();
        let Some(cur) = self.current.as_mut() else { return };
        let n = bytes.len();
        // Verbatim when the bytes just before the reader are the text, and what lies between the
        // last known end and them is only a skipped line break.
        if p >= n && &src[p - n..p] == bytes && src[from.min(p - n)..p - n].iter().all(|b| matches!(b, b'\r' | b'\n')) {
            cur.push(bytes, ByteSpan::new(p - n, p), true);
            return;
        }
        if !align_newlines(cur, &src[from..p], from, bytes) {
            cur.push(bytes, ByteSpan::new(from, p), false);
        }
    }

    fn push_space(&mut self) {
        let at = self.pos;
        if let Some(c) = self.current.as_mut() {
            c.push(b" ", ByteSpan::empty(at), false);
        }
    }

    fn start_tag(&mut self, name: &[u8], attr: &Attr, self_closing: bool, start: usize, end: usize) {
        if self.too_deep {
            return;
        }
        let n = name;
        // Implied end tags.
        if CLOSES_P.contains(&n) {
            if let Some(i) =
                self.find_open(&[b"p"], &[b"div", b"li", b"td", b"th", b"blockquote", b"section", b"table"])
            {
                self.pop_to(i, start, None);
            }
        }
        let implied: Option<(Names, Names)> = match n {
            b"li" => Some((&[b"li"], &[b"ul", b"ol", b"menu"])),
            b"dt" | b"dd" => Some((&[b"dt", b"dd"], &[b"dl"])),
            b"tr" => Some((&[b"tr", b"td", b"th"], &[b"table"])),
            b"td" | b"th" => Some((&[b"td", b"th"], &[b"tr", b"table"])),
            b"thead" | b"tbody" | b"tfoot" => Some((&[b"thead", b"tbody", b"tfoot"], &[b"table"])),
            _ if HEADINGS.contains(&n) => Some((HEADINGS, &[b"div", b"section", b"article", b"main"])),
            _ => None,
        };
        if let Some((names, stop)) = implied {
            if let Some(i) = self.find_open(names, stop) {
                if HEADINGS.contains(&n) {
                    self.error(start, || "a heading starts inside another heading".to_owned());
                }
                self.pop_to(i, start, None);
            }
        }
        match n {
            b"main" => self.seen_main = true,
            b"article" => self.seen_article = true,
            _ => {}
        }
        let in_content =
            self.stack.iter().any(|o| matches!(o.name.as_slice(), b"main" | b"article" | b"section" | b"aside"));
        let skip = SKIPPED.contains(&n) || attr.hidden || (matches!(n, b"header" | b"footer") && !in_content);
        if n == b"img" {
            if self.skip_depth == 0 && !skip {
                let alt = attr.alt.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned);
                let region = self.region();
                self.images.push((Image { span: ByteSpan::new(start, end), alt }, region));
            }
            return;
        }
        if matches!(n, b"br" | b"wbr" | b"hr") {
            if self.skip_depth == 0 {
                self.push_space();
                if n == b"hr" {
                    self.close_anonymous(start);
                }
            }
            return;
        }
        if VOID.contains(&n) || (self_closing && matches!(n, b"svg" | b"math")) {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        let mut open = Open {
            name: n.to_vec(),
            skip,
            start,
            owns_block: false,
            role: Role::Other,
            strong: matches!(n, b"b" | b"strong"),
        };
        if skip || self.skip_depth > 0 {
            if skip {
                self.skip_depth += 1;
            }
            self.stack.push(open);
            return;
        }
        match n {
            b"ul" | b"ol" | b"menu" => {
                // A list inside a list item: the item's text so far is a block of its own.
                if self.owner_role() != Some(Role::Cell) {
                    self.flush_current(start);
                }
                self.lists.push(ListCtx { ordered: n == b"ol", next: 0 });
            }
            b"table" => {
                if self.owner_role() != Some(Role::Cell) {
                    self.flush_current(start);
                }
                self.tables.push(TableCtx { row: -1, col: 0, in_head: false, row_is_head: false });
            }
            b"thead" | b"tbody" | b"tfoot" => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_head = n == b"thead";
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row += 1;
                    t.col = 0;
                    t.row_is_head = t.in_head;
                }
            }
            _ => {}
        }
        let owner = self.owner_role();
        let kind = match n {
            _ if HEADINGS.contains(&n) => Some((BlockKind::Heading { level: n[1] - b'0' }, Role::Block)),
            b"p" | b"pre" | b"address" | b"summary" => Some((BlockKind::Paragraph, Role::Block)),
            b"dt" | b"dd" => Some((BlockKind::Paragraph, Role::Item)),
            b"caption" | b"figcaption" => Some((BlockKind::Caption, Role::Block)),
            b"li" => {
                let depth = self.lists.len().saturating_sub(1).min(usize::from(u8::MAX)) as u8;
                let (ordered, index) = self.lists.last_mut().map_or((false, 0), |l| {
                    l.next += 1;
                    (l.ordered, l.next - 1)
                });
                Some((BlockKind::ListItem { ordered, depth, index, marker: ByteSpan::new(start, end) }, Role::Item))
            }
            b"td" | b"th" => self.tables.last_mut().map(|t| {
                let col = t.col;
                t.col += 1;
                let header = n == b"th" || t.row_is_head;
                (BlockKind::TableCell { header, row: u32::try_from(t.row.max(0)).unwrap_or(u32::MAX), col }, Role::Cell)
            }),
            _ => None,
        };
        match (kind, owner) {
            // Inside a cell everything joins the cell; inside an item, paragraphs join the item.
            (Some(_), Some(Role::Cell)) if self.current.is_some() => self.push_space(),
            (Some((_, Role::Block)), Some(Role::Item)) if self.current.is_some() && !HEADINGS.contains(&n) => {
                self.push_space();
            }
            (Some((kind, role)), _) => {
                self.flush_current(start);
                let region = self.region();
                self.current = Some(Building {
                    kind,
                    start,
                    raw: Vec::new(),
                    pieces: Vec::new(),
                    emphasis: Vec::new(),
                    region,
                    anonymous: false,
                });
                open.owns_block = true;
                open.role = role;
            }
            (None, _) => {
                if CLOSES_P.contains(&n) || matches!(n, b"tr" | b"table") {
                    self.close_anonymous(start);
                }
            }
        }
        self.stack.push(open);
    }

    fn end_tag(&mut self, name: &[u8], start: usize, end: usize) {
        if self.too_deep {
            return;
        }
        if name == b"br" {
            if self.skip_depth == 0 {
                self.push_space();
            }
            return;
        }
        match self.stack.iter().rposition(|o| o.name == name) {
            Some(i) => {
                let unclosed: Vec<&Open> =
                    self.stack[i + 1..].iter().filter(|o| !OPTIONAL_END.contains(&o.name.as_slice())).collect();
                if let Some(o) = unclosed.first() {
                    let what = format!(
                        "<{}> is not closed before </{}>",
                        String::from_utf8_lossy(&o.name),
                        String::from_utf8_lossy(name)
                    );
                    let k = unclosed.len();
                    self.errors += k - 1;
                    self.error(start, || what);
                }
                self.pop_to(i, start, Some(end));
            }
            None => {
                if !VOID.contains(&name) && name != b"p" {
                    self.error(start, || format!("</{}> has no start tag", String::from_utf8_lossy(name)));
                }
            }
        }
    }

    /// Close the elements from the top of the stack down to `i`. `end` is the end of an explicit
    /// end tag for element `i`; the others close implicitly at `at`.
    fn pop_to(&mut self, i: usize, at: usize, end: Option<usize>) {
        while self.stack.len() > i {
            let Some(o) = self.stack.pop() else { break };
            let close_at = if self.stack.len() == i { end.unwrap_or(at) } else { at };
            if o.skip {
                self.skip_depth = self.skip_depth.saturating_sub(1);
                continue;
            }
            if self.skip_depth > 0 {
                continue;
            }
            if o.strong {
                if let Some(c) = self.current.as_mut() {
                    c.emphasis.push(ByteSpan::new(o.start, close_at));
                }
            }
            if o.owns_block {
                let explicit = self.stack.len() == i && end.is_some();
                self.finish_current(explicit.then_some(close_at));
            }
            match o.name.as_slice() {
                b"ul" | b"ol" | b"menu" => {
                    self.lists.pop();
                    self.close_anonymous(at);
                }
                b"table" => {
                    self.tables.pop();
                    if self.owner_role() != Some(Role::Cell) {
                        self.close_anonymous(at);
                    }
                }
                b"thead" => {
                    if let Some(t) = self.tables.last_mut() {
                        t.in_head = false;
                    }
                }
                n if CLOSES_P.contains(&n) || matches!(n, b"body" | b"html") => self.close_anonymous(at),
                _ => {}
            }
        }
    }

    /// Finish an anonymous paragraph (text directly in a container).
    fn close_anonymous(&mut self, _at: usize) {
        if self.current.as_ref().is_some_and(|c| c.anonymous) {
            self.finish_current(None);
        }
    }

    /// Finish whatever block is open (a list inside an item: the item's text so far).
    fn flush_current(&mut self, _at: usize) {
        self.finish_current(None);
    }

    /// Turn the current block into a [`Block`]. `end` is where its end tag ends, if explicit;
    /// otherwise the block ends with its last text.
    fn finish_current(&mut self, end: Option<usize>) {
        let Some(b) = self.current.take() else { return };
        let region = b.region;
        if let Some(block) = build(b, end) {
            self.done.push((block, region));
        }
    }

    fn finish(mut self, images: &mut Vec<Image>, notes: &mut Vec<String>) -> Vec<Block> {
        let len = self.src.len();
        for o in &self.stack {
            if !OPTIONAL_END.contains(&o.name.as_slice()) && !o.skip {
                self.errors += 1;
                if self.first_error.is_none() {
                    self.first_error = Some((len, format!("<{}> is never closed", String::from_utf8_lossy(&o.name))));
                }
            }
        }
        self.pop_to(0, len, None);
        self.finish_current(None);
        let mask = if self.seen_main {
            IN_MAIN
        } else if self.seen_article {
            IN_ARTICLE
        } else {
            0
        };
        let keep = |r: u8| mask == 0 || r & mask != 0;
        images.extend(self.images.into_iter().filter(|(_, r)| keep(*r)).map(|(i, _)| i));
        if self.errors > 0 {
            let (at, what) = self.first_error.unwrap_or((0, "a tokenizer error".to_owned()));
            let line = self.src.as_bytes()[..at.min(len)].iter().filter(|&&b| b == b'\n').count() + 1;
            let n = self.errors;
            notes.push(format!(
                "The HTML is not well formed ({n} problem{}; the first on line {line}: {what}). leaflint read it as a browser would.",
                if n == 1 { "" } else { "s" }
            ));
        }
        if self.too_deep {
            notes.push(format!(
                "The HTML nests elements more than {MAX_DEPTH} deep: leaflint stopped reading at that point."
            ));
        }
        let region = if self.seen_main {
            "<main>"
        } else if self.seen_article {
            "<article>"
        } else {
            "<body>"
        };
        if mask != 0 && self.done.iter().any(|(_, r)| !keep(*r)) {
            notes.push(format!("Only the page's {region} was checked: menus, banners and other parts were left out."));
        }
        self.done.into_iter().filter(|(_, r)| keep(*r)).map(|(b, _)| b).collect()
    }
}

/// Map `text` to `source` (starting at byte `from`) when they differ only by line breaks the
/// tokenizer normalised (`\r\n`, `\r` → `\n`): verbatim pieces with one non-verbatim piece per
/// break. False when they differ otherwise.
fn align_newlines(cur: &mut Building, source: &[u8], from: usize, text: &[u8]) -> bool {
    if source.len() < text.len() || source.len() > text.len() * 2 {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    let mut pieces: Vec<(Range<usize>, ByteSpan, bool)> = Vec::new();
    while i < source.len() && j < text.len() {
        if source[i] == b'\r' && text[j] == b'\n' {
            let w = if source.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            pieces.push((j..j + 1, ByteSpan::new(from + i, from + i + w), false));
            i += w;
            j += 1;
            continue;
        }
        if source[i] != text[j] {
            return false;
        }
        let (si, sj) = (i, j);
        while i < source.len() && j < text.len() && source[i] == text[j] && source[i] != b'\r' {
            i += 1;
            j += 1;
        }
        pieces.push((sj..j, ByteSpan::new(from + si, from + i), true));
    }
    if i != source.len() || j != text.len() {
        return false;
    }
    for (r, span, verbatim) in pieces {
        cur.push(&text[r], span, verbatim);
    }
    true
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Build the block: merge touching verbatim runs, collapse whitespace as a browser shows it.
fn build(b: Building, end: Option<usize>) -> Option<Block> {
    let mut merged: Vec<(Range<usize>, ByteSpan, bool)> = Vec::with_capacity(b.pieces.len());
    for p in b.pieces {
        if let Some(last) = merged.last_mut() {
            if last.2 && p.2 && last.0.end == p.0.start && last.1.end() == p.1.start() {
                last.0.end = p.0.end;
                last.1 = ByteSpan::new(last.1.start(), p.1.end());
                continue;
            }
        }
        merged.push(p);
    }
    let content_end = merged.iter().map(|p| p.1.end()).max().unwrap_or(b.start);
    let mut block = Block::new(b.kind, ByteSpan::new(b.start, end.unwrap_or(content_end)));
    for (range, span, verbatim) in merged {
        let bytes = &b.raw[range];
        let (text, verbatim) = match std::str::from_utf8(bytes) {
            Ok(t) => (Cow::Borrowed(t), verbatim),
            Err(_) => (String::from_utf8_lossy(bytes), false),
        };
        let t = text.as_bytes();
        let mut i = 0;
        while i < t.len() {
            let ws = is_space(t[i]);
            let mut j = i + 1;
            while j < t.len() && is_space(t[j]) == ws {
                j += 1;
            }
            let sub = if verbatim { ByteSpan::new(span.start() + i, span.start() + j) } else { span };
            if ws {
                if !block.analysed.is_empty() && !block.analysed.ends_with(' ') {
                    block.push_inline(" ", sub, verbatim && j - i == 1 && t[i] == b' ');
                }
            } else {
                // `i..j` are on char boundaries: whitespace bytes are ASCII.
                block.push_inline(&text[i..j], sub, verbatim);
            }
            i = j;
        }
    }
    let keep = block.analysed.trim_end_matches(' ').len();
    block.analysed.truncate(keep);
    block.pieces.retain(|p| p.analysed.start < keep);
    if let Some(p) = block.pieces.last_mut() {
        p.analysed.end = p.analysed.end.min(keep);
    }
    block.emphasis = b.emphasis;
    (!block.analysed.trim().is_empty()).then_some(block)
}

/// The html5gum emitter: collects the current tag and its attributes and hands complete tags
/// and text runs to the [`Builder`].
struct Html<'b, 'a> {
    b: &'b mut Builder<'a>,
    name: Vec<u8>,
    is_end: bool,
    self_closing: bool,
    tag_start: usize,
    attr: Attr,
    attr_name: Vec<u8>,
    attr_value: Vec<u8>,
    last_start: Vec<u8>,
}

impl Html<'_, '_> {
    fn flush_attribute(&mut self) {
        if self.attr_name.is_empty() {
            return;
        }
        self.attr_name.make_ascii_lowercase();
        let value = String::from_utf8_lossy(&self.attr_value);
        match self.attr_name.as_slice() {
            b"hidden" => self.attr.hidden = true,
            b"aria-hidden" => self.attr.hidden |= value.trim().eq_ignore_ascii_case("true"),
            b"style" => {
                let v: String = value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                self.attr.hidden |= v.contains("display:none") || v.contains("visibility:hidden");
            }
            b"class" => {
                self.attr.hidden |= value.split_ascii_whitespace().any(|c| {
                    let c = c.to_ascii_lowercase();
                    c.contains("visually-hidden") || c == "sr-only" || c == "screen-reader-text"
                });
            }
            b"role" => self.attr.hidden |= matches!(value.trim(), "navigation" | "search"),
            b"alt" => self.attr.alt = Some(value.into_owned()),
            _ => {}
        }
        self.attr_name.clear();
        self.attr_value.clear();
    }

    fn tag_start_here(&self) -> usize {
        let p = self.b.pos.min(self.b.src.len());
        memchr::memrchr(b'<', &self.b.src.as_bytes()[..p]).unwrap_or(p)
    }
}

impl Emitter for Html<'_, '_> {
    type Token = Infallible;

    fn move_position(&mut self, offset: isize) {
        self.b.pos = self.b.pos.saturating_add_signed(offset);
    }
    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start.clear();
        self.last_start.extend_from_slice(last_start_tag.unwrap_or_default());
    }
    fn emit_eof(&mut self) {}
    fn emit_error(&mut self, error: Error) {
        let at = self.b.pos;
        self.b.error(at, || format!("{error}"));
    }
    fn should_emit_errors(&mut self) -> bool {
        true
    }
    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }
    fn emit_string(&mut self, c: &[u8]) {
        self.b.text(c);
    }
    fn init_start_tag(&mut self) {
        self.name.clear();
        self.is_end = false;
        self.self_closing = false;
        self.attr = Attr::default();
        self.attr_name.clear();
        self.attr_value.clear();
        self.tag_start = self.tag_start_here();
    }
    fn init_end_tag(&mut self) {
        self.name.clear();
        self.is_end = true;
        self.self_closing = false;
        self.attr_name.clear();
        self.attr_value.clear();
        self.tag_start = self.tag_start_here();
    }
    fn init_comment(&mut self) {}
    fn emit_current_tag(&mut self) -> Option<State> {
        self.flush_attribute();
        let end = self.b.pos.min(self.b.src.len());
        self.b.last_end = end;
        self.name.make_ascii_lowercase();
        let start = self.tag_start.min(end);
        if self.is_end {
            self.b.end_tag(&self.name, start, end);
            None
        } else {
            let attr = std::mem::take(&mut self.attr);
            self.b.start_tag(&self.name, &attr, self.self_closing, start, end);
            self.last_start.clear();
            self.last_start.extend_from_slice(&self.name);
            if self.self_closing {
                None
            } else {
                html5gum::naive_next_state(&self.name)
            }
        }
    }
    fn emit_current_comment(&mut self) {
        self.b.last_end = self.b.pos.min(self.b.src.len());
    }
    fn emit_current_doctype(&mut self) {
        self.b.last_end = self.b.pos.min(self.b.src.len());
    }
    fn set_self_closing(&mut self) {
        self.self_closing = true;
    }
    fn set_force_quirks(&mut self) {}
    fn push_tag_name(&mut self, s: &[u8]) {
        self.name.extend_from_slice(s);
    }
    fn push_comment(&mut self, _s: &[u8]) {}
    fn push_doctype_name(&mut self, _s: &[u8]) {}
    fn init_doctype(&mut self) {}
    fn init_attribute(&mut self) {
        self.flush_attribute();
    }
    fn push_attribute_name(&mut self, s: &[u8]) {
        self.attr_name.extend_from_slice(s);
    }
    fn push_attribute_value(&mut self, s: &[u8]) {
        self.attr_value.extend_from_slice(s);
    }
    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}
    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}
    fn push_doctype_public_identifier(&mut self, _s: &[u8]) {}
    fn push_doctype_system_identifier(&mut self, _s: &[u8]) {}
    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.is_end && !self.last_start.is_empty() && self.name.eq_ignore_ascii_case(&self.last_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> (Vec<Block>, Vec<Image>, Vec<String>) {
        let (mut images, mut notes) = (Vec::new(), Vec::new());
        let (b, _) = parse(text, &mut images, &mut notes);
        (b, images, notes)
    }

    fn kinds(b: &[Block]) -> Vec<(String, &str)> {
        b.iter().map(|b| (b.kind.test_code(), b.analysed.as_str())).collect()
    }

    #[test]
    fn structure_and_region() {
        let page = "<!DOCTYPE html><html><head><title>Skip me</title><style>p{}</style></head><body>\
            <header><nav><a href=/>Home</a></nav></header>\
            <main><h1>Metformin</h1><p>Take it   with\n food.</p>\
            <ul><li>Rest<li><p>Drink</p><p>water</p><ol><li>slowly</li></ol></li></ul>\
            <table><caption>Doses</caption><thead><tr><th>Dose<th>When</thead><tr><td>1<td>night</table>\
            <div>Bare text<div hidden>secret</div></div><script>var x = '<p>no</p>';</script>\
            <p>Call <b>111</b> now.<span class=\"nhsuk-u-visually-hidden\">hidden</span></p></main>\
            <footer><p>Footer</p></footer></body></html>";
        let (b, _, notes) = blocks(page);
        let got = kinds(&b);
        let want: Vec<(String, &str)> = [
            ("h1", "Metformin"),
            ("p", "Take it with food."),
            ("ul0.0", "Rest"),
            ("ul0.1", "Drink water"),
            ("ol1.0", "slowly"),
            ("cap", "Doses"),
            ("tdh00", "Dose"),
            ("tdh01", "When"),
            ("td10", "1"),
            ("td11", "night"),
            ("p", "Bare text"),
            ("p", "Call 111 now."),
        ]
        .iter()
        .map(|(k, t)| ((*k).to_owned(), *t))
        .collect();
        assert_eq!(got, want);
        assert_eq!(b[11].emphasis.len(), 1);
        assert_eq!(b[11].emphasis[0].slice(page), "<b>111</b>");
        assert!(notes.iter().all(|n| !n.contains("not well formed")), "{notes:?}");
    }

    #[test]
    fn spans_point_at_the_source_through_entities_and_line_breaks() {
        let page = "<p>Fish &amp; chips\r\nare&nbsp;fine.&#32;Caf&eacute; <i>open</i>.</p>";
        let (b, _, _) = blocks(page);
        let p = &b[0];
        assert_eq!(p.analysed, "Fish & chips are\u{a0}fine. Café open.");
        let find = |s: &str| {
            let i = p.analysed.find(s).unwrap_or(0);
            p.span_of(i..i + s.len()).slice(page)
        };
        assert_eq!(find("&"), "&amp;");
        assert_eq!(find("chips"), "chips");
        assert_eq!(find("are"), "are");
        assert_eq!(find("\u{a0}"), "&nbsp;");
        assert_eq!(find("fine."), "fine.");
        assert_eq!(find("Caf"), "Caf");
        assert_eq!(find("open"), "open");
        assert_eq!(p.span.slice(page), page);
    }

    #[test]
    fn article_then_body_and_images() {
        let page = "<body><p>Site menu text</p><article><h1>Shingles</h1><img src=a.png alt=\" A rash \"><p>It is common.</p></article></body>";
        let (b, images, notes) = blocks(page);
        assert_eq!(kinds(&b), vec![("h1".to_owned(), "Shingles"), ("p".to_owned(), "It is common.")]);
        assert_eq!(images.len(), 1);
        assert_eq!(images[0].alt.as_deref(), Some("A rash"));
        assert!(notes.iter().any(|n| n.contains("<article>")));
        let (b, _, _) = blocks("Just some text<br>on two lines.");
        assert_eq!(kinds(&b), vec![("p".to_owned(), "Just some text on two lines.")]);
    }

    #[test]
    fn malformed_html_is_read_leniently_with_a_note() {
        let page = "<main><h2>Side effects<p>Nausea <b>is common.<p>Call 111</div></span><ul><li>one<li>two";
        let (b, _, notes) = blocks(page);
        assert_eq!(
            kinds(&b),
            vec![
                ("h2".to_owned(), "Side effects"),
                ("p".to_owned(), "Nausea is common."),
                ("p".to_owned(), "Call 111"),
                ("ul0.0".to_owned(), "one"),
                ("ul0.1".to_owned(), "two"),
            ]
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("The HTML is not well formed"), "{notes:?}");
        for bad in ["<", "<<>>&&;", "<p", "</", "<!--", "<p>a</p></p></p>", "<table><td>x<tr>", "\u{0}<p>\u{0}"] {
            let _ = blocks(bad);
        }
    }
}
