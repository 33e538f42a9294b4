//! Times each phase of loading the shipped story natively (median of 21 runs), to find what the
//! page's start spends its time on: `cargo run --release --example load_phases -p powershift-core`.
use std::time::Instant;

use powershift_core::model::Dataset;

fn median(mut v: Vec<f64>) -> f64 {
    powershift_core::sort::sort_by(&mut v, f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let text = std::fs::read_to_string("static/data/powershift.json").expect("run from the repository root");
    let time = |f: &dyn Fn()| {
        median(
            (0..21)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect(),
        )
    };
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    println!(
        "serde_json::Value parse  {:.2} ms",
        time(&|| {
            let _: serde_json::Value = serde_json::from_str(&text).unwrap();
        })
    );
    println!(
        "validate (from_value)    {:.2} ms",
        time(&|| {
            Dataset::from_value(&value).unwrap();
        })
    );
    println!(
        "from_json_str (all)      {:.2} ms",
        time(&|| {
            Dataset::from_json_str(&text).unwrap();
        })
    );
    let ds = Dataset::from_json_str(&text).unwrap();
    let cfg = powershift_core::network::LayoutConfig::default();
    println!(
        "TemporalLayout::new      {:.2} ms",
        time(&|| {
            powershift_core::network::TemporalLayout::new(&ds, cfg.clone());
        })
    );
    let tl = powershift_core::network::TemporalLayout::new(&ds, cfg.clone());
    let ctx = powershift_core::view::ViewContext::of(&ds);
    let last = *ctx.change_dates.last().unwrap();
    println!(
        "layout.at (one date)     {:.2} ms",
        time(&|| {
            tl.at(&ds, last);
        })
    );
    let relaxed = tl.relaxed(&ds, last);
    println!(
        "  … from recorded relax. {:.2} ms",
        time(&|| {
            tl.at_relaxed(&ds, last, Some(&relaxed));
        })
    );
    println!(
        "ViewContext::of          {:.2} ms",
        time(&|| {
            powershift_core::view::ViewContext::of(&ds);
        })
    );
    println!(
        "money commitments        {:.2} ms",
        time(&|| {
            powershift_core::money::commitments(&ds);
        })
    );
}
