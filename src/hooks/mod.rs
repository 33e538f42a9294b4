//! Hooks: effects that connect components to the platform (the browser is reached only through
//! `crate::platform`).

mod use_background;
mod use_coarse_pointer;
mod use_dataset;
mod use_delegated;
mod use_gestures;
mod use_hint;
mod use_link_sync;
mod use_preparation;
mod use_reduced_motion;
mod use_rest_arrived;
mod use_size;
mod use_timeout;
mod use_tween;
mod use_wheel;
mod use_width;

pub use use_background::use_background;
pub use use_coarse_pointer::use_coarse_pointer;
pub use use_dataset::use_dataset;
pub use use_delegated::use_delegated;
pub use use_gestures::{use_network_gestures, PointerHandlers, TOUCH_HINT, WHEEL_HINT};
pub use use_hint::use_hint;
pub use use_link_sync::use_link_sync;
pub use use_preparation::{use_preparation, Prepared};
pub use use_reduced_motion::use_reduced_motion;
pub use use_rest_arrived::use_rest_arrived;
pub use use_size::use_size;
pub use use_timeout::use_timeout;
pub use use_tween::use_tween;
pub use use_wheel::use_wheel;
pub use use_width::{use_measured_width, use_width};
