//! A point quadtree in flat arrays, rebuilt every tick, for Barnes–Hut repulsion and collision.
//!
//! Cells live in one `Vec` (an arena) and refer to their children by index; points in a leaf (more
//! than one only when they coincide or the depth limit is reached) form a linked list through
//! `next`. Children are always created after their parent, so iterating cells in **reverse** index
//! order visits every child before its parent: aggregates (total strength, centre of strength,
//! maximum radius) are computed in one backward pass with no recursion.
//!
//! Build: O(n log n) expected (O(n · depth) worst case, depth ≤ [`MAX_DEPTH`]). Memory: O(n).

/// No child / end of list.
pub const NONE: u32 = u32::MAX;
/// Beyond this depth coincident-ish points share a leaf instead of splitting forever.
pub const MAX_DEPTH: u32 = 40;

/// One square cell.
#[derive(Clone, Copy, Debug)]
pub struct Cell {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Side length.
    pub size: f64,
    /// Child cells (NW, NE, SW, SE) or [`NONE`]; all `NONE` for a leaf.
    pub children: [u32; 4],
    /// First point of a leaf, or [`NONE`].
    pub first: u32,
}

impl Cell {
    /// Whether the cell has no children.
    pub fn is_leaf(&self) -> bool {
        self.children == [NONE; 4]
    }
}

/// The tree.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    /// Cells; index 0 is the root.
    pub cells: Vec<Cell>,
    /// Next point in the same leaf, per point, or [`NONE`].
    pub next: Vec<u32>,
    depth: Vec<u32>,
}

impl QuadTree {
    /// Rebuilds the tree over points (`xs[i]`, `ys[i]`), reusing allocations.
    pub fn build(&mut self, xs: &[f64], ys: &[f64]) {
        let n = xs.len();
        self.cells.clear();
        self.depth.clear();
        self.next.clear();
        self.next.resize(n, NONE);
        if n == 0 {
            return;
        }
        // A square cover of all points, slightly enlarged so max-edge points fall inside.
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for i in 0..n {
            x0 = x0.min(xs[i]);
            y0 = y0.min(ys[i]);
            x1 = x1.max(xs[i]);
            y1 = y1.max(ys[i]);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9) * (1.0 + 1e-9) + 1e-9;
        self.cells.push(Cell { x0, y0, size, children: [NONE; 4], first: NONE });
        self.depth.push(0);
        for i in 0..n {
            self.insert(i as u32, xs, ys);
        }
    }

    fn quadrant(c: &Cell, x: f64, y: f64) -> usize {
        let h = c.size / 2.0;
        (usize::from(x >= c.x0 + h)) | (usize::from(y >= c.y0 + h) << 1)
    }

    fn child_cell(c: &Cell, q: usize) -> Cell {
        let h = c.size / 2.0;
        Cell {
            x0: c.x0 + if q & 1 == 1 { h } else { 0.0 },
            y0: c.y0 + if q & 2 == 2 { h } else { 0.0 },
            size: h,
            children: [NONE; 4],
            first: NONE,
        }
    }

    fn insert(&mut self, p: u32, xs: &[f64], ys: &[f64]) {
        let (x, y) = (xs[p as usize], ys[p as usize]);
        let mut c = 0usize;
        loop {
            let cell = self.cells[c];
            if !cell.is_leaf() {
                let q = Self::quadrant(&cell, x, y);
                let child = cell.children[q];
                if child == NONE {
                    let mut nc = Self::child_cell(&cell, q);
                    nc.first = p;
                    self.cells.push(nc);
                    self.depth.push(self.depth[c] + 1);
                    self.cells[c].children[q] = (self.cells.len() - 1) as u32;
                    return;
                }
                c = child as usize;
                continue;
            }
            // A leaf.
            if cell.first == NONE {
                self.cells[c].first = p;
                return;
            }
            let o = cell.first as usize;
            if (xs[o] == x && ys[o] == y) || self.depth[c] >= MAX_DEPTH {
                // Coincident (or too deep): chain.
                self.next[p as usize] = cell.first;
                self.cells[c].first = p;
                return;
            }
            // Split: move the existing chain into a child, then retry this point from here.
            let q = Self::quadrant(&cell, xs[o], ys[o]);
            let mut nc = Self::child_cell(&cell, q);
            nc.first = cell.first;
            self.cells.push(nc);
            self.depth.push(self.depth[c] + 1);
            let idx = (self.cells.len() - 1) as u32;
            self.cells[c].first = NONE;
            self.cells[c].children[q] = idx;
        }
    }

    /// Iterates the points of a leaf.
    pub fn points(&self, cell: &Cell) -> PointIter<'_> {
        PointIter { next: &self.next, at: cell.first }
    }
}

/// Points in one leaf.
#[derive(Debug)]
pub struct PointIter<'a> {
    next: &'a [u32],
    at: u32,
}

impl Iterator for PointIter<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.at == NONE {
            return None;
        }
        let p = self.at as usize;
        self.at = self.next[p];
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_is_in_exactly_one_leaf_that_contains_it() {
        let xs = [0.0, 10.0, 10.0, -5.0, 3.0, 3.0, 7.5];
        let ys = [0.0, 10.0, 10.0, 2.0, -8.0, 4.0, 1.0];
        let mut t = QuadTree::default();
        t.build(&xs, &ys);
        let mut seen = vec![0; xs.len()];
        for c in &t.cells {
            for p in t.points(c) {
                seen[p] += 1;
                assert!(c.is_leaf());
                assert!(xs[p] >= c.x0 && xs[p] <= c.x0 + c.size && ys[p] >= c.y0 && ys[p] <= c.y0 + c.size);
            }
        }
        assert_eq!(seen, vec![1; xs.len()]);
        // Children come after parents.
        for (i, c) in t.cells.iter().enumerate() {
            assert!(c.children.iter().all(|&ch| ch == NONE || ch as usize > i));
        }
    }

    #[test]
    fn coincident_points_share_a_leaf() {
        let mut t = QuadTree::default();
        t.build(&[1.0, 1.0, 1.0], &[2.0, 2.0, 2.0]);
        assert_eq!(t.cells.len(), 1);
        assert_eq!(t.points(&t.cells[0]).count(), 3);
    }
}
