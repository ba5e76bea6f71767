//! Teach-back prompts (SPEC §6.14): questions a clinician can ask to check that the reader can
//! say, in their own words, what to do. One prompt per verb class in order of first appearance,
//! at most [`PROMPTS_PER_CHUNK`] per chunk, from fixed templates filled with the verb, the object
//! phrase or the event of the unit.
//!
//! Invariants (tested): every prompt starts with `Can you tell me` or `Can you show me` and ends
//! with `?`; it holds no quantity from the text (doses, times and counts are for the reader to
//! say; phone and service numbers may appear); it is never a yes/no check such as "Do you
//! understand?".
//!
//! Beyond the SPEC's class templates (†): a few verbs have a more natural question of their own —
//! `stop taking` ("when would you stop taking this medicine?"), `come back`/`return` ("when
//! would you come back?"), `bring`, `book`, `eat` and `drink` — because the prepare and self-care
//! templates read oddly for them ("what you need to bring or do" for "Come back if …").

use super::{Chunk, Structure};
use crate::document::Document;
use crate::text::action::{Action, VerbClass};

/// Most prompts per chunk (SPEC §1.6 †).
pub const PROMPTS_PER_CHUNK: usize = 3;

/// The closing prompt for a whole document (SPEC §6.14 †).
pub const CLOSING_PROMPT: &str = "Can you tell me the most important thing you will do when you get home?";

const FORMS: [&str; 8] = ["cream", "gel", "ointment", "inhaler", "drops", "spray", "patch", "injection"];
const DEVICES: [&str; 6] = ["inhaler", "spacer", "pen", "spray", "patch", "drops"];
const DEVICE_VERBS: [&str; 4] = ["use", "inject", "inhale", "apply"];

/// The teach-back prompts of a chunk.
pub fn prompts(doc: &Document, st: &Structure, chunk: &Chunk) -> Vec<String> {
    let mut seen: Vec<VerbClass> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for u in chunk.body.clone() {
        let Some(Some(a)) = st.actions.get(u) else { continue };
        if seen.contains(&a.class) {
            continue;
        }
        seen.push(a.class);
        let topic = chunk.heading.map(|h| doc.blocks[h].analysed.as_str());
        for p in prompt(a, topic) {
            if out.len() < PROMPTS_PER_CHUNK && !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// The words of the unit (lower case) contain `w` or its plural.
fn names(a: &Action, w: &str) -> bool {
    let text = format!("{} {}", a.phrase.as_deref().unwrap_or(""), a.object.as_deref().unwrap_or("")).to_lowercase();
    text.split(|c: char| !c.is_alphanumeric())
        .any(|x| x == w || x.strip_suffix('s') == Some(w) || x == w.trim_end_matches('s'))
}

/// The prompt(s) for one action (SPEC §6.14 templates; `topic` is the chunk heading).
pub fn prompt(a: &Action, topic: Option<&str>) -> Vec<String> {
    let verb = a.verb.as_str();
    match a.class {
        VerbClass::Medicine => {
            // "Shake the inhaler", "Prime the pen": the question is about using it.
            const TELL: [&str; 12] = [
                "take", "use", "apply", "swallow", "inject", "inhale", "chew", "insert", "rub", "spray", "give", "put",
            ];
            let verb = if TELL.contains(&verb) { verb } else { "use" };
            let object =
                FORMS.iter().find(|f| names(a, f)).map_or_else(|| "this medicine".to_owned(), |f| format!("your {f}"));
            let mut v = vec![format!("Can you tell me how and when you will {verb} {object}?")];
            if DEVICE_VERBS.contains(&verb) {
                if let Some(d) = DEVICES.iter().find(|d| names(a, d)) {
                    v.push(format!("Can you show me how you will use your {d}?"));
                }
            }
            v
        }
        VerbClass::Contact => match whom(a) {
            Some(whom) if a.condition => vec![format!("Can you tell me when you would {verb} {whom}?")],
            _ => vec![format!("Can you tell me who you will {verb} and when?")],
        },
        VerbClass::Avoid
            if verb == "stop" && a.phrase.as_deref().is_some_and(|p| p.to_lowercase().starts_with("taking")) =>
        {
            let when = if a.condition { "would" } else { "will" };
            vec![format!("Can you tell me when you {when} stop taking this medicine?")]
        }
        VerbClass::Avoid if a.duration => vec!["Can you tell me what you should not do, and for how long?".to_owned()],
        VerbClass::Avoid => vec!["Can you tell me what you should not do?".to_owned()],
        VerbClass::Monitor => {
            vec!["Can you tell me what you will check, and what you will do if it changes?".to_owned()]
        }
        VerbClass::SelfCare => vec![match verb {
            "drink" => "Can you tell me what you will drink, and how much?".to_owned(),
            "eat" => "Can you tell me what you will eat?".to_owned(),
            _ => "Can you tell me what you will do to look after yourself at home?".to_owned(),
        }],
        VerbClass::Prepare if verb == "come back" || verb == "return" || verb == "go back" => {
            let when = if a.condition { "would" } else { "will" };
            vec![format!("Can you tell me when you {when} come back?")]
        }
        VerbClass::Prepare if matches!(verb, "wait" | "leave") => {
            vec!["Can you tell me how long you need to wait?".to_owned()]
        }
        VerbClass::Prepare => vec![match (&a.before, verb) {
            (Some(event), _) => format!("Can you tell me what you need to do before your {event}?"),
            (None, "bring") => "Can you tell me what you will bring with you?".to_owned(),
            (None, "book") => "Can you tell me what you need to book, and when?".to_owned(),
            _ => "Can you tell me what you need to bring or do?".to_owned(),
        }],
        VerbClass::Other => {
            let topic = topic
                .map(strip_numbering)
                .filter(|t| !t.is_empty() && !t.chars().any(|c| c.is_ascii_digit()))
                .map_or_else(|| "this".to_owned(), |t| t.trim_end_matches(['?', '.', ':']).to_lowercase());
            vec![format!("Can you tell me, in your own words, what you will do about {topic}?")]
        }
    }
}

/// Whom to contact, as written (`999`, `your GP`, `NHS 111`), without a quantity.
fn whom(a: &Action) -> Option<&str> {
    let p = a.phrase.as_deref()?.trim();
    (!p.is_empty()).then_some(p)
}

/// A heading without its numbering (`3. How to take it` → `How to take it`).
fn strip_numbering(h: &str) -> &str {
    let t = h.trim_start();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() < t.len() {
        rest.trim_start_matches(['.', ')', ':']).trim_start()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::action::action;

    fn ask(unit: &str) -> Vec<String> {
        prompt(&action(unit).unwrap_or_else(|| panic!("not an action: {unit}")), Some("Your treatment"))
    }

    /// At least 10 kinds of instruction read as natural questions (issue 6).
    #[test]
    fn prompts_for_each_kind_of_instruction() {
        let cases: [(&str, &[&str]); 14] = [
            ("Take 1 tablet 2 times a day.", &["Can you tell me how and when you will take this medicine?"]),
            (
                "Use your inhaler every morning.",
                &[
                    "Can you tell me how and when you will use your inhaler?",
                    "Can you show me how you will use your inhaler?",
                ],
            ),
            ("Apply the cream thinly to the rash.", &["Can you tell me how and when you will apply your cream?"]),
            ("Call 999 if you have chest pain.", &["Can you tell me when you would call 999?"]),
            ("Contact your GP surgery.", &["Can you tell me who you will contact and when?"]),
            ("Avoid alcohol while you take it.", &["Can you tell me what you should not do?"]),
            ("Do not drive for 24 hours.", &["Can you tell me what you should not do, and for how long?"]),
            ("Stop taking it if you get a rash.", &["Can you tell me when you would stop taking this medicine?"]),
            ("Come back if your symptoms get worse.", &["Can you tell me when you would come back?"]),
            ("Bring your medicines to the clinic.", &["Can you tell me what you will bring with you?"]),
            ("Drink plenty of fluids.", &["Can you tell me what you will drink, and how much?"]),
            (
                "Check your blood sugar before meals.",
                &["Can you tell me what you will check, and what you will do if it changes?"],
            ),
            ("Book an appointment with the practice nurse.", &["Can you tell me what you need to book, and when?"]),
            (
                "Do not eat anything for 6 hours before your operation.",
                &["Can you tell me what you should not do, and for how long?"],
            ),
        ];
        for (unit, want) in cases {
            assert_eq!(ask(unit), want.to_vec(), "{unit}");
        }
        assert_eq!(ask("Eat small meals."), vec!["Can you tell me what you will eat?"]);
        assert_eq!(ask("Shake the inhaler well.")[0], "Can you tell me how and when you will use your inhaler?");
        assert_eq!(
            ask("Always leave at least 4 hours between doses."),
            vec!["Can you tell me how long you need to wait?"]
        );
        assert_eq!(
            ask("Check with your doctor if you:"),
            vec!["Can you tell me when you would check with your doctor?"]
        );
        assert_eq!(ask("Rest at home."), vec!["Can you tell me what you will do to look after yourself at home?"]);
        assert_eq!(
            ask("Remove any jewellery before your colonoscopy."),
            vec!["Can you tell me what you need to do before your colonoscopy?"]
        );
        assert_eq!(
            ask("Finish the course."),
            vec!["Can you tell me, in your own words, what you will do about your treatment?"]
        );
        let other = prompt(&action("Finish the course.").expect("action"), Some("3. Taking 2 tablets"));
        assert_eq!(other, vec!["Can you tell me, in your own words, what you will do about this?"]);
    }

    /// Every prompt keeps the invariants, on real leaflet sentences.
    #[test]
    fn invariants_hold() {
        let units = [
            "Take 1 or 2 500mg tablets up to 4 times in 24 hours.",
            "Call NHS 111 if you are worried.",
            "If you forget a dose, take it as soon as you remember.",
            "Do not take more than 8 tablets in 24 hours.",
            "See a GP if your symptoms last more than 7 days.",
            "Ring 0300 123 4567 to book.",
            "You should apply 2 drops to each eye 3 times a day.",
            "Keep taking them until the course is finished.",
            "Wait at least 4 hours between doses.",
            "Go to A&E if you have taken too much.",
            "Tell your doctor if you are pregnant.",
            "Weigh yourself every 2 days.",
        ];
        for u in units {
            let a = action(u).unwrap_or_else(|| panic!("not an action: {u}"));
            for p in prompt(&a, Some("Step 2 of 3")) {
                assert!(p.starts_with("Can you tell me") || p.starts_with("Can you show me"), "{p}");
                assert!(p.ends_with('?'), "{p}");
                for bad in ["understand", "any questions", "Do you", "Is that", "OK?"] {
                    assert!(!p.contains(bad), "{p}");
                }
                // Numbers only as phone or service numbers (3 digits or more).
                for w in p.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()) {
                    assert!(w.len() >= 3, "{u} → {p}");
                }
            }
        }
        assert!(CLOSING_PROMPT.starts_with("Can you tell me") && CLOSING_PROMPT.ends_with('?'));
    }
}
