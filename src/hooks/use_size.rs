//! The size of an element, from a `ResizeObserver` (no forced layout at mount).

use yew::prelude::*;

/// (width, height) in CSS pixels of the element behind `node` (`fallback` before mount).
/// `mounted` changes when the element may have been (re)mounted by a child component (a
/// `components::Deferred` drawing), so the observer is attached to it then.
#[hook]
pub fn use_size(node: NodeRef, fallback: (f64, f64), mounted: u32) -> (f64, f64) {
    let size = use_state(|| fallback);
    {
        let size = size.clone();
        use_effect_with((node, mounted), move |(node, _)| {
            let observer = node.cast::<web_sys::Element>().and_then(|el| {
                crate::platform::dom::observe_size(&el, move |w, h| {
                    if w > 0.0 && h > 0.0 && (w.round(), h.round()) != *size {
                        size.set((w.round(), h.round()));
                    }
                })
            });
            move || drop(observer)
        });
    }
    *size
}
