//! As-of-date queries: which organisations and relationships exist on a date, and what changed
//! between two dates.
//!
//! Date precision is explicit: every imprecise date counts from the first day of its period (see
//! [`crate::date`]). A phase is in force on `d` when `start ≤ d < end`. An organisation is in the
//! network from [`Dataset::first_seen`] on, even when it has no active relationship that day (it is
//! then reported with `degree` 0), so readers see who is still around after a tie ends.

use super::dataset::{Dataset, OrgIx, RelIx};
use super::kinds::{ConfidenceLevel, PhaseState, RelationKind};
use crate::date::Date;

/// An organisation present on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeAt {
    /// Which organisation.
    pub org: OrgIx,
    /// Number of relationships in force that day that touch it.
    pub degree: u32,
}

/// A relationship in force on a date, with the phase that applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeAt {
    /// Which relationship.
    pub rel: RelIx,
    /// Index of the phase in force.
    pub phase: usize,
    /// Source end.
    pub from: OrgIx,
    /// Target end.
    pub to: OrgIx,
    /// Kind.
    pub kind: RelationKind,
    /// State of the phase.
    pub state: PhaseState,
    /// Confidence of the phase.
    pub confidence: ConfidenceLevel,
}

/// The network as of one date. Nodes and edges are in file order, so output is deterministic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// The date.
    pub date: Date,
    /// Organisations present.
    pub nodes: Vec<NodeAt>,
    /// Relationships in force.
    pub edges: Vec<EdgeAt>,
}

/// How one relationship differs between two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeChange {
    /// In force at the later date only.
    Added(EdgeAt),
    /// In force at the earlier date only.
    Ended(EdgeAt),
    /// In force at both, under different phases.
    Changed {
        /// The phase at the earlier date.
        before: EdgeAt,
        /// The phase at the later date.
        after: EdgeAt,
    },
}

impl EdgeChange {
    /// The relationship concerned.
    pub fn rel(&self) -> RelIx {
        match self {
            EdgeChange::Added(e) | EdgeChange::Ended(e) => e.rel,
            EdgeChange::Changed { after, .. } => after.rel,
        }
    }
}

/// What changed from one date to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// The earlier date.
    pub from: Date,
    /// The later date.
    pub to: Date,
    /// Edge changes, in relationship file order.
    pub edges: Vec<EdgeChange>,
    /// Organisations present at the later date only.
    pub nodes_added: Vec<OrgIx>,
    /// Organisations present at the earlier date only.
    pub nodes_removed: Vec<OrgIx>,
}

impl Dataset {
    /// The network as of a date: the organisations and the relationships in force, each with the
    /// phase that applies.
    ///
    /// A phase is in force when `start ≤ date < end`, every imprecise date counting from the first
    /// day of its period; an organisation is present from [`Dataset::first_seen`] on, with the number
    /// of relationships in force that touch it as its degree (0 when it has none left).
    ///
    /// # Arguments
    /// - `date`: any day; before the story every list is empty, after it the last state holds.
    ///
    /// # Returns
    /// A [`Network`] with nodes and edges in dataset order.
    ///
    /// # Complexity
    /// O(organisations + total phases): phases are sorted and non-overlapping (validation checks
    /// it), so each relationship is one scan of its phases.
    ///
    /// # Examples
    /// ```
    /// use powershift_core::{date::Date, model::Dataset};
    /// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
    /// let before = ds.network_at(Date::from_ymd(2000, 1, 1).unwrap());
    /// assert!(before.nodes.is_empty() && before.edges.is_empty());
    /// let later = ds.network_at(Date::from_ymd(2030, 1, 1).unwrap());
    /// assert!(later.nodes.iter().all(|n| n.degree as usize <= later.edges.len()));
    /// ```
    pub fn network_at(&self, date: Date) -> Network {
        let mut degree = vec![0u32; self.organisations.len()];
        let mut edges = Vec::new();
        for (i, r) in self.relationships.iter().enumerate() {
            // An edge needs both ends to exist (a month-precision phase may start before a founding day).
            let ends_exist = self.first_seen[r.from.ix()] <= date && self.first_seen[r.to.ix()] <= date;
            if let Some(p) = r.phase_on(date).filter(|_| ends_exist) {
                let ph = &r.phases[p];
                degree[r.from.ix()] += 1;
                degree[r.to.ix()] += 1;
                edges.push(EdgeAt {
                    rel: RelIx(i as u32),
                    phase: p,
                    from: r.from,
                    to: r.to,
                    kind: r.kind,
                    state: ph.state,
                    confidence: ph.confidence,
                });
            }
        }
        let nodes = (0..self.organisations.len())
            .filter(|&i| self.first_seen[i] <= date)
            .map(|i| NodeAt { org: OrgIx(i as u32), degree: degree[i] })
            .collect();
        Network { date, nodes, edges }
    }

    /// What changed between two dates: the relationships added, ended or moved to another phase,
    /// and the organisations that appeared or left.
    ///
    /// # Arguments
    /// - `a`, `b`: the two dates; `a` is read as the earlier (they are swapped when `a > b`).
    ///
    /// # Returns
    /// [`Changes`], edges in relationship file order. It compares two snapshots
    /// ([`Dataset::network_at`] of each), so a phase that starts and ends strictly between them is
    /// not reported.
    ///
    /// # Complexity
    /// O(organisations + total phases).
    ///
    /// # Examples
    /// ```
    /// use powershift_core::{date::Date, model::Dataset};
    /// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
    /// let (a, b) = (Date::from_ymd(2000, 1, 1).unwrap(), Date::from_ymd(2030, 1, 1).unwrap());
    /// let c = ds.changes_between(a, b);
    /// assert_eq!(c.nodes_added.len(), ds.network_at(b).nodes.len());
    /// assert_eq!(c, ds.changes_between(b, a), "order does not matter");
    /// ```
    pub fn changes_between(&self, a: Date, b: Date) -> Changes {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let before = self.network_at(a);
        let after = self.network_at(b);
        let mut edges = Vec::new();
        let (mut i, mut j) = (0, 0);
        // Both edge lists are sorted by relationship index: merge them.
        while i < before.edges.len() || j < after.edges.len() {
            match (before.edges.get(i), after.edges.get(j)) {
                (Some(x), Some(y)) if x.rel == y.rel => {
                    if x.phase != y.phase {
                        edges.push(EdgeChange::Changed { before: x.clone(), after: y.clone() });
                    }
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x.rel < y.rel => {
                    edges.push(EdgeChange::Ended(x.clone()));
                    i += 1;
                }
                (Some(x), None) => {
                    edges.push(EdgeChange::Ended(x.clone()));
                    i += 1;
                }
                (_, Some(y)) => {
                    edges.push(EdgeChange::Added(y.clone()));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        let present = |n: &Network| {
            let mut v = vec![false; self.organisations.len()];
            for node in &n.nodes {
                v[node.org.ix()] = true;
            }
            v
        };
        let (pa, pb) = (present(&before), present(&after));
        let nodes_added = (0..pa.len()).filter(|&k| !pa[k] && pb[k]).map(|k| OrgIx(k as u32)).collect();
        let nodes_removed = (0..pa.len()).filter(|&k| pa[k] && !pb[k]).map(|k| OrgIx(k as u32)).collect();
        Changes { from: a, to: b, edges, nodes_added, nodes_removed }
    }

    /// Every date on which the network changes (a phase starts or ends, an organisation first
    /// appears), within the story's time range, sorted and unique. These are the scrubber's stops.
    pub fn change_dates(&self) -> Vec<Date> {
        let (lo, hi) = self.time_range();
        let mut dates: Vec<Date> = Vec::new();
        for r in &self.relationships {
            for p in &r.phases {
                dates.push(p.start.start);
                if let Some(e) = p.end {
                    dates.push(e.start);
                }
            }
        }
        dates.extend(self.first_seen.iter().copied());
        dates.retain(|d| *d >= lo && *d <= hi);
        crate::sort::sort(&mut dates);
        dates.dedup();
        dates
    }

    /// The change dates with their precision: each is the finest date in the data (a phase's start
    /// or end, an event, a founding) that starts on that day, so a change that comes from a
    /// "2025-05" date is shown as "May 2025". Sorted; O((phases + events) log).
    pub fn change_stops(&self) -> Vec<crate::date::FuzzyDate> {
        use crate::date::{FuzzyDate, Precision};
        let mut finest: std::collections::BTreeMap<Date, Precision> = std::collections::BTreeMap::new();
        let mut note = |f: FuzzyDate| {
            let p = finest.entry(f.start).or_insert(f.precision);
            *p = (*p).max(f.precision);
        };
        for r in &self.relationships {
            for p in &r.phases {
                note(p.start);
                if let Some(e) = p.end {
                    note(e);
                }
            }
        }
        for e in &self.events {
            note(e.date);
        }
        for o in &self.organisations {
            if let Some(f) = o.founded {
                note(f);
            }
        }
        self.change_dates()
            .into_iter()
            .map(|d| FuzzyDate { start: d, precision: finest.get(&d).copied().unwrap_or(Precision::Day) })
            .collect()
    }

    /// A sentence on what the network shows on `date` and, when given, what changed since `since`:
    /// "On 28 April 2026: 14 organisations, 31 relationships in force. Since 27 April 2026: Amazon–OpenAI
    /// distribution added."
    pub fn describe_network(&self, date: Date, since: Option<Date>) -> String {
        let net = self.network_at(date);
        let n = net.nodes.len();
        let e = net.edges.len();
        let mut s = format!(
            "On {}: {n} organisation{}, {e} relationship{} in force.",
            date.to_words(),
            if n == 1 { "" } else { "s" },
            if e == 1 { "" } else { "s" }
        );
        if let Some(prev) = since.filter(|p| *p != date) {
            let ch = self.changes_between(prev, date);
            let mut parts: Vec<String> = Vec::new();
            for c in &ch.edges {
                let r = self.rel(c.rel());
                let pair = format!("{}–{} “{}”", self.org(r.from).short_name, self.org(r.to).short_name, r.label);
                let forward = prev < date;
                parts.push(match c {
                    EdgeChange::Added(_) if forward => format!("{pair} added"),
                    EdgeChange::Added(_) => format!("{pair} not yet in force"),
                    EdgeChange::Ended(_) if forward => format!("{pair} ended"),
                    EdgeChange::Ended(_) => format!("{pair} still in force"),
                    EdgeChange::Changed { before, after } => {
                        let now = if forward { after } else { before };
                        format!("{pair} now {}", r.phases[now.phase].status)
                    }
                });
            }
            if parts.is_empty() {
                s.push_str(&format!(" No change since {}.", prev.to_words()));
            } else {
                const MAX: usize = 4;
                let more = parts.len().saturating_sub(MAX);
                parts.truncate(MAX);
                let mut list = parts.join("; ");
                if more > 0 {
                    list.push_str(&format!("; and {more} more"));
                }
                s.push_str(&format!(" Since {}: {list}.", prev.to_words()));
            }
        }
        s
    }
}
