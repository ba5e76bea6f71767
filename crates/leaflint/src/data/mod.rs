//! Word lists compiled into the engine (see `data/README.md` and NOTICE).

pub mod cmudict;
pub mod frequency;
pub mod scowl;
pub mod spelling;
