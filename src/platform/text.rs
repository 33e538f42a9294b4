//! Text services the browser already has, lent to the core.

/// `s` in Unicode normalisation form NFC, by the browser's `String.prototype.normalize`: the core's
/// validator checks the NFC rule with it in WebAssembly instead of shipping composition tables
/// (`powershift_core::model::use_normaliser`).
pub fn nfc(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFC"))
}
