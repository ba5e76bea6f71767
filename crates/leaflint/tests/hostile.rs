//! Hostile input never hangs: each input that once blew up, checked at two sizes, takes about
//! twice as long at twice the size (no quadratic step), and the per-thread word memos stay small.

use leaflint::{check, Config};
use std::time::{Duration, Instant};

/// The fastest of three checks of `text` (the minimum is the least noisy on a busy machine).
fn best_time(text: &str) -> Duration {
    let cfg = Config::default();
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let report = check(text, &cfg);
            std::hint::black_box(report);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Check `make(n)` and `make(2n)`: doubling the input must not much more than double the time.
fn assert_linear(what: &str, make: impl Fn(usize) -> String, n: usize) {
    let small = make(n);
    let large = make(2 * n);
    let (a, b) = (best_time(&small), best_time(&large));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-4);
    println!("{what}: {} bytes {a:?}, {} bytes {b:?}, ratio {ratio:.2}", small.len(), large.len());
    assert!(ratio < 3.0, "{what}: twice the input took {ratio:.1} times as long ({a:?} → {b:?})");
    assert!(b < Duration::from_secs(5), "{what}: {} bytes took {b:?}", large.len());
}

#[test]
fn one_long_run_of_letters_is_linear() {
    // Every prefix of a million-letter "word" was looked up and remembered: 10.5 GB for 1 MB.
    assert_linear("letters", |n| "a".repeat(n), 128 * 1024);
}

#[test]
fn letters_with_combining_accents_are_linear() {
    assert_linear("accents", |n| format!("{} test.", "a\u{301}".repeat(n / 3)), 128 * 1024);
}
