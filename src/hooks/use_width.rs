//! The width of an element, from a `ResizeObserver` (no forced layout at mount).

use yew::prelude::*;

/// Width in CSS pixels of the element behind `node` (`fallback` before mount).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let observer = node.cast::<web_sys::Element>().and_then(|el| {
                crate::platform::dom::observe_size(&el, move |w, _| {
                    if w > 0.0 {
                        width.set(w.round());
                    }
                })
            });
            move || drop(observer)
        });
    }
    *width
}
