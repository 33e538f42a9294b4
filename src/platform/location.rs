//! The page's URL: reading it, and keeping its query (the deep link) in step with the view.

/// The value of query parameter `name` in the page's URL, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The page's origin, e.g. `https://example.github.io`.
pub fn origin() -> String {
    gloo::utils::window().location().origin().unwrap_or_default()
}

/// The page's query string without the leading `?`.
pub fn search() -> String {
    gloo::utils::window().location().search().unwrap_or_default().trim_start_matches('?').to_string()
}

/// The page's full address.
pub fn href() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Replaces the page URL's query (deep link) without a reload or a history entry, keeping a `data=`
/// parameter, which says which dataset this is.
pub fn replace_query(query: &str) {
    let w = gloo::utils::window();
    let Ok(history) = w.history() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let mut q = String::new();
    if let Some(d) = query_param("data") {
        q.push_str(&form_urlencoded::Serializer::new(String::new()).append_pair("data", &d).finish());
        q.push('&');
    }
    q.push_str(query);
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}?{q}")));
}
