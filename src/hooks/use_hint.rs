//! A short-lived hint ("Use Ctrl + scroll to zoom") that a graphic shows over itself.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// How long a hint stays.
const SHOW_MS: u32 = 1800;

/// The hint to show now (if any) and a callback that shows one for a moment.
#[hook]
pub fn use_hint() -> (Option<&'static str>, Callback<&'static str>) {
    let text = use_state(|| None::<&'static str>);
    let timer: Rc<RefCell<Option<gloo::timers::callback::Timeout>>> = use_mut_ref(|| None);
    let show = {
        let text = text.clone();
        Callback::from(move |t: &'static str| {
            text.set(Some(t));
            let text = text.clone();
            *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(SHOW_MS, move || text.set(None)));
        })
    };
    (*text, show)
}
