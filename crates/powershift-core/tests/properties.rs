//! Properties: validation never panics on any input, and as-of queries are consistent on any date.

use std::collections::BTreeSet;

use powershift_core::date::{Date, FuzzyDate};
use powershift_core::model::{Dataset, EdgeChange, LoadError};
use powershift_core::testkit::json_pointers::pointers;
use proptest::prelude::*;
use serde_json::Value;

const SHIPPED: &str = include_str!("../../../static/data/powershift.json");
const TINY: &str = include_str!("res/tiny.json");

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("2019-07"),
            Just("2023-02-30"),
            Just("openai"),
            Just("https://x.example/"),
            Just("investment")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("date".to_string()),
                    Just("events".to_string()),
                    Just("organisations".to_string()),
                    Just("relationships".to_string()),
                    Just("phases".to_string()),
                    Just("meta".to_string()),
                    Just("format_version".to_string()),
                    "[a-z_]{1,8}".prop_map(String::from)
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn check_result(r: Result<Dataset, LoadError>) {
    match r {
        Ok(_) => {}
        Err(LoadError::Syntax { line, column, .. }) => assert!(line >= 1 && column >= 1),
        Err(LoadError::Invalid(p)) => {
            assert!(!p.is_empty(), "an invalid dataset must say why");
            assert!(p.iter().all(|x| !x.path.is_empty() && !x.message.is_empty()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_result(Dataset::from_json_slice(&bytes));
    }

    #[test]
    fn never_panics_on_arbitrary_json(v in arb_json()) {
        check_result(Dataset::from_value(&v));
    }

    #[test]
    fn never_panics_when_any_part_of_a_valid_dataset_is_replaced(pick in any::<prop::sample::Index>(), replacement in arb_json()) {
        let mut v: Value = serde_json::from_str(TINY).unwrap();
        let all = pointers(&v);
        let at = &all[pick.index(all.len())];
        if at.is_empty() { v = replacement; } else { *v.pointer_mut(at).unwrap() = replacement; }
        check_result(Dataset::from_value(&v));
    }

    #[test]
    fn never_panics_on_truncated_text(cut in 0usize..2000) {
        let cut = cut.min(TINY.len());
        check_result(Dataset::from_json_str(&TINY[..cut]));
    }

    #[test]
    fn fuzzy_dates_round_trip_through_their_text(days in -30_000i32..60_000, precision in 0u8..3) {
        let (y, m, dd) = Date::from_days(days).ymd();
        let text = match precision { 0 => format!("{y:04}"), 1 => format!("{y:04}-{m:02}"), _ => format!("{y:04}-{m:02}-{dd:02}") };
        let fd = FuzzyDate::parse(&text).unwrap();
        prop_assert_eq!(fd.to_string(), text);
        prop_assert!(fd.start <= Date::from_days(days) && Date::from_days(days) < fd.period_end());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn network_on_any_date_is_consistent(days in 16_000i32..21_000) {
        let ds = Dataset::from_json_str(SHIPPED).unwrap();
        let date = Date::from_days(days);
        let net = ds.network_at(date);
        let present: BTreeSet<_> = net.nodes.iter().map(|n| n.org).collect();
        for e in &net.edges {
            prop_assert!(present.contains(&e.from) && present.contains(&e.to), "edge with an absent end");
            prop_assert!(ds.rel(e.rel).phases[e.phase].is_active_on(date));
        }
        let degrees: u32 = net.nodes.iter().map(|n| n.degree).sum();
        prop_assert_eq!(degrees as usize, 2 * net.edges.len());
    }

    #[test]
    fn changes_turn_one_network_into_the_other(a in 16_000i32..21_000, b in 16_000i32..21_000) {
        let ds = Dataset::from_json_str(SHIPPED).unwrap();
        let (da, db) = (Date::from_days(a.min(b)), Date::from_days(a.max(b)));
        let mut edges: BTreeSet<(u32, usize)> = ds.network_at(da).edges.iter().map(|e| (e.rel.0, e.phase)).collect();
        for c in ds.changes_between(da, db).edges {
            match c {
                EdgeChange::Added(e) => { prop_assert!(edges.insert((e.rel.0, e.phase))); }
                EdgeChange::Ended(e) => { prop_assert!(edges.remove(&(e.rel.0, e.phase))); }
                EdgeChange::Changed { before, after } => {
                    prop_assert!(edges.remove(&(before.rel.0, before.phase)));
                    prop_assert!(edges.insert((after.rel.0, after.phase)));
                }
            }
        }
        let target: BTreeSet<(u32, usize)> = ds.network_at(db).edges.iter().map(|e| (e.rel.0, e.phase)).collect();
        prop_assert_eq!(edges, target);
    }
}
