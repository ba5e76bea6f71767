//! Time each part of the scores stage on the 1 MB fixture (a quick look, not a benchmark).
//! `cargo run --release -p leaflint-benches --example profile_scores`.
use leaflint::language::owners::Owner;
use leaflint::language::Lang;
use leaflint::text::Analysis;
use leaflint::{Config, Document, Format};
use std::time::Instant;

fn main() {
    let text = leaflint_benches::repeated(1_000_000);
    let cfg = Config::default();
    let _ = leaflint::check(&text, &cfg);
    let doc = Document::parse(&text, Format::Text);
    let an = Analysis::new(&doc, leaflint::metrics::number_style(cfg.profile));
    let lang = Lang::new(&doc, &an, &cfg);
    macro_rules! time {
        ($name:expr, $e:expr) => {{
            let t = Instant::now();
            let r = $e;
            println!("{:<12} {:?}", $name, t.elapsed());
            r
        }};
    }
    time!("words", lang.words());
    time!("terms", lang.terms().len());
    time!("hits", lang.hits(Owner::MedicalJargon).len());
    time!("explained", lang.explained());
    time!("acronyms", lang.acronyms());
    time!("passives", lang.passives().len());
    time!("uncommon", lang.uncommon().len());
    time!("complex", lang.complex().len());
    time!("structure", lang.structure());
    time!("lang-scores", leaflint::language::scores(&lang));
    time!("scores", leaflint::metrics::scores_with(&lang));
    let lang = Lang::new(&doc, &an, &cfg);
    time!("scores-cold-lang", leaflint::metrics::scores_with(&lang));
    time!("number-model", leaflint::numbers::NumberModel::new(&doc, &an));
}
