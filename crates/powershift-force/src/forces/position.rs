//! Positioning: pulls each node towards its own target point (d3's `forceX` + `forceY`). With one
//! shared target it is gravity towards the centre; with per-node targets it is the **anchor** that
//! holds a date's layout near the global layout (temporal stability). O(n).

use crate::rng::Lcg;
use crate::simulation::{Bodies, Force};
use crate::vec2::Vec2;

/// The positioning force.
#[derive(Clone, Debug)]
pub struct Position {
    targets: Vec<Vec2>,
    strengths: Vec<f64>,
}

impl Position {
    /// Every node towards `target` with `strength` (d3's default is 0.1).
    pub fn towards(n: usize, target: Vec2, strength: f64) -> Position {
        Position { targets: vec![target; n], strengths: vec![strength; n] }
    }

    /// Node `i` towards `targets[i]` with `strengths[i]`.
    pub fn anchors(targets: Vec<Vec2>, strengths: Vec<f64>) -> Position {
        assert_eq!(targets.len(), strengths.len(), "one strength per target");
        Position { targets, strengths }
    }
}

impl Force for Position {
    fn apply(&mut self, alpha: f64, b: &mut Bodies, _rng: &mut Lcg) {
        for i in 0..b.len().min(self.targets.len()) {
            let k = self.strengths[i] * alpha;
            b.vx[i] += (self.targets[i].x - b.x[i]) * k;
            b.vy[i] += (self.targets[i].y - b.y[i]) * k;
        }
    }
}
