//! Whether to animate.

use yew::prelude::*;

/// True when the reader prefers reduced motion (then date changes are instant). Read after mount,
/// so server rendering never touches the browser.
#[hook]
pub fn use_reduced_motion() -> bool {
    let reduced = use_state(|| false);
    {
        let reduced = reduced.clone();
        use_effect_with((), move |_| reduced.set(crate::platform::dom::prefers_reduced_motion()));
    }
    *reduced
}
