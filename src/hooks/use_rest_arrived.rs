//! Whether the rest of the page's WebAssembly is in (`platform::rest_module`), as state: the
//! component renders again when it arrives.

use yew::prelude::*;

/// `true` once the rest of the module is in (at once when the module was not split, and natively).
/// Work the first screen does not need — a dataset's own layout, the layouts ahead of the
/// scrubber — waits for it rather than have the page load it synchronously.
#[hook]
pub fn use_rest_arrived() -> bool {
    let arrived = use_state(crate::platform::rest_module::arrived);
    {
        let arrived = arrived.clone();
        use_effect_with(*arrived, move |already| {
            if !*already {
                crate::platform::rest_module::when_arrived(move || arrived.set(true));
            }
        });
    }
    *arrived
}
