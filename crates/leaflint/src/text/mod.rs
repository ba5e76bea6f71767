//! Text layer: sentence units, word tokens and syllables (SPEC §2).

pub mod segment;
pub mod syllables;
pub mod tokens;
