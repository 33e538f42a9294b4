//! One vocabulary for what the story counts, used by every panel that gives a number: the facts
//! under "About the data", the sentence, the network's accessible names, the details and the legend.
//! Readers compared a "54" in one place with a "46" in another and a "57" in a third; each was right
//! about something different, and none said what. So every count here says what it counts and over
//! what time:
//!
//! - a **relationship** is one agreement or tie between two organisations, as the data lists it;
//!   the same two organisations may have several (an investment and a cloud deal are two);
//! - a **phase** is a period during which a relationship had one set of terms; a change of terms
//!   starts a new phase of the same relationship;
//! - **over the story** counts everything the data lists, whatever its date;
//! - **in force on a date** counts the relationships one of whose phases covers the date, whatever
//!   its state (stalled and historical ties are in force, drawn faded): exactly the lines the
//!   network draws for that date, and the sum behind each disc's size.

use crate::model::Dataset;

/// What a relationship and a phase are, in one sentence for readers ("About the data").
pub const DEFINITION: &str = "A relationship is one agreement or tie between two organisations; the same two \
     organisations may have several, such as an investment and a cloud deal. When the terms of a \
     relationship change, it enters a new phase. Counts “in force” on a date include stalled and \
     historical ties, which the network draws faded.";

/// The legend's line on disc size, in the same words as the counts (the formula stays in the code).
pub const DISC_SIZE: &str =
    "Disc size: the more relationships an organisation has in force on the date, the larger its disc.";

/// The legend's line on parallel curves and bundled lines.
pub const PARALLEL: &str = "Parallel curves: separate relationships between the same two organisations, such as an \
     investment and a cloud deal; zoomed out, they are one line with their number on it.";

/// "1 relationship", "54 relationships".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "17 relationships in force on 28 April 2026".
pub fn in_force_on(n: usize, date_words: &str) -> String {
    format!("{} in force on {date_words}", count(n, "relationship", "relationships"))
}

/// What the whole story holds: every item the data lists, whatever its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryCounts {
    /// Events.
    pub events: usize,
    /// Organisations.
    pub organisations: usize,
    /// Relationships (agreements or ties between two organisations).
    pub relationships: usize,
    /// Phases of those relationships (periods under one set of terms).
    pub phases: usize,
}

impl StoryCounts {
    /// The counts of `ds`. O(relationships).
    pub fn of(ds: &Dataset) -> StoryCounts {
        StoryCounts {
            events: ds.events.len(),
            organisations: ds.organisations.len(),
            relationships: ds.relationships.len(),
            phases: ds.relationships.iter().map(|r| r.phases.len()).sum(),
        }
    }

    /// "87 events, 17 organisations and 54 relationships (in 80 phases) over the story."
    pub fn words(&self) -> String {
        format!(
            "{}, {} and {} (in {}) over the story.",
            count(self.events, "event", "events"),
            count(self.organisations, "organisation", "organisations"),
            count(self.relationships, "relationship", "relationships"),
            count(self.phases, "phase", "phases"),
        )
    }
}

/// What the network shows on a date: organisations present, relationships in force, and how many of
/// those the filters leave drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Organisations present.
    pub organisations: usize,
    /// Relationships in force.
    pub in_force: usize,
    /// Of those, drawn (after kind filters and focus).
    pub shown: usize,
}

impl Counts {
    /// The counts of the network of `date`, with nothing filtered out.
    pub fn on(ds: &Dataset, date: crate::date::Date) -> Counts {
        let net = ds.network_at(date);
        Counts { organisations: net.nodes.len(), in_force: net.edges.len(), shown: net.edges.len() }
    }

    /// "17 organisations, 47 relationships in force." or, when filters hide some, "17 organisations,
    /// 12 of 47 relationships in force shown."
    pub fn tally(&self) -> String {
        let orgs = count(self.organisations, "organisation", "organisations");
        let rels = count(self.in_force, "relationship in force", "relationships in force");
        if self.shown < self.in_force {
            format!("{orgs}, {} of {rels} shown.", self.shown)
        } else {
            format!("{orgs}, {rels}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_what_they_count() {
        assert_eq!(count(1, "phase", "phases"), "1 phase");
        assert_eq!(count(0, "phase", "phases"), "0 phases");
        assert_eq!(in_force_on(1, "2 May 2020"), "1 relationship in force on 2 May 2020");
        let c = StoryCounts { events: 87, organisations: 17, relationships: 54, phases: 80 };
        assert_eq!(c.words(), "87 events, 17 organisations and 54 relationships (in 80 phases) over the story.");
        assert_eq!(
            Counts { organisations: 3, in_force: 2, shown: 2 }.tally(),
            "3 organisations, 2 relationships in force."
        );
        assert_eq!(
            Counts { organisations: 1, in_force: 1, shown: 0 }.tally(),
            "1 organisation, 0 of 1 relationship in force shown."
        );
    }

    #[test]
    fn story_counts_count_phases_apart_from_relationships() {
        let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
        let c = StoryCounts::of(&ds);
        assert_eq!(c.relationships, ds.relationships.len());
        assert_eq!(c.phases, ds.relationships.iter().map(|r| r.phases.len()).sum::<usize>());
        assert!(c.phases > c.relationships, "the fixture has a relationship with two phases");
    }
}
