//! The events as a list by year: how a phone (or a keyboard) reads the timeline when the marks are
//! too small for a finger. The year of the current date is open; each event is a full-width button
//! that moves the story to its date and shows its details where the reader looks.

use std::collections::BTreeMap;

use powershift_core::model::EventIx;
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::use_app;

/// The list of events.
#[function_component(EventList)]
pub fn event_list() -> Html {
    let app = use_app();
    let ds = &app.story.ds;
    let mut by_year: BTreeMap<i32, Vec<EventIx>> = BTreeMap::new();
    for e in ds.events_chronological() {
        by_year.entry(ds.event(e).date.start.year()).or_default().push(e);
    }
    let current = app.view.view.date.year();
    let open = |e: EventIx| {
        let app = app.clone();
        let date = ds.event(e).date.start;
        Callback::from(move |_: MouseEvent| {
            app.view.dispatch(Action::SetDate(date));
            app.select_from_afar(Selection::Event(e), "the list of events");
        })
    };
    html! {
        <div class="event-list" aria-label="Events by year" role="group">
            { for by_year.iter().map(|(year, events)| html! {
                <details key={*year} open={*year == current}>
                    <summary>{ format!("{year} · {} event{}", events.len(), if events.len() == 1 { "" } else { "s" }) }</summary>
                    <ol>{ for events.iter().map(|e| {
                        let ev = ds.event(*e);
                        let selected = app.view.view.selection == Some(Selection::Event(*e));
                        html! { <li key={ev.id.clone()}>
                            <button type="button" class={classes!("event-item", selected.then_some("selected"))}
                                    aria-pressed={selected.to_string()} onclick={open(*e)}>
                                <span class="when">{ ev.date.to_words() }</span>{ " " }<span class="what">{ &ev.title }</span>
                            </button>
                        </li> }
                    }) }</ol>
                </details>
            }) }
        </div>
    }
}
