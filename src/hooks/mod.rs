//! Hooks: effects that connect components to the platform.

mod use_dataset;
mod use_interval;
mod use_reduced_motion;
mod use_tween;
mod use_width;

pub use use_dataset::use_dataset;
pub use use_interval::use_interval;
pub use use_reduced_motion::use_reduced_motion;
pub use use_tween::use_tween;
pub use use_width::use_width;
