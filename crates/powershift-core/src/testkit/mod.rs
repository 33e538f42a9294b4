//! Test scaffolding shared by the core's tests, the app's WebAssembly tests, the benchmarks and the
//! CLI's `bench` and `generate`: golden scenarios, standard benchmark graphs and synthetic datasets.
//! Behind the `testkit` feature, so it is not part of the core's API for the app.

pub mod bench;
pub mod golden;
pub mod json_pointers;
pub mod random_graph;
pub mod synthetic;
