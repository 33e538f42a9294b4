//! Times the core's part of a date change (relaxation + labels + edges) natively, for the shipped
//! story and a synthetic 1k-organisation story.
use powershift_core::model::Dataset;
use powershift_core::network::{LayoutConfig, TemporalLayout};
use std::time::Instant;

fn main() {
    let shipped = Dataset::from_json_str(include_str!("../../../static/data/powershift.json")).unwrap();
    let synth = Dataset::from_value(&powershift_core::testkit::synthetic::synthetic_dataset(1000, 3000, 1)).unwrap();
    for (name, ds) in [("shipped", &shipped), ("synthetic 1000/3000", &synth)] {
        let t = Instant::now();
        let cfg: LayoutConfig = std::env::var("CFG")
            .ok()
            .map(|v| {
                let p: Vec<f64> = v.split(",").map(|x| x.parse().unwrap()).collect();
                LayoutConfig {
                    relax_ticks: p[0] as usize,
                    max_labels: p[1] as usize,
                    label_rounds: p[2] as usize,
                    ..LayoutConfig::default()
                }
            })
            .unwrap_or_default();
        let layout = TemporalLayout::new(ds, cfg);
        let global = t.elapsed().as_secs_f64() * 1e3;
        let dates = ds.change_dates();
        let step = (dates.len() / 20).max(1);
        let picks: Vec<_> = dates.iter().step_by(step).collect();
        let t = Instant::now();
        let mut nodes = 0;
        for d in &picks {
            nodes += layout.at(ds, **d).nodes.len();
        }
        let per = t.elapsed().as_secs_f64() * 1e3 / picks.len() as f64;
        println!(
            "{name}: global {global:.1} ms; per date {per:.2} ms (avg {} nodes, {} dates)",
            nodes / picks.len(),
            picks.len()
        );
    }
}
