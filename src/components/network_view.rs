//! The partnership network as SVG: nodes, curved edges, labels; zoom (wheel, pinch, buttons), pan
//! (drag), drag a node to pin it, reset. Nodes are buttons (Tab, Enter/Space) so the keyboard path
//! runs scrubber → network → details.

use std::collections::BTreeMap;
use std::rc::Rc;

use powershift_core::model::OrgIx;
use powershift_core::model::RelationKind;
use powershift_core::network::{NetworkLayout, Rect, Vec2};
use powershift_core::scene::{network_scene, relation_colour, tween_positions, Emphasis, NetworkScene};
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::{Story, ViewHandle};

/// Props.
#[derive(Properties, PartialEq, Debug)]
pub struct NetworkViewProps {
    /// The story.
    pub story: Story,
    /// The view state.
    pub view: ViewHandle,
    /// The layout on the current date.
    pub layout: Rc<NetworkLayout>,
}

/// What a pointer is doing.
#[derive(Clone, Debug, PartialEq)]
enum Gesture {
    Pan { last: Vec2 },
    Drag { org: OrgIx, start: Vec2, moved: bool },
}

fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Screen (client) → viewBox coordinates for an SVG with preserveAspectRatio xMidYMid meet.
fn client_to_view(svg: &web_sys::Element, vb: Rect, cx: f64, cy: f64) -> Vec2 {
    let (left, top, w, h) = crate::platform::dom::rect_of(svg);
    if w <= 0.0 || h <= 0.0 {
        return vb.center();
    }
    let scale = (w / vb.width()).min(h / vb.height());
    let ox = left + (w - vb.width() * scale) / 2.0;
    let oy = top + (h - vb.height() * scale) / 2.0;
    Vec2::new(vb.min.x + (cx - ox) / scale, vb.min.y + (cy - oy) / scale)
}

/// The network view.
#[function_component(NetworkView)]
pub fn network_view(props: &NetworkViewProps) -> Html {
    let story = &props.story;
    let view = &props.view;
    let reduced = crate::hooks::use_reduced_motion();
    let (from, t) = crate::hooks::use_tween(props.layout.clone(), reduced);
    let positions = if t < 1.0 { Some(tween_positions(&from, &props.layout, t)) } else { None };
    let scene: NetworkScene = network_scene(&story.ds, &props.layout, &view.view, positions.as_deref());
    let vb = story.bounds;
    let font_px = story.layout.config.font_px;
    let cam = view.view.camera;

    let svg_ref = use_node_ref();
    let gesture = use_mut_ref(|| None::<Gesture>);
    let pointers = use_mut_ref(BTreeMap::<i32, Vec2>::new);
    let pinch = use_mut_ref(|| None::<f64>);

    // Wheel zoom about the cursor (a non-passive listener, so the page does not scroll too).
    {
        let view = view.clone();
        use_effect_with(svg_ref.clone(), move |svg_ref| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                let el = svg.clone();
                crate::platform::dom::on_wheel(&svg, move |e| {
                    e.prevent_default();
                    let at = client_to_view(&el, vb, f64::from(e.client_x()), f64::from(e.client_y()));
                    let factor = (-e.delta_y() * if e.delta_mode() == 1 { 0.05 } else { 0.002 }).exp();
                    view.dispatch(Action::Zoom { at, factor });
                })
            });
            move || drop(listener)
        });
    }

    let to_view = {
        let svg_ref = svg_ref.clone();
        move |e: &PointerEvent| -> Vec2 {
            svg_ref.cast::<web_sys::Element>().map_or(Vec2::default(), |svg| {
                client_to_view(&svg, vb, f64::from(e.client_x()), f64::from(e.client_y()))
            })
        }
    };

    let onpointerdown = {
        let gesture = gesture.clone();
        let pointers = pointers.clone();
        let pinch = pinch.clone();
        let to_view = to_view.clone();
        Callback::from(move |e: PointerEvent| {
            let p = to_view(&e);
            pointers.borrow_mut().insert(e.pointer_id(), p);
            if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            let ps: Vec<Vec2> = pointers.borrow().values().copied().collect();
            if ps.len() == 2 {
                *pinch.borrow_mut() = Some(ps[0].distance(ps[1]));
                *gesture.borrow_mut() = None;
                return;
            }
            // A node under the pointer? Its <g> carries data-org.
            let org = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-org]").ok().flatten())
                .and_then(|g| g.get_attribute("data-org"))
                .and_then(|s| s.parse::<u32>().ok());
            *gesture.borrow_mut() = Some(match org {
                Some(o) => Gesture::Drag { org: OrgIx(o), start: p, moved: false },
                None => Gesture::Pan { last: p },
            });
        })
    };

    let onpointermove = {
        let gesture = gesture.clone();
        let pointers = pointers.clone();
        let pinch = pinch.clone();
        let view = view.clone();
        let to_view = to_view.clone();
        Callback::from(move |e: PointerEvent| {
            let p = to_view(&e);
            if pointers.borrow().contains_key(&e.pointer_id()) {
                pointers.borrow_mut().insert(e.pointer_id(), p);
            }
            let ps: Vec<Vec2> = pointers.borrow().values().copied().collect();
            if ps.len() == 2 {
                let d = ps[0].distance(ps[1]);
                let last = *pinch.borrow();
                if let Some(last) = last.filter(|l| *l > 0.0) {
                    view.dispatch(Action::Zoom { at: ps[0].lerp(ps[1], 0.5), factor: d / last });
                }
                *pinch.borrow_mut() = Some(d);
                return;
            }
            let g = gesture.borrow().clone();
            match g {
                Some(Gesture::Pan { last }) => {
                    view.dispatch(Action::Pan(p - last));
                    *gesture.borrow_mut() = Some(Gesture::Pan { last: p });
                }
                Some(Gesture::Drag { org, start, moved }) if moved || p.distance(start) > 4.0 => {
                    let world = view.view.camera.to_world(p);
                    view.dispatch(Action::Pin(org, world));
                    *gesture.borrow_mut() = Some(Gesture::Drag { org, start, moved: true });
                }
                Some(Gesture::Drag { .. }) => {}
                None => {}
            }
        })
    };

    let onpointerup = {
        let gesture = gesture.clone();
        let pointers = pointers.clone();
        let pinch = pinch.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().remove(&e.pointer_id());
            if pointers.borrow().len() < 2 {
                *pinch.borrow_mut() = None;
            }
            let g = gesture.borrow_mut().take();
            if let Some(Gesture::Drag { org, moved: false, .. }) = g {
                view.dispatch(Action::Select(Some(Selection::Org(org))));
            }
        })
    };

    // Delegated pointer hover, focus, keyboard and click on edges.
    let last_hover = use_mut_ref(|| None::<Selection>);
    let set_hover = {
        let view = view.clone();
        let last_hover = last_hover.clone();
        move |sel: Option<Selection>| {
            if *last_hover.borrow() != sel {
                *last_hover.borrow_mut() = sel;
                view.dispatch(Action::Hover(sel));
            }
        }
    };
    let onpointerover = {
        let set_hover = set_hover.clone();
        Callback::from(move |e: PointerEvent| set_hover(item_at(e.target_dyn_into::<web_sys::Element>())))
    };
    let onpointerleave = {
        let set_hover = set_hover.clone();
        Callback::from(move |_: PointerEvent| set_hover(None))
    };
    let onfocusin = {
        let set_hover = set_hover.clone();
        Callback::from(move |e: FocusEvent| set_hover(item_at(e.target_dyn_into::<web_sys::Element>())))
    };
    let onfocusout = {
        let set_hover = set_hover.clone();
        Callback::from(move |_: FocusEvent| set_hover(None))
    };
    let onkeydown = {
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(sel @ Selection::Org(_)) = item_at(e.target_dyn_into::<web_sys::Element>()) {
                    e.prevent_default();
                    view.dispatch(Action::Select(Some(sel)));
                }
            }
        })
    };
    let onclick = {
        let view = view.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(sel @ Selection::Rel(_)) = item_at(e.target_dyn_into::<web_sys::Element>()) {
                view.dispatch(Action::Select(Some(sel)));
            }
        })
    };

    let zoom_button = |factor: f64, label: &'static str, text: &'static str| {
        let view = view.clone();
        let onclick = Callback::from(move |_| view.dispatch(Action::Zoom { at: vb.center(), factor }));
        html! { <button type="button" class="icon" aria-label={label} title={label} {onclick}>{ text }</button> }
    };
    let reset = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::ResetView))
    };

    let kinds: Vec<RelationKind> = {
        let mut k: Vec<RelationKind> = scene.edges.iter().filter(|e| e.arrow).map(|e| e.kind).collect();
        k.sort();
        k.dedup();
        k
    };

    // Large graphs: no per-edge hit paths, tooltips or transitions, which would double the DOM
    // and the browser's style work on every date change (measured: BENCHMARKS.md).
    let large = scene.nodes.len() > 300 || scene.edges.len() > 600;
    let edges = scene.edges.iter().map(|e| {
        let class = classes!("edge", emphasis_class(e.emphasis), e.selected.then_some("selected"));
        let d = e.curve.svg_path();
        html! {
            <g key={e.id.clone()} {class} data-rel={e.id.clone()} data-rel-ix={e.rel.0.to_string()} data-from={e.from.clone()} data-to={e.to.clone()}
               data-kind={e.kind.as_str()} data-status={e.status.clone()}>
                if !large {
                    <title>{ &e.description }</title>
                    <path class="edge-hit" d={d.clone()} />
                }
                <path class="edge-line" d={d} stroke={e.stroke} stroke-width={fmt(e.width)}
                      stroke-dasharray={e.dash} opacity={fmt(e.opacity)}
                      marker-end={e.arrow.then(|| format!("url(#arrow-{})", e.kind.as_str()))} />
            </g>
        }
    });

    let nodes = scene.nodes.iter().map(|n| {
        let class = classes!("node", emphasis_class(n.emphasis), n.selected.then_some("selected"), n.pinned.then_some("pinned"));
        html! {
            <g key={n.id.clone()} {class} data-org={n.org.0.to_string()} data-id={n.id.clone()}
               role="button" tabindex="0" aria-label={n.description.clone()} aria-pressed={n.selected.to_string()}>
                <circle cx={fmt(n.pos.x)} cy={fmt(n.pos.y)} r={fmt(n.radius)} fill={n.fill} />
                if let Some(l) = n.label_rect {
                    <text x={fmt(l.min.x + 3.0)} y={fmt(l.center().y)} font-size={fmt(font_px)} dominant-baseline="central" aria-hidden="true">{ &n.label }</text>
                }
            </g>
        }
    });

    // While the date animates, what the new date no longer has fades out where it was.
    let exiting = if t < 1.0 && !large {
        let fade = fmt((1.0 - t) * 0.8);
        let gone_edges = from
            .edges
            .iter()
            .filter(|e| !props.layout.edges.iter().any(|n| n.rel == e.rel))
            .filter(|e| view.view.shows_kind(story.ds.rel(e.rel).kind))
            .map(|e| {
                let kind = story.ds.rel(e.rel).kind;
                html! { <path key={format!("x-{}", e.rel.0)} class="edge-line exiting" d={e.curve.svg_path()}
                stroke={relation_colour(kind)} stroke-width="1.5" opacity={fade.clone()} /> }
            });
        let gone_nodes = from.nodes.iter().filter(|n| props.layout.node(n.org).is_none()).map(|n| {
            let fill = powershift_core::scene::org_colour(story.ds.org(n.org).kind);
            html! { <circle key={format!("x-{}", n.org.0)} class="exiting" cx={fmt(n.pos.x)} cy={fmt(n.pos.y)} r={fmt(n.radius)}
                            fill={fill} opacity={fade.clone()} /> }
        });
        html! { <g class="exiting" aria-hidden="true">{ for gone_edges }{ for gone_nodes }</g> }
    } else {
        html! {}
    };

    let transform = format!("translate({} {}) scale({})", fmt(cam.x), fmt(cam.y), cam.k);
    html! {
        <section class="panel network-panel" aria-labelledby="network-title">
            <div class="panel-head">
                <h2 id="network-title">{ "Partnerships on " }{ props.layout.date.to_words() }</h2>
                <div class="toolbar" role="group" aria-label="Network view">
                    { zoom_button(1.4, "Zoom in", "+") }
                    { zoom_button(1.0 / 1.4, "Zoom out", "−") }
                    <button type="button" onclick={reset}>{ "Reset view" }</button>
                </div>
            </div>
            <svg ref={svg_ref} class={classes!("network", large.then_some("large"))} role="group" aria-label="Partnership network: organisations are buttons; select one for details"
                 viewBox={format!("{} {} {} {}", fmt(vb.min.x), fmt(vb.min.y), fmt(vb.width()), fmt(vb.height()))}
                 preserveAspectRatio="xMidYMid meet" {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}
                 {onpointerover} {onpointerleave} {onfocusin} {onfocusout} {onkeydown} {onclick}>
                <defs>
                    { for kinds.iter().map(|k| html! {
                        <marker id={format!("arrow-{}", k.as_str())} viewBox="0 0 10 10" refX="9" refY="5"
                                markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse">
                            <path d="M0,0L10,5L0,10z" fill={relation_colour(*k)} />
                        </marker>
                    }) }
                </defs>
                <rect class="backdrop" x={fmt(vb.min.x)} y={fmt(vb.min.y)} width={fmt(vb.width())} height={fmt(vb.height())} />
                <g transform={transform}>
                    { exiting }
                    <g class="edges">{ for edges }</g>
                    <g class="nodes">{ for nodes }</g>
                </g>
            </svg>
            <p class="hint muted small">{ "Drag to pan, scroll or pinch to zoom, drag an organisation to pin it. Select an organisation or a line for details." }</p>
        </section>
    }
}

fn emphasis_class(e: Emphasis) -> Option<&'static str> {
    match e {
        Emphasis::Normal => None,
        Emphasis::Highlight => Some("highlight"),
        Emphasis::Dim => Some("dim"),
    }
}

/// The node or edge an event happened on (listeners sit on the SVG only: one set for thousands of
/// elements, so a date change does not re-register per-element callbacks).
fn item_at(target: Option<web_sys::Element>) -> Option<Selection> {
    let el = target?.closest("[data-org], [data-rel-ix]").ok()??;
    if let Some(o) = el.get_attribute("data-org").and_then(|v| v.parse::<u32>().ok()) {
        return Some(Selection::Org(OrgIx(o)));
    }
    el.get_attribute("data-rel-ix")
        .and_then(|v| v.parse::<u32>().ok())
        .map(|r| Selection::Rel(powershift_core::model::RelIx(r)))
}
