//! Keyboard traversal of the network: one tab stop into the drawing, then arrow keys from an
//! organisation to its partners, so a keyboard or screen-reader user can walk the alliances instead
//! of tabbing through every disc.
//!
//! The model is a *hub* and a *focus*: ←/→ move the focus around the hub's partners, in the order
//! their partnership began (then by name); ↓ makes the focused organisation the hub (its partners
//! are next); ↑ (or Backspace) goes back to where the reader came from; Home goes to the largest
//! organisation (most relationships shown). Only relationships drawn on the date, under the reader's
//! filters and focus, count. O(relationships in force) a key press.
//!
//! ```text
//! Home: OpenAI ──→──▶ Microsoft ──↓──▶ (hub Microsoft) ──→──▶ Oracle ──↑──▶ Microsoft ──↑──▶ OpenAI
//! ```

use crate::date::Date;
use crate::model::{Dataset, OrgIx};
use crate::view::ViewState;

/// A traversal key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavKey {
    /// → or ↓… the next partner of the hub.
    Next,
    /// ← the previous partner of the hub.
    Previous,
    /// ↓ the focused organisation becomes the hub.
    Into,
    /// ↑ or Backspace: back where the reader came from.
    Back,
    /// Home: the largest organisation.
    Home,
}

impl NavKey {
    /// The traversal key for a `KeyboardEvent.key`, if it is one.
    pub fn of(key: &str) -> Option<NavKey> {
        match key {
            "ArrowRight" => Some(NavKey::Next),
            "ArrowLeft" => Some(NavKey::Previous),
            "ArrowDown" => Some(NavKey::Into),
            "ArrowUp" | "Backspace" => Some(NavKey::Back),
            "Home" => Some(NavKey::Home),
            _ => None,
        }
    }
}

/// Where the keyboard is in the network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Traversal {
    /// Whose partners ←/→ move through.
    pub hub: OrgIx,
    /// The focused organisation (the hub itself, or one of its partners).
    pub focus: OrgIx,
    /// Earlier (hub, focus) pairs, for ↑.
    pub back: Vec<(OrgIx, OrgIx)>,
}

/// The partnerships drawn on the view's date: (from, to, when the relationship began).
fn shown_edges(ds: &Dataset, view: &ViewState) -> Vec<(OrgIx, OrgIx, Date)> {
    ds.network_at(view.date)
        .edges
        .iter()
        .filter(|e| view.shows_kind(e.kind) && view.focus_org.is_none_or(|o| e.from == o || e.to == o))
        .map(|e| (e.from, e.to, ds.rel(e.rel).phases[0].start.start))
        .collect()
}

/// `org`'s partners on the view's date, in the order their partnership began (then by name).
pub fn partners_in_order(ds: &Dataset, view: &ViewState, org: OrgIx) -> Vec<OrgIx> {
    let mut first: Vec<(Date, OrgIx)> = Vec::new();
    for (a, b, since) in shown_edges(ds, view) {
        let other = if a == org {
            b
        } else if b == org {
            a
        } else {
            continue;
        };
        match first.iter_mut().find(|(_, o)| *o == other) {
            Some(entry) => entry.0 = entry.0.min(since),
            None => first.push((since, other)),
        }
    }
    crate::sort::sort_by(&mut first, |x, y| x.0.cmp(&y.0).then_with(|| ds.org(x.1).name.cmp(&ds.org(y.1).name)));
    first.into_iter().map(|(_, o)| o).collect()
}

/// The organisation with the most relationships shown on the date (ties by name): where the
/// keyboard enters the network and where Home goes. O(m log m) for the m relationships shown (the
/// degrees are counted in one pass: counting them per organisation was O(n · m), ~2 ms a date at
/// 1,000 organisations).
pub fn largest(ds: &Dataset, view: &ViewState) -> Option<OrgIx> {
    let edges = shown_edges(ds, view);
    let mut degrees = vec![0usize; ds.organisations.len()];
    for (a, b, _) in &edges {
        degrees[a.ix()] += 1;
        if b != a {
            degrees[b.ix()] += 1;
        }
    }
    let degree = |o: OrgIx| degrees[o.ix()];
    let mut orgs: Vec<OrgIx> = edges.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    if orgs.is_empty() {
        // Organisations but no ties shown yet (the story's first days, or everything filtered).
        orgs = ds.network_at(view.date).nodes.iter().map(|n| n.org).collect();
    }
    crate::sort::sort(&mut orgs);
    orgs.dedup();
    orgs.into_iter()
        .map(|o| (degree(o), o))
        .max_by(|x, y| x.0.cmp(&y.0).then_with(|| ds.org(y.1).name.cmp(&ds.org(x.1).name)))
        .map(|(_, o)| o)
}

impl Traversal {
    /// At one organisation, as its own hub.
    pub fn at(org: OrgIx) -> Traversal {
        Traversal { hub: org, focus: org, back: Vec::new() }
    }

    /// The traversal after a key. Keys that lead nowhere (no partners, nothing to go back to)
    /// leave it as it is.
    pub fn step(&self, key: NavKey, ds: &Dataset, view: &ViewState) -> Traversal {
        let mut t = self.clone();
        match key {
            NavKey::Next | NavKey::Previous => {
                let partners = partners_in_order(ds, view, self.hub);
                if partners.is_empty() {
                    return t;
                }
                let n = partners.len();
                let i = partners.iter().position(|o| *o == self.focus);
                t.focus = match (key, i) {
                    (NavKey::Next, Some(i)) => partners[(i + 1) % n],
                    (NavKey::Previous, Some(i)) => partners[(i + n - 1) % n],
                    (NavKey::Next, None) => partners[0],
                    _ => partners[n - 1],
                };
            }
            NavKey::Into => {
                if self.focus != self.hub {
                    t.back.push((self.hub, self.focus));
                    t.hub = self.focus;
                }
            }
            NavKey::Back => {
                if let Some((hub, focus)) = t.back.pop() {
                    t.hub = hub;
                    t.focus = focus;
                } else if self.focus != self.hub {
                    t.focus = self.hub;
                }
            }
            NavKey::Home => {
                if let Some(o) = largest(ds, view) {
                    if o != self.focus {
                        t.back.push((self.hub, self.focus));
                    }
                    t.hub = o;
                    t.focus = o;
                }
            }
        }
        t
    }
}

/// What the summary key reads: the focused organisation's partners on the date, in traversal order.
///
/// e.g. "Microsoft has 3 partners on 23 January 2023: OpenAI, Oracle and Nvidia. Hub: OpenAI."
pub fn partners_summary(ds: &Dataset, view: &ViewState, t: &Traversal) -> String {
    let partners = partners_in_order(ds, view, t.focus);
    let names: Vec<&str> = partners.iter().map(|o| ds.org(*o).name.as_str()).collect();
    let list = match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    let name = &ds.org(t.focus).name;
    let mut s = match partners.len() {
        0 => format!("{name} has no partners shown on {}.", view.date_words()),
        1 => format!("{name} has 1 partner on {}: {list}.", view.date_words()),
        n => format!("{name} has {n} partners on {}: {list}.", view.date_words()),
    };
    if t.hub != t.focus {
        s.push_str(&format!(" Arrows move around {}’s partners.", ds.org(t.hub).name));
    }
    s
}
