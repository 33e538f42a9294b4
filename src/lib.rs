//! Power Shift, the Yew app: a linked timeline and an as-of-date partnership network of the AI
//! industry's alliances.
//!
//! Data flows one way: dataset JSON → validated `Dataset` (the pure `powershift-core` crate) →
//! components. Only `platform` touches gloo and web-sys; components are plain props → HTML and are
//! tested natively with Yew's server renderer.

pub mod app;
pub mod components;
pub mod hooks;
pub mod load;
pub mod platform;
pub mod render;
pub mod state;

pub use powershift_core as core_model;

/// Entry point in the browser: installs the panic reporter and mounts [`app::App`] on `#app`.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    platform::panic::install();
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has an element with id \"app\"");
    yew::Renderer::<app::App>::with_root(root).render();
}
