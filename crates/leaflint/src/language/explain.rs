//! Explained terms (SPEC §4.4, §4.6, §4.8): a term is explained where the text says what it means,
//! and from there on it is not reported again.
//!
//! At a use of a term (tokens `range`):
//! * `plain words (term)` — the term alone in brackets after other words;
//! * `term (explanation)` — brackets right after it holding ≥ 2 words or one of its alternatives;
//! * `term, which means …`, `term means …`, `term is when/where …`, `term is a/an/the …` (not
//!   "is a common/rare/serious …", which says how often, not what);
//! * `called term`, `known as term`;
//! * a glossary entry (`term: …` or `term – …` under a heading Glossary / Words to know / What the
//!   words mean) explains the term everywhere.

use super::Lang;
use crate::document::BlockKind;
use crate::text::tokens::TokenClass;
use std::collections::HashSet;
use std::ops::Range;

/// Headings that start a glossary section (lower case, no final punctuation).
pub const GLOSSARY_HEADINGS: &[&str] =
    &["glossary", "words to know", "what the words mean", "medical words", "words we use", "jargon buster"];

/// Words after `is a` that describe how common or bad something is, not what it is.
const NOT_A_DEFINITION: &[&str] =
    &["common", "rare", "serious", "possible", "known", "frequent", "usual", "very", "side", "good", "bad", "sign"];

/// Maximum words in a bracket or glossary term we look at.
const MAX_BRACKET_TOKENS: usize = 40;

/// Glossary entries of a document.
#[derive(Debug, Default)]
pub struct Explanations {
    glossary: HashSet<String>,
}

impl Explanations {
    /// Collect the glossary entries.
    pub fn new(lang: &Lang<'_>) -> Explanations {
        let mut glossary = HashSet::new();
        let mut in_glossary: Option<u8> = None;
        for b in &lang.doc.blocks {
            if let BlockKind::Heading { level } = b.kind {
                let h = b.analysed.trim().trim_end_matches([':', '.', '?']).to_lowercase();
                if GLOSSARY_HEADINGS.contains(&h.as_str()) {
                    in_glossary = Some(level);
                } else if in_glossary.is_some_and(|l| level <= l) {
                    in_glossary = None;
                }
                continue;
            }
            if in_glossary.is_none() {
                continue;
            }
            let text = b.analysed.trim();
            let cut = [":", " – ", " - ", " — "].iter().filter_map(|s| text.find(s)).min();
            if let Some(c) = cut {
                let term = text[..c].trim().trim_matches(['*', '_']).to_lowercase();
                if !term.is_empty() && term.split_whitespace().count() <= 5 {
                    glossary.insert(term);
                }
            }
        }
        Explanations { glossary }
    }

    /// True when `term` (any case) has a glossary entry.
    pub fn in_glossary(&self, term: &str) -> bool {
        !self.glossary.is_empty() && self.glossary.contains(&term.to_lowercase())
    }
}

fn same_block(lang: &Lang<'_>, i: usize, j: usize) -> bool {
    lang.an.tokens.get(j).is_some_and(|t| t.block == lang.an.tokens[i].block)
}

/// The token range inside the bracket opened at token `open`, if it closes in the same block.
pub fn bracket_after(lang: &Lang<'_>, open: usize) -> Option<Range<usize>> {
    if !same_block(lang, open, open) || lang.tok(open) != "(" {
        return None;
    }
    let mut j = open + 1;
    while same_block(lang, open, j) && j - open <= MAX_BRACKET_TOKENS {
        match lang.tok(j) {
            ")" => return Some(open + 1..j),
            "(" => return None,
            _ => j += 1,
        }
    }
    None
}

/// Word count of a token range.
pub fn words_in(lang: &Lang<'_>, r: Range<usize>) -> usize {
    r.filter(|&k| lang.token(k).is_word()).count()
}

/// The text of a token range as written, single-spaced.
pub fn text_of(lang: &Lang<'_>, r: Range<usize>) -> String {
    let toks = &lang.an.tokens[r.clone()];
    match (toks.first(), toks.last()) {
        (Some(a), Some(z)) => lang.doc.blocks[a.block as usize].analysed[a.analysed.start..z.analysed.end].to_owned(),
        _ => String::new(),
    }
}

/// True when the use of a term at tokens `range` explains it (see the module docs).
/// `alternatives` are the term's plain alternatives, if any.
pub fn explained_at(lang: &Lang<'_>, range: Range<usize>, alternatives: &[String]) -> bool {
    let (s, e) = (range.start, range.end);
    // Fast path: every form needs one of these next to the term.
    let next = if same_block(lang, s, e) { lang.tok(e) } else { "" };
    let prev = if s > 0 && same_block(lang, s, s - 1) { lang.lower(s - 1) } else { "" };
    let prev_tok = if s > 0 && same_block(lang, s, s - 1) { lang.tok(s - 1) } else { "" };
    let next_lower = lang.lower(e);
    if glossed_after(lang, s, e) {
        return true;
    }
    if !matches!(next, "(" | ",")
        && !matches!(next_lower, "means" | "mean" | "is" | "are")
        && prev_tok != "("
        && !matches!(prev, "called" | "named" | "as" | "a" | "an" | "the")
    {
        return false;
    }
    // plain words (term)
    if s >= 2
        && lang.tok(s - 1) == "("
        && same_block(lang, s, s - 2)
        && lang.token(s - 2).is_word()
        && same_block(lang, s, e)
        && lang.an.tokens.get(e).is_some_and(|_| lang.tok(e) == ")")
    {
        return true;
    }
    // term (explanation)
    if same_block(lang, s, e) {
        if let Some(inner) = bracket_after(lang, e) {
            let text = text_of(lang, inner.clone()).to_lowercase();
            if words_in(lang, inner) >= 2 || alternatives.iter().any(|a| a.eq_ignore_ascii_case(&text)) {
                return true;
            }
        }
    }
    let mut next = lang.next_words(e - 1);
    let (w1, w2) = (next.next().unwrap_or(""), next.next().unwrap_or(""));
    if matches!(w1, "means" | "mean") {
        return true;
    }
    if matches!(w1, "is" | "are")
        && (matches!(w2, "when" | "where")
            || (matches!(w2, "a" | "an" | "the") && !next.next().is_some_and(|w3| NOT_A_DEFINITION.contains(&w3))))
    {
        return true;
    }
    // term, which means …
    if same_block(lang, s, e)
        && lang.an.tokens.get(e).is_some_and(|t| t.class == TokenClass::Punct)
        && lang.tok(e) == ","
    {
        let mut which = lang.next_words(e);
        if which.next() == Some("which") && matches!(which.next(), Some("means" | "is" | "are")) {
            return true;
        }
    }
    let mut before = lang.prev_words(s).peekable();
    if before.peek().is_some_and(|w| matches!(*w, "a" | "an" | "the")) {
        before.next();
    }
    matches!((before.next(), before.next()), (Some("called" | "named"), _) | (Some("as"), Some("known")))
}

/// `term – a small tube passed …`, `probenecid, a medicine for gout`, `myasthenia gravis, a
/// condition that …`: a dash or an appositive `, a …` right after the term (or after one more
/// word of a two-word name) that goes on for at least two words.
fn glossed_after(lang: &Lang<'_>, s: usize, e: usize) -> bool {
    for k in [e, e + 1] {
        if k >= lang.an.tokens.len() || !same_block(lang, s, k) {
            return false;
        }
        if k == e + 1 && !lang.token(e).is_word() {
            return false;
        }
        let t = lang.tok(k);
        let dash = matches!(t, "–" | "—") || (t == "-" && lang.token(k).span.start() > lang.token(k - 1).span.end());
        let mut w = lang.next_words(k);
        if dash && w.next().is_some() && w.next().is_some() {
            return true;
        }
        if t == "," && matches!(w.next(), Some("a" | "an")) && w.next().is_some() && w.next().is_some() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::language::Lang;
    use crate::{Config, Document, Format};

    fn explained(text: &str, word: &str) -> bool {
        explained_with(text, word, &["feeling sick"])
    }

    fn explained_with(text: &str, word: &str, alternatives: &[&str]) -> bool {
        let doc = Document::parse(text, Format::Markdown);
        let an = crate::text::Analysis::new(&doc, crate::text::syllables::NumberStyle::British);
        let cfg = Config::default();
        let lang = Lang::new(&doc, &an, &cfg);
        let i = (0..an.tokens.len()).find(|&i| lang.tok(i) == word).expect("word");
        super::explained_at(&lang, i..i + 1, &alternatives.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>())
            || lang.explained().in_glossary(word)
    }

    #[test]
    fn explanations() {
        assert!(explained("You may feel sick (nausea).", "nausea"));
        assert!(explained("You may have nausea (feeling sick).", "nausea"));
        assert!(explained_with("You may have oedema (swelling).", "oedema", &["swelling"]));
        assert!(!explained("You may have oedema (swelling).", "oedema"));
        assert!(explained("Nausea, which means feeling sick, is common.", "Nausea"));
        assert!(explained("Nausea means feeling sick.", "Nausea"));
        assert!(explained("This is called sepsis.", "sepsis"));
        assert!(explained("# Leaflet\n\nText with nausea.\n\n## Glossary\n\n- nausea: feeling sick\n", "nausea"));
        assert!(!explained("Nausea is common.", "Nausea"));
        assert!(explained("The tests include manometry – a small tube is passed into your throat.", "manometry"));
        assert!(explained("Tell your doctor if you take probenecid, a medicine for gout.", "probenecid"));
        assert!(explained(
            "Do not take it if you have myasthenia gravis, a condition that causes weakness.",
            "myasthenia"
        ));
        assert!(!explained("You may need manometry. It is quick.", "manometry"));
        assert!(explained("endoscopy – a thin, flexible tube is passed down your throat", "endoscopy"));
        assert!(!explained("Take probenecid, and rest.", "probenecid"));
        assert!(!explained("Nausea is a common side effect.", "Nausea"));
    }
}

/// How to report the uses of one term (SPEC §4.4 "Reporting"): one finding at its first
/// unexplained use with later uses as related places, or one per use (`every`). Uses after the
/// first explanation are clean; uses before it are reported as "explained later".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Index (into the uses) of the use the finding points at.
    pub at: usize,
    /// Indices of the uses listed as related places.
    pub related: Vec<usize>,
    /// The term is explained, but only after this use.
    pub explained_later: bool,
}

/// Plan the findings for uses in document order, given which uses explain the term.
pub fn plan(explained: &[bool], every: bool) -> Vec<Plan> {
    let first_explained = explained.iter().position(|&e| e);
    let end = first_explained.unwrap_or(explained.len());
    if end == 0 {
        return Vec::new();
    }
    let later = first_explained.is_some();
    if every {
        return (0..end).map(|at| Plan { at, related: Vec::new(), explained_later: later }).collect();
    }
    let related = if later { (1..end).collect() } else { (1..explained.len()).collect() };
    vec![Plan { at: 0, related, explained_later: later }]
}
