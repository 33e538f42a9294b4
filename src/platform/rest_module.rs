//! The rest of the page's WebAssembly: the part its first load does not run.
//!
//! `powershift site` splits the page's module after the build (`crates/powershift-cli/src/
//! wasm_split.rs`): the functions a load runs stay, the rest go to a second module the boot script
//! fetches once the app has started (`powershiftRest.fetch` in the boot script). Should a function
//! of the rest be called before it has arrived, the primary module calls [`ps_load_rest`], which
//! has the boot script load it synchronously, and the call goes on. In a module that was not split
//! (the wasm-bindgen tests, a build without the load profile) nothing calls it.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Defined by the boot script that `powershift site` writes.
    #[wasm_bindgen(js_namespace = powershiftRest, js_name = load)]
    fn load_now(exports: JsValue);
}

/// Loads the rest of the module now (called by the split module's thunks, never by the app).
#[wasm_bindgen]
pub fn ps_load_rest() {
    load_now(wasm_bindgen::exports());
}

/// Whether the rest of the module is in (always, when the module was not split: no
/// `window.powershiftRest`). Panels that are not on the first screen wait for it
/// (`components::Deferred`), so their code need not be in the first download.
pub fn arrived() -> bool {
    // Natively (the prerender's server renderer, tests) there is one module and no window.
    if cfg!(not(target_arch = "wasm32")) {
        return true;
    }
    let Some(window) = web_sys::window() else { return true };
    let Ok(rest) = js_sys::Reflect::get(&window, &JsValue::from_str("powershiftRest")) else { return true };
    if rest.is_undefined() || rest.is_null() {
        return true;
    }
    js_sys::Reflect::get(&rest, &JsValue::from_str("done")).map_or(true, |d| d.as_bool().unwrap_or(true))
}

/// The event the boot script fires on `window` once the rest is in.
pub const ARRIVED_EVENT: &str = "powershift-rest";

/// Runs `f` once the rest of the module is in: now if it is, else when the boot script says so
/// ([`ARRIVED_EVENT`]). For work that may wait (a host page's order that arrives while the embed
/// starts) rather than load the rest synchronously, which would stop the page, and the article
/// around a same-site frame, for a whole download.
pub fn when_arrived(f: impl FnOnce() + 'static) {
    if arrived() {
        f();
    } else {
        // In a task of its own: the event fires inside the loader, which may run in the middle of
        // a call into the module (a synchronous load).
        let later = move |_: &web_sys::Event| {
            gloo::timers::callback::Timeout::new(0, f).forget();
        };
        gloo::events::EventListener::once(&gloo::utils::window(), ARRIVED_EVENT, later).forget();
    }
}

/// Resolves once the rest of the module is in (at once when it is): [`when_arrived`] to await.
pub async fn arrival() {
    if arrived() {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        when_arrived(move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
