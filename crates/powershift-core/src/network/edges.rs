//! Edge geometry: parallel agreements between the same two organisations are drawn as separate
//! curves, fanned symmetrically around the straight line.

use super::vec2::{Rect, Vec2};

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

    /// Distance from `p` to the curve, measured on 32 chords (well under a pixel at the network's
    /// sizes). O(1).
    pub fn distance_to(&self, p: Vec2) -> f64 {
        const STEPS: usize = 32;
        let mut best = f64::INFINITY;
        let mut prev = self.at(0.0);
        for k in 1..=STEPS {
            let next = self.at(k as f64 / STEPS as f64);
            let d = next - prev;
            let len2 = d.x * d.x + d.y * d.y;
            let t =
                if len2 > 0.0 { (((p.x - prev.x) * d.x + (p.y - prev.y) * d.y) / len2).clamp(0.0, 1.0) } else { 0.0 };
            best = best.min(p.distance(prev + d * t));
            prev = next;
        }
        best
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

/// Above this many discs curves are not bent ([`bend_around`] is O(n) a curve, O(m · n) a
/// drawing: it took a 1 000-organisation date from 2 ms to 109 ms natively, for graphs too dense to
/// read line by line anyway).
pub const BEND_MAX_NODES: usize = 300;

/// What curves keep clear of: every disc (centre, radius) and every label box.
#[derive(Clone, Copy, Debug)]
pub struct Obstacles<'a> {
    /// Disc centres.
    pub pos: &'a [Vec2],
    /// Disc radii.
    pub radius: &'a [f64],
    /// Label boxes (parallel to `pos`; `None` for unlabelled discs, or empty for none at all).
    pub labels: &'a [Option<Rect>],
}

/// The curve bent away from any disc or label it would otherwise run under (an edge passing
/// through an organisation it does not connect reads as if it did, and cannot be clicked there).
/// The obstacle that intrudes most pushes the curve's middle to the other side, `margin` clear of
/// it; a label counts with its half-extent across the edge. One pass, so a curve threading between
/// two obstacles may still touch one. The two ends' own discs are not obstacles; their labels are.
/// O(n) for n discs.
pub fn bend_around(curve: Curve, ends: (usize, usize), obstacles: Obstacles<'_>, margin: f64) -> Curve {
    let (a, b) = (curve.start, curve.end);
    let dir = (b - a).normalized();
    if dir == Vec2::default() {
        return curve;
    }
    let normal = dir.perp();
    let len = a.distance(b);
    let mut worst: Option<(f64, f64)> = None; // (overlap, side)
    let mut consider = |centre: Vec2, reach: f64| {
        let along = (centre.x - a.x) * dir.x + (centre.y - a.y) * dir.y;
        if along <= 0.0 || along >= len {
            return;
        }
        let overlap = reach + margin - curve.distance_to(centre);
        if overlap > 0.0 && worst.is_none_or(|w| overlap > w.0) {
            let side = (centre.x - a.x) * normal.x + (centre.y - a.y) * normal.y;
            worst = Some((overlap, if side >= 0.0 { -1.0 } else { 1.0 }));
        }
    };
    for (i, (&p, &r)) in obstacles.pos.iter().zip(obstacles.radius).enumerate() {
        if i != ends.0 && i != ends.1 {
            consider(p, r);
        }
        // Labels, the ends' own included: a short line would otherwise run under its end's name.
        if let Some(Some(l)) = obstacles.labels.get(i) {
            // A box's half-extent across the edge.
            let reach = (normal.x.abs() * l.width() + normal.y.abs() * l.height()) / 2.0;
            consider(l.center(), reach);
        }
    }
    match worst {
        // Moving the control point by 2δ moves the curve's middle by δ.
        Some((overlap, side)) => Curve { control: curve.control + normal * (2.0 * overlap * side), ..curve },
        None => curve,
    }
}

/// Curves for many edges at once: `ends[i]` = (from, to) as indices into `pos`/`radius`. Edges
/// between the same pair are fanned in input order, so the same list always gives the same picture,
/// and every lone curve (not a fan) is bent around the discs and labels it would run under
/// ([`bend_around`]).
/// O(m log m + m · n).
pub fn edge_curves(obstacles: Obstacles<'_>, ends: &[(usize, usize)], spacing: f64) -> Vec<Curve> {
    let (pos, radius) = (obstacles.pos, obstacles.radius);
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
            // A fan keeps its own spacing; a lone line steers clear of what it would run under
            // (O(n) a curve: left out for big graphs, drawn without hit areas anyway).
            if size[&k] == 1 && pos.len() <= BEND_MAX_NODES {
                bend_around(c, (a, b), obstacles, spacing / 2.0)
            } else {
                c
            }
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
    fn a_curve_is_bent_clear_of_a_disc_it_would_run_under() {
        let pos = [Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), Vec2::new(50.0, 2.0)];
        let radius = [5.0, 5.0, 8.0];
        let straight = parallel_curve(pos[0], 5.0, pos[1], 5.0, 0, 1, true, 12.0);
        assert!(straight.distance_to(pos[2]) < 8.0, "the disc sits on the straight line");
        let obstacles = Obstacles { pos: &pos, radius: &radius, labels: &[] };
        let bent = bend_around(straight, (0, 1), obstacles, 6.0);
        assert!(bent.distance_to(pos[2]) >= 8.0 + 6.0 - 0.5, "{}", bent.distance_to(pos[2]));
        assert!(bent.at(0.5).y < 0.0, "away from the disc, which is below the line");
        // A disc well clear of the line leaves it alone.
        let far = [Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), Vec2::new(50.0, 40.0)];
        assert_eq!(bend_around(straight, (0, 1), Obstacles { pos: &far, radius: &radius, labels: &[] }, 6.0), straight);
        // A label lying across the line bends it too.
        let label = Rect::new(40.0, -4.0, 90.0, 10.0);
        let pos3 = [Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), Vec2::new(35.0, 60.0)];
        let labels = [None, None, Some(label)];
        let around = bend_around(straight, (0, 1), Obstacles { pos: &pos3, radius: &radius, labels: &labels }, 4.0);
        assert!(around.at(0.5).y < -4.0 || around.at(0.5).y > 10.0, "{:?}", around.at(0.5));
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
