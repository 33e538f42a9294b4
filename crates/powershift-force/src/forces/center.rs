//! Centring: translates all nodes so their mean sits at a point (d3's `forceCenter`). It moves
//! positions, not velocities, so it does not change the shape. O(n).

use crate::rng::Lcg;
use crate::simulation::{Bodies, Force};

/// The centring force.
#[derive(Clone, Debug)]
pub struct Center {
    /// Target x.
    pub x: f64,
    /// Target y.
    pub y: f64,
    /// Fraction of the offset corrected per tick (1 = all).
    pub strength: f64,
}

impl Center {
    /// Centres on (x, y) with strength 1.
    pub fn new(x: f64, y: f64) -> Center {
        Center { x, y, strength: 1.0 }
    }
}

impl Force for Center {
    fn apply(&mut self, _alpha: f64, b: &mut Bodies, _rng: &mut Lcg) {
        let n = b.len();
        if n == 0 {
            return;
        }
        let (mut sx, mut sy) = (0.0, 0.0);
        for i in 0..n {
            sx += b.x[i];
            sy += b.y[i];
        }
        let dx = (sx / n as f64 - self.x) * self.strength;
        let dy = (sy / n as f64 - self.y) * self.strength;
        for i in 0..n {
            b.x[i] -= dx;
            b.y[i] -= dy;
        }
    }
}
