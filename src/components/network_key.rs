//! The compact key under the network: what the disc colours, the line styles, the widths and the
//! arrows mean. The line colours are keyed by the filter chips above the drawing. Everything comes
//! from the encoding functions the scene uses, so the key cannot drift from the picture.

use powershift_core::model::{ConfidenceLevel, Dataset, OrgGroup, PhaseState};
use powershift_core::scene::{confidence_dash, edge_width, org_group_colour, state_opacity, MIN_EDGE_WIDTH};
use yew::prelude::*;

/// Props of [`NetworkKey`].
#[derive(Properties, Debug)]
pub struct NetworkKeyProps {
    /// The dataset (only the groups and confidence levels it uses are listed).
    pub dataset: std::rc::Rc<Dataset>,
}

/// By the dataset's address: the derived comparison walked the whole dataset on every date change.
impl PartialEq for NetworkKeyProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.dataset, &other.dataset)
    }
}

fn line(dash: Option<&'static str>, opacity: f64, width: f64) -> Html {
    html! { <svg class="key-line" viewBox="0 0 40 10" aria-hidden="true">
        <line x1="1" y1="5" x2="39" y2="5" class="key-ink" stroke-width={powershift_core::svg::num(width)} stroke-dasharray={dash} opacity={powershift_core::svg::num(opacity)} />
    </svg> }
}

/// The key.
#[function_component(NetworkKey)]
pub fn network_key(props: &NetworkKeyProps) -> Html {
    let ds = &props.dataset;
    let mut orgs: Vec<OrgGroup> = ds.organisations.iter().map(|o| o.kind.group()).collect();
    powershift_core::sort::sort(&mut orgs);
    orgs.dedup();
    let mut levels: Vec<ConfidenceLevel> =
        ds.relationships.iter().flat_map(|r| r.phases.iter().map(|p| p.confidence)).collect();
    powershift_core::sort::sort(&mut levels);
    levels.dedup();
    html! {
        <div class="network-key" role="group" aria-label="Key">
            <ul class="key-row" aria-label="Organisations">
                { for orgs.iter().map(|g| html! {
                    <li><svg class="key-dot" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="5.5" fill={org_group_colour(*g)} /></svg>{ g.label() }</li>
                }) }
                <li class="muted">{ "Larger disc: more relationships on the date" }</li>
            </ul>
            <ul class="key-row" aria-label="Lines">
                { for levels.iter().map(|c| html! { <li>{ line(confidence_dash(*c), 0.9, MIN_EDGE_WIDTH + 0.5) }{ c.label() }</li> }) }
                <li>{ line(None, state_opacity(PhaseState::Historical), MIN_EDGE_WIDTH + 0.5) }{ "Faded: ended or stalled" }</li>
                <li>{ line(None, 0.9, MIN_EDGE_WIDTH) }{ line(None, 0.9, edge_width(3.0)) }{ "Wider: more money" }</li>
                <li><svg class="key-line" viewBox="0 0 40 10" aria-hidden="true"><line x1="1" y1="5" x2="31" y2="5" class="key-ink" stroke-width="2.5" /><path d="M29,1L38,5L29,9z" class="key-fill" /></svg>{ "Arrow: who invests, supplies or sues whom" }</li>
                <li><span class="key-badge" aria-hidden="true">{ "3" }</span>{ "Number: agreements between the two; select or zoom in to see each" }</li>
            </ul>
        </div>
    }
}
