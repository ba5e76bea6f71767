//! Sentence units: splitting one block's analysed text into sentences (SPEC §2.1).
//!
//! The engine has already cut the document into blocks and joined each block's lines with single
//! spaces. [`sentences`] works on one such text and returns byte ranges, trimmed of surrounding
//! whitespace, in order, non-overlapping and never empty.
//!
//! # Boundaries (SPEC §2.1)
//!
//! A candidate boundary is `.`, `?`, `!` or `…` (a run counts once), then optional closing quotes or
//! brackets (`" ' ” ’ ) ] » ›`), then whitespace and an uppercase letter, a digit, an opening quote or
//! bracket, or the end of the text. It is **not** a boundary when:
//!
//! 1. it is part of a number or time (`2.5`, `.5`, `0.5mg`, `5.30pm`): such dots are never followed
//!    by whitespace, so they are never candidates;
//! 2. the word before it is an abbreviation: titles ([`TITLE_ABBREVIATIONS`]: `Dr`, `Mr` …) and
//!    other abbreviations ([`ABBREVIATIONS`]: `St`, `Co`, `approx`, `vs`, `fig` …) end a sentence
//!    only when the next word is a [sentence starter](SENTENCE_STARTERS); abbreviations used before
//!    numbers ([`NUMBER_ABBREVIATIONS`]: `no`, `max`, `min`, months, `p` …) are not boundaries
//!    before a digit. `etc` is deliberately not an abbreviation: `etc.` before a capital ends a
//!    sentence. All-capital words (`MS`, `NO`, `CO`) are acronyms, never abbreviations;
//! 3. it follows an initial (`Jonas E. Smith`) or closes a multi-period abbreviation (`U.S.A.`,
//!    `a.m.`, `e.g.`) — unless the next word is a sentence starter. A single capital after a
//!    lower-case word (`you and I.`, `vitamin C.`) is a word, not an initial;
//! 4. it is inside a URL, e-mail address or file name (never followed by whitespace), or it is
//!    inside brackets/quotes and followed by a lower-case word, or it is an omission mark `[...]`;
//! 5. it is an ellipsis followed by a lower-case word. A spaced ellipsis `. . .` never ends a
//!    sentence; four spaced dots `. . . .` (ellipsis + full stop) do.
//!
//! Colons, semicolons and dashes are never boundaries.
//!
//! # Choices beyond the SPEC text (†)
//!
//! * The sentence-starter list is longer than the SPEC's fifteen words: it adds the question words
//!   and the starters of the Pragmatic Segmenter (`How`, `What`, `Did` …) and common leaflet
//!   openers (`Take`, `Call`, `Your`, `Most` …) so that `at 8 a.m. Take …` splits.
//! * Titles (`Dr`, `Mr` …) follow rule 2 strictly except before a starter of two or more letters
//!   (`… see your Dr. They …`), so `Dr. A. Smith` stays whole.
//! * A full stop glued to the next sentence (`world.Today`) is a boundary when a lower-case letter
//!   or digit precedes it and a capitalised word follows, outside URLs and e-mail addresses
//!   (Golden Rule 52).
//! * Inline lists: when the text or a unit starts with a list marker (`1.`, `1)`, `1.)`, `a.`,
//!   `•`), or the first colon is followed by one, and the next marker in sequence (`2.`, `b.`,
//!   another `•`) follows within [`LIST_ITEM_MAX`] bytes, each marker starts a unit. A number
//!   or single letter followed by `.` at the start of a unit is a list marker, never a sentence
//!   end, so `1. Take` never yields a unit `1.`.
//! * Weekday abbreviations (`Mon.`, `Fri.`) join the month abbreviations before numbers.
//! * A unit must contain a letter or digit; a stray `.` or `…` joins its neighbour.
//! * Line breaks: blocks arrive with lines joined by spaces, so a newline is normally plain
//!   whitespace. If a text still contains newlines and has no sentence punctuation at all, each
//!   line is a unit (a list or an address block pasted as plain text; Golden Rule 42).
//! * U+FEFF (byte-order mark) is treated as whitespace when trimming.
//!
//! Every step looks a bounded distance back or ahead and the scan never revisits text, so the
//! running time is linear in the length of the text (a 50 KB text without full stops included).

use std::ops::Range;

/// Words that, capitalised after an abbreviation or initial, show that a new sentence has begun
/// (SPEC §2.1 rule 3†). Compared case-sensitively; contractions such as `It's` and `Don't` match
/// through their first part.
#[rustfmt::skip]
pub const SENTENCE_STARTERS: &[&str] = &[
    // SPEC §2.1
    "I", "You", "He", "She", "It", "We", "They", "The", "This", "That", "There", "If", "When",
    "A", "An",
    // the Pragmatic Segmenter's sentence starters
    "Being", "Did", "For", "How", "However", "In", "Millions", "More", "What", "Where", "Who",
    "Why",
    // pronouns, determiners, conjunctions, auxiliaries, adverbs
    "Your", "Our", "My", "Their", "His", "Her", "Its", "These", "Those", "Some", "Most", "Many",
    "Much", "Each", "Every", "Any", "All", "Also", "But", "And", "So", "Or", "Then", "After",
    "Before", "Always", "Never", "Please", "Do", "Does", "Is", "Are", "Was", "Were", "Can",
    "Could", "Should", "Would", "Must", "Has", "Have", "Had", "Not", "No", "Yes", "Only",
    "Other", "Once", "While", "Although", "Because", "Until", "Unless", "As", "At", "On", "By",
    "With", "Without", "Here", "Now", "Today", "Let", "Let's", "Everyone", "Everybody", "Anyone",
    "Anybody", "Someone", "Somebody", "Nobody", "Nothing", "Everything", "Something", "People",
    "Children",
    // leaflet imperatives (not names: no "Mark", "Will", "Rest", "Read")
    "Ask", "Call", "Take", "Tell", "Talk", "Speak", "See", "Go", "Get", "Keep", "Try", "Use",
    "Stop", "Make", "Check", "Avoid", "Eat", "Drink", "Wash", "Contact", "Find", "Visit",
    "Follow", "Help", "Remember", "Apply", "Give", "Swallow", "Put", "Leave", "Wait", "Start",
    "Continue", "Repeat", "Shake", "Store", "Remove", "Bring", "Book", "Phone", "Ring", "Text",
    "Email", "Write", "Sit", "Lie", "Breathe", "Cover", "Clean", "Dry", "Open", "Close", "Fill",
    "Measure", "Mix", "Place", "Hold", "Press", "Turn", "Look", "Wear", "Return", "Throw",
    "Dispose", "Tick", "Complete", "Bring", "Come", "Don't", "Never",
];

/// File extensions and domains that, glued after a full stop (`Leaflet.Pdf`), never start a
/// sentence.
const GLUED_NOT_SENTENCES: &[&str] = &[
    "pdf", "doc", "docx", "txt", "rtf", "odt", "html", "htm", "jpg", "jpeg", "png", "gif", "csv", "xls", "xlsx", "ppt",
    "pptx", "zip", "com", "org", "net", "uk", "gov", "nhs",
];

/// Negative contractions whose first part is not a word of its own (`Don't` → `Don`).
const NEGATIVE_STARTERS: &[&str] = &[
    "Don", "Can", "Won", "Didn", "Doesn", "Isn", "Aren", "Wasn", "Weren", "Shouldn", "Couldn", "Wouldn", "Haven",
    "Hasn", "Mustn",
];

/// Titles written before a name (lower case, without the full stop). Never a boundary, except
/// before a [`SENTENCE_STARTERS`] word of two or more letters†.
pub const TITLE_ABBREVIATIONS: &[&str] = &["dr", "mr", "mrs", "ms", "mx", "prof", "rev"];

/// Other abbreviations (lower case, without the full stop): a boundary only before a
/// [`SENTENCE_STARTERS`] word (`… & Co. It closed …`), never before a lower-case word or a digit.
pub const ABBREVIATIONS: &[&str] = &[
    "st", "mt", "co", "corp", "inc", "ltd", "jr", "sr", "approx", "vs", "v", "fig", "figs", "ref", "refs", "incl",
    "cf", "tel", "ext", "dept", "est", "vol", "ch", "viz", "al", "ave", "rd", "hosp", "govt", "assoc", "eg", "ie",
    "e.g", "i.e",
];

/// Abbreviations used before numbers (lower case, without the full stop): not a boundary before a
/// digit (`No. 5`, `max. 8 tablets`, `Jan. 2025`, `p. 55`), an ordinary full stop otherwise.
pub const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "n°", "nº", "max", "min", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Split one block's analysed text into sentence units: byte ranges into `text`, trimmed of
/// surrounding whitespace, in order, non-overlapping, never empty. A text with no boundary yields
/// one range (if it has any non-space character).
///
/// ```
/// use leaflint::text::segment::sentences;
/// let text = "Call 999. Do not drive. Take 1 tablet. Rest.";
/// let units: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(units, ["Call 999.", "Do not drive.", "Take 1 tablet.", "Rest."]);
/// ```
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(text, &mut out);
    out
}

/// Like [`sentences`], but appends the ranges to `out` (clear it first to reuse a buffer).
pub fn sentences_into(text: &str, out: &mut Vec<Range<usize>>) {
    let b = text.as_bytes();
    if memchr::memchr(b'\n', b).is_some() && !has_terminator(b) {
        // A stack of unpunctuated lines: each line is a unit.
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
            if nl > start {
                Segmenter::new(&text[start..nl], start, out).run();
            }
            start = nl + 1;
        }
        return;
    }
    Segmenter::new(text, 0, out).run();
}

fn has_terminator(b: &[u8]) -> bool {
    memchr::memchr3(b'.', b'?', b'!', b).is_some() || next_ellipsis_char(b, 0).is_some()
}

/// Position of the next `…` (E2 80 A6) at or after `from`.
fn next_ellipsis_char(b: &[u8], from: usize) -> Option<usize> {
    let mut from = from;
    while let Some(k) = memchr::memchr(0xA6, b.get(from..)?) {
        let p = from + k;
        if p >= 2 && b[p - 2] == 0xE2 && b[p - 1] == 0x80 {
            return Some(p - 2);
        }
        from = p + 1;
    }
    None
}

/// Finds `.`, `?`, `!` and `…` in order. Each search remembers its next hit, so as long as the
/// search position only moves forward the whole text is searched once.
struct TermFinder {
    /// `None`: not searched yet; `Some(None)`: no more hits; `Some(Some(p))`: next hit.
    ascii: Option<Option<usize>>,
    ellipsis: Option<Option<usize>>,
}

impl TermFinder {
    fn new() -> Self {
        TermFinder { ascii: None, ellipsis: None }
    }

    fn find(&mut self, b: &[u8], from: usize, to: usize) -> Option<usize> {
        if !matches!(self.ascii, Some(Some(p)) if p >= from) && self.ascii != Some(None) {
            self.ascii = Some(b.get(from..).and_then(|s| memchr::memchr3(b'.', b'?', b'!', s)).map(|k| from + k));
        }
        if !matches!(self.ellipsis, Some(Some(p)) if p >= from) && self.ellipsis != Some(None) {
            self.ellipsis = Some(next_ellipsis_char(b, from));
        }
        let hit = match (self.ascii.flatten(), self.ellipsis.flatten()) {
            (Some(a), Some(e)) => a.min(e),
            (Some(p), None) | (None, Some(p)) => p,
            (None, None) => return None,
        };
        (hit < to).then_some(hit)
    }
}

/// Longest inline list item, in bytes, between two markers (bounds the search for the next
/// marker, so that segmentation stays linear)†.
pub const LIST_ITEM_MAX: usize = 2000;

/// Kind of an inline list marker.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Marker {
    Bullet(char),
    Num { value: u32, style: Style },
    Alpha { letter: u8, style: Style },
}

/// What follows a list number or letter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Dot,
    DotParen,
    Paren,
}

/// State of an inline list: the marker expected next and where it starts.
struct List {
    marker: Marker,
    pending: Option<usize>,
}

/// Outcome of looking at one candidate terminator.
struct Verdict {
    /// End of the unit (exclusive) if this is a boundary.
    boundary: Option<usize>,
    /// Where to continue scanning.
    resume: usize,
}

struct Segmenter<'a, 'o> {
    t: &'a str,
    b: &'a [u8],
    base: usize,
    out: &'o mut Vec<Range<usize>>,
    first_out: usize,
    unit_start: usize,
    alnum_upto: usize,
    alnum_found: bool,
    /// The last failed marker search: the marker and how far it looked (from
    /// `marker_miss_from`).
    marker_miss: Option<(Marker, usize)>,
    marker_miss_from: usize,
    /// Cached extent of the whitespace-delimited token last examined, and whether it looks like a
    /// URL or e-mail address.
    tok: (usize, usize, bool),
}

impl<'a, 'o> Segmenter<'a, 'o> {
    fn new(t: &'a str, base: usize, out: &'o mut Vec<Range<usize>>) -> Self {
        let first_out = out.len();
        Segmenter {
            t,
            b: t.as_bytes(),
            base,
            out,
            first_out,
            unit_start: 0,
            alnum_upto: 0,
            alnum_found: false,
            tok: (0, 0, false),
            marker_miss: None,
            marker_miss_from: 0,
        }
    }

    fn run(mut self) {
        let n = self.b.len();
        self.unit_start = self.skip_ws(0);
        self.alnum_upto = self.unit_start;
        if self.unit_start >= n {
            return;
        }
        let mut list = self.detect_list(self.unit_start);
        let mut finder = TermFinder::new();
        let mut i = self.unit_start;
        loop {
            // Drop list splits that a sentence boundary already made.
            if let Some(l) = list.as_mut() {
                while let Some(m) = l.pending.filter(|&m| m <= self.unit_start || m < i) {
                    if m > self.unit_start {
                        self.split(m);
                    }
                    l.pending = self.find_marker(m + 1, next_marker(l.marker));
                    l.marker = next_marker(l.marker);
                }
            }
            let limit = list.as_ref().and_then(|l| l.pending).unwrap_or(n);
            match finder.find(self.b, i, limit) {
                Some(c) => {
                    let v = self.evaluate(c);
                    if let Some(end) = v.boundary {
                        // A list may start with the new unit ("… leaflet. 1. What it is 2. …").
                        if self.split(end) && list.as_ref().is_none_or(|l| l.pending.is_none()) {
                            list = self.detect_list_at(self.unit_start);
                        }
                    }
                    i = v.resume.max(c + 1);
                }
                None if limit < n => {
                    self.split(limit);
                    if let Some(l) = list.as_mut() {
                        l.marker = next_marker(l.marker);
                        l.pending = self.find_marker(limit + 1, l.marker);
                    }
                    i = limit;
                }
                None => break,
            }
        }
        let end = self.trim_back(n);
        if self.unit_start < end {
            if self.has_alnum(end) || self.out.len() == self.first_out {
                self.out.push(self.base + self.unit_start..self.base + end);
            } else if let Some(last) = self.out.last_mut() {
                last.end = self.base + end;
            }
        }
    }

    /// End the current unit at `end` (trailing whitespace trimmed) and start the next one after
    /// the following whitespace, unless the current unit has no letter or digit yet.
    fn split(&mut self, end: usize) -> bool {
        let e = self.trim_back(end);
        if e <= self.unit_start || !self.has_alnum(e) {
            return false;
        }
        self.out.push(self.base + self.unit_start..self.base + e);
        self.unit_start = self.skip_ws(end);
        self.alnum_upto = self.unit_start;
        self.alnum_found = false;
        true
    }

    fn has_alnum(&mut self, end: usize) -> bool {
        if self.alnum_found {
            return true;
        }
        let from = self.alnum_upto.max(self.unit_start);
        if from < end {
            self.alnum_found = self.t[from..end].chars().any(char::is_alphanumeric);
            self.alnum_upto = end;
        }
        self.alnum_found
    }

    fn skip_ws(&self, mut p: usize) -> usize {
        while let Some((c, l)) = char_at(self.t, p) {
            if !is_space(c) {
                break;
            }
            p += l;
        }
        p
    }

    fn trim_back(&self, mut e: usize) -> usize {
        while e > self.unit_start {
            match self.t[..e].chars().next_back() {
                Some(c) if is_space(c) => e -= c.len_utf8(),
                _ => break,
            }
        }
        e
    }

    /// Decide whether the terminator at `c` ends a sentence.
    fn evaluate(&mut self, c: usize) -> Verdict {
        let b = self.b;
        let n = b.len();
        let no = |resume| Verdict { boundary: None, resume };
        let prev = self.t[..c].chars().next_back();
        let detached = prev.is_none_or(is_space);

        // Spaced ellipsis ". . ." (three dots: never a boundary) or ". . . ." (ellipsis + stop).
        if b[c] == b'.' && detached && is_spaced_dot(b, c) {
            let (end, dots) = spaced_dots_end(b, c);
            if dots <= 3 {
                return no(end);
            }
            return self.follow(c, end, end, false);
        }

        // Unspaced run of terminators.
        let mut run_end = c;
        let mut dots = 0usize;
        let mut other = false;
        while run_end < n {
            match b[run_end] {
                b'.' => {
                    dots += 1;
                    run_end += 1;
                }
                b'?' | b'!' => {
                    other = true;
                    run_end += 1;
                }
                0xE2 if b.get(run_end + 1) == Some(&0x80) && b.get(run_end + 2) == Some(&0xA6) => {
                    dots += 3;
                    run_end += 3;
                }
                _ => break,
            }
        }
        // Omission mark: "[...]", "(…)".
        if matches!(prev, Some('[' | '(')) {
            return no(run_end);
        }
        let single_dot = !other && dots == 1;
        self.follow(c, run_end, run_end, single_dot && !detached)
    }

    /// Look at what follows the terminator run `c..run_end`; `word_dot` is true when the run is
    /// one full stop attached to a preceding word (the only case where abbreviations matter).
    fn follow(&mut self, c: usize, run_end: usize, resume: usize, word_dot: bool) -> Verdict {
        let b = self.b;
        let no = Verdict { boundary: None, resume };
        // Closing quotes and brackets.
        let mut q = run_end;
        while let Some((ch, l)) = char_at(self.t, q) {
            if !is_closer(ch) {
                break;
            }
            q += l;
        }
        let yes = Verdict { boundary: Some(q), resume: q };
        let Some((next, _)) = char_at(self.t, q) else {
            return yes; // end of the text
        };
        if !is_space(next) {
            // Golden Rule 52: "world.Today".
            if word_dot && q == run_end && self.glued_boundary(c) {
                return yes;
            }
            return no;
        }
        let s = self.skip_ws(q);
        let Some((nc, _)) = char_at(self.t, s) else {
            return yes; // only whitespace follows
        };
        if nc == '.' && word_dot && is_spaced_dot(b, s) {
            // "compounds. . . . The practice": the stop ends the sentence and the ellipsis opens
            // the next one if a capital follows it; otherwise the ellipsis belongs here.
            let (e2, _) = spaced_dots_end(b, s);
            let s2 = self.skip_ws(e2);
            if char_at(self.t, s2).is_some_and(|(ch, _)| ch.is_uppercase()) && s2 > e2 {
                return yes;
            }
            return no;
        }
        if !(nc.is_uppercase() || nc.is_numeric() || is_opener(nc)) {
            return no;
        }
        if !word_dot {
            return yes;
        }
        // Exceptions that depend on the word before the full stop.
        let Some(ws) = self.prev_word_start(c) else {
            return yes; // a long token (URL, number): an ordinary full stop
        };
        let word = &self.t[ws..c];
        if self.is_list_marker(ws, c) {
            return no;
        }
        let starter = || is_starter(self.t, s);
        if is_multi_period(word) {
            return if starter() { yes } else { no };
        }
        let wb = word.as_bytes();
        if wb.len() == 1 && wb[0].is_ascii_uppercase() {
            // An initial, unless the word before it is lower case ("you and I.").
            if self.prev_word_is_lowercase(ws) {
                return yes;
            }
            return if !nc.is_uppercase() || starter() { yes } else { no };
        }
        match abbreviation(word) {
            Some(Abbr::Title) => {
                if starter() && starter_len(self.t, s) >= 2 {
                    yes
                } else {
                    no
                }
            }
            Some(Abbr::Plain) => {
                if starter() {
                    yes
                } else {
                    no
                }
            }
            Some(Abbr::BeforeNumber) => {
                if nc.is_ascii_digit() {
                    no
                } else {
                    yes
                }
            }
            None => yes,
        }
    }

    /// A full stop with no space after it ends a sentence when a lower-case letter or digit comes
    /// before it, a capitalised word follows, and the token is not a URL or e-mail address.
    fn glued_boundary(&mut self, c: usize) -> bool {
        let b = self.b;
        let before_ok = c >= 2
            && (b[c - 1].is_ascii_lowercase() || b[c - 1].is_ascii_digit())
            && (b[c - 2].is_ascii_alphanumeric() || b[c - 2] == b',');
        let after_ok =
            b.get(c + 1).is_some_and(u8::is_ascii_uppercase) && b.get(c + 2).is_some_and(u8::is_ascii_lowercase);
        if !(before_ok && after_ok) || self.token_is_urlish(c) {
            return false;
        }
        // "Leaflet.Pdf", "Example.Com": a file extension or domain, not a new sentence.
        let e = letters_end(b, c + 1);
        if !b.get(e).is_some_and(u8::is_ascii_alphanumeric)
            && GLUED_NOT_SENTENCES.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(&b[c + 1..e]))
        {
            return false;
        }
        match self.prev_word_start(c) {
            Some(ws) => {
                let w = &self.t[ws..c];
                abbreviation(w).is_none() && !is_multi_period(w)
            }
            None => true,
        }
    }

    /// Whether the whitespace-delimited token around `c` holds `@`, `/` or starts with `www.`.
    fn token_is_urlish(&mut self, c: usize) -> bool {
        let (ts, te, urlish) = self.tok;
        if c >= ts && c < te {
            return urlish;
        }
        let floor = if c >= te { te } else { 0 };
        let mut start = c;
        while start > floor {
            match self.t[..start].chars().next_back() {
                Some(ch) if !is_space(ch) => start -= ch.len_utf8(),
                _ => break,
            }
        }
        let mut end = c;
        while let Some((ch, l)) = char_at(self.t, end) {
            if is_space(ch) {
                break;
            }
            end += l;
        }
        let tok = &self.b[start..end];
        let urlish =
            memchr::memchr2(b'@', b'/', tok).is_some() || tok.len() >= 4 && tok[..4].eq_ignore_ascii_case(b"www.");
        self.tok = (start, end, urlish);
        urlish
    }

    /// Start of the word that ends at `c`: letters, digits and inner full stops (`U.S.A`,
    /// `e.g`, `N°`), back to anything else or the start of the unit. `None` if it is longer than
    /// 32 bytes.
    fn prev_word_start(&self, c: usize) -> Option<usize> {
        let mut j = c;
        while j > self.unit_start {
            let ch = self.t[..j].chars().next_back()?;
            if !(ch.is_alphanumeric() || matches!(ch, '.' | '°' | 'º')) {
                break;
            }
            j -= ch.len_utf8();
            if c - j > 32 {
                return None;
            }
        }
        Some(j)
    }

    /// Whether the word before `ws` (within this unit) starts with a lower-case letter.
    fn prev_word_is_lowercase(&self, ws: usize) -> bool {
        let mut j = ws;
        // skip whitespace back
        while j > self.unit_start {
            match self.t[..j].chars().next_back() {
                Some(ch) if is_space(ch) => j -= ch.len_utf8(),
                _ => break,
            }
        }
        if j == ws || j <= self.unit_start {
            return false;
        }
        let end = j;
        while j > self.unit_start && end - j <= 32 {
            match self.t[..j].chars().next_back() {
                Some(ch) if !is_space(ch) && !is_opener(ch) => j -= ch.len_utf8(),
                _ => break,
            }
        }
        self.t[j..end].chars().find(|ch| ch.is_alphabetic()).is_some_and(char::is_lowercase)
    }

    /// A number (1–3 digits), a single letter or a short roman numeral that opens the unit
    /// (after any bullet) is a list marker: its full stop is not a sentence end.
    fn is_list_marker(&self, ws: usize, c: usize) -> bool {
        let mut w = ws;
        while let Some((ch, l)) = char_at(self.t, w) {
            if w < c && is_bullet(ch) {
                w += l;
            } else {
                break;
            }
        }
        let word = &self.b[w..c];
        let shape = (1..=3).contains(&word.len()) && word.iter().all(u8::is_ascii_digit)
            || word.len() == 1 && word[0].is_ascii_alphabetic()
            || (1..=4).contains(&word.len())
                && (word.iter().all(|b| b"ivx".contains(b)) || word.iter().all(|b| b"IVX".contains(b)));
        if !shape {
            return false;
        }
        // Skip bullets, whitespace and opening brackets from the unit start.
        let mut p = self.unit_start;
        while p < w {
            match char_at(self.t, p) {
                Some((ch, l)) if is_bullet(ch) || is_space(ch) || is_opener(ch) => p += l,
                _ => break,
            }
        }
        p == w
    }

    /// An inline list starting at `start` (a unit start): a marker there and the next marker in
    /// sequence after it.
    fn detect_list_at(&mut self, start: usize) -> Option<List> {
        let (marker, _) = parse_marker(self.t, start)?;
        let second = self.find_marker(start + 1, next_marker(marker))?;
        Some(List { marker: next_marker(marker), pending: Some(second) })
    }

    /// Look for an inline list: a marker at the start of the text, or the first colon followed
    /// by a first marker (`1`, `a`, a bullet). Needs a second marker in sequence.
    fn detect_list(&mut self, start: usize) -> Option<List> {
        let (marker, at) = match parse_marker(self.t, start) {
            Some((m, _)) => (m, start),
            None => {
                let colon = start + memchr::memchr(b':', &self.b[start..])?;
                let m_at = self.skip_ws(colon + 1);
                if m_at == colon + 1 {
                    return None;
                }
                let (m, _) = parse_marker(self.t, m_at)?;
                let first = match m {
                    Marker::Bullet(_) => true,
                    Marker::Num { value, .. } => value == 1,
                    Marker::Alpha { letter, .. } => letter.eq_ignore_ascii_case(&b'a'),
                };
                if !first {
                    return None;
                }
                (m, m_at)
            }
        };
        let second = self.find_marker(at + 1, next_marker(marker))?;
        if at > start {
            // The first marker follows a colon: split there first.
            Some(List { marker, pending: Some(at) })
        } else {
            Some(List { marker: next_marker(marker), pending: Some(second) })
        }
    }

    /// Next position ≥ `from`, within [`LIST_ITEM_MAX`] bytes, where `marker` starts after
    /// whitespace.
    fn find_marker(&mut self, from: usize, marker: Marker) -> Option<usize> {
        let b = self.b;
        let mut j = from.max(1);
        let to = b.len().min(from.saturating_add(LIST_ITEM_MAX));
        // Skip what a failed search for the same marker already covered.
        if let Some((m, upto)) = self.marker_miss {
            if m == marker && upto > j && from >= self.marker_miss_from {
                j = upto;
            }
        }
        self.marker_miss = None;
        while j < to {
            if is_ascii_space(b[j - 1]) && !is_ascii_space(b[j]) {
                if let Some((m, _)) = parse_marker(self.t, j) {
                    let same = match (m, marker) {
                        (Marker::Bullet(x), Marker::Bullet(y)) => x == y,
                        (a, b) => a == b,
                    };
                    if same {
                        return Some(j);
                    }
                }
            }
            j += 1;
        }
        self.marker_miss = Some((marker, j.max(from)));
        self.marker_miss_from = from;
        None
    }
}

/// The marker expected after `m`.
fn next_marker(m: Marker) -> Marker {
    match m {
        Marker::Bullet(c) => Marker::Bullet(c),
        Marker::Num { value, style } => Marker::Num { value: value + 1, style },
        Marker::Alpha { letter, style } => Marker::Alpha { letter: letter.saturating_add(1), style },
    }
}

/// Parse a list marker at `p`: a bullet (optionally followed by a number marker), `12.`, `12)`,
/// `12.)`, `a.`, `a)`, `a.)`, followed by whitespace.
fn parse_marker(t: &str, p: usize) -> Option<(Marker, usize)> {
    let b = t.as_bytes();
    let (ch, l) = char_at(t, p)?;
    if is_bullet(ch) {
        return Some((Marker::Bullet(ch), p + l));
    }
    let mut j = p;
    while j < b.len() && b[j].is_ascii_digit() && j - p < 4 {
        j += 1;
    }
    let num = j > p && j - p <= 3;
    if !num {
        if !(b[p].is_ascii_alphabetic()) {
            return None;
        }
        j = p + 1;
    }
    let (style, e) = if b.get(j..j + 2) == Some(b".)") {
        (Style::DotParen, j + 2)
    } else if b.get(j) == Some(&b'.') {
        (Style::Dot, j + 1)
    } else if b.get(j) == Some(&b')') {
        (Style::Paren, j + 1)
    } else {
        return None;
    };
    if !char_at(t, e).is_some_and(|(c, _)| is_space(c)) {
        return None;
    }
    let marker = if num {
        let value = t[p..j].parse().ok()?;
        Marker::Num { value, style }
    } else {
        Marker::Alpha { letter: b[p], style }
    };
    Some((marker, e))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbr {
    Title,
    Plain,
    BeforeNumber,
}

/// Look a word up in the abbreviation lists (ASCII case-insensitive; all-capital words of two
/// or more letters are acronyms and never match).
fn abbreviation(word: &str) -> Option<Abbr> {
    let wb = word.as_bytes();
    if wb.is_empty() || wb.len() > 8 {
        return None;
    }
    if wb.len() >= 2 && wb.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(wb) {
        *d = s.to_ascii_lowercase();
    }
    let lw = &buf[..wb.len()];
    let find = |list: &[&str]| list.iter().any(|a| a.as_bytes() == lw);
    if find(TITLE_ABBREVIATIONS) {
        Some(Abbr::Title)
    } else if find(ABBREVIATIONS) {
        Some(Abbr::Plain)
    } else if find(NUMBER_ABBREVIATIONS) {
        Some(Abbr::BeforeNumber)
    } else {
        None
    }
}

/// `U.S.A`, `e.g`, `a.m`, `Ph.D`: ASCII letter groups of one or two letters joined by full stops,
/// at least two groups, at least one of a single letter.
fn is_multi_period(word: &str) -> bool {
    let mut groups = 0;
    let mut single = false;
    for g in word.split('.') {
        if g.is_empty() || g.len() > 2 || !g.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
        single |= g.len() == 1;
    }
    groups >= 2 && single
}

/// Whether the word at `s` is a sentence starter.
fn is_starter(t: &str, s: usize) -> bool {
    let b = t.as_bytes();
    let e = letters_end(b, s);
    if e == s || e - s > 12 || b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let word = &t[s..e];
    if b.get(e) == Some(&b'.') && abbreviation(word).is_some() {
        return false; // "Ref. No. 12345"
    }
    if SENTENCE_STARTERS.contains(&word) {
        return true;
    }
    // Negative contractions: "Don't", "Can’t".
    let rest = &t[e..];
    (rest.starts_with("'t") || rest.starts_with("’t")) && NEGATIVE_STARTERS.contains(&word)
}

fn starter_len(t: &str, s: usize) -> usize {
    letters_end(t.as_bytes(), s) - s
}

fn letters_end(b: &[u8], s: usize) -> usize {
    let mut e = s;
    while e < b.len() && b[e].is_ascii_alphabetic() && e - s <= 12 {
        e += 1;
    }
    e
}

/// `c` is a `.` followed by " ." (the start of a spaced ellipsis).
fn is_spaced_dot(b: &[u8], c: usize) -> bool {
    b.get(c + 1) == Some(&b' ') && b.get(c + 2) == Some(&b'.')
}

/// End of the spaced dots starting at `c` and how many dots there are.
fn spaced_dots_end(b: &[u8], c: usize) -> (usize, usize) {
    let mut j = c;
    let mut dots = 1;
    while is_spaced_dot(b, j) {
        j += 2;
        dots += 1;
    }
    (j + 1, dots)
}

fn char_at(t: &str, p: usize) -> Option<(char, usize)> {
    let b = t.as_bytes();
    let &first = b.get(p)?;
    if first < 0x80 {
        return Some((first as char, 1));
    }
    let c = t.get(p..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Whitespace for segmentation: Unicode White_Space plus the byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹')
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '‣'
            | '⁃'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn multi_period_shapes() {
        assert!(is_multi_period("U.S.A"));
        assert!(is_multi_period("e.g"));
        assert!(is_multi_period("Ph.D"));
        assert!(!is_multi_period("nhs.uk"));
        assert!(!is_multi_period("1.5"));
        assert!(!is_multi_period("Dr"));
    }

    #[test]
    fn abbreviation_lookup() {
        assert_eq!(abbreviation("Dr"), Some(Abbr::Title));
        assert_eq!(abbreviation("co"), Some(Abbr::Plain));
        assert_eq!(abbreviation("N°"), Some(Abbr::BeforeNumber));
        assert_eq!(abbreviation("MS"), None);
        assert_eq!(abbreviation("etc"), None);
    }

    #[test]
    fn list_after_colon() {
        assert_eq!(
            units("You need to: 1. Rest 2. Drink water 3. Take paracetamol"),
            ["You need to:", "1. Rest", "2. Drink water", "3. Take paracetamol"]
        );
    }

    #[test]
    fn empty_and_blank() {
        assert!(sentences("").is_empty());
        assert!(sentences("  \n\t ").is_empty());
    }
}
