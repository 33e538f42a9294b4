//! Search and focus: one organisation's ties, and a search box that finds
//! organisations and events by name.

use powershift_core::model::OrgIx;
use powershift_core::search::search;
use powershift_core::view::Action;
use yew::prelude::*;

use crate::platform::events::value_of;
use crate::state::use_app;

/// The filter and search panel.
#[function_component(Filters)]
pub fn filters() -> Html {
    let app = use_app();
    let ds = &app.story.ds;
    let view = &app.view;

    let mut orgs: Vec<(usize, &str)> = ds.organisations.iter().enumerate().map(|(i, o)| (i, o.name.as_str())).collect();
    powershift_core::sort::sort_by_key(&mut orgs, |o| o.1.to_lowercase());
    let onfocus_change = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            view.dispatch(Action::FocusOrg(value_of(&e).parse::<u32>().ok().map(OrgIx)));
        })
    };
    let focus_value = view.view.focus_org.map(|o| o.0.to_string()).unwrap_or_default();

    let oninput = {
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            view.dispatch(Action::Search(value_of(&e)));
        })
    };
    let hits = search(ds, &view.view.query, 12);
    let results = hits.iter().map(|h| {
        let sel = h.selection;
        // Choosing an event also moves the network to its date.
        let date = match sel {
            powershift_core::view::Selection::Event(e) => Some(ds.event(e).date.start),
            _ => None,
        };
        let onclick = {
            let app = app.clone();
            Callback::from(move |_| {
                if let Some(d) = date {
                    app.view.dispatch(Action::SetDate(d));
                }
                app.select_from_afar(sel, "the search results");
            })
        };
        html! { <li><button type="button" class="link" {onclick}>{ &h.label }<span class="muted small">{ format!(" · {}", h.detail) }</span></button></li> }
    });
    let query = view.view.query.clone();

    html! {
        <section class="panel filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{ "Search" }</h2>
            <div class="search">
                <label for="search-box">{ "Find an organisation or event" }</label>
                <input id="search-box" type="search" value={query.clone()} {oninput} placeholder="e.g. Oracle, Stargate, lawsuit" autocomplete="off" />
                if !query.trim().is_empty() {
                    <p class="muted small" role="status" aria-live="polite">{ format!("{} result{}", hits.len(), if hits.len() == 1 { "" } else { "s" }) }</p>
                    <ul class="results" aria-label="Search results">{ for results }</ul>
                }
            </div>
            <div class="focus">
                <label for="focus-org">{ "Only the relationships of" }</label>
                <select id="focus-org" onchange={onfocus_change}>
                    <option value="" selected={focus_value.is_empty()}>{ "All organisations" }</option>
                    { for orgs.iter().map(|(i, name)| html! {
                        <option value={i.to_string()} selected={focus_value == i.to_string()}>{ *name }</option>
                    }) }
                </select>
            </div>
        </section>
    }
}
