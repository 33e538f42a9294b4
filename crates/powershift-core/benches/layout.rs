//! Criterion benchmarks of the layout core (native). Run with `scripts/bench.sh --criterion`.
//! Figures are recorded in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use powershift_core::model::Dataset;
use powershift_core::network::{LayoutConfig, TemporalLayout};
use powershift_core::testkit::bench::standard_simulation;
use powershift_core::timeline::{layout_events, MarkStyle, TimeScale};

const SIZES: [(u32, usize); 3] = [(100, 300), (1_000, 5_000), (10_000, 50_000)];

fn per_tick(c: &mut Criterion) {
    let mut g = c.benchmark_group("tick");
    for (n, m) in SIZES {
        let mut sim = standard_simulation(n, m, 1);
        sim.tick();
        // Criterion runs tens of thousands of ticks: with d3's schedule, alpha would decay into
        // subnormal floats, whose arithmetic is ~100× slower on x86 and measured that instead of a
        // tick (100 nodes: ~450 µs a tick, against ~30 µs). A real layout stops at `alpha_min`.
        sim.alpha_decay = 0.0;
        g.bench_function(format!("{n} nodes {m} edges"), |b| b.iter(|| sim.tick()));
    }
    g.finish();
}

fn to_convergence(c: &mut Criterion) {
    let mut g = c.benchmark_group("convergence (300 ticks, alpha 1 → 0.001)");
    g.sample_size(10);
    for (n, m) in SIZES {
        g.bench_function(format!("{n} nodes {m} edges"), |b| {
            b.iter_batched(|| standard_simulation(n, m, 1), |mut sim| sim.run(300), BatchSize::LargeInput)
        });
    }
    g.finish();
}

fn temporal(c: &mut Criterion) {
    let ds = Dataset::from_json_str(include_str!("../../../static/data/powershift.json")).unwrap();
    let mut g = c.benchmark_group("temporal layout, shipped dataset");
    g.bench_function("global layout", |b| b.iter(|| TemporalLayout::new(&ds, LayoutConfig::default())));
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let dates = ds.change_dates();
    g.bench_function(format!("all {} change dates", dates.len()), |b| {
        b.iter(|| dates.iter().map(|d| layout.at(&ds, *d).nodes.len()).sum::<usize>())
    });
    g.bench_function("one date (2026-04-28)", |b| {
        let d = powershift_core::date::Date::from_ymd(2026, 4, 28).unwrap();
        b.iter(|| layout.at(&ds, d))
    });
    let (a, z) = ds.time_range();
    let scale = TimeScale::new(a, z, 0.0, 1280.0);
    g.bench_function("timeline marks and lanes at 1280 px", |b| {
        b.iter(|| layout_events(&ds, &scale, &MarkStyle::default()))
    });
    g.finish();
}

criterion_group!(benches, per_tick, to_convergence, temporal);
criterion_main!(benches);
