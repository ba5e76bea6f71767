//! Rules: the [`Rule`] trait, rule metadata and the registry.
//!
//! A rule is one file in this folder plus one line in the `registry!` call below. A rule reads
//! the document, its analysis and scores through a [`Context`] and pushes [`Finding`]s; it cannot
//! fail, and it knows nothing of the CLI or the browser. Thresholds are declared in the rule's
//! [`RuleMeta`] per profile and read with [`Context::threshold`], so the default configuration comes
//! from here and nowhere else.

use crate::config::{Config, Profile};
use crate::document::{Block, Document};
use crate::finding::{Category, Finding, Severity};
use crate::metrics::Scores;
use crate::span::ByteSpan;
use crate::text::{Analysis, Token, Unit};
use std::ops::Range;

/// A named threshold with its default per profile `[nhs, us, easy-read]`.
#[derive(Debug)]
pub struct Threshold {
    /// Config key (`words`), written `rule-id.key` in documentation.
    pub key: &'static str,
    /// Default per profile.
    pub values: [f64; 3],
    /// What it means.
    pub doc: &'static str,
}

/// Everything about a rule that is not its code: id, category, defaults and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id: the config key and the code in every output.
    pub id: &'static str,
    /// The family.
    pub category: Category,
    /// One line, under 80 characters.
    pub summary: &'static str,
    /// Default severity per profile `[nhs, us, easy-read]`; `None` = off in that profile.
    pub default_severity: [Option<Severity>; 3],
    /// Thresholds the rule reads.
    pub thresholds: &'static [Threshold],
    /// Why it matters to patients.
    pub why: &'static str,
    /// A text the rule flags.
    pub flagged: &'static str,
    /// A plainer version the rule does not flag.
    pub plainer: &'static str,
    /// The guidance it comes from.
    pub source: &'static str,
}

/// A check. Implementations are unit structs registered in [`RULES`].
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Push every finding for the document. Must not panic on any input.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// What a rule can read.
pub struct Context<'a> {
    /// The parsed document.
    pub doc: &'a Document,
    /// Units, tokens, syllables.
    pub analysis: &'a Analysis,
    /// Document scores.
    pub scores: &'a Scores,
    /// The configuration.
    pub config: &'a Config,
    /// Action units and chunks (SPEC §6.1–§6.2).
    pub structure: &'a crate::structure::Structure,
    /// Plain-language detectors (term matches, acronyms, passives), shared with the scores.
    pub lang: &'a crate::language::Lang<'a>,
}

impl<'a> Context<'a> {
    /// The profile.
    pub fn profile(&self) -> Profile {
        self.config.profile
    }
    /// A threshold of `meta`'s rule under the current config.
    pub fn threshold(&self, meta: &RuleMeta, key: &str) -> f64 {
        self.config.threshold_of(meta, key)
    }
    /// The rule's default severity in the current profile (info when off but enabled by config).
    pub fn severity(&self, meta: &RuleMeta) -> Severity {
        meta.default_severity[self.profile().index()].unwrap_or(Severity::Info)
    }
    /// The analysed text of a unit.
    pub fn unit_text(&self, u: &Unit) -> &'a str {
        crate::text::unit_text(self.doc, u)
    }
    /// The analysed text of a token.
    pub fn token_text(&self, t: &Token) -> &'a str {
        crate::text::token_text(self.doc, t)
    }
    /// The block a unit is in.
    pub fn block(&self, u: &Unit) -> &'a Block {
        &self.doc.blocks[u.block]
    }
    /// The source span of `range` of a block's analysed text, if the source there is the same
    /// text byte for byte (so a fix there cannot cut through markup or an entity).
    pub fn verbatim_span(&self, block: usize, range: Range<usize>) -> Option<ByteSpan> {
        let b = &self.doc.blocks[block];
        let span = b.span_of(range.clone());
        (span.slice(&self.doc.text) == b.analysed.get(range)?).then_some(span)
    }
}

macro_rules! registry {
    ($($module:ident :: $ty:ident,)*) => {
        $(mod $module;)*
        /// Every rule, in id order.
        pub static RULES: &[&dyn Rule] = &[$(&$module::$ty,)*];
    };
}

registry! {
    adjacent_numbers::AdjacentNumbers,
    chunk_too_long::ChunkTooLong,
    clinical_shorthand::ClinicalShorthand,
    complex_word::ComplexWord,
    dash_range::DashRange,
    decimal::Decimal,
    fraction::Fraction,
    hard_sentence::HardSentence,
    implied_calculation::ImpliedCalculation,
    inclusive_language::InclusiveLanguage,
    large_number_unanchored::LargeNumberUnanchored,
    long_list::LongList,
    long_paragraph::LongParagraph,
    long_sentence::LongSentence,
    long_word::LongWord,
    main_message_not_first::MainMessageNotFirst,
    medical_jargon::MedicalJargon,
    missing_headings::MissingHeadings,
    missing_time_frame::MissingTimeFrame,
    mixed_denominators::MixedDenominators,
    mixed_number_formats::MixedNumberFormats,
    nhs_style_words::NhsStyleWords,
    no_call_to_action::NoCallToAction,
    no_summary::NoSummary,
    nominalisation::Nominalisation,
    not_addressed_to_reader::NotAddressedToReader,
    number_density::NumberDensity,
    number_style::NumberStyle,
    one_in_x_varying::OneInXVarying,
    one_sided_framing::OneSidedFraming,
    passive_voice::PassiveVoice,
    percentage::Percentage,
    relative_risk::RelativeRisk,
    steps_in_one_sentence::StepsInOneSentence,
    too_many_key_messages::TooManyKeyMessages,
    uk_spelling::UkSpelling,
    uncommon_word::UncommonWord,
    undefined_acronym::UndefinedAcronym,
    us_spelling::UsSpelling,
    vague_heading::VagueHeading,
    vague_qualifier::VagueQualifier,
    verbal_probability::VerbalProbability,
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    // The registry is alphabetical (tested below): a binary search, not a scan of string compares.
    RULES.binary_search_by(|r| r.meta().id.cmp(id)).ok().map(|i| RULES[i])
}

/// How often an NHS patient-information editor agreed with a rule's findings on leaflint's reviewed
/// corpus of real leaflets (`tests/corpus/review.tsv`; generated into `rules/precision.tsv` by the
/// corpus gate test, so it is current with the rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Precision {
    /// Findings judged a real problem worth the editor's time, with the right message and fix.
    pub agree: u32,
    /// Real problems reported clumsily (wrong message or fix, or not worth the time as reported).
    pub partly: u32,
    /// Noise.
    pub disagree: u32,
}

impl Precision {
    /// Findings reviewed.
    pub fn reviewed(&self) -> u32 {
        self.agree + self.partly + self.disagree
    }
    /// Share agreed, 0 to 1.
    pub fn agreement(&self) -> f64 {
        f64::from(self.agree) / f64::from(self.reviewed().max(1))
    }
}

/// The measured [`Precision`] of a rule, if the reviewed corpus has findings of it.
pub fn precision(id: &str) -> Option<Precision> {
    include_str!("precision.tsv").lines().filter(|l| !l.starts_with('#')).find_map(|l| {
        let mut c = l.split('\t');
        (c.next()? == id).then_some(())?;
        let mut n = || c.next()?.parse().ok();
        Some(Precision { agree: n()?, partly: n()?, disagree: n()? })
    })
}

/// Word-level rules, highest precedence first (SPEC §1.3): when two flag overlapping spans only
/// the first reports it.
pub const WORD_PRECEDENCE: &[&str] = &[
    "clinical-shorthand",
    "undefined-acronym",
    "medical-jargon",
    "inclusive-language",
    "nhs-style-words",
    "nominalisation",
    "vague-qualifier",
    "complex-word",
    "uk-spelling",
    "us-spelling",
    "uncommon-word",
    "long-word",
];

/// Numeracy rules, highest precedence first (SPEC §1.3).
pub const NUMERACY_PRECEDENCE: &[&str] =
    &["relative-risk", "percentage", "fraction", "decimal", "dash-range", "number-style"];

#[cfg(test)]
pub(crate) mod test_util {
    //! Helpers for rule tests: run one rule on a text under a profile.
    use super::*;

    /// Findings of `rule` on plain `text` (nhs profile).
    pub fn findings(text: &str, rule: &str) -> Vec<Finding> {
        findings_with(text, rule, &Config::default())
    }

    /// Findings of `rule` on plain `text` under `cfg` (the rule is enabled).
    pub fn findings_with(text: &str, rule: &str, cfg: &Config) -> Vec<Finding> {
        let mut cfg = cfg.clone();
        cfg.set_enabled(rule, true);
        crate::check(text, &cfg).findings.into_iter().filter(|f| f.rule == rule).collect()
    }

    /// Assert `rule` flags `text` `n` times.
    #[track_caller]
    pub fn assert_flags(text: &str, rule: &str, n: usize) {
        let f = findings(text, rule);
        assert_eq!(f.len(), n, "{rule} on {text:?}: {f:#?}");
    }

    /// Assert `rule` does not flag `text`.
    #[track_caller]
    pub fn assert_clean(text: &str, rule: &str) {
        assert_flags(text, rule, 0);
    }

    /// Assert that applying the first fix of the first finding gives `expected`.
    #[track_caller]
    pub fn assert_fix(text: &str, rule: &str, expected: &str) {
        assert_fix_with(text, rule, &Config::default(), expected);
    }

    /// [`assert_fix`] under `cfg`.
    #[track_caller]
    pub fn assert_fix_with(text: &str, rule: &str, cfg: &Config, expected: &str) {
        let f = findings_with(text, rule, cfg);
        let fix =
            f.first().and_then(|f| f.fixes.first()).unwrap_or_else(|| panic!("{rule} gave no fix on {text:?}: {f:#?}"));
        assert_eq!(crate::apply_fixes(text, [fix]), expected);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_unique_kebab_and_sorted() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.meta().id).collect();
        let set: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(set.len(), ids.len(), "duplicate ids");
        for id in &ids {
            assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{id}");
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted, "keep the registry alphabetical");
    }

    #[test]
    fn metadata_is_complete() {
        for r in RULES {
            let m = r.meta();
            assert!(!m.summary.is_empty() && m.summary.len() < 80, "{}: summary", m.id);
            for s in [m.why, m.flagged, m.plainer, m.source] {
                assert!(!s.is_empty(), "{}: documentation", m.id);
            }
            for t in m.thresholds {
                assert!(t.values.iter().all(|v| v.is_finite()), "{}.{}", m.id, t.key);
            }
        }
    }

    /// Every rule flags its own example and not its plainer version (biome-style doc tests).
    #[test]
    fn documented_examples_hold() {
        for r in RULES {
            let m = r.meta();
            let flagged = test_util::findings(m.flagged, m.id);
            assert!(!flagged.is_empty(), "{} does not flag its example {:?}", m.id, m.flagged);
            let clean = test_util::findings(m.plainer, m.id);
            assert!(clean.is_empty(), "{} flags its plainer version {:?}: {clean:#?}", m.id, m.plainer);
        }
    }
}
