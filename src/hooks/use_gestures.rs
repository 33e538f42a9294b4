//! Connects the network's `<svg>` to the pure gesture machine ([`powershift_core::gesture`]):
//! pointer and wheel events become machine inputs in viewBox units, and the actions it returns are
//! dispatched.

use std::rc::Rc;

use powershift_core::gesture::{wheel, Gesture, Target, Wheel};
use powershift_core::network::Rect;
use powershift_core::scene::network::line_at;
use powershift_core::scene::NetworkScene;
use powershift_core::view::Action;
use powershift_core::view::Selection;
use yew::prelude::*;

use crate::platform::events::{capture_pointer, is_touch, item_at, on_touch_square, pointer_in_view, units_per_px};
use crate::state::ViewHandle;

/// A press that moves at most this many CSS pixels is a click.
const CLICK_SLOP_PX: f64 = 4.0;
/// A press this close to a line (CSS pixels) selects it: the nearest line wins.
const LINE_REACH_PX: f64 = 12.0;
/// The same for a finger.
const LINE_REACH_TOUCH_PX: f64 = 24.0;
/// A line this close wins over the label or disc rim it runs under.
const LINE_UNDER_LABEL_PX: f64 = 4.0;

/// Whether `at` (viewBox units) is on an organisation's label or the inner part of its disc.
fn on_disc_or_label(
    scene: &NetworkScene,
    camera: powershift_core::view::Camera,
    org: powershift_core::model::OrgIx,
    at: powershift_core::network::Vec2,
) -> bool {
    let world = camera.to_world(at);
    scene.nodes.iter().find(|n| n.org == org).is_some_and(|n| {
        let on_label = n
            .label_rect
            .is_some_and(|l| world.x >= l.min.x && world.x <= l.max.x && world.y >= l.min.y && world.y <= l.max.y);
        on_label || n.pos.distance(world) <= 0.6 * n.radius
    })
}

/// The network's pointer listeners.
#[derive(Clone, Debug, PartialEq)]
pub struct PointerHandlers {
    /// pointerdown.
    pub down: Callback<PointerEvent>,
    /// pointermove.
    pub moved: Callback<PointerEvent>,
    /// pointerup.
    pub up: Callback<PointerEvent>,
    /// pointercancel.
    pub cancel: Callback<PointerEvent>,
}

/// Hints the graphic shows when a reader's gesture belongs to the page.
pub const WHEEL_HINT: &str = "Use Ctrl + scroll (⌘ + scroll on a Mac) to zoom the graphic";
/// See [`WHEEL_HINT`].
pub const TOUCH_HINT: &str = "Use two fingers to move or zoom the graphic";

/// Pan, pinch, drag-to-pin, click-to-select and Ctrl/⌘ + wheel zoom on the `<svg>` behind `svg`,
/// whose viewBox is `vb` and which draws `scene` (for the nearest line to a press). A plain wheel
/// and a one-finger drag are left to the page, and `hint` is told so the graphic can say how to zoom.
/// `mounted` changes when the `<svg>` may have been (re)mounted by a child component.
#[hook]
pub fn use_network_gestures(
    svg: NodeRef,
    mounted: u32,
    vb: Rect,
    view: ViewHandle,
    scene: Rc<NetworkScene>,
    hint: Callback<&'static str>,
) -> PointerHandlers {
    let machine = use_mut_ref(|| Gesture::new(CLICK_SLOP_PX));
    // The wheel needs a non-passive listener (Yew's is passive), so it is installed on mount; it
    // cancels the page's scroll only when it zooms.
    {
        let (view, hint) = (view.clone(), hint.clone());
        let deps = (svg.clone(), mounted, vb.min.x.to_bits(), vb.min.y.to_bits(), vb.max.x.to_bits());
        use_effect_with(deps, move |(svg, ..)| {
            let listener = svg.cast::<web_sys::Element>().map(|el| {
                let target = el.clone();
                crate::platform::dom::on_wheel(&el, move |e| {
                    match wheel(e.delta_y(), e.delta_mode() == 1, e.ctrl_key() || e.meta_key()) {
                        Wheel::Zoom(factor) => {
                            e.prevent_default();
                            view.dispatch(Action::Zoom { at: pointer_in_view(e, &target, vb), factor });
                        }
                        Wheel::Hint => hint.emit(WHEEL_HINT),
                    }
                })
            });
            move || drop(listener)
        });
    }
    let run = {
        let view = view.clone();
        move |actions: Vec<powershift_core::view::Action>| actions.into_iter().for_each(|a| view.dispatch(a))
    };
    let down = {
        let (machine, svg, run) = (machine.clone(), svg.clone(), run.clone());
        let camera = view.view.camera;
        Callback::from(move |e: PointerEvent| {
            let Some(el) = svg.cast::<web_sys::Element>() else { return };
            capture_pointer(&e);
            let at = pointer_in_view(&e, &el, vb);
            let per_px = units_per_px(&el, vb);
            let reach = if is_touch(&e) { LINE_REACH_TOUCH_PX } else { LINE_REACH_PX } * per_px;
            // An organisation's disc and label select it; on its (invisible) touch square or the rim
            // of its disc, a line passing within a few pixels wins; elsewhere the nearest line in reach.
            let tight = line_at(&scene, camera, at, LINE_UNDER_LABEL_PX * per_px);
            let loose = on_touch_square(&e)
                || !matches!(item_at(&e), Some(Selection::Org(o)) if on_disc_or_label(&scene, camera, o, at));
            let target = match item_at(&e) {
                Some(Selection::Org(o)) if tight.is_none() || !loose => Target::Org(o),
                Some(Selection::Org(_)) => tight.unwrap_or(Target::Background),
                _ => line_at(&scene, camera, at, reach).unwrap_or(Target::Background),
            };
            let mut m = machine.borrow_mut();
            m.set_slop(CLICK_SLOP_PX * per_px);
            let actions = if is_touch(&e) {
                m.touch_down(e.pointer_id(), at, target)
            } else {
                m.pointer_down(e.pointer_id(), at, target)
            };
            drop(m);
            run(actions);
        })
    };
    let moved = {
        let (machine, svg, run) = (machine.clone(), svg.clone(), run.clone());
        let camera = view.view.camera;
        Callback::from(move |e: PointerEvent| {
            let Some(el) = svg.cast::<web_sys::Element>() else { return };
            let actions = machine.borrow_mut().pointer_move(e.pointer_id(), pointer_in_view(&e, &el, vb), camera);
            run(actions);
        })
    };
    let up = {
        let (machine, run) = (machine.clone(), run.clone());
        Callback::from(move |e: PointerEvent| {
            let actions = machine.borrow_mut().pointer_up(e.pointer_id());
            run(actions);
        })
    };
    // The browser cancels a finger's pointer when it takes the drag to scroll the page.
    let cancel = Callback::from(move |e: PointerEvent| {
        if is_touch(&e) && machine.borrow().is_active() {
            hint.emit(TOUCH_HINT);
        }
        let actions = machine.borrow_mut().pointer_cancel(e.pointer_id());
        run(actions);
    });
    PointerHandlers { down, moved, up, cancel }
}
