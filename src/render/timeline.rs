//! The timeline scene as SVG markup: the overview strip (density bars, brush, current date), the
//! axis, the marks (a separate component, so a date change does not redraw them), the current
//! date's line, and the colour key. No state, no decisions.

use std::rc::Rc;

use powershift_core::scene::timeline::{DensityBar, SceneTick};
use powershift_core::scene::timeline::{AXIS_H, STRIP_H};
use powershift_core::scene::{KeyEntry, SceneMark, TimelineScene};
use powershift_core::svg::num;
use yew::prelude::*;

use super::network::ItemListeners;
use crate::components::Frozen;

/// Listeners of the overview strip (the brush) and the axis (click to go to a date).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StripListeners {
    /// Brush pressed.
    pub pointerdown: Callback<PointerEvent>,
    /// Brush moved.
    pub pointermove: Callback<PointerEvent>,
    /// Brush released (also on cancel).
    pub pointerup: Callback<PointerEvent>,
    /// A click on the axis.
    pub axis_click: Callback<MouseEvent>,
}

/// The parts of the timeline that change with the width and the window only, built by the panel
/// when those change ([`density_bars`], [`axis_ticks`]), so a date change neither rebuilds nor
/// compares them.
#[derive(Clone, Debug)]
pub struct FrozenParts {
    /// The strip's density bars.
    pub bars: Rc<Html>,
    /// The axis ticks.
    pub ticks: Rc<Html>,
}

/// The timeline `<svg>`. `marks` are drawn by [`Marks`]; `on` carries the delegated listeners of the
/// marks (hover, focus, keyboard, click). With `interactive` false (touch screens, which get the list
/// of events instead) the marks are drawn for reading only: no buttons too small for a finger.
pub fn timeline_svg(
    scene: &TimelineScene,
    marks: Rc<Vec<SceneMark>>,
    interactive: bool,
    strip: &StripListeners,
    on: &ItemListeners,
    tab_event: Option<powershift_core::model::EventIx>,
    frozen: &FrozenParts,
) -> Html {
    let (w, h) = (scene.width, scene.height);
    html! {
        <svg class="timeline" width={num(w)} height={num(h)} viewBox={format!("0 0 {} {}", num(w), num(h))}
             role="group" aria-label="Events in time; each event is a button"
             onpointerover={on.pointerover.clone()} onpointerleave={on.pointerleave.clone()}
             onfocusin={on.focusin.clone()} onfocusout={on.focusout.clone()} onkeydown={on.keydown.clone()}
             onclick={on.click.clone()}>
            <g class="strip" onpointerdown={strip.pointerdown.clone()} onpointermove={strip.pointermove.clone()}
               onpointerup={strip.pointerup.clone()} onpointercancel={strip.pointerup.clone()}>
                <rect class="strip-bg" x="0" y="0" width={num(w)} height={num(STRIP_H)} />
                <Frozen html={frozen.bars.clone()} />
                <rect class="brush" x={num(scene.brush.0)} y="1" width={num((scene.brush.1 - scene.brush.0).max(2.0))}
                      height={num(STRIP_H - 4.0)} />
                <line class="now" x1={num(scene.strip_now)} x2={num(scene.strip_now)} y1="0" y2={num(STRIP_H)} />
            </g>
            <g class="axis" onclick={strip.axis_click.clone()}>
                <rect class="axis-bg" x="0" y={num(STRIP_H)} width={num(w)} height={num(AXIS_H)} />
                <Frozen html={frozen.ticks.clone()} />
            </g>
            <Marks {marks} {interactive} {tab_event} />
            if let Some(x) = scene.now {
                <line class="now" x1={num(x)} x2={num(x)} y1={num(STRIP_H)} y2={num(h)} />
            }
        </svg>
    }
}

/// The density strip's bars (they depend on the story and the width only, so the panel builds them
/// once per width and passes them in [`crate::components::Frozen`]).
pub fn density_bars(bars: &[DensityBar]) -> Html {
    html! {
        { for bars.iter().map(|b| html! {
            <rect class="density-bar" x={num(b.x)} y={num(b.y)} width={num(b.width)} height={num(b.height)} />
        }) }
    }
}

/// The axis ticks, down through the lanes to `height` (built once per window and width, like the
/// bars).
pub fn axis_ticks(ticks: &[SceneTick], height: f64) -> Html {
    html! {
        { for ticks.iter().map(|t| html! {
            <g class={classes!("tick", t.major.then_some("major"), t.year_start.then_some("year"))}>
                <line x1={num(t.x)} x2={num(t.x)} y1={num(STRIP_H)} y2={num(height)} />
                if !t.label.is_empty() {
                    <text x={num(t.x + 3.0)} y={num(STRIP_H + 16.0)}>{ &t.label }</text>
                }
            </g>
        }) }
    }
}

/// Props of [`Marks`].
#[derive(Properties, PartialEq, Debug)]
pub struct MarksProps {
    /// The marks to draw.
    pub marks: Rc<Vec<SceneMark>>,
    /// Marks are buttons (else drawn for reading only).
    pub interactive: bool,
    /// The one mark in the tab order (roving tabindex; arrow keys move from it).
    pub tab_event: Option<powershift_core::model::EventIx>,
}

/// The event marks. A component only so that Yew skips it when the marks are unchanged (they do
/// not depend on the date); it has no state.
#[function_component(Marks)]
pub fn marks(props: &MarksProps) -> Html {
    html! { <g class="marks">{ for props.marks.iter().map(|m| mark(m, props.interactive, props.tab_event == Some(m.event))) }</g> }
}

fn mark(m: &SceneMark, interactive: bool, tab_stop: bool) -> Html {
    let class =
        classes!("mark", m.emphasis.class(), m.selected.then_some("selected"), m.filtered.then_some("filtered"));
    html! {
        <g key={m.id.clone()} {class} data-event={m.id.clone()} data-event-ix={m.event.0.to_string()}
           role={interactive.then_some("button")} tabindex={interactive.then_some(if tab_stop { "0" } else { "-1" })}
           aria-label={interactive.then(|| m.description.clone())} aria-hidden={(!interactive).then_some("true")}>
            <title>{ &m.description }</title>
            if let Some(xe) = m.x_end {
                <line x1={num(m.x)} x2={num(xe)} y1={num(m.y)} y2={num(m.y)} stroke={m.colour} stroke-width="4"
                      stroke-linecap="round" />
            }
            <circle cx={num(m.x)} cy={num(m.y)} r="5" fill={m.colour} />
            if let Some(label) = &m.label {
                <text x={num(m.label_x)} y={num(m.y)} dominant-baseline="central"
                      text-anchor={m.label_end.then_some("end")}>{ label }</text>
            }
        </g>
    }
}

/// The colour key under the timeline: a dot and a label per mark colour.
pub fn colour_key(entries: &[KeyEntry]) -> Html {
    html! {
        <ul class="timeline-key" aria-label="Mark colours">
            { for entries.iter().map(|e| html! {
                <li key={e.colour}>
                    <svg class="legend-dot" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill={e.colour} /></svg>
                    { &e.label }
                </li>
            }) }
        </ul>
    }
}
