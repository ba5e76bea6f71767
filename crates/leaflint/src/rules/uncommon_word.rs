//! `uncommon-word` (SPEC §4.6)
//!
//! **What it checks**: a word that is not common (SPEC §2.4: not in the frequency list in any
//! inflection, SCOWL level at or above `scowl-level`, not on the everyday-health list; in
//! easy-read also rarer than `min-zipf`). Numbers, acronyms, names (capitalised, not at unit
//! start), contractions, hyphenated words of common parts, allowed words and explained words are
//! exempt, and so are words the document uses in a heading (its subject: `metformin` in a
//! metformin leaflet)†. One finding per word at its first use; later uses are related places.
//!
//! **Why it matters to patients**: readers stop at words they have rarely seen; familiarity
//! matters more than length.
//!
//! **Flagged example**: "Your GP may prescribe an antiemetic."
//!
//! **Plainer version**: "Your tummy may hurt."
//!
//! **Source**: SHeLL complex language (words uncommon in English); De-Jargonizer frequency
//! bands; Leroy and Kauchak (familiarity matters more than length).
//!
//! **Off by default** in the `nhs` and `us` profiles, on in `easy-read`: on leaflint's reviewed
//! corpus of real leaflets an NHS patient-information editor agreed with 14 of 75 findings
//! (familiar words that are merely rare in the frequency list); a checker that is wrong that often
//! gets ignored (`leaflint rules --precision`). Turn it on under `[rules.uncommon-word]` with
//! `enabled = true`.

use super::{Context, Rule, RuleMeta, Threshold};
use crate::document::BlockKind;
use crate::finding::{Category, Finding, Severity};
use crate::language::explain::{explained_at, plan};
use crate::language::terms::TermRef;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The key a word is reported under: lower case, a plural ending removed (`suppositories` and
/// `suppository` are one word).
pub(crate) fn word_key(text: &str) -> String {
    let lower = text.to_lowercase();
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() >= 3) {
        return format!("{stem}y");
    }
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() >= 4 && !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('i') => stem.to_owned(),
        _ => lower,
    }
}

/// See the module documentation.
pub struct UncommonWord;

static META: RuleMeta = RuleMeta {
    id: "uncommon-word",
    category: Category::Words,
    summary: "Words that are rare in everyday English",
    default_severity: [None, None, Some(Severity::Warning)],
    thresholds: &[
        Threshold { key: "scowl-level", values: [50.0, 50.0, 40.0], doc: "words at this SCOWL level or rarer, and not in the frequency list, are uncommon" },
        Threshold { key: "min-zipf", values: [0.0, 0.0, 4.0], doc: "also uncommon below this Zipf frequency (0: not used)" },
    ],
    why: "Readers stop at words they have rarely seen. How familiar a word is matters more than how long it is.",
    flagged: "Your GP may prescribe an antiemetic.",
    plainer: "Your tummy may hurt.",
    source: "SHeLL complex language; De-Jargonizer; Leroy and Kauchak (familiarity over length)",
};

impl Rule for UncommonWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let heading_words: HashSet<String> = lang
            .an
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_word() && matches!(lang.doc.blocks[t.block as usize].kind, BlockKind::Heading { .. }))
            .map(|(i, _)| word_key(lang.tok(i)))
            .collect();
        // Words inside a named condition or service spelled out from acronyms.tsv (`polycystic
        // ovary syndrome`): the name is the point; explaining it is medical-jargon's job.
        let mut in_name = vec![false; lang.an.tokens.len()];
        for m in lang.terms() {
            if m.entries.iter().any(|e| matches!(e.term, TermRef::Expansion(_))) {
                in_name[m.tokens.clone()].iter_mut().for_each(|x| *x = true);
            }
        }
        let uncommon = lang.uncommon();
        let mut uses: HashMap<String, Vec<usize>> = HashMap::default();
        let mut order: Vec<String> = Vec::new();
        for (i, t) in lang.an.tokens.iter().enumerate() {
            if !t.is_word() || in_name[i] {
                continue;
            }
            if !uncommon[i] {
                continue;
            }
            let text = lang.tok(i);
            let key = word_key(text);
            if heading_words.contains(&key) || cx.config.allows_word(text) || lang.explained().in_glossary(&text.to_lowercase()) {
                continue;
            }
            uses.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Vec::new()
            });
            if let Some(v) = uses.get_mut(&key) {
                v.push(i);
            }
        }
        for key in order {
            let list = &uses[&key];
            let explained: Vec<bool> = list.iter().map(|&i| explained_at(lang, i..i + 1, &[])).collect();
            for p in plan(&explained, false) {
                let i = list[p.at];
                let text = lang.tok(i);
                let (severity, message) = if p.explained_later {
                    (Severity::Info, format!("'{text}' is explained later. Explain it the first time you use it."))
                } else {
                    (cx.severity(&META), format!("'{text}' is not a common word. Use a more common word, or explain it."))
                };
                let mut f = Finding::new(&META, severity, lang.token(i).span, message).with_data("word", text);
                for k in p.related {
                    f = f.with_related(lang.token(list[k]).span, "also used here");
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Profile};
    use crate::rules::test_util::*;

    const ID: &str = "uncommon-word";

    #[test]
    fn spec_examples() {
        let f = findings("Your GP may prescribe an antiemetic.", ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].data["word"], "antiemetic");
        assert!(f[0].fixes.is_empty());
        assert_clean("Your tummy may hurt.", ID);
    }

    #[test]
    fn exemptions() {
        assert_clean("Take 250mg. See Dr Okonjo at Addenbrooke's. Don't worry.", ID);
        assert_clean("Your GP may prescribe an antiemetic (a medicine to stop you feeling sick).", ID);
        assert_clean("Metformin\n\nTake metformin with food.", ID);
        let mut cfg = Config::default();
        cfg.allow_words.push("antiemetic".into());
        assert!(findings_with("Your GP may prescribe an antiemetic.", ID, &cfg).is_empty());
    }

    #[test]
    fn once_per_word() {
        let f = findings("An antiemetic helps. The antiemetic works fast.", ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].related.len(), 1);
        let f = findings("Use suppositories. A suppository is a medicine you push into your bottom.", ID);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::finding::Severity::Info, "explained later");
        assert_clean("It treats polycystic ovary syndrome (PCOS). Tell us if you take warfarin.\n\nStatins\n\nA statin lowers cholesterol.", ID);
    }

    #[test]
    fn easy_read_uses_frequency_too() {
        let cfg = Config::for_profile(Profile::EasyRead);
        assert!(!findings_with("You are susceptible to colds.", ID, &cfg).is_empty());
        assert_clean("You are susceptible to colds.", ID);
    }
}
