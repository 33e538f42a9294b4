//! The timeline's colour key: one entry per mark colour the story actually uses, product launches'
//! neutral grey included, built from the same encoding functions as the marks, so the key cannot
//! drift from them — even when the palette changes and several kinds come to share a colour.
//!
//! A mark takes the colour of its event's first kind ([`mark_kind`], [`event_colour`]). The key
//! groups the kinds the marks use by that colour: an entry per distinct colour, in the order the
//! format lists the kinds, labelled with the kinds that share it ("Lawsuit, dispute").
//!
//! Cost: O(events + kinds²) (the vocabulary has a dozen kinds).

use crate::model::{Dataset, Event, EventKind};

use super::encoding::event_colour;

/// One entry of the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyEntry {
    /// The mark colour.
    pub colour: &'static str,
    /// What it stands for: the labels of the kinds drawn in it, "Investment" or "Lawsuit, dispute".
    pub label: String,
}

/// The kind whose colour an event's mark takes: its first (the data lists the main kind first).
pub fn mark_kind(e: &Event) -> EventKind {
    e.kinds[0]
}

/// The colour key of the timeline of `ds`: each colour its marks use once, labelled with the
/// kinds drawn in it. See the module docs.
pub fn timeline_key(ds: &Dataset) -> Vec<KeyEntry> {
    let used: Vec<EventKind> =
        EventKind::ALL.iter().copied().filter(|k| ds.events.iter().any(|e| mark_kind(e) == *k)).collect();
    let mut entries: Vec<(&'static str, Vec<EventKind>)> = Vec::new();
    for k in used {
        let colour = event_colour(k);
        match entries.iter_mut().find(|(c, _)| *c == colour) {
            Some((_, kinds)) => kinds.push(k),
            None => entries.push((colour, vec![k])),
        }
    }
    entries.into_iter().map(|(colour, kinds)| KeyEntry { colour, label: label_of(&kinds) }).collect()
}

/// The name of a colour: its relationship group's ("Conflict", the same word as the filter chip),
/// or the kind's own label for marks of no group ("Product launch").
fn label_of(kinds: &[EventKind]) -> String {
    let Some(first) = kinds.first() else { return String::new() };
    match super::encoding::event_relation_kind(*first) {
        Some(r) => r.group().label().to_string(),
        None => first.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::encoding::NEUTRAL_COLOUR;

    const STORY: &str = include_str!("../../tests/res/story-frozen.json");

    #[test]
    fn every_mark_colour_is_in_the_key_once_and_launches_are_grey() {
        let ds = Dataset::from_json_str(STORY).unwrap();
        let key = timeline_key(&ds);
        for e in &ds.events {
            let c = event_colour(mark_kind(e));
            assert_eq!(key.iter().filter(|k| k.colour == c).count(), 1, "{} ({c})", e.id);
        }
        let launch = key.iter().find(|k| k.colour == NEUTRAL_COLOUR).expect("the story has product launches");
        assert!(launch.label.contains("Product launch"), "{launch:?}");
        // No colour the marks do not use.
        assert!(key.iter().all(|k| ds.events.iter().any(|e| event_colour(mark_kind(e)) == k.colour)));
    }

    #[test]
    fn kinds_sharing_a_colour_share_an_entry_named_like_the_filter_chip() {
        assert_eq!(label_of(&[EventKind::Lawsuit, EventKind::Dispute]), "Conflict");
        assert_eq!(label_of(&[EventKind::CloudCompute]), "Cloud");
        assert_eq!(label_of(&[EventKind::ProductLaunch]), "Product launch");
        let ds = Dataset::from_json_str(STORY).unwrap();
        let key = timeline_key(&ds);
        let conflict = key.iter().filter(|k| k.label == "Conflict").count();
        assert_eq!(conflict, 1, "{key:?}");
    }
}
