//! The money chart: a [`MoneyScene`] drawn with plotters into Yew SVG elements
//! ([`super::plotters_yew`]), plus the date marker drawn over it. The scene decides what is drawn
//! (companies, colours, lines, ranges, ticks); this module decides only pixel sizes: margins, fonts
//! and the legend's place, which depend on the width.
//!
//! Encodings: each committing organisation in its colour on the network (the scene's
//! [`MoneyLine::colour`](powershift_core::scene::MoneyLine)), named at the end of its line — several
//! organisations share a kind and so a colour, so the name, not the colour, says whose line it is; a
//! **solid** step line for firm commitments and a **dashed** one (`stroke-dasharray`) for the total
//! including "up to", conditional, planned and press-reported figures, so the gap between them is
//! money that may never move.
//!
//! The names and the line-style key are drawn by hand (not with plotters' series labels, which
//! measure text with the DOM), from fixed sizes and a character-count estimate, so they are the same
//! natively and in the browser; names that would overlap are spread apart
//! ([`spread_labels`]) and joined to their line's end.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use powershift_core::date::{Date, FuzzyDate};
use powershift_core::scene::{billions_label, spread_labels, MoneyScene};
use powershift_core::svg::num;
use yew::prelude::*;

use super::plotters_yew::{Paint, YewSvgBackend};

/// Pixel sizes that depend on the width: fewer time ticks and smaller text on a phone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartLayout {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height: readable from a 340 px phone column (260 px) to a 900 px column (420 px).
    pub height: u32,
    /// Font size.
    pub font_px: f64,
    left: u32,
    bottom: u32,
    top: u32,
    right: u32,
    /// Least spacing of x ticks.
    pub x_tick_spacing: f64,
    row: i32,
    /// Room right of the plot for the names at the lines' ends.
    label_room: u32,
}

impl ChartLayout {
    /// The layout for a container `width` pixels wide (at least 200).
    pub fn for_width(width: u32) -> ChartLayout {
        let width = width.max(200);
        let height = (f64::from(width) * 0.5).clamp(260.0, 420.0) as u32;
        if width < 520 {
            ChartLayout {
                width,
                height,
                font_px: 11.0,
                left: 48,
                bottom: 22,
                top: 8,
                right: 10,
                x_tick_spacing: 44.0,
                row: 14,
                label_room: 72,
            }
        } else {
            ChartLayout {
                width,
                height,
                font_px: 12.0,
                left: 56,
                bottom: 24,
                top: 10,
                right: 16,
                x_tick_spacing: 60.0,
                row: 16,
                label_room: 96,
            }
        }
    }

    /// Width of the plot inside the margins.
    pub fn plot_width(&self) -> f64 {
        f64::from(self.width.saturating_sub(self.left + self.right + self.label_room))
    }

    /// How many characters of a name fit in the room for labels.
    fn label_chars(&self) -> usize {
        ((f64::from(self.label_room) - 10.0) / (self.font_px * 0.6)).floor().max(3.0) as usize
    }

    /// A plotters font of `font_px` CSS pixels (plotters writes `size / 1.24`).
    fn font(&self) -> FontDesc<'static> {
        ("sans-serif", self.font_px * 1.24).into_font()
    }

    fn text_width(&self, text: &str) -> i32 {
        (text.chars().count() as f64 * self.font_px * 0.6).ceil() as i32
    }
}

/// Where the plot sits in the SVG, so the date marker can be drawn over the chart.
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

// Token colours (see `plotters_yew`): what plotters is told to draw with, and the theme classes they
// stand for.
const fn firm(i: u8) -> RGBColor {
    RGBColor(250, 0, i)
}
const fn upper(i: u8) -> RGBColor {
    RGBColor(250, 1, i)
}
const INK: RGBColor = RGBColor(250, 2, 0);
const GRID: RGBColor = RGBColor(250, 2, 1);
const KEY: RGBColor = RGBColor(250, 2, 2);
const KEY_DASHED: RGBColor = RGBColor(250, 2, 3);
const BACKDROP: RGBColor = RGBColor(250, 2, 4);

const DASH: &str = "6 4";

/// The paint table of a scene: each line's two tokens in its organisation's colour, then the
/// theme's text, grid and key.
fn paints(scene: &MoneyScene) -> Vec<Paint> {
    let rgb = |c: RGBColor| (c.0, c.1, c.2);
    let mut p: Vec<Paint> = Vec::new();
    for (i, l) in scene.lines.iter().enumerate() {
        let colour = Some(l.colour);
        p.push(Paint { token: rgb(firm(i as u8)), class: "money-line", dash: None, colour });
        p.push(Paint { token: rgb(upper(i as u8)), class: "money-line", dash: Some(DASH), colour });
    }
    let theme = |token: RGBColor, class: &'static str, dash: Option<&'static str>| Paint {
        token: rgb(token),
        class,
        dash,
        colour: None,
    };
    p.push(theme(INK, "money-ink", None));
    p.push(theme(GRID, "money-grid", None));
    p.push(theme(KEY, "money-key", None));
    p.push(theme(KEY_DASHED, "money-key", Some(DASH)));
    p.push(theme(BACKDROP, "money-bg", None));
    // plotters' own default (faint black axis lines of the mesh).
    p.push(theme(BLACK, "money-ink", None));
    p
}

/// The time axis: days since 1970 as `f64`, with the scene's calendar ticks instead of plotters'
/// evenly spaced numbers, which would fall on arbitrary days.
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

/// The chart (without the date marker) as an `<svg>`, and where its plot is.
pub fn money_svg(scene: &MoneyScene, lay: &ChartLayout) -> (Html, PlotArea) {
    let mut elements: Vec<Html> = Vec::new();
    let mut area = PlotArea { x: (0, 1), y: (0, 1), days: scene.x_range };
    let paints = paints(scene);
    // The backend cannot fail; should plotters ever report an error, a partial chart is better than
    // a panic in the page.
    let _ = draw(scene, lay, &paints, &mut elements, &mut area);
    let (w, h) = (lay.width, lay.height);
    let svg = html! {
        <svg class="money-svg" width={w.to_string()} height={h.to_string()} viewBox={format!("0 0 {w} {h}")}
             xmlns="http://www.w3.org/2000/svg" aria-hidden="true">{ for elements }</svg>
    };
    (svg, area)
}

fn draw(
    scene: &MoneyScene,
    lay: &ChartLayout,
    paints: &[Paint],
    out: &mut Vec<Html>,
    area: &mut PlotArea,
) -> Result<(), Box<dyn std::error::Error>> {
    let (w, h) = (lay.width, lay.height);
    let x_range = scene.x_range.0..scene.x_range.1;
    let (y_min, y_max) = scene.y_range;
    let root = YewSvgBackend::new((w, h), paints, out).into_drawing_area();
    let x_axis = DayAxis { range: x_range.clone(), ticks: scene.x_ticks.clone() };
    let mut chart = ChartBuilder::on(&root)
        .margin_top(lay.top)
        .margin_right(lay.right + lay.label_room)
        .x_label_area_size(lay.bottom)
        .y_label_area_size(lay.left)
        // A hair below the lowest decade, so plotters puts a tick on it.
        .build_cartesian_2d(x_axis, (y_min * (1.0 - 1e-9)..y_max).log_scale())?;
    let y_fmt = |v: &f64| billions_label(*v);
    chart
        .configure_mesh()
        .max_light_lines(0)
        .bold_line_style(GRID)
        .axis_style(INK)
        .x_labels(24)
        .y_labels(12)
        .y_label_formatter(&y_fmt)
        .y_desc("$B (log scale)")
        .label_style(lay.font().color(&INK))
        .axis_desc_style(lay.font().color(&INK))
        .draw()?;

    // Others first, the highlighted organisation last so it sits on top.
    let mut order: Vec<usize> = (0..scene.lines.len()).collect();
    powershift_core::sort::sort_by_key(&mut order, |&i| scene.lines[i].highlight);
    for &i in &order {
        let l = &scene.lines[i];
        let c = i as u8;
        let (alpha, firm_w, upper_w) = if l.highlight {
            (1.0, 3, 2)
        } else if l.dimmed {
            (0.35, 1, 1)
        } else {
            (1.0, 2, 2)
        };
        chart.draw_series(LineSeries::new(l.upper.iter().copied(), upper(c).mix(alpha).stroke_width(upper_w)))?;
        chart.draw_series(LineSeries::new(l.firm.iter().copied(), firm(c).mix(alpha).stroke_width(firm_w)))?;
    }

    let (px, py) = chart.plotting_area().get_pixel_range();
    *area = PlotArea { x: (px.start, px.end), y: (py.start, py.end), days: scene.x_range };
    if scene.lines.is_empty() {
        return Ok(());
    }

    // Each line's name at its end, right of the plot, spread so no two overlap, joined to the line
    // by a short stroke in its colour.
    let ends: Vec<(i32, i32)> = scene.lines.iter().map(|l| chart.backend_coord(&(scene.x_range.1, l.end))).collect();
    let wanted: Vec<f64> = ends.iter().map(|e| f64::from(e.1)).collect();
    let half = f64::from(lay.row) / 2.0;
    let placed = spread_labels(&wanted, f64::from(lay.row), f64::from(py.start) + half, f64::from(py.end) - half);
    let text = |c: RGBColor, alpha: f64, bold: bool| {
        let f = if bold { lay.font().style(FontStyle::Bold) } else { lay.font() };
        f.color(&c.mix(alpha)).pos(Pos::new(HPos::Left, VPos::Center))
    };
    for (i, l) in scene.lines.iter().enumerate() {
        let (x, y) = (ends[i].0, placed[i].round() as i32);
        let alpha = if l.dimmed { 0.6 } else { 1.0 };
        root.draw(&PathElement::new(
            vec![ends[i], (x + 4, y), (x + 8, y)],
            firm(i as u8).mix(alpha).stroke_width(if l.highlight { 3 } else { 2 }),
        ))?;
        let name = powershift_core::timeline::truncate_label(&l.name, lay.label_chars());
        root.draw(&Text::new(name, (x + 11, y), text(INK, alpha, l.highlight)))?;
    }

    // The line-style key, top left inside the plot.
    let (x0, y0) = (px.start + 6, py.start + 4);
    let swatch = 18;
    let key = [("firm", KEY), (if w < 520 { "incl. up to" } else { "incl. up to, reported" }, KEY_DASHED)];
    let text_w = key.iter().map(|k| lay.text_width(k.0)).max().unwrap_or(0);
    let legend_bottom = y0 + key.len() as i32 * lay.row + 4;
    let legend_right = x0 + swatch + 6 + text_w + 8;
    root.draw(&Rectangle::new([(x0 - 4, y0 - 2), (legend_right, legend_bottom)], BACKDROP.mix(0.85).filled()))?;
    for (k, (label, colour)) in key.iter().enumerate() {
        let y = y0 + k as i32 * lay.row + lay.row / 2;
        root.draw(&PathElement::new(vec![(x0, y), (x0 + swatch, y)], colour.stroke_width(2)))?;
        root.draw(&Text::new(*label, (x0 + swatch + 6, y), text(KEY, 1.0, false)))?;
    }
    Ok(())
}

/// The date marker over the chart: a line at the date and the date in words at its foot, on
/// whichever side has room; none before the chart's first day. A light overlay, so a date change
/// does not redraw the chart.
pub fn money_marker(area: &PlotArea, lay: &ChartLayout, date: FuzzyDate) -> Html {
    // Before the chart's first day there is nothing to mark: a line pinned to the left edge would
    // put the date where a later one belongs.
    if f64::from(date.start.days()) < area.days.0 {
        return html! {};
    }
    let mx = area.x_of(date.start);
    let words = date.to_words();
    let right = mx + 6.0 + f64::from(lay.text_width(&words)) <= f64::from(area.x.1);
    let (w, h) = (lay.width, lay.height);
    html! {
        <svg class="money-marker" viewBox={format!("0 0 {w} {h}")} aria-hidden="true">
            <line x1={num(mx)} x2={num(mx)} y1={area.y.0.to_string()} y2={area.y.1.to_string()} />
            <text x={num(if right { mx + 5.0 } else { mx - 5.0 })} y={(area.y.1 - 6).to_string()}
                  text-anchor={if right { "start" } else { "end" }}>{ words }</text>
        </svg>
    }
}
