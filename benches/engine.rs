//! Criterion benches per layer: parse, segmentation and syllables (analysis), scores, full check,
//! and cold start (first call, word lists loaded). Throughput is in bytes so fixtures compare.
//!
//! Run: `cargo bench -p leaflint-benches` (or `-- check/` for one group).

#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use leaflint::text::Analysis;
use leaflint::{Config, Document, Format};
use leaflint_benches::{one_sentence, repeated, LEAFLET_10K, SHORT, UNICODE};

fn fixtures() -> Vec<(&'static str, String)> {
    vec![
        ("short", SHORT.to_owned()),
        ("leaflet-10k", LEAFLET_10K.to_owned()),
        ("text-1mb", repeated(1_000_000)),
        ("unicode", UNICODE.to_owned()),
        ("sentence-50k", one_sentence(50_000)),
        ("sentence-500k", one_sentence(500_000)),
    ]
}

fn layers(c: &mut Criterion) {
    let cfg = Config::default();
    let style = leaflint::metrics::number_style(cfg.profile);
    // Warm the word lists so only the cold-start bench pays for loading them.
    let _ = leaflint::check(SHORT, &cfg);
    for (name, text) in fixtures() {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 100_000 {
            g.sample_size(10);
        }
        let doc = Document::parse(&text, Format::Text);
        let analysis = Analysis::new(&doc, style);
        g.bench_function(BenchmarkId::new("parse", name), |b| {
            b.iter(|| Document::parse(black_box(&text), Format::Text))
        });
        g.bench_function(BenchmarkId::new("segment+syllables", name), |b| {
            b.iter(|| Analysis::new(black_box(&doc), style))
        });
        g.bench_function(BenchmarkId::new("scores", name), |b| {
            b.iter(|| leaflint::metrics::scores(black_box(&doc), black_box(&analysis), &cfg))
        });
        g.bench_function(BenchmarkId::new("check", name), |b| b.iter(|| leaflint::check(black_box(&text), &cfg)));
        g.finish();
    }
}

criterion_group!(benches, layers);
criterion_main!(benches);
