//! Guards the shipped story (`static/data/powershift.json`): it validates, conforms to the shipped
//! JSON Schema, covers the fact sheet, and answers as-of questions as the fact sheet says.

use powershift_core::date::Date;
use powershift_core::model::{
    ConfidenceLevel, Conflict, ConflictAbout, Dataset, EdgeChange, Event, RelationKind, SourceKind,
};
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
    // expansions, the Stargate stall for OpenAI, SoftBank and Oracle) are split into one phase per
    // change.
    assert_eq!(phases, 80);
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

fn event<'a>(ds: &'a Dataset, id: &str) -> &'a Event {
    ds.event(ds.event_ix(id).unwrap_or_else(|| panic!("{id} is missing")))
}

#[test]
fn key_events_cite_a_company_announcement_or_a_wire_or_major_outlet() {
    let ds = ds();
    assert!(ds.events_with_strong_source() >= 24, "{}", ds.events_with_strong_source());
    // The counts README.md gives.
    assert_eq!((ds.events_with_strong_source(), ds.events_with_company_source()), (29, 16));
    let count = |k: SourceKind| ds.events.iter().flat_map(|e| &e.sources).filter(|s| s.kind == k).count();
    let by_kind: Vec<usize> = SourceKind::ALL.iter().map(|k| count(*k)).collect();
    assert_eq!(by_kind, [22, 24, 98, 160]);
    // The events of the sources addendum; E24, E71 and E72 gained only recognisable outlets.
    for id in [
        "E02", "E06", "E11", "E16", "E26", "E32", "E34", "E35", "E40", "E44", "E45", "E46", "E50", "E51", "E52", "E53",
        "E56", "E57", "E59", "E61", "E63", "E68", "E79", "E81",
    ] {
        let e = event(&ds, id);
        assert!(e.strongest_source().is_some_and(SourceKind::is_strong), "{id} has no company or wire/major source");
    }
    for id in ["E24", "E71", "E72"] {
        assert_eq!(event(&ds, id).strongest_source(), Some(SourceKind::Outlet), "{id}");
    }
    // The reader's first example: Microsoft's own post now backs the end of Azure exclusivity.
    let e35 = event(&ds, "E35");
    assert_eq!(e35.confidence_line(), "Confirmed — announced by Microsoft");
    assert_eq!(e35.sources_strongest_first()[0].kind, SourceKind::Company);
    assert_eq!(e35.sources_strongest_first()[1].label(), "Reuters (via Dawn)");
    // Company announcements that state the fact: E02 is no longer a single source.
    let e02 = event(&ds, "E02");
    assert_eq!(e02.confidence.level, ConfidenceLevel::Confirmed);
    assert_eq!(e02.announced_by(), ["OpenAI"]);
    assert_eq!(event(&ds, "E52").confidence_line(), "Confirmed — announced by Nvidia and OpenAI");
    assert_eq!(event(&ds, "E57").confidence_line(), "Confirmed — announced by AMD");
    // Every source's URL is distinct within its event.
    for e in &ds.events {
        let mut urls: Vec<&str> = e.sources.iter().map(|s| s.url.as_str()).collect();
        powershift_core::sort::sort(&mut urls);
        urls.dedup();
        assert_eq!(urls.len(), e.sources.len(), "{} cites a page twice", e.id);
    }
}

#[test]
fn refinements_of_the_sources_addendum() {
    let ds = ds();
    // E26 gets its day from Oracle's release, and the Oracle ties start that day.
    assert_eq!(event(&ds, "E26").date.to_string(), "2024-06-11");
    assert!(status(&ds, "oracle", "openai", RelationKind::CloudCompute, "2024-06-10").is_none());
    assert!(status(&ds, "oracle", "openai", RelationKind::CloudCompute, "2024-06-11").is_some());
    // E24's day has a second source.
    let e24 = event(&ds, "E24");
    assert_eq!(e24.date.to_string(), "2024-03-27");
    assert_eq!(e24.confidence.level, ConfidenceLevel::Confirmed);
    assert!(e24.sources.iter().filter(|s| s.note.as_deref().is_some_and(|n| n.contains("27 March 2024"))).count() >= 2);
    // E57: the warrant as a share count, about 9–10%.
    let e57 = event(&ds, "E57");
    assert!(e57.summary.contains("160 million") && e57.summary.contains("9–10%"), "{}", e57.summary);
    // E71/E72: 27 February, announced on the evening of the 26th in US Pacific time: a footnote
    // (26 or 27 February), not a conflict.
    for id in ["E71", "E72"] {
        let e = event(&ds, id);
        assert_eq!(e.date.to_string(), "2026-02-27");
        assert_eq!(e.confidence.level, ConfidenceLevel::Confirmed, "{id}");
        let notes: Vec<&Conflict> = e.date_footnotes().collect();
        assert_eq!(notes.len(), 1, "{id}");
        assert_eq!((notes[0].about, notes[0].values.join(" ")), (ConflictAbout::Date, "2026-02-27 2026-02-26".into()));
        assert!(notes[0].note.as_deref().is_some_and(|n| n.contains("Pacific")), "{id}");
        assert_eq!(e.real_conflicts().count(), 0, "{id}");
    }
    // E79 keeps 20 April; US coverage ran on the 21st.
    let e79 = event(&ds, "E79");
    assert_eq!(e79.date.to_string(), "2026-04-20");
    assert!(e79.date_note.as_deref().is_some_and(|n| n.contains("21 April")));
    // E50: the WSJ is now cited, but the $300B stays a report.
    let e50 = event(&ds, "E50");
    assert_eq!(e50.confidence.level, ConfidenceLevel::Reported);
    assert!(e50.sources.iter().any(|s| s.kind == SourceKind::WireOrMajor && s.publisher == "The Wall Street Journal"));
    assert!(e50.announced_by().is_empty());
    // E56 is still one report, now at Reuters' own address; the copy it was read in is listed and
    // not counted.
    let e56 = event(&ds, "E56");
    assert_eq!(e56.confidence.level, ConfidenceLevel::SingleSource);
    assert!(e56.sources.iter().any(|s| s.publisher == "Reuters" && s.url.starts_with("https://www.reuters.com/")));
    assert_eq!((e56.sources.len(), e56.independent_sources()), (2, 1));
    // E67: the day of the ruling is given as 16 or 15 January, neither the better source: one day
    // apart, a footnote; the outcome is confirmed by several pages.
    let e67 = event(&ds, "E67");
    assert_eq!(e67.confidence.level, ConfidenceLevel::Confirmed);
    assert!(e67.date_footnotes().any(|c| c.about == ConflictAbout::Date && c.values == ["2026-01-16", "2026-01-15"]));
}

#[test]
fn claims_to_keep_out_stay_out() {
    let ds = ds();
    let (amazon, openai) = (ds.org_ix("amazon").unwrap(), ds.org_ix("openai").unwrap());
    // Amazon's OpenAI investment is $50B, never $5B.
    for e in &ds.events {
        for a in &e.amounts {
            assert!(!(a.from == Some(amazon) && a.to == Some(openai) && a.value == 5e9), "{}", e.id);
        }
    }
    // The jury had nine members.
    let e85 = event(&ds, "E85");
    assert!(e85.summary.contains("nine-member"), "{}", e85.summary);
    assert!(!e85.summary.to_lowercase().contains("twelve"));
    // The April 2026 amendment did not bring in a right of first refusal (that was January 2025).
    let e81 = event(&ds, "E81");
    assert!(!e81.summary.contains("first refusal") && !e81.title.contains("first refusal"), "{}", e81.summary);
}

fn description<'a>(ds: &'a Dataset, org: &str) -> &'a str {
    &ds.org(ds.org_ix(org).unwrap_or_else(|| panic!("{org} is missing"))).description
}

/// Corrections from the fact-check against the fact sheet (issue 13).
#[test]
fn corrections_from_the_fact_check() {
    let ds = ds();
    // The sheet calls Amazon Anthropic's main backer; after E80 Google's commitments are larger.
    let amazon = description(&ds, "amazon");
    assert!(!amazon.contains("largest"), "{amazon}");
    assert!(amazon.contains("main backer of Anthropic") && amazon.contains("$33B"), "{amazon}");
    // SoftBank's $30B of the 2026 round is pledged in three 2026 tranches, not already paid in.
    let softbank = description(&ds, "softbank");
    assert!(!softbank.contains("put in"), "{softbank}");
    assert!(softbank.contains("pledged $30B") && softbank.contains("April, July and October 2026"), "{softbank}");
    // Azure was OpenAI's exclusive cloud until 21 January 2025, but not its only one: Oracle's cloud
    // extended Azure for OpenAI from June 2024 (E26).
    let cloud = ds.rel(ds.rel_ix("microsoft-openai-cloud").unwrap());
    let exclusive = &cloud.phases[0];
    assert_eq!(exclusive.status, "exclusive");
    let summary = exclusive.summary.as_deref().unwrap();
    assert!(!summary.contains("only"), "{summary}");
    assert!(summary.contains("Oracle") && summary.contains("June 2024"), "{summary}");
    assert!(exclusive.events.contains(&ds.event_ix("E26").unwrap()));
    // E61: the OpenAI Foundation holds about 26% plus a warrant for more (not AMD's warrant of E57).
    let e61 = event(&ds, "E61");
    assert!(e61.summary.contains("26% of it, plus a warrant"), "{}", e61.summary);
    assert!(!e61.summary.contains("AMD"), "{}", e61.summary);
    // The Oracle phase with the ~$300B contract is a press report (E50). The Frontier dispute's start
    // rests on an FT report dated 18 or 19 March 2026 (E75), confirmed by several pages: a one-day
    // difference in the report's date is a footnote, not a conflict (issue 10 §7).
    let phase = |rel: &str, i: usize| &ds.rel(ds.rel_ix(rel).unwrap()).phases[i];
    let oracle = phase("oracle-openai-cloud", 1);
    assert!(oracle.status.contains("$300B") && oracle.events.contains(&ds.event_ix("E50").unwrap()));
    assert_eq!(oracle.confidence, ConfidenceLevel::Reported);
    assert_eq!(
        status(&ds, "oracle", "openai", RelationKind::CloudCompute, "2025-09-10").as_deref(),
        Some(oracle.status.as_str())
    );
    let frontier = phase("microsoft-openai-frontier-dispute", 0);
    assert_eq!(frontier.confidence, ConfidenceLevel::Confirmed);
    let e75 = event(&ds, "E75");
    assert_eq!(e75.confidence.level, ConfidenceLevel::Confirmed);
    assert_eq!(e75.date_footnotes().count(), 1);
    assert!(frontier.summary.as_deref().is_some_and(|s| s.contains("19th")));
    // MGX's Stargate tie rests on E34 only: the stall report (E70) does not involve MGX, so its tie
    // is not split at 23 February 2026; the three partners E70 names are.
    let mgx = ds.rel(ds.rel_ix("mgx-stargate").unwrap());
    let e70 = ds.event_ix("E70").unwrap();
    assert!(mgx.phases.iter().all(|p| !p.events.contains(&e70)), "mgx-stargate cites E70");
    let stalled: Vec<&str> = ds
        .changes_between(d("2026-02-22"), d("2026-02-23"))
        .edges
        .iter()
        .map(|c| ds.rel(c.rel()).id.as_str())
        .filter(|id| id.ends_with("-stargate"))
        .collect();
    assert_eq!(stalled, ["openai-stargate", "softbank-stargate", "oracle-stargate"]);
}

/// A phase is proven by events that involve both of its organisations.
#[test]
fn every_phase_cites_events_of_both_its_organisations() {
    let ds = ds();
    for r in &ds.relationships {
        for (i, p) in r.phases.iter().enumerate() {
            for &e in &p.events {
                let orgs = &ds.event(e).organisations;
                assert!(
                    orgs.contains(&r.from) && orgs.contains(&r.to),
                    "{} phase {i} cites {}, which does not involve both {} and {}",
                    r.id,
                    ds.event(e).id,
                    ds.org(r.from).id,
                    ds.org(r.to).id
                );
            }
        }
    }
}

/// The words of a text, lower-cased: letters, digits, `$` and `%` (so "$6.6B" is "$6", "6b").
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '$' && c != '%')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A file of the research fact sheet (`../shared/` beside the repository, where the team keeps it),
/// or `None` with a printed note that `check` was skipped.
fn shared_sheet(name: &str, check: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!("note: {} not found; {check} against it was skipped", path.display());
            None
        }
    }
}

/// Facts carry over, sentences do not: no summary or title shares a run of 10 words with the
/// research fact sheet (`../shared/facts.md` beside the repository, where the team keeps it) or with
/// its sources addendum (`../shared/facts-sources.md`, whose quoted phrases are evidence, not text).
/// A missing file is skipped with a note.
#[test]
fn summaries_are_in_our_own_words() {
    const N: usize = 10;
    let mut sheets = Vec::new();
    for name in ["facts.md", "facts-sources.md"] {
        if let Some(text) = shared_sheet(name, "the own-words check") {
            sheets.push((name, words(&text)));
        }
    }
    if sheets.is_empty() {
        return;
    }
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
    for (i, step) in ds.story.iter().enumerate() {
        texts.push((format!("step {} text", i + 1), &step.text));
    }
    let mut copied = Vec::new();
    for (name, sheet_words) in &sheets {
        let grams: std::collections::BTreeSet<&[String]> = sheet_words.windows(N).collect();
        for (k, t) in &texts {
            if words(t).windows(N).any(|w| grams.contains(w)) {
                copied.push(format!("{k} (from {name})"));
            }
        }
    }
    assert!(copied.is_empty(), "copied from the fact sheets: {copied:?}");
}

/// Titles are our own headlines: no event's title is, word for word, the fact sheet's headline for
/// that event (the `**E18 · 2023-11-17 (day) · headline**` lines of `facts.md`; case, punctuation and
/// quotation marks do not count). A missing file is skipped with a note.
#[test]
fn titles_are_not_the_fact_sheets_headlines() {
    let Some(sheet) = shared_sheet("facts.md", "the headline check") else {
        return;
    };
    let headlines: std::collections::BTreeMap<&str, &str> = sheet
        .lines()
        .filter_map(|l| l.trim().strip_prefix("**")?.strip_suffix("**"))
        .filter_map(|l| {
            let mut parts = l.split(" · ");
            let id = parts.next()?;
            let headline = parts.last()?;
            (id.len() == 3 && id.starts_with('E') && id[1..].bytes().all(|b| b.is_ascii_digit()))
                .then_some((id, headline))
        })
        .collect();
    let ds = ds();
    assert_eq!(headlines.len(), ds.events.len(), "the fact sheet's event headlines were not all found");
    let same: Vec<String> = ds
        .events
        .iter()
        .filter(|e| headlines.get(e.id.as_str()).is_some_and(|h| words(h) == words(&e.title)))
        .map(|e| format!("{}: {}", e.id, e.title))
        .collect();
    assert!(same.is_empty(), "titles equal to the fact sheet's headlines: {same:#?}");
}

#[test]
fn the_quiet_years_2015_to_2022_take_at_most_a_third_of_the_timeline() {
    use powershift_core::scene::timeline::overview_scale;
    use powershift_core::timeline::Warp;
    let ds = ds();
    let warp = Warp::for_story(&ds);
    for width in [375.0, 1280.0] {
        let full = overview_scale(&ds, &warp, width);
        let (lo, hi) = ds.time_range();
        let quiet = full.map(d("2023-01-01")) - full.map(lo);
        let share = quiet / (full.map(hi) - full.map(lo));
        // Two thirds of the time, a tenth of the events: linear time would give them 67 %.
        assert!(share <= 1.0 / 3.0, "{width} px: 2015–2022 take {:.1} % of the width", share * 100.0);
        assert!(share > 0.15, "{width} px: the quiet years keep a floor of width ({:.1} %)", share * 100.0);
    }
}

/// Issue 10 §7: a confidence label agrees with the note and the sources shown under it. A
/// "Confirmed" note that names a doubt says first what is confirmed; a "single source" event counts
/// one independent source however many pages it lists; "conflicting" means a real conflict, not a
/// date one day apart; and a line is drawn "conflicting" only when an event behind it is.
#[test]
fn confidence_labels_agree_with_their_notes_sources_and_lines() {
    let ds = ds();
    const DOUBTS: &[&str] = &[
        "no later",
        "not found",
        "no outcome",
        "not named",
        "do not name",
        "only one",
        "disputed",
        "differ",
        "disagree",
        "unclear",
        "not known",
    ];
    for e in &ds.events {
        let note = e.confidence.note.as_deref().unwrap_or("").to_lowercase();
        if e.confidence.level == ConfidenceLevel::Confirmed && DOUBTS.iter().any(|d| note.contains(d)) {
            assert!(note.contains("confirmed"), "{}: “Confirmed” followed by a doubt only: {note}", e.id);
        }
        match e.confidence.level {
            ConfidenceLevel::SingleSource => assert_eq!(e.independent_sources(), 1, "{}", e.id),
            ConfidenceLevel::Conflicting => assert!(e.real_conflicts().count() > 0, "{}", e.id),
            _ => assert_eq!(e.real_conflicts().count(), 0, "{}", e.id),
        }
    }
    for r in &ds.relationships {
        for p in r.phases.iter().filter(|p| p.confidence == ConfidenceLevel::Conflicting) {
            assert!(
                p.events.iter().any(|e| ds.event(*e).confidence.level == ConfidenceLevel::Conflicting),
                "{} from {}: drawn conflicting, but none of its events is",
                r.id,
                p.start
            );
        }
    }
    // The cases readers measured: E72's one-day date difference is a footnote and its line solid;
    // E47 and E14 list two pages, one of them not counted.
    let e72 = event(&ds, "E72");
    assert_eq!((e72.confidence.level, e72.date_footnotes().count()), (ConfidenceLevel::Confirmed, 1));
    let amazon_openai = ds.network_at(d("2026-02-27"));
    let (amazon, openai) = (ds.org_ix("amazon").unwrap(), ds.org_ix("openai").unwrap());
    assert!(amazon_openai
        .edges
        .iter()
        .filter(|e| e.from == amazon && e.to == openai)
        .all(|e| e.confidence != ConfidenceLevel::Conflicting));
    for id in ["E14", "E47"] {
        let e = event(&ds, id);
        assert_eq!(
            (e.confidence.level, e.sources.len(), e.independent_sources()),
            (ConfidenceLevel::SingleSource, 2, 1)
        );
    }
}

/// The guided story tells the seed article's arc, from the 2019 Microsoft deal to Amazon's OpenAI
/// expansion in April 2026, in 8–10 steps that move forward in time, each tied to events of the
/// dataset that have happened by its date, and saying so where a figure is only reported or
/// disputed.
#[test]
fn the_story_steps_tell_the_arc_in_order_and_cite_events_of_their_time() {
    use powershift_core::model::{text_parts, TextPart};
    use powershift_core::story_steps::StepBar;
    use powershift_core::view::{apply, Action, ViewContext, ViewState};
    let ds = ds();
    let steps = &ds.story;
    assert!((8..=10).contains(&steps.len()), "{} steps", steps.len());
    for pair in steps.windows(2) {
        assert!(pair[0].view.date.start < pair[1].view.date.start, "{} then {}", pair[0].title, pair[1].title);
    }
    assert_eq!(steps[0].view.date.to_string(), "2019-07-22", "the story starts with the Microsoft deal");
    assert_eq!(steps.last().unwrap().view.date.to_string(), "2026-04-28", "and ends with the renegotiation and AWS");
    let ctx = ViewContext::of(&ds);
    let s0 = ViewState::initial(&ctx);
    for (i, step) in steps.iter().enumerate() {
        let cited: Vec<&str> = text_parts(&step.text)
            .into_iter()
            .filter_map(|p| if let TextPart::Event(id) = p { Some(id) } else { None })
            .collect();
        assert!(!cited.is_empty(), "step {} cites no event", i + 1);
        for id in &cited {
            let e = event(&ds, id);
            assert!(e.date.start <= step.view.date.start, "step {} cites {id}, which is after its date", i + 1);
            // A step that cites a press figure or a disputed fact keeps the caveat in its words.
            if matches!(e.confidence.level, ConfidenceLevel::Reported | ConfidenceLevel::Conflicting) {
                let t = step.text.to_lowercase();
                assert!(
                    t.contains("report") || t.contains("disagree"),
                    "step {} cites {id} ({:?}) without a caveat",
                    i + 1,
                    e.confidence.level
                );
            }
        }
        // Each step opens on its own date and is named in the step bar.
        let s = apply(&s0, Action::GoToStep(i), &ctx);
        assert_eq!(s.date, step.view.date.start);
        let bar = StepBar::of(&ds, &s).unwrap();
        assert_eq!(bar.position, format!("Step {} of {}", i + 1, steps.len()));
        assert!(!step.title.trim().is_empty() && step.title.chars().count() <= 40, "{}", step.title);
    }
    // The seed article's turning points are all told.
    let all: Vec<&str> = steps
        .iter()
        .flat_map(|s| text_parts(&s.text))
        .filter_map(|p| if let TextPart::Event(id) = p { Some(id) } else { None })
        .collect();
    for id in ["E06", "E16", "E34", "E35", "E61", "E72", "E81", "E83"] {
        assert!(all.contains(&id), "no step tells {id}");
    }
}
