//! The width of an element: measured once at mount (its first picture is drawn at the right width:
//! the timeline's lanes and the money chart's axis depend on it), then followed by a
//! `ResizeObserver`.

use yew::prelude::*;

/// Width in CSS pixels of the element behind `node` (`fallback` before mount).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    use_measured_width(node, fallback).0
}

/// [`use_width`], and whether it has been measured yet: a panel whose picture depends on its width
/// draws it only then, instead of drawing it once at the fallback width and again a moment later.
/// The server renderer measures nothing: there the fallback counts as measured.
#[hook]
pub fn use_measured_width(node: NodeRef, fallback: f64) -> (f64, bool) {
    let width = use_state(|| None::<f64>);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let observer = node.cast::<web_sys::Element>().and_then(|el| {
                let (_, _, w, _) = crate::platform::dom::rect_of(&el);
                if w > 0.0 {
                    width.set(Some(w.round()));
                }
                crate::platform::dom::observe_size(&el, move |w, _| {
                    if w > 0.0 {
                        width.set(Some(w.round()));
                    }
                })
            });
            move || drop(observer)
        });
    }
    match *width {
        Some(w) => (w, true),
        None => (fallback, !cfg!(target_arch = "wasm32")),
    }
}
