//! Criterion benches per layer: parse, segmentation (sentences + tokens), syllables, scores, full
//! check, and cold start (a fresh process: word lists loaded on first use). Throughput is in bytes
//! so fixtures compare.
//!
//! Run: `cargo bench -p leaflint-benches` (or `-- text-1mb/check` for one bench).
#![allow(missing_docs)]

use criterion::{black_box, BenchmarkId, Criterion, Throughput};
use leaflint::text::tokens::{tokenize_into, RawToken};
use leaflint::text::{segment, syllables, token_text, Analysis};
use leaflint::{Config, Document, Format};
use leaflint_benches::{one_sentence, repeated, LEAFLET_10K, SHORT, UNICODE};
use std::time::{Duration, Instant};

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

fn segment_only(doc: &Document, ranges: &mut Vec<std::ops::Range<usize>>, toks: &mut Vec<RawToken>) -> usize {
    let mut n = 0;
    for b in &doc.blocks {
        ranges.clear();
        segment::sentences_into(&b.analysed, ranges);
        for r in ranges.iter() {
            toks.clear();
            tokenize_into(&b.analysed[r.clone()], r.start, toks);
            n += toks.len();
        }
    }
    n
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
        let words: Vec<&str> =
            analysis.tokens.iter().filter(|t| t.is_word() && !t.phone).map(|t| token_text(&doc, t)).collect();
        let (mut ranges, mut toks) = (Vec::new(), Vec::new());
        g.bench_function(BenchmarkId::new("parse", name), |b| {
            b.iter(|| Document::parse(black_box(&text), Format::Text))
        });
        g.bench_function(BenchmarkId::new("segment", name), |b| {
            b.iter(|| segment_only(black_box(&doc), &mut ranges, &mut toks))
        });
        g.bench_function(BenchmarkId::new("syllables-uncached", name), |b| {
            b.iter(|| words.iter().map(|w| syllables::count(black_box(w), style).0).sum::<u32>())
        });
        g.bench_function(BenchmarkId::new("analysis", name), |b| b.iter(|| Analysis::new(black_box(&doc), style)));
        g.bench_function(BenchmarkId::new("scores", name), |b| {
            b.iter(|| leaflint::metrics::scores(black_box(&doc), black_box(&analysis), &cfg))
        });
        g.bench_function(BenchmarkId::new("check", name), |b| b.iter(|| leaflint::check(black_box(&text), &cfg)));
        g.finish();
    }
}

const COLD_CHILD: &str = "LEAFLINT_BENCH_COLD_CHILD";

/// Cold start: a fresh process checks the short leaflet once; the child times itself from just
/// before the first call (nothing loaded) to the report, so process start-up is not counted.
fn cold(c: &mut Criterion) {
    let mut g = c.benchmark_group("cold-start");
    g.sample_size(20);
    g.bench_function("first-check-short", |b| {
        b.iter_custom(|iters| {
            let exe = std::env::current_exe().expect("bench binary path");
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let out = std::process::Command::new(&exe).env(COLD_CHILD, "1").output().expect("spawn cold child");
                let nanos: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().expect("child prints nanoseconds");
                total += Duration::from_nanos(nanos);
            }
            total
        })
    });
    g.finish();
}

fn main() {
    if std::env::var_os(COLD_CHILD).is_some() {
        let start = Instant::now();
        let report = leaflint::check(black_box(SHORT), &Config::default());
        let elapsed = start.elapsed();
        black_box(report);
        println!("{}", elapsed.as_nanos());
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    layers(&mut c);
    cold(&mut c);
    c.final_summary();
}
