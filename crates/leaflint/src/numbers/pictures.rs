//! Pictures for numbers (issue "Pictures for numbers"): which quantities state a risk or chance
//! that an icon array can show, and the [`Picture`] descriptor each could use.
//!
//! A natural frequency (`1 in 4 people`, `3 out of 100`, an EC band phrase) always counts; a
//! percentage counts when it states a proportion ([`Nx::proportion_percentage`]: not a strength,
//! test result, change or statistic), is a single value (not `90% to 95%`), is not a relative
//! effect (`90% effective`), and has a risk, side-effect or outcome word in its sentence or a
//! people noun after it (`20% of people`, `a 2.5% risk`). The picture is the number in 10, 100 or
//! 1,000 icons: a percentage as the `percentage` rule converts it (SPEC §5.1), a frequency scaled
//! to the first drawable denominator (`1 in 4` → `25 in 100`); numbers too small for 1,000 icons
//! (`1 in 5,000`) have none. Only numbers are computed here: no SVG is drawn during a check.

use super::{context, lexicon as lx, role, Kind, Nx, Quantity};
use crate::picture::{Frequency, Picture};

/// Words after a percentage that make it a relative effect, not a share of people.
const RELATIVE: &[&str] =
    &["effective", "efficacy", "effectiveness", "protection", "protected", "accurate", "sure", "certain"];

/// A risk or chance number of the text and the picture it could use.
pub struct RiskNumber<'a> {
    /// The quantity.
    pub q: &'a Quantity,
    /// Its icon array, when it fits in 10, 100 or 1,000 icons.
    pub picture: Option<Picture>,
}

/// `90% effective`: a relative effect (the `percentage` rule offers no conversion).
pub fn relative_percentage(nx: &Nx<'_>, q: &Quantity) -> bool {
    nx.words(q.unit).is_any(q.tokens.end, RELATIVE)
}

/// Who the icons stand for: the people or event noun within 3 words after the quantity
/// (`20 in 100 women`, `25% of adults`), lower case.
pub fn label(nx: &Nx<'_>, q: &Quantity) -> Option<String> {
    let w = nx.words(q.unit);
    (q.tokens.end..q.tokens.end + 3)
        .take_while(|&k| k < w.range.end && !w.punct(k))
        .find(|&k| w.has(k, lx::PEOPLE | lx::EVENT))
        .map(|k| w.text(k).to_lowercase())
}

/// The picture of `n in d` (scaled to 10, 100 or 1,000 icons; `rounded` marks it "about"),
/// optionally beside `compare` (`n`, `d`, rounded).
pub fn picture(
    nx: &Nx<'_>,
    q: &Quantity,
    n: u64,
    d: u64,
    rounded: bool,
    compare: Option<(u64, u64, bool)>,
) -> Option<Picture> {
    let scale = |n: u64, d: u64| Frequency::scale(n as f64, d as f64);
    let mut primary = scale(n, d)?;
    primary.approximate |= rounded;
    let compare = match compare {
        Some((cn, cd, cr)) => {
            let mut c = scale(cn, cd)?;
            c.approximate |= cr;
            Some(c)
        }
        None => None,
    };
    Picture::new(primary, compare, label(nx, q).as_deref()).ok()
}

/// A quantity that states a risk or chance an icon array can show (see the module docs).
pub fn is_risk_number(nx: &Nx<'_>, q: &Quantity) -> bool {
    match q.kind {
        Kind::Frequency => {
            q.is_chance()
                && !q.any(role::SCORE)
                && q.high.is_none()
                && q.low.fract() == 0.0
                && q.denominator.is_some_and(|d| d >= 1.0 && d.fract() == 0.0 && q.low <= d)
        }
        Kind::Percentage => {
            q.high.is_none()
                && !q.any(role::POINTS)
                && nx.proportion_percentage(q)
                && !relative_percentage(nx, q)
                && (q.any(role::PEOPLE)
                    || q.context & (context::RISK | context::SIDE_EFFECT | context::OUTCOME) != 0
                    || label(nx, q).is_some())
        }
        _ => false,
    }
}

/// Every risk or chance number of the document, in text order, with its picture.
pub fn risk_numbers<'a>(nx: &Nx<'a>) -> Vec<RiskNumber<'a>> {
    let m: &'a super::NumberModel = nx.m;
    let mut preferred = None;
    let mut out = Vec::new();
    for q in m.quantities.iter().filter(|q| matches!(q.kind, Kind::Frequency | Kind::Percentage)) {
        if !is_risk_number(nx, q) {
            continue;
        }
        let picture = if q.kind == Kind::Percentage {
            // As the `percentage` rule converts it, so the picture matches its suggestion.
            let pref = *preferred.get_or_insert_with(|| nx.preferred_denominator());
            super::arith::percent_to_frequency(q.low, pref).and_then(|c| picture(nx, q, c.n, c.d, c.rounded, None))
        } else {
            picture(nx, q, q.low as u64, q.denominator.unwrap_or(1.0) as u64, false, None)
        };
        out.push(RiskNumber { q, picture });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::picture::{Counts, Picture};

    fn pictures(text: &str) -> Vec<(String, Picture)> {
        crate::check(text, &Config::default()).pictures.into_iter().map(|p| (p.text, p.picture)).collect()
    }

    fn counts(text: &str) -> Vec<(String, u32, u32)> {
        pictures(text).into_iter().map(|(t, p)| (t, p.numerator, p.denominator)).collect()
    }

    #[test]
    fn every_risk_frequency_and_percentage_has_a_picture() {
        // A good "1 in 10" has no finding and still has its picture; the percentage is drawn as
        // the `percentage` rule converts it (the document's own denominator, 10).
        let t = "Side effects\n\nAbout 1 in 10 people get a headache. 20% of women get a rash.\n\nThe chance of bleeding is 0.5%. About 3 out of 10 people feel sick.";
        let got = counts(t);
        assert_eq!(
            got,
            [("1 in 10".into(), 1, 10), ("20%".into(), 2, 10), ("0.5%".into(), 5, 1000), ("3 out of 10".into(), 3, 10)]
        );
        let p = pictures(t);
        assert_eq!(p[1].1.label.as_deref(), Some("women"));
        assert_eq!(p[1].1.alt, "2 in 10 women: 2 shaded, 8 not");
        // Rounded to fit 100 icons: "about".
        let p = pictures("About 1 in 3 people feel sick.");
        assert!(p[0].1.approximate, "1 in 3 is about 33 in 100");
        assert_eq!(p[0].1.alt, "about 33 in 100 people: 33 shaded, 67 not");
    }

    #[test]
    fn not_risks_no_picture() {
        for t in [
            "Use 1% hydrocortisone cream.",
            "Your HbA1c of 6.5% means you have diabetes.",
            "Statins reduce your risk of a heart attack by 30%.",
            "Rate your pain. A score of 7 out of 10 is severe.",
            "The vaccine is 90% effective at preventing severe illness.",
            "Type 2 diabetes accounts for approximately 90% to 95% of all diagnosed cases.",
            "The risk went up by 2 percentage points.",
            "Take 2 tablets 3 times a day.",
            "About 1 in 5,000 people get it.",
        ] {
            assert_eq!(counts(t), [], "{t}");
        }
    }

    #[test]
    fn real_sentences() {
        // tests/corpus/cdc-diabetes-quick-facts.md and cdc-sepsis.md.
        let t = "More than 37 million people in the United States have diabetes, and 1 in 5 of them don’t know they have it.";
        assert_eq!(counts(t), [("1 in 5".into(), 2, 10)]);
        let t = "1 in 3 people who dies in a hospital had sepsis during that hospitalization.";
        assert_eq!(counts(t), [("1 in 3".into(), 33, 100)]);
        // An EC band phrase is a chance too.
        let t = "Common side effects may affect up to 1 in 10 people.";
        assert_eq!(counts(t), [("1 in 10".into(), 1, 10)]);
    }

    #[test]
    fn findings_carry_the_same_picture_and_two_compare() {
        let t = "Without treatment, 1 in 4 people get worse. With treatment, 3 in 100 people get worse.";
        let r = crate::check(t, &Config::default());
        let f = r.findings.iter().find(|f| f.rule == "mixed-denominators").expect("flagged");
        let p: Picture = serde_json::from_value(f.data["picture"].clone()).expect("descriptor");
        assert_eq!((p.numerator, p.denominator), (25, 100));
        assert_eq!(p.compare, Some(Counts { numerator: 3, denominator: 100, approximate: false }));
        assert_eq!(p.alt, "25 in 100 people: 25 shaded, 75 not; 3 in 100 people: 3 shaded, 97 not");
        // The report lists both numbers; the flagged one with the finding's picture.
        assert_eq!(r.pictures.len(), 2);
        assert_eq!(r.pictures[0].picture, p);
        assert_eq!(r.pictures[1].picture.compare, None);
        assert_eq!(&t[r.pictures[1].sentence.range()], "With treatment, 3 in 100 people get worse.");

        let t = "1 in 20 people get a rash. 1 in 10 people get a headache.";
        let r = crate::check(t, &Config::default());
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "one-in-x-varying").collect();
        assert_eq!(f.len(), 2);
        let p: Picture = serde_json::from_value(f[0].data["picture"].clone()).expect("descriptor");
        assert_eq!((p.numerator, p.denominator, p.compare.map(|c| c.numerator)), (5, 100, Some(10)));

        let r = crate::check("About 20% of people get a headache.", &Config::default());
        let f = r.findings.iter().find(|f| f.rule == "percentage").expect("flagged");
        let p: Picture = serde_json::from_value(f.data["picture"].clone()).expect("descriptor");
        assert_eq!((p.numerator, p.denominator, p.alt.as_str()), (20, 100, "20 in 100 people: 20 shaded, 80 not"));
        assert!(!f.data["picture"].to_string().contains("<svg"), "no SVG bytes in findings");
    }

    #[test]
    fn pictures_have_utf16_positions() {
        let t = "😀 About 1 in 10 people get a headache.";
        let r = crate::check(t, &Config::default());
        let p = &r.pictures[0];
        let js: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&js[p.utf16.start..p.utf16.end]), "1 in 10");
        assert_eq!(String::from_utf16_lossy(&js[p.sentence_utf16.start..p.sentence_utf16.end]), &t[p.sentence.range()]);
    }

    #[test]
    fn cci_20_says_visual_offered() {
        let item20 = |t: &str| {
            let r = crate::check(t, &Config::default());
            let it = r.checklists.cdc_cci.items.into_iter().find(|i| i.id == "20").expect("item 20");
            (it.note, it.spans.len(), it.status)
        };
        let (note, spans, status) = item20("About 1 in 10 people get a headache. 20% of women get a rash.");
        assert_eq!(
            note.as_deref(),
            Some("Visual offered: a picture (icon array) for each of the 2 risk numbers. Add each picture beside its number, or explain the number in words.")
        );
        assert_eq!((spans, status), (2, crate::report::ItemStatus::Prompt));
        let (note, spans, _) = item20("About 1 in 10 people get a headache. About 1 in 5,000 people get a rash.");
        assert!(note.as_deref().is_some_and(|n| n.contains("for 1 of 2 risk numbers")), "{note:?}");
        assert_eq!(spans, 1);
        let (note, _, _) = item20("About 1 in 5,000 people get a rash.");
        assert!(note.as_deref().is_some_and(|n| n.starts_with("No picture")), "{note:?}");
        assert_eq!(item20("Take 2 tablets a day.").0, None);
    }
}
