//! The network scene: (dataset, layout, view state, animation) → a display list of plain data that
//! the renderer turns into SVG without any decisions of its own: filters, emphasis, encodings,
//! accessible descriptions, animated positions and what fades out while the date changes.

use crate::gesture::Target;
use crate::model::{Dataset, OrgIx, RelIx, RelationKind};
use crate::network::edges::{bend_around, edge_curves, parallel_curve, Curve, Obstacles, BEND_MAX_NODES};
use crate::network::temporal::drawing_bounds;
use crate::network::{NetworkLayout, Rect, Vec2};
use crate::view::{Camera, Selection, ViewState};

use super::change::{ChangeKind, ChangeView};
use super::encoding::{confidence_dash, edge_width, org_colour, relation_colour, state_opacity};
use super::linking::{linked, Emphasis, Linked};

/// From this zoom on, every pair's agreements are drawn as separate curves; below it, a pair with
/// several agreements is one line with a count badge (unless the pair is selected or pointed at).
pub const FAN_ZOOM: f64 = 1.8;
/// Colour of a bundled line whose agreements are of different kinds.
pub const MIXED_COLOUR: &str = "#4f5b66";

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
    /// Accessible description: "OpenAI, AI lab, 12 relationships in force on 28 April 2026".
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

/// A line to draw: one relationship, or (bundled) every agreement between two organisations.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SceneEdge {
    /// The first (or only) relationship.
    #[serde(skip)]
    pub rel: RelIx,
    /// Every relationship the line stands for (one unless bundled).
    #[serde(skip)]
    pub rels: Vec<RelIx>,
    /// The two organisations, lower index first.
    #[serde(skip)]
    pub pair: (OrgIx, OrgIx),
    /// The relationship's id; for a bundle, `pair:<a>,<b>`.
    pub id: String,
    /// The ids of every relationship the line stands for.
    pub rel_ids: Vec<String>,
    /// Where a bundle's count badge goes (None for a single relationship).
    pub badge: Option<Vec2>,
    /// How the line changed in the change on view, if it did.
    #[serde(skip)]
    pub change: Option<ChangeKind>,
    /// Something else changed: this line is drawn slightly dimmed.
    pub muted: bool,
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

/// A relationship that ended in the change on view, drawn as a fading ghost between its
/// organisations.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// The relationship.
    pub rel: RelIx,
    /// Its id.
    pub id: String,
    /// Where it is drawn.
    pub curve: Curve,
    /// Its colour.
    pub stroke: &'static str,
    /// Accessible name: "Amazon → OpenAI: … — ended on 27 April 2026".
    pub description: String,
}

/// The words on the graphic that name the change, and where they go.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// The headline of the event behind the change.
    pub text: String,
    /// The point it labels (the middle of the changed line).
    pub at: Vec2,
}

/// The network's display list.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkScene {
    /// Nodes, dataset order.
    pub nodes: Vec<SceneNode>,
    /// Visible edges (after filters), dataset order.
    pub edges: Vec<SceneEdge>,
    /// Relationships that ended in the change on view.
    pub ghosts: Vec<Ghost>,
    /// The change named on the graphic.
    pub annotation: Option<Annotation>,
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
/// node moved, when they are re-curved from the drawn positions.
///
/// Below [`FAN_ZOOM`] each pair of organisations is one line (bundled, with a count badge) unless
/// the pair or one of its agreements is selected; `change` (see [`super::change_view`]) marks what began,
/// changed or ended (ended ones as ghosts), mutes the rest slightly and names the change on the
/// graphic. O(n + m log m).
///
/// ```
/// use powershift_core::{model::Dataset, network::{LayoutConfig, TemporalLayout}, view::{ViewContext, ViewState}};
/// use powershift_core::scene::network_scene;
/// # let json = include_str!("../../tests/res/tiny.json");
/// let ds = Dataset::from_json_str(json).unwrap();
/// let ctx = ViewContext::of(&ds);
/// let view = ViewState::initial(&ctx);
/// let layout = TemporalLayout::new(&ds, LayoutConfig::default()).at(&ds, view.date);
/// let scene = network_scene(&ds, &layout, &view, None, None);
/// assert_eq!(scene.nodes.len(), layout.nodes.len());
/// ```
pub fn network_scene(
    ds: &Dataset,
    layout: &NetworkLayout,
    view: &ViewState,
    transition: Option<Transition<'_>>,
    change: Option<&ChangeView>,
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
        let labels: Vec<Option<Rect>> = layout.nodes.iter().zip(&pos).map(|(n, p)| label_at(n, *p)).collect();
        edge_curves(Obstacles { pos: &pos, radius: &radii, labels: &labels }, &ends, layout.parallel_spacing)
    } else {
        layout.edges.iter().map(|e| e.curve).collect()
    };
    let date_words = view.date_words();
    let pos_of =
        |o: OrgIx| layout.nodes.binary_search_by_key(&o, |n| n.org).ok().map(|i| (pos[i], layout.nodes[i].radius));
    let pair_of = |r: RelIx| {
        let rel = ds.rel(r);
        (rel.from.min(rel.to), rel.from.max(rel.to))
    };
    let changed_suffix = |r: RelIx| -> String {
        let Some(item) = change.and_then(|c| c.of(r)) else { return String::new() };
        let when = match change {
            Some(c) if c.compare => format!("since {}", c.from.to_words()),
            _ => format!("on {date_words}"),
        };
        match item.kind {
            ChangeKind::Changed { .. } => format!(" — changed {when}: now {}", ds.rel(r).phases[item.phase].status),
            k => format!(" — {} {when}", k.verb()),
        }
    };
    let touches = |sel: Option<Selection>, pair: (OrgIx, OrgIx), rels: &[RelIx]| match sel {
        Some(Selection::Pair(a, b)) => (a, b) == pair,
        Some(Selection::Rel(r)) => rels.contains(&r),
        _ => false,
    };

    // Group the visible edges by pair, in order of first appearance.
    let mut groups: Vec<((OrgIx, OrgIx), Vec<usize>)> = Vec::new();
    for &i in &visible {
        let key = pair_of(layout.edges[i].rel);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    let mut edges: Vec<SceneEdge> = Vec::new();
    for (pair, members) in &groups {
        let rels: Vec<RelIx> = members.iter().map(|&i| layout.edges[i].rel).collect();
        // Not on hover: a bundle that fanned out under the pointer (or the keyboard focus) would
        // move what the reader is pointing at.
        let fanned = members.len() == 1 || view.camera.k >= FAN_ZOOM || touches(view.selection, *pair, &rels);
        if fanned {
            for &i in members {
                let e = &layout.edges[i];
                let r = ds.rel(e.rel);
                let p = &r.phases[e.phase];
                let (from, to) = (ds.org(r.from), ds.org(r.to));
                let line_change = change.and_then(|c| c.of(e.rel)).map(|c| c.kind);
                edges.push(SceneEdge {
                    rel: e.rel,
                    rels: vec![e.rel],
                    pair: *pair,
                    id: r.id.clone(),
                    rel_ids: vec![r.id.clone()],
                    badge: None,
                    change: line_change,
                    muted: change.is_some_and(|c| !c.items.is_empty()) && line_change.is_none(),
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
                        "{} → {}: {}{}",
                        from.short_name,
                        to.short_name,
                        super::words::line_words(&r.label, r.kind, &p.status, p.confidence),
                        changed_suffix(e.rel)
                    ),
                    selected: view.selection == Some(Selection::Rel(e.rel)),
                });
            }
        } else {
            edges.push(bundle(ds, layout, view, *pair, members, &pos, change, &changed_suffix, focused, &link));
        }
    }

    let nodes: Vec<SceneNode> = layout
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let o = ds.org(n.org);
            SceneNode {
                org: n.org,
                id: o.id.clone(),
                label: o.short_name.clone(),
                description: format!(
                    "{}, {}, {}",
                    o.name,
                    o.kind.label(),
                    super::counts::in_force_on(n.degree as usize, &date_words)
                ),
                pos: pos[i],
                radius: n.radius,
                label_rect: label_at(n, pos[i]),
                fill: org_colour(o.kind),
                emphasis: Emphasis::of(focused, link.orgs.contains(&n.org)),
                pinned: view.pins.contains_key(&n.org),
                selected: view.selection == Some(Selection::Org(n.org)),
            }
        })
        .collect();

    let large = nodes.len() > LARGE_NODES || edges.len() > LARGE_EDGES;
    if large {
        // Muting every other line of a large graph restyles a thousand elements a date for little.
        edges.iter_mut().for_each(|e| e.muted = false);
    }
    let (exiting, exit_opacity) = match transition {
        Some(tr) if !large => (exiting(ds, tr.from, layout, view), (1.0 - tr.t) * 0.8),
        _ => (Vec::new(), 0.0),
    };
    let ghosts: Vec<Ghost> = change
        .map(|c| {
            c.items
                .iter()
                .filter(|i| i.kind == ChangeKind::Ended && view.shows_kind(ds.rel(i.rel).kind))
                .filter_map(|i| {
                    let r = ds.rel(i.rel);
                    let ((a, ra), (b, rb)) = (pos_of(r.from)?, pos_of(r.to)?);
                    Some(Ghost {
                        rel: i.rel,
                        id: r.id.clone(),
                        curve: parallel_curve(a, ra, b, rb, 0, 1, true, 0.0),
                        stroke: relation_colour(r.kind),
                        description: format!(
                            "{} → {}: {}{}",
                            ds.org(r.from).short_name,
                            ds.org(r.to).short_name,
                            super::words::label_with_kind(&r.label, r.kind),
                            changed_suffix(i.rel)
                        ),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let annotation = change.and_then(|c| annotation(ds, c, &edges, &ghosts));
    let mut arrow_kinds: Vec<RelationKind> = edges.iter().filter(|e| e.arrow).map(|e| e.kind).collect();
    crate::sort::sort(&mut arrow_kinds);
    arrow_kinds.dedup();
    let bounds = drawing_bounds(nodes.iter().map(|n| (n.pos, n.radius, n.label_rect)), edges.iter().map(|e| &e.curve))
        .unwrap_or(Rect::new(-100.0, -100.0, 100.0, 100.0))
        .inflate(16.0);
    NetworkScene { nodes, edges, ghosts, annotation, exiting, exit_opacity, arrow_kinds, large, bounds }
}

/// One line for every agreement between a pair: straight between the two discs, as wide as the
/// largest amount plus a little per agreement, in the kind's colour when all share one.
#[allow(clippy::too_many_arguments)]
fn bundle(
    ds: &Dataset,
    layout: &NetworkLayout,
    view: &ViewState,
    pair: (OrgIx, OrgIx),
    members: &[usize],
    positions: &[Vec2],
    change: Option<&ChangeView>,
    changed_suffix: &dyn Fn(RelIx) -> String,
    focused: bool,
    link: &Linked,
) -> SceneEdge {
    let radii: Vec<f64> = layout.nodes.iter().map(|n| n.radius).collect();
    let labels: Vec<Option<Rect>> = layout.nodes.iter().zip(positions).map(|(n, p)| label_at(n, *p)).collect();
    let index_of = |o: OrgIx| layout.nodes.binary_search_by_key(&o, |n| n.org).ok();
    let pos_of = |o: OrgIx| index_of(o).map(|i| (positions[i], radii[i]));
    let rels: Vec<RelIx> = members.iter().map(|&i| layout.edges[i].rel).collect();
    let (a, b) = (ds.org(pair.0), ds.org(pair.1));
    let ((pa, ra), (pb, rb)) = (pos_of(pair.0).unwrap_or_default(), pos_of(pair.1).unwrap_or_default());
    let curve = match (index_of(pair.0), index_of(pair.1)) {
        (Some(ia), Some(ib)) if positions.len() <= BEND_MAX_NODES => bend_around(
            parallel_curve(pa, ra, pb, rb, 0, 1, true, 0.0),
            (ia, ib),
            Obstacles { pos: positions, radius: &radii, labels: &labels },
            6.0,
        ),
        _ => parallel_curve(pa, ra, pb, rb, 0, 1, true, 0.0),
    };
    let kinds: Vec<RelationKind> = {
        let mut k: Vec<RelationKind> = rels.iter().map(|r| ds.rel(*r).kind).collect();
        crate::sort::sort(&mut k);
        k.dedup();
        k
    };
    let phases: Vec<&crate::model::Phase> =
        members.iter().map(|&i| &ds.rel(layout.edges[i].rel).phases[layout.edges[i].phase]).collect();
    let same_confidence = phases.windows(2).all(|w| w[0].confidence == w[1].confidence);
    let weight = members.iter().map(|&i| layout.edges[i].weight).fold(1.0, f64::max);
    let line_change = rels.iter().filter_map(|r| change.and_then(|c| c.of(*r)).map(|c| c.kind)).next();
    let suffixes: Vec<String> = rels.iter().map(|r| changed_suffix(*r)).filter(|s| !s.is_empty()).collect();
    let kinds_words: Vec<String> = kinds.iter().map(|k| crate::lower_case::to_lower(k.label())).collect();
    SceneEdge {
        rel: rels[0],
        rels: rels.clone(),
        pair,
        id: format!("pair:{},{}", a.id, b.id),
        rel_ids: rels.iter().map(|r| ds.rel(*r).id.clone()).collect(),
        badge: Some(curve.at(0.5)),
        change: line_change,
        muted: change.is_some_and(|c| !c.items.is_empty()) && line_change.is_none(),
        from: a.id.clone(),
        to: b.id.clone(),
        kind: kinds[0],
        status: super::counts::count(rels.len(), "relationship", "relationships"),
        curve,
        stroke: if kinds.len() == 1 { relation_colour(kinds[0]) } else { MIXED_COLOUR },
        width: (edge_width(weight) + 0.8 * (rels.len() as f64 - 1.0)).min(9.0),
        dash: if same_confidence { confidence_dash(phases[0].confidence) } else { None },
        opacity: phases.iter().map(|p| state_opacity(p.state)).fold(0.0, f64::max),
        arrow: false,
        emphasis: Emphasis::of(focused, rels.iter().any(|r| link.rels.contains(r))),
        description: format!(
            "{} – {}: {} ({}){}; select to list them",
            a.short_name,
            b.short_name,
            super::counts::count(rels.len(), "relationship", "relationships"),
            kinds_words.join(", "),
            if suffixes.is_empty() { String::new() } else { format!(";{}", suffixes.join(";")) }
        ),
        selected: view.selection == Some(Selection::Pair(pair.0, pair.1)),
    }
}

/// The headline of the change, placed at the middle of the first changed line of the first event.
fn annotation(ds: &Dataset, change: &ChangeView, edges: &[SceneEdge], ghosts: &[Ghost]) -> Option<Annotation> {
    let groups = change.groups();
    let heads = super::sentence::headlines(ds, change);
    for (k, (_, items)) in groups.iter().enumerate() {
        let at = items.iter().find_map(|item| {
            edges
                .iter()
                .find(|e| e.rels.contains(&item.rel))
                .map(|e| e.curve.at(0.5))
                .or_else(|| ghosts.iter().find(|g| g.rel == item.rel).map(|g| g.curve.at(0.5)))
        });
        if let Some(at) = at {
            let mut text = crate::timeline::truncate_label(&heads[k], 56);
            if groups.len() > 1 {
                text.push_str(&format!(" (+{} more)", groups.len() - 1));
            }
            return Some(Annotation { text, at });
        }
    }
    None
}

/// An annotation laid out to fit a view: wrapped into lines and moved inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedAnnotation {
    /// The lines, top first.
    pub lines: Vec<String>,
    /// Centre of the text block, horizontally.
    pub x: f64,
    /// Baseline of the first line.
    pub y: f64,
    /// A thin leader from under the text to the changed line.
    pub leader: (Vec2, Vec2),
}

impl Annotation {
    /// Room to leave at the top of a view for an annotation of up to two lines.
    pub fn headroom(font_px: f64) -> f64 {
        font_px * 3.2
    }

    /// The annotation wrapped to the width of `view` (world units; what the camera shows) at
    /// `font_px`, in at most three lines, set at the top of the view (where
    /// [`Annotation::headroom`] keeps room) above its point, with a leader down to the point.
    /// Widths are estimated (0.62 em a character, bold).
    pub fn fit(&self, view: Rect, font_px: f64) -> FittedAnnotation {
        let char_w = font_px * 0.62;
        let max_chars = ((view.width() * 0.92) / char_w).floor().max(8.0) as usize;
        let mut lines: Vec<String> = Vec::new();
        for word in self.text.split_whitespace() {
            match lines.last_mut() {
                Some(l) if l.chars().count() + 1 + word.chars().count() <= max_chars => {
                    l.push(' ');
                    l.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        if lines.len() > 3 {
            lines.truncate(3);
            let last = &mut lines[2];
            *last = crate::timeline::truncate_label(&format!("{last} …"), max_chars);
        }
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * char_w;
        let half = widest / 2.0 + font_px * 0.3;
        let x = if view.width() > 2.0 * half {
            self.at.x.min(view.max.x - half).max(view.min.x + half)
        } else {
            view.center().x
        };
        let block = lines.len() as f64 * font_px * 1.2;
        let y = view.min.y + font_px * 1.1;
        let foot = Vec2::new(x, y + block - font_px * 0.7);
        FittedAnnotation { lines, x, y, leader: (foot, self.at) }
    }
}

/// The line nearest to `p` (viewBox units) within `tolerance` (viewBox units) under `camera`: a
/// relationship, or a bundled pair. Ghosts are not targets. O(lines).
pub fn line_at(scene: &NetworkScene, camera: Camera, p: Vec2, tolerance: f64) -> Option<Target> {
    let world = camera.to_world(p);
    let tol = tolerance / camera.k;
    scene
        .edges
        .iter()
        .map(|e| (e, distance_to_curve(&e.curve, world)))
        .filter(|(_, d)| *d <= tol)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, _)| if e.rels.len() > 1 { Target::Pair(e.pair.0, e.pair.1) } else { Target::Rel(e.rel) })
}

/// Distance from `p` to a curve (see [`Curve::distance_to`]).
pub fn distance_to_curve(c: &Curve, p: Vec2) -> f64 {
    c.distance_to(p)
}

/// The step in which a date's frame grows and moves, as a fraction of the story's box (its larger
/// side). Each date's relaxation moves the drawing's edges by fractions of a unit, which re-framed
/// the view on almost every date by an invisible amount (0.01 %) — and a new `viewBox` makes the
/// browser lay out and paint the whole drawing again, ~12 ms of a scrubber step on a phone (4× CPU).
/// In whole steps, the frame changes only when the drawing really grows, shrinks or moves.
pub const FRAME_STEP: f64 = 0.02;

/// The frame of a date whose drawing (with its margins) is `content`, in a story whose box is
/// `story`: [`frame`] of the content grown out to whole [`FRAME_STEP`]s of the story's box, within
/// the story's box grown to hold it (a headline above the drawing may reach past the box). Dates
/// whose drawings differ by less than a step mostly share a frame. O(1).
///
/// ```
/// use powershift_core::network::Rect;
/// use powershift_core::scene::network::date_frame;
/// let story = Rect::new(-300.0, -300.0, 300.0, 300.0);
/// let a = date_frame(Rect::new(-101.0, -99.0, 99.0, 101.0), story, 0.3);
/// let b = date_frame(Rect::new(-100.6, -99.3, 99.2, 100.8), story, 0.3);
/// assert_eq!(a, b);
/// assert!(a.min.x <= -101.0 && a.max.y >= 101.0);
/// ```
pub fn date_frame(content: Rect, story: Rect, min_fraction: f64) -> Rect {
    let content = content.snapped_out(story.width().max(story.height()) * FRAME_STEP);
    frame(content, story.union(&content), min_fraction)
}

/// The part of the story's drawing to show for a date: the date's own drawing (`content`), grown to
/// at least `min_fraction` of the story's box and to the story's aspect ratio, kept inside it, so a
/// date with five organisations fills the view instead of sitting small in the middle while the
/// positions stay where the stable layout put them. O(1).
///
/// ```
/// use powershift_core::network::Rect;
/// use powershift_core::scene::network::frame;
/// let story = Rect::new(0.0, 0.0, 400.0, 200.0);
/// let f = frame(Rect::new(10.0, 10.0, 50.0, 50.0), story, 0.5);
/// assert_eq!((f.width(), f.height()), (200.0, 100.0));
/// assert_eq!(f.min.x, 0.0, "kept inside the story's box");
/// assert_eq!(frame(story, story, 0.5), story);
/// ```
pub fn frame(content: Rect, story: Rect, min_fraction: f64) -> Rect {
    let aspect = story.width() / story.height().max(1e-9);
    let mut w = content.width().max(story.width() * min_fraction).min(story.width());
    let mut h = content.height().max(story.height() * min_fraction).min(story.height());
    if w / h < aspect {
        w = (h * aspect).min(story.width());
    } else {
        h = (w / aspect).min(story.height());
    }
    let c = content.center();
    // `min` then `max` (not `clamp`, which panics when rounding makes the range empty).
    let x0 = (c.x - w / 2.0).min(story.max.x - w).max(story.min.x);
    let y0 = (c.y - h / 2.0).min(story.max.y - h).max(story.min.y);
    Rect::new(x0, y0, x0 + w, y0 + h)
}

/// A node's label box when the node is drawn at `p` (pinned or animated): the layout's box moved along.
fn label_at(n: &crate::network::NodeLayout, p: Vec2) -> Option<Rect> {
    let shift = p - n.pos;
    n.label.map(|l| Rect { min: l.min + shift, max: l.max + shift })
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
