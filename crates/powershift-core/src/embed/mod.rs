//! Embedding in an article: the options a host puts in the iframe's URL, the messages between the
//! app and the host page (our own JSON protocol and Pym.js's), all as pure functions so the rules
//! are tested natively; `src/platform/host.rs` only moves strings in and out of `postMessage`.
//!
//! ```text
//! host ──"{"type":"powershift:set","view":{"date":"2019-07-22"}}"──▶ app  (parse_inbound → set_link)
//! host ◀──"{"type":"powershift:view","view":{…}}" / ":height" / ":ready"── app
//! host ◀──"pymxPYMx<childId>xPYMxheightxPYMx<N>"── app  (when the URL has childId, Pym.js's format)
//! ```

mod message;
mod options;
mod pym;

pub use message::{height_message, parse_inbound, ready_message, view_message, view_pairs, Inbound, MAX_MESSAGE_BYTES};
pub use options::{full_view_query, share_codes, EmbedOptions, ShareCodes, Theme};
pub use pym::{parse_pym, pym_height, PymMessage};
