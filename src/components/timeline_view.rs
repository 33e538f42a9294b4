//! The timeline panel: wires the timeline scene, its renderer and the reader's actions. Event marks
//! in lanes, an overview strip whose brush sets the visible window, zoom (Ctrl/⌘ + wheel about the
//! cursor; buttons about the selected event or the current date, centred), a click on the axis to
//! go to a date, and the colour key. Selecting an event moves the network to its date. Every pixel
//! ⇄ date conversion goes through the story's warped scale.

use std::rc::Rc;

use powershift_core::gesture::{timeline_zoom, wheel_factor, Brush};
use powershift_core::model::EventIx;
use powershift_core::scene::timeline::{date_at, overview_scale, window_scale, NARROW_PX};
use powershift_core::scene::{mark_scene_for, timeline_key, timeline_marks, timeline_scene, zoom_buttons};
use powershift_core::timeline::Bin;
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::platform::events::{capture_pointer, offset_x};
use crate::render::timeline::{axis_ticks, colour_key, density_bars, timeline_svg, FrozenParts, StripListeners};
use crate::state::use_app;

/// Props of [`TimelineView`].
#[derive(Properties, Debug)]
pub struct TimelineViewProps {
    /// Event density over the whole story, computed once per story.
    pub density: Rc<Vec<Bin>>,
}

/// By the density's address (it is computed once per story), not bin by bin on every date change.
impl PartialEq for TimelineViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.density, &other.density)
    }
}

/// The timeline view.
#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let app = use_app();
    let (story, view) = (&app.story, &app.view);
    let (ds, warp) = (&story.ds, &story.warp);
    let container = use_node_ref();
    // The lanes depend on the width: drawn once it is measured, not at a guess and again.
    let (width, measured) = crate::hooks::use_measured_width(container.clone(), 960.0);
    let width = width.max(280.0);
    let window = view.view.window;
    let scale = window_scale(warp, window, width);
    let bounds = story.ctx.window_bounds();
    let story_key = Rc::as_ptr(ds) as usize;

    // Lanes are laid out once per window and width, and dressed once per focus, selection and
    // filter: never per date.
    let marks = {
        let (ds, warp) = (ds.clone(), warp.clone());
        use_memo((story_key, window.0.to_bits(), window.1.to_bits(), width.to_bits()), move |_| {
            timeline_marks(&ds, &warp, window, width)
        })
    };
    let key = {
        let ds = ds.clone();
        use_memo(story_key, move |_| timeline_key(&ds))
    };
    let dressed = {
        let (ds, marks) = (ds.clone(), marks.clone());
        let v = &view.view;
        use_memo((Rc::as_ptr(&marks) as usize, v.focus(), v.selection, v.hidden_kinds.clone()), move |(_, f, s, h)| {
            Rc::new(mark_scene_for(&ds, &marks, *f, *s, h, width))
        })
    };
    let mut scene = timeline_scene(ds, warp, &marks, &props.density, &view.view, width);
    // The bars and ticks are drawn only when the width or window changes (the drawing takes them
    // from `frozen`, not from the scene): moved out of the scene, not copied, on every date.
    let bars = use_memo((story_key, width.to_bits()), {
        let bars = std::mem::take(&mut scene.bars);
        move |_| Rc::new(density_bars(&bars))
    });
    let ticks = use_memo((story_key, window.0.to_bits(), window.1.to_bits(), width.to_bits()), {
        let (ticks, height) = (std::mem::take(&mut scene.ticks), scene.height);
        move |_| Rc::new(axis_ticks(&ticks, height))
    });
    let frozen = FrozenParts { bars: (*bars).clone(), ticks: (*ticks).clone() };

    let (hint, show_hint) = crate::hooks::use_hint();
    let coarse = crate::hooks::use_coarse_pointer();
    {
        let (view, scale) = (view.clone(), scale.clone());
        crate::hooks::use_wheel(
            container.clone(),
            (story_key, window.0.to_bits(), window.1.to_bits(), width.to_bits()),
            Callback::from(move |(x, dy, lines): (f64, f64, bool)| {
                view.dispatch(timeline_zoom(&scale, x, wheel_factor(dy, lines), bounds))
            }),
            Callback::from(move |_| show_hint.emit(crate::hooks::WHEEL_HINT)),
        );
    }
    let brush = use_mut_ref(Brush::default);
    let full = overview_scale(ds, warp, width);
    let strip = StripListeners {
        pointerdown: {
            let brush = brush.clone();
            Callback::from(move |e: PointerEvent| {
                capture_pointer(&e);
                brush.borrow_mut().down(offset_x(&e));
            })
        },
        pointermove: {
            let (brush, view) = (brush.clone(), view.clone());
            Callback::from(move |e: PointerEvent| {
                if let Some(a) = brush.borrow().moved(offset_x(&e), &full) {
                    view.dispatch(a);
                }
            })
        },
        pointerup: Callback::from(move |_: PointerEvent| brush.borrow_mut().up()),
        axis_click: {
            let (view, warp) = (view.clone(), warp.clone());
            let v = view.view.clone();
            Callback::from(move |e: MouseEvent| view.dispatch(Action::SetDate(date_at(&warp, &v, width, offset_x(&e)))))
        },
    };
    let open = {
        let (app, ds) = (app.clone(), ds.clone());
        Callback::from(move |sel: Selection| {
            if let Selection::Event(e) = sel {
                app.view.dispatch(Action::SetDate(ds.event(e).date.start));
                app.select_from_afar(sel, "the timeline");
            }
        })
    };
    let delegated = crate::hooks::use_delegated(view.clone(), open);
    // One tab stop into the timeline (roving tabindex): the event the keyboard is on, else the
    // selected one, else the last one on or before the date; ← → move in time, Home/End to the ends.
    let cursor = use_state(|| None::<EventIx>);
    let order: Vec<EventIx> = {
        let mut m: Vec<(f64, EventIx)> = dressed.iter().map(|m| (m.x, m.event)).collect();
        powershift_core::sort::sort_by(&mut m, |a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        m.into_iter().map(|(_, e)| e).collect()
    };
    let tab_event = (*cursor)
        .filter(|e| order.contains(e))
        .or(match view.view.selection {
            Some(Selection::Event(e)) if order.contains(&e) => Some(e),
            _ => None,
        })
        .or_else(|| order.iter().rev().find(|e| ds.event(**e).date.start <= view.view.date).copied())
        .or_else(|| order.first().copied());
    let marks_ref = use_node_ref();
    {
        let marks_ref = marks_ref.clone();
        use_effect_with(*cursor, move |c| {
            if let Some(e) = c {
                crate::platform::dom::focus_within(&marks_ref, &format!("[data-event-ix=\"{}\"]", e.0));
            }
        });
    }
    let keydown = {
        let (cursor, inner) = (cursor.clone(), delegated.keydown.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(Selection::Event(at)) = crate::platform::events::item_at(&e) else {
                inner.emit(e);
                return;
            };
            let i = order.iter().position(|x| *x == at).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => order.get(i + 1).copied(),
                "ArrowLeft" | "ArrowUp" => i.checked_sub(1).and_then(|j| order.get(j).copied()),
                "Home" => order.first().copied(),
                "End" => order.last().copied(),
                _ => {
                    inner.emit(e);
                    return;
                }
            };
            e.prevent_default();
            if let Some(n) = next {
                cursor.set(Some(n));
            }
        })
    };
    let on = crate::render::network::ItemListeners { keydown, ..delegated };

    // The zoom buttons centre the selected event (or the current date) as far as the story allows.
    let zoom = |factor: f64| {
        let view = view.clone();
        let action = zoom_buttons(ds, warp, &view.view, width, factor);
        Callback::from(move |_: MouseEvent| view.dispatch(action.clone()))
    };
    let reset = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.dispatch(Action::ResetWindow))
    };
    html! {
        <section class="panel timeline-panel" aria-labelledby="timeline-title">
            <div class="panel-head">
                <h2 id="timeline-title">{ "Timeline" }</h2>
                <div class="toolbar" role="group" aria-label="Timeline zoom">
                    <button type="button" class="icon" aria-label="Zoom timeline in" title="Zoom in" onclick={zoom(2.0)}>{ "+" }</button>
                    <button type="button" class="icon" aria-label="Zoom timeline out" title="Zoom out" onclick={zoom(0.5)}>{ "−" }</button>
                    <button type="button" onclick={reset}>{ "Whole story" }</button>
                </div>
            </div>
            <div ref={container} class="timeline-wrap">
                <div ref={marks_ref} class="timeline-marks">
                    if measured { { timeline_svg(&scene, (*dressed).clone(), !coarse, &strip, &on, tab_event, &frozen) } }
                </div>
                <p class={classes!("gesture-hint", hint.is_some().then_some("shown"))} role="status" aria-live="polite">
                    { hint.unwrap_or_default() }
                </p>
            </div>
            { colour_key(&key) }
            if let Some(note) = scene.scale_note {
                <p class="muted small timeline-note">{ note }</p>
            }
            if coarse || width < NARROW_PX {
                // 87 events as a list: a task of its own at load, after the drawing (`Deferred`).
                <super::Deferred order={5} min_height={400}><super::EventList /></super::Deferred>
            } else if !scene.labelled {
                <p class="muted small">{ "Titles shown are those of events that changed the network; zoom in to read every title, or point at a mark." }</p>
            }
        </section>
    }
}
