//! The Share dialog's browser parts: the modal `<dialog>` and copying text.

use yew::NodeRef;

/// Opens a `<dialog>` as a modal (focus moves into it; Escape closes it).
pub fn show_modal(dialog: &NodeRef) {
    if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
        if !d.open() {
            let _ = d.show_modal();
        }
    }
}

/// Closes a `<dialog>`.
pub fn close(dialog: &NodeRef) {
    if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
        d.close();
    }
}

/// Selects all of a text area's text (the fallback when the Clipboard API is not available: the
/// reader presses Ctrl/⌘ + C).
pub fn select_all(area: &NodeRef) {
    if let Some(t) = area.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = t.focus();
        t.select();
    }
}

/// Copies `text` with the Clipboard API; `done(true)` when it worked. Without the API (an insecure
/// context, an old browser, a frame without permission), or when it refuses, `done(false)`.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let navigator = gloo::utils::window().navigator();
    let has_api =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_api {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
