//! Collision: keeps nodes at least the sum of their radii apart, after d3-force's `collide.js`.
//!
//! Uses a quadtree of predicted positions (x + vx) with each cell's largest radius, so each node
//! only checks cells that could touch it. The radius is the node's disc **or** the half-width of
//! its label, whichever is larger, so labels get room during the simulation; the label placer
//! finishes the job. Cost per tick: O(n log n) expected per iteration.

use crate::quadtree::{QuadTree, NONE};
use crate::rng::Lcg;
use crate::simulation::{Bodies, Force};

/// The collision force.
#[derive(Clone, Debug)]
pub struct Collide {
    radii: Vec<f64>,
    /// Fraction of the overlap removed per iteration (d3's default 1).
    pub strength: f64,
    /// Passes per tick.
    pub iterations: usize,
    tree: QuadTree,
    rmax: Vec<f64>,
    px: Vec<f64>,
    py: Vec<f64>,
    stack: Vec<u32>,
}

impl Collide {
    /// Collision with per-node radii.
    pub fn new(radii: Vec<f64>) -> Collide {
        Collide {
            radii,
            strength: 1.0,
            iterations: 1,
            tree: QuadTree::default(),
            rmax: Vec::new(),
            px: Vec::new(),
            py: Vec::new(),
            stack: Vec::new(),
        }
    }
}

impl Force for Collide {
    fn apply(&mut self, _alpha: f64, b: &mut Bodies, rng: &mut Lcg) {
        let n = b.len().min(self.radii.len());
        for _ in 0..self.iterations {
            self.px.clear();
            self.py.clear();
            for i in 0..n {
                self.px.push(b.x[i] + b.vx[i]);
                self.py.push(b.y[i] + b.vy[i]);
            }
            self.tree.build(&self.px, &self.py);
            let cells = self.tree.cells.len();
            self.rmax.clear();
            self.rmax.resize(cells, 0.0);
            for c in (0..cells).rev() {
                let cell = self.tree.cells[c];
                let mut r: f64 = 0.0;
                if cell.is_leaf() {
                    for p in self.tree.points(&cell) {
                        r = r.max(self.radii[p]);
                    }
                } else {
                    for ch in cell.children {
                        if ch != NONE {
                            r = r.max(self.rmax[ch as usize]);
                        }
                    }
                }
                self.rmax[c] = r;
            }
            for i in 0..n {
                let ri = self.radii[i];
                let ri2 = ri * ri;
                let (xi, yi) = (self.px[i], self.py[i]);
                self.stack.clear();
                self.stack.push(0);
                while let Some(c) = self.stack.pop() {
                    let cell = self.tree.cells[c as usize];
                    let reach = ri + self.rmax[c as usize];
                    if cell.x0 > xi + reach
                        || cell.x0 + cell.size < xi - reach
                        || cell.y0 > yi + reach
                        || cell.y0 + cell.size < yi - reach
                    {
                        continue;
                    }
                    if !cell.is_leaf() {
                        for ch in cell.children {
                            if ch != NONE {
                                self.stack.push(ch);
                            }
                        }
                        continue;
                    }
                    for j in self.tree.points(&cell) {
                        // Each pair once: the lower index acts on both.
                        if j <= i {
                            continue;
                        }
                        let rj = self.radii[j];
                        let r = ri + rj;
                        let mut x = xi - self.px[j];
                        let mut y = yi - self.py[j];
                        let mut l = x * x + y * y;
                        if l < r * r {
                            if x == 0.0 {
                                x = rng.jiggle();
                                l += x * x;
                            }
                            if y == 0.0 {
                                y = rng.jiggle();
                                l += y * y;
                            }
                            let d = l.sqrt();
                            let k = (r - d) / d * self.strength;
                            x *= k;
                            y *= k;
                            let rj2 = rj * rj;
                            let share = rj2 / (ri2 + rj2);
                            b.vx[i] += x * share;
                            b.vy[i] += y * share;
                            b.vx[j] -= x * (1.0 - share);
                            b.vy[j] -= y * (1.0 - share);
                        }
                    }
                }
            }
        }
    }
}
