//! The only modules that touch the browser (gloo, web-sys). Everything else is plain Rust.

pub mod dom;
pub mod fetch;
pub mod location;
pub mod panic;
