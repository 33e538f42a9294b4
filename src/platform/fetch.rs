//! Fetching the dataset over HTTP, or reading the one embedded in the page.

use crate::load::{check_size, parse_step, validated, validation, LoadFailure, LoadState};

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
        Ok(body) => {
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
                            super::timing::measured("read", || {
                                powershift_core::model::Dataset::from_build_validated(&value)
                            })
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
        Err(e) => LoadState::Failed(LoadFailure::Network { url, message: e.to_string() }),
    }
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
