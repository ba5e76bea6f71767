//! SCOWL word commonness levels (10 = most common … 70 = rare) and spelling varieties, compiled
//! into an `fst` map at development time (`data/generated/scowl.fst`, rebuilt and checked by
//! `tests/codegen.rs`). SCOWL © 2000–2016 Kevin Atkinson and others; see NOTICE.

use std::sync::LazyLock;

static MAP: LazyLock<fst::Map<&'static [u8]>> = LazyLock::new(|| {
    fst::Map::new(&include_bytes!("../../data/generated/scowl.fst")[..])
        .expect("data/generated/scowl.fst is a valid fst map")
});

/// The highest SCOWL level embedded. Level 70 ("rare": 36,000 words, a third of the list) is
/// left out: no rule threshold reaches it, and a word of level 70 is as unfamiliar to a patient
/// as one SCOWL does not list (the browser widget is 160 KB smaller for it).
pub const MAX_LEVEL: u8 = 60;

/// Variety bit: in every variety (`all`).
pub const ALL: u8 = 1;
/// Variety bit: US English.
pub const US: u8 = 2;
/// Variety bit: British English.
pub const GB: u8 = 4;
/// Variety bit: Canadian English.
pub const CA: u8 = 8;
/// Variety bit: Australian English.
pub const AU: u8 = 16;

/// One SCOWL entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// SCOWL size level: 10, 20, 35, 40, 50, 55, 60 or 70.
    pub level: u8,
    /// Variety bits ([`ALL`], [`US`], [`GB`], [`CA`], [`AU`]).
    pub variety: u8,
}

impl Entry {
    /// True when British English spells the word this way.
    pub fn in_gb(&self) -> bool {
        self.variety & (ALL | GB) != 0
    }
    /// True when US English spells the word this way.
    pub fn in_us(&self) -> bool {
        self.variety & (ALL | US) != 0
    }
}

/// Encode an entry as the fst value.
pub fn encode(level: u8, variety: &str) -> u64 {
    let bits = variety.split(',').fold(0u8, |acc, v| {
        acc | match v.trim() {
            "all" => ALL,
            "us" => US,
            "gb" => GB,
            "ca" => CA,
            "au" => AU,
            _ => 0,
        }
    });
    u64::from(level) | (u64::from(bits) << 8)
}

fn decode(v: u64) -> Entry {
    Entry { level: (v & 0xff) as u8, variety: ((v >> 8) & 0xff) as u8 }
}

/// The entry for `word` as written, else for its lower-case form.
pub fn lookup(word: &str) -> Option<Entry> {
    if let Some(v) = MAP.get(word) {
        return Some(decode(v));
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return MAP.get(word.to_lowercase()).map(decode);
    }
    None
}

/// Number of entries (forces the load).
pub fn len() -> usize {
    MAP.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_varieties() {
        assert!(len() > 75_000);
        assert_eq!(lookup("epidemiological").map(|e| e.level), Some(55));
        assert!(lookup("aardwolf").is_none(), "level 70 (rare) is not embedded");
        assert_eq!(lookup("a").map(|e| e.level), Some(10));
        assert_eq!(lookup("Mild").map(|e| e.level), Some(20));
        let colour = lookup("colour").expect("colour");
        assert!(colour.in_gb() && !colour.in_us());
        assert!(lookup("color").expect("color").in_us());
        assert!(lookup("zzzzqx").is_none());
    }
}
