//! The layout core's golden positions, computed in WebAssembly inside headless Chromium and
//! compared to 1e-6 with the numbers recorded natively (`crates/powershift-core/tests/res/golden.json`,
//! asserted natively by `crates/powershift-core/tests/network.rs`): both targets draw the same picture.
#![cfg(target_arch = "wasm32")]

use powershift_core::network::golden;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../crates/powershift-core/tests/res/golden.json");

#[wasm_bindgen_test]
fn golden_positions_match_native_to_1e_6() {
    let expected: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    let got = golden::scenarios();
    assert_eq!(expected.as_array().unwrap().len(), got.len());
    for (case, (name, pos)) in expected.as_array().unwrap().iter().zip(got) {
        assert_eq!(case["name"], name);
        let want = case["positions"].as_array().unwrap();
        assert_eq!(want.len(), pos.len(), "{name}");
        for (i, (w, p)) in want.iter().zip(&pos).enumerate() {
            let (wx, wy) = (w[0].as_f64().unwrap(), w[1].as_f64().unwrap());
            assert!((wx - p.x).abs() < 1e-6 && (wy - p.y).abs() < 1e-6, "{name} node {i}: want ({wx}, {wy}) got {p:?}");
        }
    }
}

#[wasm_bindgen_test]
fn the_shipped_story_has_no_label_overlap_in_wasm_either() {
    use powershift_core::model::Dataset;
    use powershift_core::network::{LayoutConfig, TemporalLayout};
    let ds = Dataset::from_json_str(golden::SHIPPED_DATASET).unwrap();
    let report = TemporalLayout::new(&ds, LayoutConfig::default()).report(&ds);
    assert!(report.len() > 40);
    assert!(report.iter().all(|r| r.overlaps.total() == 0));
}
