//! Word tokens (SPEC §2.2), with the acronym shape of SPEC §2.3 step 3 and §2.4.
//!
//! [`tokenize_into`] turns a unit's (or a block's) analysed text into [`RawToken`]s: byte ranges
//! and a [`TokenClass`]. Whitespace yields no token.
//!
//! # Word boundaries
//!
//! Boundaries follow Unicode word segmentation (UAX #29) for what matters in English text:
//! letters, digits, combining marks and `_` join; every ideograph is a word of its own; emoji
//! sequences, flags and other symbols are single tokens (one extended grapheme cluster each, from
//! `unicode-segmentation`). ASCII text takes a fast path that needs no Unicode tables. On top of
//! that the SPEC §2.2 rules apply:
//!
//! * **Apostrophes** `'` `’` `ʼ` between letters keep a word whole (`don't`, `you’re`, `GP's`); a
//!   trailing possessive apostrophe (`patients’`) is a separate [`TokenClass::Punct`].
//! * **Hyphens** `-` U+2010 U+2011 join letters into one word (`co-codamol`, `follow-up`,
//!   `6-in-1`, `COVID-19`); a hyphen or dash between two numbers is a range (`4-6` → `4`, `-`,
//!   `6`). En dashes never join words (`Mon–Fri`).
//! * **Numbers** are one token: `,` thousands groups of exactly three digits, one `.` decimal part
//!   (`1,000`, `2.5`, `.5`), a currency sign before (`£4.50`, `$5`), a glued unit or suffix after
//!   (`250mg`, `38C`, `38°C`, `20%`, `1st`, `8am`, `5.30pm`), fractions and dates (`1/2`, `½`,
//!   `24/7`, `12/05/2024`) and clock times (`10:30`, `9:00am`)†. `250 mg` is two tokens.
//! * **Phone numbers** are one [`TokenClass::Number`] token with `phone: true`†: UK numbers
//!   (`0` + 9–10 digits in groups: `0300 123 4567`, `020 7946 0000`, `(020) 7946 0000`),
//!   international numbers (`+44 20 7946 0000`, `+44 (0)20 …`), North American numbers with
//!   hyphens or dots (`1-800-232-4636`, `(800) 222-1222`), and the service numbers `999`, `111`,
//!   `112`, `911` and `116 123` after call/phone/ring/dial/text/NHS (and their inflections), after
//!   `or`/`and` following another phone number (`call 111 or 999`), or before `online`.
//! * **URLs** (`http://…`, `https://…`, `www.…`, a domain with a known top-level domain such as
//!   `nhs.uk/conditions` or `111.nhs.uk`), **e-mail addresses** and **file names** (`leaflet.pdf`)
//!   are [`TokenClass::Url`], not words.
//! * `and/or` is two words; `A&E`-style joins of capitals are one token.
//! * Dotted abbreviations (`e.g.`, `i.e.`, `U.S.A.`, `a.m.`) are one token including their final
//!   full stop.
//!
//! # Classes
//!
//! [`TokenClass::Acronym`] marks the acronym shape of SPEC §2.3 step 3: 2–6 characters (full stops
//! not counted), at least two capitals, and capitals at least half of the letters (`NHS`, `GP`,
//! `GPs`, `A&E`, `HbA1c`, `eGFR`, `U.S.`). A hyphenated word whose only letter part has that shape
//! and whose other parts are numbers is an acronym too (`COVID-19`). Not acronyms (§2.4):
//!
//! * roman numerals after type/stage/grade/phase/class (`Type II`);
//! * the unit `IU`;
//! * **emphasis**†: an all-capital token that is a common short English word ([`SHOUTED_WORDS`]:
//!   `DO`, `NOT`, `CALL`, `STOP` …), and every member of a run of two or more adjacent all-capital
//!   words (no punctuation between) when more than half of the run are such words or words of more
//!   than six letters (`DO NOT USE IF SEAL BROKEN`). So `NHS GP` and `CALL NHS 111` keep their
//!   acronyms, and `DO NOT TAKE` is three words.
//!
//! [`TokenClass::Punct`] covers Unicode punctuation (approximated by the ASCII punctuation and
//! the main punctuation blocks); every other non-word grapheme (`£` alone, `°`, `+`, emoji) is
//! [`TokenClass::Symbol`].
//!
//! # Cost
//!
//! One pass, no allocation besides `out`, bounded look-ahead and look-back at each token.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Token class (serialised lower-case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenClass {
    /// A word (including hyphenated compounds, contractions and dotted abbreviations).
    Word,
    /// A number, possibly with currency, unit or suffix (`£4.50`, `250mg`); phone numbers too.
    Number,
    /// A word of acronym shape (SPEC §2.3 step 3): `NHS`, `HbA1c`, `A&E`, `COVID-19`.
    Acronym,
    /// A URL, e-mail address or file name.
    Url,
    /// Punctuation.
    Punct,
    /// Any other symbol or emoji.
    Symbol,
}

impl TokenClass {
    /// Whether tokens of this class count as words (SPEC §2.2): `Word`, `Number` and `Acronym`.
    pub fn is_word(self) -> bool {
        matches!(self, TokenClass::Word | TokenClass::Number | TokenClass::Acronym)
    }
}

/// One token: a byte range into the analysed text and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawToken {
    /// Byte range into the analysed text (offset by the `base` given to [`tokenize_into`]).
    pub range: Range<usize>,
    /// The token's class.
    pub class: TokenClass,
    /// True for a phone or service number (class [`TokenClass::Number`]).
    pub phone: bool,
}

/// Common English words that, written in capitals, are emphasis rather than acronyms (lower case;
/// only words of 2–6 letters matter, longer ones never have acronym shape)†. Leaves out words that
/// are also common health acronyms (`ALL`, `ME`, `OR`, `IT`, `US`, `WHO`).
pub const SHOUTED_WORDS: &[&str] = &[
    "about", "after", "again", "alert", "always", "an", "and", "any", "are", "as", "ask", "at", "avoid", "away", "be",
    "before", "best", "better", "but", "by", "call", "can", "can't", "care", "check", "daily", "day", "days", "did",
    "do", "does", "don't", "drink", "drive", "eat", "even", "every", "feel", "for", "free", "from", "get", "go", "has",
    "have", "he", "help", "her", "his", "home", "how", "if", "in", "is", "isn't", "keep", "may", "more", "most",
    "must", "never", "new", "no", "not", "note", "now", "of", "off", "on", "once", "one", "only", "out", "over",
    "reach", "read", "safe", "see", "she", "should", "side", "so", "stay", "stop", "take", "tell", "than", "that",
    "the", "then", "they", "this", "to", "twice", "two", "until", "up", "urgent", "use", "very", "was", "we", "well",
    "what", "when", "where", "why", "will", "with", "yes", "you", "your",
];

/// Words after which `999`, `111`, `112`, `911` and `116 123` are phone numbers (lower case).
const CALL_WORDS: &[&str] = &[
    "call",
    "calls",
    "calling",
    "phone",
    "phoning",
    "ring",
    "ringing",
    "dial",
    "dialling",
    "dialing",
    "text",
    "texting",
    "telephone",
    "tel",
    "nhs",
];

/// Top-level domains that make `name.tld` a URL (lower case).
const TLDS: &[&str] = &[
    "com", "org", "net", "uk", "gov", "edu", "io", "info", "ie", "eu", "scot", "wales", "cymru", "ca", "au", "nz",
    "us", "int", "biz", "app", "dev", "health", "online", "care", "co", "london",
];

/// File-name extensions that make `name.ext` a file name (lower case).
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "txt", "rtf", "odt", "html", "htm", "jpg", "jpeg", "png", "gif", "svg", "csv", "xls", "xlsx",
    "ppt", "pptx", "zip", "mp3", "mp4", "wav",
];

/// Tokenise a unit's (or a block's) text per SPEC §2.2, appending to `out` (byte ranges relative
/// to `text` plus `base`).
///
/// ```
/// use leaflint::text::tokens::{tokenize_into, TokenClass};
/// let text = "Take 250mg of co-codamol.";
/// let mut out = Vec::new();
/// tokenize_into(text, 0, &mut out);
/// let got: Vec<(&str, TokenClass)> = out.iter().map(|t| (&text[t.range.clone()], t.class)).collect();
/// assert_eq!(got, [
///     ("Take", TokenClass::Word),
///     ("250mg", TokenClass::Number),
///     ("of", TokenClass::Word),
///     ("co-codamol", TokenClass::Word),
///     (".", TokenClass::Punct),
/// ]);
/// ```
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<RawToken>) {
    let first = out.len();
    let mut tz = Tokenizer { s: text, b: text.as_bytes(), base, out, first };
    let n = text.len();
    let mut i = 0;
    while i < n {
        let c = tz.b[i];
        let ws_len = if c < 0x80 {
            usize::from(is_ascii_space(c))
        } else {
            text[i..].chars().next().filter(|&ch| is_space(ch)).map_or(0, char::len_utf8)
        };
        if ws_len > 0 {
            // Whitespace carrying combining marks is one grapheme cluster: keep it as a symbol.
            if tz.b.get(i + ws_len).is_some_and(|&x| x >= 0x80) {
                let g = text[i..].graphemes(true).next().map_or(ws_len, str::len);
                if g > ws_len && !text[i + ws_len..i + g].chars().all(is_space) {
                    i = tz.push_cluster(i, i + g, TokenClass::Symbol, false);
                    continue;
                }
            }
            i += ws_len;
            continue;
        }
        let j = tz.token_at(i);
        debug_assert!(j > i, "no progress at byte {i}");
        i = if j > i { j } else { i + text[i..].chars().next().map_or(1, char::len_utf8) };
    }
    tz.demote_shouting();
}

/// Convenience wrapper around [`tokenize_into`] with `base` 0.
pub fn tokenize(text: &str) -> Vec<RawToken> {
    let mut out = Vec::new();
    tokenize_into(text, 0, &mut out);
    out
}

/// One part of a (possibly hyphenated) word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Number,
    Word,
}

struct Tokenizer<'a, 'o> {
    s: &'a str,
    b: &'a [u8],
    base: usize,
    out: &'o mut Vec<RawToken>,
    first: usize,
}

impl Tokenizer<'_, '_> {
    /// Push a token, first moving its end past any combining marks that belong to its last
    /// character (a token never splits a grapheme cluster); returns the end.
    fn push(&mut self, start: usize, end: usize, class: TokenClass, phone: bool) -> usize {
        let end = self.settle(end);
        self.push_cluster(start, end, class, phone)
    }

    /// Push a token whose end is already a grapheme-cluster boundary; returns the end.
    fn push_cluster(&mut self, start: usize, end: usize, class: TokenClass, phone: bool) -> usize {
        self.out.push(RawToken { range: self.base + start..self.base + end, class, phone });
        end
    }

    /// The grapheme-cluster boundary at or after `e`, the end of a word, number or URL (whose
    /// last character is never a regional indicator, so the cluster may be measured from it).
    fn settle(&self, e: usize) -> usize {
        // Between two ASCII characters there is always a boundary (CR LF never ends a token);
        // after a non-ASCII character there may not be (combining marks, Prepend characters).
        match self.b.get(e) {
            None => return e,
            Some(&c) if c < 0x80 && (e == 0 || self.b[e - 1] < 0x80) => return e,
            _ => {}
        }
        // Quick answer after an ASCII character: Latin-1/Latin Extended letters and general
        // punctuation (’ “ ” – …) never extend a cluster.
        if e > 0 && self.b[e - 1] < 0x80 {
            if let Some((c, _)) = char_at(self.s, e) {
                if c < '\u{300}' || ('\u{2010}'..='\u{205e}').contains(&c) {
                    return e;
                }
            }
        }
        let Some(prev) = self.s[..e].chars().next_back() else {
            return e;
        };
        let p = e - prev.len_utf8();
        let g = self.s[p..].graphemes(true).next().map_or(0, str::len);
        (p + g).max(e)
    }

    /// Emit the token starting at `i` (not whitespace); return its end.
    fn token_at(&mut self, i: usize) -> usize {
        let b = self.b;
        let b0 = b[i];
        // Fast paths for the common cases; anything unusual falls through to the full rules.
        if b0.is_ascii_alphabetic() {
            // A plain ASCII word followed by whitespace or simple punctuation.
            let e = ascii_word_end(b, i);
            if ends_plainly(b, e) {
                let class = if e - i > 6 { TokenClass::Word } else { self.word_class(i, e) };
                return self.push(i, e, class, false);
            }
        } else if b0.is_ascii_digit() {
            // Plain digits: a phone number or a number.
            let e = digits_end(b, i);
            if ends_plainly(b, e) {
                if let Some(p) = self.phone_at(i) {
                    return self.push(i, p, TokenClass::Number, true);
                }
                return self.push(i, e, TokenClass::Number, false);
            }
        } else if b0 < 0x80
            && !is_word_byte(b0)
            && !(matches!(b0, b'+' | b'(' | b'.' | b'$')
                && b.get(i + 1).is_some_and(|&c| c.is_ascii_digit() || c == b'.'))
        {
            // ASCII punctuation or symbol.
            let e = self.grapheme_end(i);
            return self.push_cluster(i, e, other_class(b0 as char), false);
        }
        if let Some(e) = self.email_at(i).or_else(|| self.scheme_url_at(i)) {
            return self.push(i, e, TokenClass::Url, false);
        }
        if let Some(e) = self.domain_at(i) {
            return self.push(i, e, TokenClass::Url, false);
        }
        if matches!(b0, b'0'..=b'9' | b'+' | b'(') {
            if let Some(e) = self.phone_at(i) {
                return self.push(i, e, TokenClass::Number, true);
            }
        }
        if self.starts_number(i) || self.starts_letter(i) {
            return self.compound(i);
        }
        let e = self.grapheme_end(i);
        let class = other_class(self.s[i..].chars().next().unwrap_or(' '));
        self.push_cluster(i, e, class, false)
    }

    // ----- words and numbers -------------------------------------------------------------

    /// A number or word, joined with following parts by hyphens.
    fn compound(&mut self, i: usize) -> usize {
        let Some((mut end, first)) = self.core(i) else {
            let e = self.grapheme_end(i);
            return self.push_cluster(i, e, TokenClass::Symbol, false);
        };
        let mut parts = 1;
        let mut word_parts = usize::from(first == Part::Word);
        let mut word_part = if first == Part::Word { i..end } else { 0..0 };
        let mut last = first;
        while let Some((hc, hl)) = char_at(self.s, end) {
            if !matches!(hc, '-' | '\u{2010}' | '\u{2011}') {
                break;
            }
            let h = end + hl;
            let next_num = self.starts_number(h);
            if !next_num && !self.starts_letter(h) {
                break;
            }
            if last == Part::Number && next_num {
                break; // a range: 4-6
            }
            let Some((e2, p)) = self.core(h) else { break };
            if p == Part::Word {
                word_parts += 1;
                word_part = h..e2;
            }
            end = e2;
            last = p;
            parts += 1;
        }
        let class = if parts == 1 {
            match first {
                Part::Number => TokenClass::Number,
                Part::Word => self.word_class(i, end),
            }
        } else if word_parts == 1 && self.word_class(word_part.start, word_part.end) == TokenClass::Acronym {
            TokenClass::Acronym
        } else {
            TokenClass::Word
        };
        self.push(i, end, class, false)
    }

    /// One part: a number with its prefix and suffix, a dotted abbreviation, or a word with
    /// apostrophes and `&`.
    fn core(&self, i: usize) -> Option<(usize, Part)> {
        if self.starts_number(i) {
            return self.number_core(i).map(|e| (e, Part::Number));
        }
        if let Some(e) = self.dotted_abbreviation(i) {
            return Some((e, Part::Word));
        }
        if self.starts_letter(i) {
            return Some((self.word_core(i), Part::Word));
        }
        None
    }

    fn word_core(&self, i: usize) -> usize {
        let b = self.b;
        let mut e = self.atom_end(i);
        while let Some((c, l)) = char_at(self.s, e) {
            // Apostrophe between letters: don't, you’re, GP's.
            if matches!(c, '\'' | '’' | 'ʼ')
                && self.s[..e].chars().next_back().is_some_and(char::is_alphabetic)
                && char_at(self.s, e + l).is_some_and(|(n, _)| n.is_alphabetic())
            {
                e = self.atom_end(e + l);
                continue;
            }
            // Capitals joined by '&': A&E, AT&T.
            if c == '&' && (1..=3).contains(&(e - i)) && b[i..e].iter().all(u8::is_ascii_uppercase) {
                let mut k = e + 1;
                while k < b.len() && b[k].is_ascii_uppercase() && k - e <= 3 {
                    k += 1;
                }
                if (2..=4).contains(&(k - e)) && !b.get(k).is_some_and(|&x| is_word_byte(x)) {
                    e = k;
                    continue;
                }
            }
            break;
        }
        // A trailing modifier-letter apostrophe is possessive, not part of the word.
        while e > i && self.s[i..e].ends_with('ʼ') {
            e -= 'ʼ'.len_utf8();
        }
        if e == i {
            e = i + char_at(self.s, i).map_or(1, |(_, l)| l);
        }
        e
    }

    /// `e.g.`, `i.e.`, `U.S.A.`, `a.m.`, `Ph.D.`: groups of one or two ASCII letters joined by
    /// full stops (at least two groups, one of a single letter), with the final full stop.
    fn dotted_abbreviation(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut j = i;
        let mut groups = 0;
        let mut single = false;
        loop {
            let g = j;
            while j < b.len() && b[j].is_ascii_alphabetic() && j - g < 3 {
                j += 1;
            }
            let len = j - g;
            if len == 0 || len > 2 {
                return None;
            }
            groups += 1;
            single |= len == 1;
            if groups > 6 {
                return None;
            }
            if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
                j += 1;
                continue;
            }
            break;
        }
        if groups < 2 || !single {
            return None;
        }
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
        if b.get(j).is_some_and(|&x| is_word_byte(x)) {
            return None;
        }
        Some(j)
    }

    fn number_core(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let n = b.len();
        let mut j = i;
        let mut currency = false;
        if let Some((c, l)) = char_at(self.s, j) {
            if is_currency(c) {
                j += l;
                currency = true;
            }
        }
        if j < n && b[j].is_ascii_digit() {
            let int_start = j;
            j = digits_end(b, j);
            if j - int_start <= 3 {
                while b.get(j) == Some(&b',')
                    && b.get(j + 1..j + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
                {
                    j += 4;
                }
            }
            if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j = digits_end(b, j + 1);
            } else if !currency
                && j - int_start <= 2
                && b.get(j) == Some(&b':')
                && b.get(j + 1..j + 3).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(j + 3).is_some_and(u8::is_ascii_digit)
            {
                j += 3; // clock time
            } else if !currency && b.get(j) == Some(&b'/') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                while b.get(j) == Some(&b'/') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    j = digits_end(b, j + 1);
                }
            }
        } else if j < n && b[j] == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j = digits_end(b, j + 1);
        } else if let Some((c, l)) = char_at(self.s, j).filter(|(c, _)| !c.is_ascii() && c.is_numeric()) {
            if !is_vulgar_fraction(c) {
                // Digits of other scripts: the whole word atom.
                return Some(self.atom_end(j));
            }
            j += l; // ½
        } else {
            return None;
        }
        // A vulgar fraction glued on: 1½.
        if let Some((c, l)) = char_at(self.s, j) {
            if is_vulgar_fraction(c) {
                j += l;
            }
        }
        // Suffix or unit.
        match char_at(self.s, j) {
            Some(('%' | '‰', l)) => j += l,
            Some(('°', l)) => {
                j += l;
                if b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                    j = self.atom_end(j);
                }
            }
            Some((c, _)) if c.is_alphabetic() => j = self.atom_end(j),
            _ => {}
        }
        Some(j)
    }

    /// End of the run of word characters (letters, digits, `_`, combining marks) at `i`; an
    /// ideograph is a run of its own.
    fn atom_end(&self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let mut j = i;
        let mut prev_start = i;
        while j < n {
            let c = b[j];
            if c < 0x80 {
                if is_word_byte(c) {
                    prev_start = j;
                    j += 1;
                    continue;
                }
                break;
            }
            let Some((ch, l)) = char_at(self.s, j) else {
                break;
            };
            if ch.is_alphanumeric() || ch == '\u{00ad}' && j > i {
                if is_ideograph(ch) {
                    if j == i {
                        j += l;
                    }
                    break;
                }
                prev_start = j;
                j += l;
                continue;
            }
            if j > i {
                // A combining mark, ZWJ or variation selector extends the previous character.
                let g = self.s[prev_start..].graphemes(true).next().map_or(0, str::len);
                if prev_start + g > j {
                    j = prev_start + g;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// The class of a single-part word `i..e` (Word or Acronym).
    fn word_class(&self, i: usize, e: usize) -> TokenClass {
        let w = &self.s[i..e];
        // Quick reject: fewer than two ASCII capitals in an ASCII word (one pass, most words are
        // lower case).
        let mut caps = 0u32;
        let mut ascii = true;
        for &c in w.as_bytes() {
            if c >= 0x80 {
                ascii = false;
                break;
            }
            caps += u32::from(c.is_ascii_uppercase());
        }
        if ascii && caps < 2 {
            return TokenClass::Word;
        }
        if !acronym_shape(w) {
            return TokenClass::Word;
        }
        let caps = all_caps(w);
        if caps && (is_shouted_word(w) || w == "IU") {
            return TokenClass::Word;
        }
        if caps && w.bytes().all(|c| matches!(c, b'I' | b'V' | b'X')) {
            if let Some(prev) = self.prev_token_text() {
                if eq_any_fold(prev, &["type", "stage", "grade", "phase", "class"]) {
                    return TokenClass::Word;
                }
            }
        }
        TokenClass::Acronym
    }

    fn prev_token_text(&self) -> Option<&str> {
        let t = self.out[self.first..].last()?;
        if !t.class.is_word() {
            return None;
        }
        self.s.get(t.range.start - self.base..t.range.end - self.base)
    }

    fn starts_number(&self, i: usize) -> bool {
        let b = self.b;
        let Some(&c) = b.get(i) else { return false };
        if c.is_ascii_digit() {
            return true;
        }
        if c == b'.' {
            // ".5", but not the decimal point of "2.5" or a full stop after a word.
            return b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !self.s[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        }
        if c < 0x80 && c != b'$' {
            return false;
        }
        match char_at(self.s, i) {
            Some((ch, l)) if is_currency(ch) => {
                let k = i + l;
                b.get(k).is_some_and(u8::is_ascii_digit)
                    || b.get(k) == Some(&b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            }
            Some((ch, _)) => !ch.is_ascii() && ch.is_numeric(),
            None => false,
        }
    }

    fn starts_letter(&self, i: usize) -> bool {
        match char_at(self.s, i) {
            Some((c, _)) if c.is_ascii() => c.is_ascii_alphabetic() || c == '_',
            Some((c, _)) => c.is_alphabetic(),
            None => false,
        }
    }

    // ----- URLs, e-mail, phones ----------------------------------------------------------

    /// `http://…`, `https://…`, `ftp://…`, `mailto:…`, `www.…` up to whitespace, less trailing
    /// punctuation.
    fn scheme_url_at(&self, i: usize) -> Option<usize> {
        let b = &self.b[i..];
        let prefix = ["https://", "http://", "ftp://", "mailto:", "www."]
            .into_iter()
            .find(|p| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?;
        if !b[prefix.len()].is_ascii_alphanumeric() {
            return None;
        }
        let e = self.url_end(i);
        (e > i + prefix.len()).then_some(e)
    }

    /// End of a URL starting at `i`: up to whitespace, a non-ASCII character or `"<>`, less
    /// trailing punctuation and unbalanced closing brackets.
    fn url_end(&self, i: usize) -> usize {
        let b = self.b;
        let mut e = i;
        let mut depth = 0i32;
        while e < b.len() {
            let c = b[e];
            if c >= 0x80 || is_ascii_space(c) || matches!(c, b'"' | b'<' | b'>') {
                break;
            }
            match c {
                b'(' | b'[' => depth += 1,
                b')' | b']' => {
                    depth -= 1;
                    if depth < 0 {
                        break;
                    }
                }
                _ => {}
            }
            e += 1;
        }
        while e > i && matches!(b[e - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
            e -= 1;
        }
        e
    }

    /// `name@domain.tld` starting at `i`.
    fn email_at(&self, i: usize) -> Option<usize> {
        let b = self.b;
        if !b[i].is_ascii_alphanumeric() {
            return None;
        }
        let mut j = i;
        while j < b.len()
            && j - i <= 64
            && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            j += 1;
        }
        if b.get(j) != Some(&b'@') {
            return None;
        }
        let (end, labels, _) = self.labels(j + 1)?;
        (labels >= 2).then_some(end)
    }

    /// Dot-separated labels `[A-Za-z0-9_-]+` from `i` (at most 253 bytes): their end, how many,
    /// and where the last one starts.
    fn labels(&self, i: usize) -> Option<(usize, usize, usize)> {
        let b = self.b;
        let mut j = i;
        let mut labels = 0;
        let mut last = i;
        loop {
            if !b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                break;
            }
            last = j;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b'_') {
                j += 1;
                if j - i > 253 {
                    return None;
                }
            }
            labels += 1;
            if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric) {
                j += 1;
            } else {
                break;
            }
        }
        (labels > 0).then_some((j, labels, last))
    }

    /// A bare domain (`nhs.uk`, `111.nhs.uk`, `nhs.uk/conditions`) or file name (`leaflet.pdf`).
    fn domain_at(&self, i: usize) -> Option<usize> {
        let b = self.b;
        if !b[i].is_ascii_alphanumeric() {
            return None;
        }
        // Quick reject: the first label must be followed by '.'.
        let mut k = i;
        while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'-' || b[k] == b'_') {
            k += 1;
        }
        if b.get(k) != Some(&b'.') {
            return None;
        }
        let (end, labels, last) = self.labels(i)?;
        if labels < 2 || b.get(end).is_some_and(|&c| is_word_byte(c) || c == b'@') {
            return None;
        }
        let tld = &self.s[last..end];
        if eq_any_fold(tld, TLDS) {
            let next = b.get(end).copied();
            if next == Some(b'/') || next == Some(b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
                return Some(self.url_end(i).max(end));
            }
            return Some(end);
        }
        if eq_any_fold(tld, FILE_EXTENSIONS) {
            return Some(end);
        }
        None
    }

    fn phone_at(&self, i: usize) -> Option<usize> {
        match self.b[i] {
            b'+' => self.intl_phone(i),
            b'(' => self.paren_phone(i),
            b'0' => self.uk_phone(i, i, 0).filter(|&(_, d)| (10..=11).contains(&d)).map(|(e, _)| e),
            _ => self.nanp_phone(i).or_else(|| self.service_number(i)),
        }
    }

    /// Digit groups from `j` separated by single spaces or hyphens (one kind), stopping before
    /// 12 digits; `digits` already counted. Returns the end and the digit count.
    fn uk_phone(&self, start: usize, j: usize, digits: usize) -> Option<(usize, usize)> {
        let b = self.b;
        let mut j = j;
        let mut digits = digits;
        let mut groups = 0;
        let mut sep = None;
        loop {
            let g_end = digits_end(b, j);
            let g = g_end - j;
            if g == 0 || digits + g > 11 {
                break;
            }
            if groups == 0 && j == start && g < 3 {
                return None;
            }
            digits += g;
            groups += 1;
            j = g_end;
            let Some(&s) = b.get(j) else { break };
            if (s == b' ' || s == b'-') && sep.is_none_or(|x| x == s) && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                let ng = digits_end(b, j + 1) - (j + 1);
                if digits + ng > 11 {
                    break;
                }
                sep = Some(s);
                j += 1;
                continue;
            }
            break;
        }
        if groups == 0 || !self.ends_cleanly(j) {
            return None;
        }
        Some((j, digits))
    }

    /// Nothing number-like glued after a phone number.
    fn ends_cleanly(&self, j: usize) -> bool {
        let b = self.b;
        match b.get(j) {
            None => true,
            Some(&c) if is_word_byte(c) => false,
            Some(b'.' | b',' | b'/' | b'-' | b':') => !b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric),
            Some(_) => true,
        }
    }

    /// `+44 20 7946 0000`, `+44 (0)20 7946 0000`, `+442079460000`.
    fn intl_phone(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut j = i + 1;
        let mut digits = 0;
        let mut groups = 0;
        loop {
            if b.get(j..j + 3) == Some(b"(0)") {
                j += 3;
                if b.get(j).is_some_and(u8::is_ascii_digit) {
                    continue;
                }
            } else {
                let e = digits_end(b, j);
                if e == j {
                    break;
                }
                digits += e - j;
                groups += 1;
                j = e;
                if digits > 15 {
                    return None;
                }
            }
            if b.get(j) == Some(&b' ') && b.get(j + 1).is_some_and(|&c| c.is_ascii_digit() || c == b'(') {
                j += 1;
                continue;
            }
            if b.get(j) == Some(&b'(') {
                continue;
            }
            break;
        }
        ((9..=15).contains(&digits) && groups >= 1 && self.ends_cleanly(j)).then_some(j)
    }

    /// `(020) 7946 0000`, `(800) 222-1222`.
    fn paren_phone(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let e = digits_end(b, i + 1);
        let area = e - (i + 1);
        if !(2..=5).contains(&area) || b.get(e) != Some(&b')') {
            return None;
        }
        let mut j = e + 1;
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        if !b.get(j).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let (end, digits) = self.uk_phone(usize::MAX, j, area)?;
        let uk = b[i + 1] == b'0' && (10..=11).contains(&digits);
        let us = area == 3 && b[i + 1] != b'0' && b[i + 1] != b'1' && digits == 10;
        (uk || us).then_some(end)
    }

    /// North American numbers with hyphens or dots: `1-800-232-4636`, `800-222-1222`,
    /// `800.222.1222`.
    fn nanp_phone(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut j = i;
        if b[j] == b'1' && matches!(b.get(j + 1), Some(b'-' | b'.')) {
            j += 2;
        }
        let group = |at: usize, len: usize| -> bool {
            b.get(at..at + len).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(at + len).is_some_and(u8::is_ascii_digit)
        };
        if !group(j, 3) || matches!(b[j], b'0' | b'1') {
            return None;
        }
        let sep = *b.get(j + 3)?;
        if !matches!(sep, b'-' | b'.') || j > i && b[i + 1] != sep {
            return None;
        }
        if !group(j + 4, 3) || b.get(j + 7) != Some(&sep) || !group(j + 8, 4) {
            return None;
        }
        let e = j + 12;
        self.ends_cleanly(e).then_some(e)
    }

    /// `999`, `111`, `112`, `911`, `116 123` in a calling context.
    fn service_number(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let e = digits_end(b, i);
        if e - i != 3 {
            return None;
        }
        let num = &b[i..e];
        let mut end = e;
        if num == b"116" {
            if b.get(e) == Some(&b' ') && digits_end(b, e + 1) == e + 4 {
                end = e + 4;
            } else {
                return None;
            }
        } else if !matches!(num, b"999" | b"111" | b"112" | b"911") {
            return None;
        }
        if !self.ends_cleanly(end) {
            return None;
        }
        let after_call = self.prev_token_text().is_some_and(|w| eq_any_fold(w, CALL_WORDS));
        let after_phone_or = || {
            let toks = &self.out[self.first..];
            toks.len() >= 2 && {
                let prev = &toks[toks.len() - 1];
                let text = &self.s[prev.range.start - self.base..prev.range.end - self.base];
                eq_any_fold(text, &["or", "and"]) && toks[toks.len() - 2].phone
            }
        };
        let before_online = || {
            let k = self.b[end..].iter().take_while(|&&c| c == b' ').count();
            let w = end + k;
            k > 0
                && b.get(w..w + 6).is_some_and(|x| x.eq_ignore_ascii_case(b"online"))
                && !b.get(w + 6).is_some_and(|&c| is_word_byte(c))
        };
        (after_call || after_phone_or() || before_online()).then_some(end)
    }

    // ----- others --------------------------------------------------------------------------

    fn grapheme_end(&self, i: usize) -> usize {
        let b = self.b;
        if b[i] < 0x80 && b.get(i + 1).is_none_or(|&c| c < 0x80) {
            return i + 1;
        }
        i + self.s[i..].graphemes(true).next().map_or(1, str::len)
    }

    /// Emphasis: in a run of two or more adjacent all-capital words where more than half are
    /// [`SHOUTED_WORDS`] or longer than six letters, no member is an acronym.
    fn demote_shouting(&mut self) {
        let toks = &mut self.out[self.first..];
        let mut k = 0;
        while k < toks.len() {
            let is_caps = |t: &RawToken| {
                matches!(t.class, TokenClass::Word | TokenClass::Acronym)
                    && self.s.as_bytes()[t.range.start - self.base].is_ascii_uppercase()
                    && all_caps(&self.s[t.range.start - self.base..t.range.end - self.base])
            };
            if !is_caps(&toks[k]) {
                k += 1;
                continue;
            }
            let start = k;
            let mut shouty = 0;
            while k < toks.len() && is_caps(&toks[k]) {
                let w = &self.s[toks[k].range.start - self.base..toks[k].range.end - self.base];
                if is_shouted_word(w) || w.chars().filter(|c| c.is_alphabetic()).count() > 6 {
                    shouty += 1;
                }
                k += 1;
            }
            let len = k - start;
            if len >= 2 && shouty * 2 > len {
                for t in &mut toks[start..k] {
                    if t.class == TokenClass::Acronym {
                        t.class = TokenClass::Word;
                    }
                }
            }
        }
    }
}

/// SPEC §2.3 step 3: 2–6 characters (full stops not counted), at least two capitals, capitals
/// at least half of the letters.
pub fn acronym_shape(w: &str) -> bool {
    let mut chars = 0;
    let mut upper = 0;
    let mut letters = 0;
    for c in w.chars() {
        if c == '.' {
            continue;
        }
        chars += 1;
        if chars > 6 {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    chars >= 2 && upper >= 2 && upper * 2 >= letters
}

/// At least two letters, all of them capitals.
fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// `eq_any_fold(w, SHOUTED_WORDS)` by one hash look-up rather than a scan of the list (asked of
/// every capitalised word).
fn is_shouted_word(w: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| SHOUTED_WORDS.iter().copied().collect());
    if w.len() > 12 {
        return false;
    }
    // Fold as `eq_any_fold` does: `’`/`ʼ` to `'`, ASCII letters to lower case (never longer).
    let mut buf = [0u8; 12];
    let mut n = 0;
    for c in w.chars() {
        let c = match c {
            '’' | 'ʼ' => '\'',
            c => c.to_ascii_lowercase(),
        };
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(|f| SET.contains(f))
}

/// ASCII case-insensitive match against a lower-case list, folding `’`/`ʼ` to `'`.
fn eq_any_fold(w: &str, list: &[&str]) -> bool {
    if w.len() > 12 {
        return false;
    }
    if w.is_ascii() {
        return list.iter().any(|x| x.len() == w.len() && x.as_bytes().eq_ignore_ascii_case(w.as_bytes()));
    }
    list.iter().any(|&x| {
        let mut a = w.chars().map(|c| match c {
            '’' | 'ʼ' => '\'',
            c => c.to_ascii_lowercase(),
        });
        let mut b = x.chars();
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p == q => {}
                _ => return false,
            }
        }
    })
}

/// Whether a run of ASCII letters or digits ending at `e` cannot continue into a longer token
/// (URL, e-mail, abbreviation, contraction, compound, decimal, unit): it is followed by the end,
/// whitespace, or punctuation that is followed by the end or whitespace.
fn ends_plainly(b: &[u8], e: usize) -> bool {
    match b.get(e) {
        None => true,
        Some(&c) if is_ascii_space(c) => true,
        Some(b';' | b'!' | b'?' | b')' | b']' | b'"') => true,
        Some(b',' | b'.' | b':') => b.get(e + 1).is_none_or(|&c| is_ascii_space(c) || matches!(c, b')' | b'"' | b']')),
        Some(_) => false,
    }
}

fn ascii_word_end(b: &[u8], i: usize) -> usize {
    let mut e = i;
    while e < b.len() && is_word_byte(b[e]) {
        e += 1;
    }
    e
}

fn digits_end(b: &[u8], i: usize) -> usize {
    let mut e = i;
    while e < b.len() && b[e].is_ascii_digit() {
        e += 1;
    }
    e
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn char_at(s: &str, p: usize) -> Option<(char, usize)> {
    let &first = s.as_bytes().get(p)?;
    if first < 0x80 {
        return Some((first as char, 1));
    }
    let c = s.get(p..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_currency(c: char) -> bool {
    matches!(c, '£' | '$' | '€' | '¥')
}

fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '\u{bc}'..='\u{be}' | '\u{2150}'..='\u{215e}')
}

/// Han ideographs and Hiragana: each is a word of its own in UAX #29.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Punctuation (approximating Unicode category P) or symbol.
fn other_class(c: char) -> TokenClass {
    let punct = if c.is_ascii() {
        !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
    } else {
        matches!(c as u32,
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF
            | 0x2010..=0x2027 | 0x2030..=0x2043 | 0x2045..=0x2051 | 0x2053..=0x205E
            | 0x2E00..=0x2E7F | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F
            | 0xFE10..=0xFE19 | 0xFE30..=0xFE52 | 0xFE54..=0xFE61 | 0xFF01..=0xFF03
            | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20
            | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
    };
    if punct {
        TokenClass::Punct
    } else {
        TokenClass::Symbol
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shouted_word_look_up_matches_the_list_scan() {
        let mut words: Vec<String> = Vec::new();
        for w in SHOUTED_WORDS {
            assert_eq!(*w, w.to_lowercase(), "the list is lower case");
            words.extend([w.to_string(), w.to_uppercase(), w.replace('\'', "’"), w.to_uppercase().replace('\'', "ʼ")]);
        }
        words.extend(["NHS", "GP", "DON’T", "CAN'T", "Ünd", "NOTABLYLONGWORD", "", "É", "DO’"].map(String::from));
        for w in &words {
            assert_eq!(is_shouted_word(w), eq_any_fold(w, SHOUTED_WORDS), "{w}");
        }
    }
}
