//! Renderers: a scene → Yew markup, and nothing else. No state, no hooks, no decisions and nothing
//! that touches the page; components put the output into the DOM with their listeners.

pub mod money;
pub mod network;
pub mod plotters_yew;
pub mod timeline;
