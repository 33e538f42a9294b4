//! A time warp: a monotone, continuous, piecewise-linear map from days to "warped days", so that a
//! linear scale over warped days gives busy stretches of the story more width than quiet ones.
//!
//! # The story's rule ([`Warp::for_story`])
//!
//! The story's range is cut at every 1 January into pieces (the first and last pieces are the
//! partial years at the ends). Piece `i`, `len_i` days long with `n_i` events dated in it, gets the
//! share
//!
//! ```text
//! share_i = TIME_SHARE · len_i / T  +  (1 − TIME_SHARE) · n_i / N
//! ```
//!
//! of the width, for a range of `T` days and `N` events: [`TIME_SHARE`] (30 %) of the width is
//! shared out by time, so a year without events keeps a floor of width, and the rest by events,
//! so a year with a third of the events gets about a third of that. Within a piece time runs
//! linearly, which keeps every calendar year linear (ticks, months and quarters inside a year are
//! evenly spaced) and makes the year boundaries the only places the speed changes — the axis draws
//! them, so the reader sees the bands differ. On the shipped story 2015–2022 (9 of 87 events over
//! two thirds of the time) takes about 27 % of the width instead of 67 %.
//!
//! Warped days are scaled so the range keeps its length: the range's ends are fixed points
//! (`forward(start) == start`, `forward(end) == end`), so a window over the whole story is the same
//! in days and in warped days, and so are the bounds a zoom is kept in. Outside the range the end
//! pieces' slopes continue, so events dated before the story's start still get a place.
//!
//! # Guarantees
//! - strictly increasing (every piece has a positive share, as `TIME_SHARE > 0`), hence invertible:
//!   [`Warp::inverse`] undoes [`Warp::forward`] up to rounding;
//! - continuous (the pieces meet at the knots);
//! - deterministic: built from the dataset in file order with `+ - * /` only.
//!
//! Cost: building is O(n + years) for n events; `forward` and `inverse` are O(log knots) by binary
//! search.
//!
//! ```
//! use powershift_core::timeline::Warp;
//! // Days 0..10 take the first half, days 10..100 the second.
//! let w = Warp::from_knots(&[(0.0, 0.0), (10.0, 50.0), (100.0, 100.0)]).unwrap();
//! assert_eq!(w.forward(5.0), 25.0);
//! assert_eq!(w.inverse(75.0), 55.0);
//! assert_eq!(w.forward(110.0), 100.0 + 10.0 * 50.0 / 90.0);
//! ```

use std::sync::Arc;

use crate::date::Date;
use crate::model::Dataset;

/// The share of the width divided by time alone (the rest is divided by event count): the floor
/// that keeps a year without events visible. At 0.3 the shipped story's 2015–2022 takes about 27 %
/// of the width.
pub const TIME_SHARE: f64 = 0.3;

/// A monotone piecewise-linear map from days to warped days. Cheap to clone (the knots are shared).
#[derive(Clone, Debug, PartialEq)]
pub struct Warp {
    /// `(day, warped day)` pairs, both strictly increasing; empty for the identity.
    knots: Arc<[(f64, f64)]>,
}

impl Default for Warp {
    fn default() -> Warp {
        Warp::linear()
    }
}

impl Warp {
    /// The identity: warped days are days (a plain linear time scale).
    pub fn linear() -> Warp {
        Warp { knots: Arc::from(Vec::new()) }
    }

    /// The warp through `knots` `(day, warped day)`, or `None` unless there are at least two, all
    /// finite and both coordinates strictly increasing.
    pub fn from_knots(knots: &[(f64, f64)]) -> Option<Warp> {
        let ok = knots.len() >= 2
            && knots.iter().all(|(d, u)| d.is_finite() && u.is_finite())
            && knots.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1);
        ok.then(|| Warp { knots: Arc::from(knots) })
    }

    /// The story's warp: one piece per calendar year of its time range, each as wide as a blend of
    /// its length and its share of the events (see the module docs). A story shorter than two
    /// days, or one whose pieces would all get the same speed, is linear.
    ///
    /// O(events + years).
    pub fn for_story(ds: &Dataset) -> Warp {
        let (lo, hi) = ds.time_range();
        let mut cuts: Vec<Date> = vec![lo];
        for y in lo.year() + 1..=hi.year() {
            match Date::from_ymd(y, 1, 1) {
                Some(jan1) if jan1 > lo && jan1 < hi => cuts.push(jan1),
                _ => {}
            }
        }
        cuts.push(hi);
        let dates: Vec<Date> = ds.events.iter().map(|e| e.date.start).collect();
        Warp::by_density(&cuts, &dates, TIME_SHARE)
    }

    /// The warp over the pieces between consecutive `cuts` (sorted dates; the first and last are the
    /// range's ends), each piece's share blending its length (weight `time_share`) and the number of
    /// `events` dated in it (weight `1 − time_share`; events before the first cut count in the first
    /// piece, after the last in the last). Linear when there are fewer than two distinct cuts or no
    /// events; a `time_share` outside `(0, 1]` (which could give a piece no width) counts as 1.
    pub fn by_density(cuts: &[Date], events: &[Date], time_share: f64) -> Warp {
        let mut cuts: Vec<Date> = cuts.to_vec();
        crate::sort::sort(&mut cuts);
        cuts.dedup();
        if cuts.len() < 2 {
            return Warp::linear();
        }
        let pieces = cuts.len() - 1;
        let mut counts = vec![0u32; pieces];
        for d in events {
            // The last piece starting on or before the day; the range's last day is in the last piece.
            let i = cuts.partition_point(|c| c <= d).saturating_sub(1).min(pieces - 1);
            counts[i] += 1;
        }
        let n: u32 = counts.iter().sum();
        let time_share = if n > 0 && time_share > 0.0 && time_share <= 1.0 { time_share } else { 1.0 };
        if time_share == 1.0 {
            return Warp::linear();
        }
        let (d0, d1) = (f64::from(cuts[0].days()), f64::from(cuts[pieces].days()));
        let total = d1 - d0;
        let mut knots = Vec::with_capacity(cuts.len());
        let mut u = d0;
        knots.push((d0, d0));
        for i in 0..pieces {
            let len = f64::from(cuts[i + 1].days() - cuts[i].days());
            let share = time_share * len / total + (1.0 - time_share) * f64::from(counts[i]) / f64::from(n);
            u += share * total;
            // The last knot is the range's end exactly: the range maps onto itself.
            let u_end = if i + 1 == pieces { d1 } else { u };
            knots.push((f64::from(cuts[i + 1].days()), u_end));
        }
        Warp::from_knots(&knots).unwrap_or_else(Warp::linear)
    }

    /// Whether this is the identity.
    pub fn is_linear(&self) -> bool {
        self.knots.is_empty()
    }

    /// The knots `(day, warped day)`; empty for the identity.
    pub fn knots(&self) -> &[(f64, f64)] {
        &self.knots
    }

    /// The warped day of a (fractional) day.
    pub fn forward(&self, days: f64) -> f64 {
        self.piece(days, |k| k.0).map_or(days, |(a, b)| lerp(a.0, a.1, b.0, b.1, days))
    }

    /// The (fractional) day of a warped day: the inverse of [`Warp::forward`].
    pub fn inverse(&self, warped: f64) -> f64 {
        self.piece(warped, |k| k.1).map_or(warped, |(a, b)| lerp(a.1, a.0, b.1, b.0, warped))
    }

    /// How many warped days a day is worth around `days` (the piece's slope): above 1 in busy
    /// stretches, below 1 in quiet ones; 1 for the identity.
    pub fn slope_at(&self, days: f64) -> f64 {
        self.piece(days, |k| k.0).map_or(1.0, |(a, b)| (b.1 - a.1) / (b.0 - a.0))
    }

    /// The two knots of the piece containing `x` (by the coordinate `key` picks), the end pieces
    /// extended outwards; `None` for the identity.
    fn piece(&self, x: f64, key: impl Fn(&(f64, f64)) -> f64) -> Option<((f64, f64), (f64, f64))> {
        let k = &self.knots;
        if k.len() < 2 {
            return None;
        }
        // The first knot right of x, kept within 1..len-1 so there is always a piece.
        let i = k.partition_point(|p| key(p) <= x).clamp(1, k.len() - 1);
        Some((k[i - 1], k[i]))
    }
}

/// The value at `x` of the line through `(x0, y0)` and `(x1, y1)`; `x0 < x1`. Written as
/// `y0 + (x − x0)(y1 − y0)/(x1 − x0)` so that the knot `x0` maps exactly onto `y0`.
fn lerp(x0: f64, y0: f64, x1: f64, y1: f64, x: f64) -> f64 {
    y0 + (x - x0) * (y1 - y0) / (x1 - x0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn the_identity_changes_nothing() {
        let w = Warp::linear();
        assert!(w.is_linear());
        assert_eq!((w.forward(12.5), w.inverse(-3.0), w.slope_at(7.0)), (12.5, -3.0, 1.0));
    }

    #[test]
    fn knots_must_be_increasing_and_finite() {
        assert!(Warp::from_knots(&[(0.0, 0.0)]).is_none());
        assert!(Warp::from_knots(&[(0.0, 0.0), (0.0, 1.0)]).is_none());
        assert!(Warp::from_knots(&[(0.0, 1.0), (1.0, 1.0)]).is_none());
        assert!(Warp::from_knots(&[(0.0, 0.0), (f64::NAN, 1.0)]).is_none());
        assert!(Warp::from_knots(&[(0.0, 0.0), (1.0, 5.0)]).is_some());
    }

    #[test]
    fn golden_pieces_and_extrapolation() {
        let w = Warp::from_knots(&[(0.0, 0.0), (10.0, 50.0), (100.0, 100.0)]).unwrap();
        assert_eq!(w.forward(0.0), 0.0);
        assert_eq!(w.forward(10.0), 50.0);
        assert_eq!(w.forward(100.0), 100.0);
        assert_eq!(w.forward(-2.0), -10.0, "the first piece's slope continues to the left");
        assert_eq!(w.slope_at(5.0), 5.0);
        assert_eq!(w.slope_at(50.0), 50.0 / 90.0);
        assert_eq!(w.inverse(50.0), 10.0);
        assert_eq!(w.inverse(-10.0), -2.0);
    }

    #[test]
    fn pieces_blend_time_and_event_counts() {
        // Two years, 2020 with one event and 2021 with three, cut at 1 January 2021; a time share
        // of 0.5: 2020 (366 of 731 days) gets 0.5·366/731 + 0.5·1/4 of the width.
        let cuts = [d(2020, 1, 1), d(2021, 1, 1), d(2022, 1, 1)];
        let events = [d(2020, 5, 1), d(2021, 2, 1), d(2021, 3, 1), d(2022, 1, 1)];
        let w = Warp::by_density(&cuts, &events, 0.5);
        let (a, b) = (f64::from(cuts[0].days()), f64::from(cuts[2].days()));
        let share_2020 = (w.forward(f64::from(cuts[1].days())) - a) / (b - a);
        assert!((share_2020 - (0.5 * 366.0 / 731.0 + 0.5 * 0.25)).abs() < 1e-12, "{share_2020}");
        assert_eq!((w.forward(a), w.forward(b)), (a, b), "the range maps onto itself");
        // The busier year is faster: more warped days per day.
        assert!(w.slope_at(b - 1.0) > 1.0 && w.slope_at(a + 1.0) < 1.0);
    }

    #[test]
    fn without_events_or_with_all_time_the_warp_is_linear() {
        let cuts = [d(2020, 1, 1), d(2021, 1, 1), d(2022, 1, 1)];
        assert!(Warp::by_density(&cuts, &[], 0.3).is_linear());
        assert!(Warp::by_density(&cuts, &[d(2020, 2, 2)], 1.0).is_linear());
        assert!(Warp::by_density(&cuts[..1], &[d(2020, 2, 2)], 0.3).is_linear());
    }
}
