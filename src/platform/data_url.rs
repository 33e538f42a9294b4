//! Which dataset URL the page loads: the shipped default, or `?data=<url>`.
//!
//! Only **same-origin** URLs are allowed (relative paths such as `data/other.json`, or absolute URLs
//! on the page's own origin). The app promises readers no third-party requests, and an embed on a
//! news site must not be turned into a page that shows someone else's "facts" by a crafted link.
//! Journalists who want another story put its file next to the app.
//!
//! The browser's own URL parser (`URL`, through `web_sys::Url`) resolves the value against the page
//! and gives its origin, so every spelling a browser would fetch (`//host`, `https:host`, tabs,
//! `%2F`…) is judged by where the request would really go. Tested in `tests/browser.rs`.

/// The dataset shipped with the app, relative to the page's base URL.
pub const DEFAULT_DATA_URL: &str = "data/powershift.json";

/// The first part of the shipped dataset's text, which `powershift site` writes beside it and the
/// page reads first (see `powershift_core::model::first_part`; the boot script preloads it).
pub const FIRST_PART_URL: &str = "data/powershift.first.json";

/// The URL to fetch for a `?data=` value, or why it is refused. `page` is the page's URL
/// (`location.href`); relative values are resolved against it.
pub fn resolve_data_url(param: Option<&str>, page: &str) -> Result<String, String> {
    let Some(raw) = param.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(DEFAULT_DATA_URL.to_string());
    };
    if raw.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return Err("the URL contains spaces, backslashes or control characters".into());
    }
    let page = web_sys::Url::new(page).map_err(|_| "the page's own address could not be read".to_string())?;
    let url = web_sys::Url::new_with_base(raw, &page.href()).map_err(|_| "it is not a valid URL".to_string())?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err("only http(s) URLs on this site or relative paths can be loaded".into());
    }
    let origin = page.origin();
    if url.origin() != origin {
        return Err(format!(
            "only datasets on this site ({origin}) can be loaded, so the page makes no third-party requests"
        ));
    }
    Ok(raw.to_string())
}
