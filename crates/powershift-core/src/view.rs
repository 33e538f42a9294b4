//! View state: everything the reader has chosen, as one plain, comparable value, changed only by
//! [`apply`]ing an [`Action`]. The Yew app's reducer delegates here, so every interaction is tested
//! natively, and the whole state round-trips through a URL query string (deep links, embeds).

use std::collections::{BTreeMap, BTreeSet};

use crate::date::{Date, FuzzyDate, Precision};
use crate::model::{Dataset, EventIx, OrgIx, RelIx, RelationGroup, RelationKind};
use crate::network::Vec2;
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
}

impl ViewContext {
    /// For a dataset.
    pub fn of(ds: &Dataset) -> ViewContext {
        let stops = ds.change_stops();
        ViewContext {
            range: ds.time_range(),
            change_dates: stops.iter().map(|s| s.start).collect(),
            change_precision: stops.iter().map(|s| s.precision).collect(),
        }
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
    }
    s
}

/// Deep links: the durable part of the state as a URL query (`date`, `compare`, `select`, `hide`,
/// `focus`, `q`), with ids rather than indices so links survive dataset edits; dates at their
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
    // `:` and `,` are safe in a query; keep them readable in links.
    q.finish().replace("%3A", ":").replace("%2C", ",")
}

/// The deep-link keys that make up the durable view, in the order links write them.
pub const LINK_KEYS: [&str; 6] = ["date", "compare", "select", "hide", "focus", "q"];

/// Reads a deep link over an initial state; unknown keys and malformed values are ignored.
pub fn from_query(query: &str, ds: &Dataset, ctx: &ViewContext) -> ViewState {
    let mut s = ViewState::initial(ctx);
    for (k, v) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        let _ = set_link_key(&mut s, &k, &v, ds, ctx, Strictness::Lenient);
    }
    s
}

/// Applies deep-link keys to a state, all or nothing: the way a host page sets the view. Keys it
/// leaves out keep their value; an empty value clears `compare`, `select`, `hide`, `focus` or `q`.
/// An unknown key or a value that does not resolve (a date that is no date, an id not in the
/// dataset) is an error naming it, and the state is left as it was. O(keys · log n).
///
pub fn set_link<'a>(
    state: &ViewState,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ds: &Dataset,
    ctx: &ViewContext,
) -> Result<ViewState, String> {
    let mut s = state.clone();
    for (k, v) in pairs {
        set_link_key(&mut s, k, v, ds, ctx, Strictness::Strict)?;
    }
    if s.date != state.date {
        s.previous_date = Some(state.date);
    }
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
        v.sort();
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
            let sel = match v.split_once(':') {
                Some(("org", id)) => ds.org_ix(id).map(Selection::Org),
                Some(("rel", id)) => ds.rel_ix(id).map(Selection::Rel),
                Some(("event", id)) => ds.event_ix(id).map(Selection::Event),
                Some(("pair", ids)) => ids.split_once(',').and_then(|(a, b)| {
                    let (a, b) = (ds.org_ix(a)?, ds.org_ix(b)?);
                    (a != b).then(|| Selection::pair(a, b))
                }),
                _ => None,
            };
            s.selection = Some(sel.ok_or_else(|| format!("select: \"{}\" is not in the story", short(v)))?);
        }
        // Kinds, or the name of a group for all of its kinds (`hide=conflict`).
        "hide" => {
            let mut hidden = BTreeSet::new();
            for n in v.split(',').filter(|n| !n.is_empty()) {
                match RelationKind::parse(n) {
                    Some(k) => {
                        hidden.insert(k);
                    }
                    None => match RelationGroup::parse(n) {
                        Some(g) => hidden.extend(g.kinds().iter().copied()),
                        None if strictness == Strictness::Lenient => {}
                        None => return Err(format!("hide: \"{}\" is no kind of relationship", short(n))),
                    },
                }
            }
            s.hidden_kinds = hidden;
        }
        "focus" if v.is_empty() => s.focus_org = None,
        "focus" => {
            s.focus_org = Some(ds.org_ix(v).ok_or_else(|| format!("focus: \"{}\" is not in the story", short(v)))?)
        }
        "q" => s.query = v.chars().take(200).collect(),
        _ => return Err(format!("\"{}\" is not a view key (expected one of {})", short(key), LINK_KEYS.join(", "))),
    }
    Ok(())
}

/// The first 40 characters of a value, for messages about it.
fn short(v: &str) -> String {
    let mut t: String = v.chars().take(40).collect();
    if t.len() < v.len() {
        t.push('…');
    }
    t
}
