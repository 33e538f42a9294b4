//! The money chart's scene: which organisations are drawn, who **committed** the money (each line
//! is one committing organisation: the investor, the buyer of compute or chips, the payer), their
//! firm and "up to" step lines in data coordinates (days, billions of US dollars on a log axis), the
//! axis ranges and ticks, and the text for readers (summary and table). The app's renderer draws it
//! with plotters; nothing here knows about pixels beyond the tick spacing and [`spread_labels`].
//!
//! - **Colour** is the organisation's colour on the network ([`org_colour`] of its kind), so OpenAI
//!   is the same colour in both pictures. Several organisations share a kind, so each line is also
//!   **labelled with its name at its end**: colour is never the only cue.
//! - **Which lines**: the highlighted (selected or focused) organisation and the story's hubs (the
//!   organisations with the most relationships, [`hubs`]: OpenAI and Microsoft in the shipped story)
//!   whenever they committed money, then the largest committers up to [`MoneyOptions::max_companies`].
//!   A top-N cut alone dropped Microsoft, the story's main company, whose sums are smaller.
//! - **Time** starts just before the first amount drawn, not at the story's start: years with no
//!   money would leave most of the width empty.
//!
//! The y axis is **logarithmic** (whole decades of billions): the story's totals span four orders of
//! magnitude, and on a linear axis every company but OpenAI would be a flat line on the floor. A line
//! starts at its first dollar, since a log axis has no zero.

use crate::date::{Date, FuzzyDate};
use crate::model::{Amount, Dataset, OrgIx};
use crate::money::{MoneySeries, MoneyStep};
use crate::timeline::{ticks, TimeScale};

use super::encoding::org_colour;

/// What to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyOptions {
    /// How many organisations at most (more only when the highlight and the hubs need the room).
    pub max_companies: usize,
    /// An organisation drawn thicker and the others lighter; always drawn when it committed money.
    pub highlight: Option<OrgIx>,
    /// How many of the story's hubs ([`hubs`]) are always drawn when they committed money.
    pub hubs: usize,
}

impl Default for MoneyOptions {
    fn default() -> Self {
        MoneyOptions { max_companies: 6, highlight: None, hubs: 2 }
    }
}

/// One committing organisation's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyLine {
    /// The organisation that committed the money.
    pub org: OrgIx,
    /// Its short name: the line's label at its end.
    pub name: String,
    /// Its colour on the network ([`org_colour`] of its kind).
    pub colour: &'static str,
    /// The highlighted organisation.
    pub highlight: bool,
    /// Another organisation is highlighted.
    pub dimmed: bool,
    /// Firm total: a step line of (day, billions) points, empty when never above zero.
    pub firm: Vec<(f64, f64)>,
    /// Total including "up to", conditional and reported figures.
    pub upper: Vec<(f64, f64)>,
    /// Where the label goes: the last point of the upper line (billions).
    pub end: f64,
}

/// The chart, in data coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyScene {
    /// Lines, largest committer first.
    pub lines: Vec<MoneyLine>,
    /// The x range in days since 1970: from just before the first amount drawn to the story's end.
    pub x_range: (f64, f64),
    /// The y range in billions, whole decades.
    pub y_range: (f64, f64),
    /// Calendar ticks on the x axis: (day, label).
    pub x_ticks: Vec<(f64, String)>,
}

/// The `n` organisations with the most relationships over the story, most first (ties in file
/// order): the story's main companies. O(relationships + organisations log organisations).
pub fn hubs(ds: &Dataset, n: usize) -> Vec<OrgIx> {
    let mut degree = vec![0usize; ds.organisations.len()];
    for r in &ds.relationships {
        degree[r.from.ix()] += 1;
        degree[r.to.ix()] += 1;
    }
    let mut orgs: Vec<OrgIx> = (0..ds.organisations.len() as u32).map(OrgIx).filter(|o| degree[o.ix()] > 0).collect();
    crate::sort::sort_by_key(&mut orgs, |o| (std::cmp::Reverse(degree[o.ix()]), *o));
    orgs.truncate(n);
    orgs
}

/// The series the chart draws, largest first (the order of `series`, which
/// [`crate::money::commitments`] sorts): every organisation of `always` that committed money, then
/// the largest others until there are `max_companies` (or as many as `always` needs).
pub fn shown_series<'a>(series: &'a [MoneySeries], max_companies: usize, always: &[OrgIx]) -> Vec<&'a MoneySeries> {
    let required = series.iter().filter(|s| always.contains(&s.org)).count();
    let mut room = max_companies.saturating_sub(required);
    series
        .iter()
        .filter(|s| {
            if always.contains(&s.org) {
                true
            } else if room > 0 {
                room -= 1;
                true
            } else {
                false
            }
        })
        .collect()
}

/// The first day of the chart: a little before `first` (a fortieth of the time to `end`, at least a
/// day), at the start of that month, so the first step is never on the axis itself.
fn start_before(first: Date, end: Date) -> Date {
    let lead = ((end.days() - first.days()) / 40).max(1);
    let (y, m, _) = first.add_days(-lead).ymd();
    Date::from_ymd(y, m, 1).unwrap_or(first)
}

/// Builds the scene for a plot `plot_width` pixels wide with x ticks at least `tick_spacing` apart.
/// O(relationships + steps of the shown series).
pub fn money_scene(
    ds: &Dataset,
    series: &[MoneySeries],
    opts: &MoneyOptions,
    plot_width: f64,
    tick_spacing: f64,
) -> MoneyScene {
    let mut always: Vec<OrgIx> = opts.highlight.into_iter().collect();
    always.extend(hubs(ds, opts.hubs));
    let shown = shown_series(series, opts.max_companies, &always);
    let (story_start, end) = ds.time_range();
    let start = shown
        .iter()
        .filter_map(|s| s.steps.first().map(|st| st.date))
        .min()
        .map_or(story_start, |first| start_before(first, end).min(first));
    let x_range = (f64::from(start.days()), f64::from(end.days()).max(f64::from(start.days()) + 1.0));
    // Every positive total of the shown series, so the smallest first step is inside the axis too.
    let y_range = log_range(
        shown.iter().flat_map(|s| s.steps.iter().flat_map(|st| [st.firm_total, st.upper_total])).map(|v| v / 1e9),
    );
    let scale = TimeScale::new(start, end.max(start.add_days(1)), 0.0, plot_width.max(1.0));
    let x_ticks = ticks(&scale, tick_spacing).into_iter().map(|t| (f64::from(t.date.days()), t.label)).collect();
    let lines = shown
        .iter()
        .map(|s| {
            let upper = step_points(s, |st| st.upper_total, x_range, y_range);
            MoneyLine {
                org: s.org,
                name: ds.org(s.org).short_name.clone(),
                colour: org_colour(ds.org(s.org).kind),
                highlight: opts.highlight == Some(s.org),
                dimmed: opts.highlight.is_some_and(|h| h != s.org),
                firm: step_points(s, |st| st.firm_total, x_range, y_range),
                end: upper.last().map_or(y_range.0, |p| p.1),
                upper,
            }
        })
        .collect();
    MoneyScene { lines, x_range, y_range, x_ticks }
}

/// Label positions along one axis (pixels, growing downwards) for labels wanted at `wanted`, at
/// least `gap` apart and inside `[lo, hi]`, each as near its wish as the others allow; the result is
/// in the order of `wanted`. Labels keep their order. O(n log n).
///
/// ```
/// use powershift_core::scene::money::spread_labels;
/// assert_eq!(spread_labels(&[50.0, 52.0, 10.0], 10.0, 0.0, 100.0), vec![46.0, 56.0, 10.0]);
/// assert_eq!(spread_labels(&[99.0, 100.0], 10.0, 0.0, 100.0), vec![90.0, 100.0]);
/// ```
pub fn spread_labels(wanted: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    crate::sort::sort_by(&mut order, |a, b| wanted[*a].total_cmp(&wanted[*b]).then(a.cmp(b)));
    let w: Vec<f64> = order.iter().map(|i| wanted[*i].clamp(lo, hi)).collect();
    // Labels that would overlap form a cluster, evenly spaced around the mean of their wishes
    // ("pool adjacent violators"); merging stops when a cluster clears the one above it.
    let mut clusters: Vec<(f64, usize)> = Vec::new(); // (sum of each member's wished top, members)
    for &y in &w {
        let (mut sum, mut n) = (y, 1usize);
        while let Some(&(ps, pn)) = clusters.last() {
            if ps / pn as f64 + gap * pn as f64 <= sum / n as f64 {
                break;
            }
            // The members of this cluster move pn places down in the merged one.
            sum = ps + sum - gap * (pn * n) as f64;
            n += pn;
            clusters.pop();
        }
        clusters.push((sum, n));
    }
    let mut placed: Vec<f64> = Vec::with_capacity(w.len());
    for (sum, n) in clusters {
        let top = sum / n as f64;
        placed.extend((0..n).map(|i| top + gap * i as f64));
    }
    // Keep inside the range: push down from the top, then up from the bottom.
    for i in 0..placed.len() {
        let min = if i == 0 { lo } else { placed[i - 1] + gap };
        placed[i] = placed[i].max(min);
    }
    for i in (0..placed.len()).rev() {
        let max = if i + 1 == placed.len() { hi } else { placed[i + 1] - gap };
        placed[i] = placed[i].min(max);
    }
    let mut out = vec![0.0; wanted.len()];
    for (k, i) in order.iter().enumerate() {
        out[*i] = placed[k];
    }
    out
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
    /// The organisation that committed the money.
    pub org: OrgIx,
    /// Its short name.
    pub name: String,
    /// Firm total on the date.
    pub firm: String,
    /// Total including "up to" and reported figures.
    pub upper: String,
}

/// What the chart says in words on a date: a one-sentence summary (its accessible name) and the
/// table rows, for the organisations the scene draws.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyReadout {
    /// "Money committed by each organisation, cumulative, as of 28 April 2026: OpenAI $403.9B firm,
    /// up to $777.9B; …".
    pub summary: String,
    /// One row per drawn organisation.
    pub rows: Vec<MoneyRow>,
}

/// The readout of `scene`'s organisations on `date` (said at its precision: "as of May 2025").
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
        format!("Money committed by each organisation, cumulative, as of {words}: {}.", parts.join("; "))
    };
    MoneyReadout { summary, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight committers: `hub` (a cloud) has the most relationships and the smallest sums; `p`
    /// commits a little, early (2016), and ranks below the cut; `a`…`f` commit from 2020 on.
    fn fixture() -> Dataset {
        let org = |id: &str, kind: &str| {
            format!(
                r#"{{"id": "{id}", "name": "{id} Inc", "short_name": "{id}", "kind": "{kind}", "description": "D."}}"#
            )
        };
        let mut orgs = vec![org("hub", "cloud"), org("p", "person"), org("lab", "ai_lab")];
        let mut events = Vec::new();
        let mut amount = |n: usize, id: &str, date: &str, billions: f64| {
            events.push(format!(
                r#"{{"id": "e{n}", "date": "{date}", "title": "T", "kinds": ["investment"], "organisations": ["{id}", "lab"],
                   "amounts": [{{"value": {}, "currency": "USD", "from": "{id}", "to": "lab"}}],
                   "summary": "S.", "confidence": {{"level": "confirmed"}},
                   "sources": [{{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/{n}"}}]}}"#,
                billions * 1e9
            ))
        };
        amount(0, "p", "2016-03-01", 0.01);
        amount(1, "hub", "2019-07-22", 1.0);
        for (i, id) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
            orgs.push(org(id, "investor"));
            amount(2 + i, id, "2020-06-01", 10.0 * (i + 2) as f64);
        }
        // The hub's ties: four relationships, more than anyone's one (the lab, first in file order
        // of those with one, commits nothing).
        let mut rels: Vec<String> = ["a", "b", "c"]
            .iter()
            .enumerate()
            .map(|(i, o)| {
                format!(
                    r#"{{"id": "r{i}", "from": "hub", "to": "{o}", "kind": "partnership", "label": "Tie",
                       "phases": [{{"start": "2020-06-01", "status": "s", "events": ["e{}"]}}]}}"#,
                    2 + i
                )
            })
            .collect();
        rels.push(
            r#"{"id": "r9", "from": "lab", "to": "hub", "kind": "licence", "label": "Licence",
                "phases": [{"start": "2019-07-22", "status": "s", "events": ["e1"]}]}"#
                .to_string(),
        );
        Dataset::from_json_str(&format!(
            r#"{{"format_version": 1, "meta": {{"title": "Money", "as_of": "2026-06-11", "start": "2015-12-11"}},
                "organisations": [{}], "events": [{}], "relationships": [{}]}}"#,
            orgs.join(","),
            events.join(","),
            rels.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn the_hub_and_the_highlight_are_drawn_even_below_the_top_n_cut() {
        let ds = fixture();
        let series = crate::money::commitments(&ds);
        let id = |o: OrgIx| ds.org(o).id.as_str();
        assert_eq!(hubs(&ds, 2).iter().map(|o| id(*o)).collect::<Vec<_>>(), ["hub", "lab"]);
        let scene = money_scene(&ds, &series, &MoneyOptions::default(), 600.0, 60.0);
        let drawn: Vec<&str> = scene.lines.iter().map(|l| id(l.org)).collect();
        // Six at most, largest first; the hub (seventh by amount) takes the place of the sixth.
        assert_eq!(drawn, ["f", "e", "d", "c", "b", "hub"]);
        let p = ds.org_ix("p").unwrap();
        let hl =
            money_scene(&ds, &series, &MoneyOptions { highlight: Some(p), ..MoneyOptions::default() }, 600.0, 60.0);
        let drawn: Vec<&str> = hl.lines.iter().map(|l| id(l.org)).collect();
        assert_eq!(drawn, ["f", "e", "d", "c", "hub", "p"], "the selected organisation too");
        assert!(hl.lines.iter().all(|l| l.highlight == (l.org == p) && l.dimmed == (l.org != p)));
        // Without hubs it is a plain top six.
        let plain = money_scene(&ds, &series, &MoneyOptions { hubs: 0, ..MoneyOptions::default() }, 600.0, 60.0);
        assert!(!plain.lines.iter().any(|l| id(l.org) == "hub"));
    }

    #[test]
    fn lines_wear_their_organisations_network_colour_and_end_where_their_label_goes() {
        let ds = fixture();
        let series = crate::money::commitments(&ds);
        let scene = money_scene(&ds, &series, &MoneyOptions::default(), 600.0, 60.0);
        for l in &scene.lines {
            assert_eq!(l.colour, org_colour(ds.org(l.org).kind), "{}", l.name);
            assert_eq!(Some(l.end), l.upper.last().map(|p| p.1));
            assert_eq!(l.upper.last().map(|p| p.0), Some(scene.x_range.1), "runs to the end");
        }
    }

    #[test]
    fn time_starts_just_before_the_first_amount_drawn() {
        let ds = fixture();
        let series = crate::money::commitments(&ds);
        let day = |s: &str| f64::from(Date::parse_iso(s).unwrap().days());
        // The hub's 22 July 2019 is the first amount drawn: the axis starts in the months before.
        let scene = money_scene(&ds, &series, &MoneyOptions::default(), 600.0, 60.0);
        assert!(scene.x_range.0 < day("2019-07-22") && scene.x_range.0 >= day("2019-05-01"), "{:?}", scene.x_range);
        assert_eq!(scene.x_range.1, day("2026-06-11"));
        // With the 2016 committer highlighted, time starts before 2016.
        let p = ds.org_ix("p").unwrap();
        let hl =
            money_scene(&ds, &series, &MoneyOptions { highlight: Some(p), ..MoneyOptions::default() }, 600.0, 60.0);
        assert!(hl.x_range.0 < day("2016-03-01") && hl.x_range.0 >= day("2015-11-01"), "{:?}", hl.x_range);
        // No money at all: the story's own range.
        let empty = money_scene(&ds, &[], &MoneyOptions::default(), 600.0, 60.0);
        assert_eq!(empty.x_range.0, day("2015-12-11"));
    }

    #[test]
    fn labels_keep_their_order_and_spacing_inside_the_plot() {
        let wanted = [100.0, 101.0, 102.0, 300.0, 5.0, 6.0];
        let got = spread_labels(&wanted, 12.0, 0.0, 310.0);
        let mut pairs: Vec<(f64, f64)> = wanted.iter().copied().zip(got.iter().copied()).collect();
        crate::sort::sort_by(&mut pairs, |a, b| a.0.total_cmp(&b.0));
        assert!(pairs.windows(2).all(|w| w[1].1 - w[0].1 >= 12.0 - 1e-9), "{pairs:?}");
        assert!(got.iter().all(|y| (0.0..=310.0).contains(y)), "{got:?}");
        assert!((got[1] - 101.0).abs() < 1e-9, "the middle of a cluster stays where it wished");
        assert_eq!(spread_labels(&[], 12.0, 0.0, 10.0), Vec::<f64>::new());
    }

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
