//! The timeline: event marks on a time axis, packed into lanes so marks and labels never overlap,
//! coloured by kind; an overview strip with the event density and a brush for the visible window;
//! zoom (wheel, buttons) and pan (drag the brush). Selecting an event moves the network to its date.

use std::rc::Rc;

use powershift_core::date::Date;
use powershift_core::model::EventIx;
use powershift_core::scene::{event_colour, event_relation_kind, linked};
use std::collections::BTreeSet;

use powershift_core::model::RelationKind;
use powershift_core::timeline::{layout_events_with_widths, ticks, Bin, EventLayout, MarkStyle, TimeScale};
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::{Story, ViewHandle, ViewStore};

/// Props.
#[derive(Properties, PartialEq, Debug)]
pub struct TimelineViewProps {
    /// The story.
    pub story: Story,
    /// The view state.
    pub view: ViewHandle,
    /// Event density over the whole story.
    pub density: Rc<Vec<Bin>>,
}

const MARGIN: f64 = 12.0;
const STRIP_H: f64 = 34.0;
const AXIS_H: f64 = 26.0;
const LANE_H: f64 = 22.0;
/// Above this many lanes, labels are dropped (marks alone still never overlap); zoom in to read them.
const MAX_LABEL_LANES: usize = 16;

/// The timeline view.
#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let story = &props.story;
    let ds = &story.ds;
    let view = &props.view;
    let container = use_node_ref();
    let width = crate::hooks::use_width(container.clone(), 960.0).max(280.0);
    let (lo, hi) = story.ctx.range;
    let full = TimeScale::new(lo, hi, MARGIN, width - MARGIN);
    let (w0, w1) = view.view.window;
    let scale = TimeScale::from_days(w0, w1, MARGIN, width - MARGIN);

    // Marks: with labels if they fit in a few lanes, else marks only. Laid out once per window and
    // width, not per date.
    let narrow = width < 600.0;
    let marks_layout = {
        let ds = ds.clone();
        use_memo((w0.to_bits(), w1.to_bits(), width.to_bits()), move |_| {
            let style = MarkStyle { max_label_chars: if narrow { 22 } else { 30 }, ..MarkStyle::default() };
            let layout = layout_events_with_widths(&ds, &scale, &style, &[]);
            if layout.lanes <= MAX_LABEL_LANES {
                (Rc::new(layout), true)
            } else {
                let bare = MarkStyle { max_label_chars: 0, label_gap: 0.0, lane_gap: 2.0, ..style };
                (Rc::new(layout_events_with_widths(&ds, &scale, &bare, &vec![0.0; ds.events.len()])), false)
            }
        })
    };
    let (layout, labelled) = (marks_layout.0.clone(), marks_layout.1);
    let lanes = layout.lanes.max(1);
    let height = STRIP_H + AXIS_H + lanes as f64 * LANE_H + 8.0;
    let top = STRIP_H + AXIS_H;

    // Linking: the events the focus highlights (independent of the date).
    let highlight = {
        let ds = ds.clone();
        use_memo(view.view.focus(), move |f| f.map(|f| Rc::new(linked(&ds, f, &[]).events)))
    };

    // Wheel zooms the window around the pointer.
    {
        let view = view.clone();
        let container = container.clone();
        use_effect_with((container.clone(), w0.to_bits(), w1.to_bits(), width.to_bits()), move |_| {
            let listener = container.cast::<web_sys::Element>().map(|el| {
                let el2 = el.clone();
                crate::platform::dom::on_wheel(&el, move |e| {
                    e.prevent_default();
                    let (left, _, _, _) = crate::platform::dom::rect_of(&el2);
                    let x = f64::from(e.client_x()) - left;
                    // Scrolling up (negative delta) zooms in, as in the network.
                    let factor = (-e.delta_y() * 0.002).exp();
                    let s = scale.zoom(x, factor);
                    let (a, b) = s.domain();
                    view.dispatch(Action::SetWindow(a, b));
                })
            });
            move || drop(listener)
        });
    }

    // Brush on the overview strip.
    let brush = use_mut_ref(|| None::<f64>);
    let onstripdown = {
        let brush = brush.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::Element>() {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
            *brush.borrow_mut() = Some(f64::from(e.offset_x()));
        })
    };
    let onstripmove = {
        let brush = brush.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(start) = *brush.borrow() {
                let x = f64::from(e.offset_x());
                if (x - start).abs() > 3.0 {
                    view.dispatch(Action::SetWindow(full.invert(start), full.invert(x)));
                }
            }
        })
    };
    let onstripup = {
        let brush = brush.clone();
        Callback::from(move |_: PointerEvent| *brush.borrow_mut() = None)
    };
    let zoom = |factor: f64| {
        let view = view.clone();
        let centre = scale.map(view.view.date).clamp(MARGIN, width - MARGIN);
        Callback::from(move |_| {
            let (a, b) = scale.zoom(centre, factor).domain();
            view.dispatch(Action::SetWindow(a, b));
        })
    };
    let reset = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::ResetWindow))
    };
    let onaxisclick = {
        let view = view.clone();
        Callback::from(move |e: MouseEvent| view.dispatch(Action::SetDate(scale.invert_date(f64::from(e.offset_x())))))
    };

    let peak = props.density.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bars = props.density.iter().map(|b| {
        let (x0, x1) = (full.map(b.start), full.map(b.end));
        let h = f64::from(b.count) / f64::from(peak) * (STRIP_H - 8.0);
        html! { <rect class="density-bar" x={f1(x0)} y={f1(STRIP_H - 4.0 - h)} width={f1((x1 - x0 - 1.0).max(0.5))} height={f1(h)} /> }
    });
    let (bx0, bx1) = (full.map_days(w0), full.map_days(w1));
    let axis = ticks(&scale, if narrow { 56.0 } else { 72.0 });
    let now_x = scale.map(view.view.date);

    let marks = html! {
        <TimelineMarks story={story.clone()} layout={layout.clone()} {labelled} {top} {width}
            highlight={(*highlight).clone()} selection={view.view.selection}
            hidden={view.view.hidden_kinds.clone()} dispatch={view.dispatcher()} />
    };

    html! {
        <section class="panel timeline-panel" aria-labelledby="timeline-title">
            <div class="panel-head">
                <h2 id="timeline-title">{ "Timeline" }</h2>
                <div class="toolbar" role="group" aria-label="Timeline zoom">
                    <button type="button" class="icon" aria-label="Zoom timeline in" title="Zoom in" onclick={zoom(2.0)}>{ "+" }</button>
                    <button type="button" class="icon" aria-label="Zoom timeline out" title="Zoom out" onclick={zoom(0.5)}>{ "−" }</button>
                    <button type="button" onclick={reset}>{ "Whole story" }</button>
                </div>
            </div>
            <div ref={container} class="timeline-wrap">
                <svg class="timeline" width={f1(width)} height={f1(height)} viewBox={format!("0 0 {} {}", f1(width), f1(height))}
                     role="group" aria-label="Events in time; each event is a button">
                    <g class="strip" onpointerdown={onstripdown} onpointermove={onstripmove} onpointerup={onstripup.clone()} onpointercancel={onstripup}>
                        <rect class="strip-bg" x="0" y="0" width={f1(width)} height={f1(STRIP_H)} />
                        { for bars }
                        <rect class="brush" x={f1(bx0)} y="1" width={f1((bx1 - bx0).max(2.0))} height={f1(STRIP_H - 4.0)} />
                        <line class="now" x1={f1(full.map(view.view.date))} x2={f1(full.map(view.view.date))} y1="0" y2={f1(STRIP_H)} />
                    </g>
                    <g class="axis" onclick={onaxisclick}>
                        <rect class="axis-bg" x="0" y={f1(STRIP_H)} width={f1(width)} height={f1(AXIS_H)} />
                        { for axis.iter().map(|t| html! { <g class={classes!("tick", t.major.then_some("major"))}>
                            <line x1={f1(t.x)} x2={f1(t.x)} y1={f1(STRIP_H)} y2={f1(height)} />
                            <text x={f1(t.x + 3.0)} y={f1(STRIP_H + 16.0)}>{ &t.label }</text>
                        </g> }) }
                    </g>
                    { marks }
                    if (MARGIN..=width - MARGIN).contains(&now_x) {
                        <line class="now" x1={f1(now_x)} x2={f1(now_x)} y1={f1(STRIP_H)} y2={f1(height)} />
                    }
                </svg>
            </div>
            if !labelled {
                <p class="muted small">{ "Zoom in to read the event titles; every event is listed when selected." }</p>
            }
        </section>
    }
}

fn hover_cb<E>(d: &UseReducerDispatcher<ViewStore>, sel: Option<Selection>) -> Callback<E> {
    let d = d.clone();
    Callback::from(move |_| d.dispatch(Action::Hover(sel)))
}

fn f1(v: f64) -> String {
    format!("{:.1}", v)
}

/// Props of the marks: everything they depend on except the date, so scrubbing does not redraw them.
#[derive(Properties, PartialEq, Debug)]
pub struct TimelineMarksProps {
    /// The story.
    pub story: Story,
    /// Marks and lanes for the current window and width.
    pub layout: Rc<EventLayout>,
    /// Whether labels are drawn.
    pub labelled: bool,
    /// Top of the first lane.
    pub top: f64,
    /// Width of the timeline.
    pub width: f64,
    /// Events linked to the focus (None: nothing in focus).
    pub highlight: Option<Rc<BTreeSet<EventIx>>>,
    /// The selection.
    pub selection: Option<Selection>,
    /// Hidden relationship kinds.
    pub hidden: BTreeSet<RelationKind>,
    /// Dispatches actions (stable across renders).
    pub dispatch: UseReducerDispatcher<ViewStore>,
}

/// The event marks, in lanes.
#[function_component(TimelineMarks)]
pub fn timeline_marks(props: &TimelineMarksProps) -> Html {
    let ds = &props.story.ds;
    let width = props.width;
    let top = props.top;
    let labelled = props.labelled;
    let marks = props.layout.marks.iter().filter(|m| {
        let end = m.label_x + m.label_width;
        end >= 0.0 && m.x <= width
    }).map(|m| {
        let ev = ds.event(m.event);
        let kind = ev.kinds[0];
        let y = top + m.lane as f64 * LANE_H + LANE_H / 2.0;
        let hidden = !ev.kinds.iter().any(|k| event_relation_kind(*k).is_none_or(|rk| !props.hidden.contains(&rk)));
        let emph = match &props.highlight {
            None => None,
            Some(l) if l.contains(&m.event) => Some("highlight"),
            Some(_) => Some("dim"),
        };
        let selected = props.selection == Some(Selection::Event(m.event));
        let e: EventIx = m.event;
        let date: Date = ev.date.start;
        let go = {
            let d = props.dispatch.clone();
            move || {
                d.dispatch(Action::SetDate(date));
                d.dispatch(Action::Select(Some(Selection::Event(e))));
            }
        };
        let onclick = {
            let go = go.clone();
            Callback::from(move |_| go())
        };
        let onkeydown = Callback::from(move |k: KeyboardEvent| {
            if k.key() == "Enter" || k.key() == " " {
                k.prevent_default();
                go();
            }
        });
        let label = format!("{}: {}", ev.date.to_words(), ev.title);
        html! {
            <g key={ev.id.clone()} class={classes!("mark", emph, selected.then_some("selected"), hidden.then_some("filtered"))}
               data-event={ev.id.clone()} role="button" tabindex="0" aria-label={label.clone()}
               {onclick} {onkeydown} onmouseenter={hover_cb(&props.dispatch, Some(Selection::Event(e)))} onfocus={hover_cb(&props.dispatch, Some(Selection::Event(e)))}
               onmouseleave={hover_cb(&props.dispatch, None)} onblur={hover_cb(&props.dispatch, None)}>
                <title>{ label }</title>
                if let Some(xe) = m.x_end {
                    <line x1={f1(m.x)} x2={f1(xe)} y1={f1(y)} y2={f1(y)} stroke={event_colour(kind)} stroke-width="4" stroke-linecap="round" />
                }
                <circle cx={f1(m.x)} cy={f1(y)} r="5" fill={event_colour(kind)} />
                if labelled && !m.label.is_empty() {
                    <text x={f1(m.label_x)} y={f1(y)} dominant-baseline="central">{ &m.label }</text>
                }
            </g>
        }
    });
    html! { <g class="marks">{ for marks }</g> }
}
