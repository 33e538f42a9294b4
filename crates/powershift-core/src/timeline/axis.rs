//! Axis ticks for the timeline's [`WarpedScale`], where calendar years have different widths.
//!
//! The linear [`ticks`](super::ticks()) pick one unit for the whole axis. Under a warp a busy year
//! may be five times as wide as a quiet one, so one unit would either crowd the quiet years or
//! leave the busy ones bare. Instead:
//!
//! 1. **Each calendar year picks its own unit**: the finest of days, weeks, months and quarters
//!    whose shortest gap is at least `min_spacing_px` at that year's speed (a year is one piece of
//!    the story's warp, so its speed is constant), else just its 1 January.
//! 2. **Candidates are kept by rank**, coarsest first — 1 January of a decade, of a lustrum, of an
//!    even year, of any year, then quarter starts, month starts, the rest — each only if it keeps
//!    its distance from the ticks already kept: `min_spacing_px` after a tick, or
//!    [`YEAR_LABEL_SHARE`] of it after a tick labelled with the year alone (a short label). Within
//!    a year every sub-year tick fits by step 1, so years get whole, regular sets of ticks; only
//!    next to a much narrower year is a boundary tick dropped.
//! 3. **Every 1 January that lost its label stays as a bare line** (an empty label) when it is at
//!    least [`MIN_LINE_PX`] from the other lines, so the year bands — and how much their widths
//!    differ — stay visible even where the labels are sparse.
//!
//! Labels follow the linear axis: "2024" for a year, "Q1 2025"/"Q2", "Jan 2024"/"Feb", the year
//! added on the first labelled tick and wherever it changes.
//!
//! Cost: O(k log k) for k candidates; k is at most about `width / min_spacing_px` per visible year
//! plus one per year. Windows longer than [`MAX_YEARS`] years fall back to the linear ticks of the
//! window placed through the warp (spacing then only approximate).

use std::collections::BTreeMap;

use crate::date::Date;

use super::scale::TimeScale;
use super::ticks::{ticks, Tick, TickUnit};
use super::warped::WarpedScale;

/// Bare year lines closer than this (pixels) are thinned out.
pub const MIN_LINE_PX: f64 = 4.0;

/// Longer windows use the linear axis placed through the warp.
pub const MAX_YEARS: i32 = 200;

/// A tick labelled with the year alone ("2024") needs this share of the spacing before the next
/// tick: `min_spacing_px` is sized for the longest labels ("Jan 2024", "Q1 2025"), twice as long.
pub const YEAR_LABEL_SHARE: f64 = 0.6;

/// Sub-year units, finest first.
const SUB_YEAR: [TickUnit; 4] = [TickUnit::Day, TickUnit::Week, TickUnit::Month, TickUnit::Quarter];

/// One candidate tick.
struct Candidate {
    date: Date,
    x: f64,
    unit: TickUnit,
    rank: u8,
}

/// A kept tick: its position, and the space its label needs after it.
#[derive(Clone, Copy)]
struct Kept {
    x: f64,
    room: f64,
}

/// The axis of a warped scale, in date order: labelled ticks at least `min_spacing_px` apart, and
/// bare year lines (empty label). `min_spacing_px` below 1 (or NaN) counts as 1. See the module
/// docs for the rule.
///
/// ```
/// use powershift_core::date::Date;
/// use powershift_core::timeline::{warped_ticks, Warp, WarpedScale};
/// let day = |y| f64::from(Date::from_ymd(y, 1, 1).unwrap().days());
/// // 2023 gets 100 px, 2024 gets 600 px: one label for the quiet year, quarters for the busy one.
/// let warp = Warp::from_knots(&[(day(2023), 0.0), (day(2024), 100.0), (day(2025), 700.0)]).unwrap();
/// let s = WarpedScale::new(warp, (day(2023), day(2025)), (0.0, 700.0));
/// let labels: Vec<String> = warped_ticks(&s, 60.0).into_iter().map(|t| t.label).collect();
/// assert_eq!(labels, ["2023", "Q1 2024", "Q2", "Q3", "Q4", "Q1 2025"]);
/// ```
pub fn warped_ticks(scale: &WarpedScale, min_spacing_px: f64) -> Vec<Tick> {
    let spacing = min_spacing_px.max(1.0);
    let (d0, d1) = scale.window();
    let (r0, r1) = scale.range();
    if !(d0.is_finite() && d1.is_finite()) || r0 == r1 || !(r1 - r0).is_finite() {
        return Vec::new();
    }
    let (lo, hi) = (Date::from_ymd(-9999, 1, 1), Date::from_ymd(9999, 12, 31));
    let (lo, hi) = (lo.map_or(i32::MIN, Date::days), hi.map_or(i32::MAX, Date::days));
    let first = (d0.ceil().max(f64::from(lo)) as i32).min(hi);
    let last = (d1.floor().min(f64::from(hi)) as i32).max(lo);
    let (y0, y1) = (Date::from_days(first).year(), Date::from_days(last).year());
    if y1 - y0 > MAX_YEARS {
        let linear = TimeScale::from_days(d0, d1, r0, r1);
        return ticks(&linear, spacing).into_iter().map(|t| Tick { x: scale.map(t.date), ..t }).collect();
    }
    let mut candidates = Vec::new();
    for y in y0..=y1 {
        let Some(jan1) = Date::from_ymd(y, 1, 1) else { continue };
        let next_jan1 = Date::from_ymd(y + 1, 1, 1).map_or(jan1.days() + 366, Date::days);
        let ppd = scale.px_per_day_between(f64::from(jan1.days()), f64::from(next_jan1)).abs();
        let unit = SUB_YEAR.into_iter().find(|u| u.min_days() * ppd >= spacing).unwrap_or(TickUnit::Year);
        let (from, to) = (first.max(jan1.days()), last.min(next_jan1 - 1));
        let mut at = unit.floor(Date::from_days(from));
        while let Some(date) = at {
            if date.days() > to {
                break;
            }
            if date.days() >= from {
                candidates.push(Candidate { date, x: scale.map(date), unit, rank: rank(date) });
            }
            at = unit.next(date);
        }
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (std::cmp::Reverse(candidates[i].rank), candidates[i].date));
    let mut kept: BTreeMap<i32, Kept> = BTreeMap::new();
    let mut labelled = vec![false; candidates.len()];
    for &i in &order {
        let c = &candidates[i];
        let room = if c.unit == TickUnit::Year { spacing * YEAR_LABEL_SHARE } else { spacing };
        let tick = Kept { x: c.x, room };
        if fits(&kept, c.date.days(), tick) {
            kept.insert(c.date.days(), tick);
            labelled[i] = true;
        }
    }
    // Bare lines for the 1 Januarys that lost their labels, coarsest years first.
    let mut lines: BTreeMap<i32, Kept> =
        crate::sort::map_of(kept.iter().map(|(d, k)| (*d, Kept { x: k.x, room: MIN_LINE_PX })));
    let mut bare = vec![false; candidates.len()];
    for &i in &order {
        let c = &candidates[i];
        let line = Kept { x: c.x, room: MIN_LINE_PX };
        if !labelled[i] && c.rank >= 3 && fits(&lines, c.date.days(), line) {
            lines.insert(c.date.days(), line);
            bare[i] = true;
        }
    }
    let mut out = Vec::new();
    let mut prev_year = None;
    for (i, c) in candidates.iter().enumerate() {
        if labelled[i] {
            let year = c.date.year();
            out.push(Tick {
                date: c.date,
                x: c.x,
                unit: c.unit,
                label: c.unit.label(c.date, prev_year != Some(year)),
                major: c.unit.is_major(c.date),
            });
            prev_year = Some(year);
        } else if bare[i] {
            out.push(Tick { date: c.date, x: c.x, unit: TickUnit::Year, label: String::new(), major: false });
        }
    }
    out
}

/// How coarse a boundary `date` is: 1 January of a decade 6, of a multiple of 5 years 5, of an even
/// year 4, of any year 3; a quarter's start 2, a month's 1, any other day 0.
fn rank(date: Date) -> u8 {
    let (y, m, d) = date.ymd();
    match (m, d) {
        (1, 1) if y.rem_euclid(10) == 0 => 6,
        (1, 1) if y.rem_euclid(5) == 0 => 5,
        (1, 1) if y.rem_euclid(2) == 0 => 4,
        (1, 1) => 3,
        (_, 1) if (m - 1) % 3 == 0 => 2,
        (_, 1) => 1,
        _ => 0,
    }
}

/// Whether `tick` (on day `day`) leaves room for its neighbours in `kept` (keyed by day; the scale
/// is monotone, so the neighbours by day are the neighbours on screen): the tick before needs its
/// `room` up to this one, and this one its own `room` up to the next.
fn fits(kept: &BTreeMap<i32, Kept>, day: i32, tick: Kept) -> bool {
    let before = kept.range(..day).next_back().map(|(_, k)| *k);
    let after = kept.range(day..).next().map(|(_, k)| *k);
    before.is_none_or(|k| (tick.x - k.x).abs() >= k.room) && after.is_none_or(|k| (k.x - tick.x).abs() >= tick.room)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::Warp;

    fn days(y: i32, m: u32, d: u32) -> f64 {
        f64::from(Date::from_ymd(y, m, d).unwrap().days())
    }

    fn labels(t: &[Tick]) -> Vec<&str> {
        t.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn a_linear_year_gets_the_linear_axis() {
        let s = WarpedScale::new(Warp::linear(), (days(2024, 1, 1), days(2025, 1, 1)), (0.0, 1000.0));
        let t = warped_ticks(&s, 50.0);
        assert_eq!(
            labels(&t),
            ["Jan 2024", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2025"]
        );
        assert_eq!(t, ticks(&TimeScale::from_days(days(2024, 1, 1), days(2025, 1, 1), 0.0, 1000.0), 50.0));
    }

    #[test]
    fn a_wide_year_gets_quarters_and_narrow_years_only_their_first_day() {
        // 2020–2023 onto 0..800 px: 2020, 2021 and 2022 get about 100 px each, 2023 gets 500 px.
        let warp =
            Warp::from_knots(&[(days(2020, 1, 1), 0.0), (days(2023, 1, 1), 300.0), (days(2024, 1, 1), 800.0)]).unwrap();
        let s = WarpedScale::new(warp, (days(2020, 1, 1), days(2024, 1, 1)), (0.0, 800.0));
        let t = warped_ticks(&s, 60.0);
        // 1 January 2024 ends a year of quarters, so it is labelled as a quarter, like "Jan 2025"
        // ends a linear year of months.
        assert_eq!(labels(&t), ["2020", "2021", "2022", "Q1 2023", "Q2", "Q3", "Q4", "Q1 2024"]);
        assert!((t[1].x - 366.0 * 300.0 / 1096.0).abs() < 1e-9, "{}", t[1].x);
        assert!((t[4].x - 300.0 - 500.0 * 90.0 / 365.0).abs() < 1e-9, "{}", t[4].x);
        assert!(t.windows(2).all(|w| w[1].x - w[0].x >= 60.0));
    }

    #[test]
    fn crowded_years_keep_decades_first_and_bare_lines_for_the_rest() {
        // Ten years onto 200 px, 20 px a year, with 80 px spacing (48 px after a year's label):
        // 2020 first, then 2015 and 2025 (multiples of five), 100 px from it; no even year fits
        // between them.
        let s = WarpedScale::new(Warp::linear(), (days(2015, 1, 1), days(2025, 1, 1)), (0.0, 200.0));
        let t = warped_ticks(&s, 80.0);
        let labelled: Vec<&str> = t.iter().filter(|t| !t.label.is_empty()).map(|t| t.label.as_str()).collect();
        assert_eq!(labelled, ["2015", "2020", "2025"]);
        assert_eq!(t.len(), 11, "every year boundary is drawn, eight of them bare");
        assert!(t.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn labelled_ticks_keep_their_spacing_next_to_a_narrow_year() {
        // 2022 is 30 px, 2023 is 700 px: 2023's quarters fit, but 1 January 2023 sits 30 px from
        // 1 January 2022 — one of the two goes (the even year ranks higher).
        let warp =
            Warp::from_knots(&[(days(2022, 1, 1), 0.0), (days(2023, 1, 1), 30.0), (days(2024, 1, 1), 730.0)]).unwrap();
        let s = WarpedScale::new(warp, (days(2022, 1, 1), days(2024, 1, 1)), (0.0, 730.0));
        let t = warped_ticks(&s, 60.0);
        let shown: Vec<&Tick> = t.iter().filter(|t| !t.label.is_empty()).collect();
        assert!(shown.windows(2).all(|w| w[1].x - w[0].x >= 60.0), "{t:?}");
        assert_eq!(shown[0].label, "2022");
        assert_eq!(shown[1].label, "Q2 2023", "the year is added where it changes");
        assert!(t.iter().any(|t| t.label.is_empty() && t.date == Date::from_ymd(2023, 1, 1).unwrap()));
    }

    #[test]
    fn an_empty_range_has_no_ticks() {
        let s = WarpedScale::new(Warp::linear(), (days(2015, 1, 1), days(2025, 1, 1)), (5.0, 5.0));
        assert!(warped_ticks(&s, 50.0).is_empty());
    }
}
