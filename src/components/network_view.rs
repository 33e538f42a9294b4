//! The network panel: wires the network scene, its renderer and the reader's actions. Zoom (wheel,
//! pinch, buttons), pan (drag), drag an organisation to pin it, reset; organisations are buttons
//! (Tab, Enter/Space), so the keyboard path runs scrubber → network → details.

use std::rc::Rc;

use powershift_core::network::NetworkLayout;
use powershift_core::scene::{network_scene, Transition};
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::render::network::{network_svg, SvgListeners};
use crate::state::use_app;

/// Props of [`NetworkView`].
#[derive(Properties, PartialEq, Debug)]
pub struct NetworkViewProps {
    /// The layout on the current date (computed once per date by the story screen).
    pub layout: Rc<NetworkLayout>,
}

/// The network view.
#[function_component(NetworkView)]
pub fn network_view(props: &NetworkViewProps) -> Html {
    let app = use_app();
    let (story, view) = (&app.story, &app.view);
    let reduced = crate::hooks::use_reduced_motion();
    let (from, t) = crate::hooks::use_tween(props.layout.clone(), reduced);
    let scene = network_scene(&story.ds, &props.layout, &view.view, Some(Transition { from: &from, t }));
    let vb = story.bounds;

    let node = use_node_ref();
    let pointer = crate::hooks::use_network_gestures(node.clone(), vb, view.clone());
    let select = {
        let view = view.clone();
        Callback::from(move |sel: Selection| {
            if matches!(sel, Selection::Org(_)) {
                view.dispatch(Action::Select(Some(sel)));
            }
        })
    };
    let on = SvgListeners {
        node,
        pointerdown: pointer.down,
        pointermove: pointer.moved,
        pointerup: pointer.up,
        pointercancel: pointer.cancel,
        items: crate::hooks::use_delegated(view.clone(), select),
    };

    let act = |action: Action| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.dispatch(action.clone()))
    };
    html! {
        <section class="panel network-panel" aria-labelledby="network-title">
            <div class="panel-head">
                <h2 id="network-title">{ "Partnerships on " }{ props.layout.date.to_words() }</h2>
                <div class="toolbar" role="group" aria-label="Network view">
                    <button type="button" class="icon" aria-label="Zoom in" title="Zoom in"
                            onclick={act(Action::Zoom { at: vb.center(), factor: 1.4 })}>{ "+" }</button>
                    <button type="button" class="icon" aria-label="Zoom out" title="Zoom out"
                            onclick={act(Action::Zoom { at: vb.center(), factor: 1.0 / 1.4 })}>{ "−" }</button>
                    <button type="button" onclick={act(Action::ResetView)}>{ "Reset view" }</button>
                </div>
            </div>
            { network_svg(&scene, vb, view.view.camera, story.layout.config.font_px, &on) }
            <p class="hint muted small">{ "Drag to pan, scroll or pinch to zoom, drag an organisation to pin it. Select an organisation or a line for details." }</p>
        </section>
    }
}
