//! Linking: what a focus (the hovered or selected item) connects to, and how strongly each item is
//! drawn as a result. Derived on every render from the view state (the reducer pattern of
//! graphology/sigma), never stored in the model.

use std::collections::BTreeSet;

use crate::model::{Dataset, EventIx, OrgIx, RelIx};
use crate::view::Selection;

/// How strongly an item is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Emphasis {
    /// Nothing is in focus.
    Normal,
    /// Part of the focus.
    Highlight,
    /// Something else is in focus.
    Dim,
}

impl Emphasis {
    /// The emphasis of an item when something is (`focused`) or is not in focus.
    pub fn of(focused: bool, in_focus: bool) -> Emphasis {
        match (focused, in_focus) {
            (false, _) => Emphasis::Normal,
            (true, true) => Emphasis::Highlight,
            (true, false) => Emphasis::Dim,
        }
    }

    /// The CSS class renderers put on the item (`None` for normal).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Emphasis::Normal => None,
            Emphasis::Highlight => Some("highlight"),
            Emphasis::Dim => Some("dim"),
        }
    }
}

/// The organisations, relationships and events linked to the focus: what to highlight.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Linked {
    /// Organisations to highlight.
    pub orgs: BTreeSet<OrgIx>,
    /// Relationships to highlight.
    pub rels: BTreeSet<RelIx>,
    /// Events to highlight.
    pub events: BTreeSet<EventIx>,
}

/// What a focus links to, given the relationships visible on the current date (`visible`):
/// an organisation → itself, its visible relationships, their other ends and its events;
/// a relationship → itself, its two ends, the events of all its phases;
/// an event → itself, its organisations, and every relationship whose phases cite it;
/// a pair → both organisations, every relationship between them and their events.
///
/// O(events + relationships · phases).
pub fn linked(ds: &Dataset, focus: Selection, visible: &[RelIx]) -> Linked {
    let mut l = Linked::default();
    match focus {
        Selection::Org(o) => {
            l.orgs.insert(o);
            for &r in visible {
                let rel = ds.rel(r);
                if rel.from == o || rel.to == o {
                    l.rels.insert(r);
                    l.orgs.insert(rel.from);
                    l.orgs.insert(rel.to);
                }
            }
            for (i, e) in ds.events.iter().enumerate() {
                if e.organisations.contains(&o) {
                    l.events.insert(EventIx(i as u32));
                }
            }
        }
        Selection::Rel(r) => {
            let rel = ds.rel(r);
            l.rels.insert(r);
            l.orgs.insert(rel.from);
            l.orgs.insert(rel.to);
            for p in &rel.phases {
                l.events.extend(p.events.iter().copied());
            }
        }
        Selection::Pair(a, b) => {
            l.orgs.insert(a);
            l.orgs.insert(b);
            for (i, rel) in ds.relationships.iter().enumerate() {
                if (rel.from == a && rel.to == b) || (rel.from == b && rel.to == a) {
                    l.rels.insert(RelIx(i as u32));
                    for p in &rel.phases {
                        l.events.extend(p.events.iter().copied());
                    }
                }
            }
        }
        Selection::Event(e) => {
            l.events.insert(e);
            l.orgs.extend(ds.event(e).organisations.iter().copied());
            for (i, rel) in ds.relationships.iter().enumerate() {
                if rel.phases.iter().any(|p| p.events.contains(&e)) {
                    l.rels.insert(RelIx(i as u32));
                }
            }
        }
    }
    l
}
