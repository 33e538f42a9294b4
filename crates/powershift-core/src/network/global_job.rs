//! The global layout a slice at a time, so a page can lay out a big story without freezing.
//!
//! [`TemporalLayout::new`] runs the whole global simulation at once: ~1 ms for the shipped story,
//! but ~0.5 s natively for 1,000 organisations and several seconds on a phone, during which a page
//! could neither paint nor answer. A [`GlobalLayoutJob`] is the same simulation with its ticks
//! handed out by the caller: the page runs a few milliseconds of ticks per task and shows the
//! progress between them. The result is identical to [`TemporalLayout::new`] bit for bit, however
//! the ticks are sliced: the simulation's state carries over and the same ticks run in the same
//! order.
//!
//! # Examples
//! ```
//! use powershift_core::{model::Dataset, network::{GlobalLayoutJob, LayoutConfig, TemporalLayout}};
//! let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
//! let mut job = GlobalLayoutJob::new(&ds, LayoutConfig::default());
//! while !job.advance(7) {
//!     assert!(job.progress() < 1.0);
//! }
//! assert_eq!(job.finish().global, TemporalLayout::new(&ds, LayoutConfig::default()).global);
//! ```

use std::collections::BTreeMap;

use super::forces::Position;
use super::simulation::Simulation;
use super::temporal::{add_shared_forces, collide_radius, LayoutConfig, TemporalLayout};
use super::vec2::Vec2;
use super::weights::{money_weight, phase_amount_usd};
use crate::model::{Dataset, OrgIx, RelIx};

/// The global simulation of a dataset, part-way through (see the module documentation).
#[derive(Debug)]
pub struct GlobalLayoutJob {
    config: LayoutConfig,
    sim: Simulation,
    /// Ticks run so far.
    ticks: usize,
    /// The simulation has cooled below its minimum temperature (it stops early then, as
    /// [`Simulation::run`] does).
    cooled: bool,
}

impl GlobalLayoutJob {
    /// Sets the simulation up (one link per pair that is ever related, with strength from its
    /// largest amount; collision by disc and label; a weak pull to the centre), without running
    /// it. O(n + m log m) for n organisations and m relationships.
    pub fn new(ds: &Dataset, config: LayoutConfig) -> GlobalLayoutJob {
        let n = ds.organisations.len();
        // Union graph: one link per pair of organisations that is ever related.
        let mut pairs: BTreeMap<(u32, u32), f64> = BTreeMap::new();
        let mut degree = vec![0u32; n];
        for (ri, r) in ds.relationships.iter().enumerate() {
            let key = (r.from.0.min(r.to.0), r.from.0.max(r.to.0));
            let w = (0..r.phases.len())
                .map(|p| money_weight(phase_amount_usd(ds, RelIx(ri as u32), p)))
                .fold(1.0, f64::max);
            let e = pairs.entry(key).or_insert(0.0);
            *e = e.max(w);
            degree[r.from.ix()] += 1;
            degree[r.to.ix()] += 1;
        }
        let radii: Vec<f64> = (0..n).map(|i| collide_radius(ds, OrgIx(i as u32), degree[i].min(12), &config)).collect();
        let mut sim = Simulation::new(n, config.seed);
        add_shared_forces(&mut sim, &config, &pairs, radii);
        sim.add_force(Position::towards(n, Vec2::default(), 0.04));
        sim.alpha_decay = 1.0 - libm::pow(sim.alpha_min, 1.0 / config.global_ticks as f64);
        GlobalLayoutJob { config, sim, ticks: 0, cooled: false }
    }

    /// Runs up to `ticks` more ticks of the simulation; whether it is finished. Each tick is
    /// O(n log n + m) (Barnes–Hut many-body).
    pub fn advance(&mut self, ticks: usize) -> bool {
        let wanted = ticks.min(self.config.global_ticks - self.ticks);
        let ran = self.sim.run(wanted);
        self.ticks += ran;
        self.cooled |= ran < wanted;
        self.is_done()
    }

    /// Whether every tick has run (or the simulation cooled before the last one).
    pub fn is_done(&self) -> bool {
        self.cooled || self.ticks >= self.config.global_ticks
    }

    /// How far the layout is, from 0 to 1 (the share of its ticks that has run).
    pub fn progress(&self) -> f64 {
        if self.is_done() {
            1.0
        } else {
            self.ticks as f64 / self.config.global_ticks as f64
        }
    }

    /// The layout as far as it is (the global layout once [`GlobalLayoutJob::is_done`]).
    pub fn layout(&self) -> TemporalLayout {
        TemporalLayout { global: self.sim.positions(), config: self.config.clone() }
    }

    /// The global layout: the ticks still to run, then the positions.
    pub fn finish(mut self) -> TemporalLayout {
        self.advance(usize::MAX);
        TemporalLayout { global: self.sim.positions(), config: self.config }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::synthetic::synthetic_dataset;

    /// Sliced any way, the job gives the one-go layout bit for bit, and its progress only grows.
    #[test]
    fn slices_give_the_one_go_layout() {
        let ds = Dataset::from_value(&synthetic_dataset(60, 150, 3)).unwrap();
        let whole = TemporalLayout::new(&ds, LayoutConfig::default());
        for slice in [1, 7, 64, 399, 400, 10_000] {
            let mut job = GlobalLayoutJob::new(&ds, LayoutConfig::default());
            let mut last = job.progress();
            assert_eq!(last, 0.0);
            while !job.advance(slice) {
                assert!(job.progress() > last, "progress grows with slice {slice}");
                last = job.progress();
            }
            assert_eq!(job.progress(), 1.0);
            assert_eq!(job.finish().global, whole.global, "slices of {slice} ticks");
        }
    }

    /// A simulation that cools early ends the job early, as `Simulation::run` would.
    #[test]
    fn a_cooled_simulation_is_done() {
        let ds = Dataset::from_value(&synthetic_dataset(10, 12, 1)).unwrap();
        let config = LayoutConfig { global_ticks: 50, ..LayoutConfig::default() };
        let mut job = GlobalLayoutJob::new(&ds, config.clone());
        job.sim.alpha = job.sim.alpha_min / 2.0;
        assert!(job.advance(5), "nothing left to run once cooled");
        assert_eq!(job.ticks, 0);
        assert_eq!(job.progress(), 1.0);
    }
}
