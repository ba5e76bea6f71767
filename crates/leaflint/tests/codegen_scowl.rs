//! Rebuilds `data/generated/scowl.fst` from `data/word-commonness-scowl.tsv` and fails when the
//! committed bytes differ. Run with `LEAFLINT_REGENERATE=1` to write the file instead.

use std::path::Path;

#[test]
fn scowl_fst_is_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let tsv = std::fs::read_to_string(dir.join("word-commonness-scowl.tsv")).expect("read scowl tsv");
    let mut rows: Vec<(&str, u64)> = tsv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            let word = f.next()?;
            let level: u8 = f.next()?.parse().ok()?;
            let variety = f.next().unwrap_or("all");
            Some((word, leaflint::data::scowl::encode(level, variety)))
        })
        .collect();
    rows.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    rows.dedup_by(|a, b| a.0 == b.0);
    let bytes = fst::Map::from_iter(rows).expect("sorted unique keys").into_fst().into_inner();
    let path = dir.join("generated/scowl.fst");
    if std::env::var_os("LEAFLINT_REGENERATE").is_some() {
        std::fs::write(&path, &bytes).expect("write scowl.fst");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == bytes,
        "data/generated/scowl.fst is stale: run LEAFLINT_REGENERATE=1 cargo test -p leaflint --test codegen_scowl"
    );
}
