//! View state (the reducer) and the scenes (emphasis, filters, encodings, timeline, money),
//! table-driven, natively.

use powershift_core::date::Date;
use std::collections::BTreeSet;

use powershift_core::model::{ConfidenceLevel, Dataset, RelationGroup, RelationKind};
use powershift_core::network::{LayoutConfig, Rect, TemporalLayout, Vec2};
use powershift_core::scene::network::{frame, line_at, FAN_ZOOM};
use powershift_core::scene::{
    change_view, confidence_dash, ease_in_out, mark_scene, money_readout, money_scene, network_scene, sentence,
    timeline_marks, timeline_scene, tween_positions, ChangeKind, Counts, Emphasis, Exiting, MoneyOptions, Transition,
};
use powershift_core::timeline::Warp;
use powershift_core::view::{
    add_months, apply, from_query, set_link, to_query, Action, Camera, Selection, ViewContext, ViewState,
};

/// A frozen copy of the story: these tests pin mechanics, so editing the shipped story must not
/// break them (the story's own facts are tested in `shipped_dataset.rs`).
const STORY: &str = include_str!("res/story-frozen.json");

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn setup() -> (Dataset, ViewContext, ViewState) {
    let ds = Dataset::from_json_str(STORY).unwrap();
    let ctx = ViewContext::of(&ds);
    let s = ViewState::initial(&ctx);
    (ds, ctx, s)
}

#[test]
fn date_actions() {
    let (_, ctx, s0) = setup();
    assert_eq!(s0.date, d("2026-06-11"), "starts at the end of the story");
    let cases: Vec<(Action, &str)> = vec![
        (Action::SetDate(d("2019-07-22")), "2019-07-22"),
        (Action::StepChange(1), "2020-09-22"),
        (Action::StepChange(-1), "2019-07-22"),
        (Action::StepChange(-1), "2018-02-01"),
        (Action::StepMonths(12), "2019-02-01"),
        (Action::StepMonths(-1), "2019-01-01"),
        (Action::Home, "2015-12-11"),
        (Action::StepChange(-1), "2015-12-11"),
        (Action::SetDate(d("2001-01-01")), "2015-12-11"),
        (Action::End, "2026-06-11"),
        (Action::StepChange(1), "2026-06-11"),
        (Action::SetDate(d("2030-01-01")), "2026-06-11"),
    ];
    let mut s = s0;
    for (action, want) in cases {
        let before = s.date;
        s = apply(&s, action.clone(), &ctx);
        assert_eq!(s.date.to_string(), want, "after {action:?}");
        if s.date != before {
            assert_eq!(s.previous_date, Some(before));
        }
    }
}

#[test]
fn add_months_clamps_the_day() {
    assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
    assert_eq!(add_months(d("2024-12-15"), 1), d("2025-01-15"));
    assert_eq!(add_months(d("2024-01-15"), -13), d("2022-12-15"));
}

#[test]
fn play_advances_through_change_dates_and_stops_at_the_end() {
    let (_, ctx, s0) = setup();
    let mut s = apply(&s0, Action::TogglePlay, &ctx);
    assert!(s.playing);
    assert_eq!(s.date, ctx.range.0, "play from the end restarts at the beginning");
    s = apply(&s, Action::PlayTick, &ctx);
    assert_eq!(s.date, ctx.change_dates[1]);
    s = apply(&s, Action::PlayTick, &ctx);
    assert_eq!(s.date, ctx.change_dates[2]);
    let mut ticks = 0;
    while s.playing && ticks < 1000 {
        s = apply(&s, Action::PlayTick, &ctx);
        ticks += 1;
    }
    assert!(!s.playing);
    assert_eq!(s.date, *ctx.change_dates.last().unwrap());
    assert_eq!(ticks, ctx.change_dates.len() - 3);
    // A tick while paused does nothing.
    let paused = apply(&apply(&s, Action::Home, &ctx), Action::PlayTick, &ctx);
    assert_eq!(paused.date, ctx.range.0);
}

#[test]
fn filters_toggle_and_reset() {
    let (_, ctx, s0) = setup();
    let s = apply(&s0, Action::ToggleKind(RelationKind::Lawsuit), &ctx);
    assert!(!s.shows_kind(RelationKind::Lawsuit) && s.shows_kind(RelationKind::Investment));
    let s = apply(&s, Action::ToggleKind(RelationKind::Lawsuit), &ctx);
    assert!(s.shows_kind(RelationKind::Lawsuit));
    let s = apply(&apply(&s, Action::ToggleKind(RelationKind::Chips), &ctx), Action::ShowAllKinds, &ctx);
    assert!(s.hidden_kinds.is_empty());
}

#[test]
fn timeline_window_is_clamped_to_the_story_and_at_least_a_week() {
    let (_, ctx, s0) = setup();
    let (lo, hi) = (f64::from(ctx.range.0.days()), f64::from(ctx.range.1.days()));
    let s = apply(&s0, Action::SetWindow(lo - 500.0, lo + 100.0), &ctx);
    assert_eq!(s.window, (lo, lo + 600.0));
    let s = apply(&s0, Action::SetWindow(hi - 2.0, hi + 1.0), &ctx);
    assert_eq!(s.window, (hi - 7.0, hi));
    let s = apply(&s, Action::ResetWindow, &ctx);
    assert_eq!(s.window, (lo, hi));
}

#[test]
fn camera_zoom_keeps_the_anchor_and_is_bounded() {
    let c = Camera::default().zoom_about(Vec2::new(100.0, 50.0), 2.0);
    assert_eq!(c.k, 2.0);
    assert_eq!(c.to_world(Vec2::new(100.0, 50.0)), Vec2::new(100.0, 50.0));
    let c = (0..20).fold(Camera::default(), |c, _| c.zoom_about(Vec2::default(), 2.0));
    assert_eq!(c.k, Camera::MAX_K);
    let c = (0..20).fold(Camera::default(), |c, _| c.zoom_about(Vec2::default(), 0.5));
    assert_eq!(c.k, Camera::MIN_K);
    assert_eq!(Camera::default().pan(Vec2::new(3.0, -4.0)), Camera { x: 3.0, y: -4.0, k: 1.0 });
}

#[test]
fn deep_links_round_trip() {
    let (ds, ctx, s0) = setup();
    let mut s = apply(&s0, Action::SetDate(d("2023-01-23")), &ctx);
    s = apply(&s, Action::Select(Some(Selection::Org(ds.org_ix("microsoft").unwrap()))), &ctx);
    s = apply(&s, Action::ToggleKind(RelationKind::Lawsuit), &ctx);
    s = apply(&s, Action::FocusOrg(ds.org_ix("openai")), &ctx);
    s = apply(&s, Action::Search("Oracle & co".into()), &ctx);
    let q = to_query(&s, &ds);
    assert_eq!(q, "date=2023-01-23&select=org:microsoft&hide=lawsuit&focus=openai&q=Oracle+%26+co");
    let back = from_query(&q, &ds, &ctx);
    assert_eq!(
        (back.date, back.selection, &back.hidden_kinds, back.focus_org, &back.query),
        (s.date, s.selection, &s.hidden_kinds, s.focus_org, &s.query)
    );
    // Garbage is ignored, not fatal.
    let junk = from_query("date=2023-02-30&select=org:nobody&hide=x,lawsuit&%zz=1", &ds, &ctx);
    assert_eq!(junk.date, ctx.range.1);
    assert_eq!(junk.selection, None);
    assert_eq!(junk.hidden_kinds.len(), 1);
    // Percent-decoding follows the URL standard: "%+1" is not a byte, and "%20" and "+" are spaces.
    assert_eq!(from_query("q=%+1", &ds, &ctx).query, "% 1");
    assert_eq!(from_query("q=a%20b+c", &ds, &ctx).query, "a b c");
    assert_eq!(from_query("?q=%E2%80%93", &ds, &ctx).query, "\u{2013}");
}

#[test]
fn a_host_sets_link_keys_all_or_nothing_and_back_restores_a_durable_view() {
    let (ds, ctx, s0) = setup();
    let moved = set_link(&s0, [("date", "2019-07-22"), ("select", "org:microsoft")], &ds, &ctx).unwrap();
    assert_eq!(moved.date, d("2019-07-22"));
    assert_eq!(moved.selection, Some(Selection::Org(ds.org_ix("microsoft").unwrap())));
    assert_eq!(moved.previous_date, Some(s0.date), "a host's date change animates like the reader's");
    // Keys left out keep their value; an empty value clears.
    let kept = set_link(&moved, [("date", "2023-01-23")], &ds, &ctx).unwrap();
    assert_eq!(kept.selection, moved.selection);
    assert_eq!(set_link(&moved, [("select", "")], &ds, &ctx).unwrap().selection, None);
    // One bad key or value and nothing changes.
    for bad in [
        vec![("date", "2019-07-22"), ("select", "org:nobody")],
        vec![("date", "yesterday")],
        vec![("hide", "lawsuit,nonsense")],
        vec![("focus", "nobody")],
        vec![("colour", "red")],
    ] {
        let err = set_link(&moved, bad.clone(), &ds, &ctx).unwrap_err();
        assert!(!err.is_empty(), "{bad:?}");
    }
    assert_eq!(set_link(&s0, [("hide", "conflict")], &ds, &ctx).unwrap().hidden_kinds.len(), 3);
    // Restore takes the durable view and leaves the camera and play alone.
    let mut zoomed = apply(&s0, Action::Zoom { at: Vec2::new(0.0, 0.0), factor: 2.0 }, &ctx);
    zoomed = apply(&zoomed, Action::Restore(Box::new(moved.clone())), &ctx);
    assert_eq!((zoomed.date, zoomed.selection), (moved.date, moved.selection));
    assert_eq!(zoomed.camera.k, 2.0);
    assert_eq!(to_query(&zoomed, &ds), to_query(&moved, &ds));
}

/// The scene zoomed in enough that every agreement is its own curve (see `bundling_*` for the
/// default zoom).
fn scene_at(date: &str, view: &ViewState, ds: &Dataset) -> powershift_core::scene::NetworkScene {
    let layout = TemporalLayout::new(ds, LayoutConfig::default());
    let mut fanned = view.clone();
    fanned.camera.k = FAN_ZOOM;
    network_scene(ds, &layout.at(ds, d(date)), &fanned, None, None)
}

#[test]
fn scene_edges_equal_the_snapshot_of_the_date() {
    let (ds, _, s) = setup();
    let scene = scene_at("2025-01-21", &s, &ds);
    let snap = powershift_core::snapshot::Snapshot::of(&ds, d("2025-01-21"));
    let ids: Vec<&str> = scene.edges.iter().map(|e| e.id.as_str()).collect();
    let want: Vec<&str> = snap.edges.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, want);
    assert!(scene.edges.iter().all(|e| e.emphasis == Emphasis::Normal));
}

#[test]
fn selecting_an_organisation_highlights_it_and_its_neighbours_and_dims_the_rest() {
    let (ds, ctx, s0) = setup();
    let oracle = ds.org_ix("oracle").unwrap();
    let s = apply(&s0, Action::Select(Some(Selection::Org(oracle))), &ctx);
    let scene = scene_at("2025-01-21", &s, &ds);
    let by_id = |id: &str| scene.nodes.iter().find(|n| n.id == id).unwrap();
    assert_eq!(by_id("oracle").emphasis, Emphasis::Highlight);
    assert!(by_id("oracle").selected);
    assert_eq!(by_id("openai").emphasis, Emphasis::Highlight, "a neighbour");
    assert_eq!(by_id("anthropic").emphasis, Emphasis::Dim);
    for e in &scene.edges {
        let touches = e.from == "oracle" || e.to == "oracle";
        assert_eq!(e.emphasis == Emphasis::Highlight, touches, "{}", e.id);
    }
}

#[test]
fn hovering_an_event_highlights_its_organisations_and_edges() {
    let (ds, ctx, s0) = setup();
    let e72 = ds.event_ix("E72").unwrap(); // Amazon–OpenAI partnership, 27 Feb 2026
    let s = apply(&s0, Action::Hover(Some(Selection::Event(e72))), &ctx);
    let scene = scene_at("2026-03-01", &s, &ds);
    let hl: Vec<&str> =
        scene.nodes.iter().filter(|n| n.emphasis == Emphasis::Highlight).map(|n| n.id.as_str()).collect();
    assert_eq!(hl, ["openai", "amazon"]);
    let edges: Vec<&str> =
        scene.edges.iter().filter(|e| e.emphasis == Emphasis::Highlight).map(|e| e.id.as_str()).collect();
    assert!(edges.contains(&"amazon-openai-cloud") && edges.contains(&"amazon-openai-distribution"), "{edges:?}");
    // Hover wins over selection, and clearing hover returns to the selection.
    let s = apply(
        &apply(&s, Action::Select(Some(Selection::Org(ds.org_ix("google").unwrap()))), &ctx),
        Action::Hover(None),
        &ctx,
    );
    let scene = scene_at("2026-03-01", &s, &ds);
    assert_eq!(scene.nodes.iter().find(|n| n.id == "google").unwrap().emphasis, Emphasis::Highlight);
}

#[test]
fn a_filter_chip_toggles_its_whole_group_and_deep_links_name_groups() {
    let (ds, ctx, s0) = setup();
    let hidden = apply(&s0, Action::ToggleGroup(RelationGroup::Conflict), &ctx);
    let conflict: BTreeSet<RelationKind> = RelationGroup::Conflict.kinds().iter().copied().collect();
    assert_eq!(hidden.hidden_kinds, conflict);
    assert!(apply(&hidden, Action::ToggleGroup(RelationGroup::Conflict), &ctx).hidden_kinds.is_empty());
    // A group partly hidden (by a deep link naming one kind) is hidden whole by its chip.
    let partly = apply(&s0, Action::ToggleKind(RelationKind::Lawsuit), &ctx);
    assert_eq!(apply(&partly, Action::ToggleGroup(RelationGroup::Conflict), &ctx).hidden_kinds, conflict);
    assert_eq!(from_query("hide=conflict,chips", &ds, &ctx).hidden_kinds.len(), 4);
    let scene = scene_at("2026-04-28", &hidden, &ds);
    assert!(scene.edges.iter().all(|e| e.kind.group() != RelationGroup::Conflict));
    assert!(scene_at("2026-04-28", &s0, &ds).edges.iter().any(|e| e.kind.group() == RelationGroup::Conflict));
}

#[test]
fn filters_hide_edges() {
    let (ds, ctx, s0) = setup();
    let all = scene_at("2026-04-28", &s0, &ds);
    let s = apply(&s0, Action::ToggleKind(RelationKind::Investment), &ctx);
    let some = scene_at("2026-04-28", &s, &ds);
    assert!(some.edges.len() < all.edges.len());
    assert!(some.edges.iter().all(|e| e.kind != RelationKind::Investment));
    assert_eq!(some.nodes.len(), all.nodes.len(), "organisations stay");
    let s = apply(&s0, Action::FocusOrg(ds.org_ix("anthropic")), &ctx);
    let focused = scene_at("2026-04-28", &s, &ds);
    assert!(!focused.edges.is_empty());
    assert!(focused.edges.iter().all(|e| e.from == "anthropic" || e.to == "anthropic"));
}

#[test]
fn encodings_follow_confidence_state_and_money() {
    let (ds, _, s) = setup();
    let scene = scene_at("2026-04-28", &s, &ds);
    let e = |id: &str| scene.edges.iter().find(|e| e.id == id).unwrap();
    assert_eq!(
        e("openai-microsoft-revenue-share").dash,
        confidence_dash(ConfidenceLevel::Reported),
        "reported → dashed"
    );
    assert!(e("openai-microsoft-revenue-share").dash.is_some());
    assert_eq!(e("microsoft-openai-cloud").dash, None, "confirmed → solid");
    assert!(e("amazon-openai-founding-pledge").opacity < 0.5, "historical → faded");
    assert!(e("amazon-openai-investment").width > e("microsoft-openai-products").width, "$50B is wider than no amount");
    assert!(e("musk-openai-lawsuit").arrow);
}

#[test]
fn pinned_nodes_keep_their_position_and_edges_follow() {
    let (ds, ctx, s0) = setup();
    let openai = ds.org_ix("openai").unwrap();
    let s = apply(&s0, Action::Pin(openai, Vec2::new(500.0, 500.0)), &ctx);
    let scene = scene_at("2026-04-28", &s, &ds);
    let n = scene.nodes.iter().find(|n| n.id == "openai").unwrap();
    assert_eq!(n.pos, Vec2::new(500.0, 500.0));
    assert!(n.pinned);
    let e = scene.edges.iter().find(|e| e.id == "microsoft-openai-cloud").unwrap();
    assert!(e.curve.end.distance(Vec2::new(500.0, 500.0)) <= n.radius + 1e-9);
    let reset = apply(&s, Action::ResetView, &ctx);
    assert!(reset.pins.is_empty());
}

#[test]
fn tween_moves_from_one_layout_to_the_next() {
    let (ds, _, _) = setup();
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let (a, b) = (layout.at(&ds, d("2024-12-31")), layout.at(&ds, d("2025-01-21")));
    let start = tween_positions(&a, &b, 0.0);
    let end = tween_positions(&a, &b, 1.0);
    assert_eq!(end, b.nodes.iter().map(|n| n.pos).collect::<Vec<_>>());
    let openai = b.nodes.iter().position(|n| ds.org(n.org).id == "openai").unwrap();
    assert_eq!(start[openai], a.node(ds.org_ix("openai").unwrap()).unwrap().pos);
    assert_eq!((ease_in_out(0.0), ease_in_out(0.5), ease_in_out(1.0)), (0.0, 0.5, 1.0));
}

#[test]
fn a_date_animation_interpolates_and_fades_out_what_ended() {
    let (ds, ctx, s0) = setup();
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let (a, b) = (layout.at(&ds, d("2026-04-24")), layout.at(&ds, d("2026-04-28")));
    let mut s = apply(&s0, Action::SetDate(d("2026-04-28")), &ctx);
    s.camera.k = FAN_ZOOM;
    let gone: Vec<_> = a.edges.iter().filter(|e| !b.edges.iter().any(|n| n.rel == e.rel)).map(|e| e.rel).collect();
    assert!(!gone.is_empty(), "something ends on 27 April 2026");
    let mid = network_scene(&ds, &b, &s, Some(Transition { from: &a, t: 0.5 }), None);
    let exiting: Vec<_> =
        mid.exiting.iter().filter_map(|x| if let Exiting::Edge { rel, .. } = x { Some(*rel) } else { None }).collect();
    assert_eq!(exiting, gone, "every relationship that ended fades out, and nothing else");
    assert!((mid.exit_opacity - 0.4).abs() < 1e-12);
    // At t = 1 the picture is exactly the new date's.
    let done = network_scene(&ds, &b, &s, Some(Transition { from: &a, t: 1.0 }), None);
    assert_eq!(done, network_scene(&ds, &b, &s, None, None));
    assert!(done.exiting.is_empty());
    // Without pins or animation, the scene draws the layout's own curves.
    assert!(done.edges.iter().all(|e| b.edges.iter().any(|l| l.rel == e.rel && l.curve == e.curve)));
}

#[test]
fn timeline_scene_marks_the_date_window_and_focus() {
    let (ds, ctx, s0) = setup();
    let width = 1000.0;
    let s = apply(&s0, Action::SetDate(d("2019-07-22")), &ctx);
    let warp = Warp::for_story(&ds);
    let marks = timeline_marks(&ds, &warp, s.window, width);
    let frame = timeline_scene(&ds, &warp, &marks, &powershift_core::timeline::density(&ds, 120), &s, width);
    assert!(!marks.labelled, "87 events over ten years do not fit with titles in 16 lanes at 1000 px");
    let now = frame.now.expect("the date is in the window");
    assert!(frame.brush.0 < now && now < frame.brush.1);
    assert_eq!(frame.ticks.first().map(|t| t.label.as_str()), Some("2016"));
    // Zoomed to 2019, titles fit and the current date is on the axis.
    let z = apply(&s, Action::SetWindow(f64::from(d("2019-01-01").days()), f64::from(d("2020-01-01").days())), &ctx);
    let zm = timeline_marks(&ds, &warp, z.window, width);
    assert!(zm.labelled);
    let scene = mark_scene(&ds, &zm, &z, width);
    let e06 = scene.iter().find(|m| m.id == "E06").expect("E06 is in 2019");
    assert!(e06.label.is_some());
    assert!(e06.description.starts_with("22 July 2019: "), "{}", e06.description);
    // Selecting Microsoft highlights its events and dims the others; hiding a kind filters marks.
    let ms = apply(&z, Action::Select(Some(Selection::Org(ds.org_ix("microsoft").unwrap()))), &ctx);
    let ms = apply(&ms, Action::ToggleKind(RelationKind::Investment), &ctx);
    let scene = mark_scene(&ds, &zm, &ms, width);
    let e06 = scene.iter().find(|m| m.id == "E06").unwrap();
    assert_eq!(e06.emphasis, Emphasis::Highlight);
    assert!(scene.iter().any(|m| m.emphasis == Emphasis::Dim));
    assert_eq!(e06.filtered, ds.event(e06.event).kinds.iter().all(|k| k.as_str() == "investment"));
    // Marks are independent of the date.
    let later = apply(&ms, Action::SetDate(d("2026-01-01")), &ctx);
    assert_eq!(scene, mark_scene(&ds, &zm, &later, width));
}

#[test]
fn money_scene_draws_the_largest_committers_the_main_companies_and_the_highlight() {
    let (ds, _, _) = setup();
    let series = powershift_core::money::commitments(&ds);
    let scene = money_scene(&ds, &series, &MoneyOptions::default(), 600.0, 60.0);
    let ids: Vec<&str> = scene.lines.iter().map(|l| ds.org(l.org).id.as_str()).collect();
    // OpenAI and Microsoft have the most relationships: Microsoft is drawn although seventh by amount.
    assert_eq!(ids, ["openai", "nvidia", "anthropic", "amazon", "google", "microsoft"]);
    assert!(scene.lines.iter().all(|l| l.colour == powershift_core::scene::org_colour(ds.org(l.org).kind)));
    assert!(scene.lines.iter().all(|l| !l.dimmed && !l.highlight));
    // Time starts just before Microsoft's first billion (22 July 2019), the first amount drawn.
    let first = f64::from(d("2019-07-22").days());
    assert!(scene.x_range.0 < first && scene.x_range.0 > first - 120.0, "{:?}", scene.x_range);
    let (y0, y1) = scene.y_range;
    for l in &scene.lines {
        assert!(l.upper.iter().all(|p| p.1 >= y0 && p.1 <= y1 && p.0 >= scene.x_range.0 && p.0 <= scene.x_range.1));
        // A step line: each point is level with or right of and above the previous one.
        assert!(l.upper.windows(2).all(|w| w[1].1 >= w[0].1 && w[1].0 >= w[0].0), "{}", l.name);
    }
    let softbank = ds.org_ix("softbank").unwrap();
    assert!(!scene.lines.iter().any(|l| l.org == softbank), "SoftBank is cut for Microsoft");
    let hl =
        money_scene(&ds, &series, &MoneyOptions { highlight: Some(softbank), ..MoneyOptions::default() }, 600.0, 60.0);
    let sb = hl.lines.iter().find(|l| l.org == softbank).expect("the highlight is drawn");
    assert!(sb.highlight && hl.lines.iter().filter(|l| l.org != softbank).all(|l| l.dimmed));
    assert!(hl.lines.len() <= 6 && hl.lines.iter().any(|l| ds.org(l.org).id == "microsoft"));
    let words = money_readout(&series, &scene, powershift_core::date::FuzzyDate::parse("2026-04-28").unwrap());
    assert!(
        words.summary.starts_with("Money committed by each organisation, cumulative, as of 28 April 2026: OpenAI $"),
        "{}",
        words.summary
    );
    assert!(words.summary.contains("Amazon $28B firm, up to $87B;"), "{}", words.summary);
    assert!(words.summary.contains("; Anthropic $133B firm;"), "no \"up to\" when nothing is added: {}", words.summary);
    assert_eq!(words.rows.len(), 6);
    let early = money_readout(&series, &scene, powershift_core::date::FuzzyDate::parse("2016-01-01").unwrap());
    assert!(early.summary.contains("OpenAI $0 firm;"), "{}", early.summary);
}

fn layout_of(ds: &Dataset) -> TemporalLayout {
    TemporalLayout::new(ds, LayoutConfig::default())
}

#[test]
fn change_stops_keep_the_precision_of_the_data() {
    let (ds, ctx, s0) = setup();
    // Month- and year-precision dates are shown without an invented day.
    let words: Vec<String> =
        ctx.change_dates.iter().map(|c| apply(&s0, Action::SetDate(*c), &ctx).date_words()).collect();
    assert!(words.iter().any(|w| w == "2016"), "{words:?}");
    assert!(words.iter().any(|w| w.split(' ').count() == 2), "a month-precision stop: {words:?}");
    // Stepping to the first stop of 2016 reads "2016" in the words and the deep link.
    let y2016 = ctx.change_dates.iter().position(|c| c.year() == 2016).unwrap();
    let s = apply(&s0, Action::SetDate(ctx.change_dates[y2016]), &ctx);
    assert_eq!(ctx.change_precision[y2016], powershift_core::date::Precision::Year);
    assert_eq!(s.date_words(), "2016");
    assert!(to_query(&s, &ds).starts_with("date=2016&") || to_query(&s, &ds) == "date=2016");
    // A month deep link is read at its precision; a day the reader picks stays a day.
    let may = from_query("date=2025-05", &ds, &ctx);
    assert_eq!((may.date, may.date_words()), (d("2025-05-01"), "May 2025".to_string()));
    assert_eq!(from_query("date=2025-05-17", &ds, &ctx).date_words(), "17 May 2025");
}

#[test]
fn the_change_of_a_date_is_the_last_change_at_or_before_it() {
    let (ds, ctx, s0) = setup();
    let s = apply(&s0, Action::SetDate(d("2026-04-27")), &ctx);
    let c = change_view(&ds, &ctx, &s).unwrap();
    assert_eq!(c.at, Some(d("2026-04-27")));
    let later = change_view(&ds, &ctx, &apply(&s0, Action::SetDate(d("2026-04-30")), &ctx)).unwrap();
    assert_eq!(later.at, Some(d("2026-04-28")), "the picture of a day shows the last change before it");
    assert!(!c.compare);
    assert!(c.items.iter().any(|i| matches!(i.kind, ChangeKind::Changed { .. })), "{:?}", c.items);
    // Every item is backed by the network of the day before and of the change date.
    let (before, after) = (ds.network_at(d("2026-04-26")), ds.network_at(d("2026-04-27")));
    for i in &c.items {
        let (b, a) = (before.edges.iter().find(|e| e.rel == i.rel), after.edges.iter().find(|e| e.rel == i.rel));
        match i.kind {
            ChangeKind::Began => assert!(b.is_none() && a.is_some()),
            ChangeKind::Ended => assert!(b.is_some() && a.is_none()),
            ChangeKind::Changed { from_phase } => {
                assert_eq!((b.unwrap().phase, a.unwrap().phase == i.phase), (from_phase, true))
            }
        }
        assert!(!i.events.is_empty(), "an event names every change on 27 April 2026: {:?}", i.rel);
    }
    // Before the first change nothing is on view.
    assert!(change_view(&ds, &ctx, &apply(&s0, Action::SetDate(d("2001-01-01")), &ctx))
        .is_some_and(|c| c.at == Some(ctx.change_dates[0])));
}

#[test]
fn comparing_two_dates_lists_what_began_ended_and_changed_between_them() {
    let (ds, ctx, s0) = setup();
    let s = apply(&apply(&s0, Action::SetDate(d("2026-04-28")), &ctx), Action::Compare(Some(d("2019-07-22"))), &ctx);
    assert_eq!(to_query(&s, &ds), "date=2026-04-28&compare=2019-07-22");
    assert_eq!(from_query("date=2026-04-28&compare=2019-07-22", &ds, &ctx).compare, Some(d("2019-07-22")));
    let c = change_view(&ds, &ctx, &s).unwrap();
    assert!(c.compare);
    let (a, b) = (ds.network_at(d("2019-07-22")), ds.network_at(d("2026-04-28")));
    let began: Vec<_> = c.items.iter().filter(|i| i.kind == ChangeKind::Began).map(|i| i.rel).collect();
    let want: Vec<_> = b.edges.iter().filter(|e| !a.edges.iter().any(|x| x.rel == e.rel)).map(|e| e.rel).collect();
    let mut began_sorted = began.clone();
    powershift_core::sort::sort(&mut began_sorted);
    let mut want_sorted = want.clone();
    powershift_core::sort::sort(&mut want_sorted);
    assert_eq!(began_sorted, want_sorted);
    let ended = c.items.iter().filter(|i| i.kind == ChangeKind::Ended).count();
    assert_eq!(ended, a.edges.iter().filter(|e| !b.edges.iter().any(|x| x.rel == e.rel)).count());
    let text =
        sentence(&ds, &s, Some(&c), Counts { organisations: 17, in_force: b.edges.len(), shown: b.edges.len() }).text;
    assert!(text.starts_with(&format!("Since 22 July 2019: {} began, {ended} ended,", began.len())), "{text}");
}

#[test]
fn the_sentence_leads_with_headlines_groups_repeats_and_stays_short() {
    let (ds, ctx, s0) = setup();
    for date in ctx.change_dates.iter().copied() {
        let s = apply(&s0, Action::SetDate(date), &ctx);
        let c = change_view(&ds, &ctx, &s);
        let n = ds.network_at(date);
        let text = sentence(
            &ds,
            &s,
            c.as_ref(),
            Counts { organisations: n.nodes.len(), in_force: n.edges.len(), shown: n.edges.len() },
        );
        let words = text.text.split_whitespace().count();
        assert!(words <= 48, "{date}: {words} words: {}", text.text);
        assert!(text.text.starts_with(&format!("{}:", s.date_words())), "{}", text.text);
        if let Some(c) = &c {
            // Every headline is there: shown, or listed under "and N more".
            let heads = powershift_core::scene::sentence::headlines(&ds, c);
            let shown = heads.iter().filter(|h| text.text.contains(h.as_str())).count();
            assert_eq!(shown + text.more.len(), heads.len(), "{date}: {}", text.text);
            assert_eq!(text.more.is_empty(), !text.text.contains(" more."), "{}", text.text);
        }
    }
    // Filters are said: "of N shown".
    let s = apply(&s0, Action::SetDate(d("2026-04-28")), &ctx);
    let c = change_view(&ds, &ctx, &s);
    let t = sentence(&ds, &s, c.as_ref(), Counts { organisations: 17, in_force: 46, shown: 5 }).text;
    assert!(t.ends_with("17 organisations, 5 of 46 relationships in force shown."), "{t}");
}

#[test]
fn bundling_draws_one_line_per_pair_at_the_default_zoom_and_fans_out_on_selection() {
    let (ds, ctx, s0) = setup();
    let layout = layout_of(&ds).at(&ds, d("2025-01-01"));
    let s = apply(&s0, Action::SetDate(d("2025-01-01")), &ctx);
    let scene = network_scene(&ds, &layout, &s, None, None);
    let (ms, oa) = (ds.org_ix("microsoft").unwrap(), ds.org_ix("openai").unwrap());
    let pair = (ms.min(oa), ms.max(oa));
    let lines: Vec<_> = scene.edges.iter().filter(|e| e.pair == pair).collect();
    assert_eq!(lines.len(), 1, "one line for Microsoft–OpenAI");
    assert!(lines[0].rels.len() >= 4 && lines[0].badge.is_some());
    assert!(
        lines[0].description.starts_with("Microsoft – OpenAI: ")
            || lines[0].description.starts_with("OpenAI – Microsoft: ")
    );
    // Every relationship in force is drawn, bundled or not.
    let drawn: usize = scene.edges.iter().map(|e| e.rels.len()).sum();
    assert_eq!(drawn, layout.edges.len());
    // Selecting the pair fans it out; zooming in does too.
    let sel = apply(&s, Action::Select(Some(Selection::pair(ms, oa))), &ctx);
    let fanned = network_scene(&ds, &layout, &sel, None, None);
    assert_eq!(fanned.edges.iter().filter(|e| e.pair == pair).count(), lines[0].rels.len());
    let mut zoomed = s.clone();
    zoomed.camera.k = FAN_ZOOM;
    assert!(network_scene(&ds, &layout, &zoomed, None, None).edges.iter().all(|e| e.rels.len() == 1));
    // A deep link selects a pair.
    let q = to_query(&sel, &ds);
    assert!(q.contains("select=pair:"), "{q}");
    assert_eq!(from_query(&q, &ds, &ctx).selection, sel.selection);
}

#[test]
fn a_click_at_the_middle_of_any_line_hits_that_line() {
    let (ds, ctx, s0) = setup();
    for date in ["2023-01-23", "2025-01-21", "2026-04-28"] {
        let s = apply(&s0, Action::SetDate(d(date)), &ctx);
        let layout = layout_of(&ds).at(&ds, d(date));
        for k in [1.0, FAN_ZOOM] {
            let mut v = s.clone();
            v.camera.k = k;
            let scene = network_scene(&ds, &layout, &v, None, None);
            for e in &scene.edges {
                let mid = e.curve.at(0.5);
                let screen = Vec2::new(mid.x * k + v.camera.x, mid.y * k + v.camera.y);
                let hit = line_at(&scene, v.camera, screen, 12.0).expect("something within 12 px");
                let want = if e.rels.len() > 1 {
                    powershift_core::gesture::Target::Pair(e.pair.0, e.pair.1)
                } else {
                    powershift_core::gesture::Target::Rel(e.rel)
                };
                assert_eq!(hit, want, "{date} k={k}: the middle of {}", e.id);
            }
        }
    }
}

#[test]
fn the_change_is_marked_on_the_graphic_and_in_the_names() {
    let (ds, ctx, s0) = setup();
    let s = apply(&s0, Action::SetDate(d("2026-04-27")), &ctx);
    let layout = layout_of(&ds).at(&ds, d("2026-04-27"));
    let c = change_view(&ds, &ctx, &s).unwrap();
    let scene = network_scene(&ds, &layout, &s, None, Some(&c));
    let marked: Vec<_> = scene.edges.iter().filter(|e| e.change.is_some()).collect();
    assert!(!marked.is_empty());
    assert!(
        marked.iter().all(|e| e.description.contains("on 27 April 2026")),
        "{:?}",
        marked.iter().map(|e| &e.description).collect::<Vec<_>>()
    );
    assert!(scene.edges.iter().filter(|e| e.change.is_none()).all(|e| e.muted));
    let note = scene.annotation.expect("the change is named on the graphic");
    assert!(!note.text.is_empty());
    let ended = c.items.iter().filter(|i| i.kind == ChangeKind::Ended).count();
    assert!(scene.ghosts.len() <= ended);
}

#[test]
fn the_frame_follows_the_date_and_keeps_the_story_aspect() {
    let (ds, _, _) = setup();
    let layout = layout_of(&ds);
    let story = Rect::union_all([d("2019-07-22"), d("2026-04-28")].map(|x| layout.at(&ds, x).bounds)).unwrap();
    let early = frame(layout.at(&ds, d("2019-07-22")).bounds, story, 0.45);
    assert!(early.width() < story.width() * 0.9, "2019 is framed closer than the whole story");
    assert!((early.width() / early.height() - story.width() / story.height()).abs() < 1e-9);
    assert!(early.min.x >= story.min.x - 1e-9 && early.max.x <= story.max.x + 1e-9);
}

/// A date's relaxation moves the drawing's edges by fractions of a unit; the frame stays put then
/// (a new viewBox re-lays out the whole drawing), follows real moves, and still shows the content —
/// also a headline reaching above the story's box.
#[test]
fn the_frame_moves_in_whole_steps() {
    use powershift_core::network::Vec2;
    use powershift_core::scene::network::date_frame;
    let story = Rect::new(-300.0, -400.0, 300.0, 300.0);
    let content = Rect::new(-201.0, -251.0, 143.0, 121.0);
    let at = |dx: f64, dy: f64, grow: f64| Rect {
        min: content.min + Vec2::new(dx - grow, dy - grow),
        max: content.max + Vec2::new(dx + grow, dy + grow),
    };
    let f = date_frame(content, story, 0.45);
    for (dx, dy, grow) in [(0.3, -0.2, 0.0), (-0.25, 0.1, 0.2), (0.0, 0.0, -0.3)] {
        assert_eq!(date_frame(at(dx, dy, grow), story, 0.45), f, "nudged by ({dx}, {dy}), grown by {grow}");
    }
    let headline = Rect { min: Vec2::new(-250.0, -431.3), ..content };
    let h = date_frame(headline, story, 0.45);
    assert_eq!(date_frame(Rect { min: Vec2::new(-250.2, -431.1), ..content }, story, 0.45), h);
    for c in [content, at(40.0, 0.0, 0.0), at(0.0, -30.0, 25.0), at(3.0, 7.0, -60.0), headline] {
        let g = date_frame(c, story, 0.45);
        assert!(g.min.x <= c.min.x && g.max.x >= c.max.x && g.min.y <= c.min.y && g.max.y >= c.max.y, "{c:?} in {g:?}");
    }
    assert!((f.width() / f.height() - 600.0 / 700.0).abs() < 1e-9);
    assert_ne!(date_frame(at(40.0, 0.0, 0.0), story, 0.45), f, "a real move moves the frame");
    assert_ne!(date_frame(at(0.0, 0.0, 30.0), story, 0.45), f, "a real growth grows it");
}

#[test]
fn an_organisations_details_group_its_partners_by_kind_and_keep_earlier_ties_apart() {
    let (ds, _, _) = setup();
    let ms = ds.org_ix("microsoft").unwrap();
    let det = powershift_core::scene::org_details::org_details(&ds, ms, d("2026-04-28"));
    let net = ds.network_at(d("2026-04-28"));
    let touching = net.edges.iter().filter(|e| ds.rel(e.rel).from == ms || ds.rel(e.rel).to == ms).count();
    assert_eq!(
        det.in_force() + det.earlier.iter().filter(|t| net.edges.iter().any(|e| e.rel == t.rel)).count(),
        touching
    );
    assert!(det.groups.windows(2).all(|w| w[0].ties.len() >= w[1].ties.len()), "largest group first");
    for g in &det.groups {
        assert!(g.ties.windows(2).all(|w| w[0].since.start <= w[1].since.start), "each group by date");
        assert!(g.ties.iter().all(|t| ds.rel(t.rel).kind == g.kind));
    }
    // The 2015 pledge by Amazon is not Microsoft's; Microsoft's events are all listed, by date.
    assert_eq!(det.events.len(), ds.events.iter().filter(|e| e.organisations.contains(&ms)).count());
    // Earlier ties: ended or historical, none of them active on the date.
    assert!(det
        .earlier
        .iter()
        .all(|t| !net.edges.iter().any(|e| e.rel == t.rel && e.state == powershift_core::model::PhaseState::Active)));
}

#[test]
fn the_table_lists_the_snapshot_and_follows_filters_focus_search_and_sorting() {
    use powershift_core::scene::table::{caption, org_rows, relationship_rows, sort_rows, Column, Direction};
    use powershift_core::snapshot::Snapshot;
    let (ds, ctx, s0) = setup();
    for date in ["2019-07-22", "2023-01-23", "2025-01-21", "2026-04-28"] {
        let s = apply(&s0, Action::SetDate(d(date)), &ctx);
        let rows = relationship_rows(&ds, &s);
        let ids: Vec<&str> = rows.iter().map(|r| ds.rel(r.rel).id.as_str()).collect();
        let snap: Vec<String> = Snapshot::of(&ds, d(date)).edges.into_iter().map(|e| e.id).collect();
        assert_eq!(ids, snap, "{date}: the table is the snapshot");
        assert!(caption(&ds, &s, rows.len()).contains(&format!("{0} of {0} shown", rows.len())));
    }
    let s = apply(&s0, Action::SetDate(d("2026-04-28")), &ctx);
    let all = relationship_rows(&ds, &s);
    // Sorting: by money, largest first; by since, earliest first; ties keep snapshot order.
    let mut by_money = all.clone();
    sort_rows(&mut by_money, Column::Money, Direction::Descending);
    assert!(by_money.windows(2).all(|w| w[0].money_usd >= w[1].money_usd));
    assert!(by_money[0].money_usd > 0.0 && !by_money[0].money.is_empty());
    let mut by_since = all.clone();
    sort_rows(&mut by_since, Column::Since, Direction::Ascending);
    assert!(by_since.windows(2).all(|w| w[0].since_days <= w[1].since_days));
    // Filters, focus and search.
    let hidden = apply(&s, Action::ToggleGroup(RelationGroup::Money), &ctx);
    let shown = relationship_rows(&ds, &hidden);
    assert!(shown.len() < all.len() && shown.iter().all(|r| r.group != RelationGroup::Money));
    assert!(caption(&ds, &hidden, shown.len()).contains("hidden: Money"));
    let focused = apply(&s, Action::FocusOrg(ds.org_ix("oracle")), &ctx);
    let rows = relationship_rows(&ds, &focused);
    assert!(!rows.is_empty() && rows.iter().all(|r| r.organisations.contains("Oracle")));
    let searched = apply(&s, Action::Search("nvidia".into()), &ctx);
    assert!(relationship_rows(&ds, &searched).iter().all(|r| r.organisations.contains("Nvidia")));
    // Organisations: most partners first; OpenAI is the hub.
    let orgs = org_rows(&ds, &s, &all);
    assert_eq!(orgs[0].name, "OpenAI");
    assert!(orgs.windows(2).all(|w| w[0].partners >= w[1].partners));
}

#[test]
fn a_keyboard_walk_from_openai_to_microsoft_to_oracle_and_back() {
    use powershift_core::scene::traversal::{largest, partners_in_order, partners_summary, NavKey, Traversal};
    let (ds, ctx, s0) = setup();
    let s = apply(&s0, Action::SetDate(d("2025-01-21")), &ctx);
    let (openai, microsoft, oracle) =
        (ds.org_ix("openai").unwrap(), ds.org_ix("microsoft").unwrap(), ds.org_ix("oracle").unwrap());
    assert_eq!(largest(&ds, &s), Some(openai), "the keyboard enters at the hub");
    let partners = partners_in_order(&ds, &s, openai);
    assert!(partners.contains(&microsoft) && partners.contains(&oracle));
    // Partners come in the order their partnerships began: Microsoft (2019) before Oracle (2024).
    let pos = |o| partners.iter().position(|p| *p == o).unwrap();
    assert!(pos(microsoft) < pos(oracle));
    let mut t = Traversal::at(openai).step(NavKey::Home, &ds, &s);
    assert_eq!(t.focus, openai);
    while t.focus != microsoft {
        t = t.step(NavKey::Next, &ds, &s);
    }
    t = t.step(NavKey::Into, &ds, &s);
    assert_eq!((t.hub, t.focus), (microsoft, microsoft));
    while t.focus != oracle {
        let before = t.focus;
        t = t.step(NavKey::Next, &ds, &s);
        assert_ne!(t.focus, before, "moves on");
        assert!(partners_in_order(&ds, &s, microsoft).contains(&t.focus), "only Microsoft's partners");
    }
    assert!(partners_summary(&ds, &s, &t).starts_with(&format!("{} has ", ds.org(oracle).name)));
    t = t.step(NavKey::Back, &ds, &s);
    assert_eq!((t.hub, t.focus), (openai, microsoft));
    t = t.step(NavKey::Back, &ds, &s);
    assert_eq!(t.focus, openai);
    // Previous wraps around; keys with nowhere to go change nothing.
    let first = Traversal::at(openai).step(NavKey::Next, &ds, &s);
    assert_eq!(first.step(NavKey::Previous, &ds, &s).step(NavKey::Next, &ds, &s).focus, first.focus);
    assert_eq!(Traversal::at(openai).step(NavKey::Back, &ds, &s), Traversal::at(openai));
    assert_eq!(NavKey::of("ArrowDown"), Some(NavKey::Into));
    assert_eq!(NavKey::of("a"), None);
}

#[test]
fn the_largest_organisation_is_the_most_connected_on_every_change_date_ties_by_name() {
    use powershift_core::scene::traversal::largest;
    let (ds, ctx, s0) = setup();
    for date in &ctx.change_dates {
        let s = apply(&s0, Action::SetDate(*date), &ctx);
        let net = ds.network_at(*date);
        // The definition, counted the slow way over the relationships in force.
        let degree = |o| net.edges.iter().filter(|e| e.from == o || e.to == o).count();
        let want = net
            .nodes
            .iter()
            .map(|n| n.org)
            .filter(|o| degree(*o) > 0 || net.edges.is_empty())
            .max_by(|x, y| degree(*x).cmp(&degree(*y)).then_with(|| ds.org(*y).name.cmp(&ds.org(*x).name)));
        assert_eq!(largest(&ds, &s), want, "{date}");
    }
}
