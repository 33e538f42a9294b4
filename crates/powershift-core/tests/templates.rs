//! The spreadsheet templates round trip: import(write_templates(d)) == d for generated stories of
//! any size and seed, and for the shipped one.

use powershift_core::export::templates::{import, templates_map};
use powershift_core::model::Dataset;
use powershift_core::testkit::synthetic::synthetic_dataset;
use proptest::prelude::*;

fn round_trip(ds: &Dataset) -> Dataset {
    let files = templates_map(ds);
    import(&|name| files.get(name).cloned()).unwrap_or_else(|p| panic!("{p:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn generated_stories_survive_export_and_import(orgs in 2u32..40, rels in 0u32..80, seed in 0u32..10_000) {
        let ds = Dataset::from_value(&synthetic_dataset(orgs, rels, seed)).unwrap();
        prop_assert_eq!(round_trip(&ds), ds);
    }
}

#[test]
fn the_shipped_and_frozen_stories_survive_export_and_import() {
    for text in [include_str!("../../../static/data/powershift.json"), include_str!("res/story-frozen.json")] {
        let ds = Dataset::from_json_str(text).unwrap();
        assert_eq!(round_trip(&ds), ds);
    }
}
