//! An organisation's details, as a reader wants them: its relationships in force on the date —
//! active and disputed ones grouped by kind (largest group first, each sorted by when the tie
//! began), then stalled and historical ones — its ended ties apart under "earlier", and its events
//! by date. The count in force is the disc's count on the network (see [`super::counts`]).

use crate::date::FuzzyDate;
use crate::model::{Dataset, EventIx, OrgIx, PhaseState, RelIx, RelationKind};

/// One tie of the organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    /// The relationship.
    pub rel: RelIx,
    /// The other organisation.
    pub other: OrgIx,
    /// The organisation is the `from` end (investor, supplier, plaintiff).
    pub outgoing: bool,
    /// The phase's status on the date (or the last phase's, for an earlier tie).
    pub status: String,
    /// When the phase shown began.
    pub since: FuzzyDate,
    /// When it ended, for a tie no longer in force.
    pub until: Option<FuzzyDate>,
}

impl Tie {
    /// "→ OpenAI: Investment" (the arrow points from the organisation to its partner or back).
    pub fn text(&self, ds: &Dataset) -> String {
        let arrow = if self.outgoing { "→" } else { "←" };
        format!("{arrow} {}: {}", ds.org(self.other).short_name, ds.rel(self.rel).label)
    }

    /// "about 27% stake · since 28 October 2025", or for an ended tie "exclusive · July 2019 –
    /// January 2025".
    pub fn detail(&self) -> String {
        match self.until {
            Some(u) => format!("{} · {} – {}", self.status, self.since.to_words(), u.to_words()),
            None => format!("{} · since {}", self.status, self.since.to_words()),
        }
    }
}

/// The ties of one kind in force on the date.
#[derive(Clone, Debug, PartialEq)]
pub struct TieGroup {
    /// The kind.
    pub kind: RelationKind,
    /// Oldest first.
    pub ties: Vec<Tie>,
}

/// What the details of an organisation show on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgDetails {
    /// Ties in force and active (or disputed), by kind: the largest group first.
    pub groups: Vec<TieGroup>,
    /// Ties in force but stalled or historical on the date (drawn faded); oldest first.
    pub faded: Vec<Tie>,
    /// Ties that ended before the date; most recent first.
    pub earlier: Vec<Tie>,
    /// Every event the organisation takes part in, by date.
    pub events: Vec<EventIx>,
}

impl OrgDetails {
    /// How many ties are in force on the date, whatever their state: the count the network gives
    /// the organisation's disc.
    pub fn in_force(&self) -> usize {
        self.groups.iter().map(|g| g.ties.len()).sum::<usize>() + self.faded.len()
    }

    /// "Relationships in force on 28 April 2026 (17)".
    pub fn in_force_heading(&self, date_words: &str) -> String {
        format!("Relationships in force on {date_words} ({})", self.in_force())
    }

    /// "Of those, stalled or historical (3)".
    pub fn faded_heading(&self) -> String {
        format!("Of those, stalled or historical ({})", self.faded.len())
    }

    /// "Ended before 28 April 2026 (4)".
    pub fn earlier_heading(&self, date_words: &str) -> String {
        format!("Ended before {date_words} ({})", self.earlier.len())
    }
}

/// The details of `org` on `date`. O(relationships · phases + events log events).
///
/// ```
/// use powershift_core::{date::Date, model::Dataset, scene::org_details::org_details};
/// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
/// let d = org_details(&ds, ds.org_ix(&ds.organisations[0].id).unwrap(), Date::from_ymd(2030, 1, 1).unwrap());
/// assert!(d.events.windows(2).all(|w| ds.event(w[0]).date.start <= ds.event(w[1]).date.start));
/// ```
pub fn org_details(ds: &Dataset, org: OrgIx, date: crate::date::Date) -> OrgDetails {
    let net = ds.network_at(date);
    let mut groups: Vec<TieGroup> = Vec::new();
    let mut faded: Vec<Tie> = Vec::new();
    let mut earlier: Vec<Tie> = Vec::new();
    for (i, r) in ds.relationships.iter().enumerate() {
        let rel = RelIx(i as u32);
        if r.from != org && r.to != org {
            continue;
        }
        let tie = |phase: usize, ended: bool| Tie {
            rel,
            other: if r.from == org { r.to } else { r.from },
            outgoing: r.from == org,
            status: r.phases[phase].status.clone(),
            since: r.phases[phase].start,
            until: if ended { r.phases[phase].end } else { None },
        };
        match net.edges.iter().find(|e| e.rel == rel) {
            Some(e) if matches!(e.state, PhaseState::Active | PhaseState::Disputed) => {
                let t = tie(e.phase, false);
                match groups.iter_mut().find(|g| g.kind == r.kind) {
                    Some(g) => g.ties.push(t),
                    None => groups.push(TieGroup { kind: r.kind, ties: vec![t] }),
                }
            }
            Some(e) => faded.push(tie(e.phase, false)),
            // Ended before the date (it began before it): its last phase so far.
            None => {
                if let Some(last) = r.phases.iter().rposition(|p| p.start.start <= date) {
                    earlier.push(tie(last, true));
                }
            }
        }
    }
    for g in &mut groups {
        crate::sort::sort_by_key(&mut g.ties, |t| (t.since.start, t.rel));
    }
    crate::sort::sort_by(&mut groups, |a, b| b.ties.len().cmp(&a.ties.len()).then(a.kind.cmp(&b.kind)));
    crate::sort::sort_by_key(&mut faded, |t| (t.since.start, t.rel));
    crate::sort::sort_by_key(&mut earlier, |t| (std::cmp::Reverse(t.since.start), t.rel));
    let events = ds.events_chronological().into_iter().filter(|e| ds.event(*e).organisations.contains(&org)).collect();
    OrgDetails { groups, faded, earlier, events }
}
