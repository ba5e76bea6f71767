//! Write sample icon arrays to a folder (for looking at them): `cargo run -p leaflint-benches
//! --example picture_demo -- OUT_DIR`.
use leaflint::picture::{icon_array_svg, Frequency};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let cases = [("20 in 100", None), ("3 in 10", None), ("5 in 1,000", None), ("20 in 100", Some("12 in 100"))];
    for (i, (a, b)) in cases.iter().enumerate() {
        let a = Frequency::parse(a).expect("valid");
        let b = b.map(|b| Frequency::parse(b).expect("valid"));
        let svg = icon_array_svg(a, b, Some("people who get a headache")).expect("draws");
        std::fs::write(format!("{dir}/array-{i}.svg"), svg).expect("write");
    }
}
