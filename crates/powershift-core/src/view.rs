//! View state: everything the reader has chosen, as one plain, comparable value, changed only by
//! [`apply`]ing an [`Action`]. The Yew app's reducer delegates here, so every interaction is tested
//! natively, and the whole state round-trips through a URL query string (deep links, embeds).

use std::collections::{BTreeMap, BTreeSet};

use crate::date::{Date, FuzzyDate, Precision};
use crate::model::{Dataset, EventIx, OrgIx, RelIx, RelationGroup, RelationKind};
use crate::network::Vec2;
use crate::story_steps::StepPicture;
use crate::timeline::TimeScale;

/// What the reader picked (clicked or pressed Enter on) or points at (hover, focus).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Selection {
    /// An organisation.
    Org(OrgIx),
    /// A relationship.
    Rel(RelIx),
    /// An event.
    Event(EventIx),
    /// Every agreement between two organisations (the lower index first): a bundled line.
    Pair(OrgIx, OrgIx),
}

impl Selection {
    /// The selection of the pair of `a` and `b`, in either order.
    pub fn pair(a: OrgIx, b: OrgIx) -> Selection {
        Selection::Pair(a.min(b), a.max(b))
    }
}

/// Zoom and pan of the network: screen = world · k + (x, y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// Horizontal translation.
    pub x: f64,
    /// Vertical translation.
    pub y: f64,
    /// Scale.
    pub k: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Camera { x: 0.0, y: 0.0, k: 1.0 }
    }
}

impl Camera {
    /// Smallest zoom.
    pub const MIN_K: f64 = 0.5;
    /// Largest zoom.
    pub const MAX_K: f64 = 8.0;

    /// Zoomed by `factor` about the screen point `p`, which stays put; the scale is clamped.
    pub fn zoom_about(self, p: Vec2, factor: f64) -> Camera {
        let k = (self.k * factor).clamp(Self::MIN_K, Self::MAX_K);
        let r = k / self.k;
        Camera { x: p.x - (p.x - self.x) * r, y: p.y - (p.y - self.y) * r, k }
    }

    /// Moved by a screen displacement.
    pub fn pan(self, d: Vec2) -> Camera {
        Camera { x: self.x + d.x, y: self.y + d.y, k: self.k }
    }

    /// Screen → world.
    pub fn to_world(self, p: Vec2) -> Vec2 {
        Vec2::new((p.x - self.x) / self.k, (p.y - self.y) / self.k)
    }
}

/// The whole view state.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// The as-of date of the network.
    pub date: Date,
    /// How precisely `date` is known: a change stop that comes from a month- or year-precision date
    /// is shown as "May 2025" or "2016", never as an invented day. Kept by the reducer.
    pub date_precision: Precision,
    /// A second date to compare the network with (`compare=`): the picture then shows what was
    /// added, ended and changed between it and `date`.
    pub compare: Option<Date>,
    /// The date before the last change of `date`, for "what changed" and the animation.
    pub previous_date: Option<Date>,
    /// The selected item (details panel).
    pub selection: Option<Selection>,
    /// The item under the pointer or keyboard focus (transient linking).
    pub hover: Option<Selection>,
    /// Relationship kinds hidden by the filter.
    pub hidden_kinds: BTreeSet<RelationKind>,
    /// Show only relationships that touch this organisation.
    pub focus_org: Option<OrgIx>,
    /// Search box text.
    pub query: String,
    /// The timeline's visible window, in days since 1970 (fractional while zooming).
    pub window: (f64, f64),
    /// Network zoom and pan.
    pub camera: Camera,
    /// Whether play is on.
    pub playing: bool,
    /// Nodes the reader dragged, pinned for the session.
    pub pins: BTreeMap<OrgIx, Vec2>,
    /// The story step on view (an index into `Dataset::story`; `step=N` in links counts from 1):
    /// set by the step actions, and left as soon as the picture is no longer the step's.
    pub step: Option<usize>,
    /// The step the reader left by changing the view, so the step bar can offer the way back.
    pub left_step: Option<usize>,
}

/// Facts about the dataset the reducer needs (computed once per dataset).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewContext {
    /// The story's range.
    pub range: (Date, Date),
    /// Dates when the network changes, sorted.
    pub change_dates: Vec<Date>,
    /// How precisely each change date is known (the finest date in the data that starts on it),
    /// parallel to `change_dates`.
    pub change_precision: Vec<Precision>,
    /// What each story step shows, parallel to `Dataset::story` (empty for a story without steps).
    pub steps: Vec<StepPicture>,
}

impl ViewContext {
    /// For a dataset.
    pub fn of(ds: &Dataset) -> ViewContext {
        let stops = ds.change_stops();
        let mut ctx = ViewContext {
            range: ds.time_range(),
            change_dates: stops.iter().map(|s| s.start).collect(),
            change_precision: stops.iter().map(|s| s.precision).collect(),
            steps: Vec::new(),
        };
        // Resolved once with the deep-link rules, so the reducer moves to a step without the dataset.
        ctx.steps = crate::story_steps::pictures(ds, &ctx);
        ctx
    }

    /// The precision a date is shown with: that of the change stop on it, else a day.
    pub fn precision_of(&self, d: Date) -> Precision {
        self.change_dates.binary_search(&d).map_or(Precision::Day, |i| self.change_precision[i])
    }

    /// The last change date on or before `d`: the change the picture of `d` shows.
    pub fn change_at_or_before(&self, d: Date) -> Option<Date> {
        let i = self.change_dates.partition_point(|c| *c <= d);
        i.checked_sub(1).map(|i| self.change_dates[i])
    }

    /// The last change date strictly before `d`.
    pub fn previous_change(&self, d: Date) -> Option<Date> {
        let i = self.change_dates.partition_point(|c| *c < d);
        i.checked_sub(1).map(|i| self.change_dates[i])
    }

    /// The first change date strictly after `d`.
    pub fn next_change(&self, d: Date) -> Option<Date> {
        let i = self.change_dates.partition_point(|c| *c <= d);
        self.change_dates.get(i).copied()
    }

    /// The story's range in days: the widest timeline window.
    pub fn window_bounds(&self) -> (f64, f64) {
        (f64::from(self.range.0.days()), f64::from(self.range.1.days()))
    }

    /// `d` clamped to the story's range.
    pub fn clamp(&self, d: Date) -> Date {
        d.max(self.range.0).min(self.range.1)
    }
}

/// Everything a reader can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Go to a date (clamped to the range).
    SetDate(Date),
    /// Go to the previous (−1) or next (+1) change date.
    StepChange(i32),
    /// Move by whole months (±), keeping the day where possible.
    StepMonths(i32),
    /// First date of the story.
    Home,
    /// Last date of the story.
    End,
    /// Start or stop playing.
    TogglePlay,
    /// Stop playing.
    Pause,
    /// One play step: the next change date, stopping at the end.
    PlayTick,
    /// Select something, or clear the selection.
    Select(Option<Selection>),
    /// Point at something, or nothing.
    Hover(Option<Selection>),
    /// Take the durable view (what a deep link says: date, comparison, selection, filters, focus,
    /// search) from another state: Back and Forward, and a host page's `powershift:set`.
    Restore(Box<ViewState>),
    /// Show or hide one relationship kind.
    ToggleKind(RelationKind),
    /// Show or hide a group of kinds (a filter chip): hides them all unless all are hidden already.
    ToggleGroup(RelationGroup),
    /// Show every kind again.
    ShowAllKinds,
    /// Show only the relationships of one organisation (or all).
    FocusOrg(Option<OrgIx>),
    /// Type in the search box.
    Search(String),
    /// Set the timeline's window (days; made valid by [`TimeScale::clamp_window`]).
    SetWindow(f64, f64),
    /// Reset the timeline's window to the whole story.
    ResetWindow,
    /// Zoom the network about a screen point.
    Zoom {
        /// Screen point that stays put.
        at: Vec2,
        /// > 1 zooms in.
        factor: f64,
    },
    /// Pan the network by a screen displacement.
    Pan(Vec2),
    /// Pin a node at a world position (after a drag).
    Pin(OrgIx, Vec2),
    /// Reset zoom, pan and pins.
    ResetView,
    /// Compare the network with a second date, or stop comparing.
    Compare(Option<Date>),
    /// Show a story step (an index into `Dataset::story`; out of range, nothing changes): its date,
    /// selection, focus and hidden kinds, and nothing else: what the step leaves out is cleared.
    GoToStep(usize),
    /// The step after the one on view or left (the first when the story has not started).
    NextStep,
    /// The step before the one on view or left.
    PrevStep,
    /// Leave the story and explore from here; the step bar offers the way back.
    LeaveStory,
}

impl ViewState {
    /// The initial state: the story's last date, everything shown.
    pub fn initial(ctx: &ViewContext) -> ViewState {
        ViewState {
            date: ctx.range.1,
            date_precision: ctx.precision_of(ctx.range.1),
            compare: None,
            previous_date: None,
            selection: None,
            hover: None,
            hidden_kinds: BTreeSet::new(),
            focus_org: None,
            query: String::new(),
            window: ctx.window_bounds(),
            camera: Camera::default(),
            playing: false,
            pins: BTreeMap::new(),
            step: None,
            left_step: None,
        }
    }

    /// What linking should emphasise: the hovered item, else the selected one.
    pub fn focus(&self) -> Option<Selection> {
        self.hover.or(self.selection)
    }

    /// The date as precisely as it is known.
    pub fn date_fuzzy(&self) -> FuzzyDate {
        FuzzyDate { start: self.date, precision: self.date_precision }
    }

    /// The date in words, as precisely as it is known: "22 July 2019", "May 2025", "2016".
    pub fn date_words(&self) -> String {
        self.date_fuzzy().to_words()
    }

    /// Whether a relationship kind passes the filter.
    pub fn shows_kind(&self, kind: RelationKind) -> bool {
        !self.hidden_kinds.contains(&kind)
    }
}

/// Adds `months` to a date, clamping the day to the target month's length.
pub fn add_months(d: Date, months: i32) -> Date {
    let (y, m, day) = d.ymd();
    let total = y * 12 + (m as i32 - 1) + months;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let day = day.min(crate::date::days_in_month(ny, nm));
    Date::from_ymd(ny, nm, day).unwrap_or(d)
}

/// The reducer: the state after an action. Pure; O(log change dates) except filters (O(kinds)).
pub fn apply(state: &ViewState, action: Action, ctx: &ViewContext) -> ViewState {
    let mut s = state.clone();
    let moves_the_story =
        matches!(action, Action::GoToStep(_) | Action::NextStep | Action::PrevStep | Action::LeaveStory);
    let go = |s: &mut ViewState, d: Date| {
        let d = ctx.clamp(d);
        if d != s.date {
            s.previous_date = Some(s.date);
            s.date = d;
            s.date_precision = ctx.precision_of(d);
        }
    };
    match action {
        Action::SetDate(d) => go(&mut s, d),
        Action::StepChange(dir) => {
            let target =
                if dir < 0 { ctx.previous_change(s.date).or(Some(ctx.range.0)) } else { ctx.next_change(s.date) };
            if let Some(t) = target {
                go(&mut s, t);
            }
            s.playing = false;
        }
        Action::StepMonths(n) => {
            let target = add_months(s.date, n);
            go(&mut s, target);
        }
        Action::Home => go(&mut s, ctx.range.0),
        Action::End => go(&mut s, ctx.range.1),
        Action::TogglePlay => {
            s.playing = !s.playing;
            // Playing from the end starts again from the beginning.
            if s.playing && ctx.next_change(s.date).is_none() {
                go(&mut s, ctx.range.0);
            }
        }
        Action::Pause => s.playing = false,
        Action::PlayTick => {
            if s.playing {
                match ctx.next_change(s.date) {
                    Some(t) => go(&mut s, t),
                    None => s.playing = false,
                }
                if ctx.next_change(s.date).is_none() {
                    s.playing = false;
                }
            }
        }
        Action::Select(sel) => s.selection = sel,
        Action::Hover(h) => s.hover = h,
        Action::ToggleKind(k) => {
            if !s.hidden_kinds.remove(&k) {
                s.hidden_kinds.insert(k);
            }
        }
        Action::ToggleGroup(g) => {
            if g.kinds().iter().all(|k| s.hidden_kinds.contains(k)) {
                g.kinds().iter().for_each(|k| {
                    s.hidden_kinds.remove(k);
                });
            } else {
                s.hidden_kinds.extend(g.kinds().iter().copied());
            }
        }
        Action::ShowAllKinds => s.hidden_kinds.clear(),
        Action::Restore(to) => {
            let to = *to;
            if to.date != s.date {
                s.previous_date = Some(s.date);
            }
            s.date = ctx.clamp(to.date);
            s.date_precision = to.date_precision;
            s.compare = to.compare;
            s.selection = to.selection;
            s.hidden_kinds = to.hidden_kinds;
            s.focus_org = to.focus_org;
            s.query = to.query;
            // Back to a view outside the story still offers the step the reader was on.
            s.left_step = if to.step.is_some() { None } else { to.left_step.or(s.step).or(s.left_step) };
            s.step = to.step;
        }
        Action::FocusOrg(o) => s.focus_org = o,
        Action::Search(q) => s.query = q,
        Action::SetWindow(a, b) => {
            if a.is_finite() && b.is_finite() {
                s.window = TimeScale::clamp_window((a, b), ctx.window_bounds());
            }
        }
        Action::ResetWindow => s.window = ctx.window_bounds(),
        Action::Zoom { at, factor } => s.camera = s.camera.zoom_about(at, factor),
        Action::Pan(d) => s.camera = s.camera.pan(d),
        Action::Pin(o, p) => {
            s.pins.insert(o, p);
        }
        Action::ResetView => {
            s.camera = Camera::default();
            s.pins.clear();
        }
        Action::Compare(d) => s.compare = d.map(|d| ctx.clamp(d)),
        Action::GoToStep(i) => go_to_step(&mut s, i, ctx),
        Action::NextStep => {
            let next = s.step.or(s.left_step).map_or(0, |i| i + 1);
            go_to_step(&mut s, next, ctx);
        }
        Action::PrevStep => {
            if let Some(prev) = s.step.or(s.left_step).and_then(|i| i.checked_sub(1)) {
                go_to_step(&mut s, prev, ctx);
            }
        }
        Action::LeaveStory => {
            if let Some(i) = s.step.take() {
                s.left_step = Some(i);
            }
        }
    }
    if !moves_the_story {
        settle_step(&mut s, ctx);
    }
    s
}

/// Shows step `i` (nothing when there is no such step): its picture replaces the durable view but
/// the search text, and playing stops. O(hidden kinds).
fn go_to_step(s: &mut ViewState, i: usize, ctx: &ViewContext) {
    let Some(picture) = ctx.steps.get(i) else { return };
    picture.show(s);
    s.step = Some(i);
    s.left_step = None;
    s.playing = false;
}

/// Leaves the step on view when the picture is no longer the step's: any change of date,
/// comparison, selection, filter or focus, however it came (a click, a key, Back, a host page).
/// The camera, hover, search text and the timeline's window are not the picture and keep the step.
fn settle_step(s: &mut ViewState, ctx: &ViewContext) {
    let Some(i) = s.step else { return };
    match ctx.steps.get(i) {
        Some(picture) if picture.is_shown_by(s) => {}
        Some(_) => {
            s.step = None;
            s.left_step = Some(i);
        }
        None => s.step = None,
    }
}

/// Deep links: the durable part of the state as a URL query (`date`, `compare`, `select`, `hide`,
/// `focus`, `q`, and `step` while a story step is on view, counted from 1), with ids rather than indices so links survive dataset edits; dates at their
/// precision (`date=2025-05` for a month-precision change). Encoded as
/// `application/x-www-form-urlencoded`, which `URLSearchParams` and every host page read back.
pub fn to_query(state: &ViewState, ds: &Dataset) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("date", &state.date_fuzzy().to_string());
    if let Some(c) = state.compare {
        q.append_pair("compare", &c.to_string());
    }
    if let Some(sel) = state.selection {
        let id = match sel {
            Selection::Org(o) => format!("org:{}", ds.org(o).id),
            Selection::Rel(r) => format!("rel:{}", ds.rel(r).id),
            Selection::Event(e) => format!("event:{}", ds.event(e).id),
            Selection::Pair(a, b) => format!("pair:{},{}", ds.org(a).id, ds.org(b).id),
        };
        q.append_pair("select", &id);
    }
    if !state.hidden_kinds.is_empty() {
        let k: Vec<&str> = state.hidden_kinds.iter().map(|k| k.as_str()).collect();
        q.append_pair("hide", &k.join(","));
    }
    if let Some(o) = state.focus_org {
        q.append_pair("focus", &ds.org(o).id);
    }
    if !state.query.is_empty() {
        q.append_pair("q", &state.query);
    }
    if let Some(i) = state.step {
        q.append_pair("step", &(i + 1).to_string());
    }
    // `:` and `,` are safe in a query; keep them readable in links.
    q.finish().replace("%3A", ":").replace("%2C", ",")
}

/// The deep-link keys that make up the durable view, in the order links write them. `step` shows
/// a story step (from 1; empty leaves the story); the other keys then only move away from it.
pub const LINK_KEYS: [&str; 7] = ["date", "compare", "select", "hide", "focus", "q", "step"];

/// Reads a deep link over an initial state; unknown keys and malformed values are ignored. A `step`
/// is applied first, so `?step=3` shows step 3 and `?step=3&select=org:oracle` shows it with Oracle
/// selected, which is no longer the step itself (the step bar then offers to go back to it).
pub fn from_query(query: &str, ds: &Dataset, ctx: &ViewContext) -> ViewState {
    let mut s = ViewState::initial(ctx);
    let pairs: Vec<_> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).collect();
    for (k, v) in steps_first(pairs.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))) {
        let _ = set_link_key(&mut s, k, v, ds, ctx, Strictness::Lenient);
    }
    settle_step(&mut s, ctx);
    s
}

/// The pairs with `step` first (a stable sort): a step sets the whole picture, the rest adjust it.
fn steps_first<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(&'a str, &'a str)> {
    let mut v: Vec<_> = pairs.into_iter().collect();
    crate::sort::sort_by_key(&mut v, |(k, _)| *k != "step");
    v
}

/// Applies deep-link keys to a state, all or nothing: the way a host page sets the view. Keys it
/// leaves out keep their value; an empty value clears `compare`, `select`, `hide`, `focus` or `q`,
/// or leaves the story (`step`). A `step` is applied before the other keys; a view that is no longer
/// the step's leaves it. An unknown key or a value that does not resolve (a date that is no date,
/// an id not in the dataset, a step the story does not have) is an error naming it, and the state
/// is left as it was. O(keys · log n).
pub fn set_link<'a>(
    state: &ViewState,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ds: &Dataset,
    ctx: &ViewContext,
) -> Result<ViewState, String> {
    let mut s = state.clone();
    for (k, v) in steps_first(pairs) {
        set_link_key(&mut s, k, v, ds, ctx, Strictness::Strict)?;
    }
    if s.date != state.date {
        s.previous_date = Some(state.date);
    }
    settle_step(&mut s, ctx);
    Ok(s)
}

/// Whether going from deep link `before` to `after` is a step the reader may want to go back from
/// (a selection, a filter, a focus or a search changed), rather than moving along the time axis
/// (only `date` or `compare` changed), which would flood the history while scrubbing or playing.
///
/// ```
/// use powershift_core::view::is_navigation;
/// assert!(!is_navigation("date=2019-07-22", "date=2023-01-23"));
/// assert!(is_navigation("date=2019-07-22", "date=2019-07-22&select=org:microsoft"));
/// assert!(is_navigation("date=2019-07-22&hide=chips", "date=2020-01-01"));
/// ```
pub fn is_navigation(before: &str, after: &str) -> bool {
    let durable = |q: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = form_urlencoded::parse(q.trim_start_matches('?').as_bytes())
            .filter(|(k, _)| k != "date" && k != "compare")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        crate::sort::sort(&mut v);
        v
    };
    durable(before) != durable(after)
}

/// Whether a list value (`hide`) with an unknown name is an error, or keeps the names it knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strictness {
    Strict,
    Lenient,
}

/// One deep-link key: sets it on `s`, or says why it cannot.
fn set_link_key(
    s: &mut ViewState,
    key: &str,
    v: &str,
    ds: &Dataset,
    ctx: &ViewContext,
    strictness: Strictness,
) -> Result<(), String> {
    match key {
        "date" => {
            let d = FuzzyDate::parse(v).map_err(|_| format!("date: \"{}\" is not a date", short(v)))?;
            s.date = ctx.clamp(d.start);
            // A day the reader asked for is shown as a day; a month or year as given.
            s.date_precision = if d.start == s.date { d.precision } else { ctx.precision_of(s.date) };
        }
        "compare" if v.is_empty() => s.compare = None,
        "compare" => {
            let d = FuzzyDate::parse(v).map_err(|_| format!("compare: \"{}\" is not a date", short(v)))?;
            s.compare = Some(ctx.clamp(d.start));
        }
        "select" if v.is_empty() => s.selection = None,
        "select" => {
            let unknown = |what: &str, id: &str| format!("select: unknown {what} id \"{}\"", short(id));
            let sel = match select_ref(v) {
                Some(SelectRef::Org(id)) => {
                    ds.org_ix(id).map(Selection::Org).ok_or_else(|| unknown("organisation", id))
                }
                Some(SelectRef::Event(id)) => ds.event_ix(id).map(Selection::Event).ok_or_else(|| unknown("event", id)),
                Some(SelectRef::Rel(id)) => {
                    ds.rel_ix(id).map(Selection::Rel).ok_or_else(|| unknown("relationship", id))
                }
                Some(SelectRef::Pair(a, b)) => {
                    let a = ds.org_ix(a).ok_or_else(|| unknown("organisation", a))?;
                    let b = ds.org_ix(b).ok_or_else(|| unknown("organisation", b))?;
                    if a == b {
                        Err(format!("select: \"{}\" names the same organisation twice", short(v)))
                    } else {
                        Ok(Selection::pair(a, b))
                    }
                }
                None => Err(format!("select: \"{}\" is not {SELECT_FORMS}", short(v))),
            };
            s.selection = Some(sel?);
        }
        // Kinds, or the name of a group for all of its kinds (`hide=conflict`).
        "hide" => {
            s.hidden_kinds = match hidden_kinds(v) {
                Ok(hidden) => hidden,
                Err((known, _)) if strictness == Strictness::Lenient => known,
                Err((_, bad)) => return Err(format!("hide: \"{}\" is no kind of relationship", short(bad))),
            }
        }
        "focus" if v.is_empty() => s.focus_org = None,
        "focus" => {
            s.focus_org = Some(ds.org_ix(v).ok_or_else(|| format!("focus: unknown organisation id \"{}\"", short(v)))?)
        }
        "step" if v.is_empty() => {
            if let Some(i) = s.step.take() {
                s.left_step = Some(i);
            }
        }
        "step" => {
            let n = v.parse::<usize>().ok().filter(|n| (1..=ctx.steps.len()).contains(n)).ok_or_else(|| {
                match ctx.steps.len() {
                    0 => format!("step: \"{}\" is not a step; this story has no steps", short(v)),
                    n => format!("step: \"{}\" is not a step; this story has steps 1 to {n}", short(v)),
                }
            })?;
            // Like the other keys, a step's date is not an animation step of its own: `set_link`
            // records the previous date once for all keys, and a link opens without one.
            let previous = s.previous_date;
            go_to_step(s, n - 1, ctx);
            s.previous_date = previous;
        }
        "q" => s.query = v.chars().take(200).collect(),
        _ => return Err(format!("\"{}\" is not a view key (expected one of {})", short(key), LINK_KEYS.join(", "))),
    }
    Ok(())
}

/// The forms of a `select=` value, for messages.
pub(crate) const SELECT_FORMS: &str = "org:ID, event:ID, rel:ID or pair:ID,ID";

/// A `select=` value split into its kind and ids, before they are looked up: deep links and the
/// format's story steps read selections alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SelectRef<'a> {
    Org(&'a str),
    Event(&'a str),
    Rel(&'a str),
    Pair(&'a str, &'a str),
}

/// Reads `org:ID`, `event:ID`, `rel:ID` or `pair:A,B`.
pub(crate) fn select_ref(v: &str) -> Option<SelectRef<'_>> {
    match v.split_once(':')? {
        ("org", id) => Some(SelectRef::Org(id)),
        ("event", id) => Some(SelectRef::Event(id)),
        ("rel", id) => Some(SelectRef::Rel(id)),
        ("pair", ids) => ids.split_once(',').map(|(a, b)| SelectRef::Pair(a, b)),
        _ => None,
    }
}

/// The kinds a `hide=` value names: kinds, or groups for all of their kinds (`conflict`); empty
/// names are skipped. Err: the kinds it does know and the first name that is neither.
pub(crate) fn hidden_kinds(v: &str) -> Result<BTreeSet<RelationKind>, (BTreeSet<RelationKind>, &str)> {
    let mut hidden = BTreeSet::new();
    let mut bad = None;
    for n in v.split(',').filter(|n| !n.is_empty()) {
        match (RelationKind::parse(n), RelationGroup::parse(n)) {
            (Some(k), _) => {
                hidden.insert(k);
            }
            (None, Some(g)) => hidden.extend(g.kinds().iter().copied()),
            (None, None) => {
                bad.get_or_insert(n);
            }
        }
    }
    match bad {
        None => Ok(hidden),
        Some(n) => Err((hidden, n)),
    }
}

/// The first 40 characters of a value, for messages about it.
fn short(v: &str) -> String {
    let mut t: String = v.chars().take(40).collect();
    if t.len() < v.len() {
        t.push('…');
    }
    t
}
