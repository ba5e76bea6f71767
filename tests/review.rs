//! The reviewer's bench: every finding leaflint reports on `tests/corpus/`, matched with an NHS
//! editor's verdict in `tests/corpus/review.tsv` (how to judge: `tests/corpus/README.md`).
//!
//! A finding is matched to a verdict by file, rule, line and the first words of its span; several
//! findings with the same key take the rows with that key in order. Fixes are matched to their
//! verdicts in `tests/corpus/fixes.tsv` by file, rule, line and the text after the fix.
//!
//! This module holds what the gate (`corpus_gate.rs`) and the review tools share.

use leaflint::{check_document, Config, Finding, Fix, Report};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The corpus folder.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The generated page of fixes in the corpus folder (not a text).
pub const FIXES_PAGE: &str = "fixes.md";

/// Texts in the corpus: every `.txt`, `.md`, `.html`, `.htm` and `.docx` file except the
/// corpus's own documentation (README, SOURCES and notes in upper case) and [`FIXES_PAGE`].
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let doc = name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || name == FIXES_PAGE;
            !doc && matches!(ext, "txt" | "md" | "html" | "htm" | "docx")
        })
        .collect();
    files.sort();
    files
}

/// A checked corpus file: its name, the text its spans point into, and the report.
pub struct Checked {
    /// File name in `tests/corpus/`.
    pub file: String,
    /// The document's text (for Word files, the extracted text).
    pub text: String,
    /// The report with the default configuration, as a new user runs it.
    pub report: Report,
}

/// Check one corpus file as `leaflint check FILE` does (default configuration).
pub fn check_file(path: &Path) -> Checked {
    let file = path.file_name().and_then(|n| n.to_str()).expect("file name").to_owned();
    let bytes = std::fs::read(path).expect("read corpus file");
    let doc = leaflint::input::decode(&bytes, None, Some(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let report = check_document(&doc, &file, &Config::default());
    Checked { file, text: doc.text.clone(), report }
}

/// `s` without markup, whitespace collapsed to single spaces.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first words of a finding's span (at most six words and 60 bytes), the key's last part.
pub fn span_words(text: &str, f: &Finding) -> String {
    let s = text.get(f.span.start()..f.span.end()).unwrap_or("");
    let mut out = String::new();
    for w in plain(s).split(' ').take(6) {
        if !out.is_empty() && out.len() + w.len() >= 60 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        // An empty span (a place between words): name the words after it.
        let after = text.get(f.span.start()..).unwrap_or("");
        let after: String = after.chars().take(40).collect();
        out = format!("@{}", plain(&after).split(' ').take(3).collect::<Vec<_>>().join(" "));
    }
    out
}

/// A reviewer's verdict on a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// A real problem worth the editor's time, with the right message and fix.
    Agree,
    /// A real problem, but not worth it as reported, or a wrong or clumsy message or fix.
    Partly,
    /// Not a problem for this reader in this text.
    Disagree,
}

impl Verdict {
    fn parse(s: &str) -> Option<Verdict> {
        match s {
            "agree" => Some(Verdict::Agree),
            "partly" => Some(Verdict::Partly),
            "disagree" => Some(Verdict::Disagree),
            _ => None,
        }
    }
    /// The word in review.tsv.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Partly => "partly",
            Verdict::Disagree => "disagree",
        }
    }
}

/// One row of review.tsv.
#[derive(Clone, Debug)]
pub struct Row {
    /// File name in tests/corpus.
    pub file: String,
    /// Rule id.
    pub rule: String,
    /// 1-based line of the span start.
    pub line: usize,
    /// First words of the span ([`span_words`]).
    pub span: String,
    /// The verdict.
    pub verdict: Verdict,
    /// One line: why.
    pub reason: String,
    /// Whether the finding was reported when the file was last blessed (`present` / `gone`).
    pub present: bool,
    /// Given up on purpose (`now` = `retired`): the rule no longer reports it by a decision its
    /// reason names (merged into another finding, or a precision trade). Not a lost finding.
    pub retired: bool,
}

/// The key a finding and its verdict share.
pub type Key = (String, String, usize, String);

impl Row {
    /// Its key.
    pub fn key(&self) -> Key {
        (self.file.clone(), self.rule.clone(), self.line, self.span.clone())
    }
}

/// The header of review.tsv.
pub const REVIEW_HEADER: &str = "file\trule\tline\tspan\tverdict\treason\tnow";

/// Read review.tsv (or panic with the bad line).
pub fn read_review(path: &Path) -> Vec<Row> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let bad =
            || panic!("{}:{}: expected 7 tab-separated columns ({REVIEW_HEADER}): {line:?}", path.display(), i + 1);
        if c.len() != 7 {
            bad();
        }
        let Some(verdict) = Verdict::parse(c[4]) else { bad() };
        let Ok(line_no) = c[2].parse() else { bad() };
        rows.push(Row {
            file: c[0].to_owned(),
            rule: c[1].to_owned(),
            line: line_no,
            span: c[3].to_owned(),
            verdict,
            reason: c[5].to_owned(),
            present: match c[6] {
                "present" => true,
                "gone" | "retired" => false,
                _ => bad(),
            },
            retired: c[6] == "retired",
        });
    }
    rows
}

/// review.tsv as text, rows in the given order.
pub fn write_review(rows: &[Row]) -> String {
    let mut out = String::from(REVIEW_HEADER);
    out.push('\n');
    for r in rows {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.file,
            r.rule,
            r.line,
            r.span,
            r.verdict.name(),
            r.reason,
            if r.present {
                "present"
            } else if r.retired {
                "retired"
            } else {
                "gone"
            }
        );
    }
    out
}

/// Findings of one run matched with review rows.
pub struct Matched {
    /// For each checked file, for each finding: the index of its row, if any.
    pub rows_of: Vec<Vec<Option<usize>>>,
    /// For each row: whether a finding matched it.
    pub matched: Vec<bool>,
}

/// Match every finding of `checked` with `rows` (as multisets per key, in order).
pub fn match_rows(checked: &[Checked], rows: &[Row]) -> Matched {
    let mut by_key: HashMap<Key, VecDeque<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_key.entry(r.key()).or_default().push_back(i);
    }
    let mut matched = vec![false; rows.len()];
    let rows_of = checked
        .iter()
        .map(|c| {
            c.report
                .findings
                .iter()
                .map(|f| {
                    let key = (c.file.clone(), f.rule.clone(), f.line, span_words(&c.text, f));
                    let i = by_key.get_mut(&key).and_then(VecDeque::pop_front);
                    if let Some(i) = i {
                        matched[i] = true;
                    }
                    i
                })
                .collect()
        })
        .collect();
    Matched { rows_of, matched }
}

/// Counts of verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Agreed.
    pub agree: usize,
    /// Partly.
    pub partly: usize,
    /// Disagreed.
    pub disagree: usize,
    /// Reported but not reviewed yet.
    pub unreviewed: usize,
}

impl Tally {
    /// Add one verdict.
    pub fn add(&mut self, v: Option<Verdict>) {
        match v {
            Some(Verdict::Agree) => self.agree += 1,
            Some(Verdict::Partly) => self.partly += 1,
            Some(Verdict::Disagree) => self.disagree += 1,
            None => self.unreviewed += 1,
        }
    }
    /// Reviewed findings.
    pub fn reviewed(&self) -> usize {
        self.agree + self.partly + self.disagree
    }
    /// Share agreed, in percent of reviewed findings.
    pub fn agreement(&self) -> f64 {
        if self.reviewed() == 0 {
            return 0.0;
        }
        100.0 * self.agree as f64 / self.reviewed() as f64
    }
}

/// Per-rule tallies of the findings reported now.
pub fn tallies(checked: &[Checked], rows: &[Row], m: &Matched) -> BTreeMap<String, Tally> {
    let mut t: BTreeMap<String, Tally> = BTreeMap::new();
    for (c, of) in checked.iter().zip(&m.rows_of) {
        for (f, row) in c.report.findings.iter().zip(of) {
            t.entry(f.rule.clone()).or_default().add(row.map(|i| rows[i].verdict));
        }
    }
    t
}

/// The generated precision table compiled into the engine (`rules::precision`).
pub fn precision_table(t: &BTreeMap<String, Tally>) -> String {
    let mut out = String::from(
        "# Measured agreement of an NHS editor with each rule's findings on tests/corpus (review.tsv).\n\
         # Generated by `LEAFLINT_BLESS=1 cargo test -p leaflint-tests --test corpus_gate`; do not edit.\n\
         # rule\tagree\tpartly\tdisagree\n",
    );
    for (rule, t) in t {
        if t.reviewed() > 0 {
            let _ = writeln!(out, "{rule}\t{}\t{}\t{}", t.agree, t.partly, t.disagree);
        }
    }
    out
}

/// One fix rendered for review: a window of the source before and after the fix.
pub struct FixView {
    /// The fix's label.
    pub label: String,
    /// The text around the edits, before.
    pub before: String,
    /// The same text after the edits.
    pub after: String,
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Render a fix as before/after text: the source lines around its edits, or 100 bytes either side
/// where a line is long (web copy keeps a paragraph on one line).
pub fn view_fix(text: &str, fix: &Fix) -> FixView {
    let lo = fix.edits.iter().map(|e| e.span.start()).min().unwrap_or(0).min(text.len());
    let hi = fix.edits.iter().map(|e| e.span.end()).max().unwrap_or(0).min(text.len());
    let line_start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[hi..].find('\n').map_or(text.len(), |i| hi + i);
    let mut start = line_start.max(floor_boundary(text, lo.saturating_sub(100)));
    let mut end = line_end.min(ceil_boundary(text, hi + 100));
    // Whole words at the window's ends.
    if start > line_start {
        start = text[start..lo].find(' ').map_or(lo, |i| start + i + 1);
    }
    if end < line_end {
        end = text[hi..end].rfind(' ').map_or(hi, |i| hi + i);
    }
    let before = &text[start..end];
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| e.span.start());
    let mut after = String::new();
    let mut at = start;
    for e in edits {
        let (s, t) = (e.span.start().clamp(start, end), e.span.end().clamp(start, end));
        if s < at {
            continue;
        }
        after.push_str(&text[at..s]);
        after.push_str(&e.replacement);
        at = t;
    }
    after.push_str(&text[at..end]);
    FixView { label: fix.label.clone(), before: plain(before), after: plain(&after) }
}

/// A fix verdict.
#[derive(Clone, Debug)]
pub struct FixRow {
    /// File name.
    pub file: String,
    /// Rule id.
    pub rule: String,
    /// Line of the finding.
    pub line: usize,
    /// The text after the fix ([`view_fix`]).
    pub after: String,
    /// Right or wrong.
    pub right: bool,
    /// Why.
    pub reason: String,
}

/// The header of fixes.tsv.
pub const FIXES_HEADER: &str = "file\trule\tline\tafter\tverdict\treason";

/// Read fixes.tsv.
pub fn read_fixes(path: &Path) -> Vec<FixRow> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let c: Vec<&str> = line.split('\t').collect();
            let ok = c.len() == 6 && matches!(c[4], "right" | "wrong") && c[2].parse::<usize>().is_ok();
            assert!(ok, "{}:{}: expected 6 columns ({FIXES_HEADER}): {line:?}", path.display(), i + 1);
            FixRow {
                file: c[0].to_owned(),
                rule: c[1].to_owned(),
                line: c[2].parse().unwrap_or(0),
                after: c[3].to_owned(),
                right: c[4] == "right",
                reason: c[5].to_owned(),
            }
        })
        .collect()
}

/// The key of a fix verdict.
pub fn fix_key(file: &str, f: &Finding, view: &FixView) -> (String, String, usize, String) {
    (file.to_owned(), f.rule.clone(), f.line, view.after.clone())
}

/// fixes.md: every fix offered on the reviewed texts, before → after, with its verdict.
/// Returns the page, the counts on it (right, wrong, unreviewed) and every fix without a verdict,
/// on any text, as a row for a reviewer (`file rule line after before label`).
pub fn fixes_page(
    checked: &[Checked],
    reviewed: &dyn Fn(&str) -> bool,
    fixes: &[FixRow],
) -> (String, [usize; 3], Vec<String>) {
    let verdicts: HashMap<(String, String, usize, String), &FixRow> =
        fixes.iter().map(|r| ((r.file.clone(), r.rule.clone(), r.line, r.after.clone()), r)).collect();
    let mut counts = [0; 3];
    let mut todo = Vec::new();
    let mut page = String::from(
        "# Fixes offered on the reviewed corpus\n\n\
         Generated by `LEAFLINT_BLESS=1 cargo test -p leaflint-tests --test corpus_gate` from the\n\
         findings on the texts reviewed in `review.tsv` and the verdicts in `fixes.tsv`; do not edit.\n\
         Each fix: the text before, the text after, and whether it reads right (a correct,\n\
         grammatical sentence that means the same, numbers unchanged).\n",
    );
    for c in checked {
        let on_page = reviewed(&c.file);
        let mut first = true;
        for f in &c.report.findings {
            for fix in &f.fixes {
                if !on_page {
                    let v = view_fix(&c.text, fix);
                    if !verdicts.contains_key(&fix_key(&c.file, f, &v)) {
                        todo.push(format!(
                            "{}\t{}\t{}\t{}\t{}\t{}",
                            c.file, f.rule, f.line, v.after, v.before, v.label
                        ));
                    }
                    continue;
                }
                if first {
                    let _ = write!(page, "\n## {}\n", c.file);
                    first = false;
                }
                let v = view_fix(&c.text, fix);
                let verdict = verdicts.get(&fix_key(&c.file, f, &v));
                let mark = match verdict {
                    Some(r) if r.right => {
                        counts[0] += 1;
                        format!("right — {}", r.reason)
                    }
                    Some(r) => {
                        counts[1] += 1;
                        format!("**wrong** — {}", r.reason)
                    }
                    None => {
                        counts[2] += 1;
                        todo.push(format!(
                            "{}\t{}\t{}\t{}\t{}\t{}",
                            c.file, f.rule, f.line, v.after, v.before, v.label
                        ));
                        "unreviewed".to_owned()
                    }
                };
                let _ = write!(
                    page,
                    "\n- line {} `{}` ({}): {}\n  - before: {}\n  - after: {}\n",
                    f.line, f.rule, v.label, mark, v.before, v.after
                );
            }
        }
    }
    let _ = write!(
        page,
        "\n---\n\n{} fixes: {} right, {} wrong, {} unreviewed.\n",
        counts.iter().sum::<usize>(),
        counts[0],
        counts[1],
        counts[2]
    );
    (page, counts, todo)
}

/// A draft row for a reviewer: the key columns with empty verdict and reason, then what the
/// reviewer needs to judge (severity, message, help, fixes, the text around the span).
pub fn draft_row(c: &Checked, f: &Finding) -> String {
    let span = c.text.get(f.span.start()..f.span.end()).unwrap_or("");
    let lo = floor_boundary(&c.text, f.span.start().saturating_sub(80));
    let hi = ceil_boundary(&c.text, (f.span.end() + 80).min(c.text.len()));
    let context = if span.len() > 400 {
        format!(
            "{} … {}",
            plain(&span[..floor_boundary(span, 200)]),
            plain(&span[ceil_boundary(span, span.len() - 120)..])
        )
    } else {
        format!(
            "{} [[{}]] {}",
            plain(&c.text[lo..f.span.start().max(lo)]),
            plain(span),
            plain(&c.text[f.span.end().min(hi)..hi])
        )
    };
    let fixes: Vec<String> = f
        .fixes
        .iter()
        .map(|fx| {
            let v = view_fix(&c.text, fx);
            format!("{}: {}", v.label, v.after)
        })
        .collect();
    let clean = |s: &str| s.replace(['\t', '\n'], " ");
    format!(
        "{}\t{}\t{}\t{}\t\t\t{}\t{}\t{}\t{}\t{}",
        c.file,
        f.rule,
        f.line,
        span_words(&c.text, f),
        f.severity,
        clean(&f.message),
        clean(f.help.as_deref().unwrap_or("")),
        clean(&fixes.join(" || ")),
        clean(&context)
    )
}
