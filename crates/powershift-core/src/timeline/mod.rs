//! The timeline layout: everything the timeline view needs to know about *where* things go, as pure
//! functions of the dataset, a time scale and a few pixel sizes.
//!
//! ```text
//! Dataset ──┬─ density(ds, bins) ─────────────▶ Vec<Bin>     (the scrubber's histogram)
//!           └─ layout_events(ds, &scale, …) ──▶ EventLayout  (marks, labels, lanes)
//! TimeScale ── ticks(&scale, min_spacing) ────▶ Vec<Tick>    (the axis)
//!     └─ zoom / pan ──────────────────────────▶ TimeScale    (gestures)
//! ```
//!
//! - [`scale`]: [`TimeScale`], a linear date ⇄ pixel map over a fractional-day domain, with zoom
//!   around an anchor and pan, optionally bounded by the story's time range.
//! - [`ticks`](mod@ticks): calendar-aligned ticks whose unit (decades … days) follows the zoom.
//! - [`lanes`]: first-fit lane packing of horizontal boxes.
//! - [`events`]: event marks and labels packed into lanes so none overlap.
//! - [`density`](mod@density): event counts per time slice.
//!
//! Nothing here iterates a hash map or uses more than IEEE-754 `+ - * /` and `floor`/`ceil`, so
//! native and WebAssembly builds lay out identically.
//!
//! ```
//! use powershift_core::date::Date;
//! use powershift_core::timeline::{ticks, TickUnit, TimeScale};
//! let s = TimeScale::new(Date::from_ymd(2020, 1, 1).unwrap(), Date::from_ymd(2021, 1, 1).unwrap(), 0.0, 366.0);
//! assert_eq!(s.map(Date::from_ymd(2020, 3, 1).unwrap()), 60.0);
//! let axis = ticks(&s, 40.0);
//! assert_eq!((axis[0].unit, axis[0].label.as_str()), (TickUnit::Quarter, "Q1 2020"));
//! ```

pub mod density;
pub mod events;
pub mod lanes;
pub mod scale;
pub mod ticks;

pub use density::{density, Bin};
pub use events::{layout_events, layout_events_with_widths, truncate_label, EventLayout, EventMark, MarkStyle};
pub use lanes::{lane_count, pack_lanes, Span};
pub use scale::{TimeScale, MIN_SPAN_DAYS};
pub use ticks::{choose_unit, ticks, Tick, TickUnit};
