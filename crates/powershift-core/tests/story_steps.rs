//! Story steps (narrative mode), natively: moving through the steps, leaving the story by changing
//! the view and coming back, and `step=N` in deep links and host messages. Mechanics run on the
//! frozen fixture's four steps (the shipped story's are checked in `shipped_dataset.rs`).

use std::collections::BTreeSet;

use powershift_core::date::Date;
use powershift_core::model::{Dataset, RelationGroup, RelationKind};
use powershift_core::network::Vec2;
use powershift_core::story_steps::{StepBar, StoryPlace};
use powershift_core::view::{
    apply, from_query, is_navigation, set_link, to_query, Action, Selection, ViewContext, ViewState,
};

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

/// Applies actions in order.
fn run(s: &ViewState, actions: impl IntoIterator<Item = Action>, ctx: &ViewContext) -> ViewState {
    actions.into_iter().fold(s.clone(), |s, a| apply(&s, a, ctx))
}

#[test]
fn the_fixture_has_four_steps_each_resolved_from_its_view() {
    let (ds, ctx, _) = setup();
    assert_eq!(ds.story.len(), 4);
    assert_eq!(ctx.steps.len(), 4);
    assert_eq!(ctx.steps[0].date, d("2019-07-22"));
    assert_eq!(ctx.steps[0].selection, Some(Selection::Event(ds.event_ix("E06").unwrap())));
    assert_eq!(ctx.steps[1].selection, Some(Selection::Org(ds.org_ix("anthropic").unwrap())));
    assert_eq!(ctx.steps[2].selection, Some(Selection::Rel(ds.rel_ix("microsoft-openai-cloud").unwrap())));
    let last = &ctx.steps[3];
    assert_eq!((last.date, last.selection, last.focus_org), (d("2026-04-28"), None, ds.org_ix("openai")));
    let conflict: BTreeSet<RelationKind> = RelationGroup::Conflict.kinds().iter().copied().collect();
    assert_eq!(last.hidden_kinds, conflict);
}

#[test]
fn a_step_sets_its_whole_picture_and_nothing_else() {
    let (ds, ctx, s0) = setup();
    // A reader who compared, filtered, focused, searched and zoomed, then goes to step 1.
    let busy = run(
        &s0,
        [
            Action::Compare(Some(d("2020-01-01"))),
            Action::ToggleKind(RelationKind::Chips),
            Action::FocusOrg(ds.org_ix("oracle")),
            Action::Search("stargate".into()),
            Action::Zoom { at: Vec2::new(0.0, 0.0), factor: 2.0 },
            Action::TogglePlay,
        ],
        &ctx,
    );
    let s = apply(&busy, Action::GoToStep(0), &ctx);
    assert_eq!(s.step, Some(0));
    assert_eq!(s.date, d("2019-07-22"));
    assert_eq!(s.date_words(), "22 July 2019");
    assert_eq!(s.selection, Some(Selection::Event(ds.event_ix("E06").unwrap())));
    assert_eq!((s.compare, s.focus_org, s.hidden_kinds.len()), (None, None, 0), "what the step leaves out is cleared");
    assert_eq!(s.previous_date, Some(busy.date), "the date change animates from where the reader was");
    assert!(!s.playing, "a step stops play");
    assert_eq!((s.query.as_str(), s.camera.k), ("stargate", 2.0), "the search text and the camera are the reader's");
    // The last step focuses and hides.
    let s = apply(&s, Action::GoToStep(3), &ctx);
    assert_eq!((s.step, s.focus_org, s.selection), (Some(3), ds.org_ix("openai"), None));
    assert!(s.hidden_kinds.contains(&RelationKind::Lawsuit) && !s.shows_kind(RelationKind::Competition));
    // No such step: nothing changes.
    assert_eq!(apply(&s, Action::GoToStep(4), &ctx), s);
}

#[test]
fn next_and_previous_walk_the_steps_and_stop_at_the_ends() {
    let (_, ctx, s0) = setup();
    let s = apply(&s0, Action::NextStep, &ctx);
    assert_eq!(s.step, Some(0), "Next starts the story");
    assert_eq!(apply(&s0, Action::PrevStep, &ctx), s0, "Previous does not");
    let s = run(&s, [Action::NextStep, Action::NextStep], &ctx);
    assert_eq!((s.step, s.date), (Some(2), d("2025-01-21")));
    let s = apply(&s, Action::PrevStep, &ctx);
    assert_eq!((s.step, s.date), (Some(1), d("2023-09-25")));
    let first = apply(&s, Action::PrevStep, &ctx);
    assert_eq!(apply(&first, Action::PrevStep, &ctx), first);
    let last = run(&s, [Action::NextStep, Action::NextStep], &ctx);
    assert_eq!(last.step, Some(3));
    assert_eq!(apply(&last, Action::NextStep, &ctx), last);
}

#[test]
fn changing_the_picture_leaves_the_step_and_the_way_back_returns_to_it() {
    let (ds, ctx, s0) = setup();
    let in_step = apply(&s0, Action::GoToStep(1), &ctx);
    let microsoft = Selection::Org(ds.org_ix("microsoft").unwrap());
    for (what, action) in [
        ("a selection", Action::Select(Some(microsoft))),
        ("clearing the selection", Action::Select(None)),
        ("a date", Action::SetDate(d("2024-01-01"))),
        ("the next change", Action::StepChange(1)),
        ("a filter", Action::ToggleGroup(RelationGroup::Money)),
        ("a focus", Action::FocusOrg(ds.org_ix("amazon"))),
        ("a comparison", Action::Compare(Some(d("2020-01-01")))),
        ("leaving", Action::LeaveStory),
    ] {
        let s = apply(&in_step, action, &ctx);
        assert_eq!((s.step, s.left_step), (None, Some(1)), "{what}");
        assert_eq!(StepBar::of(&ds, &s).unwrap().place, StoryPlace::Left(1), "{what}");
    }
    // Play leaves the step with its first move.
    let playing = apply(&in_step, Action::TogglePlay, &ctx);
    assert_eq!(playing.step, Some(1));
    assert_eq!((apply(&playing, Action::PlayTick, &ctx).step), None);
    // Looking around is not leaving: hover, zoom, pan, pins, search, the timeline window, the same date.
    for (what, action) in [
        ("hover", Action::Hover(Some(microsoft))),
        ("zoom", Action::Zoom { at: Vec2::new(1.0, 1.0), factor: 1.5 }),
        ("pan", Action::Pan(Vec2::new(5.0, 0.0))),
        ("pin", Action::Pin(ds.org_ix("openai").unwrap(), Vec2::new(0.0, 0.0))),
        ("search", Action::Search("oracle".into())),
        ("timeline window", Action::SetWindow(18_000.0, 19_000.0)),
        ("the same date", Action::SetDate(d("2023-09-25"))),
        ("reset view", Action::ResetView),
    ] {
        let s = apply(&in_step, action, &ctx);
        assert_eq!((s.step, s.left_step), (Some(1), None), "{what}");
    }
    // Back to the step, or on to the next one from where the reader left.
    let left = apply(&in_step, Action::Select(Some(microsoft)), &ctx);
    let back = apply(&left, Action::GoToStep(1), &ctx);
    assert_eq!((back.step, back.left_step, back.selection), (Some(1), None, ctx.steps[1].selection));
    assert_eq!(apply(&left, Action::NextStep, &ctx).step, Some(2));
    assert_eq!(apply(&left, Action::PrevStep, &ctx).step, Some(0));
}

#[test]
fn a_deep_link_keeps_the_step_and_opens_it() {
    let (ds, ctx, s0) = setup();
    let s = apply(&s0, Action::GoToStep(1), &ctx);
    let q = to_query(&s, &ds);
    assert_eq!(q, "date=2023-09-25&select=org:anthropic&step=2");
    assert_eq!(from_query(&q, &ds, &ctx), ViewState { previous_date: None, ..s.clone() });
    // `?step=2` alone opens step 2, whatever the order of the keys.
    let opened = from_query("step=2", &ds, &ctx);
    assert_eq!((opened.step, opened.date, opened.selection), (Some(1), s.date, s.selection));
    assert_eq!(from_query("select=org:anthropic&step=2&date=2023-09-25", &ds, &ctx).step, Some(1));
    // Keys that move away from the step open the view they say, with the way back offered.
    let moved = from_query("step=2&select=org:oracle", &ds, &ctx);
    assert_eq!((moved.step, moved.left_step), (None, Some(1)));
    assert_eq!(moved.selection, Some(Selection::Org(ds.org_ix("oracle").unwrap())));
    assert_eq!(moved.date, d("2023-09-25"));
    assert!(!to_query(&moved, &ds).contains("step="));
    // A step the story does not have is ignored, like any malformed value.
    for bad in ["step=0", "step=5", "step=two", "step=-1", "step="] {
        assert_eq!(from_query(bad, &ds, &ctx), s0, "{bad}");
    }
    // Going to a step is a history entry; so is leaving it.
    let left = apply(&s, Action::Select(None), &ctx);
    assert!(is_navigation(&to_query(&s0, &ds), &q));
    assert!(is_navigation(&q, &to_query(&left, &ds)));
}

#[test]
fn a_host_page_can_set_the_step_through_the_link_keys() {
    let (ds, ctx, s0) = setup();
    let s = set_link(&s0, [("step", "3")], &ds, &ctx).unwrap();
    assert_eq!((s.step, s.date), (Some(2), d("2025-01-21")));
    // Other keys adjust the step, whatever their order, and so leave it.
    let adjusted = set_link(&s0, [("select", "org:oracle"), ("step", "3")], &ds, &ctx).unwrap();
    assert_eq!((adjusted.step, adjusted.left_step), (None, Some(2)));
    assert_eq!(adjusted.date, d("2025-01-21"));
    // A host's selection leaves the step too; an empty step leaves it; a step the story lacks is an error.
    let selected = set_link(&s, [("select", "org:microsoft")], &ds, &ctx).unwrap();
    assert_eq!((selected.step, selected.left_step), (None, Some(2)));
    let out = set_link(&s, [("step", "")], &ds, &ctx).unwrap();
    assert_eq!((out.step, out.left_step, out.date), (None, Some(2), s.date));
    let err = set_link(&s, [("step", "9")], &ds, &ctx).unwrap_err();
    assert_eq!(err, "step: \"9\" is not a step; this story has steps 1 to 4");
    // A host's date equal to the step's keeps the reader in it.
    assert_eq!(set_link(&s, [("date", "2025-01-21")], &ds, &ctx).unwrap().step, Some(2));
}

#[test]
fn back_and_forward_restore_the_step_and_offer_the_way_back() {
    let (ds, ctx, s0) = setup();
    let in_step = apply(&s0, Action::GoToStep(2), &ctx);
    // Back to the view before the story: the step bar offers step 3 again.
    let before = from_query(&to_query(&s0, &ds), &ds, &ctx);
    let back = apply(&in_step, Action::Restore(Box::new(before)), &ctx);
    assert_eq!((back.step, back.left_step, back.date), (None, Some(2), s0.date));
    // Forward into the step again.
    let forward = from_query(&to_query(&in_step, &ds), &ds, &ctx);
    let again = apply(&back, Action::Restore(Box::new(forward)), &ctx);
    assert_eq!((again.step, again.left_step, again.date), (Some(2), None, in_step.date));
}
