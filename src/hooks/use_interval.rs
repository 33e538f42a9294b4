//! A repeating timer while enabled.

use yew::prelude::*;

/// Calls `f` every `ms` milliseconds while `enabled`.
#[hook]
pub fn use_interval(enabled: bool, ms: u32, f: Callback<()>) {
    use_effect_with((enabled, ms), move |&(enabled, ms)| {
        let timer = enabled.then(|| gloo::timers::callback::Interval::new(ms, move || f.emit(())));
        move || drop(timer)
    });
}
