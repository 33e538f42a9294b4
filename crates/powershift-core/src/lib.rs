//! # powershift-core
//!
//! The pure-Rust heart of Power Shift: everything before pixels, with no web dependencies, so it is
//! tested natively and runs unchanged as WebAssembly in the page.
//!
//! A short tour:
//! - [`date`]: calendar dates with a precision (day, month, year) and the rule that an imprecise date
//!   counts from the first day of its period.
//! - [`model`]: the JSON format, validation that reports every problem with its JSON path, the
//!   immutable [`model::Dataset`], and as-of queries ([`model::Dataset::network_at`],
//!   [`model::Dataset::changes_between`]).
//! - [`money`]: cumulative announced USD commitments per company over time, firm and "up to" apart.
//! - [`snapshot`]: the network on a date as plain serialisable data (the CLI's `snapshot` output).
//! - [`network`]: the force simulation (Barnes–Hut many-body, links, collision, centring,
//!   positioning), the temporal layout (stable, reproducible positions on any date), label
//!   placement and parallel-edge curves.
//! - [`embed`]: embedding in articles: the URL's embed options and the messages with the host page
//!   (our JSON protocol and Pym.js's).
//! - [`view`]: the reader's view state, the actions on it and the pure reducer; deep links.
//! - [`story_steps`]: the guided story (narrative mode): what each step shows, and the step bar.
//! - [`scene`]: (dataset, layouts, view state) → display lists for every panel (network, timeline,
//!   money chart) with emphasis, filters and encodings; [`svg`]: the one number formatter of markup.
//! - [`export`]: the relationships in force as CSV, the story as dynamic GEXF, spreadsheet templates
//!   written and imported; [`svg::document`]: the network on a date as a standalone SVG file.
//! - [`gesture`]: pointer and wheel events → view actions (click vs drag, pan, pinch, pin, brush).
//! - `testkit` (feature `testkit`): golden scenarios, benchmark graphs, synthetic datasets for tests,
//!   benchmarks and the CLI; not part of the app.
//! - [`tools`]: the requests and replies of the page's tools module (a second WebAssembly module,
//!   loaded in a Web Worker when a reader first needs it).
//! - [`timeline`]: the time scale (map, invert, zoom, pan), calendar ticks, lane packing of event
//!   marks and labels, and the event-density histogram.
//!
//! ```
//! use powershift_core::{date::Date, model::Dataset};
//! let json = r#"{
//!   "format_version": 1,
//!   "meta": {"title": "Tiny", "as_of": "2020-01-01"},
//!   "organisations": [
//!     {"id": "a", "name": "A", "short_name": "A", "kind": "ai_lab", "description": "Lab."},
//!     {"id": "b", "name": "B", "short_name": "B", "kind": "cloud", "description": "Cloud."}],
//!   "events": [{"id": "e1", "date": "2019-07", "title": "Deal", "kinds": ["cloud_compute"],
//!     "organisations": ["b", "a"], "summary": "B hosts A.", "confidence": {"level": "confirmed"},
//!     "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/x"}]}],
//!   "relationships": [{"id": "r1", "from": "b", "to": "a", "kind": "cloud_compute", "label": "Cloud",
//!     "phases": [{"start": "2019-07", "status": "exclusive", "events": ["e1"]}]}]
//! }"#;
//! let ds = Dataset::from_json_str(json).unwrap();
//! assert_eq!(ds.network_at(Date::from_ymd(2019, 6, 30).unwrap()).edges.len(), 0);
//! assert_eq!(ds.network_at(Date::from_ymd(2019, 7, 1).unwrap()).edges.len(), 1);
//! ```
#![warn(missing_docs)]

/// The id of the `<script type="application/json">` element that carries the dataset in a
/// self-contained archive page (`powershift bundle`): the app reads it instead of fetching.
pub const EMBEDDED_DATA_ID: &str = "powershift-data";

pub mod date;
pub mod embed;
pub mod export;
pub mod gesture;
pub mod lower_case;
pub mod model;
pub mod money;
pub mod network;
pub mod scene;
pub mod search;
pub mod snapshot;
pub mod sort;
pub mod story_steps;
pub mod svg;
#[cfg(feature = "testkit")]
pub mod testkit;
pub mod timeline;
pub mod tools;
pub mod view;
