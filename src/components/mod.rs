//! One panel per file. Components take plain props and render HTML; none touches the browser, so
//! each is tested natively with Yew's server renderer.

mod error_panel;
mod loading;
mod summary;

pub use error_panel::ErrorPanel;
pub use loading::Loading;
pub use summary::{Summary, SummaryFacts};
