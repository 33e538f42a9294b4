//! The timeline layout: everything the timeline view needs to know about *where* things go, as pure
//! functions of the dataset, a time scale and a few pixel sizes.
//!
//! ```text
//! Dataset ──┬─ density(ds, bins) ──────────────▶ Vec<Bin>      (the density histograms)
//!           ├─ Warp::for_story(ds) ────────────▶ Warp          (busy years wider)
//!           ├─ key_events(ds) ─────────────────▶ Vec<bool>     (events that change the network)
//!           └─ layout_events(ds, &scale, …) ───▶ EventLayout   (marks, labels, lanes)
//! Warp + window ── WarpedScale ─┬─ warped_ticks ▶ Vec<Tick>    (the axis)
//!                               └─ zoom_at / zoom_on ▶ window  (gestures, zoom buttons)
//! TimeScale ── ticks(&scale, min_spacing) ─────▶ Vec<Tick>     (linear axes: the money chart)
//! ```
//!
//! - [`scale`]: [`TimeScale`], a linear date ⇄ pixel map over a fractional-day domain, with zoom
//!   around an anchor and pan, optionally bounded by the story's time range.
//! - [`warp`]: [`Warp`], the piecewise-linear time warp that gives each calendar year a width by
//!   its events (documented rule: [`Warp::for_story`]).
//! - [`warped`]: [`WarpedScale`], the timeline's scale — warp, then linear — with zooms that keep a
//!   focus centred or an anchor in place.
//! - [`ticks`](mod@ticks): calendar-aligned ticks whose unit (decades … days) follows the zoom.
//! - [`axis`]: ticks for a warped scale, each year with its own unit, and bare year lines.
//! - [`lanes`]: first-fit lane packing of horizontal boxes.
//! - [`events`]: event marks and labels packed into lanes so none overlap; titles for key events
//!   only when not all fit.
//! - [`key_events`](mod@key_events): which events begin, change or end a relationship phase.
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

pub mod axis;
pub mod density;
pub mod events;
pub mod key_events;
pub mod lanes;
pub mod scale;
pub mod ticks;
pub mod warp;
pub mod warped;

pub use axis::warped_ticks;
pub use density::{density, Bin};
pub use events::{
    layout_events, layout_events_with_widths, layout_key_labels, shorten_title, truncate_label, EventLayout, EventMark,
    MarkStyle,
};
pub use key_events::key_events;
pub use lanes::{lane_count, pack_lanes, Span};
pub use scale::{DateScale, TimeScale, MIN_SPAN_DAYS};
pub use ticks::{choose_unit, ticks, Tick, TickUnit};
pub use warp::{Warp, TIME_SHARE};
pub use warped::WarpedScale;
