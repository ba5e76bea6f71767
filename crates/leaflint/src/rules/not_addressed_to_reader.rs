//! `not-addressed-to-reader` (SPEC §4.10)
//!
//! **What it checks**: instructions written about the reader in the third person: at unit start
//! (or after an opening if/when clause) `Patients`, `People with …`, `Service users` … without a
//! quantifier, followed within 3 words by should, must, need(s) to, can, may wish to, or are/is
//! advised/asked/encouraged/required to. The detector is shared with the second-person score.
//!
//! **Why it matters to patients**: "you" tells readers the action is theirs; "patients" makes
//! them work out whether it is.
//!
//! **Flagged example**: "Patients should bring their medicines to the appointment."
//!
//! **Plainer version**: "You should bring your medicines to the appointment." (`People with
//! diabetes should check their feet` → `If you have diabetes, you should check your feet`.)
//!
//! **Source**: NHS A to Z ("you and your", "people or patients"); PEMAT 21; SHeLL person-centred
//! language.

use super::{Context, Rule, RuleMeta};
use crate::finding::{capitalise, Applicability, Category, Edit, Finding, Fix, Severity};
use crate::language::reader::{self, ReaderVerb, ThirdPerson};

/// See the module documentation.
pub struct NotAddressedToReader;

static META: RuleMeta = RuleMeta {
    id: "not-addressed-to-reader",
    category: Category::Voice,
    summary: "Instructions about 'patients' instead of to 'you'",
    default_severity: [Some(Severity::Warning), Some(Severity::Info), Some(Severity::Warning)],
    thresholds: &[],
    why: "'You' tells readers the action is theirs. 'Patients' makes them work out whether it is.",
    flagged: "Patients should bring their medicines to the appointment.",
    plainer: "You should bring your medicines to the appointment. Most people with asthma can control it well.",
    source: "NHS A to Z (you and your; people or patients); PEMAT 21; SHeLL person-centred language",
};

/// Later pronouns in the unit and what they become.
const PRONOUNS: &[(&str, &str)] = &[
    ("their", "your"),
    ("his or her", "your"),
    ("her or his", "your"),
    ("they", "you"),
    ("he or she", "you"),
    ("she or he", "you"),
    ("them", "you"),
    ("themselves", "yourself"),
    ("theirs", "yours"),
];

fn fix(cx: &Context<'_>, t: &ThirdPerson) -> Option<Fix> {
    let lang = cx.lang;
    if !t.direct {
        return None;
    }
    let verb = match t.kind {
        ReaderVerb::Modal => lang.tokens_text(t.verb.clone()).to_owned(),
        ReaderVerb::NeedsTo => "need to".to_owned(),
        ReaderVerb::Advised => "should".to_owned(),
    };
    let mut text = match &t.with {
        Some(w) => format!("if you have {}, you {verb}", lang.tokens_text(w.clone())),
        None => format!("you {verb}"),
    };
    if lang.token(t.subject.start).unit_start {
        text = capitalise(&text);
    }
    let (block, range, _) = lang.tokens_span(t.subject.start..t.verb.end);
    let mut edits = vec![Edit::new(cx.verbatim_span(block, range)?, text)];
    let u = &lang.an.units[t.unit];
    let mut i = t.verb.end;
    while i < u.tokens.end {
        let mut matched = false;
        for (from, to) in PRONOUNS {
            let n = from.split(' ').count();
            if i + n > u.tokens.end {
                continue;
            }
            let words = lang.tokens_text(i..i + n);
            if words.eq_ignore_ascii_case(from) {
                let (b, r, _) = lang.tokens_span(i..i + n);
                edits.push(Edit::new(cx.verbatim_span(b, r)?, *to));
                i += n;
                matched = true;
                break;
            }
        }
        if !matched {
            i += 1;
        }
    }
    Some(Fix { label: "Address the reader as 'you'".into(), applicability: Applicability::Review, edits })
}

impl Rule for NotAddressedToReader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = cx.lang;
        for t in reader::find(lang) {
            let subject = lang.tokens_text(t.subject.clone());
            let (_, _, span) = lang.tokens_span(t.subject.start..t.verb.end);
            let mut f = Finding::new(
                &META,
                cx.severity(&META),
                span,
                format!("This talks about '{subject}'. Talk to the reader as 'you' so they know it is for them."),
            )
            .with_data("subject", subject);
            if let Some(x) = fix(cx, &t) {
                f = f.with_fix(x);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    const ID: &str = "not-addressed-to-reader";

    #[test]
    fn spec_examples() {
        assert_fix(
            "Patients should bring their medicines to the appointment.",
            ID,
            "You should bring your medicines to the appointment.",
        );
        assert_fix("Patients are advised to fast for 6 hours.", ID, "You should fast for 6 hours.");
        assert_fix(
            "People with diabetes should check their feet every day.",
            ID,
            "If you have diabetes, you should check your feet every day.",
        );
        assert_clean("Most people with asthma can control it well.", ID);
    }

    #[test]
    fn other_forms() {
        assert_fix("The patient needs to fast.", ID, "You need to fast.");
        assert_fix("After surgery, patients must rest.", ID, "After surgery, you must rest.");
        let f = findings("Patients taking metformin should have their kidneys checked.", ID);
        assert_eq!(f.len(), 1);
        assert!(f[0].fixes.is_empty());
        assert_clean("Put the person on their side.", ID);
        assert_clean("You should bring your medicines.", ID);
    }
}
