//! The first part of a dataset's text: everything but the texts only a selection's details and the
//! notes show, so a page's first screen downloads less (issue 12: the phone's first load).
//!
//! Why: the sources (their publishers, titles and addresses), the events' summaries and confidence
//! notes, the phases' summaries and the story's notes are two thirds of the shipped story's gzipped
//! bytes, and nothing on the first screen (title, sentence, network, scrubber, step bar) shows
//! them. `powershift site` writes this part beside the full file; the page shows the story from it
//! and reads the full file (the same organisations, events and relationships in the same order,
//! with their texts) while the reader looks at the first screen.
//!
//! The first part is not a dataset to publish or validate: its events have no sources, which the
//! format requires. It is read only by [`Dataset::from_build_validated`](super::Dataset) after the
//! page has checked its fingerprint, i.e. it is the very text the build derived from a full text it
//! validated.
//!
//! ```
//! let full = serde_json::json!({"events": [{"id": "e", "summary": "S.", "sources": [{"url": "u"}],
//!     "confidence": {"level": "confirmed", "note": "N."}}]});
//! let first = powershift_core::model::first_part(&full);
//! assert_eq!(first["events"][0]["summary"], "");
//! assert_eq!(first["events"][0]["sources"], serde_json::json!([]));
//! assert_eq!(first["events"][0]["confidence"], serde_json::json!({"level": "confirmed"}));
//! ```

use serde_json::Value;

/// `dataset` (a valid dataset's JSON) without its texts: every event's `summary` empty, its
/// `sources` an empty list and its confidence without its `note`; every phase without its
/// `summary`; the meta's `notes` an empty list. Everything else, order included, is kept, so the
/// dataset read from it indexes organisations, events and relationships as the full one does.
/// O(size of the dataset).
pub fn first_part(dataset: &Value) -> Value {
    let mut v = dataset.clone();
    if let Some(notes) = v.pointer_mut("/meta/notes") {
        *notes = Value::Array(Vec::new());
    }
    for event in v.get_mut("events").and_then(Value::as_array_mut).into_iter().flatten() {
        let Some(e) = event.as_object_mut() else { continue };
        e.insert("summary".into(), Value::String(String::new()));
        e.insert("sources".into(), Value::Array(Vec::new()));
        if let Some(c) = e.get_mut("confidence").and_then(Value::as_object_mut) {
            c.remove("note");
        }
    }
    for rel in v.get_mut("relationships").and_then(Value::as_array_mut).into_iter().flatten() {
        for phase in rel.get_mut("phases").and_then(Value::as_array_mut).into_iter().flatten() {
            if let Some(p) = phase.as_object_mut() {
                p.remove("summary");
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    const STORY: &str = include_str!("../../tests/res/story-frozen.json");

    #[test]
    fn the_first_part_reads_as_the_full_dataset_without_its_texts() {
        let value: Value = serde_json::from_str(STORY).unwrap();
        let full = Dataset::from_json_str(STORY).unwrap();
        let first =
            Dataset::from_build_validated(&first_part(&value)).expect("the trusted reader reads the first part");
        assert_eq!(first.organisations, full.organisations);
        assert_eq!(first.story, full.story);
        assert_eq!(first.meta.title, full.meta.title);
        assert!(first.meta.notes.is_empty() && !full.meta.notes.is_empty());
        assert_eq!(first.events.len(), full.events.len());
        for (a, b) in first.events.iter().zip(&full.events) {
            assert_eq!(
                (&a.id, a.date, &a.title, &a.kinds, &a.organisations),
                (&b.id, b.date, &b.title, &b.kinds, &b.organisations)
            );
            assert_eq!(a.amounts, b.amounts);
            assert_eq!((a.confidence.level, &a.confidence.conflicts), (b.confidence.level, &b.confidence.conflicts));
            assert!(a.summary.is_empty() && a.sources.is_empty() && a.confidence.note.is_none());
        }
        assert!(full.events.iter().any(|e| e.confidence.note.is_some()), "the fixture has a note to leave out");
        assert_eq!(first.relationships.len(), full.relationships.len());
        for (a, b) in first.relationships.iter().zip(&full.relationships) {
            assert_eq!((&a.id, a.from, a.to, a.kind, a.directed), (&b.id, b.from, b.to, b.kind, b.directed));
            for (p, q) in a.phases.iter().zip(&b.phases) {
                assert_eq!(
                    (p.start, p.end, p.state, p.confidence, &p.events),
                    (q.start, q.end, q.state, q.confidence, &q.events)
                );
                assert!(p.summary.is_none());
            }
        }
        // What the first screen computes from a dataset is the same from either.
        for date in full.change_dates() {
            assert_eq!(first.network_at(date), full.network_at(date), "{date}");
        }
    }
}
