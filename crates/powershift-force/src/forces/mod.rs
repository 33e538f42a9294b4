//! The forces, one per file, each a small unit after d3-force: set up once, then nudge velocities
//! in proportion to alpha.

mod center;
mod collide;
mod link;
mod many_body;
mod position;

pub use center::Center;
pub use collide::Collide;
pub use link::{Link, LinkSpec};
pub use many_body::ManyBody;
pub use position::Position;
