//! Small pieces of work in the background, one task each.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Calls `step` in tasks of their own, `gap_ms` apart, starting `delay_ms` after mount (and again
/// whenever `key` changes), until it returns `false` or the component goes away. For work the
/// reader may want soon but the first screen does not need: each step should take a few
/// milliseconds on a phone, so a tap or a key press never waits behind it for long.
#[hook]
pub fn use_background<K: PartialEq + Clone + 'static>(
    key: K,
    delay_ms: u32,
    gap_ms: u32,
    step: impl Fn() -> bool + 'static,
) {
    use_effect_with(key, move |_| {
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
        schedule(pending.clone(), delay_ms, gap_ms, Rc::new(step));
        move || drop(pending.borrow_mut().take())
    });
}

fn schedule(pending: Rc<RefCell<Option<Timeout>>>, ms: u32, gap_ms: u32, step: Rc<dyn Fn() -> bool>) {
    let next = pending.clone();
    let timer = Timeout::new(ms, move || {
        if step() {
            schedule(next, gap_ms, gap_ms, step);
        }
    });
    *pending.borrow_mut() = Some(timer);
}
