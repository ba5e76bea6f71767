//! Run the full check on the 1 MB fixture in a loop, for a profiler: `perf record cargo run
//! --release -p leaflint-benches --example profile_check`.
fn main() {
    let text = leaflint_benches::repeated(1_000_000);
    let cfg = leaflint::Config::default();
    let mut n = 0;
    for _ in 0..30 {
        n += leaflint::check(&text, &cfg).findings.len();
    }
    println!("{n}");
}
