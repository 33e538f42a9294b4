//! The timeline's scale: a [`Warp`] (days → warped days) followed by a linear [`TimeScale`]
//! (warped days → pixels). Marks, axis ticks, the overview strip with its brush, the current-date
//! line and every pixel → date conversion (brush, axis click, zoom) go through this one scale, so
//! what is drawn and what a click means cannot disagree.
//!
//! Zooming and panning happen in warped days, where the screen is linear: zooming by 2 halves the
//! visible warped span whatever the stretch of the story, and a window inside one calendar year is
//! plain linear time (a year is one piece of the story's warp). The window itself is kept in days
//! (the view state's `window`), so it means the same whatever the warp.
//!
//! Cost: `map` and `invert` are O(log knots); zooms O(log knots).
//!
//! ```
//! use powershift_core::timeline::{Warp, WarpedScale};
//! // Days 0..10 take the first half of 0..100 px, days 10..100 the second.
//! let warp = Warp::from_knots(&[(0.0, 0.0), (10.0, 50.0), (100.0, 100.0)]).unwrap();
//! let s = WarpedScale::new(warp, (0.0, 100.0), (0.0, 100.0));
//! assert_eq!(s.map_days(5.0), 25.0);
//! assert_eq!(s.invert(75.0), 55.0);
//! // Zooming in by 2 on day 55 keeps it at the centre: the window is 25 warped days either side.
//! let (a, b) = s.zoom_on(55.0, 2.0, (0.0, 100.0));
//! assert!((a - 10.0).abs() < 1e-9 && (b - 100.0).abs() < 1e-9);
//! ```

use crate::date::Date;

use super::scale::{ordered, DateScale, TimeScale, MIN_SPAN_DAYS};
use super::warp::Warp;

/// A date ⇄ pixel map through a [`Warp`]: monotone, continuous and invertible.
#[derive(Clone, Debug, PartialEq)]
pub struct WarpedScale {
    warp: Warp,
    /// The window in days, as given (ordered, at least a day).
    window: (f64, f64),
    /// Warped days → pixels.
    linear: TimeScale,
}

impl WarpedScale {
    /// The scale showing `window` (days, fractional allowed) on the pixel `range`, through `warp`.
    /// The window is put in order, and an empty one is made a day wide.
    pub fn new(warp: Warp, window: (f64, f64), range: (f64, f64)) -> WarpedScale {
        let (a, b) = ordered(window);
        // `!(b > a)` rather than `b <= a` so that a NaN bound also gets a usable width.
        let b = if b > a { b } else { a + 1.0 };
        let linear = TimeScale::from_days(warp.forward(a), warp.forward(b), range.0, range.1);
        WarpedScale { warp, window: (a, b), linear }
    }

    /// The warp.
    pub fn warp(&self) -> &Warp {
        &self.warp
    }

    /// The visible window in days.
    pub fn window(&self) -> (f64, f64) {
        self.window
    }

    /// The pixel range as given.
    pub fn range(&self) -> (f64, f64) {
        self.linear.range()
    }

    /// The pixel position of a (fractional) day.
    pub fn map_days(&self, days: f64) -> f64 {
        self.linear.map_days(self.warp.forward(days))
    }

    /// The pixel position of the start of a day.
    pub fn map(&self, date: Date) -> f64 {
        self.map_days(f64::from(date.days()))
    }

    /// The (fractional) day at a pixel position: the inverse of [`WarpedScale::map_days`].
    pub fn invert(&self, px: f64) -> f64 {
        self.warp.inverse(self.linear.invert(px))
    }

    /// The calendar day containing a pixel position.
    pub fn invert_date(&self, px: f64) -> Date {
        // `as` saturates (and maps NaN to 0), so an absurd pixel never panics.
        Date::from_days(self.invert(px).floor() as i32)
    }

    /// Pixels per day between two days (the mean over the stretch; exact within one piece of the
    /// warp). Zero when `a == b`.
    pub fn px_per_day_between(&self, a: f64, b: f64) -> f64 {
        if b == a {
            return 0.0;
        }
        (self.map_days(b) - self.map_days(a)) / (b - a)
    }

    /// The window (days) after zooming by `factor` about the pixel `anchor_px` (a wheel or pinch):
    /// the day under the anchor stays under it, unless the window has to shift to stay inside
    /// `bounds` (days). `factor > 1` zooms in. See [`WarpedScale::zoom_on`] for the limits.
    pub fn zoom_at(&self, anchor_px: f64, factor: f64, bounds: (f64, f64)) -> (f64, f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return self.window;
        }
        let (u0, u1) = self.linear.domain();
        let anchor = self.linear.invert(anchor_px);
        let t = (anchor - u0) / (u1 - u0);
        self.zoomed(anchor, t, factor, bounds)
    }

    /// The window (days) after zooming by `factor` so that the day `focus` (the selected event, or
    /// the current date) ends up at the centre, as far as `bounds` (days) allow: the zoom buttons.
    /// A focus outside the window is brought into it.
    ///
    /// The visible span in warped days is divided by `factor`; the window never gets longer than
    /// the bounds nor shorter than [`MIN_SPAN_DAYS`] days (unless the bounds are), and is shifted
    /// (not resized) back inside the bounds. A factor that is not finite and positive changes
    /// nothing.
    pub fn zoom_on(&self, focus: f64, factor: f64, bounds: (f64, f64)) -> (f64, f64) {
        if !(factor.is_finite() && factor > 0.0 && focus.is_finite()) {
            return self.window;
        }
        self.zoomed(self.warp.forward(focus), 0.5, factor, bounds)
    }

    /// The window whose warped span is this one's over `factor`, with the warped day `anchor` at the
    /// fraction `t` of it, kept inside `bounds` (days) and at least a week long.
    fn zoomed(&self, anchor: f64, t: f64, factor: f64, bounds: (f64, f64)) -> (f64, f64) {
        let (b0, b1) = ordered(bounds);
        let (ub0, ub1) = (self.warp.forward(b0), self.warp.forward(b1));
        let span = (self.linear.domain().1 - self.linear.domain().0) / factor;
        if span >= ub1 - ub0 {
            return (b0, b1);
        }
        let a = anchor - t * span;
        // Shift (not resize) into the bounds.
        let a = a.max(ub0).min(ub1 - span);
        let (d0, d1) = (self.warp.inverse(a).max(b0), self.warp.inverse(a + span).min(b1));
        let min = MIN_SPAN_DAYS.min(b1 - b0);
        if d1 - d0 >= min {
            return (d0, d1);
        }
        // Closer than a week: a week around the anchor's day, at the same place on screen.
        let day = self.warp.inverse(anchor);
        let start = day - t * min;
        TimeScale::clamp_window((start, start + min), (b0, b1))
    }
}

impl DateScale for WarpedScale {
    fn map_days(&self, days: f64) -> f64 {
        WarpedScale::map_days(self, days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days 0..10 onto the first half of 0..100 px, days 10..100 onto the second.
    fn scale() -> WarpedScale {
        let warp = Warp::from_knots(&[(0.0, 0.0), (10.0, 50.0), (100.0, 100.0)]).unwrap();
        WarpedScale::new(warp, (0.0, 100.0), (0.0, 100.0))
    }

    #[test]
    fn golden_positions_and_inverses() {
        let s = scale();
        assert_eq!((s.map_days(0.0), s.map_days(10.0), s.map_days(100.0)), (0.0, 50.0, 100.0));
        assert_eq!(s.map_days(55.0), 75.0);
        assert_eq!(s.invert(25.0), 5.0);
        assert_eq!(s.invert_date(25.9), Date::from_days(5));
        assert_eq!(s.px_per_day_between(0.0, 10.0), 5.0);
        assert_eq!(s.px_per_day_between(10.0, 100.0), 50.0 / 90.0);
        assert_eq!(s.window(), (0.0, 100.0));
    }

    #[test]
    fn a_linear_warp_is_the_linear_scale() {
        let s = WarpedScale::new(Warp::linear(), (10.0, 110.0), (0.0, 200.0));
        let t = TimeScale::from_days(10.0, 110.0, 0.0, 200.0);
        for x in [-5.0, 10.0, 37.5, 110.0, 300.0] {
            assert_eq!(s.map_days(x), t.map_days(x));
        }
        assert_eq!(s.invert(50.0), t.invert(50.0));
    }

    #[test]
    fn zoom_at_keeps_the_anchor_day_under_the_anchor() {
        let s = scale();
        let (a, b) = s.zoom_at(75.0, 4.0, (0.0, 100.0));
        let z = WarpedScale::new(s.warp().clone(), (a, b), (0.0, 100.0));
        assert!((z.invert(75.0) - 55.0).abs() < 1e-9, "{}", z.invert(75.0));
        // A quarter of the warped span: 25 warped days.
        assert!((s.warp().forward(b) - s.warp().forward(a) - 25.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_on_centres_the_focus_and_stays_inside_the_bounds() {
        let s = scale();
        // Day 55 is warped day 75: the window is warped 62.5..87.5, i.e. days 32.5..77.5.
        let (a, b) = s.zoom_on(55.0, 4.0, (0.0, 100.0));
        assert!((a - 32.5).abs() < 1e-9 && (b - 77.5).abs() < 1e-9, "{a} {b}");
        // At the end of the bounds the window is shifted back inside, ending at the bound.
        let (a, b) = s.zoom_on(100.0, 4.0, (0.0, 100.0));
        assert_eq!(b, 100.0);
        assert!((s.warp().forward(a) - 75.0).abs() < 1e-9);
        // Zooming out past the bounds gives the bounds.
        assert_eq!(s.zoom_on(50.0, 0.5, (0.0, 100.0)), (0.0, 100.0));
        // Bad factors change nothing.
        assert_eq!(s.zoom_on(50.0, f64::NAN, (0.0, 100.0)), s.window());
        assert_eq!(s.zoom_at(50.0, 0.0, (0.0, 100.0)), s.window());
    }

    #[test]
    fn zooming_stops_at_a_week_around_the_focus() {
        let s = scale();
        let (a, b) = s.zoom_on(50.0, 1e6, (0.0, 100.0));
        assert!((b - a - MIN_SPAN_DAYS).abs() < 1e-9);
        assert!((a + b) / 2.0 - 50.0 < 1e-9);
    }
}
