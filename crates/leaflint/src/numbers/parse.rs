//! One number token's text (SPEC §2.2: `250mg`, `£4.50`, `20%`, `1½`, `2/3rds`, `12/05/2024`,
//! `10:30`, `5.30pm`, `80th`) taken apart: value, shape, currency and what is glued after it.

/// The shape of a number token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Digits with optional thousands commas and decimal part (`1,000`, `2.5`, `.5`).
    Plain,
    /// `a/b` (`1/2`, `120/80`): numerator and denominator.
    Slash(f64, f64),
    /// A vulgar fraction, alone or after a whole number (`½`, `1½`): whole part, numerator,
    /// denominator.
    Vulgar(f64, f64, f64),
    /// Two or more slashes: a numeric date (`12/05/2024`).
    Date,
    /// `h:mm` (`10:30`, `9:00am`): hours and minutes.
    Clock(u32, u32),
}

/// A parsed number token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumTok<'a> {
    /// The value (the fraction's value for slashes and vulgar fractions; hours for clocks).
    pub value: f64,
    /// Its shape.
    pub shape: Shape,
    /// Digits before the decimal point (commas not counted).
    pub int_digits: usize,
    /// Thousands commas are written.
    pub commas: bool,
    /// Digits after the decimal point (`5.0` → 1).
    pub decimals: usize,
    /// Written with a leading point (`.5`).
    pub leading_point: bool,
    /// A currency sign before it (`£`, `$`, `€`).
    pub currency: Option<char>,
    /// What is glued after the number (`mg`, `%`, `pm`, `th`, `°C`, `rds`), as written.
    pub suffix: &'a str,
}

impl NumTok<'_> {
    /// True for `%` and `‰`.
    pub fn percent(&self) -> bool {
        self.suffix == "%"
    }
    /// The suffix is an ordinal ending (`1st`, `2nd`, `3rd`, `80th`).
    pub fn ordinal(&self) -> bool {
        self.shape == Shape::Plain
            && self.decimals == 0
            && ["st", "nd", "rd", "th"].iter().any(|s| self.suffix.eq_ignore_ascii_case(s))
    }
    /// A whole number without decimals, currency or suffix.
    pub fn bare_integer(&self) -> bool {
        self.shape == Shape::Plain && self.decimals == 0 && self.currency.is_none() && self.suffix.is_empty()
    }
    /// The suffix is `am` or `pm` (any case).
    pub fn ampm(&self) -> bool {
        self.suffix.eq_ignore_ascii_case("am") || self.suffix.eq_ignore_ascii_case("pm")
    }
}

/// The number its ASCII digits spell, ignoring commas and points (`1,000` → 1000).
fn digits_value(b: &[u8]) -> f64 {
    b.iter().filter(|c| c.is_ascii_digit()).fold(0.0, |v, c| v * 10.0 + f64::from(c - b'0'))
}

fn is_vulgar(c: char) -> Option<(f64, f64)> {
    Some(match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅐' => (1.0, 7.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        '⅑' => (1.0, 9.0),
        '⅒' => (1.0, 10.0),
        _ => return None,
    })
}

/// Take the token apart. `None` for number tokens of other scripts and anything unexpected.
///
/// ```
/// use leaflint::numbers::parse::{parse, Shape};
/// let t = parse("£4.50").unwrap();
/// assert_eq!((t.value, t.currency, t.decimals), (4.5, Some('£'), 2));
/// assert_eq!(parse("1½").unwrap().shape, Shape::Vulgar(1.0, 1.0, 2.0));
/// assert_eq!(parse("250mg").unwrap().suffix, "mg");
/// ```
pub fn parse(text: &str) -> Option<NumTok<'_>> {
    let mut rest = text;
    let mut currency = None;
    if let Some(c) = rest.chars().next().filter(|c| matches!(c, '£' | '$' | '€' | '¥')) {
        currency = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    let b = rest.as_bytes();
    let mut i = 0;
    let mut commas = false;
    while i < b.len()
        && (b[i].is_ascii_digit() || (b[i] == b',' && i > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
    {
        commas |= b[i] == b',';
        i += 1;
    }
    let int_part = &rest[..i];
    let int_digits = int_part.bytes().filter(u8::is_ascii_digit).count();
    // Digits are accumulated without allocating: exact for whole numbers below 2^53, and the
    // one division for decimals is correctly rounded, like `str::parse`.
    let mut value = digits_value(int_part.as_bytes());
    let mut decimals = 0;
    let mut leading_point = false;
    let mut shape = Shape::Plain;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let s = i + 1;
        let mut e = s;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        decimals = e - s;
        leading_point = int_digits == 0;
        let all = digits_value(&b[..e]);
        value = if decimals > 15 {
            rest[..e].replace(',', "").trim_start_matches('.').parse::<f64>().ok()?
        } else {
            all / 10f64.powi(decimals as i32)
        };
        if leading_point && decimals > 15 {
            value /= 10f64.powi(decimals as i32);
        }
        i = e;
    } else if b.get(i) == Some(&b':') && int_digits > 0 {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        let mins = digits_value(&b[i + 1..i + 1 + n]);
        let hours = value as u32;
        shape = Shape::Clock(hours, mins.min(f64::from(u32::MAX)) as u32);
        value = f64::from(hours);
        i += 1 + n;
    } else if b.get(i) == Some(&b'/') && int_digits > 0 {
        let mut parts = 1;
        let first = value;
        let mut last = value;
        while b.get(i) == Some(&b'/') {
            let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                break;
            }
            last = digits_value(&b[i + 1..i + 1 + n]);
            parts += 1;
            i += 1 + n;
        }
        shape = if parts == 2 {
            value = if last > 0.0 { first / last } else { 0.0 };
            Shape::Slash(first, last)
        } else {
            Shape::Date
        };
    }
    if int_digits == 0 && decimals == 0 {
        // A vulgar fraction alone: ½.
        let c = rest[i..].chars().next()?;
        let (n, d) = is_vulgar(c)?;
        return Some(NumTok {
            value: n / d,
            shape: Shape::Vulgar(0.0, n, d),
            int_digits: 0,
            commas: false,
            decimals: 0,
            leading_point: false,
            currency,
            suffix: &rest[i + c.len_utf8()..],
        });
    }
    if let Some((n, d)) = rest[i..].chars().next().and_then(is_vulgar) {
        shape = Shape::Vulgar(value, n, d);
        value += n / d;
        i += rest[i..].chars().next().map_or(0, char::len_utf8);
    }
    Some(NumTok { value, shape, int_digits, commas, decimals, leading_point, currency, suffix: &rest[i..] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let t = parse("1,000").unwrap();
        assert_eq!((t.value, t.commas, t.int_digits), (1000.0, true, 4));
        let t = parse(".5ml").unwrap();
        assert_eq!((t.value, t.leading_point, t.suffix), (0.5, true, "ml"));
        assert_eq!(parse("5.0mg").unwrap().decimals, 1);
        assert_eq!(parse("10:30").unwrap().shape, Shape::Clock(10, 30));
        assert_eq!(parse("9:00am").unwrap().suffix, "am");
        assert_eq!(parse("12/05/2024").unwrap().shape, Shape::Date);
        assert_eq!(parse("2/3rds").unwrap().shape, Shape::Slash(2.0, 3.0));
        assert_eq!(parse("2/3rds").unwrap().suffix, "rds");
        assert_eq!(parse("½").unwrap().value, 0.5);
        assert!(parse("80th").unwrap().ordinal());
        assert!(parse("20%").unwrap().percent());
        assert_eq!(parse("14.3%").unwrap().value, 14.3);
        assert_eq!(parse("5.30pm").unwrap().value, 5.3);
        assert_eq!(parse("1/0").unwrap().value, 0.0);
        assert!(parse("").is_none());
        assert!(parse("£").is_none());
    }
}
