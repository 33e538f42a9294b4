//! The money chart's scene: which companies are drawn in which colour, their firm and "up to"
//! step lines in data coordinates (days, billions of US dollars on a log axis), the axis ranges and
//! ticks, the legend, and the text for readers (summary and table). The app's renderer draws it with
//! plotters; nothing here knows about pixels beyond the tick spacing.
//!
//! The y axis is **logarithmic** (whole decades of billions): the story's totals span four orders of
//! magnitude, and on a linear axis every company but OpenAI would be a flat line on the floor. A line
//! starts at its first dollar, since a log axis has no zero.

use crate::date::{Date, FuzzyDate};
use crate::model::{Amount, Dataset, OrgIx};
use crate::money::{MoneySeries, MoneyStep};
use crate::timeline::{ticks, TimeScale};

use super::encoding::MONEY_COLOURS;

/// What to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyOptions {
    /// How many companies, largest upper total first.
    pub max_companies: usize,
    /// A company drawn thicker and the others lighter; shown even if not among the largest.
    pub highlight: Option<OrgIx>,
}

impl Default for MoneyOptions {
    fn default() -> Self {
        MoneyOptions { max_companies: 6, highlight: None }
    }
}

/// One company's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyLine {
    /// The company.
    pub org: OrgIx,
    /// Its short name.
    pub name: String,
    /// Its colour, an index below [`MONEY_COLOURS`] (the theme's `--money-N`).
    pub colour: usize,
    /// The highlighted company.
    pub highlight: bool,
    /// Another company is highlighted.
    pub dimmed: bool,
    /// Firm total: a step line of (day, billions) points, empty when never above zero.
    pub firm: Vec<(f64, f64)>,
    /// Total including "up to", conditional and reported figures.
    pub upper: Vec<(f64, f64)>,
}

/// The chart, in data coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyScene {
    /// Lines in legend (and colour) order.
    pub lines: Vec<MoneyLine>,
    /// The x range in days since 1970.
    pub x_range: (f64, f64),
    /// The y range in billions, whole decades.
    pub y_range: (f64, f64),
    /// Calendar ticks on the x axis: (day, label).
    pub x_ticks: Vec<(f64, String)>,
}

/// The series the chart draws, in drawing (and colour) order: the first `max_companies` of `series`
/// (which [`crate::money::commitments`] sorts largest first), with the highlighted company taking
/// the last place if it is not among them.
pub fn shown_series(series: &[MoneySeries], max_companies: usize, highlight: Option<OrgIx>) -> Vec<&MoneySeries> {
    let mut shown: Vec<&MoneySeries> = series.iter().take(max_companies).collect();
    if let Some(h) = highlight {
        if max_companies > 0 && !shown.iter().any(|s| s.org == h) {
            if let Some(s) = series.iter().find(|s| s.org == h) {
                shown.pop();
                shown.push(s);
            }
        }
    }
    shown
}

/// Builds the scene for a plot `plot_width` pixels wide with x ticks at least `tick_spacing` apart.
/// O(steps of the shown series).
pub fn money_scene(
    ds: &Dataset,
    series: &[MoneySeries],
    opts: &MoneyOptions,
    plot_width: f64,
    tick_spacing: f64,
) -> MoneyScene {
    let shown = shown_series(series, opts.max_companies, opts.highlight);
    let (start, end) = ds.time_range();
    let x_range = (f64::from(start.days()), f64::from(end.days()).max(f64::from(start.days()) + 1.0));
    // Every positive total of the shown series, so the smallest first step is inside the axis too.
    let y_range = log_range(
        shown.iter().flat_map(|s| s.steps.iter().flat_map(|st| [st.firm_total, st.upper_total])).map(|v| v / 1e9),
    );
    let scale = TimeScale::new(start, end, 0.0, plot_width.max(1.0));
    let x_ticks = ticks(&scale, tick_spacing).into_iter().map(|t| (f64::from(t.date.days()), t.label)).collect();
    let lines = shown
        .iter()
        .enumerate()
        .map(|(i, s)| MoneyLine {
            org: s.org,
            name: ds.org(s.org).short_name.clone(),
            colour: i % MONEY_COLOURS,
            highlight: opts.highlight == Some(s.org),
            dimmed: opts.highlight.is_some_and(|h| h != s.org),
            firm: step_points(s, |st| st.firm_total, x_range, y_range),
            upper: step_points(s, |st| st.upper_total, x_range, y_range),
        })
        .collect();
    MoneyScene { lines, x_range, y_range, x_ticks }
}

/// The step line of one total, in billions: it starts at the first step with money (a log axis has
/// no zero), rises at each step and runs on to the end of the range. Points are clamped into the
/// plot; empty when the total never rises above zero.
fn step_points(
    series: &MoneySeries,
    total: impl Fn(&MoneyStep) -> f64,
    x: (f64, f64),
    y: (f64, f64),
) -> Vec<(f64, f64)> {
    let clamp_x = |d: Date| f64::from(d.days()).clamp(x.0, x.1);
    let clamp_y = |v: f64| (v / 1e9).clamp(y.0, y.1);
    let mut pts: Vec<(f64, f64)> = Vec::with_capacity(series.steps.len() * 2 + 1);
    for step in series.steps.iter().filter(|s| total(s) > 0.0) {
        let (xd, v) = (clamp_x(step.date), clamp_y(total(step)));
        if let Some(&(_, prev)) = pts.last() {
            pts.push((xd, prev));
        }
        pts.push((xd, v));
    }
    if let Some(&(_, last)) = pts.last() {
        pts.push((x.1, last));
    }
    pts
}

/// The y range in billions for a log axis: whole decades from the one holding the smallest positive
/// value to the one at or above the largest, at least one decade; `0.1..1` when there is no money.
///
/// ```
/// use powershift_core::scene::log_range;
/// assert_eq!(log_range([0.3, 778.0]), (0.1, 1000.0));
/// assert_eq!(log_range([]), (0.1, 1.0));
/// ```
pub fn log_range(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
    for v in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi <= 0.0 {
        return (0.1, 1.0);
    }
    let lo_exp = lo.log10().floor();
    let hi_exp = hi.log10().ceil().max(lo_exp + 1.0);
    (10f64.powf(lo_exp), 10f64.powf(hi_exp))
}

/// A y tick label in billions: "0.1", "1", "10", "1,000".
pub fn billions_label(v: f64) -> String {
    if v < 1.0 {
        let s = format!("{v:.3}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{v:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A dollar figure for readers, in the dataset's compact style: "$1B", "$403.9B", "$0".
pub fn usd(value: f64) -> String {
    if value <= 0.0 {
        return "$0".to_string();
    }
    Amount {
        value,
        currency: "USD".to_string(),
        qualifiers: Vec::new(),
        from: None,
        to: None,
        label: None,
        alternatives: Vec::new(),
    }
    .compact_value()
}

/// One row of the chart's table for screen readers.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyRow {
    /// The company.
    pub org: OrgIx,
    /// Its short name.
    pub name: String,
    /// Firm total on the date.
    pub firm: String,
    /// Total including "up to" and reported figures.
    pub upper: String,
}

/// What the chart says in words on a date: a one-sentence summary (its accessible name) and the
/// table rows, for the companies the scene draws.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyReadout {
    /// "Cumulative commitments as of 28 April 2026: OpenAI $403.9B firm, up to $777.9B; …".
    pub summary: String,
    /// One row per drawn company.
    pub rows: Vec<MoneyRow>,
}

/// The readout of `scene`'s companies on `date` (said at its precision: "as of May 2025").
pub fn money_readout(series: &[MoneySeries], scene: &MoneyScene, date: FuzzyDate) -> MoneyReadout {
    let (words, date) = (date.to_words(), date.start);
    let rows: Vec<MoneyRow> = scene
        .lines
        .iter()
        .filter_map(|l| series.iter().find(|s| s.org == l.org).map(|s| (l, s.totals_at(date))))
        .map(|(l, (firm, upper))| MoneyRow { org: l.org, name: l.name.clone(), firm: usd(firm), upper: usd(upper) })
        .collect();
    let parts: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.upper != r.firm {
                format!("{} {} firm, up to {}", r.name, r.firm, r.upper)
            } else {
                format!("{} {} firm", r.name, r.firm)
            }
        })
        .collect();
    let summary = if parts.is_empty() {
        format!("No money commitments recorded as of {words}.")
    } else {
        format!("Cumulative commitments as of {words}: {}.", parts.join("; "))
    };
    MoneyReadout { summary, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ranges_are_whole_decades() {
        assert_eq!(log_range([]), (0.1, 1.0));
        assert_eq!(log_range([0.0, -1.0, f64::NAN]), (0.1, 1.0));
        assert_eq!(log_range([0.3, 778.0]), (0.1, 1000.0));
        assert_eq!(log_range([1.0]), (1.0, 10.0));
        assert_eq!(log_range([0.038, 87.0]), (0.01, 100.0));
    }

    #[test]
    fn billions_labels() {
        assert_eq!(billions_label(0.1), "0.1");
        assert_eq!(billions_label(0.01), "0.01");
        assert_eq!(billions_label(1.0000000000000002), "1");
        assert_eq!(billions_label(100.0), "100");
        assert_eq!(billions_label(1000.0), "1,000");
    }

    #[test]
    fn usd_is_compact() {
        assert_eq!(usd(0.0), "$0");
        assert_eq!(usd(1e9), "$1B");
        assert_eq!(usd(403.9e9), "$403.9B");
        assert_eq!(usd(38e6), "$38M");
    }
}
