//! `Dataset::from_build_validated`, the page's reader of the story the build has validated: the
//! very dataset the validator builds, for every valid dataset; `None` (never a panic) otherwise.

use powershift_core::model::Dataset;
use powershift_core::testkit::json_pointers::pointers;
use powershift_core::testkit::synthetic::synthetic_dataset;
use proptest::prelude::*;
use serde_json::Value;

const SHIPPED: &str = include_str!("../../../static/data/powershift.json");
const TINY: &str = include_str!("res/tiny.json");
const VALID: [(&str, &str); 3] =
    [("shipped story", SHIPPED), ("tiny", TINY), ("story-frozen", include_str!("res/story-frozen.json"))];

#[test]
fn reads_every_valid_fixture_as_the_validator_does() {
    for (name, text) in VALID {
        let validated = Dataset::from_json_str(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let value = Dataset::parse_json(text).unwrap();
        assert_eq!(Dataset::from_build_validated(&value).as_ref(), Some(&validated), "{name}");
    }
}

#[test]
fn reads_what_a_file_may_leave_out_or_write_as_the_validator_does() {
    let mut v: Value = serde_json::from_str(TINY).unwrap();
    v["relationships"][0]["directed"] = Value::Bool(false);
    v["relationships"][0]["phases"][0]["state"] = Value::from("stalled");
    v["relationships"][0]["phases"][0]["start_uncertain"] = Value::Bool(true);
    v["meta"]["subtitle"] = Value::Null;
    let validated = Dataset::from_value(&v).unwrap();
    assert!(!validated.relationships[0].directed);
    assert_eq!(Dataset::from_build_validated(&v), Some(validated));
}

#[test]
fn reads_a_large_synthetic_story_as_the_validator_does() {
    let value = synthetic_dataset(300, 900, 7);
    let validated = Dataset::from_value(&value).unwrap();
    assert_eq!(Dataset::from_build_validated(&value), Some(validated));
}

#[test]
fn the_shipped_story_keeps_what_the_defaults_fill_in() {
    // Fields the format lets a file leave out (a relationship's direction, a source's
    // independence, a phase's state) and the lists that may be absent are read with the
    // validator's defaults: the comparison above would miss a default both got wrong, so count them.
    let value = Dataset::parse_json(SHIPPED).unwrap();
    let ds = Dataset::from_build_validated(&value).unwrap();
    // The file never writes `directed` (default true) and writes `"independent": false` a few times.
    assert!(!SHIPPED.contains("\"directed\"") && ds.relationships.iter().all(|r| r.directed));
    assert!(ds.events.iter().flat_map(|e| &e.sources).any(|s| !s.independent));
    assert!(ds.events.iter().any(|e| !e.amounts.is_empty()) && ds.events.iter().any(|e| e.amounts.is_empty()));
    assert!(!ds.story.is_empty());
}

#[test]
fn refuses_what_is_not_a_dataset() {
    let v: Value = serde_json::from_str(TINY).unwrap();
    let mut cases = Vec::new();
    for pointer in ["/format_version", "/meta", "/organisations", "/events/0/date", "/relationships/0/from"] {
        let mut broken = v.clone();
        *broken.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = Value::Bool(true);
        cases.push((pointer, broken));
    }
    let mut unknown_org = v.clone();
    *unknown_org.pointer_mut("/relationships/0/from").unwrap() = Value::from("nobody");
    cases.push(("an unknown organisation", unknown_org));
    let mut repeated = v.clone();
    let first = repeated.pointer("/organisations/0/id").unwrap().clone();
    *repeated.pointer_mut("/organisations/1/id").unwrap() = first;
    cases.push(("a repeated id", repeated));
    for (what, broken) in cases {
        assert_eq!(Dataset::from_build_validated(&broken), None, "{what}");
    }
    assert_eq!(Dataset::from_build_validated(&Value::Null), None);
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
        prop_oneof![Just("2019-07"), Just("2023-02-30"), Just("openai"), Just("investment"), Just("confirmed")]
            .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any part of a valid dataset replaced by anything: no panic, and whenever the validator
    /// accepts the result, the same dataset.
    #[test]
    fn agrees_with_the_validator_when_any_part_is_replaced(pick in any::<prop::sample::Index>(), replacement in arb_json()) {
        let mut v: Value = serde_json::from_str(TINY).unwrap();
        let all = pointers(&v);
        let at = &all[pick.index(all.len())];
        if at.is_empty() { v = replacement; } else { *v.pointer_mut(at).unwrap() = replacement; }
        let read = Dataset::from_build_validated(&v);
        if let Ok(validated) = Dataset::from_value(&v) {
            prop_assert_eq!(read, Some(validated));
        }
    }
}
