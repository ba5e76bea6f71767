//! Word files built from fuzzed parts: `document.xml` from a tree of the Word elements leaflint
//! reads (paragraphs, runs, styles, lists, tables, tracked changes, text boxes, images), with
//! `styles.xml` and `numbering.xml` from fuzzed definitions (cycles in `basedOn` included), extra
//! entries, and sometimes raw bytes in place of any part. The zip is well formed, so the fuzzer
//! spends its time in the XML reader and the extractor rather than in the zip directory.
#![no_main]
use arbitrary::Arbitrary;
use leaflint::Config;
use libfuzzer_sys::fuzz_target;
use std::fmt::Write as _;
use std::io::Write as _;

#[derive(Arbitrary, Debug)]
enum Tag {
    P,
    R,
    T,
    PPr,
    RPr,
    PStyle(u8),
    NumPr,
    Ilvl(u8),
    NumId(u8),
    OutlineLvl(u8),
    B(bool),
    RStyle(u8),
    Tbl,
    Tr,
    Tc,
    TrPr,
    TblHeader,
    Del,
    MoveFrom,
    AlternateContent,
    Choice,
    Fallback,
    Tab,
    Br,
    NoBreakHyphen,
    DocPr(String),
    Pic,
    ImageData,
    Other(u8),
}

#[derive(Arbitrary, Debug)]
enum Node {
    Open(Tag),
    Close,
    Empty(Tag),
    Text(String),
    Entity(u32),
}

#[derive(Arbitrary, Debug)]
struct StyleDef {
    id: u8,
    name: u8,
    based_on: Option<u8>,
    outline: Option<u8>,
    num: Option<(u8, u8)>,
    bold: bool,
}

#[derive(Arbitrary, Debug)]
struct NumDef {
    abs: u8,
    lvl: u8,
    fmt: u8,
    num: u8,
}

#[derive(Arbitrary, Debug)]
struct Input {
    body: Vec<Node>,
    close_all: bool,
    styles: Option<Vec<StyleDef>>,
    numbering: Option<Vec<NumDef>>,
    raw_document: Option<Vec<u8>>,
    raw_styles: Option<Vec<u8>>,
    extra: Vec<(u8, Vec<u8>)>,
    deflate: bool,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Start (or empty) tag text and the end tag's name.
fn tag(t: &Tag) -> (String, &'static str) {
    let v = |name: &'static str, val: String| (format!("{name} w:val=\"{val}\""), name);
    match t {
        Tag::P => ("w:p".into(), "w:p"),
        Tag::R => ("w:r".into(), "w:r"),
        Tag::T => ("w:t xml:space=\"preserve\"".into(), "w:t"),
        Tag::PPr => ("w:pPr".into(), "w:pPr"),
        Tag::RPr => ("w:rPr".into(), "w:rPr"),
        Tag::PStyle(n) => v("w:pStyle", format!("S{n}")),
        Tag::NumPr => ("w:numPr".into(), "w:numPr"),
        Tag::Ilvl(n) => v("w:ilvl", n.to_string()),
        Tag::NumId(n) => v("w:numId", n.to_string()),
        Tag::OutlineLvl(n) => v("w:outlineLvl", n.to_string()),
        Tag::B(on) => v("w:b", if *on { "1" } else { "0" }.into()),
        Tag::RStyle(n) => v("w:rStyle", format!("S{n}")),
        Tag::Tbl => ("w:tbl".into(), "w:tbl"),
        Tag::Tr => ("w:tr".into(), "w:tr"),
        Tag::Tc => ("w:tc".into(), "w:tc"),
        Tag::TrPr => ("w:trPr".into(), "w:trPr"),
        Tag::TblHeader => ("w:tblHeader".into(), "w:tblHeader"),
        Tag::Del => ("w:del".into(), "w:del"),
        Tag::MoveFrom => ("w:moveFrom".into(), "w:moveFrom"),
        Tag::AlternateContent => ("mc:AlternateContent".into(), "mc:AlternateContent"),
        Tag::Choice => ("mc:Choice".into(), "mc:Choice"),
        Tag::Fallback => ("mc:Fallback".into(), "mc:Fallback"),
        Tag::Tab => ("w:tab".into(), "w:tab"),
        Tag::Br => ("w:br".into(), "w:br"),
        Tag::NoBreakHyphen => ("w:noBreakHyphen".into(), "w:noBreakHyphen"),
        Tag::DocPr(d) => (format!("wp:docPr descr=\"{}\"", esc(d)), "wp:docPr"),
        Tag::Pic => ("pic:pic".into(), "pic:pic"),
        Tag::ImageData => ("v:imagedata".into(), "v:imagedata"),
        Tag::Other(n) => (format!("w:x{n}"), "w:x"),
    }
}

fn document(input: &Input) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:mc="mc" xmlns:wp="wp" xmlns:pic="pic" xmlns:v="v"><w:body>"#,
    );
    let mut open: Vec<String> = Vec::new();
    for node in &input.body {
        match node {
            Node::Open(t) => {
                let (start, _) = tag(t);
                let name = start.split(' ').next().unwrap_or_default().to_owned();
                let _ = write!(xml, "<{start}>");
                open.push(name);
            }
            Node::Empty(t) => {
                let _ = write!(xml, "<{}/>", tag(t).0);
            }
            Node::Close => {
                if let Some(name) = open.pop() {
                    let _ = write!(xml, "</{name}>");
                }
            }
            Node::Text(s) => xml.push_str(&esc(s)),
            Node::Entity(n) => {
                let _ = write!(xml, "&#{n};");
            }
        }
    }
    if input.close_all {
        while let Some(name) = open.pop() {
            let _ = write!(xml, "</{name}>");
        }
        xml.push_str("</w:body></w:document>");
    }
    xml.into_bytes()
}

fn styles(defs: &[StyleDef]) -> Vec<u8> {
    const NAMES: [&str; 6] = ["Normal", "heading 1", "Heading 3", "Title", "Strong", "List Bullet"];
    let mut xml = String::from(r#"<?xml version="1.0"?><w:styles xmlns:w="w">"#);
    for d in defs {
        let _ = write!(
            xml,
            "<w:style w:styleId=\"S{}\"><w:name w:val=\"{}\"/>",
            d.id,
            NAMES[usize::from(d.name) % NAMES.len()]
        );
        if let Some(b) = d.based_on {
            let _ = write!(xml, "<w:basedOn w:val=\"S{b}\"/>");
        }
        xml.push_str("<w:pPr>");
        if let Some(o) = d.outline {
            let _ = write!(xml, "<w:outlineLvl w:val=\"{o}\"/>");
        }
        if let Some((id, lvl)) = d.num {
            let _ = write!(xml, "<w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr>");
        }
        xml.push_str("</w:pPr>");
        if d.bold {
            xml.push_str("<w:rPr><w:b/></w:rPr>");
        }
        xml.push_str("</w:style>");
    }
    xml.push_str("</w:styles>");
    xml.into_bytes()
}

fn numbering(defs: &[NumDef]) -> Vec<u8> {
    const FORMATS: [&str; 7] = ["bullet", "decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "none"];
    let mut xml = String::from(r#"<?xml version="1.0"?><w:numbering xmlns:w="w">"#);
    for d in defs {
        let _ = write!(
            xml,
            "<w:abstractNum w:abstractNumId=\"{}\"><w:lvl w:ilvl=\"{}\"><w:numFmt w:val=\"{}\"/></w:lvl></w:abstractNum>",
            d.abs,
            d.lvl,
            FORMATS[usize::from(d.fmt) % FORMATS.len()]
        );
        let _ = write!(xml, "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/></w:num>", d.num, d.abs);
    }
    xml.push_str("</w:numbering>");
    xml.into_bytes()
}

fuzz_target!(|input: Input| {
    let doc = input.raw_document.clone().unwrap_or_else(|| document(&input));
    let mut parts: Vec<(String, Vec<u8>)> = vec![("word/document.xml".into(), doc)];
    if let Some(raw) = &input.raw_styles {
        parts.push(("word/styles.xml".into(), raw.clone()));
    } else if let Some(s) = &input.styles {
        parts.push(("word/styles.xml".into(), styles(s)));
    }
    if let Some(n) = &input.numbering {
        parts.push(("word/numbering.xml".into(), numbering(n)));
    }
    for (i, (n, bytes)) in input.extra.iter().enumerate().take(8) {
        parts.push((format!("word/media/{i}-{n}.bin"), bytes.clone()));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let method = if input.deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method).compression_level(Some(1));
        for (name, bytes) in &parts {
            if w.start_file(name.as_str(), opts).is_err() || w.write_all(bytes).is_err() {
                return;
            }
        }
        if w.finish().is_err() {
            return;
        }
    }
    if let Ok(doc) = leaflint::input::decode(&buf.into_inner(), None, Some("fuzz.docx")) {
        leaflint_fuzz::check_and_assert(&doc, &Config::default());
    }
});
