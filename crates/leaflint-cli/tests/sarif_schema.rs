//! `leaflint check --format sarif` validates against the OASIS SARIF 2.1.0 schema shipped in
//! tests/schemas (provenance in tests/schemas/README.md).

use std::path::Path;
use std::process::Command;

fn validator() -> jsonschema::Validator {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("tests/schemas/sarif-schema-2.1.0.json")).expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    assert_eq!(schema["title"], "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
    jsonschema::draft4::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

fn sarif(args: &[&str], stdin: Option<&str>) -> serde_json::Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflint"));
    cmd.args(["check", "--format", "sarif", "--no-config"]).args(args).current_dir(dir.join("../.."));
    let out = if let Some(input) = stdin {
        use std::io::Write;
        let mut child =
            cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().expect("spawn");
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
        child.wait_with_output().expect("runs")
    } else {
        cmd.output().expect("runs")
    };
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
}

fn assert_valid(v: &jsonschema::Validator, log: &serde_json::Value, what: &str) {
    let errors: Vec<String> = v.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what}: {} schema errors:\n{}", errors.len(), errors.join("\n"));
}

#[test]
fn sarif_output_validates_against_the_oasis_schema() {
    let v = validator();
    // One file; a folder of text and Markdown files; every profile; standard input with Unicode.
    let cases: Vec<(&str, serde_json::Value)> = vec![
        ("sample", sarif(&["samples/metformin-leaflet.txt"], None)),
        ("corpus folder", sarif(&["tests/corpus"], None)),
        ("cli test data", sarif(&["crates/leaflint-cli/tests/data/leaflets"], None)),
        ("easy-read", sarif(&["--profile", "easy-read", "samples/metformin-leaflet.txt"], None)),
        (
            "stdin",
            sarif(
                &["-"],
                Some("• Take your medicine — “every” day, and if you feel unwell at any time during the course of treatment, contact your healthcare professional immediately for further advice.\n"),
            ),
        ),
    ];
    for (what, log) in &cases {
        assert_valid(&v, log, what);
        let results = log["runs"][0]["results"].as_array().expect("results");
        assert!(!results.is_empty(), "{what}: has results");
    }
    // The sample carries fixes; the validator checks their shape too.
    assert!(cases[0].1["runs"][0]["results"].as_array().expect("results").iter().any(|r| r.get("fixes").is_some()));
}

#[test]
fn the_validator_rejects_broken_sarif() {
    let v = validator();
    let mut log = sarif(&["samples/metformin-leaflet.txt"], None);
    log["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!v.is_valid(&log), "an unknown level must fail: the schema is really checked");
    let mut log = sarif(&["samples/metformin-leaflet.txt"], None);
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = serde_json::json!(0);
    assert!(!v.is_valid(&log), "line numbers start at 1");
}
