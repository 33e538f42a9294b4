//! The partnership network's layout: a d3-force style simulation in pure Rust, and the temporal
//! layout that gives every date a stable, reproducible picture.
//!
//! ```text
//! Dataset ──TemporalLayout::new──▶ global positions (union of all dates, seeded)
//!                     └──.at(date)──▶ NetworkLayout: nodes (pos, radius, label box), curved edges
//! ```
//!
//! - [`simulation`]: stepping (velocity Verlet, alpha schedule), separate from scheduling.
//! - [`forces`]: many-body (Barnes–Hut), link, collide, centre, position — one file each.
//! - [`quadtree`]: the flat quadtree both tree-based forces share.
//! - [`temporal`]: global layout + per-date anchored relaxation; the stability metric.
//! - [`global_job`]: the global layout a slice at a time (for pages laying out big stories).
//! - [`labels`]: label placement with no label–label or label–node overlap.
//! - [`edges`]: curves for parallel agreements between one pair.
//! - [`rng`], [`vec2`]: seeded randomness and geometry.

pub mod edges;
pub mod global_job;
pub mod layout_memo;
pub mod temporal;
pub mod weights;

// The hot loops live in `powershift-force`, compiled for speed while this crate is compiled for
// size (see the release profile in the workspace's Cargo.toml); they keep their paths here.
pub use powershift_force::{forces, labels, quadtree, rng, simulation, vec2};

pub use global_job::GlobalLayoutJob;
pub use layout_memo::LayoutMemo;
pub use simulation::{Bodies, Force, Simulation};
pub use temporal::{LayoutConfig, LayoutReport, NetworkLayout, NodeLayout, TemporalLayout};
pub use vec2::{Rect, Vec2};
