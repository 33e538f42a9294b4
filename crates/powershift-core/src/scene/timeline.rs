//! The timeline scene: (dataset, mark layout, view state, width) → the overview strip with the
//! event density and the brush, the calendar axis, the event marks with their emphasis, and the
//! current-date lines, as plain data for a stateless renderer.
//!
//! Split in two so a date change does not redraw the marks: [`timeline_marks`] lays events out in
//! lanes for a window and width, [`mark_scene`] dresses them for the focus, selection and filters
//! (both independent of the date), and [`timeline_scene`] draws the rest.

use std::collections::BTreeSet;

use crate::date::Date;
use crate::model::{Dataset, EventIx, RelationKind};
use crate::timeline::{layout_events_with_widths, ticks, Bin, EventLayout, MarkStyle, TimeScale};
use crate::view::{Selection, ViewState};

use super::encoding::{event_colour, event_relation_kind};
use super::linking::{linked, Emphasis};

/// Space left and right of the axis, in pixels.
pub const MARGIN: f64 = 12.0;
/// Height of the overview strip (density and brush).
pub const STRIP_H: f64 = 34.0;
/// Height of the axis band.
pub const AXIS_H: f64 = 26.0;
/// Height of one lane of marks.
pub const LANE_H: f64 = 22.0;
/// Above this many lanes labels are dropped (marks alone still never overlap); zooming in brings
/// them back.
pub const MAX_LABEL_LANES: usize = 16;
/// Below this width the timeline uses shorter labels and sparser ticks.
pub const NARROW_PX: f64 = 600.0;

/// The time scale of a window (days) drawn `width` pixels wide, inside the margins.
pub fn window_scale(window: (f64, f64), width: f64) -> TimeScale {
    TimeScale::from_days(window.0, window.1, MARGIN, width - MARGIN)
}

/// The events laid out for one window and width, and whether the labels are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkLayout {
    /// Marks in lanes.
    pub layout: EventLayout,
    /// Whether titles fit (in at most [`MAX_LABEL_LANES`] lanes); otherwise marks only.
    pub labelled: bool,
}

/// Lays the events out for `window` at `width` pixels: with their titles when those fit in
/// [`MAX_LABEL_LANES`] lanes, else as bare marks (which pack far tighter). O(n log n + n · lanes).
pub fn timeline_marks(ds: &Dataset, window: (f64, f64), width: f64) -> MarkLayout {
    let scale = window_scale(window, width);
    let narrow = width < NARROW_PX;
    let style = MarkStyle { max_label_chars: if narrow { 22 } else { 30 }, ..MarkStyle::default() };
    let layout = layout_events_with_widths(ds, &scale, &style, &[]);
    if layout.lanes <= MAX_LABEL_LANES {
        return MarkLayout { layout, labelled: true };
    }
    let bare = MarkStyle { max_label_chars: 0, label_gap: 0.0, lane_gap: 2.0, ..style };
    MarkLayout { layout: layout_events_with_widths(ds, &scale, &bare, &vec![0.0; ds.events.len()]), labelled: false }
}

/// One event mark to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneMark {
    /// The event.
    pub event: EventIx,
    /// Its id (for keys and tests).
    pub id: String,
    /// Centre of the mark.
    pub x: f64,
    /// For an event with an end: the bar's right end.
    pub x_end: Option<f64>,
    /// Vertical centre of its lane.
    pub y: f64,
    /// The title as drawn (None when labels are off or it is empty).
    pub label: Option<String>,
    /// Left edge of the label.
    pub label_x: f64,
    /// Colour of its kind.
    pub colour: &'static str,
    /// Emphasis from the focus.
    pub emphasis: Emphasis,
    /// Selected.
    pub selected: bool,
    /// Every kind of the event is hidden by the filter.
    pub filtered: bool,
    /// Accessible name: "22 July 2019: Microsoft invests $1B in OpenAI".
    pub description: String,
}

/// The marks of `marks` that show in a timeline `width` pixels wide, dressed for the view's focus
/// (linked events highlighted, the rest dimmed), selection and kind filter. Independent of the date.
/// O(n + events linked to the focus).
pub fn mark_scene(ds: &Dataset, marks: &MarkLayout, view: &ViewState, width: f64) -> Vec<SceneMark> {
    mark_scene_for(ds, marks, view.focus(), view.selection, &view.hidden_kinds, width)
}

/// [`mark_scene`] from its inputs, for callers that memoise on exactly these.
pub fn mark_scene_for(
    ds: &Dataset,
    marks: &MarkLayout,
    focus: Option<Selection>,
    selection: Option<Selection>,
    hidden: &BTreeSet<RelationKind>,
    width: f64,
) -> Vec<SceneMark> {
    let highlight = focus.map(|f| linked(ds, f, &[]).events);
    let top = STRIP_H + AXIS_H;
    marks
        .layout
        .marks
        .iter()
        .filter(|m| m.label_x + m.label_width >= 0.0 && m.x <= width)
        .map(|m| {
            let ev = ds.event(m.event);
            let filtered = !ev.kinds.iter().any(|k| event_relation_kind(*k).is_none_or(|rk| !hidden.contains(&rk)));
            SceneMark {
                event: m.event,
                id: ev.id.clone(),
                x: m.x,
                x_end: m.x_end,
                y: top + m.lane as f64 * LANE_H + LANE_H / 2.0,
                label: (marks.labelled && !m.label.is_empty()).then(|| m.label.clone()),
                label_x: m.label_x,
                colour: event_colour(ev.kinds[0]),
                emphasis: highlight.as_ref().map_or(Emphasis::Normal, |h| Emphasis::of(true, h.contains(&m.event))),
                selected: selection == Some(Selection::Event(m.event)),
                filtered,
                description: format!("{}: {}", ev.date.to_words(), ev.title),
            }
        })
        .collect()
}

/// A bar of the density strip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DensityBar {
    /// Left edge.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// An axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneTick {
    /// Position.
    pub x: f64,
    /// Text.
    pub label: String,
    /// A major (e.g. year) boundary.
    pub major: bool,
}

/// Everything of the timeline but the marks.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineScene {
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels (strip, axis and lanes).
    pub height: f64,
    /// Density bars over the whole story.
    pub bars: Vec<DensityBar>,
    /// The brush: the visible window on the strip, left and right edges.
    pub brush: (f64, f64),
    /// The current date on the strip.
    pub strip_now: f64,
    /// Axis ticks of the visible window.
    pub ticks: Vec<SceneTick>,
    /// The current date on the axis, when it is in the window.
    pub now: Option<f64>,
    /// Whether labels are drawn (else a hint says to zoom in).
    pub labelled: bool,
}

/// Builds the timeline's frame for the view's date and window. `density` is over the whole story.
/// O(bins + ticks).
pub fn timeline_scene(
    ds: &Dataset,
    marks: &MarkLayout,
    density: &[Bin],
    view: &ViewState,
    width: f64,
) -> TimelineScene {
    let (lo, hi) = ds.time_range();
    let full = TimeScale::new(lo, hi, MARGIN, width - MARGIN);
    let scale = window_scale(view.window, width);
    let peak = density.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bars = density
        .iter()
        .map(|b| {
            let (x0, x1) = (full.map(b.start), full.map(b.end));
            let h = f64::from(b.count) / f64::from(peak) * (STRIP_H - 8.0);
            DensityBar { x: x0, y: STRIP_H - 4.0 - h, width: (x1 - x0 - 1.0).max(0.5), height: h }
        })
        .collect();
    let narrow = width < NARROW_PX;
    let axis = ticks(&scale, if narrow { 56.0 } else { 72.0 })
        .into_iter()
        .map(|t| SceneTick { x: t.x, label: t.label, major: t.major })
        .collect();
    let now_x = scale.map(view.date);
    let lanes = marks.layout.lanes.max(1);
    TimelineScene {
        width,
        height: STRIP_H + AXIS_H + lanes as f64 * LANE_H + 8.0,
        bars,
        brush: (full.map_days(view.window.0), full.map_days(view.window.1)),
        strip_now: full.map(view.date),
        ticks: axis,
        now: (MARGIN..=width - MARGIN).contains(&now_x).then_some(now_x),
        labelled: marks.labelled,
    }
}

/// The story's whole range as a scale `width` pixels wide (the overview strip's).
pub fn overview_scale(ds: &Dataset, width: f64) -> TimeScale {
    let (lo, hi) = ds.time_range();
    TimeScale::new(lo, hi, MARGIN, width - MARGIN)
}

/// The date under an axis click at `x` pixels.
pub fn date_at(view: &ViewState, width: f64, x: f64) -> Date {
    window_scale(view.window, width).invert_date(x)
}
