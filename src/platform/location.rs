//! Reading the page's URL.

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
