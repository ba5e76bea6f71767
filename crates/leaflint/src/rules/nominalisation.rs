//! `nominalisation` (SPEC §4.11)
//!
//! **What it checks**: a light verb with a noun made from a verb (our table
//! `data/nominalisations.tsv`): `make a decision about`, `carry out an assessment of`, `give
//! consideration to` … with the light verb in any form and an optional article or possessive.
//!
//! **Why it matters to patients**: hidden verbs make sentences longer and more abstract; the
//! plain verb says the action directly.
//!
//! **Flagged example**: "We will carry out an assessment of your needs."
//!
//! **Plainer version**: "We will assess your needs." (`The doctor will make a decision about your
//! treatment.` → `The doctor will decide on your treatment.`) The verb is inflected like the
//! light verb (`made a decision` → `decided`).
//!
//! **Source**: Federal Plain Language Guidelines, "avoid hidden verbs" (section title
//! unverified); lucid-lint excessive-nominalization.

use super::{Context, Rule, RuleMeta};
use crate::data::nominalisations::{self, Nominalisation as Row};
use crate::finding::{match_case, Applicability, Category, Finding, Fix, Severity};
use crate::language::inflect;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// See the module documentation.
pub struct Nominalisation;

static META: RuleMeta = RuleMeta {
    id: "nominalisation",
    category: Category::Words,
    summary: "Hidden verbs such as 'make a decision'",
    default_severity: [Some(Severity::Info), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[],
    why: "Hidden verbs make sentences longer and more abstract. The plain verb says the action directly.",
    flagged: "We will carry out an assessment of your needs.",
    plainer: "We will assess your needs.",
    source: "Federal Plain Language Guidelines (avoid hidden verbs); lucid-lint excessive-nominalization",
};

const ARTICLES: &[&str] = &["a", "an", "the", "your", "our", "their", "his", "her", "its", "this", "that", "some", "any", "my"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Base,
    Third,
    Past,
    Participle,
    Ing,
}

/// Every form of every light verb: form → (base, grammatical form), built once.
static FORMS: LazyLock<HashMap<String, Vec<(&'static str, Form)>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<(&'static str, Form)>> = HashMap::default();
    for row in nominalisations::rows() {
        let Some(base) = row.light_verb.split(' ').next().filter(|b| !b.is_empty()) else { continue };
        let forms: Vec<String> = if base == "be" {
            ["be", "are", "am", "is", "was", "were", "been", "being"].map(str::to_owned).to_vec()
        } else {
            vec![base.to_owned(), inflect::third_person(base), inflect::ing(base), inflect::past(base), inflect::participle(base)]
        };
        for f in forms {
            if let Some(form) = form_of(&f, base) {
                let e = map.entry(f).or_default();
                if !e.contains(&(base, form)) {
                    e.push((base, form));
                }
            }
        }
    }
    map
});

/// The base form and grammatical form of a light-verb token, if `base` inflects to `w`.
fn form_of(w: &str, base: &str) -> Option<Form> {
    if base == "be" {
        return match w {
            "be" | "are" | "am" => Some(Form::Base),
            "is" => Some(Form::Third),
            "was" | "were" => Some(Form::Past),
            "been" => Some(Form::Participle),
            "being" => Some(Form::Ing),
            _ => None,
        };
    }
    if w == base {
        Some(Form::Base)
    } else if w == inflect::third_person(base) {
        Some(Form::Third)
    } else if w == inflect::ing(base) {
        Some(Form::Ing)
    } else if w == inflect::past(base) {
        Some(Form::Past) // also the participle of regular verbs: decided by a preceding have
    } else if w == inflect::participle(base) {
        Some(Form::Participle)
    } else {
        None
    }
}

fn inflect_as(verb: &str, form: Form, after_have: bool) -> String {
    match form {
        Form::Base => verb.to_owned(),
        Form::Third => inflect::third_person(verb),
        Form::Ing => inflect::ing(verb),
        Form::Past if !after_have => inflect::past(verb),
        Form::Past | Form::Participle => inflect::participle(verb),
    }
}

/// Try `row` at word `k` of `words` (lower case), whose light-verb forms are `forms`: the number
/// of words matched, the light verb's form and whether the row's preposition was matched.
fn try_row(row: &Row, words: &[&str], k: usize, forms: &[(&str, Form)]) -> Option<(usize, Form, bool)> {
    let mut j = k;
    let mut form = Form::Base;
    if !row.light_verb.is_empty() {
        let mut lv = row.light_verb.split(' ');
        let base = lv.next()?;
        form = forms.iter().find(|(b, _)| *b == base)?.1;
        j += 1;
        for particle in lv {
            (*words.get(j)? == particle).then_some(())?;
            j += 1;
        }
        if words.get(j).is_some_and(|w| ARTICLES.contains(w)) {
            j += 1;
        }
    }
    for n in row.noun.split(' ') {
        (*words.get(j)? == n).then_some(())?;
        j += 1;
    }
    let prep = !row.preposition.is_empty() && words.get(j).is_some_and(|w| *w == row.preposition);
    if prep {
        j += 1;
    }
    Some((j - k, form, prep))
}

impl Rule for Nominalisation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        let rows = nominalisations::rows();
        let nouns: HashSet<&str> = rows.iter().map(|r| r.noun.split(' ').next_back().unwrap_or("")).collect();
        // `the` starts the fixed phrases (`the administration of`): only units with their noun.
        // Which interned words are nouns of the table, decided once per distinct word.
        let words_of = lang.words();
        let is_noun: Vec<bool> = words_of.lower.iter().map(|w| nouns.contains(w.as_str())).collect();
        let noun_at = |i: usize| words_of.id.get(i).is_some_and(|&id| id != u32::MAX && is_noun[id as usize]);
        for u in &lang.an.units {
            if !u.tokens.clone().any(noun_at) {
                continue;
            }
            let toks: Vec<usize> = u.tokens.clone().filter(|&i| lang.token(i).is_word()).collect();
            let words: Vec<&str> = toks.iter().map(|&i| lang.lower(i)).collect();
            if !words.iter().any(|w| FORMS.contains_key(*w) || *w == "the") {
                continue;
            }
            let mut k = 0;
            while k < words.len() {
                let forms: &[(&str, Form)] = FORMS.get(words[k]).map_or(&[], Vec::as_slice);
                if forms.is_empty() && words[k] != "the" {
                    k += 1;
                    continue;
                }
                let best = rows
                    .iter()
                    .filter(|r| {
                        let base = r.light_verb.split(' ').next().unwrap_or("");
                        if base.is_empty() { words[k] == "the" } else { forms.iter().any(|(b, _)| *b == base) }
                    })
                    .filter_map(|r| try_row(r, &words, k, forms).map(|m| (r, m)))
                    .filter(|(_, (n, _, _))| toks[k + n - 1] - toks[k] == n - 1)
                    .max_by_key(|(r, (n, _, prep))| (*n, *prep, r.preposition.is_empty()));
                let Some((row, (n, form, prep))) = best else {
                    k += 1;
                    continue;
                };
                let after_have = k > 0 && matches!(words[k - 1], "has" | "have" | "had");
                let mut verb = if row.light_verb.is_empty() { row.verb.to_owned() } else { inflect_as(row.verb, form, after_have) };
                if prep && !row.verb_preposition.is_empty() {
                    verb = format!("{verb} {}", row.verb_preposition);
                }
                let (block, range, span) = lang.tokens_span(toks[k]..toks[k + n - 1] + 1);
                let phrase = lang.tokens_text(toks[k]..toks[k + n - 1] + 1);
                let replacement = match_case(phrase, &verb);
                let mut f = Finding::new(
                    &META,
                    cx.severity(&META),
                    span,
                    format!("'{phrase}' hides the verb. '{replacement}' is shorter and clearer."),
                )
                .with_data("phrase", phrase)
                .with_data("verb", verb.as_str());
                if let Some(span) = cx.verbatim_span(block, range) {
                    f = f.with_fix(Fix::replace(format!("Write '{replacement}'"), Applicability::Review, span, replacement));
                }
                out.push(f);
                k += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const ID: &str = "nominalisation";

    #[test]
    fn spec_examples() {
        assert_fix("We will carry out an assessment of your needs.", ID, "We will assess your needs.");
        assert_fix("The doctor will make a decision about your treatment.", ID, "The doctor will decide on your treatment.");
        assert_clean("We will assess your needs.", ID);
    }

    #[test]
    fn light_verb_forms() {
        assert_fix("She made a decision yesterday.", ID, "She decided yesterday.");
        assert_fix("He makes a complaint about it.", ID, "He complains about it.");
        assert_fix("We are making a choice between them.", ID, "We are choosing between them.");
        assert_fix("You have made a choice.", ID, "You have chosen.");
        assert_fix("If you are in need of help, call us.", ID, "If you need help, call us.");
        assert_fix("It is in receipt of funds.", ID, "It gets funds.");
        assert_fix("Make use of the spacer.", ID, "Use the spacer.");
        assert_fix("The administration of the vaccine is quick.", ID, "Giving the vaccine is quick.");
        assert_fix("We took into consideration your needs.", ID, "We considered your needs.");
    }
}
