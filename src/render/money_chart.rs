//! The money chart as an SVG string: cumulative announced USD commitments per company over the
//! story's time range, drawn with plotters' SVG backend.
//!
//! Encodings: one colour per company (a fixed, colour-blind-safe palette); a **solid** step line for
//! firm commitments and a **dashed** one for the total including "up to", conditional, planned and
//! press-reported figures (so the gap between them is money that may never move); a vertical marker at
//! the current date. The data prep is [`powershift_core::money`]; this module only draws.
//!
//! plotters' SVG backend has no `stroke-dasharray`; its `DashedLineSeries` draws each dash as a short
//! `<polyline>` of its own. That is a few hundred small elements (about 20 KB of SVG in all), which
//! is cheap, and keeps the drawing within plotters' API instead of patching its output.
//!
//! The y axis is **logarithmic** (whole decades of billions). The story's totals span four orders of
//! magnitude (Google's first $0.3B, OpenAI's $400B+ of compute contracts); on a linear axis every
//! company but OpenAI is a flat line on the floor, and the chart could not be read per company, which
//! is its purpose. A line starts at its first dollar, since a log axis has no zero.
//!
//! Text: plotters' SVG backend (plotters-svg 0.3.7) escapes `<`, `>`, `&`, `"` and `'` in text and in
//! attribute values, so company names from the dataset are passed to it **unescaped**; escaping them
//! here as well would show "&amp;lt;" to readers. `tests/money_chart.rs` pins that behaviour with a
//! hostile name.
//!
//! The legend is drawn by hand rather than with plotters' series labels: plotters measures legend
//! text with the DOM on wasm32 (a span appended to the page per label), which would make this pure
//! function touch the page and draw differently natively and in the browser. Here, every text position
//! comes from fixed sizes and a character-count estimate, so the SVG is the same on both.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use powershift_core::date::Date;
use powershift_core::model::{Amount, Dataset, OrgIx};
use powershift_core::money::{MoneySeries, MoneyStep};
use powershift_core::timeline::{ticks, TimeScale};

/// Size and emphasis of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyChartOptions {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// How many companies to draw, largest upper total first.
    pub max_companies: usize,
    /// A company drawn thicker, the others lighter; shown even if not among the largest.
    pub highlight: Option<OrgIx>,
}

impl Default for MoneyChartOptions {
    fn default() -> Self {
        MoneyChartOptions { width: 640, height: 360, max_companies: 6, highlight: None }
    }
}

impl MoneyChartOptions {
    /// Options for a container `width` pixels wide, with a height that keeps the plot readable
    /// from a 340 px phone column (260 px tall) to a 900 px desktop column (420 px tall).
    pub fn for_width(width: u32) -> MoneyChartOptions {
        let width = width.max(200);
        let height = (f64::from(width) * 0.5).clamp(260.0, 420.0) as u32;
        MoneyChartOptions { width, height, ..MoneyChartOptions::default() }
    }
}

/// The company colours: Okabe–Ito hues, darkened where needed so each has at least 4.5:1 contrast
/// on white (WCAG AA for text, so the legend's swatches and the lines read as well as the labels).
/// Sky blue and yellow are left out: darkened enough, they are confused with blue and orange.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2), // blue, 5.2:1
    RGBColor(0xC0, 0x55, 0x00), // vermillion, 4.6:1
    RGBColor(0x00, 0x85, 0x61), // bluish green, 4.6:1
    RGBColor(0xA1, 0x60, 0x84), // reddish purple, 4.6:1
    RGBColor(0x9C, 0x6C, 0x00), // orange (darkened to ochre), 4.6:1
    RGBColor(0x33, 0x33, 0x33), // near black, 12.6:1
];

/// Axis text and the date marker (7:1 on white).
const INK: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
/// The line-style key in the legend: a neutral grey (4.5:1), unlike any company colour.
const KEY: RGBColor = RGBColor(0x76, 0x76, 0x76);
/// Grid lines: faint on purpose, they are not data.
const GRID: RGBColor = RGBColor(0xE4, 0xE4, 0xE4);
/// Opacity of the companies that are not highlighted when one is.
const DIMMED: f64 = 0.35;
const FONT: &str = "sans-serif";

/// The series the chart draws, in drawing (and colour) order: the first `max_companies` of `series`
/// (which [`powershift_core::money::commitments`] sorts largest first), with the highlighted company
/// taking the last place if it is not among them. The component lists the same companies in its
/// accessible summary.
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

/// Sizes that depend on the width: fewer time ticks and smaller text on a phone.
struct Layout {
    font_px: f64,
    left: u32,
    bottom: u32,
    top: u32,
    right: u32,
    x_tick_spacing: f64,
    dash: (u32, u32),
    row: i32,
}

impl Layout {
    fn for_width(width: u32) -> Layout {
        if width < 520 {
            Layout {
                font_px: 11.0,
                left: 48,
                bottom: 22,
                top: 8,
                right: 10,
                x_tick_spacing: 44.0,
                dash: (4, 3),
                row: 14,
            }
        } else {
            Layout {
                font_px: 12.0,
                left: 56,
                bottom: 24,
                top: 10,
                right: 16,
                x_tick_spacing: 60.0,
                dash: (6, 4),
                row: 16,
            }
        }
    }

    /// A plotters font of `font_px` CSS pixels. plotters-svg writes `font-size = size / 1.24`, so the
    /// size is scaled up by the same factor.
    fn font(&self, scale: f64) -> FontDesc<'static> {
        (FONT, self.font_px * scale * 1.24).into_font()
    }

    /// A rough text width for the hand-drawn legend: 0.6 em per character fits sans-serif Latin text.
    fn text_width(&self, text: &str) -> i32 {
        (text.chars().count() as f64 * self.font_px * 0.6).ceil() as i32
    }
}

/// The time axis: days since 1970-01-01 as `f64`, with ticks on calendar boundaries (from
/// [`powershift_core::timeline::ticks`]) instead of plotters' evenly spaced numbers, which would fall on
/// arbitrary days.
struct DayAxis {
    range: Range<f64>,
    ticks: Vec<(f64, String)>,
}

impl Ranged for DayAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let t = if span > 0.0 { (value - self.range.start) / span } else { 0.0 };
        (f64::from(limit.0) + t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let max = hint.max_num_points().max(1);
        let step = self.ticks.len().div_ceil(max).max(1);
        self.ticks.iter().step_by(step).map(|t| t.0).collect()
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

impl ValueFormatter<f64> for DayAxis {
    fn format_ext(&self, value: &f64) -> String {
        self.ticks.iter().find(|t| t.0 == *value).map(|t| t.1.clone()).unwrap_or_default()
    }
}

/// The step line of one total, in billions: it starts at the first step with money (a log axis has
/// no zero), rises at each step and runs on to the end of the range. Points are clamped into the plot
/// so nothing is drawn outside it; an empty vector when the total never rises above zero.
fn step_points(
    series: &MoneySeries,
    total: impl Fn(&MoneyStep) -> f64,
    x: &Range<f64>,
    y: &Range<f64>,
) -> Vec<(f64, f64)> {
    let clamp_x = |d: Date| f64::from(d.days()).clamp(x.start, x.end);
    let clamp_y = |v: f64| (v / 1e9).clamp(y.start, y.end);
    let mut pts: Vec<(f64, f64)> = Vec::with_capacity(series.steps.len() * 2 + 1);
    for step in series.steps.iter().filter(|s| total(s) > 0.0) {
        let (xd, v) = (clamp_x(step.date), clamp_y(total(step)));
        if let Some(&(_, prev)) = pts.last() {
            pts.push((xd, prev));
        }
        pts.push((xd, v));
    }
    if let Some(&(_, last)) = pts.last() {
        pts.push((x.end, last));
    }
    pts
}

/// The y range in billions for a log axis: whole decades from the one holding the smallest positive
/// total to the one at or above the largest, at least one decade; `0.1..1` when there is no money.
fn log_range(values: impl IntoIterator<Item = f64>) -> Range<f64> {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
    for v in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi <= 0.0 {
        return 0.1..1.0;
    }
    let lo_exp = lo.log10().floor();
    let hi_exp = hi.log10().ceil().max(lo_exp + 1.0);
    10f64.powf(lo_exp)..10f64.powf(hi_exp)
}

/// A y tick label in billions: "0.1", "1", "10", "1,000".
fn billions_label(v: f64) -> String {
    if v < 1.0 {
        let s = format!("{v:.3}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{:.0}", v);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Renders the chart to an `<svg …>` string (no XML declaration), ready to be put into the page.
///
/// `series` is normally [`powershift_core::money::commitments`] of `ds`; the first
/// `opts.max_companies` are drawn (see [`shown_series`]). The x axis spans [`Dataset::time_range`]; a
/// `date` outside it puts the marker at the nearer edge.
pub fn money_chart_svg(ds: &Dataset, series: &[MoneySeries], date: Date, opts: &MoneyChartOptions) -> String {
    money_chart_parts(ds, series, Some(date), opts).0
}

/// Where the plot sits in the SVG, so a date marker can be drawn over a chart rendered without one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    /// Left and right pixel edges of the plot.
    pub x: (i32, i32),
    /// Top and bottom pixel edges of the plot.
    pub y: (i32, i32),
    /// The days (since 1970) at the left and right edges.
    pub days: (f64, f64),
}

impl PlotArea {
    /// The pixel column of a date (clamped to the plot).
    pub fn x_of(&self, date: Date) -> f64 {
        let d = f64::from(date.days()).clamp(self.days.0, self.days.1);
        let t = (d - self.days.0) / (self.days.1 - self.days.0).max(1.0);
        f64::from(self.x.0) + t * f64::from(self.x.1 - self.x.0)
    }
}

/// The chart with or without the date marker, and where its plot is. The page draws the chart once
/// without a marker and moves a light overlay marker as the date changes: regenerating and re-parsing
/// the whole SVG on every date change cost most of a date change's time.
pub fn money_chart_parts(
    ds: &Dataset,
    series: &[MoneySeries],
    date: Option<Date>,
    opts: &MoneyChartOptions,
) -> (String, PlotArea) {
    let mut svg = String::new();
    // Drawing into a String has no I/O and needs no font metrics (see the module docs), so plotters has
    // nothing to fail on; should it ever report an error, a partial chart (the backend still closes the
    // `<svg>` when dropped) is better than a panic in the page.
    let mut area = PlotArea { x: (0, 1), y: (0, 1), days: (0.0, 1.0) };
    let _ = draw(&mut svg, ds, series, date, opts, &mut area);
    (svg, area)
}

fn draw(
    svg: &mut String,
    ds: &Dataset,
    series: &[MoneySeries],
    date: Option<Date>,
    opts: &MoneyChartOptions,
    area: &mut PlotArea,
) -> Result<(), Box<dyn std::error::Error>> {
    let (w, h) = (opts.width.max(120), opts.height.max(120));
    let lay = Layout::for_width(w);
    let shown = shown_series(series, opts.max_companies, opts.highlight);

    let (start, end) = ds.time_range();
    let x_range = f64::from(start.days())..f64::from(end.days()).max(f64::from(start.days()) + 1.0);
    let plot_w = f64::from(w.saturating_sub(lay.left + lay.right));
    let scale = TimeScale::new(start, end, 0.0, plot_w);
    let x_axis = DayAxis {
        range: x_range.clone(),
        ticks: ticks(&scale, lay.x_tick_spacing).into_iter().map(|t| (f64::from(t.date.days()), t.label)).collect(),
    };
    // Every positive total of the shown series, so the smallest first step is inside the axis too.
    let y_range =
        log_range(shown.iter().flat_map(|s| s.steps.iter().flat_map(|st| [st.firm_total / 1e9, st.upper_total / 1e9])));
    let (y_min, y_max) = (y_range.start, y_range.end);

    {
        let root = SVGBackend::with_string(svg, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin_top(lay.top)
            .margin_right(lay.right)
            .x_label_area_size(lay.bottom)
            .y_label_area_size(lay.left)
            // A hair below the lowest decade, so plotters puts a tick on it.
            .build_cartesian_2d(x_axis, (y_min * (1.0 - 1e-9)..y_max).log_scale())?;

        let y_fmt = |v: &f64| billions_label(*v);
        chart
            .configure_mesh()
            .max_light_lines(0)
            .bold_line_style(GRID)
            .axis_style(INK.mix(0.6))
            .x_labels(24)
            .y_labels(12)
            .y_label_formatter(&y_fmt)
            .y_desc("$B (log scale)")
            .label_style(lay.font(1.0).color(&INK))
            .axis_desc_style(lay.font(1.0).color(&INK))
            .draw()?;

        // Others first, the highlighted company last so it sits on top.
        let mut order: Vec<usize> = (0..shown.len()).collect();
        order.sort_by_key(|&i| Some(shown[i].org) == opts.highlight);
        for i in order {
            let s = shown[i];
            let colour = PALETTE[i % PALETTE.len()];
            let (alpha, firm_w, upper_w) = match opts.highlight {
                None => (1.0, 2, 2),
                Some(hl) if hl == s.org => (1.0, 3, 2),
                Some(_) => (DIMMED, 1, 1),
            };
            let upper = step_points(s, |st| st.upper_total, &x_range, &y_range);
            chart.draw_series(DashedLineSeries::new(
                upper,
                lay.dash.0,
                lay.dash.1,
                colour.mix(alpha).stroke_width(upper_w),
            ))?;
            let firm = step_points(s, |st| st.firm_total, &x_range, &y_range);
            chart.draw_series(LineSeries::new(firm, colour.mix(alpha).stroke_width(firm_w)))?;
        }

        // The date marker's line, under the legend; its label comes last, over everything.
        let d = date.map(|date| f64::from(date.days()).clamp(x_range.start, x_range.end));
        if let Some(d) = d {
            chart.draw_series(LineSeries::new(vec![(d, y_min), (d, y_max)], INK.stroke_width(1)))?;
        }

        // The legend, top left inside the plot: one row per company, then the line-style key.
        let (px, py) = chart.plotting_area().get_pixel_range();
        *area = PlotArea { x: (px.start, px.end), y: (py.start, py.end), days: (x_range.start, x_range.end) };
        let (x0, y0) = (px.start + 6, py.start + 4);
        let swatch = 18;
        let rows: Vec<(String, RGBColor, bool, f64)> = shown
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let hl = Some(s.org) == opts.highlight;
                let alpha = if opts.highlight.is_some() && !hl { 0.6 } else { 1.0 };
                (ds.org(s.org).short_name.clone(), PALETTE[i % PALETTE.len()], hl, alpha)
            })
            .collect();
        let key = [("firm", false), (if w < 520 { "incl. up to" } else { "incl. up to, reported" }, true)];
        let text_w =
            rows.iter().map(|r| lay.text_width(&r.0)).chain(key.iter().map(|k| lay.text_width(k.0))).max().unwrap_or(0);
        // Half a row between the companies and the line-style key, so the key does not read as a company.
        let key_top = y0 + rows.len() as i32 * lay.row + lay.row / 2;
        let legend_bottom = key_top + key.len() as i32 * lay.row + 4;
        let legend_right = x0 + swatch + 6 + text_w + 8;
        if !rows.is_empty() {
            root.draw(&Rectangle::new([(x0 - 4, y0 - 2), (legend_right, legend_bottom)], WHITE.mix(0.85).filled()))?;
            let text = |c: &RGBColor, alpha: f64, bold: bool| {
                let f = if bold { lay.font(1.0).style(FontStyle::Bold) } else { lay.font(1.0) };
                f.color(&c.mix(alpha)).pos(Pos::new(HPos::Left, VPos::Center))
            };
            for (r, (name, colour, hl, alpha)) in rows.iter().enumerate() {
                let y = y0 + r as i32 * lay.row + lay.row / 2;
                let stroke = if *hl { 3 } else { 2 };
                root.draw(&PathElement::new(vec![(x0, y), (x0 + swatch, y)], colour.mix(*alpha).stroke_width(stroke)))?;
                root.draw(&Text::new(name.as_str(), (x0 + swatch + 6, y), text(colour, *alpha, *hl)))?;
            }
            for (k, (label, dashed)) in key.iter().enumerate() {
                let y = key_top + k as i32 * lay.row + lay.row / 2;
                if *dashed {
                    root.draw(&DashedPathElement::new(
                        vec![(x0, y), (x0 + swatch, y)],
                        lay.dash.0,
                        lay.dash.1,
                        KEY.stroke_width(2),
                    ))?;
                } else {
                    root.draw(&PathElement::new(vec![(x0, y), (x0 + swatch, y)], KEY.stroke_width(2)))?;
                }
                root.draw(&Text::new(*label, (x0 + swatch + 6, y), text(&KEY, 1.0, false)))?;
            }
        }

        // The date in words at the foot of the marker, on whichever side has room. Totals only grow, so
        // the bottom right, where the current date usually is, is the emptiest part of the plot; a white
        // backing keeps the label legible over grid and lines.
        let (Some(d), Some(date)) = (d, date) else {
            root.present()?;
            return Ok(());
        };
        let (mx, _) = chart.backend_coord(&(d, y_max));
        let label = date.to_words();
        let label_w = lay.text_width(&label);
        let right_side = mx + 4 + label_w <= px.end;
        let (lx, anchor, l0) =
            if right_side { (mx + 4, HPos::Left, mx + 2) } else { (mx - 4, HPos::Right, mx - 6 - label_w) };
        let ly = py.end - 4;
        let label_h = (lay.font_px * 1.3).round() as i32;
        root.draw(&Rectangle::new([(l0, ly - label_h), (l0 + label_w + 4, ly)], WHITE.mix(0.85).filled()))?;
        root.draw(&Text::new(
            label,
            (lx, ly - 2),
            lay.font(1.0).style(FontStyle::Bold).color(&INK).pos(Pos::new(anchor, VPos::Bottom)),
        ))?;
        root.present()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contrast_on_white(c: RGBColor) -> f64 {
        let lin = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
        1.05 / (l + 0.05)
    }

    #[test]
    fn palette_and_ink_meet_wcag_aa_on_white() {
        for c in PALETTE.iter().chain([&INK, &KEY]) {
            assert!(contrast_on_white(*c) >= 4.5, "{c:?}: {}", contrast_on_white(*c));
        }
    }

    #[test]
    fn log_ranges_are_whole_decades() {
        assert_eq!(log_range([]), 0.1..1.0);
        assert_eq!(log_range([0.0, -1.0, f64::NAN]), 0.1..1.0);
        assert_eq!(log_range([0.3, 778.0]), 0.1..1000.0);
        assert_eq!(log_range([1.0]), 1.0..10.0);
        assert_eq!(log_range([0.038, 87.0]), 0.01..100.0);
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
