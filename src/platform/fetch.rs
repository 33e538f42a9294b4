//! Fetching the dataset over HTTP, or reading the one embedded in the page.

use std::rc::Rc;

use crate::load::{check_size, parse_step, validated, validation, LoadFailure, LoadState, Part};

/// Fetches `url` and validates it; every outcome is a [`LoadState`], never a panic.
pub async fn fetch_dataset(url: String) -> LoadState {
    let response = match gloo::net::http::Request::get(&url).send().await {
        Ok(r) => r,
        Err(e) => return LoadState::Failed(LoadFailure::Network { url, message: e.to_string() }),
    };
    if !response.ok() {
        return LoadState::Failed(LoadFailure::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    // Refuse an announced oversize before downloading it; `parse_body` checks the bytes received.
    let announced = response.headers().get("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if let Err(failure) = check_size(&url, announced.unwrap_or(0)) {
        return LoadState::Failed(failure);
    }
    match response.text().await {
        Ok(body) => from_text(url, body).await,
        Err(e) => LoadState::Failed(LoadFailure::Network { url, message: e.to_string() }),
    }
}

/// The state for `body`, the text fetched from `url`: read if it is the very text the build
/// validated, or the first part the build wrote from it (fingerprints the layout island names),
/// else validated in full.
async fn from_text(url: String, body: String) -> LoadState {
    // Parsing and validating is a task of its own, not added to the download's last one:
    // the page answers a tap in between (issue 12: no long tasks at load).
    gloo::timers::future::TimeoutFuture::new(0).await;
    // The layout computed at build time, if this is the very text it was computed from.
    let island = super::dom::text_of_id(crate::known_layout::ISLAND_ID);
    let known = crate::known_layout::island_for(&body, island.as_deref()).unwrap_or_else(|warning| {
        gloo::console::warn!(warning);
        None
    });
    let state = match super::timing::measured("parse", || parse_step(&url, &body)) {
        // The build's own text (its fingerprint is the island's): `powershift site` has
        // validated it in full, so it is read, not validated again — and the validator's
        // code is not in the page's first download (issue 12).
        Ok(value) => {
            let read = match known {
                Some(_) => {
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    super::timing::measured("read", || powershift_core::model::Dataset::from_build_validated(&value))
                }
                None => None,
            };
            match read {
                Some(dataset) => validated(&url, &body, Ok(dataset)),
                // Behind a pointer, so that its code is a function of its own, which the
                // first screen of the shipped story never runs (it comes with the rest).
                None => {
                    let full: std::pin::Pin<Box<dyn std::future::Future<Output = LoadState> + '_>> =
                        Box::pin(validate_in_full(&url, &body, &value, known.is_some()));
                    full.await
                }
            }
        }
        Err(failed) => failed,
    };
    if let (LoadState::Ready { dataset, .. }, Some(known)) = (&state, known) {
        crate::known_layout::remember(dataset, known);
    }
    state
}

/// The shipped story read from the first part of its text, which `powershift site` wrote beside it
/// and named in the layout island (`powershift_core::model::first_part`): the page's first screen
/// needs none of the texts left out, and its first download is a quarter of the full text's.
/// `None` (and the page fetches the whole text as any other dataset) when the island names no first
/// part, or it does not arrive or is not the text the build wrote — which the console says.
pub async fn fetch_first_part() -> Option<LoadState> {
    let place = crate::known_layout::island()?.first_part?;
    let body = match gloo::net::http::Request::get(&place.url).send().await {
        Ok(r) if r.ok() => r.text().await.ok(),
        _ => None,
    };
    let Some(body) = body.filter(|b| crate::known_layout::fingerprint(b) == place.fingerprint) else {
        gloo::console::warn!(format!(
            "Power Shift: {}: did not load, or is not the text the build wrote; reading the whole dataset",
            place.url
        ));
        return None;
    };
    // Read (by its fingerprint, which the island names) like the whole text the build validated.
    match from_text(place.url, body).await {
        LoadState::Ready { dataset, .. } => Some(LoadState::Ready {
            url: crate::platform::data_url::DEFAULT_DATA_URL.to_string(),
            dataset,
            text: Rc::from(""),
            part: Part::First { failed: None },
        }),
        _ => None,
    }
}

/// Starts fetching `url` (the browser's `fetch`), to be read later by [`complete_first_part`]: the
/// whole text downloads beside the rest of the page's WebAssembly, and the code that reads it comes
/// with the rest.
pub fn start(url: &str) -> js_sys::Promise {
    gloo::utils::window().fetch_with_str(url)
}

/// The whole text of the story whose first part is on screen (`first`, from `url`), its request
/// started by [`start`]: the ready state that completes it with its texts, or, should the whole
/// text not be the one the build wrote that part from (changed on the server since), the ready
/// state of a new story (validated in full); `Part::First` with the reason when it did not arrive
/// or is not valid (the page keeps the story it shows, without its texts; the console names the
/// URL). Behind a pointer, so its code is a function of its own, which runs once the rest is in.
pub fn complete_first_part(
    url: String,
    first: Rc<powershift_core::model::Dataset>,
    pending: js_sys::Promise,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = LoadState>>> {
    Box::pin(async move {
        let loaded = match text_of(pending).await {
            Ok(body) => from_text(url.clone(), body).await,
            Err(message) => LoadState::Failed(LoadFailure::Network { url: url.clone(), message }),
        };
        match loaded {
            LoadState::Ready { dataset, text, .. } => {
                // Read by the build's fingerprint: the same story, with its texts.
                if crate::known_layout::recall(&dataset, false).is_some() {
                    LoadState::Ready { url, dataset, text, part: Part::Completing(first) }
                } else {
                    gloo::console::warn!(format!(
                        "Power Shift: {url}: not the text the page's first part was written from; showing it as a new story"
                    ));
                    LoadState::Ready { url, dataset, text, part: Part::Whole }
                }
            }
            other => {
                let why = match &other {
                    LoadState::Failed(LoadFailure::Network { message, .. }) => message.clone(),
                    LoadState::Failed(LoadFailure::Http { status, status_text, .. }) => {
                        format!("HTTP {status} {status_text}")
                    }
                    LoadState::Failed(LoadFailure::Data { .. }) => "it is not a valid dataset".to_string(),
                    LoadState::Failed(LoadFailure::TooLarge { .. }) => "it is too large".to_string(),
                    _ => "it did not load".to_string(),
                };
                gloo::console::warn!(format!("Power Shift: {url}: the story's texts did not load: {why}"));
                LoadState::Ready {
                    url,
                    dataset: first,
                    text: Rc::from(""),
                    part: Part::First { failed: Some(Rc::from(why)) },
                }
            }
        }
    })
}

/// The text of the answer to a request [`start`] made, or why there is none.
async fn text_of(pending: js_sys::Promise) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let message = |e: wasm_bindgen::JsValue| {
        e.dyn_into::<js_sys::Error>().map_or_else(|_| "the request failed".to_string(), |e| String::from(e.message()))
    };
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(pending)
        .await
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "not an HTTP response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(message)?).await.map_err(message)?;
    text.as_string().ok_or_else(|| "not a text".to_string())
}

/// The text of the dataset embedded in the page by `powershift bundle` (a
/// `<script type="application/json" id="powershift-data">` element), if the page has one: the
/// archive copy works from disk with no request.
pub fn embedded_dataset() -> Option<String> {
    super::dom::text_of_id(powershift_core::EMBEDDED_DATA_ID)
}

/// Validates a text the build did not (or whose reading failed, which the console says): once the
/// rest of the page's WebAssembly, which holds the validator, is in, one task per step of the
/// validation (a few tens of ms each at 4× slowdown).
async fn validate_in_full(url: &str, body: &str, value: &serde_json::Value, by_the_build: bool) -> LoadState {
    if by_the_build {
        gloo::console::warn!(format!(
            "Power Shift: {url}: the text the build validated did not read as a dataset; validating it again"
        ));
    }
    super::rest_module::arrival().await;
    let mut job = validation(body, value, by_the_build);
    loop {
        gloo::timers::future::TimeoutFuture::new(0).await;
        if super::timing::measured("validate", || job.advance()) {
            break;
        }
    }
    validated(url, body, job.finish())
}
