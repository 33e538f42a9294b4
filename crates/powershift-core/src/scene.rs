//! The scene: (dataset, layout, view state) → a display list of plain data that the renderer turns
//! into SVG without any decisions of its own. Emphasis and dimming are derived here on every call
//! from the view state (the reducer pattern of graphology/sigma), never stored in the model.
//!
//! Encodings (the legend lists the same functions, so it cannot drift from the picture):
//! - node fill: organisation kind ([`org_colour`]); disc radius: 7 + 3·√(relationships in force);
//! - edge colour: relationship kind ([`relation_colour`]); width: 1.2 + 1.4 · (money weight − 1),
//!   i.e. log₁₀ of the largest amount cited for the phase; dash: confidence ([`confidence_dash`]);
//!   opacity: state ([`state_opacity`]); arrowhead: directed relationships.

use std::collections::BTreeSet;

use crate::model::{ConfidenceLevel, Dataset, EventIx, OrgIx, OrgKind, PhaseState, RelIx, RelationKind};
use crate::network::edges::{edge_curves, Curve};
use crate::network::{NetworkLayout, Rect, Vec2};
use crate::view::{Selection, ViewState};

/// How strongly an item is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Emphasis {
    /// Nothing is in focus.
    Normal,
    /// Part of the focus.
    Highlight,
    /// Something else is in focus.
    Dim,
}

/// Fill colour of an organisation kind. Each has at least 3:1 contrast on white (WCAG 1.4.11).
pub fn org_colour(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::AiLab => "#c2410c",
        OrgKind::Cloud => "#1d4ed8",
        OrgKind::Chipmaker => "#047857",
        OrgKind::ChipDesigner => "#0f766e",
        OrgKind::Investor => "#7e22ce",
        OrgKind::Person => "#475569",
        OrgKind::JointVenture => "#a16207",
        OrgKind::Software => "#0369a1",
        OrgKind::DeviceMaker => "#374151",
        OrgKind::GpuCloud => "#4d7c0f",
        OrgKind::Other => "#57534e",
    }
}

/// Stroke colour of a relationship kind (≥ 3:1 on white).
pub fn relation_colour(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Investment => "#7e22ce",
        RelationKind::CloudCompute => "#1d4ed8",
        RelationKind::Licence => "#0e7490",
        RelationKind::ProductIntegration => "#c2410c",
        RelationKind::Chips => "#047857",
        RelationKind::Partnership => "#a16207",
        RelationKind::RevenueShare => "#be185d",
        RelationKind::Lawsuit => "#b91c1c",
        RelationKind::Dispute => "#dc2626",
        RelationKind::Governance => "#475569",
        RelationKind::Competition => "#9f1239",
    }
}

/// SVG dash pattern for a confidence level: solid when confirmed, dashed when reported, dotted for a
/// single source, dash-dot when sources conflict.
pub fn confidence_dash(level: ConfidenceLevel) -> Option<&'static str> {
    match level {
        ConfidenceLevel::Confirmed => None,
        ConfidenceLevel::Reported => Some("7 4"),
        ConfidenceLevel::SingleSource => Some("2 3"),
        ConfidenceLevel::Conflicting => Some("8 3 2 3"),
    }
}

/// Opacity for a phase state: historical and stalled ties are faded.
pub fn state_opacity(state: PhaseState) -> f64 {
    match state {
        PhaseState::Active | PhaseState::Disputed => 0.9,
        PhaseState::Stalled => 0.45,
        PhaseState::Historical => 0.35,
    }
}

/// Stroke width for a money weight (1 = no amount known).
pub fn edge_width(weight: f64) -> f64 {
    1.2 + 1.4 * (weight - 1.0)
}

/// A node to draw.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SceneNode {
    /// Which organisation.
    #[serde(skip)]
    pub org: OrgIx,
    /// Its id.
    pub id: String,
    /// Label text.
    pub label: String,
    /// Accessible description: "OpenAI, AI lab, 12 relationships on 28 April 2026".
    pub description: String,
    /// Centre.
    pub pos: Vec2,
    /// Radius.
    pub radius: f64,
    /// Label box (None when unlabelled).
    pub label_rect: Option<Rect>,
    /// Fill.
    pub fill: &'static str,
    /// Emphasis.
    pub emphasis: Emphasis,
    /// Dragged by the reader.
    pub pinned: bool,
    /// Selected.
    pub selected: bool,
}

/// An edge to draw.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SceneEdge {
    /// Which relationship.
    #[serde(skip)]
    pub rel: RelIx,
    /// Its id.
    pub id: String,
    /// Source organisation id.
    pub from: String,
    /// Target organisation id.
    pub to: String,
    /// Kind.
    pub kind: RelationKind,
    /// Status of the phase in force.
    pub status: String,
    /// The curve.
    pub curve: Curve,
    /// Stroke colour.
    pub stroke: &'static str,
    /// Stroke width.
    pub width: f64,
    /// Dash pattern.
    pub dash: Option<&'static str>,
    /// Opacity before emphasis.
    pub opacity: f64,
    /// Draw an arrowhead at the target.
    pub arrow: bool,
    /// Emphasis.
    pub emphasis: Emphasis,
    /// Accessible description.
    pub description: String,
    /// Selected.
    pub selected: bool,
}

/// The network's display list.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkScene {
    /// Nodes, dataset order.
    pub nodes: Vec<SceneNode>,
    /// Visible edges (after filters), dataset order.
    pub edges: Vec<SceneEdge>,
    /// Box around everything, for the SVG viewBox.
    pub bounds: Rect,
}

/// The organisations and relationships linked to the focus: what to highlight.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Linked {
    /// Organisations to highlight.
    pub orgs: BTreeSet<OrgIx>,
    /// Relationships to highlight.
    pub rels: BTreeSet<RelIx>,
    /// Events to highlight.
    pub events: BTreeSet<EventIx>,
}

/// What a focus links to, given the relationships visible on the current date (`visible`):
/// an organisation → itself, its visible relationships, their other ends and its events;
/// a relationship → itself, its two ends, the events of all its phases;
/// an event → itself, its organisations, and every relationship whose phases cite it.
pub fn linked(ds: &Dataset, focus: Selection, visible: &[RelIx]) -> Linked {
    let mut l = Linked::default();
    match focus {
        Selection::Org(o) => {
            l.orgs.insert(o);
            for &r in visible {
                let rel = ds.rel(r);
                if rel.from == o || rel.to == o {
                    l.rels.insert(r);
                    l.orgs.insert(rel.from);
                    l.orgs.insert(rel.to);
                }
            }
            for (i, e) in ds.events.iter().enumerate() {
                if e.organisations.contains(&o) {
                    l.events.insert(EventIx(i as u32));
                }
            }
        }
        Selection::Rel(r) => {
            let rel = ds.rel(r);
            l.rels.insert(r);
            l.orgs.insert(rel.from);
            l.orgs.insert(rel.to);
            for p in &rel.phases {
                l.events.extend(p.events.iter().copied());
            }
        }
        Selection::Event(e) => {
            l.events.insert(e);
            l.orgs.extend(ds.event(e).organisations.iter().copied());
            for (i, rel) in ds.relationships.iter().enumerate() {
                if rel.phases.iter().any(|p| p.events.contains(&e)) {
                    l.rels.insert(RelIx(i as u32));
                }
            }
        }
    }
    l
}

fn emphasis(focused: bool, in_focus: bool) -> Emphasis {
    match (focused, in_focus) {
        (false, _) => Emphasis::Normal,
        (true, true) => Emphasis::Highlight,
        (true, false) => Emphasis::Dim,
    }
}

/// Builds the network scene. Node positions come from `positions` when given (an animation frame
/// or pinned nodes), else from the layout; edges are re-curved from the final positions.
/// O(n + m log m).
pub fn network_scene(
    ds: &Dataset,
    layout: &NetworkLayout,
    view: &ViewState,
    positions: Option<&[Vec2]>,
) -> NetworkScene {
    let mut pos: Vec<Vec2> = match positions {
        Some(p) if p.len() == layout.nodes.len() => p.to_vec(),
        _ => layout.nodes.iter().map(|n| n.pos).collect(),
    };
    for (i, n) in layout.nodes.iter().enumerate() {
        if let Some(p) = view.pins.get(&n.org) {
            pos[i] = *p;
        }
    }
    // Filters: relationship kind and organisation focus.
    let visible: Vec<usize> = layout
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let r = ds.rel(e.rel);
            view.shows_kind(r.kind) && view.focus_org.is_none_or(|o| r.from == o || r.to == o)
        })
        .map(|(i, _)| i)
        .collect();
    let visible_rels: Vec<RelIx> = visible.iter().map(|&i| layout.edges[i].rel).collect();
    let focus = view.focus();
    let link = focus.map(|f| linked(ds, f, &visible_rels)).unwrap_or_default();
    let focused = focus.is_some();

    let node_index = |o: OrgIx| layout.nodes.binary_search_by_key(&o, |n| n.org).ok();
    let radii: Vec<f64> = layout.nodes.iter().map(|n| n.radius).collect();
    let ends: Vec<(usize, usize)> = visible
        .iter()
        .filter_map(|&i| {
            let r = ds.rel(layout.edges[i].rel);
            Some((node_index(r.from)?, node_index(r.to)?))
        })
        .collect();
    let curves = edge_curves(&pos, &radii, &ends, 12.0);
    let date_words = layout.date.to_words();

    let edges: Vec<SceneEdge> = visible
        .iter()
        .zip(curves)
        .map(|(&i, curve)| {
            let e = &layout.edges[i];
            let r = ds.rel(e.rel);
            let p = &r.phases[e.phase];
            let (from, to) = (ds.org(r.from), ds.org(r.to));
            SceneEdge {
                rel: e.rel,
                id: r.id.clone(),
                from: from.id.clone(),
                to: to.id.clone(),
                kind: r.kind,
                status: p.status.clone(),
                curve,
                stroke: relation_colour(r.kind),
                width: edge_width(e.weight),
                dash: confidence_dash(p.confidence),
                opacity: state_opacity(p.state),
                arrow: r.directed,
                emphasis: emphasis(focused, link.rels.contains(&e.rel)),
                description: format!(
                    "{} → {}: {} ({}), {}, {}",
                    from.short_name,
                    to.short_name,
                    r.label,
                    r.kind.label().to_lowercase(),
                    p.status,
                    p.confidence.label().to_lowercase()
                ),
                selected: view.selection == Some(Selection::Rel(e.rel)),
            }
        })
        .collect();

    let mut bounds: Option<Rect> = None;
    let nodes: Vec<SceneNode> = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let o = ds.org(n.org);
            let shift = pos[i] - n.pos;
            let label_rect = n.label.map(|l| Rect { min: l.min + shift, max: l.max + shift });
            let mut b = Rect::centered(pos[i], 2.0 * n.radius, 2.0 * n.radius);
            if let Some(l) = label_rect {
                b = b.union(&l);
            }
            bounds = Some(bounds.map_or(b, |x| x.union(&b)));
            SceneNode {
                org: n.org,
                id: o.id.clone(),
                label: o.short_name.clone(),
                description: format!(
                    "{}, {}, {} relationship{} on {}",
                    o.name,
                    o.kind.label(),
                    n.degree,
                    if n.degree == 1 { "" } else { "s" },
                    date_words
                ),
                pos: pos[i],
                radius: n.radius,
                label_rect,
                fill: org_colour(o.kind),
                emphasis: emphasis(focused, link.orgs.contains(&n.org)),
                pinned: view.pins.contains_key(&n.org),
                selected: view.selection == Some(Selection::Org(n.org)),
            }
        })
        .collect();
    for e in &edges {
        let m = e.curve.at(0.5);
        let b = Rect::new(m.x, m.y, m.x, m.y);
        bounds = Some(bounds.map_or(b, |x| x.union(&b)));
    }
    NetworkScene { nodes, edges, bounds: bounds.unwrap_or(Rect::new(-100.0, -100.0, 100.0, 100.0)).inflate(16.0) }
}

/// Interpolated node positions between two layouts for an animation frame at t ∈ [0, 1]:
/// organisations in both move along a straight line; new ones appear at their target.
/// (Ease with [`ease_in_out`] before calling.)
pub fn tween_positions(from: &NetworkLayout, to: &NetworkLayout, t: f64) -> Vec<Vec2> {
    to.nodes.iter().map(|n| from.node(n.org).map_or(n.pos, |f| f.pos.lerp(n.pos, t))).collect()
}

/// Cubic ease-in-out.
pub fn ease_in_out(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// Colour of an event mark: its first kind's relationship colour; launches in neutral grey.
pub fn event_colour(kind: crate::model::EventKind) -> &'static str {
    use crate::model::EventKind as K;
    let rel = match kind {
        K::Investment => RelationKind::Investment,
        K::CloudCompute => RelationKind::CloudCompute,
        K::Licence => RelationKind::Licence,
        K::ProductIntegration => RelationKind::ProductIntegration,
        K::ProductLaunch => return "#57534e",
        K::Chips => RelationKind::Chips,
        K::Partnership => RelationKind::Partnership,
        K::RevenueShare => RelationKind::RevenueShare,
        K::Lawsuit => RelationKind::Lawsuit,
        K::Dispute => RelationKind::Dispute,
        K::Governance => RelationKind::Governance,
        K::Competition => RelationKind::Competition,
    };
    relation_colour(rel)
}

/// The relationship kind an event kind belongs to, for the kind filter (launches belong to none).
pub fn event_relation_kind(kind: crate::model::EventKind) -> Option<RelationKind> {
    RelationKind::parse(kind.as_str())
}
