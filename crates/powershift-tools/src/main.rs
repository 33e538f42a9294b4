//! The tools module: a second WebAssembly module that the page starts in a Web Worker the first
//! time a reader uses one of its tools, so that the page's own module stays small for the readers
//! who never do. All of its work is [`powershift_core::tools::answer`]; this file only exposes it
//! to the worker script (written by `powershift site`, see `crates/powershift-cli/src/tools_worker.rs`),
//! which posts each reply back to the page.

use wasm_bindgen::prelude::wasm_bindgen;

/// Answers one request of the page (a JSON [`powershift_core::tools::Request`]) with a JSON
/// [`powershift_core::tools::Reply`].
#[wasm_bindgen]
pub fn answer(request: &str) -> String {
    powershift_core::tools::answer(request)
}

/// Nothing to start: the worker script calls [`answer`] for each message.
fn main() {}
