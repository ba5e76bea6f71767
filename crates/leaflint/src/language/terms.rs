//! One multi-pattern matcher for every term list (SPEC §1.3 "longest match first", §4.4, §4.5,
//! §4.12, §4.15): the jargon rows, the complex phrases, the NHS style words and the acronym
//! expansions, with their regular inflections and British/American spellings, in one table built
//! once. A document is searched once ([`find`]), over the ASCII-lower-cased analysed text of each
//! block; a match counts only when it starts and ends on word-token boundaries. Rules pick the
//! matches of the rows they own and take the longest.
//!
//! The table ([`Matcher`]) is a trie walked a token at a time, with hashes for its nodes: from
//! each token start the search extends the text token by token (the bytes between tokens
//! included), hashing as it goes; it stops as soon as the text so far is the prefix of no pattern
//! (a bitmap of the hashes of every pattern prefix) and reports the texts that are whole patterns
//! (a hash table, each hit compared byte for byte). It finds exactly the matches an Aho–Corasick
//! overlapping search would keep (every occurrence of every pattern that starts on a token start
//! and ends on a token end), in the same order, at about one hash step per byte of a leaflet and
//! without the automaton's build time (about 10 ms at the first check).

use crate::data::{acronyms, jargon, phrases, spelling, style_words};
use crate::document::Document;
use crate::text::Analysis;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The list and row a pattern comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermRef {
    /// A row of `jargon-plain.tsv`.
    Jargon(u32),
    /// A row of `complex-phrases.tsv`.
    Phrase(u32),
    /// A row of `nhs-style-words.tsv`.
    Style(u32),
    /// The expansion of a row of `acronyms.tsv` (a condition or service name).
    Expansion(u32),
    /// A term from the configuration (`jargon` table), by position.
    Extra(u32),
}

/// One row a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The row.
    pub term: TermRef,
    /// The pattern is an inflection of the row's term (`persists` for `persist`).
    pub inflected: bool,
}

/// A compiled set of patterns.
pub struct Matcher {
    /// The patterns (lower case, distinct).
    patterns: Vec<String>,
    entries: Vec<Vec<Entry>>,
    /// Open-addressed table of (hash, pattern) of every pattern; `u32::MAX` marks a free slot.
    table: Vec<(u64, u32)>,
    /// Bitmap of the hashes of every prefix of every pattern (one bit per prefix; collisions only
    /// cost a longer walk).
    prefixes: Vec<u64>,
    /// Longest pattern in bytes.
    max_len: usize,
}

/// FNV-1a, one byte at a time, so a walk extends the hash of the text so far.
const SEED: u64 = 0xCBF2_9CE4_8422_2325;

fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
}

impl Matcher {
    fn new(patterns: Vec<String>, entries: Vec<Vec<Entry>>) -> Matcher {
        let total: usize = patterns.iter().map(String::len).sum();
        let bits = (total * 8).next_power_of_two().max(1 << 10);
        let mut prefixes = vec![0u64; bits / 64];
        let slots = (patterns.len() * 2).next_power_of_two().max(16);
        let mut table = vec![(0u64, u32::MAX); slots];
        let mut max_len = 0;
        for (i, p) in patterns.iter().enumerate() {
            let mut h = SEED;
            for &b in p.as_bytes() {
                h = step(h, b);
                let bit = Self::bit(h, bits);
                prefixes[bit / 64] |= 1 << (bit % 64);
            }
            let mut slot = Self::slot(h, slots);
            while table[slot].1 != u32::MAX {
                slot = (slot + 1) & (slots - 1);
            }
            table[slot] = (h, i as u32);
            max_len = max_len.max(p.len());
        }
        Matcher { patterns, entries, table, prefixes, max_len }
    }
    fn bit(h: u64, bits: usize) -> usize {
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (bits - 1)
    }
    fn slot(h: u64, slots: usize) -> usize {
        (h >> 40) as usize & (slots - 1)
    }
    /// True when some pattern may start with the text whose hash is `h` (false: none does).
    fn is_prefix(&self, h: u64) -> bool {
        let bit = Self::bit(h, self.prefixes.len() * 64);
        self.prefixes[bit / 64] & (1 << (bit % 64)) != 0
    }
    /// The pattern equal to `text` (whose hash is `h`).
    fn pattern(&self, h: u64, text: &[u8]) -> Option<usize> {
        let mask = self.table.len() - 1;
        let mut slot = Self::slot(h, self.table.len());
        loop {
            let (ph, p) = self.table[slot];
            if p == u32::MAX {
                return None;
            }
            if ph == h && self.patterns[p as usize].as_bytes() == text {
                return Some(p as usize);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// A pattern found in a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermMatch {
    /// Block index.
    pub block: usize,
    /// Byte range in the block's analysed text.
    pub range: Range<usize>,
    /// Token indices (into [`Analysis::tokens`]) covered.
    pub tokens: Range<usize>,
    /// The rows the matched pattern stands for.
    pub entries: &'static [Entry],
}

impl TermMatch {
    /// Number of word tokens spanned, for longest-first choices.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
    /// Never empty; for clippy.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
    /// The best entry of a row accepted by `keep`: an exact form before an inflected one.
    pub fn pick(&self, mut keep: impl FnMut(TermRef) -> bool) -> Option<Entry> {
        let mut best: Option<Entry> = None;
        for e in self.entries {
            if keep(e.term) && best.is_none_or(|b| b.inflected && !e.inflected) {
                best = Some(*e);
            }
        }
        best
    }
}

/// The forms of a source term: brackets removed, lower case, and `X/Y` split when `split_slash`.
pub fn base_forms(term: &str, split_slash: bool) -> Vec<String> {
    let stripped = jargon::strip_brackets(term);
    let parts: Vec<&str> = if split_slash { stripped.split('/').collect() } else { vec![stripped.as_str()] };
    parts
        .into_iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| s.chars().any(char::is_alphabetic) && !s.ends_with('-') && !s.starts_with('-'))
        .collect()
}

/// British and American respellings of a lower-case phrase, word by word (the phrase itself first).
fn spellings(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let mut out = vec![String::new()];
    for (i, w) in words.iter().enumerate() {
        let mut forms = vec![*w];
        if let Some(us) = spelling::uk_to_us(w) {
            forms.push(us);
        }
        forms.extend(spelling::us_to_uk_all(w));
        let mut next = Vec::new();
        for prefix in &out {
            for f in &forms {
                if next.len() < 16 {
                    next.push(if i == 0 { (*f).to_owned() } else { format!("{prefix} {f}") });
                }
            }
        }
        out = next;
    }
    out
}

/// Inflections of a phrase: its last word as a plural or verb form and its first word as a verb
/// form (`experience side effects` → `experienced side effects`).
fn inflections(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let mut out = Vec::new();
    let Some((last, head)) = words.split_last() else { return out };
    if last.chars().all(|c| c.is_ascii_alphabetic()) && last.len() >= 2 {
        for v in super::inflect::variants(last) {
            out.push(if head.is_empty() { v } else { format!("{} {v}", head.join(" ")) });
        }
    }
    if words.len() > 1 {
        let first = words[0];
        if first.chars().all(|c| c.is_ascii_alphabetic()) && !first.ends_with("ing") && !first.ends_with("ed") {
            for v in super::inflect::variants(first) {
                out.push(format!("{v} {}", words[1..].join(" ")));
            }
        }
    }
    out
}

#[derive(Default)]
struct Builder {
    index: HashMap<String, usize>,
    patterns: Vec<String>,
    entries: Vec<Vec<Entry>>,
}

impl Builder {
    fn add(&mut self, pattern: String, entry: Entry) {
        if pattern.is_empty() {
            return;
        }
        for p in [pattern.replace('\'', "’"), pattern] {
            let i = *self.index.entry(p.clone()).or_insert_with(|| {
                self.patterns.push(p);
                self.entries.push(Vec::new());
                self.patterns.len() - 1
            });
            if !self.entries[i].contains(&entry) {
                self.entries[i].push(entry);
            }
        }
    }

    fn add_term(&mut self, term: &str, r: TermRef, inflect: bool) {
        for base in base_forms(term, matches!(r, TermRef::Jargon(_))) {
            for form in spellings(&base) {
                if inflect {
                    for v in inflections(&form) {
                        self.add(v, Entry { term: r, inflected: true });
                    }
                }
                self.add(form, Entry { term: r, inflected: false });
            }
        }
    }

    fn build(self) -> Matcher {
        Matcher::new(self.patterns, self.entries)
    }
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut b = Builder::default();
    for (i, row) in jargon::rows().iter().enumerate() {
        b.add_term(row.term, TermRef::Jargon(i as u32), true);
    }
    for (i, row) in phrases::rows().iter().enumerate() {
        b.add_term(row.phrase, TermRef::Phrase(i as u32), true);
    }
    for (i, row) in style_words::rows().iter().enumerate() {
        b.add(row.flagged.to_owned(), Entry { term: TermRef::Style(i as u32), inflected: false });
    }
    for (i, row) in acronyms::rows().iter().enumerate() {
        let e = row.expansion_plain().to_lowercase();
        if e.contains(' ') {
            for form in [e.clone(), e.replace('-', ""), e.replace('-', " ")] {
                b.add_term(&form, TermRef::Expansion(i as u32), true);
            }
        }
    }
    b.build()
});

/// A matcher for configured extra terms (`term` → index), built per check.
pub fn extra_matcher(terms: &[&str]) -> Matcher {
    let mut b = Builder::default();
    for (i, t) in terms.iter().enumerate() {
        b.add_term(t, TermRef::Extra(i as u32), true);
    }
    b.build()
}

/// Number of patterns in the built-in matcher (forces the build).
pub fn pattern_count() -> usize {
    MATCHER.entries.len()
}

/// Most configured extra terms matched (more are ignored).
pub const MAX_EXTRA_TERMS: usize = 1024;

static EXTRA_ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    (0..MAX_EXTRA_TERMS as u32)
        .flat_map(|i| [false, true].map(|inflected| Entry { term: TermRef::Extra(i), inflected }))
        .collect()
});

/// Every match of the built-in lists in a document, in the order the matcher reports them (by
/// where they end).
pub fn find(doc: &Document, an: &Analysis) -> Vec<TermMatch> {
    let m: &'static Matcher = &MATCHER;
    find_with(m, doc, an, |p| &m.entries[p])
}

/// Every match of a matcher built by [`extra_matcher`] (its first row per pattern).
pub fn find_extra(m: &Matcher, doc: &Document, an: &Analysis) -> Vec<TermMatch> {
    let table: &'static [Entry] = &EXTRA_ENTRIES;
    find_with(m, doc, an, |p| match m.entries[p].first() {
        Some(Entry { term: TermRef::Extra(i), inflected }) if (*i as usize) < MAX_EXTRA_TERMS => {
            let k = *i as usize * 2 + usize::from(*inflected);
            &table[k..=k]
        }
        _ => &[],
    })
}

fn find_with(
    m: &Matcher,
    doc: &Document,
    an: &Analysis,
    entries: impl Fn(usize) -> &'static [Entry],
) -> Vec<TermMatch> {
    let mut out = Vec::new();
    if m.patterns.is_empty() {
        return out;
    }
    let mut lower = String::new();
    // Per block: (end, start token, end token, pattern) of the matches.
    let mut hits: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut t = 0usize;
    for (bi, block) in doc.blocks.iter().enumerate() {
        let first = t;
        while t < an.tokens.len() && an.tokens[t].block as usize == bi {
            t += 1;
        }
        let toks = &an.tokens[first..t];
        if toks.is_empty() {
            continue;
        }
        lower.clear();
        lower.push_str(&block.analysed);
        lower.make_ascii_lowercase();
        let hay = lower.as_bytes();
        hits.clear();
        for (a, ka) in toks.iter().enumerate() {
            let s = ka.analysed.start;
            if a > 0 && toks[a - 1].analysed.start == s {
                continue;
            }
            // Extend the text from `s` token by token while it is a pattern prefix.
            let (mut h, mut at) = (SEED, s);
            for (z, kz) in toks[a..].iter().enumerate() {
                let e = kz.analysed.end;
                if e <= at {
                    continue;
                }
                if e - s > m.max_len {
                    break;
                }
                let Some(bytes) = hay.get(at..e) else { break };
                h = bytes.iter().fold(h, |h, &b| step(h, b));
                at = e;
                if !m.is_prefix(h) {
                    break;
                }
                if let Some(p) = m.pattern(h, &hay[s..e]) {
                    hits.push((e, a, a + z, p));
                }
            }
        }
        // The order of an overlapping search: by end, then longest (earliest start) first.
        hits.sort_unstable();
        for &(e, a, z, p) in &hits {
            if !toks[a..=z].iter().any(|k| k.is_word()) {
                continue;
            }
            let s = toks[a].analysed.start;
            out.push(TermMatch { block: bi, range: s..e, tokens: first + a..first + z + 1, entries: entries(p) });
        }
    }
    // Matches come in order of their end; callers that need another order sort their own picks.
    out
}

/// Longest first (in bytes), then leftmost: the items whose token ranges no longer item
/// shares, in document order.
pub fn longest_first<T>(mut items: Vec<T>, key: impl Fn(&T) -> &TermMatch) -> Vec<T> {
    if items.is_empty() {
        return items;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (key(&items[a]), key(&items[b]));
        y.range.len().cmp(&x.range.len()).then(x.tokens.start.cmp(&y.tokens.start))
    });
    // Taken tokens; matches are a few tokens long, so a small set beats a document-sized bitmap.
    let mut taken: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    let mut keep = vec![false; items.len()];
    for i in order {
        let r = key(&items[i]).tokens.clone();
        if !r.clone().any(|t| taken.contains(&t)) {
            taken.extend(r);
            keep[i] = true;
        }
    }
    let mut k = keep.into_iter();
    items.retain(|_| k.next().unwrap_or(false));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::decode;
    use crate::text::syllables::NumberStyle;

    /// Every (start token, end token) pair whose lower-cased text is a pattern, by brute force.
    fn naive(m: &Matcher, doc: &Document, an: &Analysis) -> Vec<(usize, Range<usize>, Range<usize>, usize)> {
        let index: HashMap<&str, usize> = m.patterns.iter().enumerate().map(|(i, p)| (p.as_str(), i)).collect();
        let mut out = Vec::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let lower = block.analysed.to_ascii_lowercase();
            let toks: Vec<usize> = (0..an.tokens.len()).filter(|&t| an.tokens[t].block as usize == bi).collect();
            let mut hits = Vec::new();
            for (i, &a) in toks.iter().enumerate() {
                for &z in &toks[i..] {
                    let (s, e) = (an.tokens[a].analysed.start, an.tokens[z].analysed.end);
                    if e - s > m.max_len {
                        break;
                    }
                    if let Some(&p) = lower.get(s..e).and_then(|t| index.get(t)) {
                        if an.tokens[a..=z].iter().any(|k| k.is_word()) {
                            hits.push((e, s, a, z, p));
                        }
                    }
                }
            }
            hits.sort_unstable();
            out.extend(hits.into_iter().map(|(e, s, a, z, p)| (bi, s..e, a..z + 1, p)));
        }
        out
    }

    fn check(text: &str) -> usize {
        let doc = decode(text.as_bytes(), Some(crate::Format::Markdown), None).unwrap();
        let an = Analysis::new(&doc, NumberStyle::default());
        let found: Vec<_> = find(&doc, &an)
            .into_iter()
            .map(|t| {
                let p = MATCHER.entries.iter().position(|e| std::ptr::eq(e.as_slice(), t.entries)).unwrap();
                (t.block, t.range, t.tokens, p)
            })
            .collect();
        assert_eq!(found, naive(&MATCHER, &doc, &an));
        found.len()
    }

    #[test]
    fn finds_what_a_brute_force_search_finds() {
        let n = check(
            "If you experienced side effects, speak to a doctor or pharmacist.\n\n\
             You’re at risk of deep vein thrombosis (DVT) after a follow-up appointment.\n\n\
             Commence treatment prior to the procedure; in order to reduce the risk, \
             adhere to the dosage.\n\n- Non-steroidal anti-inflammatory drugs (NSAIDs) & paracetamol",
        );
        assert!(n >= 8, "{n}");
        for text in [
            include_str!("../../../../tests/corpus/nhs-metformin.md"),
            include_str!("../../../../tests/corpus/medlineplus-type-2-diabetes.md"),
            include_str!("../../../../tests/corpus/fda-otc-pain-relievers.md"),
        ] {
            assert!(check(text) > 20);
        }
    }

    #[test]
    fn empty_matcher_finds_nothing() {
        let doc = decode(b"Take your tablets.", None, None).unwrap();
        let an = Analysis::new(&doc, NumberStyle::default());
        assert!(find_extra(&extra_matcher(&[]), &doc, &an).is_empty());
        let m = extra_matcher(&["your tablets"]);
        assert_eq!(find_extra(&m, &doc, &an).len(), 1);
    }
}
