//! Icon arrays: pictures for numbers (issue "Pictures for numbers").
//!
//! A natural frequency (`20 in 100`) drawn as a grid of simple person icons with the first `n`
//! filled. Icon arrays remove the "1 in X" effect (a "1 in 200" feels bigger than "5 in 1,000";
//! Pighin and colleagues) and answer item 20 of the CDC Clear Communication Index (a numeric
//! chance also shown in words or a visual).
//!
//! The SVG is standalone and accessible: `role="img"` with a `<title>` and `<desc>` that say it
//! in words; filled icons are solid dark blue and empty icons are white with a grey outline, so
//! the two differ in colour, in greyscale and in black-and-white print (the Okabe–Ito blue is
//! safe for colour-blind readers); no external assets or fonts (text uses the reader's own
//! sans-serif); the same input always gives the same bytes.

use std::fmt::{self, Write};

/// A natural frequency `n in d`, with `d` one of 10, 100 or 1,000.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frequency {
    /// How many (filled icons).
    pub n: u32,
    /// Out of how many (all icons).
    pub d: u32,
    /// True when the value was rounded to fit the denominator ("about").
    pub approximate: bool,
}

/// Why a picture cannot be drawn. `Display` is one sentence for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PictureError {
    /// The text is not `N in D`, `N out of D` or `P%`.
    NotAFrequency(String),
    /// `n` is larger than `d` (or the percentage above 100).
    MoreThanAll(String),
    /// `n` is not a whole number.
    NotWhole(String),
    /// Too small (or too fine) to show in 1,000 icons.
    TooSmall(String),
}

impl fmt::Display for PictureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PictureError::NotAFrequency(s) => {
                write!(f, "'{s}' is not a frequency: write it as '20 in 100', '1 out of 10' or '20%'.")
            }
            PictureError::MoreThanAll(s) => {
                write!(f, "'{s}' is more than all of the group: the first number must not be larger than the second.")
            }
            PictureError::NotWhole(s) => {
                write!(f, "'{s}' does not count whole people: use whole numbers, such as '5 in 1,000'.")
            }
            PictureError::TooSmall(s) => write!(f, "'{s}' is too small to draw in 1,000 icons."),
        }
    }
}

impl std::error::Error for PictureError {}

/// Denominators an icon array can show.
pub const DENOMINATORS: [u32; 3] = [10, 100, 1000];
/// Relative tolerance when scaling to a drawable denominator (SPEC §1.6: 5%).
pub const ROUNDING_TOLERANCE: f64 = 0.05;

fn number(s: &str) -> Option<f64> {
    let t = s.trim().replace(',', "");
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    t.parse().ok()
}

impl Frequency {
    /// Parse `N in D`, `N out of D`, `N in every D` or `P%` / `P per cent`, scaling to 10, 100 or
    /// 1,000 icons (the first that shows it within 5%).
    ///
    /// ```
    /// use leaflint::picture::Frequency;
    /// assert_eq!(Frequency::parse("1 in 20").unwrap(), Frequency { n: 5, d: 100, approximate: false });
    /// assert_eq!(Frequency::parse("0.5%").unwrap(), Frequency { n: 5, d: 1000, approximate: false });
    /// assert!(Frequency::parse("120 in 100").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Frequency, PictureError> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let (n, d) = if let Some(p) =
            lower.strip_suffix('%').or_else(|| lower.strip_suffix("per cent")).or_else(|| lower.strip_suffix("percent"))
        {
            let p = number(p).ok_or_else(|| PictureError::NotAFrequency(t.to_owned()))?;
            if p > 100.0 {
                return Err(PictureError::MoreThanAll(t.to_owned()));
            }
            (p, 100.0)
        } else {
            let (a, b) = ["out of", "in every", "of every", "in"]
                .iter()
                .find_map(|sep| lower.split_once(&format!(" {sep} ")))
                .ok_or_else(|| PictureError::NotAFrequency(t.to_owned()))?;
            let n = number(a).ok_or_else(|| PictureError::NotAFrequency(t.to_owned()))?;
            let d = number(b).ok_or_else(|| PictureError::NotAFrequency(t.to_owned()))?;
            if n.fract() != 0.0 {
                return Err(PictureError::NotWhole(t.to_owned()));
            }
            if d == 0.0 || d.fract() != 0.0 {
                return Err(PictureError::NotAFrequency(t.to_owned()));
            }
            if n > d {
                return Err(PictureError::MoreThanAll(t.to_owned()));
            }
            (n, d)
        };
        Self::scale(n, d).ok_or_else(|| PictureError::TooSmall(t.to_owned()))
    }

    /// Scale `n in d` to the first drawable denominator not below `d` that shows it within 5%
    /// (a writer's `3 in 10` stays in 10; `1 in 20` becomes `5 in 100`; a percentage starts at 100).
    pub fn scale(n: f64, d: f64) -> Option<Frequency> {
        for &target in DENOMINATORS.iter().filter(|&&t| f64::from(t) >= d) {
            let v = n * f64::from(target) / d;
            let r = (v + 0.5).floor();
            if n == 0.0 || (r >= 1.0 && (v - r).abs() <= ROUNDING_TOLERANCE * v) {
                return Some(Frequency { n: r as u32, d: target, approximate: (v - r).abs() > 1e-9 });
            }
        }
        None
    }

    /// The same frequency in another drawable denominator, if exact (`2 in 10` → `20 in 100`).
    pub fn in_base(self, d: u32) -> Option<Frequency> {
        (d >= self.d && d % self.d == 0).then(|| Frequency {
            n: self.n * (d / self.d),
            d,
            approximate: self.approximate,
        })
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let about = if self.approximate { "about " } else { "" };
        write!(f, "{about}{} in {}", group(self.n), group(self.d))
    }
}

fn group(n: u32) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// Colours: Okabe–Ito blue for filled, white with a mid-grey outline for empty; the second array
/// of a comparison uses Okabe–Ito vermillion.
const FILLED: [&str; 2] = ["#0072B2", "#D55E00"];
const EMPTY_FILL: &str = "#FFFFFF";
const EMPTY_STROKE: &str = "#6B7280";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn columns(d: u32) -> u32 {
    match d {
        10 => 10,
        100 => 10,
        _ => 40,
    }
}

/// An icon array as a standalone SVG: `primary`, optionally beside `compare` in the same base,
/// with an optional label ("people who get a headache").
///
/// ```
/// use leaflint::picture::{icon_array_svg, Frequency};
/// let svg = icon_array_svg(Frequency::parse("20 in 100").unwrap(), None, Some("people who get a headache")).unwrap();
/// assert!(svg.contains("<title"));
/// assert_eq!(svg.matches("data-filled=\"1\"").count(), 20);
/// ```
pub fn icon_array_svg(
    primary: Frequency,
    compare: Option<Frequency>,
    label: Option<&str>,
) -> Result<String, PictureError> {
    // Draw both in one base: the larger denominator.
    let base = compare.map_or(primary.d, |c| c.d.max(primary.d));
    let arrays: Vec<Frequency> = std::iter::once(primary)
        .chain(compare)
        .map(|f| f.in_base(base).ok_or_else(|| PictureError::NotAFrequency(f.to_string())))
        .collect::<Result<_, _>>()?;
    let cols = columns(base);
    let rows = base.div_ceil(cols);
    let cell = if base >= 1000 { 9.0 } else { 22.0 };
    let noun = label.unwrap_or("people");
    let captions: Vec<String> = arrays.iter().map(|a| format!("{a} {noun}")).collect();
    // Room for the caption under each grid (about 7.5 px a character at 14 px sans-serif).
    let longest = captions.iter().map(|c| c.chars().count()).max().unwrap_or(0) as f64;
    let grid_w = (f64::from(cols) * cell).max(longest * 7.5);
    let gap = 24.0;
    let caption_h = 40.0;
    let width = grid_w * arrays.len() as f64 + gap * (arrays.len() as f64 - 1.0) + 16.0;
    let height = f64::from(rows) * cell * 1.25 + caption_h + 16.0;
    let title = captions.join(", compared with ");
    let desc: Vec<String> =
        arrays.iter().map(|a| format!("{} {noun}: {} shaded, {} not", a, group(a.n), group(a.d - a.n))).collect();
    let id = format!("lf-ia-{}-{}", base, arrays.iter().map(|a| a.n.to_string()).collect::<Vec<_>>().join("-"));
    let mut s = String::with_capacity(2_000 + base as usize * 70 * arrays.len());
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">\
<title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>\
<defs><path id=\"{id}-p\" d=\"M5 0.4a2.3 2.3 0 1 1 0 4.6a2.3 2.3 0 1 1 0-4.6zM1.4 7.6q0-1.6 1.6-1.6h4q1.6 0 1.6 1.6v5.6h-1.8v5.8h-3.6v-5.8h-1.8z\"/></defs>\
<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>",
        escape(&title),
        escape(&desc.join("; "))
    );
    // The icon is 10 × 19 units: scale it to the cell, rows 1.25 cells apart.
    let scale = cell * 1.15 / 19.0;
    for (k, a) in arrays.iter().enumerate() {
        let x0 = 8.0 + k as f64 * (grid_w + gap);
        let _ = write!(s, "<g aria-hidden=\"true\">");
        for i in 0..base {
            let (r, c) = (i / cols, i % cols);
            let x = x0 + f64::from(c) * cell;
            let y = 8.0 + f64::from(r) * cell * 1.25;
            let filled = i < a.n;
            let (fill, stroke, sw) = if filled { (FILLED[k], FILLED[k], 0.0) } else { (EMPTY_FILL, EMPTY_STROKE, 0.7) };
            let _ = write!(
                s,
                "<use href=\"#{id}-p\" transform=\"translate({x:.1} {y:.1}) scale({scale:.3})\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\" data-filled=\"{}\"/>",
                u8::from(filled)
            );
        }
        let ty = 8.0 + f64::from(rows) * cell * 1.25 + 20.0;
        let _ = write!(
            s,
            "</g><text x=\"{x0:.1}\" y=\"{ty:.1}\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#111827\">{}</text>",
            escape(&captions[k])
        );
    }
    s.push_str("</svg>\n");
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: u32, d: u32) -> Frequency {
        Frequency { n, d, approximate: false }
    }

    #[test]
    fn parses_and_scales() {
        assert_eq!(Frequency::parse("20 in 100"), Ok(f(20, 100)));
        assert_eq!(Frequency::parse("3 out of 10"), Ok(f(3, 10)));
        assert_eq!(Frequency::parse("1 in every 1,000"), Ok(f(1, 1000)));
        assert_eq!(Frequency::parse("20%"), Ok(f(20, 100)));
        assert_eq!(Frequency::parse("2.5 per cent"), Ok(f(25, 1000)));
        assert_eq!(Frequency::parse("1 in 3"), Ok(Frequency { n: 33, d: 100, approximate: true }));
        assert_eq!(Frequency::parse("0 in 10"), Ok(f(0, 10)));
        assert!(matches!(Frequency::parse("120 in 100"), Err(PictureError::MoreThanAll(_))));
        assert!(matches!(Frequency::parse("0.5 in 10"), Err(PictureError::NotWhole(_))));
        assert!(matches!(Frequency::parse("1 in 5,000"), Err(PictureError::TooSmall(_))));
        assert!(matches!(Frequency::parse("often"), Err(PictureError::NotAFrequency(_))));
        assert!(Frequency::parse("120 in 100").unwrap_err().to_string().contains("larger"));
    }

    #[test]
    fn counts_and_words_for_every_base() {
        for d in DENOMINATORS {
            for n in [0, 1, d / 2, d - 1, d] {
                let svg = icon_array_svg(f(n, d), None, None).expect("draws");
                assert_eq!(svg.matches("data-filled=\"1\"").count() as u32, n, "{n} in {d}");
                assert_eq!(svg.matches("data-filled=\"0\"").count() as u32, d - n, "{n} in {d}");
                assert!(svg.contains(&format!("{} shaded, {} not", group(n), group(d - n))), "{svg}");
            }
        }
    }

    #[test]
    fn compare_draws_both_in_the_same_base() {
        let svg = icon_array_svg(f(2, 10), Some(f(12, 100)), Some("people who get a headache")).expect("draws");
        assert_eq!(svg.matches("data-filled=\"1\"").count(), 32);
        assert_eq!(svg.matches("data-filled=\"0\"").count(), 168);
        assert!(svg.contains("20 in 100 people who get a headache, compared with 12 in 100"));
    }

    #[test]
    fn small_and_deterministic() {
        let a = icon_array_svg(f(20, 100), None, Some("a < b & \"c\"")).expect("draws");
        assert_eq!(a, icon_array_svg(f(20, 100), None, Some("a < b & \"c\"")).expect("draws"));
        assert!(a.len() < 20_000, "{} bytes", a.len());
        assert!(a.contains("a &lt; b &amp; &quot;c&quot;"));
    }
}
