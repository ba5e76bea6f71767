//! Tests of the number model on the SPEC's examples and real sentences (tests/corpus).

use super::*;
use crate::document::Format;

pub(crate) fn model(text: &str) -> (Document, Analysis, NumberModel) {
    let doc = Document::parse(text, Format::Text);
    let an = Analysis::new(&doc, crate::text::syllables::NumberStyle::British);
    let m = NumberModel::new(&doc, &an);
    (doc, an, m)
}

/// `text → [(kind, text)]` of every number found.
#[allow(dead_code)]
pub(crate) fn kinds(text: &str) -> Vec<(Kind, String)> {
    let (doc, _, m) = model(text);
    m.quantities.iter().map(|q| (q.kind, doc.blocks[q.block].analysed[q.analysed.clone()].to_owned())).collect()
}

#[test]
fn dump() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus/sentences.tsv"))
        .unwrap_or_default();
    for line in text.lines().skip(1) {
        let s = line.split('\t').next().unwrap_or("");
        let (doc, _, m) = model(s);
        let qs: Vec<String> = m
            .quantities
            .iter()
            .map(|q| format!("{:?}[{}]{:x}", q.kind, &doc.blocks[q.block].analysed[q.analysed.clone()], q.roles))
            .collect();
        println!("{s}\n    {}", qs.join("  "));
    }
}
