//! Times each force of the standard benchmark separately (native), to see where a tick goes.
use powershift_core::network::forces::{Center, Link, ManyBody};
use powershift_core::network::Simulation;
use powershift_core::testkit::random_graph::{links, random_graph};
use std::time::Instant;

fn main() {
    for (n, m, t) in [(1000u32, 5000usize, 100usize), (10_000, 50_000, 20)] {
        let g = random_graph(n, m, 1);
        for name in ["many_body", "link", "center"] {
            let mut sim = Simulation::new(n as usize, 1);
            match name {
                "many_body" => {
                    sim.add_force(ManyBody::new(-30.0));
                }
                "link" => {
                    sim.add_force(Link::new(links(&g)));
                }
                _ => {
                    sim.add_force(Center::new(0.0, 0.0));
                }
            }
            sim.tick();
            let s = Instant::now();
            for _ in 0..t {
                sim.tick();
            }
            println!("{n} {name}: {:.3} ms/tick", s.elapsed().as_secs_f64() * 1000.0 / t as f64);
        }
    }
}
