//! Fetching the dataset over HTTP.

use crate::load::{parse_body, LoadFailure, LoadState};

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
    match response.text().await {
        Ok(body) => parse_body(&url, &body),
        Err(e) => LoadState::Failed(LoadFailure::Network { url, message: e.to_string() }),
    }
}
