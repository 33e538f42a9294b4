//! Power Shift, the Yew app: a linked timeline and an as-of-date partnership network of the AI
//! industry's alliances.
//!
//! Data flows one way: dataset JSON → validated `Dataset` → layouts → view state → scene (all in the
//! pure `powershift-core` crate) → a stateless renderer in [`render`] → the page. Components in
//! [`components`] only wire a scene, its renderer and the reader's actions; the shared state reaches
//! them through one `ContextProvider` ([`state::use_app`]). Only [`platform`] and [`hooks`] touch
//! the browser (gloo, web-sys), so every panel renders natively with Yew's server renderer in tests.

pub mod app;
pub mod components;
pub mod hooks;
pub mod known_layout;
pub mod load;
pub mod platform;
pub mod preparation;
pub mod render;
pub mod state;

pub use powershift_core as core_model;

/// Entry point in the browser: installs the panic reporter and mounts [`app::App`] on `#app`.
///
#[cfg(target_arch = "wasm32")]
/// Mounting is a task of its own, after the one that compiled and instantiated the module: the two
/// together were the longest task of the load on a phone (issue 12).
pub fn run() {
    platform::panic::install();
    powershift_core::model::use_normaliser(platform::text::nfc);
    gloo::timers::callback::Timeout::new(0, || {
        let root = gloo::utils::document().get_element_by_id("app").expect("index.html has an element with id \"app\"");
        yew::Renderer::<app::App>::with_root(root).render();
    })
    .forget();
}
