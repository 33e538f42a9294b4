//! Guards the shipped story (`static/data/powershift.json`): it validates, conforms to the shipped
//! JSON Schema, covers the fact sheet, and answers as-of questions as the fact sheet says.

use powershift_core::date::Date;
use powershift_core::model::{Dataset, EdgeChange, RelationKind};
use powershift_core::snapshot::Snapshot;

const SHIPPED: &str = include_str!("../../../static/data/powershift.json");
const SCHEMA: &str = include_str!("../../../static/data/powershift.schema.json");

fn ds() -> Dataset {
    Dataset::from_json_str(SHIPPED).unwrap_or_else(|e| panic!("the shipped dataset is invalid:\n{e}"))
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// The status of the phase in force on `date` of the relationship `from → to` of `kind` (the first
/// such relationship in file order), or `None` when there is none that day.
fn status(ds: &Dataset, from: &str, to: &str, kind: RelationKind, date: &str) -> Option<String> {
    let (f, t) = (ds.org_ix(from).unwrap(), ds.org_ix(to).unwrap());
    let net = ds.network_at(d(date));
    net.edges
        .iter()
        .find(|e| e.from == f && e.to == t && e.kind == kind)
        .map(|e| ds.rel(e.rel).phases[e.phase].status.clone())
}

#[test]
fn validates_and_covers_the_fact_sheet() {
    let ds = ds();
    assert_eq!(ds.events.len(), 87);
    for n in 1..=87 {
        assert!(ds.event_ix(&format!("E{n:02}")).is_some(), "E{n:02} is missing");
    }
    assert_eq!(ds.organisations.len(), 17);
    // 57 relationship rows of the fact sheet become 54 relationships: 4 rows are later phases of
    // another row's agreement, and R57 (Nvidia–Anthropic investment and chips) is two agreements.
    let phases: usize = ds.relationships.iter().map(|r| r.phases.len()).sum();
    assert_eq!(ds.relationships.len(), 54);
    // Rows whose terms changed with later events (revenue-share cap, investment rounds, cloud
    // expansions, the Stargate stall) are split into one phase per change.
    assert_eq!(phases, 81);
    assert!(ds.events.iter().all(|e| !e.sources.is_empty()));
}

#[test]
fn conforms_to_the_shipped_json_schema() {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let data: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&data).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn microsoft_is_openais_exclusive_cloud_in_mid_2023_but_not_in_mid_2025() {
    let ds = ds();
    assert_eq!(
        status(&ds, "microsoft", "openai", RelationKind::CloudCompute, "2023-07-01").as_deref(),
        Some("exclusive")
    );
    let mid_2025 = status(&ds, "microsoft", "openai", RelationKind::CloudCompute, "2025-07-01").unwrap();
    assert_eq!(mid_2025, "right of first refusal");
    // The change happens on 21 January 2025, not a day earlier or later.
    assert_eq!(
        status(&ds, "microsoft", "openai", RelationKind::CloudCompute, "2025-01-20").as_deref(),
        Some("exclusive")
    );
    assert_eq!(
        status(&ds, "microsoft", "openai", RelationKind::CloudCompute, "2025-01-21").as_deref(),
        Some("right of first refusal")
    );
    assert_eq!(
        status(&ds, "microsoft", "openai", RelationKind::CloudCompute, "2025-11-01").as_deref(),
        Some("primary, non-exclusive")
    );
}

#[test]
fn amazon_openai_compute_deal_exists_on_new_year_2026_and_not_before_november_2025() {
    let ds = ds();
    assert!(status(&ds, "amazon", "openai", RelationKind::CloudCompute, "2026-01-01").is_some());
    assert!(status(&ds, "amazon", "openai", RelationKind::CloudCompute, "2025-11-02").is_none());
    assert!(status(&ds, "amazon", "openai", RelationKind::CloudCompute, "2025-11-03").is_some());
}

#[test]
fn the_capped_revenue_share_applies_from_2026_04_27() {
    let ds = ds();
    let before = status(&ds, "openai", "microsoft", RelationKind::RevenueShare, "2026-04-26").unwrap();
    let after = status(&ds, "openai", "microsoft", RelationKind::RevenueShare, "2026-04-28").unwrap();
    assert!(!before.contains("capped"), "{before}");
    assert!(after.contains("capped"), "{after}");
    // Microsoft's own payments to OpenAI stop with the amendment.
    assert!(status(&ds, "microsoft", "openai", RelationKind::RevenueShare, "2026-04-28").is_none());
}

#[test]
fn imprecise_dates_count_from_the_first_day_of_their_period() {
    let ds = ds();
    // R14 (Microsoft's product integration of OpenAI) starts "2023-01": in force on 1 January 2023.
    assert!(status(&ds, "microsoft", "openai", RelationKind::ProductIntegration, "2023-01-01").is_some());
    assert!(status(&ds, "microsoft", "openai", RelationKind::ProductIntegration, "2022-12-31").is_none());
    // xAI is founded "2023": absent on the last day of 2022, present on 1 January 2023.
    let xai = ds.org_ix("xai").unwrap();
    assert!(!ds.network_at(d("2022-12-31")).nodes.iter().any(|n| n.org == xai));
    assert!(ds.network_at(d("2023-01-01")).nodes.iter().any(|n| n.org == xai));
}

#[test]
fn nobody_exists_before_the_story_starts() {
    let net = ds().network_at(d("2015-01-01"));
    assert!(net.nodes.is_empty() && net.edges.is_empty());
}

#[test]
fn changes_around_the_april_2026_amendment() {
    let ds = ds();
    let ch = ds.changes_between(d("2026-04-26"), d("2026-04-27"));
    let describe = |c: &EdgeChange| {
        let r = ds.rel(c.rel());
        let tag = match c {
            EdgeChange::Added(_) => "added",
            EdgeChange::Ended(_) => "ended",
            EdgeChange::Changed { .. } => "changed",
        };
        format!("{} {tag}", r.id)
    };
    let got: Vec<String> = ch.edges.iter().map(describe).collect();
    for want in [
        "microsoft-openai-api-exclusivity ended",
        "openai-microsoft-licence changed",
        "openai-microsoft-revenue-share changed",
        "microsoft-openai-revenue-share ended",
        "microsoft-openai-frontier-dispute ended",
    ] {
        assert!(got.iter().any(|g| g == want), "missing {want:?} in {got:#?}");
    }
    // Order of arguments does not matter.
    assert_eq!(ds.changes_between(d("2026-04-27"), d("2026-04-26")), ch);
}

#[test]
fn snapshot_lists_nodes_and_edges_with_their_events() {
    let ds = ds();
    let snap = Snapshot::of(&ds, d("2019-07-22"));
    let edge =
        snap.edges.iter().find(|e| e.from == "microsoft" && e.to == "openai" && e.status == "exclusive").unwrap();
    assert!(edge.events.contains(&"E06".to_string()));
    assert!(snap.nodes.iter().any(|n| n.id == "openai"));
    assert!(!snap.nodes.iter().any(|n| n.id == "anthropic"), "Anthropic is not in the 2019 network");
    assert!(snap.description.starts_with("On 22 July 2019:"));
}

#[test]
fn the_sentence_for_28_april_2026_names_the_change_since_the_day_before() {
    let ds = ds();
    let s = ds.describe_network(d("2026-04-28"), Some(d("2026-04-27")));
    assert!(s.starts_with("On 28 April 2026: 17 organisations,"), "{s}");
    assert!(s.contains("Since 27 April 2026: Amazon–OpenAI “OpenAI on Bedrock” now Frontier distribution, plus OpenAI models and agents on Bedrock (limited preview)."), "{s}");
}

/// Facts carry over, sentences do not: no summary or title shares a run of 10 words with the
/// research fact sheet (`../shared/facts.md` beside the repository, where the team keeps it).
#[test]
fn summaries_are_in_our_own_words() {
    let sheet = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/facts.md");
    let Ok(sheet) = std::fs::read_to_string(&sheet) else {
        eprintln!("note: {} not found; the own-words check was skipped", sheet.display());
        return;
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '$' && c != '%')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    const N: usize = 10;
    let sheet_words = words(&sheet);
    let grams: std::collections::BTreeSet<&[String]> = sheet_words.windows(N).collect();
    let ds = ds();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for e in &ds.events {
        texts.push((format!("{} summary", e.id), &e.summary));
        texts.push((format!("{} title", e.id), &e.title));
    }
    for r in &ds.relationships {
        for (i, p) in r.phases.iter().enumerate() {
            if let Some(s) = &p.summary {
                texts.push((format!("{} phase {i}", r.id), s));
            }
        }
    }
    let copied: Vec<&str> =
        texts.iter().filter(|(_, t)| words(t).windows(N).any(|w| grams.contains(w))).map(|(k, _)| k.as_str()).collect();
    assert!(copied.is_empty(), "copied from the fact sheet: {copied:?}");
}
