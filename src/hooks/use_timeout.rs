//! A one-shot timer, restarted whenever its key changes.

use yew::prelude::*;

/// Calls `f` once, `ms` milliseconds after `enabled` became true or `key` changed (whichever came
/// last); nothing while disabled. Play uses it so each step lasts as long as its own sentence.
#[hook]
pub fn use_timeout<K: PartialEq + Clone + 'static>(enabled: bool, ms: u32, key: K, f: Callback<()>) {
    use_effect_with((enabled, ms, key), move |(enabled, ms, _)| {
        let timer = enabled.then(|| gloo::timers::callback::Timeout::new(*ms, move || f.emit(())));
        move || drop(timer)
    });
}
