//! The only modules that touch the browser (gloo, web-sys). Everything else is plain Rust.

pub mod data_url;
pub mod dom;
pub mod events;
pub mod fetch;
pub mod location;
pub mod panic;
