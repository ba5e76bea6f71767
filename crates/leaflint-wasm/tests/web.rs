//! The adapter as JavaScript sees it, run in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p leaflint-wasm --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use leaflint_wasm::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LEAFLET: &str = "😀 Metformin\n\nIf you notice any of the following symptoms after you have started taking \
the medicine, or at any time during the course of the treatment that your doctor has recommended, contact \
your surgery straight away.\n\nTake it with food.";

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no `{key}` in `{path}`"))
    })
}

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path).as_f64().unwrap_or_else(|| panic!("`{path}` is not a number"))
}

fn findings(report: &JsValue) -> Vec<JsValue> {
    Array::from(&get(report, "findings")).iter().collect()
}

fn config(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test config is JSON")
}

#[track_caller]
fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err: JsValue = match result {
        Ok(v) => panic!("should throw, returned {v:?}"),
        Err(e) => e.into(),
    };
    assert!(err.is_instance_of::<js_sys::Error>(), "thrown value is a JS Error");
    String::from(err.unchecked_into::<js_sys::Error>().message())
}

#[wasm_bindgen_test]
fn report_is_a_plain_object_with_the_spec_shape() {
    let report = check(LEAFLET, JsValue::UNDEFINED, None).expect("check");
    let plain = JsValue::from(Object::get_prototype_of(&Object::new()));
    assert_eq!(JsValue::from(Object::get_prototype_of(&report)), plain, "a plain object, not a class");
    assert_eq!(num(&report, "schema_version"), 1.0);
    assert_eq!(get(&report, "leaflint_version").as_string(), Some(version()));
    assert_eq!(get(&report, "profile").as_string().as_deref(), Some("nhs"));
    assert_eq!(get(&report, "source.format").as_string().as_deref(), Some("text"));
    assert!(num(&report, "scores.readability.reading_age") > 0.0);
    assert!(get(&report, "scores.numeracy.load").as_f64().is_some(), "the numeracy load is computed");
    assert!(get(&report, "closing_prompt").as_string().is_some());
    assert!(Array::is_array(&get(&report, "checklists.cdc_cci.items")));
    assert!(Array::is_array(&get(&report, "chunks")));
    // Finding `data` is a serde_json map: it must arrive as an object, not a JS Map.
    let first = findings(&report).into_iter().next().expect("the long sentence is flagged");
    assert!(get(&first, "data").is_object() && !get(&first, "data").is_instance_of::<js_sys::Map>());
}

#[wasm_bindgen_test]
fn utf16_spans_slice_the_flagged_text_after_an_emoji() {
    let report = check(LEAFLET, JsValue::UNDEFINED, Some("text".into())).expect("check");
    let js_text = JsString::from(LEAFLET);
    let all = findings(&report);
    assert!(!all.is_empty());
    for f in &all {
        let (bs, be) = (num(f, "span.start") as usize, num(f, "span.end") as usize);
        let (us, ue) = (num(f, "utf16.start") as u32, num(f, "utf16.end") as u32);
        assert_eq!(String::from(js_text.slice(us, ue)), &LEAFLET[bs..be]);
        // Document-scope findings sit at 0..0, before the emoji.
        if bs > 0 {
            assert!(us < bs as u32, "the emoji is 4 bytes but 2 UTF-16 units, so offsets differ");
        }
    }
    let sentence = all.iter().find(|f| get(f, "rule").as_string().as_deref() == Some("long-sentence"));
    let sentence = sentence.expect("long-sentence flags the long sentence");
    let slice = String::from(js_text.slice(num(sentence, "utf16.start") as u32, num(sentence, "utf16.end") as u32));
    assert!(slice.starts_with("If you notice") && slice.ends_with("straight away."), "{slice}");
}

#[wasm_bindgen_test]
fn config_object_controls_profile_rules_and_thresholds() {
    let n = |cfg: &str| {
        let r = check(LEAFLET, config(cfg), None).expect("check");
        findings(&r).iter().filter(|f| get(f, "rule").as_string().as_deref() == Some("long-sentence")).count()
    };
    assert_eq!(n(r#"{}"#), 1);
    assert_eq!(n(r#"{"rules": {"long-sentence": {"enabled": false}}}"#), 0);
    assert_eq!(n(r#"{"rules": {"long-sentence": {"words": 60, "very-long-words": 80}}}"#), 0);
    let easy = check(LEAFLET, config(r#"{"profile": "easy-read", "allow-words": ["metformin"]}"#), None).expect("ok");
    assert_eq!(get(&easy, "profile").as_string().as_deref(), Some("easy-read"));
}

#[wasm_bindgen_test]
fn bad_config_throws_an_error_naming_the_problem() {
    let msg = error_message(check("Hi.", config(r#"{"profil": "us"}"#), None));
    assert!(msg.contains("profil") && msg.starts_with("invalid leaflint config"), "{msg}");
    let msg = error_message(check("Hi.", config(r#"{"rules": {"long-sentence": {"wordz": 3}}}"#), None));
    assert!(msg.contains("`wordz`") && msg.contains("it has: words"), "{msg}");
    let msg = error_message(check("Hi.", config(r#"{"rules": {"no-such-rule": {"enabled": true}}}"#), None));
    assert!(msg.contains("unknown rule `no-such-rule`"), "{msg}");
    let msg = error_message(check("Hi.", config(r#"{"profile": "uk"}"#), None));
    assert!(msg.contains("uk"), "{msg}");
    let msg = error_message(check("Hi.", JsValue::UNDEFINED, Some("pdf".into())));
    assert!(msg.contains("unknown format `pdf`"), "{msg}");
}

#[wasm_bindgen_test]
fn markdown_spans_point_at_the_source() {
    let md = "# Metformin\n\n**Take it** with food, and if you notice any of the following symptoms after you have \
started taking the medicine or at any time during treatment, contact your surgery.";
    let report = check(md, JsValue::NULL, Some("md".into())).expect("check");
    assert_eq!(get(&report, "source.format").as_string().as_deref(), Some("markdown"));
    let js = JsString::from(md);
    for f in findings(&report) {
        let s = String::from(js.slice(num(&f, "utf16.start") as u32, num(&f, "utf16.end") as u32));
        assert!(!s.is_empty() && !s.starts_with('#'), "{s}");
    }
}

#[wasm_bindgen_test]
fn apply_fix_takes_a_fix_from_the_report() {
    let report = check(LEAFLET, JsValue::UNDEFINED, None).expect("check");
    let with_fix = findings(&report).into_iter().find(|f| Array::from(&get(f, "fixes")).length() > 0);
    let Some(finding) = with_fix else { return }; // no rule offers a fix on this text yet
    let fix = Array::from(&get(&finding, "fixes")).get(0);
    let fixed = apply_fix(LEAFLET, fix.clone()).map_err(JsValue::from).expect("fix applies");
    assert_ne!(fixed, LEAFLET);
    let both = apply_fixes(LEAFLET, Array::of1(&fix).into()).map_err(JsValue::from).expect("fixes apply");
    assert_eq!(both, fixed);
}

#[wasm_bindgen_test]
fn apply_fix_edits_by_byte_span_and_refuses_stale_fixes() {
    let fix = config(
        r#"{"label": "Write 'to'", "applicability": "review",
            "edits": [{"span": {"start": 5, "end": 16}, "utf16": {"start": 3, "end": 14}, "replacement": "to"}]}"#,
    );
    let fixed = apply_fix("😀 In order to rest.", fix.clone()).map_err(JsValue::from).expect("applies");
    assert_eq!(fixed, "😀 to rest.");
    let msg = error_message(apply_fix("short", fix).map(JsValue::from));
    assert!(msg.contains("no longer fits"), "{msg}");
    let msg = error_message(apply_fix("text", config(r#"{"label": "x"}"#)).map(JsValue::from));
    assert!(msg.starts_with("invalid fix"), "{msg}");
}

#[wasm_bindgen_test]
fn rules_carry_the_metadata_the_widget_shows() {
    let rules = Array::from(&rules().expect("rules"));
    assert!(rules.length() >= 4);
    let long = rules.iter().find(|r| get(r, "id").as_string().as_deref() == Some("long-sentence")).expect("listed");
    assert_eq!(get(&long, "category").as_string().as_deref(), Some("readability"));
    assert!(!get(&long, "why").as_string().unwrap_or_default().is_empty());
    assert_eq!(get(&long, "defaults.nhs").as_string().as_deref(), Some("warning"));
    let words = Array::from(&get(&long, "thresholds")).get(0);
    assert_eq!(num(&words, "values.easy-read"), 15.0);
}

#[wasm_bindgen_test]
fn empty_text_gives_null_scores_not_an_error() {
    let report = check("", JsValue::UNDEFINED, None).expect("check");
    assert!(get(&report, "scores.readability.reading_age").is_null());
    assert!(get(&report, "scores.readability.smog.grade").is_null());
    assert_eq!(Array::from(&get(&report, "notes")).length(), 1);
}

#[wasm_bindgen_test]
fn read_file_decodes_like_the_cli_and_names_the_file_in_errors() {
    let md = read_file("# Rest\r\n\nDrink water.".as_bytes(), "advice.md").expect("text file");
    assert_eq!(get(&md, "format").as_string().as_deref(), Some("markdown"));
    assert_eq!(get(&md, "text").as_string().as_deref(), Some("# Rest\r\n\nDrink water."));
    let txt = read_file("😀 Rest.".as_bytes(), "advice.txt").expect("text file");
    assert_eq!(get(&txt, "format").as_string().as_deref(), Some("text"));
    let msg = error_message(read_file(b"PK\x03\x04rest", "leaflet.docx"));
    assert!(msg.contains("leaflet.docx") && msg.contains("Word"), "{msg}");
    let msg = error_message(read_file(b"Caf\xe9", "menu.txt"));
    assert!(msg.contains("menu.txt") && msg.contains("UTF-8"), "{msg}");
    let msg = error_message(read_file(b"\x00\x01\x02", "picture.txt"));
    assert!(msg.contains("binary"), "{msg}");
}

#[wasm_bindgen_test]
fn a_word_file_opens_as_its_text_and_is_checked_as_the_decoded_document() {
    let docx = include_bytes!("../../../tests/fixtures/amoxicillin-leaflet.docx");
    let opened = read_file(docx, "amoxicillin-leaflet.docx").expect("a real .docx");
    assert_eq!(get(&opened, "format").as_string().as_deref(), Some("docx"));
    let text = get(&opened, "text").as_string().expect("extracted text");
    assert!(text.to_lowercase().contains("amoxicillin"), "{text}");
    let report = check(&text, JsValue::NULL, Some("docx".into())).expect("checks");
    assert_eq!(get(&report, "source.format").as_string().as_deref(), Some("docx"));
    let html = read_file(b"<main><h1>Rest</h1><p>Drink water.</p></main>", "advice.html").expect("html");
    assert_eq!(get(&html, "format").as_string().as_deref(), Some("html"));
}

#[wasm_bindgen_test]
fn pictures_are_descriptors_in_the_report_and_svg_on_request() {
    let text = "About 1 in 10 people get a headache. Without treatment, 1 in 4 people get worse.";
    let report = check(text, JsValue::UNDEFINED, None).expect("check");
    let pictures: Vec<JsValue> = Array::from(&get(&report, "pictures")).iter().collect();
    assert_eq!(pictures.len(), 2);
    let first = &pictures[0];
    let (s, e) = (num(first, "utf16.start") as u32, num(first, "utf16.end") as u32);
    assert_eq!(String::from(JsString::from(text).substring(s, e)), "1 in 10");
    // Drawn exactly as described, ids prefixed for inline use.
    let svg = picture_of(get(first, "picture"), Some("w1".into())).expect("draws");
    let alt = get(first, "picture.alt").as_string().expect("alt");
    assert!(svg.contains("<desc id=\"w1-lf-ia-") && svg.contains(&alt), "{svg}");
    // Two `1 in X` with different X: the finding's picture, both in 100 icons side by side.
    let filled = num(first, "picture.numerator") + num(first, "picture.compare.numerator");
    assert_eq!((num(first, "picture.numerator"), filled), (10.0, 35.0));
    assert_eq!(svg.matches("data-filled=\"1\"").count() as f64, filled);
    // Any number, with a comparison object.
    let svg = picture(1, 4, config(r#"{"numerator": 3, "denominator": 100}"#), Some("women".into())).expect("draws");
    assert_eq!(svg.matches("data-filled=\"1\"").count(), 28);
    assert!(picture(3, 10, JsValue::NULL, None).expect("draws").contains("3 in 10 people: 3 shaded, 7 not"));
    let msg = error_message(picture(120, 100, JsValue::UNDEFINED, None).map(JsValue::from));
    assert!(msg.contains("larger than the second"), "{msg}");
    let msg = error_message(
        picture_of(config(r#"{"numerator": 3, "denominator": 7, "approximate": false, "alt": ""}"#), None)
            .map(JsValue::from),
    );
    assert!(msg.contains("not a frequency"), "{msg}");
}
