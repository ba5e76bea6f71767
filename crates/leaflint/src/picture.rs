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

use serde::{Deserialize, Serialize};
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

    /// A frequency a writer gave as `n in d` (whole numbers), scaled to a drawable denominator;
    /// the errors of [`Frequency::parse`] otherwise (`120 in 100` is more than all).
    pub fn from_counts(n: u32, d: u32) -> Result<Frequency, PictureError> {
        let text = || format!("{n} in {d}");
        if d == 0 {
            return Err(PictureError::NotAFrequency(text()));
        }
        if n > d {
            return Err(PictureError::MoreThanAll(text()));
        }
        Self::scale(f64::from(n), f64::from(d)).ok_or_else(|| PictureError::TooSmall(text()))
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

/// The words of one array: `20 in 100 people: 20 shaded, 80 not`.
fn describe(a: Frequency, noun: &str) -> String {
    format!("{a} {noun}: {} shaded, {} not", group(a.n), group(a.d - a.n))
}

/// The base both arrays are drawn in and the arrays in it (the larger denominator; drawable
/// denominators divide each other, so this never fails for values of [`Frequency::scale`]).
fn in_common_base(primary: Frequency, compare: Option<Frequency>) -> Result<(u32, Vec<Frequency>), PictureError> {
    for f in std::iter::once(primary).chain(compare) {
        if f.n > f.d {
            return Err(PictureError::MoreThanAll(f.to_string()));
        }
        if !DENOMINATORS.contains(&f.d) {
            return Err(PictureError::NotAFrequency(f.to_string()));
        }
    }
    let base = compare.map_or(primary.d, |c| c.d.max(primary.d));
    let arrays = std::iter::once(primary)
        .chain(compare)
        .map(|f| f.in_base(base).ok_or_else(|| PictureError::NotAFrequency(f.to_string())))
        .collect::<Result<_, _>>()?;
    Ok((base, arrays))
}

/// How many icons an array fills, out of how many (a side of a [`Picture`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Filled icons.
    pub numerator: u32,
    /// All icons: 10, 100 or 1,000.
    pub denominator: u32,
    /// The number was rounded to fit ("about").
    pub approximate: bool,
}

impl From<Frequency> for Counts {
    fn from(f: Frequency) -> Counts {
        Counts { numerator: f.n, denominator: f.d, approximate: f.approximate }
    }
}

impl From<Counts> for Frequency {
    fn from(c: Counts) -> Frequency {
        Frequency { n: c.numerator, d: c.denominator, approximate: c.approximate }
    }
}

/// The picture a number could use, as numbers and words only: what a report carries (in
/// `report.pictures` and a numeracy finding's `data.picture`) so that a 1 MB report stays small
/// and fast. [`Picture::svg`] (or `leaflint picture`) draws it.
///
/// ```
/// use leaflint::picture::{Frequency, Picture};
/// let p = Picture::new(Frequency::parse("1 in 4").unwrap(), None, Some("people")).unwrap();
/// assert_eq!((p.numerator, p.denominator), (25, 100));
/// assert_eq!(p.alt, "25 in 100 people: 25 shaded, 75 not");
/// assert!(p.svg().contains("<desc"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// Filled icons of the (first) array.
    pub numerator: u32,
    /// Icons in each array: 10, 100 or 1,000.
    pub denominator: u32,
    /// The number was rounded to fit ("about").
    pub approximate: bool,
    /// A second array to compare, in the same base (with and without treatment).
    pub compare: Option<Counts>,
    /// Who the icons stand for (`women`, `people`); `people` when `None`.
    pub label: Option<String>,
    /// The picture in words (the SVG's `<desc>`): `20 in 100 people: 20 shaded, 80 not`.
    pub alt: String,
}

impl Picture {
    /// The descriptor of an array (and a second one to compare, drawn in the same base).
    pub fn new(primary: Frequency, compare: Option<Frequency>, label: Option<&str>) -> Result<Picture, PictureError> {
        let (_, arrays) = in_common_base(primary, compare)?;
        let noun = label.unwrap_or("people");
        let alt = arrays.iter().map(|a| describe(*a, noun)).collect::<Vec<_>>().join("; ");
        Ok(Picture {
            numerator: arrays[0].n,
            denominator: arrays[0].d,
            approximate: arrays[0].approximate,
            compare: arrays.get(1).map(|c| Counts::from(*c)),
            label: label.map(str::to_owned),
            alt,
        })
    }
    /// The first array.
    pub fn primary(&self) -> Frequency {
        Frequency { n: self.numerator, d: self.denominator, approximate: self.approximate }
    }
    /// The standalone SVG (see [`icon_array_svg`]); empty for a descriptor that cannot be drawn
    /// (one not made by [`Picture::new`]: [`Picture::draw`] says why).
    pub fn svg(&self) -> String {
        self.svg_with_id(None)
    }
    /// The SVG with its element ids prefixed by `id` (for several pictures inline in one page).
    pub fn svg_with_id(&self, id: Option<&str>) -> String {
        self.draw(id).unwrap_or_default()
    }
    /// The SVG, or why this descriptor cannot be drawn (a denominator other than 10, 100 or
    /// 1,000, more filled than all).
    pub fn draw(&self, id: Option<&str>) -> Result<String, PictureError> {
        let compare = self.compare.map(Frequency::from);
        icon_array_svg_with_id(self.primary(), compare, self.label.as_deref(), id)
    }
    /// A file name for the SVG: `icon-array-20-in-100.svg`, `icon-array-25-in-100-vs-3-in-100.svg`.
    pub fn file_name(&self) -> String {
        let mut s = format!("icon-array-{}-in-{}", self.numerator, self.denominator);
        if let Some(c) = self.compare {
            let _ = write!(s, "-vs-{}-in-{}", c.numerator, c.denominator);
        }
        s + ".svg"
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
    icon_array_svg_with_id(primary, compare, label, None)
}

/// [`icon_array_svg`] with every element id prefixed by `id_prefix` (ids are otherwise derived
/// from the numbers, so two pictures of the same numbers in one HTML page would share them).
pub fn icon_array_svg_with_id(
    primary: Frequency,
    compare: Option<Frequency>,
    label: Option<&str>,
    id_prefix: Option<&str>,
) -> Result<String, PictureError> {
    // Draw both in one base: the larger denominator.
    let (base, arrays) = in_common_base(primary, compare)?;
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
    let desc: Vec<String> = arrays.iter().map(|a| describe(*a, noun)).collect();
    let numbers = arrays.iter().map(|a| a.n.to_string()).collect::<Vec<_>>().join("-");
    let prefix: String =
        id_prefix.unwrap_or("").chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let id =
        if prefix.is_empty() { format!("lf-ia-{base}-{numbers}") } else { format!("{prefix}-lf-ia-{base}-{numbers}") };
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

    /// Parse `svg` as XML; return (filled icons, empty icons, title, desc).
    fn parse_xml(svg: &str) -> (u32, u32, String, String) {
        use quick_xml::events::Event;
        let mut r = quick_xml::Reader::from_str(svg);
        let (mut filled, mut empty, mut title, mut desc) = (0, 0, String::new(), String::new());
        let mut inside = "";
        let mut depth = 0i32;
        loop {
            match r.read_event().unwrap_or_else(|e| panic!("not XML ({e}): {svg}")) {
                Event::Eof => break,
                Event::Start(e) => {
                    depth += 1;
                    inside = match e.name().as_ref() {
                        b"title" => "title",
                        b"desc" => "desc",
                        _ => "",
                    };
                }
                Event::End(_) => {
                    depth -= 1;
                    inside = "";
                }
                Event::Empty(e) if e.name().as_ref() == b"use" => {
                    let v = e.try_get_attribute("data-filled").ok().flatten().expect("data-filled").value.into_owned();
                    match v.as_slice() {
                        b"1" => filled += 1,
                        _ => empty += 1,
                    }
                }
                Event::Text(t) => {
                    let t = String::from_utf8_lossy(&t).replace("&amp;", "&").replace("&lt;", "<");
                    match inside {
                        "title" => title.push_str(&t),
                        "desc" => desc.push_str(&t),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        assert_eq!(depth, 0, "balanced");
        (filled, empty, title, desc)
    }

    #[test]
    fn every_base_parses_as_xml_with_title_desc_and_n_filled() {
        for d in DENOMINATORS {
            for n in [0, 1, 2, d / 4, d / 2, d - 1, d] {
                let svg = icon_array_svg(f(n, d), None, None).expect("draws");
                let (filled, empty, title, desc) = parse_xml(&svg);
                assert_eq!((filled, empty), (n, d - n), "{n} in {d}");
                assert_eq!(title, format!("{} in {} people", group(n), group(d)));
                assert_eq!(
                    desc,
                    format!("{} in {} people: {} shaded, {} not", group(n), group(d), group(n), group(d - n))
                );
                assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
                assert!(!svg.contains("http") || svg.matches("http").count() == 1, "no external assets");
            }
        }
    }

    #[test]
    fn rounding_cases_fill_the_rounded_count() {
        for (text, n, d, about) in [
            ("1 in 3", 33, 100, true),
            ("2 in 9", 22, 100, true),
            ("1 in 6", 17, 100, true),
            ("1 in 7", 14, 100, true),
            ("14.3%", 14, 100, true),
            ("0.5%", 5, 1000, false),
            ("1 in 40", 25, 1000, false),
            ("3 in 10", 3, 10, false),
            ("100%", 100, 100, false),
            ("0%", 0, 100, false),
        ] {
            let fr = Frequency::parse(text).expect(text);
            assert_eq!((fr.n, fr.d, fr.approximate), (n, d, about), "{text}");
            let (filled, empty, title, _) = parse_xml(&icon_array_svg(fr, None, None).expect("draws"));
            assert_eq!((filled, empty), (n, d - n), "{text}");
            assert_eq!(title.starts_with("about "), about, "{title}");
        }
        assert!(matches!(Frequency::parse("1 in 300"), Err(PictureError::TooSmall(_))), "3.3 in 1,000 is 10% off");
    }

    #[test]
    fn compare_is_xml_in_one_base() {
        let (filled, empty, title, desc) = parse_xml(&icon_array_svg(f(3, 10), Some(f(5, 1000)), None).expect("draws"));
        assert_eq!((filled, empty), (305, 1695));
        assert_eq!(title, "300 in 1,000 people, compared with 5 in 1,000 people");
        assert_eq!(desc, "300 in 1,000 people: 300 shaded, 700 not; 5 in 1,000 people: 5 shaded, 995 not");
    }

    #[test]
    fn descriptor_matches_the_svg() {
        let p = Picture::new(f(2, 10), Some(f(12, 100)), Some("women")).expect("descriptor");
        assert_eq!((p.numerator, p.denominator), (20, 100), "both in the same base");
        assert_eq!(p.compare, Some(Counts { numerator: 12, denominator: 100, approximate: false }));
        let (_, _, _, desc) = parse_xml(&p.svg());
        assert_eq!(p.alt, desc);
        assert_eq!(p.file_name(), "icon-array-20-in-100-vs-12-in-100.svg");
        let a = p.svg_with_id(Some("x1"));
        assert!(a.contains("id=\"x1-lf-ia-100-20-12-t\"") && a.contains("href=\"#x1-lf-ia-100-20-12-p\""), "{a}");
        assert_eq!(a.replace("x1-lf-ia", "lf-ia"), p.svg());
        assert_eq!(Frequency::from_counts(1, 4), Ok(f(25, 100)));
        assert!(matches!(Frequency::from_counts(120, 100), Err(PictureError::MoreThanAll(_))));
        assert!(matches!(Frequency::from_counts(1, 0), Err(PictureError::NotAFrequency(_))));
        assert!(icon_array_svg(f(3, 7), None, None).is_err(), "7 icons is not a drawable base");
        assert!(icon_array_svg(f(30, 10), None, None).is_err());
        let json = serde_json::to_value(&p).expect("json");
        assert_eq!(serde_json::from_value::<Picture>(json).expect("round trip"), p);
    }

    #[test]
    fn snapshots() {
        insta::assert_snapshot!("icon_array_3_in_10", icon_array_svg(f(3, 10), None, None).expect("draws"));
        insta::assert_snapshot!(
            "icon_array_20_in_100_label",
            icon_array_svg(f(20, 100), None, Some("people who get a headache")).expect("draws")
        );
        insta::assert_snapshot!(
            "icon_array_compare_25_vs_3_in_100",
            icon_array_svg(f(25, 100), Some(f(3, 100)), None).expect("draws")
        );
    }
}
