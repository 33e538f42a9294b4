//! The timeline's warped scale and what is built on it, on random warps and on the frozen story:
//! the warp is monotone, continuous and invertible and maps the story onto its whole width; every
//! part of the timeline (marks, ticks, strip, brush, current date, clicks) uses the same scale;
//! the zoom buttons centre the selected event or the date; key titles never overlap and only key
//! events get them at the whole story's zoom.

use powershift_core::date::Date;
use powershift_core::model::{Dataset, EventIx};
use powershift_core::scene::timeline::{
    date_at, overview_scale, window_scale, KEY_LABEL_LANES, KEY_TITLE_CHARS, MARGIN, SCALE_NOTE,
};
use powershift_core::scene::{mark_scene, timeline_marks, timeline_scene, zoom_buttons};
use powershift_core::timeline::{density, key_events, layout_key_labels, warped_ticks, MarkStyle, Warp, WarpedScale};
use powershift_core::view::{apply, Action, Selection, ViewContext, ViewState};
use proptest::prelude::*;

/// A frozen copy of the story: these tests pin mechanics, not the story's facts.
const STORY: &str = include_str!("res/story-frozen.json");

fn setup() -> (Dataset, Warp, ViewContext, ViewState) {
    let ds = Dataset::from_json_str(STORY).unwrap();
    let warp = Warp::for_story(&ds);
    let ctx = ViewContext::of(&ds);
    let s = ViewState::initial(&ctx);
    (ds, warp, ctx, s)
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn days(s: &str) -> f64 {
    f64::from(d(s).days())
}

/// Knots with increasing days and warped days: steps of 1..400 days, slopes 0.05..20.
fn arb_warp() -> impl Strategy<Value = Warp> {
    (-20_000.0..20_000.0f64, prop::collection::vec((1.0..400.0f64, 0.05..20.0f64), 1..12)).prop_map(|(start, steps)| {
        let mut knots = vec![(start, start)];
        for (len, slope) in steps {
            let (d, u) = *knots.last().unwrap();
            knots.push((d + len, u + len * slope));
        }
        Warp::from_knots(&knots).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_warp_is_increasing_continuous_and_invertible(w in arb_warp(), a in -25_000.0..25_000.0f64, step in 0.01..500.0f64) {
        let b = a + step;
        prop_assert!(w.forward(a) < w.forward(b), "{} !< {}", w.forward(a), w.forward(b));
        prop_assert!((w.inverse(w.forward(a)) - a).abs() < 1e-6, "{a} → {} → {}", w.forward(a), w.inverse(w.forward(a)));
        // Continuous at every knot: both pieces meet.
        for (k, u) in w.knots() {
            prop_assert!((w.forward(k - 1e-7) - u).abs() < 1e-4 && (w.forward(k + 1e-7) - u).abs() < 1e-4);
        }
    }

    #[test]
    fn pixels_round_trip_through_the_warped_scale(w in arb_warp(), width in 200.0..3_000.0f64, t in 0.0..1.0f64) {
        let (d0, d1) = (w.knots()[0].0, w.knots().last().unwrap().0);
        let s = WarpedScale::new(w, (d0, d1), (MARGIN, width - MARGIN));
        let px = MARGIN + t * (width - 2.0 * MARGIN);
        prop_assert!((s.map_days(s.invert(px)) - px).abs() < 1e-6);
        prop_assert!((s.map_days(d0) - MARGIN).abs() < 1e-9 && (s.map_days(d1) - (width - MARGIN)).abs() < 1e-9);
    }

    #[test]
    fn key_titles_never_overlap_at_any_zoom(width in 280.0..3_000.0f64, at in 0.0..1.0f64, factor in 1.0..64.0f64) {
        let (ds, warp, _, s) = setup();
        let full = window_scale(&warp, s.window, width);
        let window = full.zoom_at(MARGIN + at * (width - 2.0 * MARGIN), factor, s.window);
        let scale = window_scale(&warp, window, width);
        let style = MarkStyle { max_label_chars: KEY_TITLE_CHARS.0, ..MarkStyle::default() };
        let wanted = key_events(&ds);
        let l = layout_key_labels(&ds, &scale, &style, &wanted, KEY_LABEL_LANES, 2.0);
        prop_assert_eq!(l.marks.len(), ds.events.len());
        for (i, a) in l.marks.iter().enumerate() {
            prop_assert!(a.label.is_empty() || (wanted[a.event.ix()] && a.lane < KEY_LABEL_LANES));
            for b in &l.marks[i + 1..] {
                if a.lane == b.lane {
                    let (p, q) = (a.bounds(&style), b.bounds(&style));
                    prop_assert!(p.end + 2.0 <= q.start || q.end + 2.0 <= p.start, "{:?} {:?} overlap in lane {}", p, q, a.lane);
                }
            }
        }
    }
}

#[test]
fn the_story_fills_the_width_and_every_day_round_trips() {
    let (ds, warp, _, _) = setup();
    let (lo, hi) = ds.time_range();
    for width in [375.0, 1280.0] {
        let full = overview_scale(&ds, &warp, width);
        assert_eq!((full.map(lo), full.map(hi)), (MARGIN, width - MARGIN), "the whole extent is mapped");
        let mut prev = f64::NEG_INFINITY;
        for day in lo.days()..=hi.days() {
            let x = full.map(Date::from_days(day));
            assert!(x > prev, "monotone at {}", Date::from_days(day));
            // The middle of a day's pixels inverts to that day (brushing and clicking land on it).
            let next = full.map(Date::from_days(day + 1));
            assert_eq!(full.invert_date((x + next) / 2.0), Date::from_days(day));
            prev = x;
        }
    }
}

#[test]
fn busy_years_are_wider_than_quiet_ones() {
    let (ds, warp, _, _) = setup();
    let full = overview_scale(&ds, &warp, 1280.0);
    let year = |y: i32| full.map(Date::from_ymd(y + 1, 1, 1).unwrap()) - full.map(Date::from_ymd(y, 1, 1).unwrap());
    // 2017 has no event, 2018 one, 2025 thirty-three.
    assert!(year(2017) < year(2018) && year(2018) < year(2025), "{} {} {}", year(2017), year(2018), year(2025));
    // Golden: 30 % of 1256 px by time and 70 % by events.
    let total = f64::from(ds.time_range().1.days() - ds.time_range().0.days());
    let want_2017 = 1256.0 * 0.3 * 365.0 / total;
    assert!((year(2017) - want_2017).abs() < 1e-6, "{} vs {want_2017}", year(2017));
    let want_2025 = 1256.0 * (0.3 * 365.0 / total + 0.7 * 33.0 / 87.0);
    assert!((year(2025) - want_2025).abs() < 1e-6, "{} vs {want_2025}", year(2025));
}

#[test]
fn marks_ticks_strip_brush_and_date_share_one_scale() {
    let (ds, warp, ctx, s0) = setup();
    let width = 1000.0;
    let s = apply(&s0, Action::SetDate(d("2023-06-01")), &ctx);
    let s = apply(&s, Action::SetWindow(days("2019-03-01"), days("2025-09-01")), &ctx);
    let scale = window_scale(&warp, s.window, width);
    let full = overview_scale(&ds, &warp, width);
    let marks = timeline_marks(&ds, &warp, s.window, width);
    let bins = density(&ds, 60);
    let frame = timeline_scene(&ds, &warp, &marks, &bins, &s, width);
    assert_eq!(frame.now, Some(scale.map(s.date)));
    assert_eq!(frame.strip_now, full.map(s.date));
    assert_eq!(frame.brush, (full.map_days(s.window.0), full.map_days(s.window.1)));
    assert_eq!(frame.bars[10].x, full.map(bins[10].start));
    for m in &marks.layout.marks {
        assert_eq!(m.x, scale.map(ds.event(m.event).date.start));
    }
    let years: Vec<(i32, f64)> = frame.ticks.iter().filter_map(|t| Some((t.label.parse().ok()?, t.x))).collect();
    assert!(years.len() >= 3, "{:?}", frame.ticks);
    for (y, x) in years {
        assert_eq!(x, scale.map(Date::from_ymd(y, 1, 1).unwrap()), "{y}");
    }
    assert!(frame.ticks.iter().all(|t| t.year_start || !t.label.is_empty()), "bare ticks are year lines");
    // A click on the axis goes to the date drawn there.
    assert_eq!(date_at(&warp, &s, width, scale.map(d("2024-02-10")) + 0.01), d("2024-02-10"));
    assert_eq!(frame.scale_note, Some(SCALE_NOTE));
}

#[test]
fn the_axis_shows_unequal_year_bands() {
    let (_, warp, _, s) = setup();
    let scale = window_scale(&warp, s.window, 1280.0);
    let t = warped_ticks(&scale, 72.0);
    let jan1: Vec<f64> = t.iter().filter(|t| t.date.ymd().1 == 1 && t.date.ymd().2 == 1).map(|t| t.x).collect();
    // Every year boundary is drawn (labelled or bare)...
    assert_eq!(jan1.len(), 11, "{t:?}");
    // ...and the bands differ: the widest is several times the narrowest.
    let widths: Vec<f64> = jan1.windows(2).map(|w| w[1] - w[0]).collect();
    let (min, max) = widths.iter().fold((f64::INFINITY, 0.0f64), |(a, b), w| (a.min(*w), b.max(*w)));
    assert!(max > 5.0 * min, "{widths:?}");
    // Labelled ticks keep their spacing (a year label needs 60 % of it).
    let shown: Vec<&powershift_core::timeline::Tick> = t.iter().filter(|t| !t.label.is_empty()).collect();
    assert!(shown.windows(2).all(|w| w[1].x - w[0].x >= 72.0 * 0.6 - 1e-9), "{shown:?}");
}

#[test]
fn zoom_buttons_centre_the_selected_event_or_else_the_date() {
    let (ds, warp, ctx, s0) = setup();
    let width = 1000.0;
    let centre = width / 2.0;
    let zoom = |s: &ViewState, f: f64| apply(s, zoom_buttons(&ds, &warp, s, width, f), &ctx);
    // The date, mid-story: zooming in twice keeps it at the centre.
    let s = apply(&s0, Action::SetDate(d("2023-11-17")), &ctx);
    let z = zoom(&zoom(&s, 2.0), 2.0);
    let x = window_scale(&warp, z.window, width).map(s.date);
    assert!((x - centre).abs() < 1e-6, "{x}");
    // With an event selected, the event is centred, not the date.
    let e06 = ds.event_ix("E06").unwrap();
    let sel = apply(&s, Action::Select(Some(Selection::Event(e06))), &ctx);
    let z = zoom(&zoom(&sel, 2.0), 2.0);
    let x = window_scale(&warp, z.window, width).map(ds.event(e06).date.start);
    assert!((x - centre).abs() < 1e-6, "{x}");
    // A quarter of the warped span is left after two zooms in, and zooming out restores it.
    let span = |s: &ViewState| warp.forward(s.window.1) - warp.forward(s.window.0);
    assert!((span(&z) * 4.0 - span(&s0)).abs() < 1e-6);
    let back = zoom(&zoom(&z, 0.5), 0.5);
    assert!((back.window.0 - s0.window.0).abs() < 1e-6 && (back.window.1 - s0.window.1).abs() < 1e-6);
    // At the story's end the window cannot centre the date: it ends at the story's end, and the
    // last titles turn left of their marks instead of running out of the panel.
    let end = zoom(&zoom(&s0, 2.0), 2.0);
    assert_eq!(end.window.1, s0.window.1);
    let marks = timeline_marks(&ds, &warp, end.window, width);
    let titled: Vec<_> = marks.layout.marks.iter().filter(|m| !m.label.is_empty()).collect();
    assert!(titled.iter().all(|m| m.label_x + m.label_width <= width), "no title runs out of the panel");
    assert!(titled.iter().any(|m| m.label_left), "the last titles turn left");
}

#[test]
fn the_whole_story_titles_only_key_events_and_zooming_in_titles_all() {
    let (ds, warp, ctx, s) = setup();
    let key = key_events(&ds);
    for width in [375.0, 1280.0] {
        let m = timeline_marks(&ds, &warp, s.window, width);
        assert!(!m.labelled, "{width}");
        let titled: Vec<EventIx> = m.layout.marks.iter().filter(|m| !m.label.is_empty()).map(|m| m.event).collect();
        assert!(titled.len() >= 5, "{width}: only {} titles", titled.len());
        assert!(titled.iter().all(|e| key[e.ix()]), "{width}: only key events are titled");
        let scene = mark_scene(&ds, &m, &s, width);
        let e01 = scene.iter().find(|m| m.id == "E01").unwrap();
        assert!(e01.label.is_some(), "the first event is key and has room");
        // The full title stays in the accessible name.
        assert!(e01.description.ends_with(&ds.event(e01.event).title), "{}", e01.description);
    }
    // A year in the busiest stretch, zoomed in: every title.
    let z = apply(&s, Action::SetWindow(days("2025-09-01"), days("2025-12-01")), &ctx);
    let m = timeline_marks(&ds, &warp, z.window, 1280.0);
    assert!(m.labelled);
    assert!(m.layout.marks.iter().all(|m| !m.label.is_empty()));
}
