//! Whether the reader's main pointer is a finger.

use yew::prelude::*;

/// True when the primary pointer is coarse (touch): targets then get 44 px hit areas and the
/// timeline's events are offered as a list. Read after mount, so server rendering never touches
/// the browser.
#[hook]
pub fn use_coarse_pointer() -> bool {
    let coarse = use_state(|| false);
    {
        let coarse = coarse.clone();
        use_effect_with((), move |_| coarse.set(crate::platform::dom::matches_media("(pointer: coarse)")));
    }
    *coarse
}
