//! The network scene: (dataset, layout, view state, animation) → a display list of plain data that
//! the renderer turns into SVG without any decisions of its own: filters, emphasis, encodings,
//! accessible descriptions, animated positions and what fades out while the date changes.

use crate::model::{Dataset, OrgIx, RelIx, RelationKind};
use crate::network::edges::{edge_curves, Curve};
use crate::network::temporal::drawing_bounds;
use crate::network::{NetworkLayout, Rect, Vec2};
use crate::view::{Selection, ViewState};

use super::encoding::{confidence_dash, edge_width, org_colour, relation_colour, state_opacity};
use super::linking::{linked, Emphasis, Linked};

/// Above this many nodes or edges the renderer drops per-edge hit paths, tooltips and fade-outs,
/// which would double the DOM and the browser's style work on every date change (BENCHMARKS.md).
pub const LARGE_NODES: usize = 300;
/// See [`LARGE_NODES`].
pub const LARGE_EDGES: usize = 600;

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

/// Something the previous date had and this one does not, fading out while the date animates.
#[derive(Clone, Debug, PartialEq)]
pub enum Exiting {
    /// A relationship no longer in force, drawn where it was.
    Edge {
        /// Which relationship.
        rel: RelIx,
        /// Where it was.
        curve: Curve,
        /// Its colour.
        stroke: &'static str,
    },
    /// An organisation no longer present.
    Node {
        /// Which organisation.
        org: OrgIx,
        /// Where it was.
        pos: Vec2,
        /// Its radius.
        radius: f64,
        /// Its colour.
        fill: &'static str,
    },
}

/// The network's display list.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkScene {
    /// Nodes, dataset order.
    pub nodes: Vec<SceneNode>,
    /// Visible edges (after filters), dataset order.
    pub edges: Vec<SceneEdge>,
    /// What fades out during a date animation (empty otherwise, and for large graphs).
    pub exiting: Vec<Exiting>,
    /// Opacity of [`NetworkScene::exiting`] items.
    pub exit_opacity: f64,
    /// Relationship kinds that need an arrowhead marker, sorted.
    pub arrow_kinds: Vec<RelationKind>,
    /// Too big for per-edge hit areas and tooltips (see [`LARGE_NODES`]).
    pub large: bool,
    /// Box around everything drawn.
    pub bounds: Rect,
}

/// A date change in progress: the layout being left and the eased progress t ∈ [0, 1].
#[derive(Clone, Copy, Debug)]
pub struct Transition<'a> {
    /// The previous date's layout.
    pub from: &'a NetworkLayout,
    /// Eased progress; 1 = the new date exactly.
    pub t: f64,
}

/// Builds the network scene. Positions are the layout's, interpolated from `transition.from` while a
/// date change animates, and replaced by the reader's pins; edges keep the layout's curves unless a
/// node moved, when they are re-curved from the drawn positions. O(n + m log m).
///
/// ```
/// use powershift_core::{model::Dataset, network::{LayoutConfig, TemporalLayout}, view::{ViewContext, ViewState}};
/// use powershift_core::scene::network_scene;
/// # let json = include_str!("../../tests/res/tiny.json");
/// let ds = Dataset::from_json_str(json).unwrap();
/// let ctx = ViewContext::of(&ds);
/// let view = ViewState::initial(&ctx);
/// let layout = TemporalLayout::new(&ds, LayoutConfig::default()).at(&ds, view.date);
/// let scene = network_scene(&ds, &layout, &view, None);
/// assert_eq!(scene.nodes.len(), layout.nodes.len());
/// ```
pub fn network_scene(
    ds: &Dataset,
    layout: &NetworkLayout,
    view: &ViewState,
    transition: Option<Transition<'_>>,
) -> NetworkScene {
    let transition = transition.filter(|tr| tr.t < 1.0);
    let mut pos: Vec<Vec2> = match transition {
        Some(tr) => tween_positions(tr.from, layout, tr.t),
        None => layout.nodes.iter().map(|n| n.pos).collect(),
    };
    for (i, n) in layout.nodes.iter().enumerate() {
        if let Some(p) = view.pins.get(&n.org) {
            pos[i] = *p;
        }
    }
    let moved = pos.iter().zip(&layout.nodes).any(|(p, n)| *p != n.pos);

    // Filters: relationship kind and organisation focus.
    let visible: Vec<usize> = (0..layout.edges.len())
        .filter(|&i| {
            let r = ds.rel(layout.edges[i].rel);
            view.shows_kind(r.kind) && view.focus_org.is_none_or(|o| r.from == o || r.to == o)
        })
        .collect();
    let visible_rels: Vec<RelIx> = visible.iter().map(|&i| layout.edges[i].rel).collect();
    let focus = view.focus();
    let link: Linked = focus.map(|f| linked(ds, f, &visible_rels)).unwrap_or_default();
    let focused = focus.is_some();

    // The layout's curves, or (after a move) the same fan recomputed from the drawn positions.
    let curves: Vec<Curve> = if moved {
        let node_index = |o: OrgIx| layout.nodes.binary_search_by_key(&o, |n| n.org).ok();
        let radii: Vec<f64> = layout.nodes.iter().map(|n| n.radius).collect();
        let ends: Vec<(usize, usize)> = layout
            .edges
            .iter()
            .map(|e| {
                let r = ds.rel(e.rel);
                (node_index(r.from).unwrap_or(0), node_index(r.to).unwrap_or(0))
            })
            .collect();
        edge_curves(&pos, &radii, &ends, layout.parallel_spacing)
    } else {
        layout.edges.iter().map(|e| e.curve).collect()
    };
    let date_words = layout.date.to_words();

    let edges: Vec<SceneEdge> = visible
        .iter()
        .map(|&i| {
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
                curve: curves[i],
                stroke: relation_colour(r.kind),
                width: edge_width(e.weight),
                dash: confidence_dash(p.confidence),
                opacity: state_opacity(p.state),
                arrow: r.directed,
                emphasis: Emphasis::of(focused, link.rels.contains(&e.rel)),
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

    let nodes: Vec<SceneNode> = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let o = ds.org(n.org);
            let shift = pos[i] - n.pos;
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
                label_rect: n.label.map(|l| Rect { min: l.min + shift, max: l.max + shift }),
                fill: org_colour(o.kind),
                emphasis: Emphasis::of(focused, link.orgs.contains(&n.org)),
                pinned: view.pins.contains_key(&n.org),
                selected: view.selection == Some(Selection::Org(n.org)),
            }
        })
        .collect();

    let large = nodes.len() > LARGE_NODES || edges.len() > LARGE_EDGES;
    let (exiting, exit_opacity) = match transition {
        Some(tr) if !large => (exiting(ds, tr.from, layout, view), (1.0 - tr.t) * 0.8),
        _ => (Vec::new(), 0.0),
    };
    let mut arrow_kinds: Vec<RelationKind> = edges.iter().filter(|e| e.arrow).map(|e| e.kind).collect();
    arrow_kinds.sort();
    arrow_kinds.dedup();
    let bounds = drawing_bounds(nodes.iter().map(|n| (n.pos, n.radius, n.label_rect)), edges.iter().map(|e| &e.curve))
        .unwrap_or(Rect::new(-100.0, -100.0, 100.0, 100.0))
        .inflate(16.0);
    NetworkScene { nodes, edges, exiting, exit_opacity, arrow_kinds, large, bounds }
}

/// What `from` has and `to` does not (relationships still passing the kind filter, organisations),
/// where `from` drew them.
fn exiting(ds: &Dataset, from: &NetworkLayout, to: &NetworkLayout, view: &ViewState) -> Vec<Exiting> {
    let gone_edges = from
        .edges
        .iter()
        .filter(|e| !to.edges.iter().any(|n| n.rel == e.rel) && view.shows_kind(ds.rel(e.rel).kind))
        .map(|e| Exiting::Edge { rel: e.rel, curve: e.curve, stroke: relation_colour(ds.rel(e.rel).kind) });
    let gone_nodes = from.nodes.iter().filter(|n| to.node(n.org).is_none()).map(|n| Exiting::Node {
        org: n.org,
        pos: n.pos,
        radius: n.radius,
        fill: org_colour(ds.org(n.org).kind),
    });
    gone_edges.chain(gone_nodes).collect()
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
