//! Inline opt-out (SPEC §1.4): authors turn a rule off for a passage inside the text itself.
//!
//! - Markdown and HTML (any format, in fact): `<!-- leaflint-disable rule-id -->` … `<!--
//!   leaflint-enable rule-id -->`, and `<!-- leaflint-disable-next-line rule-id -->`.
//! - Plain text: a line of its own `leaflint-disable rule-id`, `leaflint-enable rule-id` or
//!   `leaflint-disable-next-line rule-id`. The plain-text parser skips such lines (and a line that
//!   holds only one of the comments above), so they are never analysed as words.
//!
//! Several rule ids may follow, separated by spaces or commas; none means every rule. A finding is
//! suppressed when its span *starts* inside a disabled passage (after the disabling directive, up
//! to the enabling one or the end of the text) or on the line after a `disable-next-line`
//! directive. Suppression runs before overlap precedence, so it behaves like turning the rule off
//! there: a lower-precedence rule may then report the same word. Unknown rule ids become report
//! notes (one per id), not errors: the text still gets checked.

use crate::document::Format;
use crate::finding::Finding;
use crate::rules;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// Turn rules off from here.
    Disable,
    /// Turn them back on from here.
    Enable,
    /// Turn rules off on the next line only.
    DisableNextLine,
}

/// One opt-out directive found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: DirectiveKind,
    /// The rule ids it names; empty means every rule.
    pub rules: Vec<String>,
    /// Byte offset from which it applies (the end of the directive).
    pub from: usize,
    /// For `DisableNextLine`: the byte range of the line it covers.
    pub line: std::ops::Range<usize>,
    /// 1-based line of the directive (for notes).
    pub line_no: usize,
}

const DISABLE: &str = "leaflint-disable";
const ENABLE: &str = "leaflint-enable";
const NEXT_LINE: &str = "leaflint-disable-next-line";

/// Parse the inside of a directive (`leaflint-disable long-word, long-sentence`).
fn parse_body(body: &str) -> Option<(DirectiveKind, Vec<String>)> {
    let mut words = body.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    let kind = match words.next()? {
        NEXT_LINE => DirectiveKind::DisableNextLine,
        DISABLE => DirectiveKind::Disable,
        ENABLE => DirectiveKind::Enable,
        _ => return None,
    };
    Some((kind, words.map(str::to_owned).collect()))
}

/// The line that turns `rule` off on the line after it, written for `format` (for editors' "turn
/// off RULE on this line" actions): an HTML comment in Markdown and HTML, a bare directive in
/// plain text. No line break is included.
///
/// ```
/// use leaflint::{suppress::disable_next_line, Format};
/// assert_eq!(disable_next_line("long-word", Format::Markdown), "<!-- leaflint-disable-next-line long-word -->");
/// assert_eq!(disable_next_line("long-word", Format::Text), "leaflint-disable-next-line long-word");
/// ```
pub fn disable_next_line(rule: &str, format: Format) -> String {
    match format {
        Format::Text => format!("{NEXT_LINE} {rule}"),
        _ => format!("<!-- {NEXT_LINE} {rule} -->"),
    }
}

/// True when a whole line is a directive and must not be analysed (used by the plain parser).
pub(crate) fn is_directive_line(line: &str) -> bool {
    let t = line.trim();
    if !t.starts_with("leaflint-") && !t.starts_with("<!--") {
        return false;
    }
    let body = t.strip_prefix("<!--").and_then(|b| b.strip_suffix("-->")).unwrap_or(t);
    parse_body(body).is_some()
}

/// The end of the line holding `pos` (after its line break), and the range of the next line.
fn next_line(text: &str, pos: usize) -> std::ops::Range<usize> {
    let start = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

/// Every directive of `text`, in order.
pub fn directives(text: &str, format: Format) -> Vec<Directive> {
    let mut out = Vec::new();
    if !text.contains("leaflint-") {
        return out;
    }
    let line_no = |pos: usize| text[..pos].bytes().filter(|&b| b == b'\n').count() + 1;
    // Comment form, in every format.
    let mut at = 0;
    while let Some(i) = text[at..].find("<!--") {
        let open = at + i;
        let Some(j) = text[open + 4..].find("-->") else { break };
        let close = open + 4 + j + 3;
        if let Some((kind, rules)) = parse_body(&text[open + 4..close - 3]) {
            out.push(Directive { kind, rules, from: close, line: next_line(text, close), line_no: line_no(open) });
        }
        at = close;
    }
    // Line form, in plain text.
    if format == Format::Text {
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let t = line.trim();
            if !t.starts_with("<!--") {
                if let Some((kind, rules)) = parse_body(t) {
                    let end = start + line.len();
                    out.push(Directive {
                        kind,
                        rules,
                        from: end,
                        line: next_line(text, start),
                        line_no: line_no(start),
                    });
                }
            }
            start += line.len();
        }
        out.sort_by_key(|d| d.from);
    }
    out
}

/// The directives of one text, ready to answer "is this finding suppressed?".
#[derive(Debug, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
}

impl Suppressions {
    /// Scan `text`.
    pub fn scan(text: &str, format: Format) -> Suppressions {
        Suppressions { directives: directives(text, format) }
    }

    /// True when there is nothing to suppress.
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Whether a finding of `rule` starting at byte `pos` is turned off.
    pub fn suppresses(&self, rule: &str, pos: usize) -> bool {
        let names = |d: &Directive| d.rules.is_empty() || d.rules.iter().any(|r| r == rule);
        let mut off = false;
        for d in self.directives.iter().take_while(|d| d.from <= pos) {
            match d.kind {
                DirectiveKind::Disable if names(d) => off = true,
                DirectiveKind::Enable if names(d) => off = false,
                _ => {}
            }
        }
        off || self
            .directives
            .iter()
            .any(|d| d.kind == DirectiveKind::DisableNextLine && d.line.contains(&pos) && names(d))
    }

    /// Notes for rule ids that no rule has.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        for d in &self.directives {
            for r in &d.rules {
                if rules::find(r).is_none() {
                    notes.push(format!(
                        "Line {}: the opt-out comment names `{r}`, which is not a rule (see `leaflint rules`).",
                        d.line_no
                    ));
                }
            }
        }
        notes
    }

    /// Drop every suppressed finding.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if !self.is_empty() {
            findings.retain(|f| !self.suppresses(&f.rule, f.span.start()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check_document, Config, Document};

    const LONG: &str = "Your dose may be increased gradually over several weeks, and your doctor will check your kidney function with a blood test before you start and again after a month.";

    fn rules_of(text: &str, format: Format) -> Vec<(String, usize)> {
        let r = check_document(&Document::parse(text, format), "t", &Config::default());
        r.findings.iter().map(|f| (f.rule.clone(), f.line)).collect()
    }

    #[test]
    fn markdown_passage_is_turned_off_and_on() {
        let text = format!(
            "{LONG}\n\n<!-- leaflint-disable long-sentence -->\n\n{LONG}\n\n<!-- leaflint-enable long-sentence -->\n\n{LONG}\n"
        );
        let got = rules_of(&text, Format::Markdown);
        let lines: Vec<usize> = got.iter().filter(|(r, _)| r == "long-sentence").map(|(_, l)| *l).collect();
        assert_eq!(lines, vec![1, 9]);
    }

    #[test]
    fn bare_disable_turns_off_every_rule_and_others_stay() {
        let text = format!("<!-- leaflint-disable -->\n{LONG}\n");
        assert!(rules_of(&text, Format::Markdown).is_empty());
        let text = format!("<!-- leaflint-disable long-word -->\n{LONG}\n");
        assert!(rules_of(&text, Format::Markdown).iter().any(|(r, _)| r == "long-sentence"));
    }

    #[test]
    fn plain_next_line_is_not_analysed_and_suppresses_one_line() {
        let text = format!("leaflint-disable-next-line long-sentence\n{LONG}\n\n{LONG}\n");
        let got = rules_of(&text, Format::Text);
        let lines: Vec<usize> = got.iter().filter(|(r, _)| r == "long-sentence").map(|(_, l)| *l).collect();
        assert_eq!(lines, vec![4]);
        // The directive line is not counted as words.
        let with = check_document(&Document::parse(&text, Format::Text), "t", &Config::default());
        let without = crate::check(&format!("{LONG}\n\n{LONG}\n"), &Config::default());
        assert_eq!(with.scores.counts.words, without.scores.counts.words);
    }

    #[test]
    fn plain_passage_with_several_rules() {
        let text =
            format!("leaflint-disable long-sentence, hard-sentence\n{LONG}\nleaflint-enable long-sentence\n\n{LONG}\n");
        let got = rules_of(&text, Format::Text);
        assert!(got.iter().any(|(r, l)| r == "long-sentence" && *l == 5), "{got:?}");
        assert!(!got.iter().any(|(r, _)| r == "hard-sentence"), "{got:?}");
        assert!(!got.iter().any(|(r, l)| r == "long-sentence" && *l == 2), "{got:?}");
    }

    #[test]
    fn unknown_rule_is_a_note() {
        let text = "<!-- leaflint-disable long-sentense -->\nRest.\n";
        let r = check_document(&Document::parse(text, Format::Markdown), "t", &Config::default());
        assert!(r.notes.iter().any(|n| n.contains("long-sentense") && n.starts_with("Line 1")), "{:?}", r.notes);
    }

    #[test]
    fn directive_lines() {
        assert!(is_directive_line("  leaflint-disable-next-line long-word"));
        assert!(is_directive_line("<!-- leaflint-enable -->"));
        assert!(!is_directive_line("leaflint-disabled is not a directive"));
        assert!(!is_directive_line("Take 2 tablets."));
    }
}
