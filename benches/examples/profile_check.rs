//! Time each stage and each rule on the 1 MB fixture (a quick look, not a benchmark: use
//! criterion for figures). `cargo run --release -p leaflint-benches --example profile_check`.
use leaflint::rules::{Context, RULES};
use leaflint::text::Analysis;
use leaflint::{Config, Document, Format};
use std::time::Instant;

fn main() {
    let text = leaflint_benches::repeated(1_000_000);
    let cfg = Config::default();
    // Warm every lazily built table first: the stage times are those of a warm check.
    let _ = leaflint::check(&text, &cfg);
    let t = Instant::now();
    let doc = Document::parse(&text, Format::Text);
    println!("parse     {:?}", t.elapsed());
    let t = Instant::now();
    let an = Analysis::new(&doc, leaflint::metrics::number_style(cfg.profile));
    println!("analysis  {:?}", t.elapsed());
    let t = Instant::now();
    let lang = leaflint::language::Lang::new(&doc, &an, &cfg);
    println!("language  {:?}", t.elapsed());
    let t = Instant::now();
    let scores = leaflint::metrics::scores_with(&lang);
    println!("scores    {:?}", t.elapsed());
    let t = Instant::now();
    let structure = leaflint::structure::Structure::new(&doc, &an);
    println!("structure {:?}", t.elapsed());
    let cx = Context { doc: &doc, analysis: &an, scores: &scores, config: &cfg, structure: &structure, lang: &lang };
    for r in RULES {
        let t = Instant::now();
        let mut out = Vec::new();
        for _ in 0..5 {
            out.clear();
            r.check(&cx, &mut out);
        }
        println!("{:<24} {:?} ({} findings)", r.meta().id, t.elapsed() / 5, out.len());
    }
    let t = Instant::now();
    let chunks = leaflint::structure::chunk_reports(&doc, &an, &structure, 200.0);
    println!("chunks    {:?} ({} chunks)", t.elapsed(), chunks.len());
    let t = Instant::now();
    let ran = |id: &str| cfg.rule_enabled(id);
    let input = leaflint::structure::checklist::Input {
        doc: &doc,
        analysis: &an,
        structure: &structure,
        scores: &scores,
        findings: &[],
        config: &cfg,
        ran: &ran,
        pictures: &[],
        risk_numbers: 0,
    };
    let _ = leaflint::structure::checklist::build(&input);
    println!("checklist {:?}", t.elapsed());
    let t = Instant::now();
    let r = leaflint::check(&text, &cfg);
    println!("check     {:?} ({} findings)", t.elapsed(), r.findings.len());
}
