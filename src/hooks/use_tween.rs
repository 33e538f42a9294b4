//! Animates the network between two dates' layouts: returns the layout being left and the eased
//! progress t ∈ [0, 1], advanced on animation frames. Instant under prefers-reduced-motion.

use std::rc::Rc;

use powershift_core::network::NetworkLayout;
use powershift_core::scene::ease_in_out;
use yew::prelude::*;

/// Duration of a date-change animation.
pub const DURATION_MS: f64 = 450.0;

/// (from, eased t). When t = 1 the picture is exactly `target`.
#[hook]
pub fn use_tween(target: Rc<NetworkLayout>, reduced_motion: bool) -> (Rc<NetworkLayout>, f64) {
    let from = use_mut_ref(|| target.clone());
    let shown = use_mut_ref(|| target.clone());
    let progress = use_state(|| 1.0f64);
    let frame = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
    {
        let progress = progress.clone();
        let from = from.clone();
        let shown = shown.clone();
        let frame = frame.clone();
        use_effect_with(target, move |target| {
            if !Rc::ptr_eq(&shown.borrow(), target) {
                let previous = shown.replace(target.clone());
                if reduced_motion || previous.nodes.is_empty() {
                    *from.borrow_mut() = target.clone();
                    progress.set(1.0);
                } else {
                    *from.borrow_mut() = previous;
                    progress.set(0.0);
                    let start = crate::platform::dom::now_ms();
                    fn step(
                        start: f64,
                        progress: UseStateHandle<f64>,
                        frame: std::rc::Rc<std::cell::RefCell<Option<gloo::render::AnimationFrame>>>,
                    ) {
                        let handle = frame.clone();
                        let f = gloo::render::request_animation_frame(move |_| {
                            let t = ((crate::platform::dom::now_ms() - start) / DURATION_MS).min(1.0);
                            progress.set(t);
                            if t < 1.0 {
                                step(start, progress, handle);
                            }
                        });
                        *frame.borrow_mut() = Some(f);
                    }
                    step(start, progress, frame);
                }
            }
        });
    }
    let t = *progress;
    let from_layout = from.borrow().clone();
    (from_layout, ease_in_out(t))
}
