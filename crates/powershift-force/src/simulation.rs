//! The force simulation: velocity Verlet integration with an alpha (temperature) schedule, after
//! d3-force's `simulation.js`.
//!
//! Stepping ([`Simulation::tick`]) is separate from scheduling: the caller decides when to step
//! (a loop in tests and benchmarks, animation frames in the page), so the same physics runs
//! headless natively and in WebAssembly. One tick costs the sum of its forces (Barnes–Hut
//! repulsion O(n log n), links O(m), collision O(n log n) expected).

use super::rng::Lcg;
use super::vec2::Vec2;

/// Positions, velocities and pins of the simulated nodes, as parallel arrays (cache-friendly).
#[derive(Clone, Debug, Default)]
pub struct Bodies {
    /// x positions.
    pub x: Vec<f64>,
    /// y positions.
    pub y: Vec<f64>,
    /// x velocities.
    pub vx: Vec<f64>,
    /// y velocities.
    pub vy: Vec<f64>,
    /// A pinned node stays at its pin (d3's `fx`/`fy`).
    pub pin: Vec<Option<Vec2>>,
}

impl Bodies {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.x.len()
    }
    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }
    /// Position of node `i`.
    pub fn pos(&self, i: usize) -> Vec2 {
        Vec2::new(self.x[i], self.y[i])
    }
}

/// A force nudges velocities (or positions) once per tick. One force per file in `forces/`.
pub trait Force {
    /// Called once before the first tick, with the nodes in place.
    fn initialize(&mut self, _bodies: &Bodies, _rng: &mut Lcg) {}
    /// Applies the force at temperature `alpha`.
    fn apply(&mut self, alpha: f64, bodies: &mut Bodies, rng: &mut Lcg);
}

/// Where unplaced node `i` starts: on a phyllotaxis spiral (d3's initial placement), so no two
/// nodes coincide and the start is deterministic.
pub fn spiral_position(i: usize) -> Vec2 {
    const INITIAL_RADIUS: f64 = 10.0;
    let angle = std::f64::consts::PI * (3.0 - 5f64.sqrt()) * i as f64;
    let radius = INITIAL_RADIUS * (0.5 + i as f64).sqrt();
    Vec2::new(radius * libm::cos(angle), radius * libm::sin(angle))
}

/// The simulation.
pub struct Simulation {
    /// The nodes.
    pub bodies: Bodies,
    /// Current temperature; forces scale with it.
    pub alpha: f64,
    /// The simulation stops (in [`Simulation::run`]) below this.
    pub alpha_min: f64,
    /// Per-tick fraction of the way alpha moves towards `alpha_target`.
    pub alpha_decay: f64,
    /// Where alpha settles.
    pub alpha_target: f64,
    /// Velocity kept each tick (d3's `1 − velocityDecay`; 0.6 by default).
    pub velocity_keep: f64,
    forces: Vec<Box<dyn Force>>,
    rng: Lcg,
    initialized: bool,
}

impl std::fmt::Debug for Simulation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulation").field("nodes", &self.bodies.len()).field("alpha", &self.alpha).finish()
    }
}

impl Simulation {
    /// `n` nodes on the start spiral, with d3's defaults (alpha 1 → 0.001 in 300 ticks).
    pub fn new(n: usize, seed: u32) -> Simulation {
        Simulation::with_positions(&vec![None; n], seed)
    }

    /// Nodes at given positions; `None` ones start on the spiral.
    pub fn with_positions(start: &[Option<Vec2>], seed: u32) -> Simulation {
        let n = start.len();
        let mut bodies =
            Bodies { x: vec![0.0; n], y: vec![0.0; n], vx: vec![0.0; n], vy: vec![0.0; n], pin: vec![None; n] };
        for (i, p) in start.iter().enumerate() {
            let p = p.unwrap_or_else(|| spiral_position(i));
            bodies.x[i] = p.x;
            bodies.y[i] = p.y;
        }
        let alpha_min = 0.001;
        Simulation {
            bodies,
            alpha: 1.0,
            alpha_min,
            alpha_decay: 1.0 - libm::pow(alpha_min, 1.0 / 300.0),
            alpha_target: 0.0,
            velocity_keep: 0.6,
            forces: Vec::new(),
            rng: Lcg::new(seed),
            initialized: false,
        }
    }

    /// Adds a force (applied in the order added).
    pub fn add_force(&mut self, force: impl Force + 'static) -> &mut Self {
        self.forces.push(Box::new(force));
        self.initialized = false;
        self
    }

    /// Pins node `i` at `p` (or frees it with `None`).
    pub fn pin(&mut self, i: usize, p: Option<Vec2>) {
        self.bodies.pin[i] = p;
        if let Some(p) = p {
            self.bodies.x[i] = p.x;
            self.bodies.y[i] = p.y;
        }
    }

    fn ensure_initialized(&mut self) {
        if !self.initialized {
            for f in &mut self.forces {
                f.initialize(&self.bodies, &mut self.rng);
            }
            self.initialized = true;
        }
    }

    /// One step: cool alpha, apply every force, then integrate (pinned nodes stay put).
    pub fn tick(&mut self) {
        self.ensure_initialized();
        self.alpha += (self.alpha_target - self.alpha) * self.alpha_decay;
        for f in &mut self.forces {
            f.apply(self.alpha, &mut self.bodies, &mut self.rng);
        }
        let b = &mut self.bodies;
        for i in 0..b.len() {
            match b.pin[i] {
                Some(p) => {
                    b.x[i] = p.x;
                    b.y[i] = p.y;
                    b.vx[i] = 0.0;
                    b.vy[i] = 0.0;
                }
                None => {
                    b.vx[i] *= self.velocity_keep;
                    b.vy[i] *= self.velocity_keep;
                    b.x[i] += b.vx[i];
                    b.y[i] += b.vy[i];
                }
            }
        }
    }

    /// Ticks until alpha falls below `alpha_min` or `max_ticks` steps; returns the ticks run.
    pub fn run(&mut self, max_ticks: usize) -> usize {
        let mut n = 0;
        while n < max_ticks && self.alpha >= self.alpha_min {
            self.tick();
            n += 1;
        }
        n
    }

    /// Current positions.
    pub fn positions(&self) -> Vec<Vec2> {
        (0..self.bodies.len()).map(|i| self.bodies.pos(i)).collect()
    }
}
