//! The core's own 2-D vector and rectangle, so layouts are testable without any UI library.

use std::ops::{Add, AddAssign, Mul, Sub};

/// A point or displacement in layout units.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Vec2 {
    /// Horizontal.
    pub x: f64,
    /// Vertical (down, as on screen).
    pub y: f64,
}

impl Vec2 {
    /// A vector.
    pub const fn new(x: f64, y: f64) -> Vec2 {
        Vec2 { x, y }
    }
    /// Euclidean length.
    pub fn length(self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }
    /// Distance to another point.
    pub fn distance(self, o: Vec2) -> f64 {
        (self - o).length()
    }
    /// Linear interpolation: exactly `self` at t = 0 and exactly `o` at t = 1 (the weighted form,
    /// so an animation ends precisely on the layout).
    pub fn lerp(self, o: Vec2, t: f64) -> Vec2 {
        Vec2::new(self.x * (1.0 - t) + o.x * t, self.y * (1.0 - t) + o.y * t)
    }
    /// Rotated a quarter turn (perpendicular).
    pub fn perp(self) -> Vec2 {
        Vec2::new(-self.y, self.x)
    }
    /// Unit vector in the same direction, or zero.
    pub fn normalized(self) -> Vec2 {
        let l = self.length();
        if l > 0.0 {
            Vec2::new(self.x / l, self.y / l)
        } else {
            Vec2::default()
        }
    }
}

impl Add for Vec2 {
    type Output = Vec2;
    fn add(self, o: Vec2) -> Vec2 {
        Vec2::new(self.x + o.x, self.y + o.y)
    }
}
impl AddAssign for Vec2 {
    fn add_assign(&mut self, o: Vec2) {
        self.x += o.x;
        self.y += o.y;
    }
}
impl Sub for Vec2 {
    type Output = Vec2;
    fn sub(self, o: Vec2) -> Vec2 {
        Vec2::new(self.x - o.x, self.y - o.y)
    }
}
impl Mul<f64> for Vec2 {
    type Output = Vec2;
    fn mul(self, k: f64) -> Vec2 {
        Vec2::new(self.x * k, self.y * k)
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Rect {
    /// Top-left corner.
    pub min: Vec2,
    /// Bottom-right corner.
    pub max: Vec2,
}

impl Rect {
    /// The rectangle spanning two corners.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { min: Vec2::new(x0.min(x1), y0.min(y1)), max: Vec2::new(x0.max(x1), y0.max(y1)) }
    }
    /// A rectangle of a size centred on a point.
    pub fn centered(c: Vec2, w: f64, h: f64) -> Rect {
        Rect::new(c.x - w / 2.0, c.y - h / 2.0, c.x + w / 2.0, c.y + h / 2.0)
    }
    /// Width.
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }
    /// Height.
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }
    /// Centre.
    pub fn center(&self) -> Vec2 {
        self.min.lerp(self.max, 0.5)
    }
    /// Whether the interiors intersect (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.min.x < o.max.x && o.min.x < self.max.x && self.min.y < o.max.y && o.min.y < self.max.y
    }
    /// Whether the rectangle's interior intersects a circle's.
    pub fn overlaps_circle(&self, c: Vec2, r: f64) -> bool {
        let nx = c.x.clamp(self.min.x, self.max.x);
        let ny = c.y.clamp(self.min.y, self.max.y);
        let (dx, dy) = (c.x - nx, c.y - ny);
        dx * dx + dy * dy < r * r
    }
    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect::new(self.min.x.min(o.min.x), self.min.y.min(o.min.y), self.max.x.max(o.max.x), self.max.y.max(o.max.y))
    }
    /// The smallest rectangle holding all of `rects`, or `None` for none. O(n).
    pub fn union_all(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
        rects.into_iter().reduce(|a, b| a.union(&b))
    }
    /// Grown by `m` on every side.
    pub fn inflate(&self, m: f64) -> Rect {
        Rect::new(self.min.x - m, self.min.y - m, self.max.x + m, self.max.y + m)
    }
    /// Grown out to whole multiples of `step` on both axes (itself when `step` is not positive):
    /// the smallest such box holding it, so boxes that differ by less than a step often agree.
    pub fn snapped_out(&self, step: f64) -> Rect {
        if step <= 0.0 || !step.is_finite() {
            return *self;
        }
        let (down, up) = (|v: f64| (v / step).floor() * step, |v: f64| (v / step).ceil() * step);
        Rect::new(down(self.min.x), down(self.min.y), up(self.max.x), up(self.max.y))
    }
}
