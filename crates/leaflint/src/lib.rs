//! # leaflint
//!
//! A health-literacy checker for patient information. Give it a leaflet's text; it returns a
//! [`Report`]: readability scores and the UK reading age, findings with plain-language messages
//! and fixes, and (as the rules land) numeracy load, chunks and teach-back prompts.
//!
//! ```
//! use leaflint::{check, Config};
//! let report = check("Metformin is used to treat type 2 diabetes. Take it with food.", &Config::default());
//! assert!(report.scores.readability.reading_age.is_some());
//! for finding in &report.findings {
//!     println!("{}:{} {} {}", finding.line, finding.column, finding.rule, finding.message);
//! }
//! ```
//!
//! The engine does no IO and builds for `wasm32-unknown-unknown`. Every word list it uses is
//! compiled in; their sources and licences are in NOTICE.
#![cfg_attr(not(test), warn(clippy::print_stdout, clippy::print_stderr))]

pub mod autofix;
pub mod compare;
pub mod config;
pub mod data;
pub mod document;
mod engine;
pub mod finding;
pub mod input;
pub mod language;
pub mod lexicon;
mod memo;
pub mod metrics;
pub mod numbers;
pub mod picture;
pub mod report;
pub mod rule_info;
pub mod rules;
pub mod span;
pub mod split;
pub mod structure;
pub mod suppress;
pub mod text;

pub use compare::{compare, Comparison};
pub use config::{Config, ConfigError, Profile};
pub use document::{Document, Format};
pub use engine::{check, check_document, segments, MAX_FINDINGS};
pub use finding::{apply_fixes, Applicability, Category, Edit, Finding, Fix, Scope, Severity};
pub use report::Report;
pub use span::ByteSpan;

/// The engine version (the crate version), as reported in `Report::leaflint_version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
