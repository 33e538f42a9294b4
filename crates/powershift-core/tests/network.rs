//! The layout core: golden positions, directional behaviour of each force, and properties
//! (finite positions, determinism; no label overlap on the shipped story).

use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::network::forces::{Collide, Link, LinkSpec, ManyBody, Position};
use powershift_core::network::temporal::stability;
use powershift_core::network::{LayoutConfig, Simulation, TemporalLayout, Vec2};
use powershift_core::testkit::golden;
use proptest::prelude::*;

const SHIPPED: &str = include_str!("../../../static/data/powershift.json");
/// A frozen copy of the story, for the mechanics below: editing the shipped story must not break them.
const STORY: &str = include_str!("res/story-frozen.json");
const GOLDEN: &str = include_str!("res/golden.json");

fn shipped() -> Dataset {
    Dataset::from_json_str(SHIPPED).unwrap()
}

fn story() -> Dataset {
    Dataset::from_json_str(STORY).unwrap()
}

#[test]
fn golden_positions_to_1e_6() {
    golden::check(GOLDEN).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_golden_check_fails_when_a_position_moves() {
    let mut v: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    let x = v[2]["positions"][1][0].as_f64().unwrap();
    v[2]["positions"][1][0] = (x + 2e-6).into();
    let err = golden::check(&v.to_string()).unwrap_err();
    assert!(err.starts_with("temporal tiny dataset on 2019-08-01 node 1: want"), "{err}");
}

fn two_nodes(a: Vec2, b: Vec2) -> Simulation {
    Simulation::with_positions(&[Some(a), Some(b)], 1)
}

#[test]
fn repulsion_separates() {
    let mut sim = two_nodes(Vec2::new(0.0, 0.0), Vec2::new(10.0, 0.0));
    sim.add_force(ManyBody::new(-30.0));
    sim.run(50);
    let p = sim.positions();
    assert!(p[0].distance(p[1]) > 30.0, "{p:?}");
    // Symmetric: both move, in opposite directions along the line.
    assert!(p[0].x < 0.0 && p[1].x > 10.0);
    // Only the jiggle (±0.5e-6 per tick) moves them off the line.
    assert!(p[0].y.abs() < 1e-3 && p[1].y.abs() < 1e-3);
}

#[test]
fn attraction_with_positive_strength_contracts() {
    let mut sim = two_nodes(Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0));
    sim.add_force(ManyBody::new(30.0));
    sim.run(20);
    let p = sim.positions();
    assert!(p[0].distance(p[1]) < 100.0);
}

#[test]
fn links_contract_to_their_rest_length() {
    let mut sim = two_nodes(Vec2::new(0.0, 0.0), Vec2::new(200.0, 0.0));
    sim.add_force(Link::new(vec![LinkSpec { source: 0, target: 1, distance: Some(50.0), strength: Some(1.0) }]));
    sim.run(300);
    let d = sim.positions()[0].distance(sim.positions()[1]);
    assert!((d - 50.0).abs() < 1.0, "{d}");
}

#[test]
fn links_stretch_when_too_short() {
    let mut sim = two_nodes(Vec2::new(0.0, 0.0), Vec2::new(5.0, 0.0));
    sim.add_force(Link::new(vec![LinkSpec { source: 0, target: 1, distance: Some(50.0), strength: Some(1.0) }]));
    sim.run(300);
    let d = sim.positions()[0].distance(sim.positions()[1]);
    assert!((d - 50.0).abs() < 1.0, "{d}");
}

#[test]
fn fixed_nodes_stay() {
    let mut sim = Simulation::new(20, 9);
    sim.pin(0, Some(Vec2::new(123.0, -45.0)));
    sim.add_force(ManyBody::new(-30.0));
    sim.add_force(Position::towards(20, Vec2::default(), 0.1));
    sim.run(300);
    assert_eq!(sim.positions()[0], Vec2::new(123.0, -45.0));
    assert!(sim.positions()[1..].iter().all(|p| *p != Vec2::new(123.0, -45.0)));
}

#[test]
fn collision_removes_overlap() {
    let start: Vec<Option<Vec2>> = (0..10).map(|i| Some(Vec2::new(f64::from(i) * 2.0, 0.0))).collect();
    let mut sim = Simulation::with_positions(&start, 5);
    sim.add_force(Collide::new(vec![10.0; 10]));
    sim.velocity_keep = 0.6;
    sim.run(300);
    let p = sim.positions();
    for i in 0..10 {
        for j in (i + 1)..10 {
            assert!(p[i].distance(p[j]) > 19.0, "{i} {j}: {}", p[i].distance(p[j]));
        }
    }
}

#[test]
fn barnes_hut_approximates_the_exact_sum() {
    let run = |theta: f64| {
        let mut sim = powershift_core::testkit::bench::standard_simulation(300, 600, 2);
        let mut exact = Simulation::with_positions(&sim.positions().into_iter().map(Some).collect::<Vec<_>>(), 2);
        exact.add_force(ManyBody::new(-30.0).theta(theta));
        exact.tick();
        sim.run(0);
        exact.bodies.vx.clone()
    };
    let (exact, approx) = (run(0.0), run(0.9));
    let err: f64 =
        exact.iter().zip(&approx).map(|(a, b)| (a - b).abs()).sum::<f64>() / exact.iter().map(|a| a.abs()).sum::<f64>();
    assert!(err < 0.05, "relative error {err}");
    assert!(err > 0.0, "θ = 0.9 should approximate, not be exact");
}

#[test]
fn shipped_story_has_no_label_overlap_at_any_change_date() {
    let ds = shipped();
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let report = layout.report(&ds);
    assert!(report.len() > 40);
    for r in &report {
        assert_eq!(r.overlaps.total(), 0, "{}: {:?}", r.date, r.overlaps);
    }
    let mean: f64 = report.iter().filter_map(|r| r.stability).sum::<f64>() / (report.len() - 1) as f64;
    assert!(mean < 0.05, "mean stability {mean}");
}

#[test]
fn absent_organisations_take_no_space() {
    let ds = story();
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let l = layout.at(&ds, Date::from_ymd(2019, 7, 22).unwrap());
    assert!(l.node(ds.org_ix("anthropic").unwrap()).is_none());
    assert_eq!(l.nodes.len(), ds.network_at(Date::from_ymd(2019, 7, 22).unwrap()).nodes.len());
}

#[test]
fn parallel_agreements_get_separate_curves() {
    let ds = story();
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let l = layout.at(&ds, Date::from_ymd(2025, 1, 1).unwrap());
    let (ms, oa) = (ds.org_ix("microsoft").unwrap(), ds.org_ix("openai").unwrap());
    let mids: Vec<Vec2> = l
        .edges
        .iter()
        .filter(|e| {
            let r = ds.rel(e.rel);
            (r.from == ms && r.to == oa) || (r.from == oa && r.to == ms)
        })
        .map(|e| e.curve.at(0.5))
        .collect();
    assert!(mids.len() >= 4, "{}", mids.len());
    for i in 0..mids.len() {
        for j in (i + 1)..mids.len() {
            assert!(mids[i].distance(mids[j]) > 5.0, "curves {i} and {j} coincide");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn positions_stay_finite_and_a_seed_gives_identical_output(n in 2u32..120, extra in 0usize..200, seed in any::<u32>()) {
        let run = || {
            let mut sim = powershift_core::testkit::bench::standard_simulation(n, n as usize - 1 + extra, seed);
            sim.add_force(Collide::new(vec![4.0; n as usize]));
            sim.run(120);
            sim.positions()
        };
        let (a, b) = (run(), run());
        prop_assert!(a.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        let bits = |v: &[Vec2]| v.iter().map(|p| (p.x.to_bits(), p.y.to_bits())).collect::<Vec<_>>();
        prop_assert_eq!(bits(&a), bits(&b));
    }

    #[test]
    fn coincident_start_positions_do_not_produce_nan(n in 2usize..40, seed in any::<u32>()) {
        let mut sim = Simulation::with_positions(&vec![Some(Vec2::new(5.0, 5.0)); n], seed);
        sim.add_force(ManyBody::new(-30.0));
        sim.add_force(Collide::new(vec![5.0; n]));
        sim.run(100);
        prop_assert!(sim.positions().iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }

    #[test]
    fn the_layout_of_a_date_is_reproducible(day in 16_800i32..20_616) {
        // `TemporalLayout::at` takes `&self` and the layout has no interior mutability, so the path
        // a reader took cannot matter; what can is the global layout being recomputed alike.
        let ds = story();
        let target = Date::from_days(day);
        let direct = TemporalLayout::new(&ds, LayoutConfig::default()).at(&ds, target);
        let again = TemporalLayout::new(&ds, LayoutConfig::default()).at(&ds, target);
        prop_assert_eq!(&direct, &again);
    }

    #[test]
    fn nearby_dates_move_little(day in 16_800i32..20_600) {
        let ds = story();
        let layout = TemporalLayout::new(&ds, LayoutConfig::default());
        let (a, b) = (layout.at(&ds, Date::from_days(day)), layout.at(&ds, Date::from_days(day + 7)));
        if let Some(s) = stability(&a, &b) {
            prop_assert!(s < 0.1, "a week moved nodes by {s} of the diameter");
        }
    }
}

#[test]
fn a_date_laid_out_from_its_recorded_relaxation_is_the_same_layout() {
    let ds = story();
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    for date in [Date::from_ymd(2019, 8, 1).unwrap(), Date::from_ymd(2025, 6, 1).unwrap()] {
        let relaxed = layout.relaxed(&ds, date);
        assert_eq!(relaxed.len(), ds.network_at(date).nodes.len());
        assert_eq!(layout.at_relaxed(&ds, date, Some(&relaxed)), layout.at(&ds, date));
        // Positions that do not fit the date are not used.
        assert_eq!(layout.at_relaxed(&ds, date, Some(&relaxed[1..])), layout.at(&ds, date));
        // And the recorded ones are really used: moved positions give another layout.
        let moved: Vec<Vec2> = relaxed.iter().map(|p| Vec2::new(p.x + 5.0, p.y)).collect();
        assert_ne!(layout.at_relaxed(&ds, date, Some(&moved)), layout.at(&ds, date));
    }
}
