//! Key events: those that change the network. At the whole story's zoom the timeline has room for
//! only some titles, and these are the ones the network's picture is about.
//!
//! An event is key when it is behind a change of a relationship phase, by the rule the change view
//! uses to name a change ([`change_view`](crate::scene::change_view)): for each phase's start and
//! end date, the phase's own events dated that day; or, when the phase has none on that day, every
//! event dated that day that involves both of the relationship's organisations. Events that change
//! nothing — a memo, a report of talks, a court ruling that leaves a phase in place — are not key.
//!
//! Cost: O(phases × events of a phase + events on a change date) with a date index, O(n log n) to
//! build the index for n events.
//!
//! For example, Microsoft's 2019 investment in OpenAI starts the investment and the cloud
//! relationships, so it is key; OpenAI's launch of ChatGPT in 2022 starts no phase, so it is not.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::model::{Dataset, EventIx};

/// For each event (file order, as [`EventIx`]), whether it begins, changes or ends a relationship
/// phase. See the module docs.
pub fn key_events(ds: &Dataset) -> Vec<bool> {
    let mut key = vec![false; ds.events.len()];
    let mut on_day: BTreeMap<Date, Vec<EventIx>> = BTreeMap::new();
    for (i, e) in ds.events.iter().enumerate() {
        on_day.entry(e.date.start).or_default().push(EventIx(i as u32));
    }
    for r in &ds.relationships {
        for p in &r.phases {
            for day in std::iter::once(p.start.start).chain(p.end.map(|e| e.start)) {
                let own: Vec<EventIx> = p.events.iter().copied().filter(|e| ds.event(*e).date.start == day).collect();
                if own.is_empty() {
                    for e in on_day.get(&day).into_iter().flatten() {
                        let orgs = &ds.event(*e).organisations;
                        if orgs.contains(&r.from) && orgs.contains(&r.to) {
                            key[e.ix()] = true;
                        }
                    }
                } else {
                    for e in own {
                        key[e.ix()] = true;
                    }
                }
            }
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three events between a and b: e0 starts the phase, e1 changes nothing, e2 (not listed by the
    /// phase) is dated on its end; e3 on the end date involves only a.
    fn dataset() -> Dataset {
        let ev = |id: &str, date: &str, orgs: &[&str]| {
            serde_json::json!({
                "id": id, "date": date, "title": "T", "kinds": ["investment"], "organisations": orgs,
                "summary": "S.", "confidence": {"level": "confirmed"},
                "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/x"}]
            })
        };
        let json = serde_json::json!({
            "format_version": 1,
            "meta": {"title": "T", "as_of": "2021-01-01"},
            "organisations": [
                {"id": "a", "name": "A", "short_name": "A", "kind": "ai_lab", "description": "Lab."},
                {"id": "b", "name": "B", "short_name": "B", "kind": "cloud", "description": "Cloud."}],
            "events": [ev("e0", "2020-01-10", &["a", "b"]), ev("e1", "2020-03-01", &["a", "b"]),
                       ev("e2", "2020-06-01", &["a", "b"]), ev("e3", "2020-06-01", &["a"])],
            "relationships": [{"id": "r", "from": "a", "to": "b", "kind": "investment", "label": "L",
                "phases": [{"start": "2020-01-10", "end": "2020-06-01", "status": "s", "state": "active",
                            "confidence": "confirmed", "events": ["e0", "e1"]}]}]
        });
        Dataset::from_json_str(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn starts_and_ends_are_key_and_events_that_change_nothing_are_not() {
        assert_eq!(key_events(&dataset()), [true, false, true, false]);
    }
}
