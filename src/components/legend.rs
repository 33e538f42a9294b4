//! The legend: every encoding of the network, generated from the same functions the scene uses.

use powershift_core::model::{ConfidenceLevel, Dataset, OrgKind, PhaseState, RelationKind};
use powershift_core::scene::{confidence_dash, counts, org_colour, relation_colour, state_opacity};
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq, Debug)]
pub struct LegendProps {
    /// The dataset (only kinds it uses are listed).
    pub dataset: std::rc::Rc<Dataset>,
}

/// The legend.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let ds = &props.dataset;
    let mut org_kinds: Vec<OrgKind> = ds.organisations.iter().map(|o| o.kind).collect();
    org_kinds.sort();
    org_kinds.dedup();
    let mut rel_kinds: Vec<RelationKind> = ds.relationships.iter().map(|r| r.kind).collect();
    rel_kinds.sort();
    rel_kinds.dedup();
    let line = |stroke: &'static str, dash: Option<&'static str>, opacity: f64, width: f64| {
        html! { <svg class="legend-line" viewBox="0 0 36 10" aria-hidden="true">
            <line x1="2" y1="5" x2="34" y2="5" stroke={stroke} stroke-width={width.to_string()} stroke-dasharray={dash} opacity={opacity.to_string()} />
        </svg> }
    };
    html! {
        <section class="panel legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{ "How to read the network" }</h2>
            <div class="legend-grid">
                <div>
                    <h3>{ "Organisations" }</h3>
                    <ul>{ for org_kinds.iter().map(|k| html! {
                        <li><svg class="legend-dot" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill={org_colour(*k)} /></svg>{ k.label() }</li>
                    }) }</ul>
                    <p class="small muted">{ counts::DISC_SIZE }</p>
                </div>
                <div>
                    <h3>{ "Relationship kinds" }</h3>
                    <ul>{ for rel_kinds.iter().map(|k| html! { <li>{ line(relation_colour(*k), None, 0.9, 2.5) }{ k.label() }</li> }) }</ul>
                </div>
                <div>
                    <h3>{ "Line style" }</h3>
                    <ul>
                        { for ConfidenceLevel::ALL.iter().map(|c| html! { <li>{ line("#1b1f24", confidence_dash(*c), 0.9, 2.0) }{ c.label() }</li> }) }
                        <li>{ line("#1b1f24", None, state_opacity(PhaseState::Historical), 2.0) }{ "Faded: historical or stalled" }</li>
                        <li>{ line("#1b1f24", None, 0.9, 1.2) }{ line("#1b1f24", None, 0.9, 5.0) }{ "Width: money involved (log scale)" }</li>
                        <li><svg class="legend-line" viewBox="0 0 36 10" aria-hidden="true"><line x1="2" y1="5" x2="28" y2="5" stroke="#1b1f24" stroke-width="2" /><path d="M26,1L34,5L26,9z" fill="#1b1f24" /></svg>{ "Arrow: investor → investee, supplier → customer, plaintiff → defendant" }</li>
                        <li>{ counts::PARALLEL }</li>
                    </ul>
                </div>
            </div>
        </section>
    }
}
