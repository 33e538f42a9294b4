//! Search: organisations and events whose names match what the reader typed.

use crate::model::{Dataset, EventIx, OrgIx};
use crate::view::Selection;

/// One search hit.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// What to select.
    pub selection: Selection,
    /// Text to show.
    pub label: String,
    /// Secondary text (kind or date).
    pub detail: String,
}

/// Case-insensitive substring search: organisations by name, short name or id first, then events
/// by title, then events by summary; at most `limit` hits, in that order and dataset order within
/// each group. An empty or blank query finds nothing. O(total text length).
pub fn search(ds: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (i, o) in ds.organisations.iter().enumerate() {
        if [&o.name, &o.short_name, &o.id].iter().any(|t| t.to_lowercase().contains(&q)) {
            hits.push(Hit {
                selection: Selection::Org(OrgIx(i as u32)),
                label: o.name.clone(),
                detail: o.kind.label().to_string(),
            });
        }
    }
    let chronological = ds.events_chronological();
    let mut by_summary = Vec::new();
    for e in chronological {
        let ev = ds.event(e);
        let hit = Hit { selection: Selection::Event(e), label: ev.title.clone(), detail: ev.date.to_words() };
        if ev.title.to_lowercase().contains(&q) {
            hits.push(hit);
        } else if ev.summary.to_lowercase().contains(&q) {
            by_summary.push(hit);
        }
    }
    hits.extend(by_summary);
    hits.truncate(limit);
    hits
}

/// The event ids of hits, for tests and the CLI.
pub fn event_hits(hits: &[Hit]) -> Vec<EventIx> {
    hits.iter().filter_map(|h| if let Selection::Event(e) = h.selection { Some(e) } else { None }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_oracle_first_as_an_organisation_then_its_events() {
        let ds = Dataset::from_json_str(include_str!("../../../static/data/powershift.json")).unwrap();
        let hits = search(&ds, "  oRACLE ", 50);
        assert_eq!(hits[0].selection, Selection::Org(ds.org_ix("oracle").unwrap()));
        assert_eq!(hits[0].label, "Oracle (OCI)");
        assert!(event_hits(&hits).len() >= 5);
        assert!(search(&ds, "", 10).is_empty());
        assert!(search(&ds, "zzzz-no-such", 10).is_empty());
        assert_eq!(search(&ds, "a", 3).len(), 3);
    }
}
