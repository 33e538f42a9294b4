//! A wheel listener on an element that may cancel scrolling (Yew's own wheel listener is passive).

use yew::prelude::*;

/// Calls `f(x, delta_y, in_lines)` for each wheel movement over the element behind `node`, with `x`
/// the pointer's horizontal position inside the element, and keeps the page from scrolling.
/// `deps` says when `f` must be replaced (it captures the state it was made with).
#[hook]
pub fn use_wheel<D: PartialEq + Clone + 'static>(node: NodeRef, deps: D, f: Callback<(f64, f64, bool)>) {
    use_effect_with((node, deps), move |(node, _)| {
        let listener = node.cast::<web_sys::Element>().map(|el| {
            let target = el.clone();
            crate::platform::dom::on_wheel(&el, move |e| {
                e.prevent_default();
                let (left, _, _, _) = crate::platform::dom::rect_of(&target);
                f.emit((f64::from(e.client_x()) - left, e.delta_y(), e.delta_mode() == 1));
            })
        });
        move || drop(listener)
    });
}
