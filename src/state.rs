//! App state: a Yew `Reducible` that delegates every change to the pure reducer in
//! `powershift_core::view`, and the story (dataset and its precomputed layouts). Both reach every
//! panel through one `ContextProvider<AppContext>` set up by the story screen; panels read it with
//! [`use_app`].

use std::rc::Rc;

use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::money::MoneySeries;
use powershift_core::network::{LayoutMemo, NetworkLayout, Rect, TemporalLayout, Vec2};
use powershift_core::timeline::Warp;
use powershift_core::view::{apply, Action, ViewContext, ViewState};
use yew::prelude::*;

use crate::known_layout::KnownLayout;

/// The view state plus the dataset facts its reducer needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewStore {
    /// The state.
    pub view: ViewState,
    /// Range and change dates.
    pub ctx: Rc<ViewContext>,
}

impl Reducible for ViewStore {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = apply(&self.view, action, &self.ctx);
        if next == self.view {
            self
        } else {
            Rc::new(ViewStore { view: next, ctx: self.ctx.clone() })
        }
    }
}

/// The handle panels use to read the state and dispatch actions.
pub type ViewHandle = UseReducerHandle<ViewStore>;

/// The layout parameters for a narrow (compact) or wide screen
/// ([`powershift_core::network::LayoutConfig::for_screen`]).
pub fn layout_config(compact: bool) -> powershift_core::network::LayoutConfig {
    powershift_core::network::LayoutConfig::for_screen(compact)
}

/// Everything computed once per dataset.
#[derive(Clone, Debug)]
pub struct Story {
    /// The validated dataset.
    pub ds: Rc<Dataset>,
    /// Range and change dates.
    pub ctx: Rc<ViewContext>,
    /// The global layout.
    pub layout: Rc<TemporalLayout>,
    /// The box around every change date's layout: the network's fixed viewBox, so positions on
    /// screen stay put while the date changes.
    pub bounds: Rect,
    /// Money chart series.
    pub money: Rc<Vec<MoneySeries>>,
    /// The story's id for file names: its data file's name without the extension.
    pub id: Rc<str>,
    /// The timeline's time warp: quiet years narrower (see `powershift_core::timeline::warp`).
    pub warp: Warp,
    /// The relaxed positions of the first date the page shows, when the build recorded them (see
    /// [`crate::known_layout`]): that date's layout then skips its relaxation at load.
    pub first_relaxed: Option<(Date, Rc<Vec<Vec2>>)>,
    /// The dates' layouts already computed, by network (see [`LayoutMemo`]): a scrubber step to a
    /// network seen before, or laid out in the background ([`Story::ahead_of`]), costs no layout.
    pub memo: Rc<std::cell::RefCell<LayoutMemo>>,
    /// The dataset's text as it was read (empty until the page sets it): the Export menu sends it
    /// to the tools module, which makes the files.
    pub source: Rc<str>,
    /// Whether the dataset has its texts (summaries, sources, notes): not yet while the page shows
    /// the shipped story from the first part of its text (see `powershift_core::model::first_part`).
    pub texts: Texts,
}

/// Whether a story's dataset has its texts (see [`Story::texts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Texts {
    /// It has them.
    In,
    /// They are on their way (the full text is being fetched).
    Coming,
    /// They did not arrive, and why (the page keeps the story it shows).
    Missing(Rc<str>),
}

/// How many networks a story remembers: every change interval of a story the size of the shipped
/// one (~50), a bounded number of a big one's.
const MEMO_NETWORKS: usize = 128;

/// How many networks a big story remembers: a 1,000-organisation layout is ~200 KB, so a phone
/// keeps a few MB of them, not tens.
const MEMO_NETWORKS_BIG: usize = 16;

/// Stories up to this many organisations are laid out ahead, date by date, in the background; a
/// big story's date takes too long for a background step and too much memory to keep them all.
const AHEAD_MAX_ORGS: usize = 300;

/// The story's id for file names: the last path segment of its URL without the extension
/// ("data/powershift.json?v=2" → "powershift"), or "story".
pub fn story_id(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let clean: String = stem.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if clean.is_empty() {
        "story".to_string()
    } else {
        clean
    }
}

impl PartialEq for Story {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ds, &other.ds) && self.texts == other.texts
    }
}

impl Story {
    /// Prepares a dataset: the global layout and the union of the change dates' bounds.
    /// O(min(change dates, 25) × per-date layout); about 10 ms for the shipped story.
    pub fn prepare(ds: Rc<Dataset>, compact: bool, url: &str) -> Story {
        Story::prepare_known(ds, compact, url, None)
    }

    /// [`Story::prepare`], taking the global layout and the box from `known` (computed at build
    /// time for exactly this dataset: see [`crate::known_layout`]) when given and fitting. All at
    /// once: a page prepares a big story a step at a time instead ([`crate::preparation`]).
    pub fn prepare_known(ds: Rc<Dataset>, compact: bool, url: &str, known: Option<&KnownLayout>) -> Story {
        crate::preparation::Preparation::new(ds, compact, url, known).finish()
    }

    /// The story of a dataset whose global layout and box are computed. O(relationships) for the
    /// money series.
    pub fn assemble(
        ds: Rc<Dataset>,
        ctx: Rc<ViewContext>,
        url: &str,
        layout: Rc<TemporalLayout>,
        bounds: Rect,
        first_relaxed: Option<(Date, Rc<Vec<Vec2>>)>,
    ) -> Story {
        let money = Rc::new(powershift_core::money::commitments(&ds));
        let warp = Warp::for_story(&ds);
        let networks = if ds.organisations.len() > AHEAD_MAX_ORGS { MEMO_NETWORKS_BIG } else { MEMO_NETWORKS };
        let memo = Rc::new(std::cell::RefCell::new(LayoutMemo::new(networks)));
        Story {
            warp,
            id: story_id(url).into(),
            ds,
            ctx,
            layout,
            bounds,
            money,
            first_relaxed,
            memo,
            source: Rc::from(""),
            texts: Texts::In,
        }
    }

    /// The layout on `date` (from the recorded relaxation when it is the first date's, from the memo
    /// when its network was laid out before).
    pub fn layout_on(&self, date: Date) -> NetworkLayout {
        let relaxed = self.first_relaxed.as_ref().filter(|(d, _)| *d == date).map(|(_, p)| p.as_slice());
        self.memo.borrow_mut().layout_on(&self.layout, &self.ds, date, relaxed)
    }

    /// The change dates to lay out in the background, nearest to `near` first: none for a story
    /// too big to keep them all. One date's layout is ~0.7 ms natively for the shipped story, small
    /// enough for a background step between the reader's scrubber steps.
    pub fn ahead_of(&self, near: Date) -> Vec<Date> {
        if self.ds.organisations.len() > AHEAD_MAX_ORGS {
            return Vec::new();
        }
        let mut order: Vec<Date> = self.ctx.change_dates.clone();
        powershift_core::sort::sort_by_key(&mut order, |d| (d.days() - near.days()).abs());
        order.truncate(MEMO_NETWORKS);
        order
    }

    /// Lays out `date` unless its network is known already; whether it had to.
    pub fn lay_out(&self, date: Date) -> bool {
        self.memo.borrow_mut().remember(&self.layout, &self.ds, date)
    }

    /// The layout on the store's date.
    pub fn layout_at(&self, view: &ViewState) -> Rc<NetworkLayout> {
        Rc::new(self.layout_on(view.date))
    }
}

/// What every panel of the story screen shares: the story and the view state's handle.
#[derive(Clone, Debug, PartialEq)]
pub struct AppContext {
    /// The prepared story.
    pub story: Story,
    /// The view state; dispatch actions on it.
    pub view: ViewHandle,
    /// Where the reader selected something far from the details (the timeline, search results), so
    /// the details can offer the way back after bringing themselves into view.
    pub came_from: UseStateHandle<Option<&'static str>>,
    /// Embed layout, theme and the `data=` parameter, from the page's URL.
    pub options: Rc<powershift_core::embed::EmbedOptions>,
}

impl AppContext {
    /// Shows `sel`'s details where the reader looks: selects it, remembers the reader's place and
    /// brings the details panel into view; `from` names the place for the way back ("timeline").
    pub fn select_from_afar(&self, sel: powershift_core::view::Selection, from: &'static str) {
        crate::platform::dom::remember_place();
        self.view.dispatch(powershift_core::view::Action::Select(Some(sel)));
        self.came_from.set(Some(from));
        crate::platform::dom::scroll_into_view_soon("details-title");
    }
}

/// The story screen's shared state. Panels are only ever rendered inside the story screen's
/// provider, so a missing context is a programming error.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("panels are rendered inside the story screen's ContextProvider<AppContext>")
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../crates/powershift-core/tests/res/story-frozen.json");

    /// Laying out ahead fills the memo once per network, nearest first, and the dates it covers
    /// give the same layouts as a story that computes each date afresh.
    #[test]
    fn layouts_laid_out_ahead_are_the_dates_layouts() {
        let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
        let ahead = Story::prepare(ds.clone(), true, "x.json");
        let fresh = Story::prepare(ds.clone(), true, "x.json");
        let last = *ahead.ctx.change_dates.last().unwrap();
        let order = ahead.ahead_of(last);
        assert_eq!(order.len(), ahead.ctx.change_dates.len());
        assert_eq!(order[0], last);
        assert!(order.windows(2).all(|w| (last.days() - w[0].days()).abs() <= (last.days() - w[1].days()).abs()));
        let laid: usize = order.iter().filter(|d| ahead.lay_out(**d)).count();
        assert!(laid > 0 && laid == ahead.memo.borrow().len());
        assert!(order.iter().all(|d| !ahead.lay_out(*d)), "each network once");
        for d in ahead.ctx.change_dates.iter().flat_map(|d| [*d, d.add_days(-1), d.add_days(10)]) {
            assert_eq!(ahead.layout_on(d), fresh.layout.at(&ds, d), "{d}");
        }
    }
}
