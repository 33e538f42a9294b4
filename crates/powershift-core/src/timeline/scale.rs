//! A linear time scale: dates ⇄ pixels, with zoom and pan.
//!
//! The domain is kept as `f64` days since 1970-01-01 rather than as [`Date`]s, because a zoomed or
//! panned view rarely starts on a day boundary: an integer domain would make the anchor of a zoom
//! drift by up to a day per wheel step. Everything is plain IEEE-754 arithmetic (`+ - * /` and
//! `floor`), so a scale gives bit-identical results natively and in WebAssembly.
//!
//! A scale is an immutable value: [`TimeScale::zoom`] and [`TimeScale::pan`] return a new one, which
//! keeps view-state updates pure (`old scale + gesture → new scale`). Every operation is O(1).

use crate::date::Date;

/// The shortest domain a zoom may produce, in days: closer than a week the story's day-precision
/// dates stop being meaningful and the axis runs out of labels.
pub const MIN_SPAN_DAYS: f64 = 7.0;

/// A linear map from a date domain (days, fractional allowed) onto a pixel range.
///
/// `map(domain.0) == range.0` and `map(domain.1) == range.1`. The domain is always increasing and at
/// least a day wide when built from dates; the range may be given in either direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl TimeScale {
    /// The scale mapping `domain_start` to `range_start` and `domain_end` to `range_end`.
    ///
    /// The dates are put in order if given reversed, and an empty domain (`start == end`) is treated
    /// as one day wide (`start .. start + 1`) so nothing ever divides by zero.
    pub fn new(domain_start: Date, domain_end: Date, range_start: f64, range_end: f64) -> TimeScale {
        let (a, b) = (domain_start.min(domain_end), domain_start.max(domain_end));
        TimeScale::from_days(f64::from(a.days()), f64::from(b.days()), range_start, range_end)
    }

    /// The scale for a fractional domain in days since 1970-01-01 (what zoom and pan produce).
    ///
    /// Like [`TimeScale::new`], the bounds are ordered and an empty domain becomes one day wide.
    pub fn from_days(domain_start: f64, domain_end: f64, range_start: f64, range_end: f64) -> TimeScale {
        let (d0, d1) = if domain_end < domain_start { (domain_end, domain_start) } else { (domain_start, domain_end) };
        // `!(d1 > d0)` rather than `d1 <= d0` so that a NaN bound also gets a usable width.
        let d1 = if d1 > d0 { d1 } else { d0 + 1.0 };
        TimeScale { d0, d1, r0: range_start, r1: range_end }
    }

    /// The same domain onto another pixel range (the view was resized).
    pub fn with_range(&self, range_start: f64, range_end: f64) -> TimeScale {
        TimeScale { r0: range_start, r1: range_end, ..*self }
    }

    /// The domain `(start, end)` in days since 1970-01-01; `start < end`.
    pub fn domain(&self) -> (f64, f64) {
        (self.d0, self.d1)
    }

    /// The pixel range `(start, end)` as given.
    pub fn range(&self) -> (f64, f64) {
        (self.r0, self.r1)
    }

    /// The number of days in the domain (always positive).
    pub fn span_days(&self) -> f64 {
        self.d1 - self.d0
    }

    /// Pixels per day; negative when the range runs right to left, zero for an empty range.
    pub fn px_per_day(&self) -> f64 {
        (self.r1 - self.r0) / (self.d1 - self.d0)
    }

    /// The pixel position of the start of a day.
    pub fn map(&self, date: Date) -> f64 {
        self.map_days(f64::from(date.days()))
    }

    /// The pixel position of a (fractional) day number.
    pub fn map_days(&self, days: f64) -> f64 {
        // Multiply before dividing: a year onto as many pixels as it has days then maps whole days to
        // exact whole pixels (60 × 366 / 366 is exact; 60 / 366 × 366 is not).
        self.r0 + (days - self.d0) * (self.r1 - self.r0) / (self.d1 - self.d0)
    }

    /// The (fractional) day number at a pixel position. An empty range cannot be inverted and
    /// gives the domain start.
    pub fn invert(&self, px: f64) -> f64 {
        let width = self.r1 - self.r0;
        if width == 0.0 {
            return self.d0;
        }
        self.d0 + (px - self.r0) * (self.d1 - self.d0) / width
    }

    /// The calendar day containing a pixel position (the fractional day rounded down).
    pub fn invert_date(&self, px: f64) -> Date {
        // `as` saturates (and maps NaN to 0), so an absurd pixel never panics.
        Date::from_days(self.invert(px).floor() as i32)
    }

    /// Zooms by `factor` around the pixel `anchor_px`: `factor > 1` zooms in (shows `1/factor` as many
    /// days), `factor < 1` zooms out. The date under `anchor_px` stays under it.
    ///
    /// Zooming in stops at [`MIN_SPAN_DAYS`] (a domain already shorter than that is never made
    /// shorter). A factor that is not finite and positive leaves the scale unchanged.
    pub fn zoom(&self, anchor_px: f64, factor: f64) -> TimeScale {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let span = self.span_days();
        let new_span = (span / factor).max(MIN_SPAN_DAYS.min(span));
        self.with_span_around(anchor_px, new_span)
    }

    /// [`TimeScale::zoom`] that also keeps the domain inside `bounds` (days, e.g. the story's time
    /// range): the domain never gets longer than the bounds, and is shifted back inside them when a
    /// zoom out near an edge would cross it. Only then does the anchor date move.
    pub fn zoom_within(&self, anchor_px: f64, factor: f64, bounds: (f64, f64)) -> TimeScale {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let (b0, b1) = ordered(bounds);
        let span = self.span_days();
        let new_span = (span / factor).max(MIN_SPAN_DAYS.min(span));
        if new_span >= b1 - b0 {
            // Set the bounds exactly: `d0 + span` could round an ulp past them.
            return TimeScale::from_days(b0, b1, self.r0, self.r1);
        }
        self.with_span_around(anchor_px, new_span).clamped_to(b0, b1)
    }

    /// Moves the view by `dx_px` pixels as a drag would: the content follows the pointer, so a
    /// positive `dx_px` (drag right, on a left-to-right range) reveals earlier dates. An empty range
    /// cannot be panned and is returned unchanged.
    pub fn pan(&self, dx_px: f64) -> TimeScale {
        let width = self.r1 - self.r0;
        if width == 0.0 || !dx_px.is_finite() {
            return *self;
        }
        let dd = dx_px * self.span_days() / width;
        TimeScale { d0: self.d0 - dd, d1: self.d1 - dd, ..*self }
    }

    /// [`TimeScale::pan`] that stops at `bounds` (days): the domain is shifted back inside them. A
    /// domain longer than the bounds is aligned to their start.
    pub fn pan_within(&self, dx_px: f64, bounds: (f64, f64)) -> TimeScale {
        let (b0, b1) = ordered(bounds);
        let panned = self.pan(dx_px);
        if panned.span_days() > b1 - b0 {
            return TimeScale { d0: b0, d1: b0 + panned.span_days(), ..panned };
        }
        panned.clamped_to(b0, b1)
    }

    /// A window `(start, end)` in days made valid inside `bounds`: ordered, at least
    /// [`MIN_SPAN_DAYS`] long (unless the bounds are shorter), no longer than the bounds, and
    /// shifted (not resized) to lie within them. The view's reducer keeps the timeline's window
    /// with this. O(1).
    ///
    /// ```
    /// use powershift_core::timeline::TimeScale;
    /// assert_eq!(TimeScale::clamp_window((50.0, 10.0), (0.0, 100.0)), (10.0, 50.0));
    /// assert_eq!(TimeScale::clamp_window((98.0, 99.0), (0.0, 100.0)), (93.0, 100.0));
    /// assert_eq!(TimeScale::clamp_window((-50.0, 500.0), (0.0, 100.0)), (0.0, 100.0));
    /// ```
    pub fn clamp_window(window: (f64, f64), bounds: (f64, f64)) -> (f64, f64) {
        let (b0, b1) = ordered(bounds);
        let (a, b) = ordered(window);
        let span = (b - a).max(MIN_SPAN_DAYS).min(b1 - b0);
        TimeScale::from_days(a, a + span, 0.0, 1.0).clamped_to(b0, b1).domain()
    }

    /// This scale's domain resized to `span` days, keeping the day under `anchor_px` in place.
    fn with_span_around(&self, anchor_px: f64, span: f64) -> TimeScale {
        let anchor = self.invert(anchor_px);
        // The anchor's position as a fraction of the domain is what a fixed anchor preserves.
        let t = (anchor - self.d0) / self.span_days();
        let d0 = anchor - t * span;
        TimeScale::from_days(d0, d0 + span, self.r0, self.r1)
    }

    /// The domain, no longer than the bounds, shifted (not resized) to lie within `[b0, b1]`. Both
    /// ends are clipped to the bounds, so `b0 + span` rounding an ulp too far never pokes outside.
    fn clamped_to(&self, b0: f64, b1: f64) -> TimeScale {
        let span = self.span_days();
        let (d0, d1) = if self.d0 < b0 {
            (b0, (b0 + span).min(b1))
        } else if self.d1 > b1 {
            ((b1 - span).max(b0), b1)
        } else {
            return *self;
        };
        TimeScale { d0, d1, ..*self }
    }
}

/// What lane packing needs of a scale: where a day goes on screen. Implemented by the linear
/// [`TimeScale`] and by the timeline's [`WarpedScale`](super::WarpedScale), so the same layout code
/// serves both.
pub trait DateScale {
    /// The pixel position of a (fractional) day number.
    fn map_days(&self, days: f64) -> f64;

    /// The pixel position of the start of a day.
    fn map(&self, date: Date) -> f64 {
        self.map_days(f64::from(date.days()))
    }
}

impl DateScale for TimeScale {
    fn map_days(&self, days: f64) -> f64 {
        TimeScale::map_days(self, days)
    }
}

/// `(min, max)` of a pair.
pub(crate) fn ordered((a, b): (f64, f64)) -> (f64, f64) {
    if b < a {
        (b, a)
    } else {
        (a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn year_2020() -> TimeScale {
        TimeScale::new(d(2020, 1, 1), d(2021, 1, 1), 0.0, 366.0)
    }

    #[test]
    fn a_leap_year_onto_its_days_maps_whole_days_to_whole_pixels() {
        let s = year_2020();
        assert_eq!(s.map(d(2020, 1, 1)), 0.0);
        assert_eq!(s.map(d(2020, 3, 1)), 60.0);
        assert_eq!(s.map(d(2020, 12, 31)), 365.0);
        assert_eq!(s.map(d(2021, 1, 1)), 366.0);
        assert_eq!(s.px_per_day(), 1.0);
        assert_eq!(s.invert_date(60.0), d(2020, 3, 1));
        assert_eq!(s.invert_date(60.999), d(2020, 3, 1));
        assert_eq!(s.invert_date(-0.5), d(2019, 12, 31));
    }

    #[test]
    fn golden_numbers_on_a_scaled_and_offset_range() {
        // 2024-01-01..2025-01-01 (366 days) onto 100..832: two pixels a day.
        let s = TimeScale::new(d(2024, 1, 1), d(2025, 1, 1), 100.0, 832.0);
        assert_eq!(s.px_per_day(), 2.0);
        assert_eq!(s.map(d(2024, 7, 1)), 100.0 + 2.0 * 182.0);
        assert_eq!(s.invert(101.0), f64::from(d(2024, 1, 1).days()) + 0.5);
        assert_eq!(s.domain(), (19_723.0, 20_089.0));
        assert_eq!(s.range(), (100.0, 832.0));
    }

    #[test]
    fn a_reversed_range_maps_right_to_left() {
        let s = TimeScale::new(d(2020, 1, 1), d(2021, 1, 1), 366.0, 0.0);
        assert_eq!(s.map(d(2020, 3, 1)), 306.0);
        assert_eq!(s.invert_date(306.0), d(2020, 3, 1));
        assert_eq!(s.px_per_day(), -1.0);
    }

    #[test]
    fn degenerate_domains_and_ranges_do_not_divide_by_zero() {
        let day = d(2020, 5, 5);
        let s = TimeScale::new(day, day, 0.0, 100.0);
        assert_eq!(s.span_days(), 1.0);
        assert_eq!(s.map(day), 0.0);
        assert_eq!(s.map(day.add_days(1)), 100.0);
        assert_eq!(s.invert_date(50.0), day);

        let flat = TimeScale::new(d(2020, 1, 1), d(2021, 1, 1), 10.0, 10.0);
        assert_eq!(flat.map(d(2020, 6, 1)), 10.0);
        assert_eq!(flat.invert(500.0), f64::from(d(2020, 1, 1).days()));
        assert_eq!(flat.pan(30.0), flat);
        assert!(flat.zoom(10.0, 2.0).span_days().is_finite());
    }

    #[test]
    fn reversed_dates_are_put_in_order() {
        assert_eq!(TimeScale::new(d(2021, 1, 1), d(2020, 1, 1), 0.0, 366.0), year_2020());
    }

    #[test]
    fn zooming_in_by_two_halves_the_days_and_keeps_the_anchor_date() {
        let s = year_2020();
        let anchor = 100.0;
        let before = s.invert(anchor);
        let z = s.zoom(anchor, 2.0);
        assert_eq!(z.span_days(), 183.0);
        assert!((z.invert(anchor) - before).abs() < 1e-9);
        assert_eq!(z.range(), s.range());
        // And back out again.
        let back = z.zoom(anchor, 0.5);
        assert!((back.domain().0 - s.domain().0).abs() < 1e-9);
        assert!((back.domain().1 - s.domain().1).abs() < 1e-9);
    }

    #[test]
    fn zoom_stops_at_a_week() {
        let s = year_2020().zoom(183.0, 1e6);
        assert_eq!(s.span_days(), MIN_SPAN_DAYS);
        assert!((s.invert(183.0) - year_2020().invert(183.0)).abs() < 1e-9);
        // A domain already shorter than a week is not stretched by zooming in...
        let short = TimeScale::new(d(2020, 1, 1), d(2020, 1, 3), 0.0, 100.0);
        assert_eq!(short.zoom(50.0, 2.0).span_days(), 2.0);
        // ...but can still be zoomed out.
        assert_eq!(short.zoom(50.0, 0.5).span_days(), 4.0);
    }

    #[test]
    fn bad_zoom_factors_change_nothing() {
        let s = year_2020();
        for f in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(s.zoom(10.0, f), s, "{f}");
        }
    }

    #[test]
    fn zoom_within_never_leaves_the_bounds() {
        let s = year_2020();
        let (a, b) = s.domain();
        let bounds = (a - 100.0, b + 100.0);
        // Zooming far out is capped at the bounds' width and aligned to them.
        let out = s.zoom_within(0.0, 0.01, bounds);
        assert_eq!(out.domain(), bounds);
        // Zooming out by 1.2 at the left edge would cross the left bound: it is shifted back inside.
        let left = s.zoom_within(183.0, 1.0 / 1.2, (a, b + 1000.0));
        assert_eq!(left.domain().0, a);
        assert!((left.span_days() - 366.0 * 1.2).abs() < 1e-9);
        // Well inside the bounds, it is a plain zoom with a fixed anchor.
        let inside = s.zoom_within(200.0, 2.0, bounds);
        assert_eq!(inside, s.zoom(200.0, 2.0));
    }

    #[test]
    fn zoom_within_stays_inside_even_when_rounding_would_poke_out() {
        // Found by a property test: zooming out to the full bounds used to end an ulp past them.
        let s = TimeScale::from_days(0.0, 1925.0, 0.0, 200.0);
        let bounds = (-83.972_362_152_307_6, 2_092.944_724_304_615);
        let z = s.zoom_within(97.407_386_525_963_14, 0.05, bounds);
        assert_eq!(z.domain(), bounds);
        // Just short of the bounds' width, the shifted domain is clipped to them, not past them.
        let near = s.zoom_within(0.0, 1925.0 / (bounds.1 - bounds.0 - 1e-12), bounds);
        assert!(bounds.0 <= near.domain().0 && near.domain().1 <= bounds.1, "{:?}", near.domain());
    }

    #[test]
    fn pan_follows_the_pointer() {
        let s = year_2020();
        let p = s.pan(10.0);
        // The day that was at 0 px is now at 10 px.
        assert_eq!(p.map(d(2020, 1, 1)), 10.0);
        assert_eq!(p.span_days(), s.span_days());
        assert_eq!(s.pan(-10.0).map(d(2020, 1, 11)), 0.0);
    }

    #[test]
    fn pan_within_stops_at_the_bounds() {
        let s = year_2020();
        let (a, b) = s.domain();
        let bounds = (a - 30.0, b + 30.0);
        assert_eq!(s.pan_within(1000.0, bounds).domain(), (a - 30.0, b - 30.0));
        assert_eq!(s.pan_within(-1000.0, bounds).domain(), (a + 30.0, b + 30.0));
        assert_eq!(s.pan_within(5.0, bounds).domain(), (a - 5.0, b - 5.0));
        // A domain wider than the bounds is aligned to their start.
        assert_eq!(s.pan_within(0.0, (a + 10.0, a + 20.0)).domain(), (a + 10.0, b + 10.0));
    }
}
