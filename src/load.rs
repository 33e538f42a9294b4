//! What loading a dataset can end in, as plain data the error panel can show.

use std::rc::Rc;

use powershift_core::model::limits::MAX_FILE_BYTES;
use powershift_core::model::{Dataset, LoadError};

/// Why the page has no dataset to show.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The `?data=` parameter names a URL the app will not load.
    RefusedUrl {
        /// The parameter as given.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// The request did not complete (offline, blocked, CORS).
    Network {
        /// The URL requested.
        url: String,
        /// The browser's message.
        message: String,
    },
    /// The server answered with an error status.
    Http {
        /// The URL requested.
        url: String,
        /// HTTP status code.
        status: u16,
        /// Status text, when the server sent one.
        status_text: String,
    },
    /// The file is larger than the format allows
    /// ([`powershift_core::model::limits::MAX_FILE_BYTES`]); it is not parsed.
    TooLarge {
        /// The URL requested.
        url: String,
        /// Its size in bytes (from `Content-Length`, or the bytes received).
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file was fetched but is not a valid dataset.
    Data {
        /// The URL requested.
        url: String,
        /// The syntax error or every validation problem.
        error: LoadError,
    },
}

impl LoadFailure {
    /// The URL concerned.
    pub fn url(&self) -> &str {
        match self {
            LoadFailure::RefusedUrl { url, .. }
            | LoadFailure::Network { url, .. }
            | LoadFailure::Http { url, .. }
            | LoadFailure::TooLarge { url, .. }
            | LoadFailure::Data { url, .. } => url,
        }
    }
}

/// The state of the dataset on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Fetching and validating.
    Loading {
        /// The URL being fetched.
        url: String,
    },
    /// Ready.
    Ready {
        /// The URL it came from.
        url: String,
        /// The validated dataset.
        dataset: Rc<Dataset>,
    },
    /// Failed, with the reason.
    Failed(LoadFailure),
}

/// Refuses a body of `bytes` bytes over the format's limit, before it is parsed.
pub fn check_size(url: &str, bytes: u64) -> Result<(), LoadFailure> {
    let limit = MAX_FILE_BYTES as u64;
    if bytes > limit {
        return Err(LoadFailure::TooLarge { url: url.to_string(), bytes, limit });
    }
    Ok(())
}

/// Where a dataset embedded in the page "comes from", for the error panel and the state.
pub const EMBEDDED_URL: &str = "(the dataset embedded in this page)";

/// The state for the dataset embedded in the page by `powershift bundle` (the text of the
/// `<script type="application/json" id="powershift-data">` element), checked like a fetched one.
pub fn from_embedded(text: &str) -> LoadState {
    parse_body(EMBEDDED_URL, text)
}

/// Turns a fetched body into a state: the dataset, or every problem with its place.
pub fn parse_body(url: &str, body: &str) -> LoadState {
    if let Err(failure) = check_size(url, body.len() as u64) {
        return LoadState::Failed(failure);
    }
    match Dataset::from_json_str(body) {
        Ok(ds) => LoadState::Ready { url: url.to_string(), dataset: Rc::new(ds) },
        Err(error) => LoadState::Failed(LoadFailure::Data { url: url.to_string(), error }),
    }
}

#[cfg(test)]
mod embedded_tests {
    use super::*;

    #[test]
    fn an_embedded_dataset_is_validated_like_a_fetched_one() {
        let tiny = include_str!("../tests/data/tiny.json");
        match from_embedded(tiny) {
            LoadState::Ready { url, dataset } => {
                assert_eq!(url, EMBEDDED_URL);
                assert_eq!(dataset.organisations.len(), Dataset::from_json_str(tiny).unwrap().organisations.len());
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(from_embedded("{"), LoadState::Failed(LoadFailure::Data { .. })));
    }
}
