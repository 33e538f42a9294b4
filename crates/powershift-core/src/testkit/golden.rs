//! The golden scenarios: small, fixed layouts whose positions are recorded in
//! `tests/res/golden.json` and asserted to 1e-6, natively (`tests/network.rs`) and in WebAssembly
//! in headless Chromium (the app's `tests/golden_wasm.rs`), so both targets provably compute the
//! same picture. Regenerate the file with `cargo run -p powershift-core --example golden` only when
//! a change to the layout is intended.

use crate::date::Date;
use crate::model::Dataset;
use crate::network::forces::{Collide, ManyBody, Position};
use crate::network::simulation::Simulation;
use crate::network::temporal::{LayoutConfig, TemporalLayout};
use crate::network::vec2::Vec2;

/// The small dataset used by the temporal scenario.
pub const TINY_DATASET: &str = include_str!("../../tests/res/tiny.json");

/// A frozen copy of the story (as shipped on 2026-11-30), for the full-size temporal scenario: the
/// positions pin the layout's mechanics, so editing the shipped story must not change them.
pub const STORY_DATASET: &str = include_str!("../../tests/res/story-frozen.json");

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

    let ds = Dataset::from_json_str(STORY_DATASET).expect("the frozen story is valid");
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let at = layout.at(&ds, Date::from_ymd(2025, 1, 21).expect("a real date"));
    out.push(("temporal frozen story on 2025-01-21", at.nodes.iter().map(|n| n.pos).collect()));
    out
}

/// Compares the scenarios with the recorded positions (the JSON of `tests/res/golden.json`): `Ok`
/// when every coordinate is within 1e-6, else every mismatch, one per line.
pub fn check(expected_json: &str) -> Result<(), String> {
    let expected: serde_json::Value = serde_json::from_str(expected_json).map_err(|e| e.to_string())?;
    let cases = expected.as_array().ok_or("the golden file is not an array")?;
    let got = scenarios();
    let mut errors = Vec::new();
    if cases.len() != got.len() {
        errors.push(format!("{} recorded scenarios, {} computed", cases.len(), got.len()));
    }
    for (case, (name, pos)) in cases.iter().zip(got) {
        if case["name"] != name {
            errors.push(format!("scenario {:?} recorded as {}", name, case["name"]));
        }
        let want = case["positions"].as_array().map(Vec::as_slice).unwrap_or_default();
        if want.len() != pos.len() {
            errors.push(format!("{name}: {} recorded positions, {} computed", want.len(), pos.len()));
        }
        for (i, (w, p)) in want.iter().zip(&pos).enumerate() {
            let (wx, wy) = (w[0].as_f64().unwrap_or(f64::NAN), w[1].as_f64().unwrap_or(f64::NAN));
            if !((wx - p.x).abs() < 1e-6 && (wy - p.y).abs() < 1e-6) {
                errors.push(format!("{name} node {i}: want ({wx}, {wy}) got ({}, {})", p.x, p.y));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}
