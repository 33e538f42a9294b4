//! The data model: the JSON format's vocabularies, validation into an immutable [`Dataset`], and the
//! as-of-date queries over it.
//!
//! ```text
//! JSON text ──from_json_str──▶ Dataset ──network_at(date)──▶ Network
//!                 │                    └─changes_between(a, b)─▶ Changes
//!                 └──▶ LoadError::Syntax{line, column} | LoadError::Invalid(every Problem)
//! ```

mod asof;
mod dataset;
mod dupkeys;
mod first_part;
#[macro_use]
mod kinds;
mod groups;
pub mod limits;
mod problem;
mod reader;
mod story;
mod text;
mod trusted;
mod validate;
mod write;

pub use asof::{Changes, EdgeAt, EdgeChange, Network, NodeAt};
pub use dataset::{
    Amount, Confidence, Conflict, Dataset, Event, EventIx, Meta, OrgIx, Organisation, Phase, RelIx, Relationship,
    Source, Step, StepView,
};
pub use first_part::first_part;
pub use groups::{OrgGroup, RelationGroup};
pub use kinds::{
    AmountQualifier, ConfidenceLevel, ConflictAbout, EventKind, OrgKind, PhaseState, RelationKind, SourceKind,
};
pub use problem::{LoadError, Problem};
pub use story::{text_parts, TextPart, STEP_VIEW_KEYS};
pub use text::{use_normaliser, Normaliser};
pub use validate::{is_http_url, too_large, Validation, FORMAT_VERSION};
