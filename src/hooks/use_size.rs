//! The size of an element, updated on window resize.

use yew::prelude::*;

/// (width, height) in CSS pixels of the element behind `node` (`fallback` before mount).
#[hook]
pub fn use_size(node: NodeRef, fallback: (f64, f64)) -> (f64, f64) {
    let size = use_state(|| fallback);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let node = node.clone();
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let (_, _, w, h) = crate::platform::dom::rect_of(&el);
                    if w > 0.0 && h > 0.0 && (w.round(), h.round()) != *size {
                        size.set((w.round(), h.round()));
                    }
                }
            };
            measure();
            let listener = crate::platform::dom::on_resize(measure);
            move || drop(listener)
        });
    }
    *size
}
