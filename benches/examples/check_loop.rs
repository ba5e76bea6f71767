//! Check the 1 MB fixture (or `bytes`) N times (default 10) after one warm-up check: a steady workload for
//! profilers when the machine is too noisy for wall-clock figures. Instruction counts of the
//! warm checks only (lazily built tables excluded):
//! `valgrind --tool=callgrind --toggle-collect=check_loop::run target/release/examples/check_loop 1 [bytes]`
//! then `callgrind_annotate --inclusive=yes callgrind.out.*`.
#[inline(never)]
fn run(text: &str, cfg: &leaflint::Config) -> usize {
    std::hint::black_box(leaflint::check(text, cfg)).findings.len()
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    // Optional second argument: the fixture size in bytes (default 1 MB; 10000 = one leaflet).
    let bytes: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let text = leaflint_benches::repeated(bytes);
    let cfg = leaflint::Config::default();
    let _ = leaflint::check(&text, &cfg);
    let findings: usize = (0..n).map(|_| run(&text, &cfg)).sum();
    println!("{findings} findings in {n} checks");
}
