//! The layout core's golden positions, computed in WebAssembly inside headless Chromium and
//! compared to 1e-6 with the numbers recorded natively (`crates/powershift-core/tests/res/golden.json`,
//! asserted natively by `crates/powershift-core/tests/network.rs`): both targets draw the same picture.
#![cfg(target_arch = "wasm32")]

use powershift_core::testkit::golden;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../crates/powershift-core/tests/res/golden.json");

#[wasm_bindgen_test]
fn golden_positions_match_native_to_1e_6() {
    golden::check(GOLDEN).unwrap_or_else(|e| panic!("{e}"));
}

#[wasm_bindgen_test]
fn the_frozen_story_has_no_label_overlap_in_wasm_either() {
    use powershift_core::model::Dataset;
    use powershift_core::network::{LayoutConfig, TemporalLayout};
    let ds = Dataset::from_json_str(golden::STORY_DATASET).unwrap();
    let report = TemporalLayout::new(&ds, LayoutConfig::default()).report(&ds);
    assert!(report.len() > 40);
    assert!(report.iter().all(|r| r.overlaps.total() == 0));
}
