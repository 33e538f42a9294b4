//! Properties of the timeline layout on random scales and spans, and its guarantees on the shipped
//! story at phone, desktop and poster widths: the scale inverts, ticks are ordered, aligned, complete
//! and spaced, lanes never overlap and are as few as possible, marks never overlap in a lane, and the
//! density histogram counts every event once.

use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::timeline::{
    density, layout_events, pack_lanes, ticks, EventLayout, MarkStyle, Span, TickUnit, TimeScale, MIN_SPAN_DAYS,
};
use proptest::prelude::*;

const SHIPPED: &str = include_str!("../../../static/data/powershift.json");

fn shipped() -> Dataset {
    Dataset::from_json_str(SHIPPED).unwrap_or_else(|e| panic!("the shipped dataset is invalid:\n{e}"))
}

/// The whole story onto `0..width`.
fn story_scale(ds: &Dataset, width: f64) -> TimeScale {
    let (a, b) = ds.time_range();
    TimeScale::new(a, b, 0.0, width)
}

/// A left-to-right scale with a whole-day domain between 1900 and 2100 and 7 days to 22 years wide.
fn arb_scale() -> impl Strategy<Value = TimeScale> {
    (-25_000i32..47_000, 7i32..8_000, 0.0..500.0f64, 200.0..8_000.0f64).prop_map(|(start, span, r0, width)| {
        TimeScale::new(Date::from_days(start), Date::from_days(start + span), r0, r0 + width)
    })
}

/// Checks the layout's promise independently of the code that made it: every event once, in date
/// order, labels right of their own mark, and no two boxes in a lane closer than the lane gap.
fn assert_no_overlap(ds: &Dataset, layout: &EventLayout, style: &MarkStyle) -> Result<(), TestCaseError> {
    prop_assert_eq!(layout.marks.len(), ds.events.len());
    let mut seen: Vec<u32> = layout.marks.iter().map(|m| m.event.0).collect();
    powershift_core::sort::sort(&mut seen);
    prop_assert!(seen.iter().enumerate().all(|(i, e)| *e as usize == i), "every event exactly once");
    prop_assert!(layout.marks.windows(2).all(|w| ds.event(w[0].event).date.start <= ds.event(w[1].event).date.start));
    let boxes: Vec<(usize, f64, f64)> = layout
        .marks
        .iter()
        .map(|m| {
            let (lo, hi) = (m.x.min(m.x_end.unwrap_or(m.x)), m.x.max(m.x_end.unwrap_or(m.x)));
            assert!(m.label_x >= hi + style.mark_radius, "the label of {:?} overlaps its own mark", m.event);
            assert!(m.label_width > 0.0 && m.label.chars().count() <= style.max_label_chars);
            (m.lane, lo - style.mark_radius, m.label_x + m.label_width)
        })
        .collect();
    prop_assert!(boxes.iter().all(|b| b.0 < layout.lanes));
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a.0 == b.0 {
                let apart = a.2 + style.lane_gap <= b.1 || b.2 + style.lane_gap <= a.1;
                prop_assert!(apart, "boxes {:?} and {:?} overlap in lane {}", (a.1, a.2), (b.1, b.2), a.0);
            }
        }
    }
    Ok(())
}

/// The largest number of gap-widened spans covering one point: no packing can use fewer lanes.
fn max_depth(spans: &[Span], gap: f64) -> usize {
    spans
        .iter()
        .map(|p| spans.iter().filter(|q| q.start <= p.start && p.start < q.end + gap).count())
        .max()
        .unwrap_or(0)
}

/// Whether `date` is a boundary of `unit`.
fn aligned(unit: TickUnit, date: Date) -> bool {
    let (y, m, d) = date.ymd();
    match unit {
        TickUnit::Day => true,
        // 1 January 2024 was a Monday.
        TickUnit::Week => (date.days() - Date::from_ymd(2024, 1, 1).unwrap().days()).rem_euclid(7) == 0,
        TickUnit::Month => d == 1,
        TickUnit::Quarter => d == 1 && m % 3 == 1,
        TickUnit::Year => d == 1 && m == 1,
        TickUnit::MultiYear(n) => d == 1 && m == 1 && y.rem_euclid(n as i32) == 0,
    }
}

/// The shortest and longest gap in days between consecutive boundaries of `unit`.
fn gap_days(unit: TickUnit) -> (i32, i32) {
    match unit {
        TickUnit::Day => (1, 1),
        TickUnit::Week => (7, 7),
        TickUnit::Month => (28, 31),
        TickUnit::Quarter => (90, 92),
        TickUnit::Year => (365, 366),
        TickUnit::MultiYear(n) => (365 * n as i32, 366 * n as i32),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn map_is_strictly_monotone_and_invert_undoes_it(s in arb_scale(), a in -2.0..3.0f64, step in 1i32..400) {
        let (d0, d1) = s.domain();
        let day = Date::from_days((d0 + a * (d1 - d0)).floor() as i32);
        let later = day.add_days(step);
        prop_assert!(s.map(day) < s.map(later));
        prop_assert!((s.invert(s.map(day)) - f64::from(day.days())).abs() < 1e-9);
        prop_assert_eq!(s.invert_date(s.map(day) + 0.25 * s.px_per_day()), day);
    }

    #[test]
    fn zoom_keeps_the_anchor_date_and_divides_the_span(s in arb_scale(), at in 0.0..1.0f64, factor in 0.05..20.0f64) {
        let (r0, r1) = s.range();
        let anchor = r0 + at * (r1 - r0);
        let z = s.zoom(anchor, factor);
        prop_assert!((z.invert(anchor) - s.invert(anchor)).abs() < 1e-6);
        let expected = (s.span_days() / factor).max(MIN_SPAN_DAYS);
        prop_assert!((z.span_days() - expected).abs() <= 1e-9 * expected);
        prop_assert_eq!(z.range(), s.range());
    }

    #[test]
    fn bounded_zoom_and_pan_stay_inside_the_bounds(
        s in arb_scale(), at in 0.0..1.0f64, factor in 0.05..20.0f64, dx in -5_000.0..5_000.0f64, extra in 0.0..3_000.0f64
    ) {
        let (d0, d1) = s.domain();
        let bounds = (d0 - extra, d1 + 2.0 * extra);
        let (r0, r1) = s.range();
        let z = s.zoom_within(r0 + at * (r1 - r0), factor, bounds);
        let (z0, z1) = z.domain();
        prop_assert!(bounds.0 <= z0 && z1 <= bounds.1, "{:?} outside {:?}", z.domain(), bounds);
        prop_assert!(z.span_days() >= MIN_SPAN_DAYS - 1e-9);
        let p = s.pan_within(dx, bounds);
        let (p0, p1) = p.domain();
        prop_assert!(bounds.0 <= p0 && p1 <= bounds.1, "{:?} outside {:?}", p.domain(), bounds);
        prop_assert!((p.span_days() - s.span_days()).abs() < 1e-6);
    }

    #[test]
    fn ticks_are_ordered_aligned_complete_and_spaced(s in arb_scale(), min_spacing in 1.0..200.0f64) {
        let t = ticks(&s, min_spacing);
        let (d0, d1) = s.domain();
        let (r0, r1) = s.range();
        for tick in &t {
            prop_assert!(d0 <= f64::from(tick.date.days()) && f64::from(tick.date.days()) <= d1);
            prop_assert!(r0 - 1e-9 <= tick.x && tick.x <= r1 + 1e-9, "x {} outside {:?}", tick.x, s.range());
            prop_assert_eq!(tick.x, s.map(tick.date));
            prop_assert!(aligned(tick.unit, tick.date), "{:?} not aligned to {:?}", tick.date, tick.unit);
            prop_assert_eq!(tick.unit, t[0].unit);
            prop_assert!(!tick.label.is_empty());
        }
        for w in t.windows(2) {
            prop_assert!(w[0].date < w[1].date && w[0].x < w[1].x);
            prop_assert!(w[1].x - w[0].x >= min_spacing - 1e-9, "{} and {} are {} px apart", w[0].label, w[1].label, w[1].x - w[0].x);
            let (lo, hi) = gap_days(w[0].unit);
            let gap = w[1].date.days() - w[0].date.days();
            prop_assert!(lo <= gap && gap <= hi, "a boundary is missing between {} and {}", w[0].label, w[1].label);
        }
        // No boundary is missing at either end.
        if let (Some(first), Some(last)) = (t.first(), t.last()) {
            let (_, hi) = gap_days(first.unit);
            prop_assert!(f64::from(first.date.days() - hi) < d0);
            prop_assert!(f64::from(last.date.days() + hi) > d1);
        }
        // The first tick always carries a year.
        if let Some(first) = t.first() {
            prop_assert!(first.label.contains(&first.date.year().to_string()));
        }
    }

    #[test]
    fn lanes_never_overlap_and_are_as_few_as_possible(
        raw in prop::collection::vec((-1_000.0..1_000.0f64, 0.1..300.0f64), 0..60), gap in 0.0..20.0f64
    ) {
        let spans: Vec<Span> = raw.iter().map(|&(s, w)| Span::new(s, s + w)).collect();
        let lanes = pack_lanes(&spans, gap);
        prop_assert_eq!(lanes.len(), spans.len());
        for i in 0..spans.len() {
            for j in i + 1..spans.len() {
                if lanes[i] == lanes[j] {
                    let (a, b) = (spans[i], spans[j]);
                    prop_assert!(a.end + gap <= b.start || b.end + gap <= a.start, "{:?} and {:?} share lane {}", a, b, lanes[i]);
                }
            }
        }
        let count = lanes.iter().max().map_or(0, |l| l + 1);
        prop_assert_eq!(count, max_depth(&spans, gap));
        // First fit: an item in lane k conflicts with an earlier-starting item in every lane below k.
        let before = |m: usize, i: usize| (spans[m].start, m) < (spans[i].start, i);
        for i in 0..spans.len() {
            for lower in 0..lanes[i] {
                let blocked = (0..spans.len()).any(|m| lanes[m] == lower && before(m, i) && spans[m].end + gap > spans[i].start);
                prop_assert!(blocked, "item {} could have gone to lane {}", i, lower);
            }
        }
    }

    #[test]
    fn shipped_marks_never_overlap_at_any_zoom(width in 200.0..6_000.0f64, at in 0.0..1.0f64, factor in 0.5..200.0f64, dx in -3_000.0..3_000.0f64) {
        let ds = shipped();
        let style = MarkStyle::default();
        let s = story_scale(&ds, width).zoom(at * width, factor).pan(dx);
        assert_no_overlap(&ds, &layout_events(&ds, &s, &style), &style)?;
    }

    #[test]
    fn density_counts_every_event_once_in_its_bin(bins in 1usize..600) {
        let ds = shipped();
        let h = density(&ds, bins);
        let (start, end) = ds.time_range();
        prop_assert_eq!(h.len(), bins.min((end.days() - start.days() + 1) as usize));
        prop_assert_eq!(h.iter().map(|b| b.count as usize).sum::<usize>(), ds.events.len());
        prop_assert_eq!(h[0].start, start);
        prop_assert_eq!(h[h.len() - 1].end, end.add_days(1));
        let widths: Vec<i32> = h.iter().map(|b| b.end.days() - b.start.days()).collect();
        prop_assert!(widths.iter().max().unwrap() - widths.iter().min().unwrap() <= 1 && *widths.iter().min().unwrap() >= 1);
        for b in &h {
            let inside = ds.events.iter().filter(|e| b.start <= e.date.start && e.date.start < b.end).count();
            prop_assert_eq!(b.count as usize, inside);
        }
    }
}

#[test]
fn shipped_marks_never_overlap_on_a_phone_a_desktop_or_a_poster() {
    let ds = shipped();
    let style = MarkStyle::default();
    let mut lanes = Vec::new();
    for width in [375.0, 1280.0, 5000.0] {
        let layout = layout_events(&ds, &story_scale(&ds, width), &style);
        assert_no_overlap(&ds, &layout, &style).unwrap_or_else(|e| panic!("at {width} px: {e}"));
        lanes.push(layout.lanes);
    }
    // Spreading the same boxes further apart can only remove conflicts.
    assert!(lanes[0] >= lanes[1] && lanes[1] >= lanes[2], "{lanes:?}");
    assert!(lanes[0] > lanes[2], "a poster needs fewer lanes than a phone: {lanes:?}");
}

#[test]
fn the_shipped_story_axis_adapts_to_the_width() {
    let ds = shipped();
    let unit = |w: f64| ticks(&story_scale(&ds, w), 60.0)[0].unit;
    assert_eq!(unit(375.0), TickUnit::MultiYear(2));
    assert_eq!(unit(1280.0), TickUnit::Year);
    assert_eq!(unit(5000.0), TickUnit::Quarter);
}

#[test]
fn the_shipped_story_is_busiest_at_its_end() {
    let ds = shipped();
    let h = density(&ds, 10);
    let (first_half, second_half) = h.split_at(5);
    let sum = |b: &[powershift_core::timeline::Bin]| b.iter().map(|b| b.count).sum::<u32>();
    assert!(sum(second_half) > sum(first_half), "{h:?}");
}
