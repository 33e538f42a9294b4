//! The golden scenarios: small, fixed layouts whose positions are recorded in
//! `tests/res/golden.json` and asserted to 1e-6, natively (`tests/golden.rs`) and in WebAssembly
//! in headless Chromium (the app's `tests/golden_wasm.rs`), so both targets provably compute the
//! same picture. Regenerate the file with `cargo run -p powershift-core --example golden` only when
//! a change to the layout is intended.

use super::forces::{Collide, ManyBody, Position};
use super::simulation::Simulation;
use super::temporal::{LayoutConfig, TemporalLayout};
use super::vec2::Vec2;
use crate::date::Date;
use crate::model::Dataset;

/// The small dataset used by the temporal scenario.
pub const TINY_DATASET: &str = include_str!("../../tests/res/tiny.json");

/// The shipped story, for the full-size temporal scenario.
pub const SHIPPED_DATASET: &str = include_str!("../../../../static/data/powershift.json");

/// Every scenario's name and positions, in a fixed order.
pub fn scenarios() -> Vec<(&'static str, Vec<Vec2>)> {
    let mut out = Vec::new();

    let mut sim = super::bench::standard_simulation(12, 20, 7);
    sim.run(60);
    out.push(("standard 12 nodes 20 edges seed 7, 60 ticks", sim.positions()));

    let mut sim = Simulation::new(6, 3);
    sim.add_force(ManyBody::new(-10.0));
    sim.add_force(Collide::new(vec![12.0, 8.0, 8.0, 20.0, 5.0, 10.0]));
    sim.add_force(Position::towards(6, Vec2::default(), 0.1));
    sim.run(40);
    out.push(("collide 6 nodes seed 3, 40 ticks", sim.positions()));

    let ds = Dataset::from_json_str(TINY_DATASET).expect("the tiny fixture is valid");
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let at = layout.at(&ds, Date::from_ymd(2019, 8, 1).expect("a real date"));
    out.push(("temporal tiny dataset on 2019-08-01", at.nodes.iter().map(|n| n.pos).collect()));

    let ds = Dataset::from_json_str(SHIPPED_DATASET).expect("the shipped dataset is valid");
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let at = layout.at(&ds, Date::from_ymd(2025, 1, 21).expect("a real date"));
    out.push(("temporal shipped dataset on 2025-01-21", at.nodes.iter().map(|n| n.pos).collect()));
    out
}
