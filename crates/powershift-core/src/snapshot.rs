//! The network on a date as plain, serialisable data: what `powershift snapshot` prints and what
//! the browser tests compare the drawn network against.

use serde::Serialize;

use crate::date::Date;
use crate::model::{ConfidenceLevel, Dataset, OrgKind, PhaseState, RelationKind};
use crate::network::NetworkLayout;

/// An organisation in a snapshot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SnapshotNode {
    /// Organisation id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Label.
    pub short_name: String,
    /// Kind.
    pub kind: OrgKind,
    /// Relationships in force that touch it.
    pub degree: u32,
    /// Layout position (with [`Snapshot::with_layout`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    /// Layout position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
}

/// A relationship in force in a snapshot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SnapshotEdge {
    /// Relationship id.
    pub id: String,
    /// Source organisation id.
    pub from: String,
    /// Target organisation id.
    pub to: String,
    /// Kind.
    pub kind: RelationKind,
    /// The phase's status words.
    pub status: String,
    /// The phase's state.
    pub state: PhaseState,
    /// The phase's confidence.
    pub confidence: ConfidenceLevel,
    /// The phase's start as written (its form is its precision).
    pub since: String,
    /// Event ids that prove the phase.
    pub events: Vec<String>,
}

/// The whole network on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// The date, `YYYY-MM-DD`.
    pub date: Date,
    /// The one-sentence description.
    pub description: String,
    /// Organisations present, in file order.
    pub nodes: Vec<SnapshotNode>,
    /// Relationships in force, in file order.
    pub edges: Vec<SnapshotEdge>,
}

impl Snapshot {
    /// The snapshot of `ds` on `date`. O(organisations + phases + events cited).
    pub fn of(ds: &Dataset, date: Date) -> Snapshot {
        let net = ds.network_at(date);
        let nodes = net
            .nodes
            .iter()
            .map(|n| {
                let o = ds.org(n.org);
                SnapshotNode {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    short_name: o.short_name.clone(),
                    kind: o.kind,
                    degree: n.degree,
                    x: None,
                    y: None,
                }
            })
            .collect();
        let edges = net
            .edges
            .iter()
            .map(|e| {
                let r = ds.rel(e.rel);
                let p = &r.phases[e.phase];
                SnapshotEdge {
                    id: r.id.clone(),
                    from: ds.org(e.from).id.clone(),
                    to: ds.org(e.to).id.clone(),
                    kind: e.kind,
                    status: p.status.clone(),
                    state: p.state,
                    confidence: p.confidence,
                    since: p.start.to_string(),
                    events: p.events.iter().map(|x| ds.event(*x).id.clone()).collect(),
                }
            })
            .collect();
        Snapshot { date, description: ds.describe_network(date, None), nodes, edges }
    }

    /// The snapshot with each node's layout position (rounded to 0.01).
    pub fn with_layout(ds: &Dataset, date: Date, layout: &NetworkLayout) -> Snapshot {
        let mut s = Snapshot::of(ds, date);
        for (node, l) in s.nodes.iter_mut().zip(&layout.nodes) {
            debug_assert_eq!(ds.org(l.org).id, node.id);
            node.x = Some((l.pos.x * 100.0).round() / 100.0);
            node.y = Some((l.pos.y * 100.0).round() / 100.0);
        }
        s
    }
}
