//! A panel the first screen does not need, rendered a moment after the page has shown the rest.
//!
//! Why: Yew renders a component tree in one task. Rendering the whole story screen at once was one
//! main-thread task of ~670 ms on Lighthouse's phone profile (4× CPU), so the page could not answer
//! a tap while it appeared. The first screen (title, sentence, network, details) renders first;
//! each deferred panel then renders in its own later task (a timer per panel, `order` apart), so no
//! single task is long and the reader sees the graphic sooner. The prerendered page (`powershift
//! site`) has the same placeholders, so the hand-over from the HTML to the app is exact.
//!
//! The first screen itself is built in pieces the same way (`prerendered`): the server renderer
//! (natively, for the prerendered page and its tests) renders those at once, the browser one task
//! each behind the prerendered copy, which the last piece (`hand_over`) then removes.
//!
//! A panel that is not part of the first screen also waits for the rest of the page's WebAssembly
//! (`platform::rest_module`): its code is not in the first download when the module is split.
//!
//! The placeholder keeps `min_height` pixels so a panel arriving below the fold does not move what
//! is under it more than necessary.

use yew::prelude::*;

/// Provided by the prerender (`powershift site`): the server renderer then writes the first
/// screen only, with the placeholders the browser's first render has. Without it the server
/// renderer writes every panel (the SSR tests read them all).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FirstScreenOnly;

/// Props of [`Deferred`].
#[derive(Properties, PartialEq, Debug)]
pub struct DeferredProps {
    /// Its place in the queue: panel `n` renders about `n` × [`STEP_MS`] after the first screen.
    pub order: u32,
    /// The placeholder's height in pixels until the panel is rendered.
    #[prop_or_default]
    pub min_height: u32,
    /// Part of the first screen: rendered at once by the server renderer (the prerendered page).
    #[prop_or_default]
    pub prerendered: bool,
    /// The last piece of the first screen: once shown, it replaces the prerendered page by the app.
    #[prop_or_default]
    pub hand_over: bool,
    /// Told once the panel is in the DOM (a parent measuring an element inside it starts then).
    #[prop_or_default]
    pub on_shown: Callback<()>,
    /// The panel.
    pub children: Html,
}

/// Time between two deferred panels: long enough that the browser paints and handles input between
/// them, short enough that a reader scrolling down does not see an empty panel.
pub const STEP_MS: u32 = 40;

thread_local! {
    /// The deferred panels waiting to be shown, by order (a count per order): a panel shows only
    /// when none of a lower order is still waiting, so two panels never render in the same task
    /// even when the main thread was busy past both their times (their timers would then fire back
    /// to back), and a panel that is not on the page (the event list on a wide screen) holds up none.
    static WAITING: std::cell::RefCell<std::collections::BTreeMap<u32, u32>> = const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

fn wait(order: u32) {
    WAITING.with(|w| *w.borrow_mut().entry(order).or_insert(0) += 1);
}

fn done_waiting(order: u32) {
    WAITING.with(|w| {
        let mut w = w.borrow_mut();
        if let Some(n) = w.get_mut(&order) {
            *n -= 1;
            if *n == 0 {
                w.remove(&order);
            }
        }
    });
}

fn first_in_line(order: u32) -> bool {
    WAITING.with(|w| w.borrow().keys().next().is_none_or(|first| *first >= order))
}

/// Renders its children a moment after mounting (see the module documentation).
#[function_component(Deferred)]
pub fn deferred(props: &DeferredProps) -> Html {
    let first_screen_only = use_context::<FirstScreenOnly>().is_some();
    let shown = use_state(|| !cfg!(target_arch = "wasm32") && (props.prerendered || !first_screen_only));
    // Each time the timer finds an earlier panel still waiting, it tries again a step later.
    let tries = use_state(|| 0u32);
    let (order, prerendered) = (props.order, props.prerendered);
    // In line from mount until shown, or until it leaves the page unshown.
    let in_line = use_mut_ref(|| false);
    {
        let (in_line, waiting) = (in_line.clone(), !*shown);
        use_effect_with((), move |_| {
            if waiting {
                wait(order);
                *in_line.borrow_mut() = true;
            }
            move || {
                if std::mem::take(&mut *in_line.borrow_mut()) {
                    done_waiting(order);
                }
            }
        });
    }
    {
        let (shown, tries) = (shown.clone(), tries.clone());
        let delay = if *tries == 0 { order * STEP_MS } else { STEP_MS };
        crate::hooks::use_timeout(
            !*shown,
            delay,
            *tries,
            Callback::from(move |_| {
                if first_in_line(order) && (prerendered || crate::platform::rest_module::arrived()) {
                    crate::platform::timing::mark(&format!("deferred panel {order}"));
                    shown.set(true);
                } else {
                    tries.set(*tries + 1);
                }
            }),
        );
    }
    let on_shown = props.on_shown.clone();
    use_effect_with((*shown, props.hand_over), move |(shown, hand_over)| {
        if *shown {
            on_shown.emit(());
            if std::mem::take(&mut *in_line.borrow_mut()) {
                done_waiting(order);
            }
            crate::platform::timing::measure(&format!("deferred panel {order}"));
            if *hand_over {
                crate::platform::dom::hand_over_from_prerender();
            }
        }
    });
    if *shown {
        props.children.clone()
    } else {
        let style = format!("min-height:{}px", props.min_height);
        html! { <div class="deferred" aria-busy="true" {style}></div> }
    }
}
