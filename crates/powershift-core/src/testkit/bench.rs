//! The standard benchmark simulation, shared by criterion (native), `powershift bench` (native) and
//! the browser benchmark page (WebAssembly beside d3-force), so all three time the same work:
//! a seeded random graph with d3-force's default forces — many-body (strength −30, θ = 0.9),
//! links (distance 30, strength 1/min degree), centring — and d3's default alpha schedule.
//! Timing itself stays with the caller (`std::time::Instant` does not exist in the browser).

use super::random_graph::{links, random_graph};
use crate::network::forces::{Center, Link, ManyBody};
use crate::network::simulation::Simulation;

/// The standard simulation for `nodes` nodes and `edges` edges.
pub fn standard_simulation(nodes: u32, edges: usize, seed: u32) -> Simulation {
    let graph = random_graph(nodes, edges, seed);
    let mut sim = Simulation::new(nodes as usize, seed);
    sim.add_force(ManyBody::new(-30.0));
    sim.add_force(Link::new(links(&graph)));
    sim.add_force(Center::new(0.0, 0.0));
    sim
}

/// A checksum of positions, to show two runs did the same work.
pub fn checksum(sim: &Simulation) -> f64 {
    let b = &sim.bodies;
    (0..b.len()).map(|i| b.x[i].abs() + b.y[i].abs()).sum::<f64>() / b.len().max(1) as f64
}
