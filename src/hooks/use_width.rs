//! The width of an element, updated on window resize.

use yew::prelude::*;

/// Width in CSS pixels of the element behind `node` (`fallback` before mount).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let node = node.clone();
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let w = crate::platform::dom::width_of(&el);
                    if w > 0.0 {
                        width.set(w.round());
                    }
                }
            };
            measure();
            let listener = crate::platform::dom::on_resize(measure);
            move || drop(listener)
        });
    }
    *width
}
