//! Calendar-aligned axis ticks that adapt to the zoom: decades → years → quarters → months → weeks →
//! days.
//!
//! Ticks sit on calendar boundaries (1 January, the first of a quarter or month, Mondays) rather than
//! at evenly spaced pixels, because readers locate events by the calendar. Calendar units are uneven
//! (a month is 28 to 31 days), so a unit is chosen by its **shortest** possible gap
//! ([`TickUnit::min_days`]): the spacing promised by [`ticks`] then holds for every pair of ticks,
//! not just on average.
//!
//! A label carries the year on the first tick and wherever the year changes ("Jan 2024", "Feb", …;
//! "Q1 2025", "Q2", …), so every visible stretch of the axis can be read without context.
//!
//! Cost: choosing the unit is O(1) (a fixed ladder); generating is O(k) for k ticks, and k is at most
//! `|range| / min_spacing + 1`.

use crate::date::Date;

use super::scale::TimeScale;

/// The calendar unit between consecutive ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TickUnit {
    /// Every `n` years, on years divisible by `n` (2, 5, 10, 20, 50, …), for very zoomed-out views.
    MultiYear(u32),
    /// Every 1 January.
    Year,
    /// The first day of January, April, July and October.
    Quarter,
    /// The first of every month.
    Month,
    /// Every Monday.
    Week,
    /// Every day.
    Day,
}

/// The units tried, finest first; [`choose_unit`] takes the first that is wide enough. Multi-year steps
/// follow 1-2-5 up to 10 000 years, which spans every representable [`Date`] year.
const LADDER: [TickUnit; 17] = [
    TickUnit::Day,
    TickUnit::Week,
    TickUnit::Month,
    TickUnit::Quarter,
    TickUnit::Year,
    TickUnit::MultiYear(2),
    TickUnit::MultiYear(5),
    TickUnit::MultiYear(10),
    TickUnit::MultiYear(20),
    TickUnit::MultiYear(50),
    TickUnit::MultiYear(100),
    TickUnit::MultiYear(200),
    TickUnit::MultiYear(500),
    TickUnit::MultiYear(1000),
    TickUnit::MultiYear(2000),
    TickUnit::MultiYear(5000),
    TickUnit::MultiYear(10_000),
];

const MONTH_ABBR: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl TickUnit {
    /// The shortest possible gap between two consecutive ticks of this unit, in days: a month can be
    /// 28 days, a quarter 90 (January–March of a common year), `n` years `365 n`.
    pub fn min_days(self) -> f64 {
        match self {
            TickUnit::MultiYear(n) => 365.0 * f64::from(n),
            TickUnit::Year => 365.0,
            TickUnit::Quarter => 90.0,
            TickUnit::Month => 28.0,
            TickUnit::Week => 7.0,
            TickUnit::Day => 1.0,
        }
    }

    /// The step in years for year-based units.
    fn years(self) -> Option<i32> {
        match self {
            TickUnit::MultiYear(n) => Some(n.max(1) as i32),
            TickUnit::Year => Some(1),
            _ => None,
        }
    }

    /// The latest tick boundary on or before `date`.
    pub(crate) fn floor(self, date: Date) -> Option<Date> {
        let (y, m, _) = date.ymd();
        match self {
            TickUnit::Day => Some(date),
            // 1970-01-01 was a Thursday, so day n is a Monday when (n + 3) is a multiple of 7.
            TickUnit::Week => Some(date.add_days(-(date.days() + 3).rem_euclid(7))),
            TickUnit::Month => Date::from_ymd(y, m, 1),
            TickUnit::Quarter => Date::from_ymd(y, (m - 1) / 3 * 3 + 1, 1),
            TickUnit::Year | TickUnit::MultiYear(_) => {
                let step = self.years().unwrap_or(1);
                Date::from_ymd(y - y.rem_euclid(step), 1, 1)
            }
        }
    }

    /// The boundary after `date` (itself a boundary), or `None` past the last representable year.
    pub(crate) fn next(self, date: Date) -> Option<Date> {
        let (y, m, _) = date.ymd();
        let months_later = |k: u32| {
            let m0 = m - 1 + k;
            Date::from_ymd(y + (m0 / 12) as i32, m0 % 12 + 1, 1)
        };
        match self {
            TickUnit::Day => Some(date.add_days(1)),
            TickUnit::Week => Some(date.add_days(7)),
            TickUnit::Month => months_later(1),
            TickUnit::Quarter => months_later(3),
            TickUnit::Year | TickUnit::MultiYear(_) => Date::from_ymd(y + self.years().unwrap_or(1), 1, 1),
        }
    }

    /// Whether a tick on `date` starts a period of a coarser unit (drawn longer): a month for days and
    /// weeks, a year for months and quarters, a decade (century, millennium) for year steps.
    pub(crate) fn is_major(self, date: Date) -> bool {
        let (y, m, d) = date.ymd();
        match self {
            TickUnit::Day => d == 1,
            TickUnit::Week => d <= 7,
            TickUnit::Month | TickUnit::Quarter => m == 1,
            TickUnit::Year | TickUnit::MultiYear(_) => {
                let step = self.years().unwrap_or(1);
                let mut p = 10;
                while p <= step {
                    p *= 10;
                }
                y.rem_euclid(p) == 0
            }
        }
    }

    /// The label of a tick on `date`; `with_year` adds the year to sub-year units.
    pub(crate) fn label(self, date: Date, with_year: bool) -> String {
        let (y, m, d) = date.ymd();
        let mon = MONTH_ABBR[(m - 1) as usize];
        match (self, with_year) {
            (TickUnit::Year | TickUnit::MultiYear(_), _) => format!("{y}"),
            (TickUnit::Quarter, true) => format!("Q{} {y}", (m - 1) / 3 + 1),
            (TickUnit::Quarter, false) => format!("Q{}", (m - 1) / 3 + 1),
            (TickUnit::Month, true) => format!("{mon} {y}"),
            (TickUnit::Month, false) => mon.to_string(),
            (TickUnit::Week | TickUnit::Day, true) => format!("{d} {mon} {y}"),
            (TickUnit::Week | TickUnit::Day, false) => format!("{d} {mon}"),
        }
    }
}

/// One axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The calendar day the tick marks (a unit boundary).
    pub date: Date,
    /// Its pixel position on the scale.
    pub x: f64,
    /// The unit of the axis it belongs to.
    pub unit: TickUnit,
    /// "2024", "Q2", "Q1 2025", "Mar", "Jan 2024", "3 Mar", "6 Jan 2025".
    pub label: String,
    /// Whether it starts a coarser period (a month, year or decade) and may be drawn more strongly.
    pub major: bool,
}

/// The finest unit whose ticks are always at least `min_spacing_px` apart on `scale`, or `None` when
/// even 10 000-year ticks would be closer (an empty or absurd range).
///
/// `min_spacing_px` below 1 (or NaN) counts as 1, which bounds the number of ticks by the range's
/// width in pixels.
pub fn choose_unit(scale: &TimeScale, min_spacing_px: f64) -> Option<TickUnit> {
    let spacing = min_spacing_px.max(1.0);
    let ppd = scale.px_per_day().abs();
    if !ppd.is_finite() {
        return None;
    }
    LADDER.into_iter().find(|u| u.min_days() * ppd >= spacing)
}

/// The ticks of the finest calendar unit that keeps them at least `min_spacing_px` apart, in date
/// order, for every boundary within the scale's domain (ends included). See [`choose_unit`].
pub fn ticks(scale: &TimeScale, min_spacing_px: f64) -> Vec<Tick> {
    let Some(unit) = choose_unit(scale, min_spacing_px) else {
        return Vec::new();
    };
    let (d0, d1) = scale.domain();
    if !(d0.is_finite() && d1.is_finite()) {
        return Vec::new();
    }
    // Stay inside the years `Date::from_ymd` accepts, so calendar arithmetic never overflows.
    let (lo, hi) = (Date::from_ymd(-9999, 1, 1), Date::from_ymd(9999, 12, 31));
    let (lo, hi) = (lo.map_or(i32::MIN, Date::days), hi.map_or(i32::MAX, Date::days));
    let first = (d0.ceil().max(f64::from(lo)) as i32).min(hi);
    let last = (d1.floor().min(f64::from(hi)) as i32).max(lo);
    let mut out = Vec::new();
    let mut at = unit.floor(Date::from_days(first));
    let mut prev_year = None;
    while let Some(date) = at {
        if date.days() > last {
            break;
        }
        if date.days() >= first {
            let year = date.year();
            out.push(Tick {
                date,
                x: scale.map(date),
                unit,
                label: unit.label(date, prev_year != Some(year)),
                major: unit.is_major(date),
            });
            prev_year = Some(year);
        }
        at = unit.next(date);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn labels(t: &[Tick]) -> Vec<&str> {
        t.iter().map(|t| t.label.as_str()).collect()
    }

    /// 2024 (a leap year) onto 0..1000 px: 2.73 px a day.
    fn year_2024() -> TimeScale {
        TimeScale::new(d(2024, 1, 1), d(2025, 1, 1), 0.0, 1000.0)
    }

    #[test]
    fn a_year_on_a_desktop_axis_gets_month_ticks_labelled_with_the_year_on_january() {
        let t = ticks(&year_2024(), 50.0);
        assert!(t.iter().all(|t| t.unit == TickUnit::Month));
        assert_eq!(
            labels(&t),
            ["Jan 2024", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2025"]
        );
        assert_eq!(t[0].x, 0.0);
        assert_eq!(t[2].date, d(2024, 3, 1));
        assert_eq!(t[2].x, 60.0 * 1000.0 / 366.0);
        assert_eq!(t[12].x, 1000.0);
        let majors: Vec<bool> = t.iter().map(|t| t.major).collect();
        assert_eq!(majors.iter().filter(|m| **m).count(), 2);
        assert!(majors[0] && majors[12]);
    }

    #[test]
    fn zooming_out_switches_months_to_quarters_to_years_to_decades() {
        let s = year_2024();
        let units = |s: &TimeScale| choose_unit(s, 50.0);
        assert_eq!(units(&s), Some(TickUnit::Month));
        assert_eq!(units(&s.zoom(500.0, 0.5)), Some(TickUnit::Quarter));
        assert_eq!(units(&s.zoom(500.0, 0.125)), Some(TickUnit::Year));
        assert_eq!(units(&s.zoom(500.0, 0.02)), Some(TickUnit::MultiYear(5)));
        assert_eq!(units(&s.zoom(500.0, 0.01)), Some(TickUnit::MultiYear(10)));
        // And zooming in goes to weeks, then days.
        assert_eq!(units(&s.zoom(500.0, 4.0)), Some(TickUnit::Week));
        assert_eq!(units(&s.zoom(500.0, 20.0)), Some(TickUnit::Day));
    }

    #[test]
    fn quarters_carry_the_year_on_the_first_tick_and_on_q1() {
        // 2023-07-15 .. 2025-02-01: Q3 2023 starts before the domain, so the first tick is Q4.
        let s = TimeScale::new(d(2023, 7, 15), d(2025, 2, 1), 0.0, 600.0);
        let t = ticks(&s, 50.0);
        assert_eq!(t[0].unit, TickUnit::Quarter);
        assert_eq!(labels(&t), ["Q4 2023", "Q1 2024", "Q2", "Q3", "Q4", "Q1 2025"]);
        assert_eq!(t[0].date, d(2023, 10, 1));
        assert!(t[1].major && !t[2].major);
    }

    #[test]
    fn weeks_fall_on_mondays_and_days_on_every_day() {
        // Six weeks onto 600 px: 14.3 px a day, 100 px a week.
        let s = TimeScale::new(d(2025, 12, 20), d(2026, 1, 31), 0.0, 600.0);
        let w = ticks(&s, 60.0);
        assert_eq!(w[0].unit, TickUnit::Week);
        assert_eq!(labels(&w), ["22 Dec 2025", "29 Dec", "5 Jan 2026", "12 Jan", "19 Jan", "26 Jan"]);
        assert!(w[2].major && !w[3].major, "the first Monday of a month is major");
        let days = ticks(&s, 10.0);
        assert_eq!(days[0].unit, TickUnit::Day);
        assert_eq!(days.len(), 43);
        assert_eq!(days[0].label, "20 Dec 2025");
        assert_eq!(days[1].label, "21 Dec");
        assert_eq!(days[12].label, "1 Jan 2026");
    }

    #[test]
    fn the_whole_story_on_a_phone_gets_year_or_multi_year_ticks() {
        let s = TimeScale::new(d(2015, 12, 11), d(2026, 6, 11), 0.0, 375.0);
        // 0.098 px a day: years are 35.7 px apart.
        let t = ticks(&s, 30.0);
        assert_eq!(t[0].unit, TickUnit::Year);
        assert_eq!(choose_unit(&s, 40.0), Some(TickUnit::MultiYear(2)));
        assert_eq!(
            labels(&t),
            ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]
        );
        assert_eq!(t.iter().filter(|t| t.major).count(), 1, "only 2020 starts a decade");
        let narrow = ticks(&s.with_range(0.0, 100.0), 50.0);
        assert_eq!(
            narrow.iter().map(|t| (t.unit, t.label.as_str())).collect::<Vec<_>>(),
            [(TickUnit::MultiYear(10), "2020")]
        );
    }

    #[test]
    fn boundaries_exactly_at_the_domain_ends_are_included_and_fractions_excluded() {
        let s =
            TimeScale::from_days(f64::from(d(2024, 1, 1).days()) + 0.5, f64::from(d(2025, 1, 1).days()), 0.0, 1000.0);
        let t = ticks(&s, 50.0);
        assert_eq!(t.first().unwrap().label, "Feb 2024");
        assert_eq!(t.last().unwrap().label, "Jan 2025");
    }

    #[test]
    fn an_empty_range_has_no_ticks() {
        let s = TimeScale::new(d(2024, 1, 1), d(2025, 1, 1), 10.0, 10.0);
        assert!(ticks(&s, 50.0).is_empty());
        assert_eq!(choose_unit(&s, 50.0), None);
    }

    #[test]
    fn a_reversed_range_still_ticks_in_date_order() {
        let s = TimeScale::new(d(2024, 1, 1), d(2025, 1, 1), 1000.0, 0.0);
        let t = ticks(&s, 50.0);
        assert_eq!(t.len(), 13);
        assert!(t.windows(2).all(|w| w[0].date < w[1].date && w[0].x > w[1].x));
    }

    #[test]
    fn spacing_below_one_pixel_counts_as_one() {
        let s = TimeScale::new(d(2024, 1, 1), d(2025, 1, 1), 0.0, 100.0);
        assert_eq!(choose_unit(&s, 0.0), choose_unit(&s, 1.0));
        assert_eq!(choose_unit(&s, f64::NAN), Some(TickUnit::Week));
    }
}
