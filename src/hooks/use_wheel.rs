//! A wheel listener on an element that may cancel scrolling (Yew's own wheel listener is passive).

use yew::prelude::*;

/// For each wheel movement over the element behind `node`: with Ctrl or ⌘ held, calls
/// `zoom(x, delta_y, in_lines)` (`x` the pointer's position inside the element) and keeps the page
/// from scrolling; without, lets the page scroll and calls `hint`. `deps` says when the callbacks
/// must be replaced (they capture the state they were made with).
#[hook]
pub fn use_wheel<D: PartialEq + Clone + 'static>(
    node: NodeRef,
    deps: D,
    zoom: Callback<(f64, f64, bool)>,
    hint: Callback<()>,
) {
    use_effect_with((node, deps), move |(node, _)| {
        let listener = node.cast::<web_sys::Element>().map(|el| {
            let target = el.clone();
            crate::platform::dom::on_wheel(&el, move |e| {
                if !(e.ctrl_key() || e.meta_key()) {
                    hint.emit(());
                    return;
                }
                e.prevent_default();
                let (left, _, _, _) = crate::platform::dom::rect_of(&target);
                zoom.emit((f64::from(e.client_x()) - left, e.delta_y(), e.delta_mode() == 1));
            })
        });
        move || drop(listener)
    });
}
