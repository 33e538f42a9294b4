//! Filter chips above the network: one toggle per colour of line, so the filter and the colour key
//! are the same row, and what is filtered is visible where the reader looks. A chip is pressed when
//! its lines are shown, "mixed" when a deep link hid only some of its kinds.

use powershift_core::model::{RelationGroup, RelationKind};
use powershift_core::scene::group_colour;
use powershift_core::view::Action;
use yew::prelude::*;

use crate::state::use_app;

/// The chips, with a line saying what is hidden and a way to show everything again.
#[function_component(FilterChips)]
pub fn filter_chips() -> Html {
    let app = use_app();
    let ds = &app.story.ds;
    let view = &app.view;
    let v = &view.view;
    let mut groups: Vec<RelationGroup> = ds.relationships.iter().map(|r| r.kind.group()).collect();
    powershift_core::sort::sort(&mut groups);
    groups.dedup();
    let shown_kinds = |g: RelationGroup| g.kinds().iter().filter(|k| v.shows_kind(**k)).count();
    let chips = groups.iter().map(|g| {
        let g = *g;
        let onclick = {
            let view = view.clone();
            Callback::from(move |_| view.dispatch(Action::ToggleGroup(g)))
        };
        // Only the kinds the story uses count: a group half-hidden by a link reads "mixed".
        let used: Vec<RelationKind> =
            g.kinds().iter().copied().filter(|k| ds.relationships.iter().any(|r| r.kind == *k)).collect();
        let shown = used.iter().filter(|k| v.shows_kind(**k)).count();
        let pressed = match shown {
            0 => "false",
            n if n == used.len() => "true",
            _ => "mixed",
        };
        let kinds = used.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ");
        html! {
            <li>
                <button type="button" class="chip" aria-pressed={pressed} title={format!("{}: {kinds}", g.label())} {onclick}>
                    <svg class="chip-line" viewBox="0 0 20 10" aria-hidden="true">
                        <line x1="1" y1="5" x2="19" y2="5" stroke={group_colour(g)} stroke-width="3" stroke-linecap="round" />
                    </svg>
                    { g.label() }
                </button>
            </li>
        }
    });
    let hidden: Vec<&str> = groups.iter().filter(|g| shown_kinds(**g) < g.kinds().len()).map(|g| g.label()).collect();
    let show_all = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::ShowAllKinds))
    };
    let unfocus = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::FocusOrg(None)))
    };
    let focused = v.focus_org.map(|o| ds.org(o).name.clone());
    html! {
        <div class="filter-chips">
            <div role="group" aria-label="Show relationships of these kinds"><ul>{ for chips }</ul></div>
            if !hidden.is_empty() || focused.is_some() {
                <p class="filter-status small">
                    if !hidden.is_empty() {
                        <span>{ format!("Hidden: {}.", hidden.join(", ")) }</span>
                        <button type="button" class="link" onclick={show_all}>{ "Show all kinds" }</button>
                    }
                    if let Some(name) = focused {
                        <span>{ format!("Only {name}’s relationships.") }</span>
                        <button type="button" class="link" onclick={unfocus}>{ "Show every organisation" }</button>
                    }
                </p>
            }
        </div>
    }
}
