//! The pipeline (SPEC §1.3): parse → segment → metrics → rules → post-processing → report.

use crate::config::Config;
use crate::document::{Document, Format};
use crate::finding::{Category, Finding};
use crate::metrics::{self, Scores};
use crate::numbers::{pictures, NumberModel, Nx};
use crate::picture::Picture;
use crate::report::{PictureRef, Report, Source, Target, TargetStatus, TokenReport, UnitReport, SCHEMA_VERSION};
use crate::rules::{Context, NUMERACY_PRECEDENCE, RULES, WORD_PRECEDENCE};
use crate::span::{ByteSpan, PositionIndex};
use crate::structure::{checklist, chunk_reports, teach_back};
use crate::suppress::Suppressions;
use crate::text::{token_text, Analysis};
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// Most findings a report lists. A leaflet has tens; a long report a few hundred per 100 KB, so
/// 10,000 is reached only by text that is not prose (a table of numbers, machine output). Past
/// it the rest are cut and the report says so: the output stays proportional to the limit, not
/// to however many findings a hostile input can provoke.
pub const MAX_FINDINGS: usize = 10_000;

/// Check plain text (leaflet conventions) under `config`. Never fails.
///
/// ```
/// let report = leaflint::check("Take 2 tablets 3 times a day.", &leaflint::Config::default());
/// assert_eq!(report.scores.counts.words, 7);
/// ```
pub fn check(text: &str, config: &Config) -> Report {
    check_document(&Document::parse(text, Format::Text), "stdin", config)
}

/// Check a parsed document. `name` is recorded in the report's `source`.
pub fn check_document(doc: &Document, name: &str, config: &Config) -> Report {
    let analysis = Analysis::new(doc, metrics::number_style(config.profile));
    let lang = crate::language::Lang::new(doc, &analysis, config);
    let mut scores = metrics::scores_with(&lang);
    let structure = lang.structure();
    let cx = Context { doc, analysis: &analysis, scores: &scores, config, structure, lang: &lang };
    let mut findings = Vec::new();
    for rule in RULES {
        if config.rule_enabled(rule.meta().id) {
            rule.check(&cx, &mut findings);
        }
    }
    // Fix safety (issue 15): no fix may change what a number says.
    match cx.scores.numeracy_detail.as_ref().and_then(|n| n.model()) {
        Some(m) => crate::numbers::safety::guard(doc, &analysis, m, &mut findings),
        None => crate::numbers::safety::guard(doc, &analysis, &NumberModel::new(doc, &analysis), &mut findings),
    }
    let risk = risk_numbers(&cx);
    let suppressions = Suppressions::scan(&doc.text, doc.format);
    suppressions.apply(&mut findings);
    let mut findings = post_process(doc, config, findings);
    // One walk of the text positions the findings and the risk numbers.
    let idx = fill_positions(&doc.text, &mut findings, risk.iter().flat_map(|r| [r.0, r.1]));
    let risk_count = risk.len();
    let pictures = picture_refs(&idx, risk, &findings);
    if let Some(n) = scores.numeracy_detail.as_mut() {
        // The load counts the findings the report gives: after suppression comments and
        // overlap precedence, with word rules that weigh on it (clinical-shorthand).
        n.recount(&findings);
        scores.numeracy = Some(n.to_value());
    }
    let ran = |id: &str| config.rule_enabled(id);
    let checklists = checklist::build(&checklist::Input {
        doc,
        analysis: &analysis,
        structure,
        scores: &scores,
        findings: &findings,
        config,
        ran: &ran,
        pictures: &pictures,
        risk_numbers: risk_count,
    });
    let mut chunks = chunk_reports(doc, &analysis, structure, config.threshold("chunk-too-long", "words"));
    for (report, chunk) in chunks.iter_mut().zip(&structure.chunks) {
        let (pct, passives) = crate::language::unit_range_scores(&lang, chunk.body.clone());
        report.complex_language_pct = pct;
        report.passive_count = Some(passives);
    }
    if let Some(n) = &scores.numeracy_detail {
        n.fill_chunks(&mut chunks, &structure.chunks, &findings);
    }
    let mut notes = suppressions.notes();
    notes.extend(doc.notes.iter().cloned());
    if doc.text.trim().is_empty() {
        notes.push("The text is empty: there is nothing to check.".to_owned());
    } else if scores.counts.smog_sentences < 10 && scores.counts.formula_sentences > 0 {
        notes.push(
            "Fewer than 10 sentences: SMOG is not reliable here; the consensus grade is used for the target."
                .to_owned(),
        );
    } else if scores.counts.smog_sentences < 30 && scores.counts.formula_sentences > 0 {
        notes.push("Fewer than 30 sentences: SMOG uses the short-text method (scaled to 30 sentences).".to_owned());
    }
    if let Some(note) = scores.language.mtld_note {
        notes.push(format!("MTLD: {note}."));
    }
    if findings.len() > MAX_FINDINGS {
        let cut = findings.len() - MAX_FINDINGS;
        // Findings are in text order: the first ones are kept, so the report reads to a point.
        findings.truncate(MAX_FINDINGS);
        notes.push(format!(
            "Findings were cut: only the first {MAX_FINDINGS} are listed and {cut} more were left out. Fix these and check again."
        ));
    }
    Report {
        schema_version: SCHEMA_VERSION,
        leaflint_version: crate::VERSION,
        profile: config.profile,
        source: Source {
            name: name.to_owned(),
            format: doc.format,
            bytes: doc.text.len(),
            // Word spans refer to the extracted text, so the report always carries it (SPEC §1.1).
            text: (config.include_text || doc.format == Format::Docx).then(|| doc.text.clone()),
        },
        targets: targets(&scores, config),
        scores,
        findings,
        closing_prompt: (!chunks.is_empty()).then_some(teach_back::CLOSING_PROMPT),
        chunks,
        checklists,
        pictures,
        units: config.explain.then(|| unit_reports(doc, &analysis, false)),
        notes,
    }
}

/// A risk number found during the check: its span, its sentence's span, its text and picture.
type RiskNumber = (ByteSpan, ByteSpan, String, Option<Picture>);

/// Every risk or chance number of the text with the picture it could use (numbers only: no SVG
/// is drawn here), from the number model the numeracy score built.
fn risk_numbers(cx: &Context<'_>) -> Vec<RiskNumber> {
    let owned;
    let m = match cx.scores.numeracy_detail.as_ref().and_then(|n| n.model()) {
        Some(m) => m,
        None => {
            owned = NumberModel::new(cx.doc, cx.analysis);
            &owned
        }
    };
    let nx = Nx { cx, m };
    pictures::risk_numbers(&nx)
        .into_iter()
        .map(|r| (r.q.span, cx.analysis.units[r.q.unit].span, nx.qtext(r.q).to_owned(), r.picture))
        .collect()
}

/// The report's `pictures`: the risk numbers that have one, each with the picture of the finding
/// on the same number when there is one (a common denominator, a comparison), positioned.
fn picture_refs(idx: &PositionIndex, risk: Vec<RiskNumber>, findings: &[Finding]) -> Vec<PictureRef> {
    if risk.is_empty() {
        return Vec::new();
    }
    let mut from_findings: FxHashMap<(usize, usize), Picture> = FxHashMap::default();
    for f in findings.iter().filter(|f| f.category == Category::Numeracy) {
        if let Some(p) = f.data.get("picture").and_then(|v| Picture::deserialize(v).ok()) {
            from_findings.entry((f.span.start(), f.span.end())).or_insert(p);
        }
    }
    risk.into_iter()
        .filter_map(|(span, sentence, t, picture)| {
            let picture = from_findings.remove(&(span.start(), span.end())).or(picture)?;
            Some(PictureRef {
                span,
                utf16: idx.utf16(span),
                sentence,
                sentence_utf16: idx.utf16(sentence),
                text: t,
                picture,
            })
        })
        .collect()
}

/// Every unit of a document with its tokens, syllables and their sources (`leaflint segments`).
pub fn segments(doc: &Document, config: &Config) -> Vec<UnitReport> {
    let analysis = Analysis::new(doc, metrics::number_style(config.profile));
    let mut units = unit_reports(doc, &analysis, true);
    let model = crate::numbers::NumberModel::new(doc, &analysis);
    for (ui, u) in units.iter_mut().enumerate() {
        u.numbers = model
            .in_unit(ui)
            .iter()
            .map(|q| crate::report::NumberReport {
                text: doc.blocks[q.block].analysed[q.analysed.clone()].to_owned(),
                span: q.span,
                kind: q.kind,
                meaning: q.meaning,
            })
            .collect();
    }
    units
}

fn unit_reports(doc: &Document, an: &Analysis, with_tokens: bool) -> Vec<UnitReport> {
    an.units
        .iter()
        .map(|u| UnitReport {
            kind: u.kind,
            span: u.span,
            words: u.words,
            counted: u.counted,
            tokens: if with_tokens {
                an.unit_tokens(u)
                    .iter()
                    .map(|t| TokenReport {
                        text: token_text(doc, t).to_owned(),
                        span: t.span,
                        class: t.class,
                        syllables: t.syllables,
                        syllable_source: t.syllable_source,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            numbers: Vec::new(),
        })
        .collect()
}

/// Allow-list, overlap precedence, severity overrides and ordering (SPEC §1.3).
fn post_process(doc: &Document, config: &Config, mut findings: Vec<Finding>) -> Vec<Finding> {
    // Each rule's place in the two precedence lists: one hash look-up per finding, not a scan of
    // string compares (thousands of findings on a long document).
    let mut ranks: rustc_hash::FxHashMap<&'static str, [Option<usize>; 2]> = rustc_hash::FxHashMap::default();
    for r in RULES {
        let id = r.meta().id;
        let at = |list: &[&str]| list.iter().position(|x| *x == id);
        ranks.insert(id, [at(WORD_PRECEDENCE), at(NUMERACY_PRECEDENCE)]);
    }
    let rank = |list: usize, id: &str| ranks.get(id).and_then(|r| r[list]);
    if !config.allow_words.is_empty() {
        findings.retain(|f| !(rank(0, &f.rule).is_some() && config.allows_word(f.span.slice(&doc.text))));
    }
    for list in [0, 1] {
        let drop = overlap_drops(&findings, |f| rank(list, &f.rule));
        let mut i = 0;
        findings.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }
    for f in &mut findings {
        if let Some(s) = config.severity_override(&f.rule) {
            f.severity = s;
        }
    }
    findings.sort_by(|a, b| a.span.start().cmp(&b.span.start()).then_with(|| a.rule.cmp(&b.rule)));
    findings
}

/// Overlap precedence of one list (SPEC §1.3): findings are taken highest rank first (`rank`
/// 0 is the highest; `None` = not on the list, never dropped), and one is dropped when its span
/// overlaps a finding of another rule already kept. Returns, per finding, whether it is dropped.
pub(crate) fn overlap_drops(findings: &[Finding], rank: impl Fn(&Finding) -> Option<usize>) -> Vec<bool> {
    let mut idx: Vec<(usize, usize)> =
        findings.iter().enumerate().filter_map(|(i, f)| rank(f).map(|r| (r, i))).collect();
    idx.sort_unstable();
    // Kept findings by span start; a span overlapping `f` starts at most `longest` bytes before
    // it, so each check looks at a few neighbours (thousands of findings on a long document).
    let mut kept: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = std::collections::BTreeMap::new();
    let mut longest = 0usize;
    let mut drop = vec![false; findings.len()];
    for (r, i) in idx {
        let span = findings[i].span;
        let lo = span.start().saturating_sub(longest);
        let clash = kept
            .range(lo..=span.end())
            .flat_map(|(_, v)| v.iter())
            .any(|&(kr, k)| kr != r && findings[k].span.overlaps(&span));
        if clash {
            drop[i] = true;
        } else {
            longest = longest.max(span.len());
            kept.entry(span.start()).or_default().push((r, i));
        }
    }
    drop
}

/// Fill UTF-16 spans and line/column of every finding, related place and edit in one pass; the
/// index also holds the ends of the `extra` spans.
fn fill_positions(text: &str, findings: &mut [Finding], extra: impl Iterator<Item = ByteSpan>) -> PositionIndex {
    let mut offsets = Vec::with_capacity(findings.len() * 2);
    offsets.extend(extra.flat_map(|s| [s.start(), s.end()]));
    for f in findings.iter() {
        offsets.extend([f.span.start(), f.span.end()]);
        for r in &f.related {
            offsets.extend([r.span.start(), r.span.end()]);
        }
        for e in f.fixes.iter().flat_map(|x| &x.edits) {
            offsets.extend([e.span.start(), e.span.end()]);
        }
    }
    let idx = PositionIndex::build(text, offsets);
    for f in findings.iter_mut() {
        f.utf16 = idx.utf16(f.span);
        let p = idx.get(f.span.start());
        f.line = p.line;
        f.column = p.column;
        for r in &mut f.related {
            r.utf16 = idx.utf16(r.span);
        }
        for e in f.fixes.iter_mut().flat_map(|x| &mut x.edits) {
            e.utf16 = idx.utf16(e.span);
        }
    }
    idx
}

fn targets(scores: &Scores, config: &Config) -> Vec<Target> {
    let mut out = Vec::new();
    let status = |v: f64, pass: f64, ok: Option<f64>| {
        if v <= pass {
            TargetStatus::Pass
        } else if ok.is_some_and(|a| v <= a) {
            TargetStatus::Acceptable
        } else {
            TargetStatus::Fail
        }
    };
    if let Some(age) = scores.readability.reading_age {
        let pass = metrics::formulas::reading_age(config.target("grade"));
        let ok = metrics::formulas::reading_age(config.target("acceptable-grade"));
        out.push(Target {
            metric: "reading_age",
            value: age,
            pass_at_most: pass,
            acceptable_at_most: Some(ok),
            status: status(age, pass, Some(ok)),
        });
    }
    let simple = [
        ("complex_language_pct", scores.language.complex_language_pct, "complex-language-pct"),
        ("passive_share", scores.language.passive_share, "passive-share"),
        ("numeracy_load", scores.numeracy_detail.as_ref().map(|n| n.load), "numeracy-load"),
    ];
    for (metric, value, key) in simple {
        if let Some(v) = value {
            let pass = config.target(key);
            out.push(Target {
                metric,
                value: v,
                pass_at_most: pass,
                acceptable_at_most: None,
                status: status(v, pass, None),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_gives_an_empty_report_with_a_note() {
        let r = check("", &Config::default());
        assert!(r.findings.is_empty());
        assert_eq!(r.scores.counts.words, 0);
        assert_eq!(r.scores.readability.smog.grade, None);
        assert_eq!(r.notes.len(), 1);
        let r = check(" \n\n \t", &Config::default());
        assert_eq!(r.notes.len(), 1);
    }

    #[test]
    fn findings_are_sorted_and_positioned() {
        let text = "😀 Complications are rare.\n\nMore complications will be listed, and they will also be described in the leaflet that we give you at the clinic today.";
        let r = check(text, &Config::default());
        assert!(r.findings.windows(2).all(|w| w[0].span.start() <= w[1].span.start()));
        for f in &r.findings {
            let js: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(String::from_utf16_lossy(&js[f.utf16.start..f.utf16.end]), f.span.slice(text));
        }
    }
}
