//! Criterion benches of the HTML and Word readers on 1 MB documents, made from the 10 KB leaflet
//! fixture (real NHS and US federal text): its Markdown-ish lines become `<h2>`, `<p>` and `<li>`
//! inside a page with a header, navigation, scripts and entities; and the same lines become
//! Word paragraphs (heading styles, numbered list items, bold runs) zipped as a `.docx`.
//!
//! Throughput is in bytes of the HTML page, and of `word/document.xml` (unpacked) for Word.
//! Run: `cargo bench -p leaflint-benches --bench formats`.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use leaflint::{Config, Document, Format};
use leaflint_benches::LEAFLET_10K;
use std::io::Write;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('’', "&rsquo;")
}

/// A ~1 MB HTML page.
fn html_page(bytes: usize) -> String {
    let mut body = String::new();
    for line in LEAFLET_10K.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(h) = line.strip_prefix("## ").or_else(|| line.strip_prefix("# ")) {
            body.push_str(&format!("<h2>{}</h2>\n", escape(h)));
        } else if let Some(li) = line.strip_prefix("- ") {
            body.push_str(&format!("<ul><li>{}</li></ul>\n", escape(li)));
        } else {
            body.push_str(&format!("<p class=\"nhsuk-body\">{}</p>\n", escape(line)));
        }
    }
    let mut page = String::from(
        "<!DOCTYPE html><html><head><title>Leaflet</title><script>var x = 1 < 2;</script></head><body>\
         <header><nav><ul><li><a href=\"/\">Home</a></li></ul></nav></header><main>",
    );
    while page.len() < bytes {
        page.push_str(&body);
    }
    page.push_str("</main><footer><p>&copy; Crown copyright</p></footer></body></html>");
    page
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `word/document.xml` of about `bytes` bytes, and the `.docx` zip holding it.
fn docx(bytes: usize) -> (usize, Vec<u8>) {
    let mut body = String::new();
    for line in LEAFLET_10K.lines().filter(|l| !l.trim().is_empty()) {
        let (ppr, text) = if let Some(h) = line.strip_prefix("## ").or_else(|| line.strip_prefix("# ")) {
            ("<w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>", h)
        } else if let Some(li) = line.strip_prefix("- ") {
            ("<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>", li)
        } else {
            ("", line)
        };
        let (first, rest) = text.split_at(text.char_indices().nth(12).map_or(text.len(), |(i, _)| i));
        body.push_str(&format!(
            "<w:p>{ppr}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii=\"Arial\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_escape(first),
            xml_escape(rest)
        ));
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    while xml.len() < bytes {
        xml.push_str(&body);
    }
    xml.push_str("</w:body></w:document>");
    let numbering = "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in [("word/document.xml", xml.as_str()), ("word/numbering.xml", numbering)] {
            w.start_file(name, opts).expect("zip entry");
            w.write_all(content.as_bytes()).expect("zip write");
        }
        w.finish().expect("zip");
    }
    (xml.len(), buf.into_inner())
}

fn formats(c: &mut Criterion) {
    let cfg = Config::default();
    let _ = leaflint::check(leaflint_benches::SHORT, &cfg);
    let page = html_page(1_000_000);
    let mut g = c.benchmark_group("html-1mb");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.bench_function(BenchmarkId::new("parse", "html-1mb"), |b| {
        b.iter(|| Document::parse(black_box(&page), Format::Html))
    });
    let doc = Document::parse(&page, Format::Html);
    g.bench_function(BenchmarkId::new("check", "html-1mb"), |b| {
        b.iter(|| leaflint::check_document(black_box(&doc), "page.html", &cfg))
    });
    g.finish();
    let (xml_len, file) = docx(1_000_000);
    let mut g = c.benchmark_group("docx-1mb");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(xml_len as u64));
    g.bench_function(BenchmarkId::new("decode", "docx-1mb"), |b| {
        b.iter(|| leaflint::input::decode(black_box(&file), None, Some("leaflet.docx")).map(|d| d.blocks.len()))
    });
    g.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);
