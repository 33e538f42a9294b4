//! Many-body repulsion (or attraction) approximated with the Barnes–Hut algorithm, after d3-force's
//! `manyBody.js`.
//!
//! Every node pushes every other with strength / distance. Far groups of nodes act as one body at
//! their centre of strength when `cell width² / distance² < θ²` (Barnes & Hut, "A hierarchical
//! O(N log N) force-calculation algorithm", Nature 324, 1986). Cost per tick: O(n log n) to build and
//! aggregate the quadtree plus O(n log n) expected for the n traversals (θ = 0.9 by default).
//! Exact at θ = 0.

use crate::quadtree::{QuadTree, NONE};
use crate::rng::Lcg;
use crate::simulation::{Bodies, Force};

/// The many-body force.
#[derive(Clone, Debug)]
pub struct ManyBody {
    strengths: Vec<f64>,
    default_strength: f64,
    theta2: f64,
    distance_min2: f64,
    distance_max2: f64,
    tree: QuadTree,
    /// Per cell, packed for the traversal (one cache line per visit).
    agg: Vec<Agg>,
    /// Children of each cell, contiguous: `kids[agg.kids .. agg.kids + agg.nkids]`.
    kids: Vec<u32>,
    /// The tree flattened in depth-first pre-order with skip links ("threaded"): the traversal
    /// walks forward through memory, jumping over a subtree it approximates, with no stack.
    lin: Vec<Lin>,
    /// Subtree sizes (cells), per cell in creation order.
    size: Vec<u32>,
    /// Points in depth-first tree order: neighbours in space are processed one after another,
    /// so the cells they open stay in cache.
    order: Vec<u32>,
    stack: Vec<u32>,
}

/// A cell in the flattened tree.
#[derive(Clone, Copy, Debug, Default)]
struct Lin {
    x: f64,
    y: f64,
    value: f64,
    limit: f64,
    /// First point of a leaf ([`NONE`] for internal cells).
    first: u32,
    /// Index just past this cell's subtree.
    skip: u32,
}

/// What the traversal needs of a cell.
#[derive(Clone, Copy, Debug, Default)]
struct Agg {
    /// Centre of strength.
    x: f64,
    y: f64,
    /// Total strength.
    value: f64,
    /// width² / θ²: the cell is far enough when the squared distance exceeds this.
    limit: f64,
    kids: u32,
    nkids: u32,
    /// First point of a leaf ([`NONE`] for internal cells).
    first: u32,
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
            agg: Vec::new(),
            kids: Vec::new(),
            order: Vec::new(),
            lin: Vec::new(),
            size: Vec::new(),
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

    /// Builds the tree, aggregates strengths bottom-up (children have higher indices, so one
    /// reverse pass suffices), packs cells for the traversal and lists points in depth-first order.
    fn accumulate(&mut self, b: &Bodies) {
        self.tree.build(&b.x, &b.y);
        let cells = self.tree.cells.len();
        self.agg.clear();
        self.agg.resize(cells, Agg::default());
        self.kids.clear();
        for c in (0..cells).rev() {
            let cell = self.tree.cells[c];
            let a = &mut self.agg[c];
            a.limit = cell.size * cell.size / self.theta2;
            if cell.is_leaf() {
                let mut s = 0.0;
                for p in self.tree.points(&cell) {
                    s += self.strengths[p];
                }
                // Coincident points share a position: the leaf's centre is that position.
                let p = cell.first as usize;
                a.x = b.x[p];
                a.y = b.y[p];
                a.value = s;
                a.first = cell.first;
                a.nkids = 0;
            } else {
                let (mut s, mut w, mut x, mut y) = (0.0, 0.0, 0.0, 0.0);
                let start = self.kids.len() as u32;
                for ch in cell.children {
                    if ch != NONE {
                        let k = self.agg[ch as usize];
                        let m = k.value.abs();
                        if m > 0.0 {
                            s += k.value;
                            w += m;
                            x += m * k.x;
                            y += m * k.y;
                        }
                        self.kids.push(ch);
                    }
                }
                let a = &mut self.agg[c];
                a.value = s;
                if w > 0.0 {
                    a.x = x / w;
                    a.y = y / w;
                }
                a.first = NONE;
                a.kids = start;
                a.nkids = self.kids.len() as u32 - start;
            }
        }
        // Subtree sizes, then the pre-order flattening with skip links and the point order.
        self.size.clear();
        self.size.resize(cells, 1);
        for c in (0..cells).rev() {
            let a = self.agg[c];
            for k in a.kids..a.kids + a.nkids {
                let ch = self.kids[k as usize] as usize;
                self.size[c] += self.size[ch];
            }
        }
        self.lin.clear();
        self.order.clear();
        self.stack.clear();
        self.stack.push(0);
        while let Some(c) = self.stack.pop() {
            let a = self.agg[c as usize];
            let at = self.lin.len() as u32;
            self.lin.push(Lin {
                x: a.x,
                y: a.y,
                value: a.value,
                limit: a.limit,
                first: a.first,
                skip: at + self.size[c as usize],
            });
            if a.first != NONE {
                let mut p = a.first;
                while p != NONE {
                    self.order.push(p);
                    p = self.tree.next[p as usize];
                }
            } else {
                // Pushed in reverse so they are visited in order.
                for k in (a.kids..a.kids + a.nkids).rev() {
                    self.stack.push(self.kids[k as usize]);
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
        let (dmin2, dmax2) = (self.distance_min2, self.distance_max2);
        for &i in &self.order {
            let i = i as usize;
            let (xi, yi) = (b.x[i], b.y[i]);
            let (mut fx, mut fy) = (0.0, 0.0);
            let lin = &self.lin;
            let mut c = 0usize;
            while c < lin.len() {
                let a = lin[c];
                let mut x = a.x - xi;
                let mut y = a.y - yi;
                let mut l = x * x + y * y;
                // Far enough: treat the whole subtree as one body, then jump over it.
                if a.limit < l {
                    if l < dmax2 && a.value != 0.0 {
                        separate(&mut x, &mut y, &mut l, dmin2, rng);
                        let k = a.value * alpha / l;
                        fx += x * k;
                        fy += y * k;
                    }
                    c = a.skip as usize;
                    continue;
                }
                if a.first == NONE {
                    // Open the cell: its first child is next in pre-order.
                    c += 1;
                    continue;
                }
                c = a.skip as usize;
                if l >= dmax2 || a.value == 0.0 {
                    continue;
                }
                // A near leaf: exact interaction with each of its points (skipping self).
                if a.first as usize == i && self.tree.next[i] == NONE {
                    continue;
                }
                separate(&mut x, &mut y, &mut l, dmin2, rng);
                let mut p = a.first;
                while p != NONE {
                    let pu = p as usize;
                    if pu != i {
                        let k = self.strengths[pu] * alpha / l;
                        fx += x * k;
                        fy += y * k;
                    }
                    p = self.tree.next[pu];
                }
            }
            b.vx[i] += fx;
            b.vy[i] += fy;
        }
    }
}

/// d3's guards before dividing by the squared distance `l`: coincident coordinates get a tiny
/// random offset (so two nodes at one point still push apart), and very close pairs are treated as
/// `√(dmin² · l)` away (no huge forces).
fn separate(x: &mut f64, y: &mut f64, l: &mut f64, dmin2: f64, rng: &mut Lcg) {
    if *x == 0.0 {
        *x = rng.jiggle();
        *l += *x * *x;
    }
    if *y == 0.0 {
        *y = rng.jiggle();
        *l += *y * *y;
    }
    if *l < dmin2 {
        *l = (dmin2 * *l).sqrt();
    }
}
