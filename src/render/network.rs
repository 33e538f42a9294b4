//! The network scene as SVG markup. No state and no decisions: every position, colour, emphasis and
//! description comes from [`NetworkScene`]; the component passes the listeners and the element ref.

use powershift_core::network::Rect;
use powershift_core::scene::network::FittedAnnotation;
use powershift_core::scene::{relation_colour, Exiting, NetworkScene};
use powershift_core::svg::num;
use powershift_core::view::Camera;
use yew::prelude::*;

/// Delegated listeners for a drawing full of items (one set on the `<svg>` for every node, line or
/// event mark; see `hooks::use_delegated`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemListeners {
    /// Pointer over an item (linking).
    pub pointerover: Callback<PointerEvent>,
    /// Pointer left the drawing.
    pub pointerleave: Callback<PointerEvent>,
    /// Keyboard focus entered an item.
    pub focusin: Callback<FocusEvent>,
    /// Keyboard focus left an item.
    pub focusout: Callback<FocusEvent>,
    /// A key on a focused item.
    pub keydown: Callback<KeyboardEvent>,
    /// A click (the timeline's marks; the network selects through its gestures).
    pub click: Callback<MouseEvent>,
}

/// The network `<svg>`'s listeners and its ref.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SvgListeners {
    /// The element, for gestures' coordinate conversion and the wheel listener.
    pub node: NodeRef,
    /// Pointer pressed.
    pub pointerdown: Callback<PointerEvent>,
    /// Pointer moved.
    pub pointermove: Callback<PointerEvent>,
    /// Pointer released.
    pub pointerup: Callback<PointerEvent>,
    /// Pointer taken away by the browser.
    pub pointercancel: Callback<PointerEvent>,
    /// Hover, focus and keyboard on the items.
    pub items: ItemListeners,
}

/// The network `<svg>`: arrow markers, backdrop, fading items, lines and organisations under the
/// camera's transform. `view_box` stays fixed while the date changes, so positions stay put.
/// `hit` is the side of a touch target in world units (44 CSS pixels at the current scale): every
/// organisation and line gets an invisible square at least that large to press. `tab_org` is the one
/// organisation in the tab order (roving tabindex: arrow keys move from there, see
/// `powershift_core::scene::traversal`). `story_box` is the story's whole drawing: its shape is the
/// element's (`aspect-ratio`) where the page sizes the drawing by its width (a phone), so the page
/// under it does not move when a date's frame is a little wider or taller.
#[allow(clippy::too_many_arguments)] // one drawing, its camera and its listeners
pub fn network_svg(
    scene: &NetworkScene,
    view_box: Rect,
    story_box: Rect,
    camera: Camera,
    font_px: f64,
    hit: f64,
    note: Option<(&FittedAnnotation, f64)>,
    on: &SvgListeners,
    tab_org: Option<powershift_core::model::OrgIx>,
) -> Html {
    let vb = view_box;
    let transform = format!("translate({} {}) scale({})", num(camera.x), num(camera.y), camera.k);
    html! {
        <svg ref={on.node.clone()} class={classes!("network", scene.large.then_some("large"))} role="group"
             aria-label="Partnership network: organisations are buttons; select one for details"
             aria-describedby="network-help sentence-text"
             viewBox={format!("{} {} {} {}", num(vb.min.x), num(vb.min.y), num(vb.width()), num(vb.height()))}
             preserveAspectRatio="xMidYMid meet"
             style={format!("aspect-ratio: {} / {}", num(story_box.width().max(1.0)), num(story_box.height().max(1.0)))}
             onpointerdown={on.pointerdown.clone()} onpointermove={on.pointermove.clone()}
             onpointerup={on.pointerup.clone()} onpointercancel={on.pointercancel.clone()}
             onpointerover={on.items.pointerover.clone()} onpointerleave={on.items.pointerleave.clone()}
             onfocusin={on.items.focusin.clone()} onfocusout={on.items.focusout.clone()} onkeydown={on.items.keydown.clone()}>
            <defs>
                { for scene.arrow_kinds.iter().map(|k| html! {
                    <marker id={format!("arrow-{}", k.as_str())} viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse">
                        <path d="M0,0L10,5L0,10z" fill={relation_colour(*k)} />
                    </marker>
                }) }
            </defs>
            <rect class="backdrop" x={num(vb.min.x)} y={num(vb.min.y)} width={num(vb.width())} height={num(vb.height())} />
            <g transform={transform}>
                { exiting(scene) }
                <g class="ghosts">{ for scene.ghosts.iter().map(ghost) }</g>
                <g class="edges">{ for scene.edges.iter().map(|e| edge(e, scene.large, font_px, hit)) }</g>
                <g class="nodes">{ for scene.nodes.iter().map(|n| node(n, font_px, (!scene.large).then_some(hit), tab_org == Some(n.org))) }</g>
                if let Some((a, note_px)) = note {
                    <g class="annotation" aria-hidden="true">
                        <line x1={num(a.leader.0.x)} y1={num(a.leader.0.y)} x2={num(a.leader.1.x)} y2={num(a.leader.1.y)} />
                        <text x={num(a.x)} y={num(a.y)} font-size={num(note_px)} text-anchor="middle">
                            { for a.lines.iter().enumerate().map(|(i, l)| html! {
                                <tspan x={num(a.x)} dy={if i == 0 { "0".to_string() } else { num(note_px * 1.2) }}>{ l }</tspan>
                            }) }
                        </text>
                    </g>
                }
            </g>
        </svg>
    }
}

/// A line: one relationship, or a bundle of a pair's agreements with a count badge. Every line is a
/// named button (both organisations, what changed) but not a tab stop: with dozens of lines that
/// would bury the details under tabs; keyboard readers reach every relationship from an
/// organisation's details (the roving traversal of issue 13 will add arrows).
fn edge(e: &powershift_core::scene::SceneEdge, large: bool, font_px: f64, hit: f64) -> Html {
    let class = classes!(
        "edge",
        e.emphasis.class(),
        e.selected.then_some("selected"),
        e.change.map(|c| c.class()),
        e.muted.then_some("muted"),
        (e.rels.len() > 1).then_some("bundle")
    );
    let d = e.curve.svg_path();
    let single = e.rels.len() == 1;
    html! {
        <g key={e.id.clone()} {class} data-rel={single.then(|| e.id.clone())} data-rel-ix={single.then(|| e.rel.0.to_string())}
           data-pair={(!single).then(|| format!("{},{}", e.pair.0 .0, e.pair.1 .0))} data-rels={e.rel_ids.join(" ")}
           data-from={e.from.clone()} data-to={e.to.clone()} data-kind={e.kind.as_str()} data-status={e.status.clone()}
           role={(!large).then_some("button")} tabindex={(!large).then_some("-1")} aria-label={(!large).then(|| e.description.clone())}>
            if !large {
                <title>{ &e.description }</title>
                <path class="edge-hit" d={d.clone()} />
                { touch_square(Some(e.curve.at(0.5)), hit) }
            }
            if e.change.is_some() {
                <path class="edge-halo" d={d.clone()} stroke-width={num(e.width + 7.0)} />
            }
            <path class="edge-line" d={d} stroke={e.stroke} stroke-width={num(e.width)}
                  stroke-dasharray={e.dash} opacity={num(e.opacity)}
                  marker-end={e.arrow.then(|| format!("url(#arrow-{})", e.kind.as_str()))} />
            if let Some(b) = e.badge {
                <g class="badge" aria-hidden="true" transform={translate(b)}>
                    <circle r={num(font_px * 0.75)} />
                    <text font-size={num(font_px * 0.85)} text-anchor="middle" dominant-baseline="central">{ e.rels.len() }</text>
                </g>
            }
        </g>
    }
}

/// A relationship that ended in the change on view, fading where it was.
fn ghost(g: &powershift_core::scene::network::Ghost) -> Html {
    html! {
        <g key={g.id.clone()} class="ghost" data-ghost={g.id.clone()} role="img" aria-label={g.description.clone()}>
            <path class="ghost-line" d={g.curve.svg_path()} stroke={g.stroke} />
        </g>
    }
}

/// An invisible square of side `side` centred on `c` (on the origin for `None`, inside a translated
/// group): a touch target larger than the drawing. Placed by a translation, so a date change that
/// moves it rewrites one attribute, not two.
fn touch_square(c: Option<powershift_core::network::Vec2>, side: f64) -> Html {
    html! { <rect class="touch" transform={c.map(translate)} x={num(-side / 2.0)} y={num(-side / 2.0)} width={num(side)} height={num(side)} /> }
}

/// `translate(x y)`, in hundredths.
fn translate(c: powershift_core::network::Vec2) -> String {
    format!("translate({} {})", num(c.x), num(c.y))
}

/// An organisation; `hit` is its touch square's side (none for large graphs, like the lines' hit paths).
/// Its parts are drawn around the origin and the group is translated to the organisation's place:
/// when a date change or a transition moves it, one attribute changes instead of eight (the circle's
/// centre, the label's and the touch square's corners), the most frequent DOM write of scrubbing.
fn node(n: &powershift_core::scene::SceneNode, font_px: f64, hit: Option<f64>, tab_stop: bool) -> Html {
    let class = classes!("node", n.emphasis.class(), n.selected.then_some("selected"), n.pinned.then_some("pinned"));
    html! {
        <g key={n.id.clone()} {class} data-org={n.org.0.to_string()} data-id={n.id.clone()} transform={translate(n.pos)}
           role="button" tabindex={if tab_stop { "0" } else { "-1" }} aria-label={n.description.clone()} aria-pressed={n.selected.to_string()}>
            if let Some(hit) = hit {
                { touch_square(None, hit.max(2.0 * n.radius)) }
            }
            <circle r={num(n.radius)} fill={n.fill} />
            if let Some(l) = n.label_rect {
                <text x={num(l.min.x + 3.0 - n.pos.x)} y={num(l.center().y - n.pos.y)} font-size={num(font_px)} dominant-baseline="central"
                      aria-hidden="true">{ &n.label }</text>
            }
        </g>
    }
}

/// What the previous date had, fading out where it was (empty unless a date change animates).
fn exiting(scene: &NetworkScene) -> Html {
    if scene.exiting.is_empty() {
        return html! {};
    }
    let fade = num(scene.exit_opacity);
    let items = scene.exiting.iter().map(|x| match x {
        Exiting::Edge { rel, curve, stroke } => html! {
            <path key={format!("x-r{}", rel.0)} class="edge-line exiting" d={curve.svg_path()} stroke={*stroke}
                  stroke-width="1.5" opacity={fade.clone()} />
        },
        Exiting::Node { org, pos, radius, fill } => html! {
            <circle key={format!("x-o{}", org.0)} class="exiting" cx={num(pos.x)} cy={num(pos.y)} r={num(*radius)}
                    fill={*fill} opacity={fade.clone()} />
        },
    });
    html! { <g class="exiting" aria-hidden="true">{ for items }</g> }
}
