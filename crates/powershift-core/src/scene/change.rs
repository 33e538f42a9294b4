//! The change on view: what the picture of a date emphasises. By default it is the most recent
//! change at or before the date (what began, changed phase or ended on that change date); when the
//! reader compares with a second date A, it is everything that differs between A and the date.
//! Each change carries the events behind it, whose titles name it in the sentence and on the graphic.

use crate::date::Date;
use crate::model::{Dataset, EventIx, RelIx};
use crate::view::{ViewContext, ViewState};

/// How a relationship changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// In force now, not before.
    Began,
    /// In force at both dates under different phases.
    Changed {
        /// The phase before.
        from_phase: usize,
    },
    /// In force before, not now.
    Ended,
}

impl ChangeKind {
    /// "began", "changed", "ended".
    pub fn verb(self) -> &'static str {
        match self {
            ChangeKind::Began => "began",
            ChangeKind::Changed { .. } => "changed",
            ChangeKind::Ended => "ended",
        }
    }

    /// The CSS class renderers put on the line.
    pub fn class(self) -> &'static str {
        match self {
            ChangeKind::Began => "began",
            ChangeKind::Changed { .. } => "changed",
            ChangeKind::Ended => "ended",
        }
    }
}

/// One relationship that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeItem {
    /// The relationship.
    pub rel: RelIx,
    /// How.
    pub kind: ChangeKind,
    /// The phase in force now (began, changed) or the one that ended.
    pub phase: usize,
    /// The events behind the change, oldest first.
    pub events: Vec<EventIx>,
}

/// What the picture of a date emphasises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeView {
    /// The date compared with: the day before the change, or the compare date.
    pub from: Date,
    /// The picture's date (the change date, or the view's date when comparing).
    pub to: Date,
    /// The change date shown (the last change at or before the view's date); `None` when comparing.
    pub at: Option<Date>,
    /// The reader compares two dates.
    pub compare: bool,
    /// Changed relationships: changed phases first, then new ones, then ended ones, each in
    /// dataset order.
    pub items: Vec<ChangeItem>,
}

impl ChangeView {
    /// The change of `rel`, if it changed.
    pub fn of(&self, rel: RelIx) -> Option<&ChangeItem> {
        self.items.iter().find(|i| i.rel == rel)
    }

    /// Changes grouped by the event behind them (the first one), in order of first appearance:
    /// one headline per event, however many relationships it changed.
    pub fn groups(&self) -> Vec<(Option<EventIx>, Vec<&ChangeItem>)> {
        let mut groups: Vec<(Option<EventIx>, Vec<&ChangeItem>)> = Vec::new();
        for item in &self.items {
            let key = item.events.first().copied();
            match groups.iter_mut().find(|g| key.is_some() && g.0 == key) {
                Some(g) => g.1.push(item),
                None => groups.push((key, vec![item])),
            }
        }
        groups
    }
}

/// The change the view shows: the comparison when `view.compare` is set, else the most recent
/// change at or before the date (`None` before the first change). O(organisations + phases + events).
pub fn change_view(ds: &Dataset, ctx: &ViewContext, view: &ViewState) -> Option<ChangeView> {
    match view.compare.filter(|c| *c != view.date) {
        Some(a) => Some(diff(ds, a, view.date, None)),
        None => {
            let at = ctx.change_at_or_before(view.date)?;
            Some(diff(ds, at.add_days(-1), at, Some(at)))
        }
    }
}

/// What differs between the network of `a` and that of `b`, seen from `b`.
fn diff(ds: &Dataset, a: Date, b: Date, at: Option<Date>) -> ChangeView {
    let (na, nb) = (ds.network_at(a), ds.network_at(b));
    let (lo, hi) = (a.min(b), a.max(b));
    let between = |e: EventIx| {
        let d = ds.event(e).date.start;
        lo < d && d <= hi
    };
    // The events behind a change: those of the phase dated in the interval, else any event in the
    // interval that involves both organisations (what ended or changed it). Never an event from
    // another date: a change no event dates is described from the data instead.
    let behind = |rel: RelIx, phase: usize| -> Vec<EventIx> {
        let r = ds.rel(rel);
        let own: Vec<EventIx> = r.phases[phase].events.iter().copied().filter(|e| between(*e)).collect();
        if !own.is_empty() {
            return own;
        }
        (0..ds.events.len() as u32)
            .map(EventIx)
            .filter(|e| between(*e))
            .filter(|e| {
                let o = &ds.event(*e).organisations;
                o.contains(&r.from) && o.contains(&r.to)
            })
            .collect()
    };
    let mut changed = Vec::new();
    let mut began = Vec::new();
    for e in &nb.edges {
        match na.edges.iter().find(|x| x.rel == e.rel) {
            Some(before) if before.phase != e.phase => changed.push(ChangeItem {
                rel: e.rel,
                kind: ChangeKind::Changed { from_phase: before.phase },
                phase: e.phase,
                events: behind(e.rel, e.phase),
            }),
            Some(_) => {}
            None => began.push(ChangeItem {
                rel: e.rel,
                kind: ChangeKind::Began,
                phase: e.phase,
                events: behind(e.rel, e.phase),
            }),
        }
    }
    let ended = na.edges.iter().filter(|x| !nb.edges.iter().any(|e| e.rel == x.rel)).map(|x| ChangeItem {
        rel: x.rel,
        kind: ChangeKind::Ended,
        phase: x.phase,
        events: behind(x.rel, x.phase),
    });
    let mut items = changed;
    items.extend(began);
    items.extend(ended);
    for i in &mut items {
        crate::sort::sort_by_key(&mut i.events, |e| (ds.event(*e).date.start, e.0));
        i.events.dedup();
    }
    ChangeView { from: a, to: b, at, compare: at.is_none(), items }
}
