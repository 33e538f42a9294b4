//! Edge geometry: parallel agreements between the same two organisations are drawn as separate
//! curves, fanned symmetrically around the straight line.

use super::vec2::Vec2;

/// A quadratic Bézier from `start` to `end` with control point `control` (a straight line when the
/// control point is the midpoint).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Curve {
    /// Start, on the source node's rim.
    pub start: Vec2,
    /// Control point.
    pub control: Vec2,
    /// End, on the target node's rim.
    pub end: Vec2,
}

impl Curve {
    /// The point at parameter t ∈ [0, 1].
    pub fn at(&self, t: f64) -> Vec2 {
        let a = self.start.lerp(self.control, t);
        let b = self.control.lerp(self.end, t);
        a.lerp(b, t)
    }

    /// SVG path data: `M x y Q cx cy x y`, numbers written by [`crate::svg::num`].
    pub fn svg_path(&self) -> String {
        use crate::svg::num;
        format!(
            "M{} {} Q{} {} {} {}",
            num(self.start.x),
            num(self.start.y),
            num(self.control.x),
            num(self.control.y),
            num(self.end.x),
            num(self.end.y)
        )
    }
}

/// Curves for `k` parallel edges between two nodes. `slot` is this edge's index among them (0..k),
/// `canonical` says whether the edge runs from the lower- to the higher-indexed node, so the fan
/// is the same whichever direction each agreement points. `spacing` is the gap between neighbouring
/// curves at their middle. Ends are trimmed to the node rims.
#[allow(clippy::too_many_arguments)]
pub fn parallel_curve(
    from: Vec2,
    from_radius: f64,
    to: Vec2,
    to_radius: f64,
    slot: usize,
    k: usize,
    canonical: bool,
    spacing: f64,
) -> Curve {
    let offset = (slot as f64 - (k as f64 - 1.0) / 2.0) * spacing;
    // The perpendicular of the canonical direction (lower → higher index).
    let (a, b) = if canonical { (from, to) } else { (to, from) };
    let dir = (b - a).normalized();
    let normal = dir.perp();
    // A quadratic Bézier's middle is halfway to its control point: double the offset.
    let control = from.lerp(to, 0.5) + normal * (2.0 * offset);
    let start = from + (control - from).normalized() * from_radius;
    let end = to + (control - to).normalized() * to_radius;
    Curve { start, control, end }
}

/// Curves for many edges at once: `ends[i]` = (from, to) as indices into `pos`/`radius`. Edges
/// between the same pair are fanned in input order, so the same list always gives the same picture.
/// O(m log m).
pub fn edge_curves(pos: &[Vec2], radius: &[f64], ends: &[(usize, usize)], spacing: f64) -> Vec<Curve> {
    use std::collections::BTreeMap;
    let key = |&(a, b): &(usize, usize)| (a.min(b), a.max(b));
    let mut size: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for e in ends {
        *size.entry(key(e)).or_insert(0) += 1;
    }
    let mut next: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    ends.iter()
        .map(|e @ &(a, b)| {
            let k = key(e);
            let slot = next.entry(k).or_insert(0);
            let c = parallel_curve(pos[a], radius[a], pos[b], radius[b], *slot, size[&k], a < b, spacing);
            *slot += 1;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_edge_is_straight_and_trimmed() {
        let c = parallel_curve(Vec2::new(0.0, 0.0), 10.0, Vec2::new(100.0, 0.0), 5.0, 0, 1, true, 12.0);
        assert_eq!(c.start, Vec2::new(10.0, 0.0));
        assert_eq!(c.end, Vec2::new(95.0, 0.0));
        assert_eq!(c.control, Vec2::new(50.0, 0.0));
        assert_eq!(c.svg_path(), "M10 0 Q50 0 95 0");
    }

    #[test]
    fn parallel_edges_fan_out_symmetrically_whatever_their_direction() {
        let (p, q) = (Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0));
        let a = parallel_curve(p, 0.0, q, 0.0, 0, 2, true, 12.0);
        let b = parallel_curve(q, 0.0, p, 0.0, 1, 2, false, 12.0);
        // Middles 12 px apart, on opposite sides of the line.
        assert!((a.at(0.5).y + 6.0).abs() < 1e-9, "{:?}", a.at(0.5));
        assert!((b.at(0.5).y - 6.0).abs() < 1e-9, "{:?}", b.at(0.5));
    }
}
