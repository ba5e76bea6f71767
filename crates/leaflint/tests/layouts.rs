//! One leaflet in six layouts (issue 14): blank-line paragraphs, one line per paragraph (web
//! copy), the same with CRLF line endings, numbered section headings, and PDF text wrapped at 45
//! columns with and without blank lines (with a running header, page numbers and a form feed).
//! Every layout must give the same headings, list items and sentences.

use leaflint::document::BlockKind;
use leaflint::text::UnitKind;
use leaflint::{segments, Config, Document, Format};

enum Part {
    Title(&'static str),
    Heading(&'static str),
    Para(&'static str),
    Bullets(&'static [&'static str]),
    Steps(&'static [&'static str]),
}
use Part::*;

const LEAFLET: &[Part] = &[
    Title("Ibuprofen gel"),
    Para("Ibuprofen gel is a medicine you rub on your skin. It eases pain and swelling in muscles and joints, for example after a sprain."),
    Heading("Who can use it"),
    Para("Most adults and children aged 14 and over can use ibuprofen gel. Some people need to check with a doctor or pharmacist first."),
    Para("Check with your pharmacist first if you:"),
    Bullets(&["have asthma", "are pregnant or breastfeeding", "have had a reaction to aspirin or other painkillers in the past"]),
    Heading("How to use it"),
    Para("Use the gel up to 3 times a day. Leave at least 4 hours between uses."),
    Steps(&["Wash and dry your hands", "Squeeze 1 to 4 cm of gel onto your fingers", "Rub it gently into the painful area until it has soaked in"]),
    Para("Wash your hands again afterwards, unless you are treating them. Do not put the gel on broken skin or near your eyes."),
    Heading("Side effects"),
    Para("Side effects are rare. Your skin may get red or itchy where you put the gel. Stop using it and speak to a pharmacist if this happens."),
    Heading("When to get help"),
    Para("Call 111 if the pain is no better after 2 weeks. In an emergency, call 999."),
];

/// Each block of the leaflet as the lines of one layout.
fn lines(numbered: bool, width: Option<usize>) -> Vec<Vec<String>> {
    let wrap = |s: String| -> Vec<String> {
        let Some(w) = width else { return vec![s] };
        let mut out: Vec<String> = Vec::new();
        let mut cur = String::new();
        for word in s.split(' ') {
            if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > w {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        out.push(cur);
        out
    };
    let mut section = 0;
    let mut blocks = Vec::new();
    for part in LEAFLET {
        match part {
            Title(t) => blocks.push(wrap((*t).to_owned())),
            Heading(h) => {
                section += 1;
                blocks.push(wrap(if numbered { format!("{section}. {h}") } else { (*h).to_owned() }))
            }
            Para(p) => blocks.push(wrap((*p).to_owned())),
            Bullets(items) => {
                for i in *items {
                    blocks.push(wrap(format!("• {i}")));
                }
            }
            Steps(items) => {
                for (n, i) in items.iter().enumerate() {
                    blocks.push(wrap(format!("{}. {i}", n + 1)));
                }
            }
        }
    }
    blocks
}

fn join(blocks: &[Vec<String>], blank: bool, eol: &str) -> String {
    let mut out = String::new();
    for (i, b) in blocks.iter().enumerate() {
        // List items stay together, as leaflets write them.
        let item = |b: &Vec<String>| {
            b[0].starts_with('•')
                || b[0].as_bytes()[0].is_ascii_digit() && b[0][1..].starts_with(". ") && b[0].len() > 3 && i > 1
        };
        if i > 0 && blank && !(item(b) && item(&blocks[i - 1])) && !(item(b) && blocks[i - 1][0].ends_with(':')) {
            out.push_str(eol);
        }
        for l in b {
            out.push_str(l);
            out.push_str(eol);
        }
    }
    out
}

/// Headings (without their section numbers), list items and sentences, in order.
fn structure(text: &str) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    let doc = Document::parse(text, Format::Text);
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let strip_number = |s: String| match s.split_once(". ") {
        Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => rest.to_owned(),
        _ => s,
    };
    let headings = doc.blocks.iter().filter(|b| b.kind.is_heading()).map(|b| strip_number(norm(&b.analysed))).collect();
    let items = doc
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::ListItem { ordered, index, .. } => {
                Some(format!("{}{index} {}", if ordered { "ol" } else { "ul" }, norm(&b.analysed)))
            }
            _ => None,
        })
        .collect();
    let units = segments(&doc, &Config::default());
    // A unit's analysed text (its source span may hold a dropped page header).
    let analysed = |span: leaflint::ByteSpan| -> String {
        let b =
            doc.blocks.iter().find(|b| b.span.start() <= span.start() && span.end() <= b.span.end()).expect("block");
        let at = |pos: usize| {
            let p = b.pieces.iter().find(|p| p.source.start() <= pos && pos <= p.source.end()).expect("piece");
            p.analysed.start + (pos - p.source.start())
        };
        norm(&b.analysed[at(span.start())..at(span.end())])
    };
    let sentences = units.iter().filter(|u| u.kind != UnitKind::Heading).map(|u| analysed(u.span)).collect();
    (headings, items, sentences, doc.notes)
}

#[test]
fn one_leaflet_in_six_layouts_has_one_structure() {
    let plain = lines(false, None);
    let with_page = |s: String| {
        // A PDF copy: a running header on each page, page numbers and a form feed in mid-sentence.
        let header = "Ibuprofen gel – Example Trust";
        let mut out = format!("{header}\n");
        let ls: Vec<&str> = s.lines().collect();
        assert!(ls.iter().any(|l| l.starts_with("Most adults")));
        for l in &ls {
            out.push_str(l);
            out.push('\n');
            if l.starts_with("Most adults") {
                out.push_str(&format!("Page 1\n\u{c}{header}\n"));
            }
        }
        out.push_str("Page 2\n");
        out
    };
    let layouts = [
        ("blank-line paragraphs", join(&plain, true, "\n")),
        ("one line per paragraph", join(&plain, false, "\n")),
        ("one line per paragraph, CRLF", join(&plain, false, "\r\n")),
        ("numbered section headings", join(&lines(true, None), true, "\n")),
        ("PDF at 45 columns, blank lines", with_page(join(&lines(false, Some(45)), true, "\n"))),
        ("PDF at 45 columns, no blank lines", with_page(join(&lines(false, Some(45)), false, "\n"))),
    ];
    let (h0, i0, s0, _) = structure(&layouts[0].1);
    assert_eq!(h0, ["Ibuprofen gel", "Who can use it", "How to use it", "Side effects", "When to get help"]);
    assert_eq!(i0.len(), 6, "{i0:?}");
    assert_eq!(i0[5], "ol2 Rub it gently into the painful area until it has soaked in");
    assert_eq!(s0.len(), 20, "{s0:#?}");
    for (name, text) in &layouts[1..] {
        let (h, i, s, notes) = structure(text);
        assert_eq!(h, h0, "{name}: headings\n{text}");
        assert_eq!(i, i0, "{name}: list items\n{text}");
        assert_eq!(s, s0, "{name}: sentences\n{text}");
        let want = if name.starts_with("PDF") {
            "Layout: lines wrapped at about 4"
        } else if name.starts_with("one line") {
            "Layout: one line per paragraph"
        } else {
            ""
        };
        assert_eq!(
            notes.iter().any(|n| !want.is_empty() && n.starts_with(want)),
            !want.is_empty(),
            "{name}: {notes:?}"
        );
        if name.starts_with("PDF") {
            assert!(notes.iter().any(|n| n.starts_with("Dropped 4 page header")), "{name}: {notes:?}");
        }
    }
}
