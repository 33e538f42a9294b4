//! Many-body repulsion (or attraction) approximated with the Barnes–Hut algorithm, after d3-force's
//! `manyBody.js`.
//!
//! Every node pushes every other with strength / distance. Far groups of nodes act as one body at
//! their centre of strength when `cell width² / distance² < θ²` (Barnes & Hut, "A hierarchical
//! O(N log N) force-calculation algorithm", Nature 324, 1986). Cost per tick: O(n log n) to build and
//! aggregate the quadtree plus O(n log n) expected for the n traversals (θ = 0.9 by default).
//! Exact at θ = 0.

use crate::network::quadtree::{QuadTree, NONE};
use crate::network::rng::Lcg;
use crate::network::simulation::{Bodies, Force};

/// The many-body force.
#[derive(Clone, Debug)]
pub struct ManyBody {
    strengths: Vec<f64>,
    default_strength: f64,
    theta2: f64,
    distance_min2: f64,
    distance_max2: f64,
    tree: QuadTree,
    /// Per cell: total strength and centre of strength.
    value: Vec<f64>,
    cx: Vec<f64>,
    cy: Vec<f64>,
    stack: Vec<u32>,
}

impl Default for ManyBody {
    fn default() -> Self {
        ManyBody::new(-30.0)
    }
}

impl ManyBody {
    /// Every node with the same strength (negative repels; d3's default is −30), θ = 0.9.
    pub fn new(strength: f64) -> ManyBody {
        ManyBody {
            strengths: Vec::new(),
            default_strength: strength,
            theta2: 0.81,
            distance_min2: 1.0,
            distance_max2: f64::INFINITY,
            tree: QuadTree::default(),
            value: Vec::new(),
            cx: Vec::new(),
            cy: Vec::new(),
            stack: Vec::new(),
        }
    }

    /// Per-node strengths (e.g. stronger repulsion for bigger nodes).
    pub fn with_strengths(strengths: Vec<f64>) -> ManyBody {
        ManyBody { strengths, ..ManyBody::new(-30.0) }
    }

    /// The Barnes–Hut accuracy parameter θ (0 = exact).
    pub fn theta(mut self, theta: f64) -> Self {
        self.theta2 = theta * theta;
        self
    }

    /// Ignore pairs closer than `min` (avoids huge forces) or farther than `max`.
    pub fn distance_range(mut self, min: f64, max: f64) -> Self {
        self.distance_min2 = min * min;
        self.distance_max2 = max * max;
        self
    }

    /// Builds the tree and aggregates strengths bottom-up (children have higher indices).
    fn accumulate(&mut self, b: &Bodies) {
        self.tree.build(&b.x, &b.y);
        let cells = self.tree.cells.len();
        self.value.clear();
        self.value.resize(cells, 0.0);
        self.cx.clear();
        self.cx.resize(cells, 0.0);
        self.cy.clear();
        self.cy.resize(cells, 0.0);
        for c in (0..cells).rev() {
            let cell = self.tree.cells[c];
            if cell.is_leaf() {
                let mut s = 0.0;
                let mut first = None;
                for p in self.tree.points(&cell) {
                    s += self.strengths[p];
                    first.get_or_insert(p);
                }
                // Coincident points share a position: the leaf's centre is that position.
                if let Some(p) = first {
                    self.cx[c] = b.x[p];
                    self.cy[c] = b.y[p];
                }
                self.value[c] = s;
            } else {
                let (mut s, mut w, mut x, mut y) = (0.0, 0.0, 0.0, 0.0);
                for ch in cell.children {
                    if ch != NONE {
                        let ch = ch as usize;
                        let a = self.value[ch].abs();
                        if a > 0.0 {
                            s += self.value[ch];
                            w += a;
                            x += a * self.cx[ch];
                            y += a * self.cy[ch];
                        }
                    }
                }
                self.value[c] = s;
                if w > 0.0 {
                    self.cx[c] = x / w;
                    self.cy[c] = y / w;
                }
            }
        }
    }
}

impl Force for ManyBody {
    fn initialize(&mut self, b: &Bodies, _rng: &mut Lcg) {
        if self.strengths.len() != b.len() {
            self.strengths = vec![self.default_strength; b.len()];
        }
    }

    fn apply(&mut self, alpha: f64, b: &mut Bodies, rng: &mut Lcg) {
        if b.is_empty() {
            return;
        }
        if self.strengths.len() != b.len() {
            self.strengths = vec![self.default_strength; b.len()];
        }
        self.accumulate(b);
        let (theta2, dmin2, dmax2) = (self.theta2, self.distance_min2, self.distance_max2);
        for i in 0..b.len() {
            let (xi, yi) = (b.x[i], b.y[i]);
            let (mut fx, mut fy) = (0.0, 0.0);
            self.stack.clear();
            self.stack.push(0);
            while let Some(c) = self.stack.pop() {
                let c = c as usize;
                let v = self.value[c];
                if v == 0.0 {
                    continue;
                }
                let cell = self.tree.cells[c];
                let mut x = self.cx[c] - xi;
                let mut y = self.cy[c] - yi;
                let w = cell.size;
                let mut l = x * x + y * y;
                // Far enough: treat the cell as one body.
                if w * w / theta2 < l {
                    if l < dmax2 {
                        if x == 0.0 {
                            x = rng.jiggle();
                            l += x * x;
                        }
                        if y == 0.0 {
                            y = rng.jiggle();
                            l += y * y;
                        }
                        if l < dmin2 {
                            l = (dmin2 * l).sqrt();
                        }
                        fx += x * v * alpha / l;
                        fy += y * v * alpha / l;
                    }
                    continue;
                }
                if !cell.is_leaf() {
                    for ch in cell.children.iter().rev() {
                        if *ch != NONE {
                            self.stack.push(*ch);
                        }
                    }
                    continue;
                }
                if l >= dmax2 {
                    continue;
                }
                // A near leaf: exact interaction with each of its points (skipping self).
                let only_self = cell.first as usize == i && self.tree.next[i] == NONE;
                if !only_self {
                    if x == 0.0 {
                        x = rng.jiggle();
                        l += x * x;
                    }
                    if y == 0.0 {
                        y = rng.jiggle();
                        l += y * y;
                    }
                    if l < dmin2 {
                        l = (dmin2 * l).sqrt();
                    }
                }
                for p in self.tree.points(&cell) {
                    if p != i {
                        let k = self.strengths[p] * alpha / l;
                        fx += x * k;
                        fy += y * k;
                    }
                }
            }
            b.vx[i] += fx;
            b.vy[i] += fy;
        }
    }
}
