//! Text layer (SPEC §2): sentence units, word tokens and syllables for every block.
//!
//! [`Analysis::new`] runs the segmenter and tokenizer on each block's analysed text and maps every
//! range back to source bytes. Nothing here knows about rules or output.

pub mod action;
pub mod segment;
pub mod syllables;
pub mod tokens;

use crate::document::{BlockKind, Document};
use crate::span::ByteSpan;
use serde::Serialize;
use std::ops::Range;
use syllables::{NumberStyle, SyllableSource};
use tokens::{RawToken, TokenClass};

/// What a unit is (SPEC §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// A heading block.
    Heading,
    /// Ends with terminal punctuation (`.` `?` `!` `…`) or `:`.
    Sentence,
    /// Anything else: a list item like `a high temperature`, a table cell, an unpunctuated line.
    Fragment,
}

/// A sentence-like unit of one block.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Heading, sentence or fragment.
    pub kind: UnitKind,
    /// Index of its block in [`Document::blocks`].
    pub block: usize,
    /// Byte range in the block's analysed text.
    pub analysed: Range<usize>,
    /// Source bytes.
    pub span: ByteSpan,
    /// Its tokens: a range of [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Number of words (word, number and acronym tokens).
    pub words: u32,
    /// Whether the unit counts for the formulas (SPEC §2.1).
    pub counted: bool,
    /// Extra SMOG sentences from the semicolon rule.
    pub smog_extra: u32,
}

/// One token with its syllables.
#[derive(Clone, Debug)]
pub struct Token {
    /// Index of its block.
    pub block: u32,
    /// Byte range in the block's analysed text.
    pub analysed: Range<usize>,
    /// Source bytes.
    pub span: ByteSpan,
    /// Word, number, acronym, URL, punctuation or symbol.
    pub class: TokenClass,
    /// A phone or service number (one token, read digit by digit).
    pub phone: bool,
    /// The first word of its unit.
    pub unit_start: bool,
    /// Syllables (0 for non-words).
    pub syllables: u32,
    /// Where the count came from (`None` for non-words).
    pub syllable_source: Option<SyllableSource>,
    /// Its characters by kind (all zero for non-words), counted once per distinct word.
    pub chars: CharCounts,
    /// Its distinct word text: word tokens with the same text share it, numbered from 0 in the
    /// order of their first token (`u32::MAX` for non-words). Lets later passes keep per-word
    /// tables without hashing every token again.
    pub word_id: u32,
}

/// A per-document memo of a per-word answer, by [`Token::word_id`]: computed once per distinct
/// word text, with no hashing of the token (non-words are computed every time).
#[derive(Debug)]
pub struct WordMemo<T: Copy> {
    memo: Vec<Option<T>>,
}

impl<T: Copy> Default for WordMemo<T> {
    fn default() -> Self {
        WordMemo { memo: Vec::new() }
    }
}

impl<T: Copy> WordMemo<T> {
    /// The answer for token `t`: `f()` the first time its word is seen.
    pub fn get(&mut self, t: &Token, f: impl FnOnce() -> T) -> T {
        if t.word_id == u32::MAX {
            return f();
        }
        let i = t.word_id as usize;
        if i >= self.memo.len() {
            self.memo.resize(i + 1, None);
        }
        *self.memo[i].get_or_insert_with(f)
    }
}

/// The characters of a word token by kind, for the readability formulas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CharCounts {
    /// Alphabetic characters (Unicode `Alphabetic`).
    pub alphabetic: u32,
    /// Alphanumeric characters (Unicode `Alphabetic` or `Numeric`).
    pub alphanumeric: u32,
    /// ASCII digits.
    pub digits: u32,
}

impl CharCounts {
    /// The counts of `text`.
    pub fn of(text: &str) -> CharCounts {
        if text.is_ascii() {
            let (mut alphabetic, mut digits) = (0, 0);
            for b in text.bytes() {
                alphabetic += u32::from(b.is_ascii_alphabetic());
                digits += u32::from(b.is_ascii_digit());
            }
            return CharCounts { alphabetic, alphanumeric: alphabetic + digits, digits };
        }
        let mut c = CharCounts::default();
        for ch in text.chars() {
            c.alphabetic += u32::from(ch.is_alphabetic());
            c.alphanumeric += u32::from(ch.is_alphanumeric());
            c.digits += u32::from(ch.is_ascii_digit());
        }
        c
    }
}

impl Token {
    /// True for word, number and acronym tokens.
    pub fn is_word(&self) -> bool {
        self.class.is_word()
    }
}

/// Units and tokens of a whole document.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Units in document order.
    pub units: Vec<Unit>,
    /// Tokens in document order.
    pub tokens: Vec<Token>,
}

/// Table-cell fragments count for the formulas from this many words (SPEC §1.6 †).
pub const TABLE_CELL_MIN_WORDS: u32 = 3;
/// The SMOG semicolon split applies to units of at least this many words (†).
pub const SMOG_SEMICOLON_MIN_WORDS: u32 = 10;
/// ... with at least this many words on each side of the semicolon (†).
pub const SMOG_SEMICOLON_SIDE_WORDS: u32 = 3;

impl Analysis {
    /// Segment, tokenise and count syllables for every block of `doc`.
    pub fn new(doc: &Document, style: NumberStyle) -> Analysis {
        let mut units = Vec::new();
        let mut tokens = Vec::with_capacity(doc.text.len() / 5);
        let mut raw: Vec<RawToken> = Vec::new();
        // Leaflets repeat their words: count each distinct form once.
        // Per distinct word text: its word id and (for non-phone tokens) its counts.
        type Counts = (u32, SyllableSource, CharCounts);
        let mut cache: rustc_hash::FxHashMap<&str, (u32, Option<Counts>)> = rustc_hash::FxHashMap::default();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let text = block.analysed.as_str();
            ranges.clear();
            if block.kind.is_heading() {
                let r = crate::document::trim_range_pub(text, 0..text.len());
                if !r.is_empty() {
                    ranges.push(r);
                }
            } else {
                ranges.extend(segment::sentences(text));
            }
            for r in &ranges {
                raw.clear();
                tokens::tokenize_into(&text[r.clone()], r.start, &mut raw);
                let first_token = tokens.len();
                let mut words = 0u32;
                let mut seen_word = false;
                let mut semis: Vec<u32> = Vec::new(); // word counts before each ';'
                for t in &raw {
                    let s = &text[t.range.clone()];
                    if t.class == TokenClass::Punct && s == ";" {
                        semis.push(words);
                    }
                    let word = t.class.is_word();
                    let (syl, src, chars, word_id) = if !word {
                        (0, None, CharCounts::default(), u32::MAX)
                    } else {
                        let next = cache.len() as u32;
                        let (id, counts) = cache.entry(s).or_insert((next, None));
                        if t.phone {
                            (syllables::count_phone(s), Some(SyllableSource::Number), CharCounts::of(s), *id)
                        } else {
                            let (n, src, chars) = *counts.get_or_insert_with(|| {
                                let (n, src) = syllables::count(s, style);
                                (n, src, CharCounts::of(s))
                            });
                            (n, Some(src), chars, *id)
                        }
                    };
                    tokens.push(Token {
                        block: bi as u32,
                        analysed: t.range.clone(),
                        span: block.span_of(t.range.clone()),
                        class: t.class,
                        phone: t.phone,
                        unit_start: word && !seen_word,
                        syllables: syl,
                        syllable_source: src,
                        chars,
                        word_id,
                    });
                    if word {
                        words += 1;
                        seen_word = true;
                    }
                }
                let kind = if block.kind.is_heading() {
                    UnitKind::Heading
                } else if ends_as_sentence(&text[r.clone()]) {
                    UnitKind::Sentence
                } else {
                    UnitKind::Fragment
                };
                let counted = match (kind, block.kind) {
                    (UnitKind::Heading, _) => false,
                    (_, BlockKind::TableCell { .. }) => words >= TABLE_CELL_MIN_WORDS,
                    _ => words > 0,
                };
                let smog_extra = if counted && words >= SMOG_SEMICOLON_MIN_WORDS {
                    let mut extra = 0;
                    let mut last = 0;
                    for &before in &semis {
                        if before - last >= SMOG_SEMICOLON_SIDE_WORDS && words - before >= SMOG_SEMICOLON_SIDE_WORDS {
                            extra += 1;
                            last = before;
                        }
                    }
                    extra
                } else {
                    0
                };
                units.push(Unit {
                    kind,
                    block: bi,
                    analysed: r.clone(),
                    span: block.span_of(r.clone()),
                    tokens: first_token..tokens.len(),
                    words,
                    counted,
                    smog_extra,
                });
            }
        }
        Analysis { units, tokens }
    }

    /// The tokens of a unit.
    pub fn unit_tokens(&self, unit: &Unit) -> &[Token] {
        &self.tokens[unit.tokens.clone()]
    }

    /// The words (word, number, acronym tokens) of a unit.
    pub fn unit_words<'a>(&'a self, unit: &Unit) -> impl Iterator<Item = &'a Token> + 'a {
        self.tokens[unit.tokens.clone()].iter().filter(|t| t.is_word())
    }
}

/// The analysed text of a token.
pub fn token_text<'a>(doc: &'a Document, t: &Token) -> &'a str {
    &doc.blocks[t.block as usize].analysed[t.analysed.clone()]
}

/// The analysed text of a unit.
pub fn unit_text<'a>(doc: &'a Document, u: &Unit) -> &'a str {
    &doc.blocks[u.block].analysed[u.analysed.clone()]
}

fn ends_as_sentence(s: &str) -> bool {
    let t =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '*' | '_'));
    t.ends_with(['.', '?', '!', '…', ':'])
}
