//! The tools module (see [`powershift_core::tools`]) in a Web Worker: started on the first
//! request, then kept for the page's life. A request is a JSON text; its reply comes back to the
//! callback given with it, matched by number.
//!
//! Where the worker script is: the page's `<meta name="powershift-tools" content="…">` (written by
//! `powershift site`, the script named by its content so a static host can cache it forever), or,
//! in the one-file archive (`powershift bundle`), the script itself inlined in
//! `<script type="text/plain" id="powershift-tools">`, started from a `blob:` URL.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// The `name` of the `<meta>` whose `content` is the worker script's URL (relative to the page).
pub const TOOLS_META: &str = "powershift-tools";

/// The `id` of the archive copy's inline worker script.
pub const TOOLS_SOURCE_ID: &str = "powershift-tools";

/// What the reply callback gets: the reply text, or why there is none.
pub type ToolsReply = Result<String, String>;

struct Tools {
    worker: web_sys::Worker,
    pending: BTreeMap<u32, Callback<ToolsReply>>,
    next: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

/// Posts `request` to the tools module, starting it if needed; `on_reply` is called once, later.
pub fn ask(request: String, on_reply: Callback<ToolsReply>) {
    let started = TOOLS.with(|t| {
        let mut t = t.borrow_mut();
        if t.is_none() {
            *t = Some(start()?);
        }
        let tools = t.as_mut().ok_or("not started")?;
        let id = tools.next;
        tools.next += 1;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"request".into(), &request.into());
        tools.worker.post_message(&message).map_err(|e| describe(&e))?;
        tools.pending.insert(id, on_reply.clone());
        Ok::<(), String>(())
    });
    if let Err(why) = started {
        gloo::console::warn!(format!("powershift: the tools module could not be started: {why}"));
        on_reply.emit(Err(why));
    }
}

/// Starts the tools module ahead of a request, when a reader reaches for files (opens the file
/// picker, drags files over the page): its download and compilation overlap the file dialog. Does
/// nothing when it is running; a failure is logged, and the next request tries again.
pub fn warm() {
    TOOLS.with(|t| {
        let mut t = t.borrow_mut();
        if t.is_none() {
            match start() {
                Ok(tools) => *t = Some(tools),
                Err(why) => gloo::console::warn!(format!("powershift: the tools module could not be started: {why}")),
            }
        }
    });
}

/// The worker, with its listeners.
fn start() -> Result<Tools, String> {
    let url = script_url()?;
    let worker = web_sys::Worker::new(&url).map_err(|e| describe(&e))?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        let data = e.data();
        let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64());
        let reply = js_sys::Reflect::get(&data, &"reply".into()).ok().and_then(|v| v.as_string());
        let error = js_sys::Reflect::get(&data, &"error".into()).ok().and_then(|v| v.as_string());
        let Some(id) = id else {
            gloo::console::warn!("powershift: a message from the tools module without a request number was ignored");
            return;
        };
        // Taken out before it runs: the callback may ask again.
        let callback = TOOLS.with(|t| t.borrow_mut().as_mut().and_then(|t| t.pending.remove(&(id as u32))));
        if let Some(callback) = callback {
            callback.emit(reply.ok_or_else(|| error.unwrap_or_else(|| "an empty reply".into())));
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        let message = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "its script could not be loaded".into());
        gloo::console::warn!(format!("powershift: the tools module failed: {message}"));
        // Every waiting request fails; the next one starts a new worker. The old one (with this
        // listener, which is running) is dropped in a later task.
        let Some(mut old) = TOOLS.with(|t| t.borrow_mut().take()) else { return };
        old.worker.terminate();
        let pending = std::mem::take(&mut old.pending);
        gloo::timers::callback::Timeout::new(0, move || drop(old)).forget();
        for (_, callback) in pending {
            callback.emit(Err(message.clone()));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Tools { worker, pending: BTreeMap::new(), next: 0, _on_message: on_message, _on_error: on_error })
}

/// The worker script's URL: the page's `<meta>`, else a `blob:` URL of the archive's inline script.
fn script_url() -> Result<String, String> {
    let document = gloo::utils::document();
    if let Ok(Some(meta)) = document.query_selector(&format!("meta[name=\"{TOOLS_META}\"]")) {
        if let Some(url) = meta.get_attribute("content").filter(|u| !u.is_empty()) {
            return Ok(url);
        }
    }
    if let Some(script) = document.get_element_by_id(TOOLS_SOURCE_ID) {
        let parts = js_sys::Array::of1(&JsValue::from(script.text_content().unwrap_or_default()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| describe(&e))?;
        return web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e));
    }
    Err("this copy of the page has no tools module".into())
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{e:?}"))
}
