//! The only modules that touch the browser (gloo, web-sys). Everything else is plain Rust.

pub mod data_url;
pub mod dom;
pub mod download;
pub mod events;
pub mod fetch;
pub mod files;
pub mod host;
pub mod location;
pub mod panic;
pub mod rest_module;
pub mod share;
pub mod text;
pub mod timing;
pub mod tools;
