//! The timeline scene: (dataset, warp, mark layout, view state, width) → the overview strip with
//! the event density and the brush, the calendar axis, the event marks with their emphasis, and the
//! current-date lines, as plain data for a stateless renderer.
//!
//! Split in two so a date change does not redraw the marks: [`timeline_marks`] lays events out in
//! lanes for a window and width, [`mark_scene`] dresses them for the focus, selection and filters
//! (both independent of the date), and [`timeline_scene`] draws the rest.
//!
//! Every position — marks, ticks, density bars, brush, current date, and back from pixels for the
//! brush, an axis click and the zooms — goes through one [`WarpedScale`] built from the story's
//! [`Warp`] ([`window_scale`], [`overview_scale`]), so quiet years are narrower everywhere alike.
//!
//! Titles: when every title fits in [`MAX_LABEL_LANES`] lanes, all are drawn (shortened at a word
//! to [`TITLE_CHARS`]); otherwise — the whole story, mostly — the titles of the key events (those
//! that change the network, [`key_events()`]) are drawn where they fit in the first
//! [`KEY_LABEL_LANES`] lanes, shorter ([`KEY_TITLE_CHARS`]), and the other events are bare marks.
//! Every mark keeps its full title as its accessible name and tooltip.

use std::collections::BTreeSet;

use crate::date::Date;
use crate::model::{Dataset, EventIx, RelationKind};
use crate::timeline::{
    key_events, layout_events, layout_key_labels, warped_ticks, Bin, EventLayout, MarkStyle, Warp, WarpedScale,
};
use crate::view::{Action, Selection, ViewState};

use super::encoding::{event_colour, event_relation_kind};
use super::linking::{linked, Emphasis};
use super::timeline_key::mark_kind;

/// Space left and right of the axis, in pixels.
pub const MARGIN: f64 = 12.0;
/// Height of the overview strip (density and brush).
pub const STRIP_H: f64 = 34.0;
/// Height of the axis band.
pub const AXIS_H: f64 = 26.0;
/// Height of one lane of marks.
pub const LANE_H: f64 = 22.0;
/// Above this many lanes not every title is drawn, only the key events' (marks alone still never
/// overlap); zooming in brings them all back.
pub const MAX_LABEL_LANES: usize = 16;
/// How many lanes may carry key events' titles when not every title fits.
pub const KEY_LABEL_LANES: usize = 8;
/// Longest title when every title is drawn (characters; desktop, phone).
pub const TITLE_CHARS: (usize, usize) = (56, 32);
/// Longest key-event title at the whole story's zoom (characters; desktop, phone).
pub const KEY_TITLE_CHARS: (usize, usize) = (36, 24);
/// Least space between two bare marks in a lane.
pub const BARE_GAP: f64 = 2.0;
/// Below this width the timeline uses shorter labels and sparser ticks.
pub const NARROW_PX: f64 = 600.0;
/// The caption under a warped timeline, saying the scale is not linear.
pub const SCALE_NOTE: &str = "Years with few events are drawn narrower; the lines mark each 1 January.";

/// The time scale of a window (days) drawn `width` pixels wide, inside the margins, through the
/// story's warp.
pub fn window_scale(warp: &Warp, window: (f64, f64), width: f64) -> WarpedScale {
    WarpedScale::new(warp.clone(), window, (MARGIN, width - MARGIN))
}

/// The story's whole range as a scale `width` pixels wide (the overview strip's).
pub fn overview_scale(ds: &Dataset, warp: &Warp, width: f64) -> WarpedScale {
    let (lo, hi) = ds.time_range();
    window_scale(warp, (f64::from(lo.days()), f64::from(hi.days())), width)
}

/// The events laid out for one window and width, and whether every title is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkLayout {
    /// Marks in lanes.
    pub layout: EventLayout,
    /// Whether every title is drawn (in at most [`MAX_LABEL_LANES`] lanes); otherwise only key
    /// events' titles, where they fit.
    pub labelled: bool,
}

/// Lays the events out for `window` at `width` pixels: with every title when they fit in
/// [`MAX_LABEL_LANES`] lanes, else with the key events' titles where they fit (see the module
/// docs). Labels that would run past the story's end go left of their marks.
/// O(n log n + n · lanes) for n events.
pub fn timeline_marks(ds: &Dataset, warp: &Warp, window: (f64, f64), width: f64) -> MarkLayout {
    let scale = window_scale(warp, window, width);
    let narrow = width < NARROW_PX;
    let pick = |(wide, phone): (usize, usize)| if narrow { phone } else { wide };
    let end = scale.map(ds.time_range().1) + MARGIN;
    let style = MarkStyle { max_label_chars: pick(TITLE_CHARS), label_limit: end, ..MarkStyle::default() };
    let layout = layout_events(ds, &scale, &style);
    if layout.lanes <= MAX_LABEL_LANES {
        return MarkLayout { layout, labelled: true };
    }
    let key_style = MarkStyle { max_label_chars: pick(KEY_TITLE_CHARS), ..style };
    let layout = layout_key_labels(ds, &scale, &key_style, &key_events(ds), KEY_LABEL_LANES, BARE_GAP);
    MarkLayout { layout, labelled: false }
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
    /// The title as drawn, perhaps shortened (None for a bare mark).
    pub label: Option<String>,
    /// Where the label is anchored: its left edge, or its right edge when `label_end`.
    pub label_x: f64,
    /// The label ends at `label_x`, left of the mark (near the story's end); drawn with
    /// `text-anchor="end"` so a real width that differs from the estimate still ends by the mark.
    pub label_end: bool,
    /// Colour of its kind.
    pub colour: &'static str,
    /// Emphasis from the focus.
    pub emphasis: Emphasis,
    /// Selected.
    pub selected: bool,
    /// Every kind of the event is hidden by the filter.
    pub filtered: bool,
    /// Accessible name and tooltip, with the full title: "22 July 2019: Microsoft invests $1B in
    /// OpenAI; Azure becomes its exclusive cloud".
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
                label: (!m.label.is_empty()).then(|| m.label.clone()),
                label_x: if m.label_left { m.label_x + m.label_width } else { m.label_x },
                label_end: m.label_left,
                colour: event_colour(mark_kind(ev)),
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
    /// Text; empty for a bare 1 January line (the year's label did not fit).
    pub label: String,
    /// A major (e.g. year) boundary.
    pub major: bool,
    /// On 1 January: a boundary between year bands, drawn a little stronger so the bands' different
    /// widths show.
    pub year_start: bool,
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
    /// Whether every title is drawn (else a hint says to zoom in).
    pub labelled: bool,
    /// A caption saying quiet years are narrower, when the story's warp is not linear.
    pub scale_note: Option<&'static str>,
}

/// Builds the timeline's frame for the view's date and window. `density` is over the whole story.
/// O(bins + ticks).
pub fn timeline_scene(
    ds: &Dataset,
    warp: &Warp,
    marks: &MarkLayout,
    density: &[Bin],
    view: &ViewState,
    width: f64,
) -> TimelineScene {
    let full = overview_scale(ds, warp, width);
    let scale = window_scale(warp, view.window, width);
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
    let axis = warped_ticks(&scale, if narrow { 56.0 } else { 72.0 })
        .into_iter()
        .map(|t| {
            let (_, m, d) = t.date.ymd();
            SceneTick { x: t.x, label: t.label, major: t.major, year_start: (m, d) == (1, 1) }
        })
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
        scale_note: (!warp.is_linear()).then_some(SCALE_NOTE),
    }
}

/// The date under an axis click at `x` pixels.
pub fn date_at(warp: &Warp, view: &ViewState, width: f64, x: f64) -> Date {
    window_scale(warp, view.window, width).invert_date(x)
}

/// What the zoom buttons keep centred: the selected event's date, else the current date.
pub fn zoom_focus(ds: &Dataset, view: &ViewState) -> Date {
    match view.selection {
        Some(Selection::Event(e)) => ds.event(e).date.start,
        _ => view.date,
    }
}

/// The zoom buttons: the window zoomed by `factor` (2 in, 0.5 out) about [`zoom_focus`], which is
/// put at the centre as far as the story's range allows (see [`WarpedScale::zoom_on`]). O(log years).
pub fn zoom_buttons(ds: &Dataset, warp: &Warp, view: &ViewState, width: f64, factor: f64) -> Action {
    let (lo, hi) = ds.time_range();
    let focus = f64::from(zoom_focus(ds, view).days());
    let (a, b) =
        window_scale(warp, view.window, width).zoom_on(focus, factor, (f64::from(lo.days()), f64::from(hi.days())));
    Action::SetWindow(a, b)
}
