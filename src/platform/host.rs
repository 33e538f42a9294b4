//! The host page around an embed: whether the app is framed, messages to and from the parent
//! window, and the document's height as it changes. The rules (what a message means, what to send)
//! live in `powershift_core::embed`; this module only moves strings.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The parent window when the page is in a frame.
fn parent() -> Option<web_sys::Window> {
    let w = gloo::utils::window();
    let parent = w.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &w)).then_some(parent)
}

/// Whether the page is shown in a frame (an embed in an article).
pub fn is_framed() -> bool {
    parent().is_some()
}

/// Posts `message` (JSON or Pym text) to the parent window, if any. The target origin is `*`: the
/// messages carry only the public view, and the host's origin is not known in advance.
pub fn post_to_parent(message: &str) {
    if let Some(p) = parent() {
        let _ = p.post_message(&JsValue::from_str(message), "*");
    }
}

/// Listens to messages from the parent window only (a sibling frame's or the page's own are
/// dropped). Objects are handed over as their JSON text, strings as they are; anything else (or an
/// object too large to be one of ours) as an empty string.
pub fn on_parent_message(mut f: impl FnMut(String) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "message", move |e| {
        let Some(m) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
        let (Some(source), Some(p)) = (m.source(), parent()) else { return };
        if !js_sys::Object::is(&source, &p) {
            return;
        }
        let data = m.data();
        let text = if let Some(s) = data.as_string() {
            s
        } else if data.is_object() {
            js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()).unwrap_or_default()
        } else {
            String::new()
        };
        f(text);
    })
}

/// The document's content height in CSS pixels (the body's box: the html element's scroll height
/// never shrinks below the frame's own height).
pub fn content_height() -> u32 {
    let doc = gloo::utils::document();
    doc.body().map_or(0, |b| b.get_bounding_client_rect().height().ceil() as u32)
}

/// Calls `f` with the content height whenever the body's size changes (a `ResizeObserver`, no
/// polling). Dropping the returned handle disconnects it.
pub fn observe_height(f: impl Fn(u32) + 'static) -> Option<HeightObserver> {
    let body = gloo::utils::document().body()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| f(content_height()));
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(HeightObserver { observer, _callback: callback })
}

/// A live height observer; disconnects when dropped.
#[allow(missing_debug_implementations)] // holds a JS closure, which has no useful Debug
pub struct HeightObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for HeightObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Logs one warning about a message that was ignored (never an error: a host's mistake must not
/// look like the app's).
pub fn warn_ignored(reason: &str) {
    gloo::console::warn!(format!("Power Shift: ignored a message from the host page: {reason}"));
}
