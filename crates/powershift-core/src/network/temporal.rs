//! The temporal layout: a stable, reproducible picture of the network on any date.
//!
//! **Method: foresighted global layout + anchored per-date relaxation.**
//! 1. A global layout is computed once over the *union* of all dates (every organisation, every
//!    relationship that ever exists), in the spirit of foresighted layout (Diehl, Görg & Kerren,
//!    "Preserving the mental map using foresighted layout", EuroVis 2001).
//! 2. The layout for a date starts every present organisation at its global position and relaxes
//!    only the organisations and relationships of that date, with a spring anchoring each node to
//!    its global position — the "anchoring" strategy for offline dynamic graph drawing compared by
//!    Brandes & Mader ("A quantitative comparison of stress-minimization approaches for offline
//!    dynamic graph drawing", Graph Drawing 2011).
//!
//! Consequences, by construction: the layout for a date depends only on (dataset, date, config),
//! never on the dates viewed before (path independence); a fixed seed and fixed tick counts make it
//! reproducible bit for bit, natively and in WebAssembly (pure-Rust `libm`, no hash iteration);
//! organisations that do not exist yet are not simulated and take no space; nearby dates share
//! most of their graph and their anchors, so nodes move little (measured by [`stability`]).
//!
//! Cost: global layout O(T_g · n log n), once; each date O(T_r · n log n) for the relaxation plus
//! the label placement (see [`super::labels`]).

use std::collections::BTreeMap;

use super::edges::{edge_curves, Curve, Obstacles};
use super::forces::{Collide, Link, LinkSpec, ManyBody, Position};
use super::labels::{count_overlaps, place_labels, LabelInput, LabelSide, Overlaps};
use super::simulation::Simulation;
use super::vec2::{Rect, Vec2};
use super::weights::{money_weight, phase_amount_usd};
use crate::date::Date;
use crate::model::{Dataset, OrgIx, RelIx};

/// Tunable parameters. The defaults are what the app uses; change them and every picture changes.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutConfig {
    /// Seed for the simulations (a `u32`, identical on every target).
    pub seed: u32,
    /// Rest length of links.
    pub link_distance: f64,
    /// Many-body strength per node (negative repels).
    pub charge: f64,
    /// Pull towards the global position during a date's relaxation.
    pub anchor_strength: f64,
    /// Ticks of the global layout.
    pub global_ticks: usize,
    /// Ticks of each date's relaxation.
    pub relax_ticks: usize,
    /// Starting temperature of each date's relaxation (lower = closer to the global layout).
    pub relax_alpha: f64,
    /// Label font size in layout units (≈ CSS px).
    pub font_px: f64,
    /// Average character width as a fraction of the font size (an estimate; labels are short names).
    pub char_width_em: f64,
    /// Gap between parallel edges at their middle.
    pub parallel_spacing: f64,
    /// Rounds of the label placer's push step.
    pub label_rounds: usize,
    /// Above this many nodes, only the largest this many get labels (keeps placement fast).
    pub max_labels: usize,
    /// Above this many present nodes, a date's relaxation gets proportionally fewer ticks (at least
    /// 20), so a date change stays within a frame budget on large graphs; the anchors keep the
    /// picture close to the global layout either way. Still a pure function of (dataset, date).
    pub relax_budget_nodes: usize,
    /// Above this many present nodes there is no per-date relaxation at all: organisations keep
    /// their global positions (maximal stability), and a date change only adds and removes marks,
    /// which is what keeps the page fast on very large graphs (see BENCHMARKS.md).
    pub frozen_above_nodes: usize,
}

impl LayoutConfig {
    /// The page's parameters for a narrow (`compact`, a phone's) or a wide screen: on narrow screens
    /// labels are laid out larger and links longer, because the whole network is drawn at about
    /// half size there. Each is deterministic; the page, its build-time layouts and the tools
    /// module's exports all take them from here.
    pub fn for_screen(compact: bool) -> LayoutConfig {
        let base = LayoutConfig::default();
        if compact {
            LayoutConfig { font_px: 21.0, link_distance: 140.0, ..base }
        } else {
            base
        }
    }

    /// Relaxation ticks for a date with `n` organisations present.
    pub fn relax_ticks_for(&self, n: usize) -> usize {
        if n > self.frozen_above_nodes {
            0
        } else if n <= self.relax_budget_nodes {
            self.relax_ticks
        } else {
            (self.relax_ticks * self.relax_budget_nodes / n).max(20).min(self.relax_ticks)
        }
    }
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig {
            seed: 0x5eed_2026,
            link_distance: 110.0,
            charge: -420.0,
            anchor_strength: 0.6,
            global_ticks: 400,
            relax_ticks: 80,
            relax_alpha: 0.3,
            font_px: 13.0,
            char_width_em: 0.62,
            parallel_spacing: 12.0,
            label_rounds: 80,
            max_labels: 150,
            relax_budget_nodes: 200,
            frozen_above_nodes: 500,
        }
    }
}

/// A node's radius from its number of relationships in force: 7 + 3·√degree. Documented in the
/// legend: bigger discs are more connected on that date.
pub fn node_radius(degree: u32) -> f64 {
    7.0 + 3.0 * f64::from(degree).sqrt()
}

/// Estimated label box (width, height) for a text.
pub fn label_size(text: &str, cfg: &LayoutConfig) -> (f64, f64) {
    let chars = text.chars().count() as f64;
    (chars * cfg.font_px * cfg.char_width_em + 6.0, cfg.font_px * 1.35)
}

/// A laid-out organisation.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NodeLayout {
    /// Which organisation (index into the dataset).
    #[serde(skip)]
    pub org: OrgIx,
    /// Centre.
    pub pos: Vec2,
    /// Disc radius.
    pub radius: f64,
    /// Relationships in force.
    pub degree: u32,
    /// Label box, if labelled.
    pub label: Option<Rect>,
    /// Where the label sits.
    pub label_side: LabelSide,
}

/// A laid-out relationship.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EdgeLayout {
    /// Which relationship.
    #[serde(skip)]
    pub rel: RelIx,
    /// The phase in force.
    pub phase: usize,
    /// Its curve.
    pub curve: Curve,
    /// Money weight (1 = no amount known), for stroke width.
    pub weight: f64,
}

/// The network on one date, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLayout {
    /// The date.
    pub date: Date,
    /// Present organisations, in dataset order.
    pub nodes: Vec<NodeLayout>,
    /// Relationships in force, in dataset order.
    pub edges: Vec<EdgeLayout>,
    /// Box around every disc and label.
    pub bounds: Rect,
    /// Label overlaps left (target: none).
    pub overlaps: Overlaps,
    /// The gap between parallel curves it was drawn with, so moved nodes are re-curved alike.
    pub parallel_spacing: f64,
}

impl NetworkLayout {
    /// The layout of an organisation, if present. O(log n).
    pub fn node(&self, org: OrgIx) -> Option<&NodeLayout> {
        self.nodes.binary_search_by_key(&org, |n| n.org).ok().map(|i| &self.nodes[i])
    }

    /// The diagonal of the box around the node centres (0 for fewer than two nodes).
    pub fn diameter(&self) -> f64 {
        if self.nodes.len() < 2 {
            return 0.0;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for n in &self.nodes {
            x0 = x0.min(n.pos.x);
            y0 = y0.min(n.pos.y);
            x1 = x1.max(n.pos.x);
            y1 = y1.max(n.pos.y);
        }
        Vec2::new(x1 - x0, y1 - y0).length()
    }
}

/// The box around what a network drawing shows: every disc (centre, radius) with its label box, and
/// the middle of every curve (a fanned curve bulges out of the discs' box). The layout and the scene
/// (whose nodes may be pinned or animated) both measure with this. `None` when there is nothing. O(n + m).
pub fn drawing_bounds<'a>(
    discs: impl IntoIterator<Item = (Vec2, f64, Option<Rect>)>,
    curves: impl IntoIterator<Item = &'a Curve>,
) -> Option<Rect> {
    let discs = discs.into_iter().map(|(c, r, label)| {
        let disc = Rect::centered(c, 2.0 * r, 2.0 * r);
        label.map_or(disc, |l| disc.union(&l))
    });
    let mids = curves.into_iter().map(|c| {
        let m = c.at(0.5);
        Rect::new(m.x, m.y, m.x, m.y)
    });
    Rect::union_all(discs.chain(mids))
}

/// Stability between two layouts: the mean displacement of the organisations present in both,
/// divided by the larger layout's diameter. 0 = nothing moved; `None` when no organisation is in both.
pub fn stability(a: &NetworkLayout, b: &NetworkLayout) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0usize);
    for na in &a.nodes {
        if let Some(nb) = b.node(na.org) {
            sum += na.pos.distance(nb.pos);
            n += 1;
        }
    }
    let d = a.diameter().max(b.diameter());
    (n > 0 && d > 0.0).then(|| sum / n as f64 / d)
}

/// One line of `powershift layout-report`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LayoutReport {
    /// The change date.
    pub date: Date,
    /// Organisations present.
    pub nodes: usize,
    /// Relationships in force.
    pub edges: usize,
    /// Stability against the previous change date (None for the first).
    pub stability: Option<f64>,
    /// Label overlaps.
    pub overlaps: Overlaps,
}

/// The global layout plus what is needed to lay out any date.
#[derive(Clone, Debug)]
pub struct TemporalLayout {
    /// The parameters.
    pub config: LayoutConfig,
    /// Global position of every organisation (dataset order).
    pub global: Vec<Vec2>,
}

impl TemporalLayout {
    /// The global layout: positions for every organisation over the union of all dates.
    ///
    /// One force simulation (many-body, one link per pair that is ever related with strength from
    /// its largest amount, collision by disc and label, a weak pull to the centre) runs for
    /// `config.global_ticks` ticks from a phyllotaxis start with `config.seed`.
    ///
    /// # Arguments
    /// - `ds`: the dataset; `config`: the simulation's parameters (see [`LayoutConfig`]).
    ///
    /// # Returns
    /// The global positions, used by [`TemporalLayout::at`] as start and anchors.
    ///
    /// # Complexity
    /// O(T_g · (n log n + m)) time for n organisations, m related pairs and T_g ticks (Barnes–Hut
    /// many-body); O(n + m) space.
    ///
    /// # Examples
    /// ```
    /// use powershift_core::{model::Dataset, network::{LayoutConfig, TemporalLayout}};
    /// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
    /// let a = TemporalLayout::new(&ds, LayoutConfig::default());
    /// let b = TemporalLayout::new(&ds, LayoutConfig::default());
    /// assert_eq!(a.global, b.global, "deterministic");
    /// assert_eq!(a.global.len(), ds.organisations.len());
    /// ```
    ///
    /// # Reference
    /// Diehl, Görg & Kerren, "Preserving the mental map using foresighted layout", EuroVis 2001.
    pub fn new(ds: &Dataset, config: LayoutConfig) -> TemporalLayout {
        // The same simulation a page runs a slice at a time for big stories.
        super::GlobalLayoutJob::new(ds, config).finish()
    }

    /// The layout on a date: present organisations start at their global positions and relax under
    /// that date's relationships, anchored to the global layout; then labels are placed so none
    /// overlaps another label or disc, and parallel agreements are fanned into separate curves.
    ///
    /// # Arguments
    /// - `ds`: the dataset this layout was computed for; `date`: any day.
    ///
    /// # Returns
    /// A [`NetworkLayout`]: nodes (position, radius, label box) and edges (curve, money weight) in
    /// dataset order, their bounds and the label overlaps left (none for the shipped story).
    ///
    /// # Complexity
    /// O(T_r · (n log n + m)) for the relaxation of the n present organisations and m relationships
    /// in force (T_r from [`LayoutConfig::relax_ticks_for`]), plus the label placement's
    /// O(rounds · n²) and O(m log m) for the curves. Depends only on `(ds, date, config)`.
    ///
    /// # Examples
    /// ```
    /// use powershift_core::{date::Date, model::Dataset, network::{LayoutConfig, TemporalLayout}};
    /// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
    /// let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    /// let d = Date::from_ymd(2019, 8, 1).unwrap();
    /// let on = layout.at(&ds, d);
    /// assert_eq!(on.nodes.len(), ds.network_at(d).nodes.len());
    /// assert_eq!(on, layout.at(&ds, d));
    /// ```
    ///
    /// # Reference
    /// Brandes & Mader, "A quantitative comparison of stress-minimization approaches for offline
    /// dynamic graph drawing", Graph Drawing 2011 (the anchoring strategy).
    pub fn at(&self, ds: &Dataset, date: Date) -> NetworkLayout {
        self.at_relaxed(ds, date, None)
    }

    /// The positions of the date's organisations after the relaxation, in the order of
    /// `ds.network_at(date)`: the costly part of [`TemporalLayout::at`] (about three quarters of
    /// it), which the build records for the first date a page shows (`powershift site`).
    pub fn relaxed(&self, ds: &Dataset, date: Date) -> Vec<Vec2> {
        let date_net = DateNet::of(ds, date);
        self.relax(ds, &date_net)
    }

    /// [`TemporalLayout::at`], with the relaxed positions given when they are known
    /// ([`TemporalLayout::relaxed`] of this layout, dataset and date: the result is then identical);
    /// `None`, or positions of another count, are relaxed here.
    pub fn at_relaxed(&self, ds: &Dataset, date: Date, relaxed: Option<&[Vec2]>) -> NetworkLayout {
        self.of_network(ds, ds.network_at(date), relaxed)
    }

    /// [`TemporalLayout::at_relaxed`] for a network already taken from the dataset
    /// (`ds.network_at(date)`; the layout's date is the network's). The layout depends on the
    /// network's organisations and relationships in force only, not on its date: this is what lets
    /// [`super::LayoutMemo`] reuse one layout for every date with the same network.
    pub fn of_network(&self, ds: &Dataset, net: crate::model::Network, relaxed: Option<&[Vec2]>) -> NetworkLayout {
        let cfg = &self.config;
        let date = net.date;
        let d = DateNet::from_network(ds, net);
        let (net, present, local, degrees, weights) = (&d.net, &d.present, &d.local, &d.degrees, &d.weights);
        let mut pos = match relaxed {
            Some(p) if p.len() == present.len() => p.to_vec(),
            _ => self.relax(ds, &d),
        };

        // Labels: the most connected first; beyond max_labels only the largest are labelled.
        let mut order: Vec<usize> = (0..present.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| degrees[b].cmp(&degrees[a]).then(a.cmp(&b)));
        order.truncate(cfg.max_labels);
        let inputs: Vec<LabelInput> = present
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let (w, h) = label_size(&ds.org(*o).short_name, cfg);
                LabelInput { pos: pos[i], radius: node_radius(degrees[i]), width: w, height: h }
            })
            .collect();
        // The placer works on the labelled nodes in importance order: entry k is node labelled[k].
        let labelled: Vec<usize> = order;
        let sub_inputs: Vec<LabelInput> = labelled.iter().map(|&i| inputs[i]).collect();
        let sub_order: Vec<usize> = (0..labelled.len()).collect();
        let (moved, sides, rects) = place_labels(&sub_inputs, &sub_order, cfg.label_rounds);
        let mut label: Vec<Option<Rect>> = vec![None; present.len()];
        let mut side = vec![LabelSide::Right; present.len()];
        for (k, &i) in labelled.iter().enumerate() {
            pos[i] = moved[k];
            label[i] = Some(rects[k]);
            side[i] = sides[k];
        }
        let placed_inputs: Vec<LabelInput> =
            labelled.iter().enumerate().map(|(k, &i)| LabelInput { pos: moved[k], ..inputs[i] }).collect();
        let overlaps = count_overlaps(&placed_inputs, &rects);

        let nodes: Vec<NodeLayout> = present
            .iter()
            .enumerate()
            .map(|(i, o)| NodeLayout {
                org: *o,
                pos: pos[i],
                radius: node_radius(degrees[i]),
                degree: degrees[i],
                label: label[i],
                label_side: side[i],
            })
            .collect();

        // Parallel agreements between one pair are fanned, in dataset order.
        let ends: Vec<(usize, usize)> =
            net.edges.iter().map(|e| (local[&e.from] as usize, local[&e.to] as usize)).collect();
        let radii: Vec<f64> = nodes.iter().map(|n| n.radius).collect();
        let curves = edge_curves(Obstacles { pos: &pos, radius: &radii, labels: &label }, &ends, cfg.parallel_spacing);
        let edges: Vec<EdgeLayout> = net
            .edges
            .iter()
            .zip(weights)
            .zip(curves)
            .map(|((e, w), curve)| EdgeLayout { rel: e.rel, phase: e.phase, curve, weight: *w })
            .collect();

        let bounds = drawing_bounds(nodes.iter().map(|n| (n.pos, n.radius, n.label)), edges.iter().map(|e| &e.curve))
            .unwrap_or_default();
        NetworkLayout { date, nodes, edges, bounds, overlaps, parallel_spacing: cfg.parallel_spacing }
    }

    /// The date's relaxation: from the global positions, anchored to them, under the shared forces.
    fn relax(&self, ds: &Dataset, d: &DateNet) -> Vec<Vec2> {
        let cfg = &self.config;
        let start: Vec<Option<Vec2>> = d.present.iter().map(|o| Some(self.global[o.ix()])).collect();
        // One link per related pair, as strong as its heaviest agreement.
        let mut pairs: BTreeMap<(u32, u32), f64> = BTreeMap::new();
        for (e, w) in d.net.edges.iter().zip(&d.weights) {
            let (a, b) = (d.local[&e.from], d.local[&e.to]);
            let v = pairs.entry((a.min(b), a.max(b))).or_insert(0.0);
            *v = v.max(*w);
        }
        let radii: Vec<f64> =
            d.present.iter().zip(&d.degrees).map(|(o, deg)| collide_radius(ds, *o, *deg, cfg)).collect();
        let anchors: Vec<Vec2> = d.present.iter().map(|o| self.global[o.ix()]).collect();

        let mut sim = Simulation::with_positions(&start, cfg.seed);
        add_shared_forces(&mut sim, cfg, &pairs, radii);
        sim.add_force(Position::anchors(anchors, vec![cfg.anchor_strength; d.present.len()]));
        sim.alpha = cfg.relax_alpha;
        let ticks = cfg.relax_ticks_for(d.present.len());
        if ticks > 0 {
            sim.alpha_decay = 1.0 - libm::pow(sim.alpha_min / cfg.relax_alpha, 1.0 / ticks as f64);
            sim.run(ticks);
        }
        sim.positions()
    }

    /// For every change date: nodes, edges, stability against the previous change date, overlaps.
    pub fn report(&self, ds: &Dataset) -> Vec<LayoutReport> {
        let mut out = Vec::new();
        let mut prev: Option<NetworkLayout> = None;
        for d in ds.change_dates() {
            let l = self.at(ds, d);
            out.push(LayoutReport {
                date: d,
                nodes: l.nodes.len(),
                edges: l.edges.len(),
                stability: prev.as_ref().and_then(|p| stability(p, &l)),
                overlaps: l.overlaps,
            });
            prev = Some(l);
        }
        out
    }
}

/// The forces the global layout and every date share, in this order: many-body repulsion, one link
/// spring per related pair (strength from the money weight, log scale), collision.
pub(super) fn add_shared_forces(
    sim: &mut Simulation,
    cfg: &LayoutConfig,
    pairs: &BTreeMap<(u32, u32), f64>,
    radii: Vec<f64>,
) {
    let links: Vec<LinkSpec> = pairs
        .iter()
        .map(|(&(a, b), &w)| LinkSpec {
            source: a,
            target: b,
            distance: Some(cfg.link_distance),
            strength: Some((0.12 * w).min(0.6)),
        })
        .collect();
    sim.add_force(ManyBody::new(cfg.charge).distance_range(1.0, 2000.0));
    sim.add_force(Link::new(links));
    sim.add_force(Collide::new(radii));
}

/// Collision radius: the disc or half the label, whichever is wider, plus a margin.
pub(super) fn collide_radius(ds: &Dataset, org: OrgIx, degree: u32, cfg: &LayoutConfig) -> f64 {
    let (w, _) = label_size(&ds.org(org).short_name, cfg);
    node_radius(degree).max(w / 2.0) + 6.0
}

/// What a date's layout starts from: the network in force, its organisations (and their index in
/// it), their degrees and the money weight of each edge.
struct DateNet {
    net: crate::model::Network,
    present: Vec<OrgIx>,
    local: BTreeMap<OrgIx, u32>,
    degrees: Vec<u32>,
    weights: Vec<f64>,
}

impl DateNet {
    fn of(ds: &Dataset, date: Date) -> DateNet {
        DateNet::from_network(ds, ds.network_at(date))
    }

    fn from_network(ds: &Dataset, net: crate::model::Network) -> DateNet {
        let present: Vec<OrgIx> = net.nodes.iter().map(|n| n.org).collect();
        let local = crate::sort::map_of(present.iter().enumerate().map(|(i, o)| (*o, i as u32)));
        let degrees = net.nodes.iter().map(|n| n.degree).collect();
        let weights = net.edges.iter().map(|e| money_weight(phase_amount_usd(ds, e.rel, e.phase))).collect();
        DateNet { net, present, local, degrees, weights }
    }
}
