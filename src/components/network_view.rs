//! The network panel: wires the network scene, its renderer and the reader's actions. Zoom (wheel,
//! pinch, buttons), pan (drag), drag an organisation to pin it, reset; organisations are buttons
//! (Tab, Enter/Space), so the keyboard path runs scrubber → network → details.

use std::rc::Rc;

use powershift_core::date::{Date, FuzzyDate};
use powershift_core::network::{NetworkLayout, Rect};
use powershift_core::scene::network::{date_frame, Annotation};
use powershift_core::scene::traversal::{largest, partners_summary, NavKey, Traversal};
use powershift_core::scene::{network_scene, ChangeView, Transition};
use powershift_core::view::{Action, Camera, Selection};
use yew::prelude::*;

use crate::platform::events::value_of;
use crate::render::network::{network_svg, SvgListeners};
use crate::state::{use_app, Story};

/// Props of [`NetworkView`].
#[derive(Properties, PartialEq, Debug)]
pub struct NetworkViewProps {
    /// The layout on the current date (computed once per date by the story screen).
    pub layout: Rc<NetworkLayout>,
    /// The change on view (emphasised, named on the graphic).
    pub change: Option<Rc<ChangeView>>,
}

/// How much of the story's box a date's frame covers at least.
const MIN_FRAME: f64 = 0.55;
/// The change's headline is set a little larger than the labels.
const NOTE_SCALE: f64 = 1.2;

/// The network view.
#[function_component(NetworkView)]
pub fn network_view(props: &NetworkViewProps) -> Html {
    let app = use_app();
    let (story, view) = (&app.story, &app.view);
    let reduced = crate::hooks::use_reduced_motion();
    let (from, t) = crate::hooks::use_tween(props.layout.clone(), reduced);
    let scene = Rc::new(network_scene(
        &story.ds,
        &props.layout,
        &view.view,
        Some(Transition { from: &from, t }),
        props.change.as_deref(),
    ));
    // The camera frames the date: the view eases from the previous date's frame to this one's,
    // while positions stay where the stable layout put them. Once the reader zooms or pans, their
    // view wins (the frame is held) until "Reset view".
    let headroom =
        if scene.annotation.is_some() { Annotation::headroom(story.layout.config.font_px * NOTE_SCALE) } else { 0.0 };
    let date_frame = |l: &NetworkLayout| {
        // A large graph keeps the story's box: re-framing it would re-lay out every element a date.
        if l.nodes.is_empty() || scene.large {
            story.bounds
        } else {
            let mut content = l.bounds.inflate(24.0);
            content.min.y -= headroom;
            date_frame(content, story.bounds, MIN_FRAME)
        }
    };
    let eased = {
        let (a, b) = (date_frame(&from), date_frame(&props.layout));
        Rect { min: a.min.lerp(b.min, t), max: a.max.lerp(b.max, t) }
    };
    let held = use_mut_ref(|| None::<Rect>);
    let vb = if view.view.camera == Camera::default() && view.view.pins.is_empty() {
        *held.borrow_mut() = None;
        eased
    } else {
        *held.borrow_mut().get_or_insert(eased)
    };

    let as_table = use_state(|| false);
    let show_as = |table: bool| {
        let as_table = as_table.clone();
        Callback::from(move |_: MouseEvent| as_table.set(table))
    };
    let node = use_node_ref();
    let (hint, show_hint) = crate::hooks::use_hint();
    // The drawing mounts a moment after the panel at load (`Deferred`): its wheel listener and its
    // size are attached from then.
    let drawn = use_state(|| 0u32);
    let on_drawn = {
        let drawn = drawn.clone();
        Callback::from(move |_| drawn.set(*drawn + 1))
    };
    let pointer = crate::hooks::use_network_gestures(node.clone(), *drawn, vb, view.clone(), scene.clone(), show_hint);
    let select = {
        let view = view.clone();
        Callback::from(move |sel: Selection| view.dispatch(Action::Select(Some(sel))))
    };
    // Keyboard traversal: one tab stop (the focused organisation, else the largest); arrows walk to
    // partners, I reads a summary, Escape leaves (see powershift_core::scene::traversal).
    let nav = use_state(|| None::<Traversal>);
    let said = use_state(String::new);
    // The keyboard's entry: computed once per date and filter, not on every animation frame.
    let entry = {
        let (ds, v) = (story.ds.clone(), view.view.clone());
        *use_memo((v.date, v.hidden_kinds.clone(), v.focus_org), move |_| largest(&ds, &v))
    };
    let tab_org = nav.as_ref().map(|t| t.focus).or(entry);
    {
        let node = node.clone();
        use_effect_with(nav.as_ref().map(|t| t.focus), move |focus| {
            if let Some(o) = focus {
                crate::platform::dom::focus_within(&node, &format!("[data-org=\"{}\"]", o.0));
            }
        });
    }
    let delegated = crate::hooks::use_delegated(view.clone(), select);
    let keydown = {
        let (nav, said, story, v, inner) =
            (nav.clone(), said.clone(), story.clone(), view.view.clone(), delegated.keydown.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(Selection::Org(o)) = crate::platform::events::item_at(&e) else {
                inner.emit(e);
                return;
            };
            // Where the keyboard is: the traversal, unless the reader moved focus by other means.
            let here = match &*nav {
                Some(t) if t.focus == o => t.clone(),
                _ => Traversal::at(o),
            };
            if let Some(k) = NavKey::of(&e.key()) {
                e.prevent_default();
                nav.set(Some(here.step(k, &story.ds, &v)));
            } else if e.key().eq_ignore_ascii_case("i") {
                e.prevent_default();
                said.set(partners_summary(&story.ds, &v, &here));
            } else if e.key() == "Escape" {
                crate::platform::dom::focus_id("network-title");
            } else {
                inner.emit(e);
            }
        })
    };
    let on = SvgListeners {
        node: node.clone(),
        pointerdown: pointer.down,
        pointermove: pointer.moved,
        pointerup: pointer.up,
        pointercancel: pointer.cancel,
        items: crate::render::network::ItemListeners { keydown, ..delegated },
    };

    // Touch targets: 44 CSS pixels in world units at the drawing's current scale (the drawing is
    // fitted into the <svg>, so the tighter of its two scales applies).
    let (w, h) = crate::hooks::use_size(node.clone(), (720.0, 480.0), *drawn);
    let units_per_px = (vb.width() / w.max(1.0)).max(vb.height() / h.max(1.0));
    let hit = powershift_core::scene::touch_side(units_per_px / view.view.camera.k);
    // The change's headline, fitted into what the camera shows.
    let (cam, font_px) = (view.view.camera, story.layout.config.font_px);
    let shown = Rect { min: cam.to_world(vb.min), max: cam.to_world(vb.max) };
    let note = scene.annotation.as_ref().map(|a| a.fit(shown, font_px * NOTE_SCALE));
    // The drawing's shape where the page sizes it by its width (a phone): the story's box with room
    // for a change's headline above it, as most dates' frames are.
    let mut shape = story.bounds;
    shape.min.y -= Annotation::headroom(font_px * NOTE_SCALE);
    let compare = view.view.compare;
    // ~50 options, built and compared again only when the comparison changes (not every date).
    let options = use_memo((story.clone(), compare), |(story, compare)| Rc::new(compare_options(story, *compare)));
    let oncompare = {
        let view = view.clone();
        Callback::from(move |e: Event| view.dispatch(Action::Compare(Date::parse_iso(&value_of(&e)).ok())))
    };
    let act = |action: Action| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.dispatch(action.clone()))
    };
    html! {
        <section class="panel network-panel" aria-labelledby="network-title">
            <div class="panel-head">
                <div class="title-cell">
                    <h2 id="network-title" tabindex="-1">{ "Partnerships on " }{ view.view.date_words() }</h2>
                    // The longest heading a date can give, invisible in the same place: on a phone
                    // the heading takes one line or two by its date, and the drawing under it
                    // jumped by a line while scrubbing.
                    <span class="title-reserve" aria-hidden="true">{ "Partnerships on 30 September 2000" }</span>
                </div>
                <super::ShareDialog />
                <super::ExportMenu />
                <div class="compare" role="group" aria-label="Compare">
                    <label for="compare-date">{ "Compare with" }</label>
                    <select id="compare-date" onchange={oncompare}>
                        <super::Frozen html={(*options).clone()} />
                    </select>
                </div>
            </div>
            <super::FilterChips />
            <div class={classes!("network-wrap", as_table.then_some("as-table"))}>
                <div class="show-as" role="group" aria-label="Show as">
                    <button type="button" aria-pressed={(!*as_table).to_string()} onclick={show_as(false)}>{ "Picture" }</button>
                    <button type="button" aria-pressed={as_table.to_string()} onclick={show_as(true)}>{ "Table" }</button>
                </div>
            if *as_table {
                <super::PartnershipTable />
            } else {
                <div class="toolbar" role="group" aria-label="Network view">
                    <button type="button" class="icon" aria-label="Zoom in" title="Zoom in"
                            onclick={act(Action::Zoom { at: vb.center(), factor: 1.4 })}>{ "+" }</button>
                    <button type="button" class="icon" aria-label="Zoom out" title="Zoom out"
                            onclick={act(Action::Zoom { at: vb.center(), factor: 1.0 / 1.4 })}>{ "−" }</button>
                    <button type="button" onclick={act(Action::ResetView)}>{ "Reset view" }</button>
                </div>
                // The drawing in a task of its own at load, after the panel around it (`Deferred`).
                <super::Deferred order={2} prerendered=true min_height={340} on_shown={on_drawn}>
                    { network_svg(&scene, vb, shape, cam, font_px, hit, note.as_ref().map(|n| (n, font_px * NOTE_SCALE)), &on, tab_org) }
                </super::Deferred>
            }
                <p class={classes!("gesture-hint", hint.is_some().then_some("shown"))} role="status" aria-live="polite">
                    { hint.unwrap_or_default() }
                </p>
            </div>
            if !*as_table { <super::NetworkKey dataset={story.ds.clone()} /> }
            <p class="hint muted small">{ "Select an organisation or a line for details. Zoom with +/−, Ctrl/⌘ + scroll or two fingers; drag to pan; drag an organisation to pin it." }</p>
            <details class="keyboard-help"><summary>{ "Keyboard" }</summary><p id="network-help" class="hint muted small">{ "Keyboard: Tab into the network, then ← → move through an organisation’s partners (in the order the partnerships began), ↓ goes to the focused organisation’s own partners, ↑ goes back, Home goes to the largest, Enter selects, I reads its partners, Escape leaves." }</p></details>
            <p class="visually-hidden" role="status" aria-live="polite">{ (*said).clone() }</p>
        </section>
    }
}

/// The comparison's choices: every change date, the one compared with selected.
fn compare_options(story: &Story, compare: Option<Date>) -> Html {
    let ctx = &story.ctx;
    html! {
        <>
            <option value="" selected={compare.is_none()}>{ "previous change" }</option>
            { for ctx.change_dates.iter().zip(&ctx.change_precision).map(|(d, p)| {
                let f = FuzzyDate { start: *d, precision: *p };
                html! { <option value={d.to_string()} selected={compare == Some(*d)}>{ f.to_words() }</option> }
            }) }
        </>
    }
}
