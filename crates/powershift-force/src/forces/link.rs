//! Link springs: pull linked nodes towards a rest distance, after d3-force's `link.js`.
//!
//! Each link moves both ends, split by `bias` so a well-connected node moves less. Strength defaults
//! to 1 / min(degree(source), degree(target)), which keeps hubs from collapsing; callers may give
//! each link its own strength (the temporal layout uses the log of the deal's amount). Cost per tick:
//! O(m · iterations).

use crate::rng::Lcg;
use crate::simulation::{Bodies, Force};

/// One link with optional overrides.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkSpec {
    /// Source node index.
    pub source: u32,
    /// Target node index.
    pub target: u32,
    /// Rest length (default 30).
    pub distance: Option<f64>,
    /// Spring strength (default 1 / min degree).
    pub strength: Option<f64>,
}

impl LinkSpec {
    /// A link with default distance and strength.
    pub fn new(source: u32, target: u32) -> LinkSpec {
        LinkSpec { source, target, distance: None, strength: None }
    }
}

/// The link force.
#[derive(Clone, Debug)]
pub struct Link {
    specs: Vec<LinkSpec>,
    distance: Vec<f64>,
    strength: Vec<f64>,
    bias: Vec<f64>,
    /// Relaxation passes per tick (d3's default 1).
    pub iterations: usize,
}

impl Link {
    /// Links between node indices.
    pub fn new(specs: Vec<LinkSpec>) -> Link {
        Link { specs, distance: Vec::new(), strength: Vec::new(), bias: Vec::new(), iterations: 1 }
    }
}

impl Force for Link {
    fn initialize(&mut self, b: &Bodies, _rng: &mut Lcg) {
        let n = b.len();
        self.specs.retain(|s| (s.source as usize) < n && (s.target as usize) < n);
        let mut count = vec![0u32; n];
        for s in &self.specs {
            count[s.source as usize] += 1;
            count[s.target as usize] += 1;
        }
        self.distance = self.specs.iter().map(|s| s.distance.unwrap_or(30.0)).collect();
        self.strength = self
            .specs
            .iter()
            .map(|s| {
                s.strength.unwrap_or_else(|| 1.0 / f64::from(count[s.source as usize].min(count[s.target as usize])))
            })
            .collect();
        self.bias = self
            .specs
            .iter()
            .map(|s| {
                let (a, c) = (f64::from(count[s.source as usize]), f64::from(count[s.target as usize]));
                a / (a + c)
            })
            .collect();
    }

    fn apply(&mut self, alpha: f64, b: &mut Bodies, rng: &mut Lcg) {
        for _ in 0..self.iterations {
            for (k, s) in self.specs.iter().enumerate() {
                let (si, ti) = (s.source as usize, s.target as usize);
                let mut x = b.x[ti] + b.vx[ti] - b.x[si] - b.vx[si];
                let mut y = b.y[ti] + b.vy[ti] - b.y[si] - b.vy[si];
                if x == 0.0 {
                    x = rng.jiggle();
                }
                if y == 0.0 {
                    y = rng.jiggle();
                }
                let mut l = (x * x + y * y).sqrt();
                l = (l - self.distance[k]) / l * alpha * self.strength[k];
                x *= l;
                y *= l;
                let bias = self.bias[k];
                b.vx[ti] -= x * bias;
                b.vy[ti] -= y * bias;
                b.vx[si] += x * (1.0 - bias);
                b.vy[si] += y * (1.0 - bias);
            }
        }
    }
}
