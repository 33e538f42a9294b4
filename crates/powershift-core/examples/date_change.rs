//! Times the core's part of a date change natively, for the shipped story and a synthetic
//! 1k-organisation story: the date's layout (relaxation + labels + edges; the page remembers it per
//! network) and the scenes the page builds on every date (the network's scene, the change since the
//! last date, the sentence and its counts).
use powershift_core::model::Dataset;
use powershift_core::network::{LayoutConfig, TemporalLayout};
use powershift_core::scene::{change_view, network_scene, sentence, Counts};
use powershift_core::view::{ViewContext, ViewState};
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
        let layouts: Vec<_> = picks.iter().map(|d| layout.at(ds, **d)).collect();
        let ctx = ViewContext::of(ds);
        let mut view = ViewState::initial(&ctx);
        let rounds = 20;
        let t = Instant::now();
        for _ in 0..rounds {
            for (d, l) in picks.iter().zip(&layouts) {
                view.date = **d;
                let change = change_view(ds, &ctx, &view);
                let scene = network_scene(ds, l, &view, None, change.as_ref());
                let words = sentence(ds, &view, change.as_ref(), Counts::on(ds, view.date));
                std::hint::black_box((scene, words));
            }
        }
        let per = t.elapsed().as_secs_f64() * 1e3 / (rounds * picks.len()) as f64;
        println!("{name}: scenes per date {per:.3} ms (network scene, change, sentence)");
    }
}
