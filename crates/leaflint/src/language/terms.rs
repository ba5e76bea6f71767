//! One multi-pattern matcher for every term list (SPEC §1.3 "longest match first", §4.4, §4.5,
//! §4.12, §4.15): the jargon rows, the complex phrases, the NHS style words and the acronym
//! expansions, with their regular inflections and British/American spellings, in one
//! Aho–Corasick automaton built once. A document is searched once ([`find`]), over the
//! ASCII-lower-cased analysed text of each block; a match counts only when it starts and ends on
//! word-token boundaries. Rules pick the matches of the rows they own and take the longest.

use crate::data::{acronyms, jargon, phrases, spelling, style_words};
use crate::document::Document;
use crate::text::Analysis;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
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
    ac: Option<AhoCorasick>,
    entries: Vec<Vec<Entry>>,
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
        // The default (contiguous NFA) rather than a DFA: a DFA searches the 1 MB benchmark about
        // 3 % faster but doubles the cold start (19 -> 38 ms native, more in the widget's first
        // result), and a leaflet of a few KB never wins that back.
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&self.patterns)
            .expect("term patterns build an automaton");
        Matcher { ac: Some(ac), entries: self.entries }
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
    if b.patterns.is_empty() {
        return Matcher { ac: None, entries: Vec::new() };
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
    let Some(ac) = &m.ac else { return out };
    let mut lower = String::new();
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
        for hit in ac.find_overlapping_iter(lower.as_str()) {
            let (s, e) = (hit.start(), hit.end());
            let Ok(a) = toks.binary_search_by_key(&s, |k| k.analysed.start) else { continue };
            let Some(z) = toks[a..].iter().position(|k| k.analysed.end >= e) else { continue };
            if toks[a + z].analysed.end != e || !toks[a..=a + z].iter().any(|k| k.is_word()) {
                continue;
            }
            out.push(TermMatch {
                block: bi,
                range: s..e,
                tokens: first + a..first + a + z + 1,
                entries: entries(hit.pattern().as_usize()),
            });
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
