//! Label placement: every node's name sits next to it without covering another label or node.
//!
//! Greedy candidate placement (the classic point-feature labelling heuristic; Christensen, Marks &
//! Shieber, "An empirical study of algorithms for point-feature label placement", ACM TOG 14(3),
//! 1995): nodes in order of importance try eight positions around themselves and take the first free
//! one. When none is free, the conflicting nodes are pushed apart a little and placement is redone,
//! up to a bounded number of rounds. Cost: O(rounds · n · 8 · n) with a linear scan, fine for the
//! story's tens of nodes; large graphs label only their biggest nodes.

use super::vec2::{Rect, Vec2};

/// What a label needs: its node and its text size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelInput {
    /// Node centre.
    pub pos: Vec2,
    /// Node radius.
    pub radius: f64,
    /// Label width.
    pub width: f64,
    /// Label height.
    pub height: f64,
}

/// Where a label went, relative to its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelSide {
    /// To the right, vertically centred.
    Right,
    /// To the left.
    Left,
    /// Below, centred.
    Below,
    /// Above, centred.
    Above,
    /// Diagonals.
    BelowRight,
    /// Diagonals.
    AboveRight,
    /// Diagonals.
    BelowLeft,
    /// Diagonals.
    AboveLeft,
}

const SIDES: [LabelSide; 8] = [
    LabelSide::Right,
    LabelSide::Below,
    LabelSide::Left,
    LabelSide::Above,
    LabelSide::BelowRight,
    LabelSide::AboveRight,
    LabelSide::BelowLeft,
    LabelSide::AboveLeft,
];

/// Gap between a node's disc and its label.
pub const GAP: f64 = 3.0;

/// The label box for a side.
pub fn label_rect(l: &LabelInput, side: LabelSide) -> Rect {
    let (p, r, w, h) = (l.pos, l.radius + GAP, l.width, l.height);
    let d = r * std::f64::consts::FRAC_1_SQRT_2;
    match side {
        LabelSide::Right => Rect::new(p.x + r, p.y - h / 2.0, p.x + r + w, p.y + h / 2.0),
        LabelSide::Left => Rect::new(p.x - r - w, p.y - h / 2.0, p.x - r, p.y + h / 2.0),
        LabelSide::Below => Rect::new(p.x - w / 2.0, p.y + r, p.x + w / 2.0, p.y + r + h),
        LabelSide::Above => Rect::new(p.x - w / 2.0, p.y - r - h, p.x + w / 2.0, p.y - r),
        LabelSide::BelowRight => Rect::new(p.x + d, p.y + d, p.x + d + w, p.y + d + h),
        LabelSide::AboveRight => Rect::new(p.x + d, p.y - d - h, p.x + d + w, p.y - d),
        LabelSide::BelowLeft => Rect::new(p.x - d - w, p.y + d, p.x - d, p.y + d + h),
        LabelSide::AboveLeft => Rect::new(p.x - d - w, p.y - d - h, p.x - d, p.y - d),
    }
}

/// Overlap counts of a placement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Overlaps {
    /// Pairs of labels whose boxes intersect.
    pub label_label: usize,
    /// (label, other node) pairs where the box intersects the node's disc.
    pub label_node: usize,
}

impl Overlaps {
    /// Total.
    pub fn total(&self) -> usize {
        self.label_label + self.label_node
    }
}

/// Counts overlaps between label boxes and between boxes and other nodes' discs. O(n²).
pub fn count_overlaps(inputs: &[LabelInput], rects: &[Rect]) -> Overlaps {
    let mut o = Overlaps::default();
    for i in 0..rects.len() {
        for j in (i + 1)..rects.len() {
            if rects[i].overlaps(&rects[j]) {
                o.label_label += 1;
            }
        }
        for (j, n) in inputs.iter().enumerate() {
            if i != j && rects[i].overlaps_circle(n.pos, n.radius) {
                o.label_node += 1;
            }
        }
    }
    o
}

fn conflicts(inputs: &[LabelInput], placed: &[Option<Rect>], i: usize, rect: &Rect) -> Vec<usize> {
    let mut c = Vec::new();
    for (j, n) in inputs.iter().enumerate() {
        if j != i && (rect.overlaps_circle(n.pos, n.radius) || placed[j].is_some_and(|p| p.overlaps(rect))) {
            c.push(j);
        }
    }
    c
}

/// Places labels for nodes in `order` (most important first). Returns each node's side and box and
/// the node positions, which may have been nudged apart to make room. Deterministic.
pub fn place_labels(
    inputs: &[LabelInput],
    order: &[usize],
    max_rounds: usize,
) -> (Vec<Vec2>, Vec<LabelSide>, Vec<Rect>) {
    let mut nodes: Vec<LabelInput> = inputs.to_vec();
    let n = nodes.len();
    let mut sides = vec![LabelSide::Right; n];
    for _round in 0..=max_rounds {
        let mut placed: Vec<Option<Rect>> = vec![None; n];
        let mut pushes: Vec<(usize, usize)> = Vec::new();
        for &i in order {
            let mut best: Option<(usize, LabelSide, Rect, Vec<usize>)> = None;
            for side in SIDES {
                let rect = label_rect(&nodes[i], side);
                let c = conflicts(&nodes, &placed, i, &rect);
                if best.as_ref().is_none_or(|b| c.len() < b.0) {
                    let done = c.is_empty();
                    best = Some((c.len(), side, rect, c));
                    if done {
                        break;
                    }
                }
            }
            let (_, side, rect, c) = best.expect("eight candidates");
            sides[i] = side;
            placed[i] = Some(rect);
            pushes.extend(c.into_iter().map(|j| (i, j)));
        }
        // Nodes also must not overlap each other.
        for i in 0..n {
            for j in (i + 1)..n {
                if nodes[i].pos.distance(nodes[j].pos) < nodes[i].radius + nodes[j].radius + GAP {
                    pushes.push((i, j));
                }
            }
        }
        if pushes.is_empty() {
            let rects = placed.into_iter().map(|r| r.expect("every node placed")).collect();
            return (nodes.iter().map(|l| l.pos).collect(), sides, rects);
        }
        // Push each conflicting pair apart along the line between them by a few pixels.
        let mut shift = vec![Vec2::default(); n];
        for (a, b) in pushes {
            let mut d = nodes[b].pos - nodes[a].pos;
            if d.length() < 1e-9 {
                d = Vec2::new(1.0, 0.0);
            }
            let step = d.normalized() * 4.0;
            shift[b] += step;
            shift[a] += step * -1.0;
        }
        for i in 0..n {
            nodes[i].pos += shift[i];
        }
    }
    // Out of rounds: keep the best effort (overlaps are then counted and reported).
    let mut rects = Vec::with_capacity(n);
    for i in 0..n {
        rects.push(label_rect(&nodes[i], sides[i]));
    }
    (nodes.iter().map(|l| l.pos).collect(), sides, rects)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(x: f64, y: f64) -> LabelInput {
        LabelInput { pos: Vec2::new(x, y), radius: 8.0, width: 50.0, height: 14.0 }
    }

    #[test]
    fn a_crowded_cluster_ends_with_no_overlap() {
        let inputs: Vec<LabelInput> =
            (0..12).map(|i| input(f64::from(i % 4) * 20.0, f64::from(i / 4) * 20.0)).collect();
        let order: Vec<usize> = (0..12).collect();
        let (pos, _, rects) = place_labels(&inputs, &order, 200);
        let moved: Vec<LabelInput> = inputs.iter().zip(&pos).map(|(l, p)| LabelInput { pos: *p, ..*l }).collect();
        assert_eq!(count_overlaps(&moved, &rects), Overlaps::default());
    }

    #[test]
    fn a_lone_node_keeps_its_label_on_the_right() {
        let (pos, sides, rects) = place_labels(&[input(0.0, 0.0)], &[0], 10);
        assert_eq!(pos, vec![Vec2::new(0.0, 0.0)]);
        assert_eq!(sides, vec![LabelSide::Right]);
        assert_eq!(rects[0], Rect::new(11.0, -7.0, 61.0, 7.0));
    }
}
