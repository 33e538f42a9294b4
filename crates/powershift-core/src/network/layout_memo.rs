//! Remembered per-date layouts, found again by the network they show.
//!
//! A date's layout ([`TemporalLayout::of_network`]) depends only on the organisations present and
//! the relationships (and phases) in force, never on the date itself. Between two change dates the
//! network is the same, so every date of that interval has the same layout; a reader scrubbing back
//! and forth, or month by month through a quiet year, should pay for each network once. On a phone
//! a date's relaxation is the largest piece of a scrubber step that is not DOM work (~2.6 ms of
//! ~30 ms of script at 4× CPU slowdown for the shipped story).

use super::{NetworkLayout, TemporalLayout, Vec2};
use crate::date::Date;
use crate::model::{Dataset, EdgeAt, Network, NodeAt};

/// Layouts of the networks seen, for one dataset and one [`TemporalLayout`] (the caller keeps the
/// three together). Holds at most `capacity` networks and forgets the oldest first.
///
/// Lookup is a linear scan comparing sizes first, then the node and edge lists: O(k + n + m) for k
/// remembered networks, against the layout's O(T_r · (n log n + m)).
///
/// # Examples
/// ```
/// use powershift_core::{date::Date, model::Dataset, network::{LayoutConfig, LayoutMemo, TemporalLayout}};
/// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
/// let layout = TemporalLayout::new(&ds, LayoutConfig::default());
/// let mut memo = LayoutMemo::new(64);
/// let d = Date::from_ymd(2019, 8, 1).unwrap();
/// assert_eq!(memo.layout_on(&layout, &ds, d, None), layout.at(&ds, d));
/// assert_eq!(memo.len(), 1);
/// assert_eq!(memo.layout_on(&layout, &ds, d, None), layout.at(&ds, d)); // remembered
/// assert_eq!(memo.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct LayoutMemo {
    capacity: usize,
    entries: std::collections::VecDeque<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    nodes: Vec<NodeAt>,
    edges: Vec<EdgeAt>,
    layout: NetworkLayout,
}

impl LayoutMemo {
    /// An empty memo that remembers up to `capacity` networks (at least one).
    pub fn new(capacity: usize) -> LayoutMemo {
        LayoutMemo { capacity: capacity.max(1), entries: std::collections::VecDeque::new() }
    }

    /// How many networks are remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered yet.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the network on `date` is remembered (its layout would cost nothing).
    pub fn knows(&self, ds: &Dataset, date: Date) -> bool {
        self.find(&ds.network_at(date)).is_some()
    }

    /// Lays out `date` unless its network is remembered; whether it had to. One look at the
    /// dataset's network for the date, where [`LayoutMemo::knows`] then [`LayoutMemo::layout_on`]
    /// would take two.
    pub fn remember(&mut self, layout: &TemporalLayout, ds: &Dataset, date: Date) -> bool {
        let net = ds.network_at(date);
        if self.find(&net).is_some() {
            return false;
        }
        self.insert(layout, ds, net, None);
        true
    }

    /// The layout on `date`: exactly [`TemporalLayout::at_relaxed`]`(ds, date, relaxed)`, taken from
    /// the memo when the date's network was laid out before (with its date set to `date`).
    pub fn layout_on(
        &mut self,
        layout: &TemporalLayout,
        ds: &Dataset,
        date: Date,
        relaxed: Option<&[Vec2]>,
    ) -> NetworkLayout {
        let net = ds.network_at(date);
        match self.find(&net) {
            Some(i) => NetworkLayout { date, ..self.entries[i].layout.clone() },
            None => self.insert(layout, ds, net, relaxed).clone(),
        }
    }

    /// Lays out `net` and remembers it (forgetting the oldest at capacity); the layout remembered.
    fn insert(
        &mut self,
        layout: &TemporalLayout,
        ds: &Dataset,
        net: Network,
        relaxed: Option<&[Vec2]>,
    ) -> &NetworkLayout {
        let (nodes, edges) = (net.nodes.clone(), net.edges.clone());
        let fresh = layout.of_network(ds, net, relaxed);
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(Entry { nodes, edges, layout: fresh });
        &self.entries.back().expect("just pushed").layout
    }

    fn find(&self, net: &Network) -> Option<usize> {
        self.entries.iter().position(|e| {
            e.nodes.len() == net.nodes.len()
                && e.edges.len() == net.edges.len()
                && e.nodes == net.nodes
                && e.edges == net.edges
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::LayoutConfig;

    fn fixture() -> (Dataset, TemporalLayout) {
        let ds = Dataset::from_json_str(include_str!("../../tests/res/story-frozen.json")).unwrap();
        let layout = TemporalLayout::new(&ds, LayoutConfig::default());
        (ds, layout)
    }

    /// Every day of the story, visited forwards and then backwards through one memo, gets exactly
    /// the layout computed from scratch; the memo holds one entry per distinct network.
    #[test]
    fn remembered_layouts_are_the_layouts() {
        let (ds, layout) = fixture();
        let (lo, hi) = ds.time_range();
        let days: Vec<Date> =
            (0..=(hi.days() - lo.days())).step_by(11).map(|k| lo.add_days(k)).chain(ds.change_dates()).collect();
        let mut memo = LayoutMemo::new(1000);
        for d in days.iter().chain(days.iter().rev()) {
            assert_eq!(memo.layout_on(&layout, &ds, *d, None), layout.at(&ds, *d), "{d}");
        }
        let mut distinct: Vec<(Vec<NodeAt>, Vec<EdgeAt>)> = Vec::new();
        for d in &days {
            let n = ds.network_at(*d);
            if !distinct.iter().any(|(a, b)| *a == n.nodes && *b == n.edges) {
                distinct.push((n.nodes, n.edges));
            }
        }
        assert_eq!(memo.len(), distinct.len());
        assert!(memo.len() < days.len(), "the fixture has dates that share a network");
    }

    /// At capacity the oldest network is forgotten, and asking again lays it out again (the same).
    #[test]
    fn the_oldest_network_is_forgotten_first() {
        let (ds, layout) = fixture();
        let dates = ds.change_dates();
        assert!(dates.len() >= 3);
        let mut memo = LayoutMemo::new(2);
        for d in &dates[..3] {
            memo.layout_on(&layout, &ds, *d, None);
        }
        assert_eq!(memo.len(), 2);
        assert!(!memo.knows(&ds, dates[0]));
        assert!(memo.knows(&ds, dates[1]) && memo.knows(&ds, dates[2]));
        assert_eq!(memo.layout_on(&layout, &ds, dates[0], None), layout.at(&ds, dates[0]));
        assert!(!memo.knows(&ds, dates[1]));
        // Remembering lays out only what is not known.
        assert!(memo.remember(&layout, &ds, dates[1]));
        assert!(!memo.remember(&layout, &ds, dates[1]));
        assert_eq!(memo.layout_on(&layout, &ds, dates[1], None), layout.at(&ds, dates[1]));
    }
}
