//! Exposes the layout core's standard benchmark simulation to JavaScript, so `bench/index.html` can
//! time it beside d3-force on the same graph, forces, parameters and tick count.

use powershift_core::network::Simulation;
use powershift_core::testkit::bench::{checksum, standard_simulation};
use powershift_core::testkit::random_graph::random_graph;
use wasm_bindgen::prelude::*;

/// The standard simulation, ready to tick.
#[wasm_bindgen]
pub struct Bench {
    sim: Simulation,
}

impl std::fmt::Debug for Bench {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.sim.fmt(f)
    }
}

#[wasm_bindgen]
impl Bench {
    /// Builds the seeded random graph and the simulation.
    #[wasm_bindgen(constructor)]
    pub fn new(nodes: u32, edges: u32, seed: u32) -> Bench {
        Bench { sim: standard_simulation(nodes, edges as usize, seed) }
    }

    /// Runs `n` ticks (the loop stays inside WebAssembly).
    pub fn tick(&mut self, n: u32) {
        for _ in 0..n {
            self.sim.tick();
        }
    }

    /// Positions, flattened `[x0, y0, x1, y1, …]`, for the settled-layout measure (not timed).
    pub fn positions(&self) -> Vec<f64> {
        let b = &self.sim.bodies;
        (0..b.len()).flat_map(|i| [b.x[i], b.y[i]]).collect()
    }

    /// Mean |x| + |y|: shows the work was done.
    pub fn checksum(&self) -> f64 {
        checksum(&self.sim)
    }
}

/// The benchmark graph's edges, flattened `[s0, t0, s1, t1, …]`, for d3-force and the other peers.
#[wasm_bindgen]
pub fn graph_edges(nodes: u32, edges: u32, seed: u32) -> Vec<u32> {
    random_graph(nodes, edges as usize, seed).into_iter().flat_map(|(a, b)| [a, b]).collect()
}
