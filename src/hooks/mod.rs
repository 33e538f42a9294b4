//! Hooks: effects that connect components to the platform.

mod use_dataset;

pub use use_dataset::use_dataset;
