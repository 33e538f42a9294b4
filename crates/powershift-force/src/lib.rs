//! The hot loops of the network layout, in a crate of their own so the release build can compile
//! them for speed while the rest of the core is compiled for size (issue 12: the core at
//! `opt-level = "z"` made the layout 5× slower; these files are ~5 % of the core's WebAssembly).
//! `powershift_core::network` re-exports every module under the same names, so callers see one
//! `network` module.
//!
//! - [`simulation`]: stepping (velocity Verlet, alpha schedule), separate from scheduling.
//! - [`forces`]: many-body (Barnes–Hut), link, collide, centre, position — one file each.
//! - [`quadtree`]: the flat quadtree both tree-based forces share.
//! - [`labels`]: label placement with no label–label or label–node overlap.
//! - [`rng`], [`vec2`]: seeded randomness and geometry.
//!
//! No dependency on the data model: the simulation sees bodies, links and strengths only.

pub mod forces;
pub mod labels;
pub mod quadtree;
pub mod rng;
pub mod simulation;
pub mod vec2;

pub use simulation::{Bodies, Force, Simulation};
pub use vec2::{Rect, Vec2};
